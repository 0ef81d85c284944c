using System.Globalization;
using Microsoft.Data.Sqlite;
using NetTopologySuite.IO;

namespace TechZone.Pipelines.Gis;

/// <summary>
/// GeoPackage (OGC 12-128r18): every feature table listed in gpkg_contents, each in the CRS its gpkg_spatial_ref_sys row
/// defines (by EPSG code, else by the WKT definition). A table whose CRS is undefined or untransformable refuses the file.
/// </summary>
public sealed class GeoPackageFileReader(ZoneCrs zone)
{
    /// <summary>Reads an uploaded GeoPackage (SQLite needs a file: it is copied to a temporary one and deleted after).</summary>
    public GisReadResult Read(Stream stream)
    {
        var path = Path.Combine(Path.GetTempPath(), "techzone-" + Guid.NewGuid().ToString("N") + ".gpkg");
        try
        {
            using (var file = File.Create(path)) stream.CopyTo(file);
            return ReadFile(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public GisReadResult ReadFile(string path)
    {
        var connection = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        try
        {
            using var db = new SqliteConnection(connection);
            db.Open();
            var tables = FeatureTables(db);
            if (tables.Count == 0) return GisReadResult.Refused(new GisMessage("Error_FileUnreadable", "GeoPackage"));

            // Every table's CRS is checked before any is read: one untransformable table refuses the whole file.
            var srids = tables.Select(t => Srid(db, t.SrsId)).ToList();
            var features = new GisFeatureBuilder(zone, srids[0]);
            for (var i = 0; i < tables.Count; i++)
            {
                features.SourceSrid = srids[i];
                ReadTable(db, tables[i], features);
            }
            return features.Result();
        }
        catch (GisException e)
        {
            return GisReadResult.Refused(e);
        }
        catch (SqliteException)
        {
            return GisReadResult.Refused(new GisMessage("Error_FileUnreadable", "GeoPackage"));
        }
    }

    sealed record FeatureTable(string Name, string GeometryColumn, int SrsId);

    static List<FeatureTable> FeatureTables(SqliteConnection db)
    {
        using var command = db.CreateCommand();
        command.CommandText = """
            SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents c
            JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
            WHERE c.data_type = 'features' ORDER BY c.table_name
            """;
        using var reader = command.ExecuteReader();
        var tables = new List<FeatureTable>();
        while (reader.Read()) tables.Add(new(reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
        return tables;
    }

    /// <summary>The table's CRS as an SRID TechZone transforms; srs_id -1 and 0 are GeoPackage's "undefined" rows.</summary>
    int Srid(SqliteConnection db, int srsId)
    {
        using var command = db.CreateCommand();
        command.CommandText = "SELECT srs_name, organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = $id";
        command.Parameters.AddWithValue("$id", srsId);
        using var reader = command.ExecuteReader();
        if (srsId is -1 or 0 || !reader.Read())
            throw new GisException("CrsUndefined", srsId.ToString(CultureInfo.InvariantCulture));
        var name = reader.IsDBNull(0) ? "" : reader.GetString(0);
        var organization = reader.IsDBNull(1) ? "" : reader.GetString(1);
        var code = reader.IsDBNull(2) ? 0 : reader.GetInt32(2);
        var definition = reader.IsDBNull(3) ? "" : reader.GetString(3);
        if (string.Equals(organization, "EPSG", StringComparison.OrdinalIgnoreCase) && code > 0)
            return zone.SridOf("EPSG:" + code.ToString(CultureInfo.InvariantCulture));
        if (string.IsNullOrWhiteSpace(definition) || definition.Trim() == "undefined")
            throw new GisException("CrsUndefined", name);
        return zone.SridOf(definition);
    }

    static void ReadTable(SqliteConnection db, FeatureTable table, GisFeatureBuilder builder)
    {
        var geometryReader = new GeoPackageGeoReader();
        using var command = db.CreateCommand();
        command.CommandText = $"SELECT * FROM {Quote(table.Name)}";
        using var reader = command.ExecuteReader();
        var key = PrimaryKey(db, table.Name);
        while (reader.Read())
        {
            var attributes = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            NetTopologySuite.Geometries.Geometry? geometry = null;
            GisMessage? problem = null;
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var column = reader.GetName(i);
                if (string.Equals(column, table.GeometryColumn, StringComparison.OrdinalIgnoreCase))
                {
                    if (reader.IsDBNull(i)) continue;
                    try { geometry = geometryReader.Read((byte[])reader.GetValue(i)); }
                    catch (Exception e) when (e is ParseException or ArgumentException or InvalidOperationException or IOException or InvalidCastException or NotSupportedException)
                    {
                        problem = new GisMessage("Problem_GeometryUnreadable", table.GeometryColumn);
                    }
                }
                else if (!string.Equals(column, key, StringComparison.OrdinalIgnoreCase))
                {
                    attributes[column] = reader.IsDBNull(i) ? null : reader.GetValue(i) is byte[] ? null : reader.GetValue(i);
                }
            }
            builder.Add(table.Name, geometry, attributes, problem);
        }
    }

    static string? PrimaryKey(SqliteConnection db, string table)
    {
        using var command = db.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info({Quote(table, '\'')}) WHERE pk = 1";
        return command.ExecuteScalar() as string;
    }

    static string Quote(string name, char quote = '"') => quote + name.Replace(quote.ToString(), new string(quote, 2), StringComparison.Ordinal) + quote;
}
