using System.Globalization;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace TechZone.Pipelines.Gis;

/// <summary>
/// Writes zone-CRS features as a GeoPackage 1.3 with one feature table in the zone CRS, its attributes as columns
/// (INTEGER, REAL or TEXT by their values), readable by QGIS, GDAL and <see cref="GeoPackageFileReader"/>. Geometries
/// are written in 2D.
/// </summary>
public sealed class GeoPackageFileWriter(ZoneCrs zone)
{
    public void Write(Stream output, IEnumerable<GisFeature> features, string table = "pipe_segments")
    {
        var path = Path.Combine(Path.GetTempPath(), "techzone-" + Guid.NewGuid().ToString("N") + ".gpkg");
        try
        {
            WriteFile(path, features.ToList(), table);
            using var file = File.OpenRead(path);
            file.CopyTo(output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    void WriteFile(string path, List<GisFeature> features, string table)
    {
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        db.Open();
        using var transaction = db.BeginTransaction();
        Execute(db, """
            PRAGMA application_id = 1196444487;
            PRAGMA user_version = 10300;
            CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
              organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
            CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
              description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
              min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER REFERENCES gpkg_spatial_ref_sys(srs_id));
            CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
              srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, PRIMARY KEY (table_name, column_name),
              FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name), FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
            INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system');
            INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
            """);
        Execute(db, "INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 geodetic', 4326, 'EPSG', 4326, $wkt, 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')",
            ("$wkt", CrsCatalog.Wkt(CrsCatalog.Wgs84)!));
        Execute(db, "INSERT INTO gpkg_spatial_ref_sys VALUES ($name, $srid, 'EPSG', $srid, $wkt, NULL)",
            ("$name", zone.Name), ("$srid", zone.Srid), ("$wkt", zone.Wkt));

        var columns = Columns(features);
        var geometryType = features.Select(f => f.Geometry?.GeometryType.ToUpperInvariant()).Where(t => t is not null).Distinct().ToList() is [{ } single] ? single : "GEOMETRY";
        var extent = new Envelope();
        foreach (var f in features) if (f.Geometry is not null) extent.ExpandToInclude(f.Geometry.EnvelopeInternal);

        Execute(db, $"CREATE TABLE {Quote(table)} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom {geometryType}"
            + string.Concat(columns.Select(c => $", {Quote(c.Name)} {c.Type}")) + ")");
        Execute(db, "INSERT INTO gpkg_contents (table_name, data_type, identifier, min_x, min_y, max_x, max_y, srs_id) VALUES ($t, 'features', $t, $minx, $miny, $maxx, $maxy, $srid)",
            ("$t", table), ("$minx", extent.IsNull ? DBNull.Value : extent.MinX), ("$miny", extent.IsNull ? DBNull.Value : extent.MinY),
            ("$maxx", extent.IsNull ? DBNull.Value : extent.MaxX), ("$maxy", extent.IsNull ? DBNull.Value : extent.MaxY), ("$srid", zone.Srid));
        Execute(db, "INSERT INTO gpkg_geometry_columns VALUES ($t, 'geom', $type, $srid, 0, 0)", ("$t", table), ("$type", geometryType), ("$srid", zone.Srid));

        using var insert = db.CreateCommand();
        insert.CommandText = $"INSERT INTO {Quote(table)} (geom{string.Concat(columns.Select(c => ", " + Quote(c.Name)))}) VALUES ($geom{string.Concat(columns.Select((_, i) => $", $p{i}"))})";
        // 2D blobs, as gpkg_geometry_columns says (z = m = 0): depths are attributes, and the writer would otherwise
        // add NaN Z and M ordinates that GDAL shows as LINESTRING ZM.
        var writer = new GeoPackageGeoWriter { HandleOrdinates = Ordinates.XY };
        foreach (var feature in features)
        {
            insert.Parameters.Clear();
            object geometry = DBNull.Value;
            if (feature.Geometry is not null)
            {
                var g = feature.Geometry.Copy();
                g.SRID = zone.Srid;
                geometry = writer.Write(g);
            }
            insert.Parameters.AddWithValue("$geom", geometry);
            for (var i = 0; i < columns.Count; i++)
                insert.Parameters.AddWithValue($"$p{i}", Cell(feature.Attributes.TryGetValue(columns[i].Name, out var v) ? v : null));
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <summary>Every attribute name in first-seen order, typed INTEGER when all its values are whole, REAL when numeric, else TEXT.</summary>
    static List<(string Name, string Type)> Columns(List<GisFeature> features)
    {
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "fid", "geom" };
        foreach (var f in features)
            foreach (var name in f.Attributes.Keys)
                if (seen.Add(name)) names.Add(name);
        return [.. names.Select(name =>
        {
            var values = features.Select(f => f.Attributes.TryGetValue(name, out var v) ? v : null).Where(v => v is not null).ToList();
            var type = values.Count > 0 && values.All(v => v is int or long or short or byte or bool) ? "INTEGER"
                : values.Count > 0 && values.All(v => v is int or long or short or byte or double or float or decimal) ? "REAL"
                : "TEXT";
            return (name, type);
        })];
    }

    static object Cell(object? value) => value switch
    {
        null => DBNull.Value,
        bool b => b ? 1 : 0,
        decimal d => (double)d,
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        DateOnly t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        string or int or long or short or byte or double or float => value,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    static void Execute(SqliteConnection db, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }

    static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
