using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using TechZone.Pipelines.Gis;

namespace TechZone.Tests.Pipelines.Gis;

/// <summary>The four readers: the committed GDAL fixtures read right, and every refusal and problem kind is reported.</summary>
public class GisReaderTests
{
    static readonly ZoneCrs Zone = new();
    static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    static Stream Text(string s, Encoding? encoding = null) => new MemoryStream((encoding ?? Encoding.UTF8).GetBytes(s));
    static Stream Fixture(string name) => File.OpenRead(GisFixtures.PathOf(name));

    /// <summary>All three fixture files describe the same three segments; the first starts at 117.2E 39.08N.</summary>
    static void AssertThePipes(GisReadResult result)
    {
        Assert.Null(result.Refusal);
        Assert.Empty(result.Problems);
        Assert.Equal([1, 2, 3], result.Features.Select(f => f.Index));
        var first = (LineString)result.Features[0].Geometry!;
        Assert.Equal(4548, first.SRID);
        Assert.Equal(517305.7613, first.StartPoint.X, 0.01);
        Assert.Equal(4327404.3252, first.StartPoint.Y, 0.01);
        Assert.Equal(3, result.Features[1].Geometry!.NumPoints);
    }

    [Fact]
    public void GeoJson_IsWgs84_AndReadsProperties()
    {
        var result = new GeoJsonFileReader(Zone).Read(Fixture("pipes.geojson"));
        AssertThePipes(result);
        Assert.Equal(4326, result.SourceSrid);
        Assert.Equal("滨海水务集团", result.Features[0].Attributes["权属单位"]);
        Assert.Equal(1.2, result.Features[0].Attributes["起点埋深"]);
        Assert.Equal(2015L, result.Features[0].Attributes["建设年代"]);
    }

    static string OnePoint(string crs) =>
        "{\"type\":\"FeatureCollection\"," + crs + "\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[117.2,39.08]},\"properties\":{}}]}";

    [Theory]
    [InlineData("""{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4490"}}""", 4490)]
    [InlineData("""{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}}""", 4326)]
    [InlineData("""{"type":"EPSG","properties":{"code":4490}}""", 4490)]
    public void GeoJson_LegacyCrsMember_IsHonoured(string crs, int srid)
    {
        var result = new GeoJsonFileReader(Zone).Read(Text(OnePoint("\"crs\":" + crs + ",")));
        Assert.Equal(srid, result.SourceSrid);
        Assert.Equal(517305.7613, result.Features[0].Geometry!.Coordinate.X, 0.01);
    }

    [Fact]
    public void GeoJson_InTheZoneCrs_IsTakenAsItIs()
    {
        var json = """{"type":"Feature","crs":{"type":"name","properties":{"name":"EPSG:4548"}},"geometry":{"type":"Point","coordinates":[517305.76,4327404.33]},"properties":{"名称":"阀门"}}""";
        var result = new GeoJsonFileReader(Zone).Read(Text(json));
        Assert.Equal(4548, result.SourceSrid);
        Assert.Equal(517305.76, result.Features[0].Geometry!.Coordinate.X);
        Assert.Equal("阀门", result.Features[0].Attributes["名称"]);
    }

    [Theory]
    [InlineData("""{"type":"name","properties":{"name":"EPSG:3857"}}""", "EPSG:3857")]
    [InlineData("""{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4214"}}""", "EPSG:4214")]
    [InlineData("""{"type":"link","properties":{"href":"http://example.com/crs/42"}}""", "link")]
    public void GeoJson_WithAnotherCrs_IsRefused_NamingIt(string crs, string named)
    {
        var result = new GeoJsonFileReader(Zone).Read(Text(OnePoint("\"crs\":" + crs + ",")));
        Assert.True(result.IsRefused);
        Assert.Empty(result.Features);
        Assert.Equal("Error_CrsUnsupported", result.Refusal!.Key);
        Assert.Contains(named, result.Refusal.Text(English));
        Assert.Contains(named, result.Refusal.Text(Chinese));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"type":"FeatureCollection"}""")]
    public void GeoJson_ThatIsNone_IsRefused(string text)
    {
        var result = new GeoJsonFileReader(Zone).Read(Text(text));
        Assert.Equal("Error_FileUnreadable", result.Refusal!.Key);
        Assert.Contains("GeoJSON", result.Refusal.Text(Chinese));
    }

    [Fact]
    public void GeoJson_ProblemsPerFeature_KeepTheOtherFeatures()
    {
        var json = """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","geometry":null,"properties":{"编号":"A"}},
              {"type":"Feature","geometry":{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[117.2,39.08]}]},"properties":{}},
              {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[117.2,39.08],[117.21,39.09],[117.21,39.08],[117.2,39.09],[117.2,39.08]]]},"properties":{}},
              {"type":"Feature","geometry":{"type":"LineString","coordinates":[[517305,4327404],[517306,4327405]]},"properties":{}},
              {"type":"Feature","geometry":{"type":"LineString","coordinates":"nonsense"},"properties":{}},
              {"type":"Feature","geometry":{"type":"LineString","coordinates":[[117.2,39.08],[117.2,39.08]]},"properties":{}},
              {"type":"Feature","geometry":{"type":"LineString","coordinates":[[117.2,39.08],[117.21,39.09]]},"properties":{}}
            ]}
            """;
        var result = new GeoJsonFileReader(Zone).Read(Text(json));
        Assert.Null(result.Refusal);
        Assert.Equal(7, result.Features.Count);
        Assert.Equal("A", result.Features[0].Attributes["编号"]);
        var problems = result.Problems.ToDictionary(p => p.FeatureIndex, p => p.Reason);
        Assert.Equal("Problem_GeometryEmpty", problems[1].Key);
        Assert.Equal("Problem_GeometryTypeUnsupported", problems[2].Key);
        Assert.Equal("Problem_GeometryInvalid", problems[3].Key);
        Assert.Contains("自相交", problems[3].Text(Chinese));
        Assert.Contains("self-intersection", problems[3].Text(English));
        Assert.Equal("Error_CoordinatesOutOfRange", problems[4].Key); // zone coordinates in a file that says WGS84
        Assert.Equal("Problem_GeometryUnreadable", problems[5].Key);
        Assert.Equal("Problem_GeometryInvalid", problems[6].Key);  // a line of one point
        Assert.Contains("有效点数不足", problems[6].Text(Chinese));
        Assert.False(problems.ContainsKey(7));
        Assert.Null(result.Features[0].Geometry);
        Assert.NotNull(result.Features[6].Geometry);
    }

    [Fact]
    public void GeoPackage_MadeByOgr2ogr_ReadsInItsCrs()
    {
        var result = new GeoPackageFileReader(Zone).Read(Fixture("pipes.gpkg"));
        AssertThePipes(result);
        Assert.Equal(4548, result.SourceSrid);
        Assert.All(result.Features, f => Assert.Equal("pipes", f.Layer));
        Assert.Equal("津燃华润燃气有限公司", result.Features[1].Attributes["权属单位"]);
        Assert.Equal("De160", result.Features[1].Attributes["管径"]);
        Assert.False(result.Features[0].Attributes.ContainsKey("fid"));
        Assert.False(result.Features[0].Attributes.ContainsKey("geom"));
    }

    /// <summary>A copy of the GDAL fixture with its CRS row changed by <paramref name="sql"/>.</summary>
    static MemoryStream AlteredGeoPackage(string sql)
    {
        var path = Path.Combine(Path.GetTempPath(), "gis-test-" + Guid.NewGuid().ToString("N") + ".gpkg");
        try
        {
            File.Copy(GisFixtures.PathOf("pipes.gpkg"), path);
            using (var db = new SqliteConnection($"Data Source={path};Pooling=False"))
            {
                db.Open();
                using var command = db.CreateCommand();
                command.CommandText = sql;
                command.ExecuteNonQuery();
            }
            return new MemoryStream(File.ReadAllBytes(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void GeoPackage_InAnotherCrs_IsRefused_NamingIt()
    {
        var gpkg = AlteredGeoPackage("UPDATE gpkg_spatial_ref_sys SET organization_coordsys_id = 3857 WHERE srs_id = 4548");
        var result = new GeoPackageFileReader(Zone).Read(gpkg);
        Assert.Equal("Error_CrsUnsupported", result.Refusal!.Key);
        Assert.Contains("EPSG:3857", result.Refusal.Text(English));
    }

    [Fact]
    public void GeoPackage_WithUndefinedCrs_IsRefused()
    {
        var gpkg = AlteredGeoPackage("UPDATE gpkg_geometry_columns SET srs_id = 0");
        Assert.Equal("Error_CrsUndefined", new GeoPackageFileReader(Zone).Read(gpkg).Refusal!.Key);
    }

    [Fact]
    public void GeoPackage_WithOnlyAWktDefinition_IsRecognised()
    {
        var gpkg = AlteredGeoPackage($"UPDATE gpkg_spatial_ref_sys SET organization = 'NONE', organization_coordsys_id = 0, definition = '{GisFixtures.EsriPrj4548}' WHERE srs_id = 4548");
        var result = new GeoPackageFileReader(Zone).Read(gpkg);
        AssertThePipes(result);
    }

    [Fact]
    public void GeoPackage_ThatIsNone_IsRefused()
    {
        Assert.Equal("Error_FileUnreadable", new GeoPackageFileReader(Zone).Read(Text("not a database")).Refusal!.Key);
    }

    static Dictionary<string, byte[]> ZipEntries(string fixture)
    {
        using var zip = new ZipArchive(Fixture(fixture));
        return zip.Entries.ToDictionary(e => e.Name, e =>
        {
            using var s = e.Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            return m.ToArray();
        });
    }

    static GisReadResult ReadFiles(Dictionary<string, byte[]> files) =>
        new ShapefileFileReader(Zone).ReadFiles(files.Select(f => (f.Key, (Stream)new MemoryStream(f.Value))));

    [Fact]
    public void Shapefile_Zip_WithGbkCpg_ReadsChinese()
    {
        var result = new ShapefileFileReader(Zone).ReadZip(Fixture("pipes-gbk-shp.zip"));
        AssertThePipes(result);
        Assert.Equal(4490, result.SourceSrid); // from an ESRI .prj without EPSG code
        Assert.Equal("管线", result.Features[0].Layer);
        Assert.Equal("滨海水务集团", result.Features[0].Attributes["权属单位"]);
        Assert.Equal("给水", result.Features[0].Attributes["管线类型"]);
        Assert.Equal("1000×800", result.Features[2].Attributes["断面"]);
    }

    [Fact]
    public void Shapefile_WithoutCpg_ThatIsNotUtf8_IsReadAsGbk()
    {
        var files = ZipEntries("pipes-gbk-shp.zip");
        Assert.True(files.Remove("管线.cpg"));
        var result = ReadFiles(files);
        AssertThePipes(result);
        Assert.Equal("国网天津市电力公司", result.Features[2].Attributes["权属单位"]);
    }

    [Fact]
    public void Shapefile_InUtf8_WithoutCpg_IsReadAsUtf8()
    {
        var files = ZipEntries("pipes-utf8-shp.zip");
        Assert.True(files.Remove("pipes.cpg"));
        var result = ReadFiles(files);
        AssertThePipes(result);
        Assert.Equal(4548, result.SourceSrid);
        Assert.Equal("国网天津市电力公司", result.Features[2].Attributes["owner"]);
    }

    [Fact]
    public void Shapefile_WithoutPrj_IsRefused_NeverGuessed()
    {
        var files = ZipEntries("pipes-gbk-shp.zip");
        files.Remove("管线.prj");
        var result = ReadFiles(files);
        Assert.True(result.IsRefused);
        Assert.Equal("Error_ShapefilePrjMissing", result.Refusal!.Key);
        Assert.Contains("管线", result.Refusal.Text(Chinese));
        Assert.Contains(".prj", result.Refusal.Text(English));

        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, bytes) in files)
                using (var entry = archive.CreateEntry("数据/" + name).Open()) entry.Write(bytes);
        zip.Position = 0;
        Assert.Equal("Error_ShapefilePrjMissing", new ShapefileFileReader(Zone).ReadZip(zip).Refusal!.Key);
    }

    [Fact]
    public void Shapefile_WithAPrjOfAnotherCrs_IsRefused_NamingIt()
    {
        var files = ZipEntries("pipes-gbk-shp.zip");
        files["管线.prj"] = Encoding.ASCII.GetBytes(GisFixtures.EsriPrjCm120);
        var result = ReadFiles(files);
        Assert.Equal("Error_CrsUnsupported", result.Refusal!.Key);
        Assert.Contains("CGCS2000_3_Degree_GK_CM_120E", result.Refusal.Text(Chinese));
    }

    [Fact]
    public void Shapefile_Incomplete_OrNotAZip_IsRefused()
    {
        var files = ZipEntries("pipes-gbk-shp.zip");
        files.Remove("管线.dbf");
        Assert.Equal("Error_ShapefilePartMissing", ReadFiles(files).Refusal!.Key);
        Assert.Equal("Error_ShapefilePartMissing", ReadFiles([]).Refusal!.Key);
        Assert.Equal("Error_FileUnreadable", new ShapefileFileReader(Zone).ReadZip(Text("not a zip")).Refusal!.Key);
    }

    [Fact]
    public void Csv_Points_InCgcs2000()
    {
        var csv = "编号,经度,纬度,类型\nF1,117.2,39.08,阀门\nF2,117.70,39.03,\n";
        var result = new CsvFileReader(Zone).Read(Text(csv), 4490);
        Assert.Empty(result.Problems);
        Assert.Equal(517305.7613, result.Features[0].Geometry!.Coordinate.X, 0.01);
        Assert.Equal(4322067.6300, result.Features[1].Geometry!.Coordinate.Y, 0.01);
        Assert.Equal("阀门", result.Features[0].Attributes["类型"]);
        Assert.Null(result.Features[1].Attributes["类型"]);
        Assert.False(result.Features[0].Attributes.ContainsKey("经度"));
    }

    [Fact]
    public void Csv_Segments_InTheZoneCrs_AndGbk()
    {
        var csv = "起点X,起点Y,终点X,终点Y,管线类型,权属单位\n517305.76,4327404.33,517392.5,4327460.1,给水,滨海水务集团\n";
        var result = new CsvFileReader(Zone).Read(Text(csv, CodePagesEncodingProvider.Instance.GetEncoding(936)), 4548);
        var line = Assert.IsType<LineString>(result.Features[0].Geometry);
        Assert.Equal(517392.5, line.EndPoint.X);
        Assert.Equal("滨海水务集团", result.Features[0].Attributes["权属单位"]);
    }

    [Fact]
    public void Csv_WktColumn_AndProblemsPerRow()
    {
        var csv = "wkt;network\n\"LINESTRING (117.2 39.08, 117.21 39.085)\";water\nLINESTRING nonsense;gas\n;telecom\n";
        var result = new CsvFileReader(Zone).Read(Text(csv), 4326);
        Assert.Equal(3, result.Features.Count);
        Assert.IsType<LineString>(result.Features[0].Geometry);
        Assert.Equal("water", result.Features[0].Attributes["network"]);
        Assert.Equal("Problem_GeometryUnreadable", result.Problems.Single(p => p.FeatureIndex == 2).Reason.Key);
        Assert.Equal("Problem_GeometryEmpty", result.Problems.Single(p => p.FeatureIndex == 3).Reason.Key);

        var bad = new CsvFileReader(Zone).Read(Text("x,y\n117.2,abc\n"), 4326);
        var problem = Assert.Single(bad.Problems).Reason;
        Assert.Equal("Problem_CoordinatesUnreadable", problem.Key);
        Assert.Contains("abc", problem.Text(Chinese));
    }

    [Fact]
    public void Csv_WithoutCoordinates_OrInAnotherCrs_IsRefused()
    {
        Assert.Equal("Error_CsvGeometryColumnsMissing", new CsvFileReader(Zone).Read(Text("name,owner\na,b\n"), 4326).Refusal!.Key);
        var refused = new CsvFileReader(Zone).Read(Text("x,y\n1,2\n"), 3857).Refusal!;
        Assert.Equal("Error_CrsUnsupported", refused.Key);
        Assert.Contains("EPSG:3857", refused.Text(English));
    }
}
