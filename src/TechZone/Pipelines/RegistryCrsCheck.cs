using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Pipelines.Gis;
using TechZone.Platform.Seeding;

namespace TechZone.Pipelines;

/// <summary>
/// At every start: the registry's geometries are all in one CRS, recorded with the registry state. A registry without
/// geometries takes the zone CRS of <c>Pipelines:Crs</c> (and on PostgreSQL its <c>geom</c> column follows); one that
/// holds geometries in another CRS refuses to start, since reading their metres in the new CRS would move every pipe.
/// </summary>
public sealed class RegistryCrsCheck(ZoneCrs zone) : IReferenceData
{
    /// <summary>Registries from before the CRS was recorded were all stored in EPSG:4548.</summary>
    const int BeforeTheRecord = 4548;

    public async Task SeedAsync(ZoneDb db, CancellationToken ct)
    {
        var state = await db.Set<PipeRegistryState>().SingleAsync(s => s.Id == 1, ct);
        if (state.Srid == zone.Srid) return; // the usual start: recorded, and PostGIS followed when it was
        var hasGeometry = await db.Set<PipeSegment>().AnyAsync(ct) || await db.Set<PipeSegmentVersion>().AnyAsync(ct) || await db.Set<PipeNode>().AnyAsync(ct)
            || await db.Set<ExcavationRequest>().AnyAsync(ct) || await db.Set<AsBuiltFeature>().AnyAsync(ct);
        var stored = state.Srid ?? (hasGeometry ? BeforeTheRecord : null);
        if (stored is { } srid && srid != zone.Srid && hasGeometry)
            throw new InvalidOperationException(
                $"The pipeline registry is stored in EPSG:{srid}, but Pipelines:Crs is {zone.Name} (EPSG:{zone.Srid}). " +
                $"Set Pipelines:Crs back to EPSG:{srid}. A registry moves to another CRS by exporting it, starting the new CRS " +
                "with an empty registry and importing the export (the import transforms it).");
        if (db.Database.IsNpgsql()) await FollowInPostgisAsync(db, ct);
        state.Srid = zone.Srid;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// PostGIS's generated <c>geom</c> column carries the SRID in its type: rebuilt in the zone's (only ever on an empty
    /// registry), with the CRS added to <c>spatial_ref_sys</c> when it is a WKT PostGIS does not know.
    /// </summary>
    async Task FollowInPostgisAsync(ZoneDb db, CancellationToken ct)
    {
        var column = await db.Database.SqlQueryRaw<int>(
            "SELECT srid AS \"Value\" FROM geometry_columns WHERE f_table_schema = current_schema() AND f_table_name = 'pipelines_segments' AND f_geometry_column = 'geom'")
            .SingleAsync(ct);
        if (column == zone.Srid) return;
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO spatial_ref_sys (srid, auth_name, auth_srid, srtext) SELECT {0}, 'TECHZONE', {0}, {1} WHERE NOT EXISTS (SELECT 1 FROM spatial_ref_sys WHERE srid = {0})",
            [zone.Srid, zone.Wkt], ct);
        // DDL takes no parameters; the SRID is an integer from ZoneCrs, never text from outside.
        var srid = zone.Srid.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var ddl = """
            DROP INDEX IF EXISTS "IX_pipelines_segments_geom";
            ALTER TABLE pipelines_segments DROP COLUMN geom;
            ALTER TABLE pipelines_segments ADD COLUMN geom geometry(LineString, SRID)
                GENERATED ALWAYS AS (ST_GeomFromWKB("Wkb", SRID)) STORED;
            CREATE INDEX "IX_pipelines_segments_geom" ON pipelines_segments USING gist (geom);
            """.Replace("SRID", srid, StringComparison.Ordinal);
        await db.Database.ExecuteSqlRawAsync(ddl, ct);
    }
}
