using System.Text.Json;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using TechZone.Pipelines.Gis;

namespace TechZone.Tests.Pipelines.Gis;

/// <summary>The writers, round-tripped through the readers.</summary>
public class GisWriterTests
{
    static readonly ZoneCrs Zone = new();

    static GisReadResult Fixture() => new GeoJsonFileReader(Zone).Read(File.OpenRead(GisFixtures.PathOf("pipes.geojson")));

    static void AssertSame(GisReadResult expected, GisReadResult actual, double tolerance)
    {
        Assert.Null(actual.Refusal);
        Assert.Empty(actual.Problems);
        Assert.Equal(expected.Features.Count, actual.Features.Count);
        for (var i = 0; i < expected.Features.Count; i++)
        {
            var (e, a) = (expected.Features[i], actual.Features[i]);
            Assert.Equal(e.Geometry!.NumPoints, a.Geometry!.NumPoints);
            for (var p = 0; p < e.Geometry.NumPoints; p++)
            {
                Assert.Equal(e.Geometry.Coordinates[p].X, a.Geometry.Coordinates[p].X, tolerance);
                Assert.Equal(e.Geometry.Coordinates[p].Y, a.Geometry.Coordinates[p].Y, tolerance);
            }
            // A GeoPackage has every column in every row: a missing attribute comes back as null.
            // JSON has one kind of number: 1.0 comes back as 1, so numbers are compared as numbers.
            Assert.Equal(Comparable(e.Attributes), Comparable(a.Attributes));
        }
    }

    /// <summary>A copy under artifacts/gis/ for a person (or ogrinfo, QGIS) to open; CI keeps it with the screenshots.</summary>
    static void SaveArtifact(string name, byte[] bytes)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "TechZone.slnx"))) root = root.Parent;
        if (root is null) return;
        File.WriteAllBytes(Path.Combine(Directory.CreateDirectory(Path.Combine(root.FullName, "artifacts", "gis")).FullName, name), bytes);
    }

    static List<KeyValuePair<string, object?>> Comparable(IReadOnlyDictionary<string, object?> attributes) =>
        [.. attributes.Where(x => x.Value is not null).OrderBy(x => x.Key, StringComparer.Ordinal)
            .Select(x => KeyValuePair.Create<string, object?>(x.Key, x.Value is long or int or double ? Convert.ToDouble(x.Value, System.Globalization.CultureInfo.InvariantCulture) : x.Value))];

    [Fact]
    public void GeoJson_IsRfc7946_AndRoundTrips()
    {
        var original = Fixture();
        using var file = new MemoryStream();
        new GeoJsonFileWriter(Zone).Write(file, original.Features);
        SaveArtifact("pipe_segments.geojson", file.ToArray());

        using var json = JsonDocument.Parse(file.ToArray());
        Assert.False(json.RootElement.TryGetProperty("crs", out _));
        var first = json.RootElement.GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates")[0];
        Assert.Equal(117.2, first[0].GetDouble(), 1e-7);
        Assert.Equal(39.08, first[1].GetDouble(), 1e-7);
        Assert.Contains("滨海水务集团", System.Text.Encoding.UTF8.GetString(file.ToArray())); // readable, not \u escapes

        file.Position = 0;
        AssertSame(original, new GeoJsonFileReader(Zone).Read(file), 0.01);
    }

    [Fact]
    public void GeoPackage_IsInTheZoneCrs_AndRoundTrips()
    {
        var original = Fixture();
        using var file = new MemoryStream();
        new GeoPackageFileWriter(Zone).Write(file, original.Features);
        SaveArtifact("pipe_segments.gpkg", file.ToArray());

        var path = Path.Combine(Path.GetTempPath(), "gis-test-" + Guid.NewGuid().ToString("N") + ".gpkg");
        try
        {
            File.WriteAllBytes(path, file.ToArray());
            using (var db = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False"))
            {
                db.Open();
                using var command = db.CreateCommand();
                command.CommandText = "PRAGMA application_id";
                Assert.Equal(0x47504B47L, (long)command.ExecuteScalar()!);
                command.CommandText = "SELECT geometry_type_name || ' ' || srs_id FROM gpkg_geometry_columns WHERE table_name = 'pipe_segments'";
                Assert.Equal("LINESTRING 4548", command.ExecuteScalar());
                command.CommandText = "SELECT typeof(\"起点埋深\") || ' ' || typeof(\"建设年代\") || ' ' || typeof(\"编号\") FROM pipe_segments WHERE fid = 1";
                Assert.Equal("real text text", command.ExecuteScalar()); // 建设年代 mixes 2015 and "2019年": text
                // A 2D blob: 8 bytes of header, an XY envelope (32), WKB of a two-point line string (9 + 2 × 16).
                command.CommandText = "SELECT length(geom) FROM pipe_segments WHERE fid = 1";
                Assert.Equal(81L, (long)command.ExecuteScalar()!);
            }
            var read = new GeoPackageFileReader(Zone).ReadFile(path);
            Assert.Equal(4548, read.SourceSrid);
            Assert.All(read.Features, f => Assert.Equal("pipe_segments", f.Layer));
            // The mixed column comes back as text; everything else as it went in.
            var expected = original with
            {
                Features = [.. original.Features.Select(f => f with { Attributes = f.Attributes.ToDictionary(a => a.Key, a => a.Key == "建设年代" && a.Value is long y ? y.ToString(System.Globalization.CultureInfo.InvariantCulture) : a.Value) })],
            };
            AssertSame(expected, read, 0.001);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void GeoPackage_WithIntegerColumns_AndNoFeatures()
    {
        var factory = new GeometryFactory(new PrecisionModel(), 4548);
        var features = new[]
        {
            new GisFeature(1, null, factory.CreateLineString([new(517000, 4327000), new(517100, 4327050)]), new Dictionary<string, object?> { ["diameter_mm"] = 300L, ["owner"] = null }),
            new GisFeature(2, null, factory.CreateLineString([new(517100, 4327050), new(517200, 4327000)]), new Dictionary<string, object?> { ["diameter_mm"] = 200, ["owner"] = "燃气公司" }),
        };
        using var file = new MemoryStream();
        new GeoPackageFileWriter(Zone).Write(file, features);
        file.Position = 0;
        var read = new GeoPackageFileReader(Zone).Read(file);
        Assert.Equal([300L, 200L], read.Features.Select(f => f.Attributes["diameter_mm"]));
        Assert.Null(read.Features[0].Attributes["owner"]);
        Assert.Equal(517200, read.Features[1].Geometry!.Coordinates[1].X);

        using var empty = new MemoryStream();
        new GeoPackageFileWriter(Zone).Write(empty, []);
        empty.Position = 0;
        var none = new GeoPackageFileReader(Zone).Read(empty);
        Assert.Null(none.Refusal);
        Assert.Empty(none.Features);
    }
}
