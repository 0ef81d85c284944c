using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using TechZone.Pipelines.Gis;

namespace TechZone.Tests.Pipelines.Gis;

public class ZoneCrsTests
{
    static readonly GeometryFactory Factory = new();
    static readonly ZoneCrs Zone = new();

    // Reference values from PROJ 9.1.1 (Debian proj-bin), see Fixtures/README.md:
    //   printf "39.08 117.2\n..." | cs2cs -f "%.4f" EPSG:4326 EPSG:4548   (EPSG axis order: lat lon in, northing easting out)
    [Theory]
    [InlineData(117.2, 39.08, 517305.7613, 4327404.3252)]   // Tianjin, Huayuan (Binhai High-tech Zone)
    [InlineData(117.70, 39.03, 560613.1834, 4322067.6300)]  // Binhai
    [InlineData(116.0, 38.5, 412766.2265, 4263472.5477)]    // 1° west of the central meridian
    [InlineData(118.45, 40.2, 623461.3180, 4452744.8152)]   // 1.45° east, near the zone's edge
    public void Wgs84AndCgcs2000_ProjectAsProjDoes(double lon, double lat, double easting, double northing)
    {
        foreach (var srid in new[] { 4326, 4490 })
        {
            var p = (Point)Zone.ToZone(Factory.CreatePoint(new Coordinate(lon, lat)), srid);
            Assert.Equal(easting, p.X, 0.005);
            Assert.Equal(northing, p.Y, 0.005);
            Assert.Equal(4548, p.SRID);
        }
    }

    [Fact]
    public void ToWgs84_InvertsToZone_ToAMillimetre()
    {
        var line = Factory.CreateLineString([new(117.2, 39.08), new(117.21, 39.085), new(117.22, 39.07)]);
        var back = Zone.ToWgs84(Zone.ToZone(line, 4326));
        Assert.Equal(4326, back.SRID);
        for (var i = 0; i < line.NumPoints; i++)
        {
            Assert.Equal(line.Coordinates[i].X, back.Coordinates[i].X, 1e-8);
            Assert.Equal(line.Coordinates[i].Y, back.Coordinates[i].Y, 1e-8);
        }
        Assert.Equal(117.2, line.Coordinates[0].X); // the input is left alone
    }

    [Fact]
    public void ToWgs84_OfAKnownZonePoint_IsItsPublishedLonLat()
    {
        var p = (Point)Zone.ToWgs84(Factory.CreatePoint(new Coordinate(517305.7613, 4327404.3252)));
        Assert.Equal(117.2, p.X, 1e-7);
        Assert.Equal(39.08, p.Y, 1e-7);
    }

    [Fact]
    public void ZoneCrsItself_IsIdentity_AndKeepsZ()
    {
        var p = Factory.CreatePoint(new CoordinateZ(517305.7613, 4327404.3252, -2.5));
        var same = (Point)Zone.ToZone(p, 4548);
        Assert.Equal(517305.7613, same.X);
        Assert.Equal(-2.5, same.Coordinate.Z);
        Assert.Equal(-2.5, ((Point)Zone.ToZone(Factory.CreatePoint(new CoordinateZ(117.2, 39.08, -2.5)), 4326)).Coordinate.Z);
    }

    [Fact]
    public void OneInstance_TransformsFromManyThreads_AsFromOne()
    {
        var points = Enumerable.Range(0, 2000).Select(i => Factory.CreatePoint(new Coordinate(116.0 + i * 0.001, 38.5 + i * 0.0007))).ToArray();
        var expected = points.Select(p => Zone.ToZone(p, 4326).Coordinate).ToArray();
        var actual = new Coordinate[points.Length];
        Parallel.For(0, points.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = Zone.ToWgs84(Zone.ToZone(points[i], 4490)).Coordinate);
        for (var i = 0; i < points.Length; i++)
        {
            Assert.Equal(points[i].X, actual[i].X, 1e-8);
            Assert.Equal(points[i].Y, actual[i].Y, 1e-8);
        }
        Assert.Equal(expected, points.Select(p => Zone.ToZone(p, 4326).Coordinate));
    }

    [Fact]
    public void Distances_InTheZone_AreMetres()
    {
        // 0.01° of latitude is about 1,110 m at 39°N.
        var line = (LineString)Zone.ToZone(Factory.CreateLineString([new(117.2, 39.08), new(117.2, 39.09)]), 4326);
        Assert.InRange(line.Length, 1105, 1115);
    }

    [Theory]
    [InlineData(3857, "EPSG:3857")]
    [InlineData(4549, "EPSG:4549")]
    [InlineData(4214, "EPSG:4214")]
    public void OtherCrs_AreRefused_NamingThem(int srid, string name)
    {
        var e = Assert.Throws<GisException>(() => Zone.ToZone(Factory.CreatePoint(new Coordinate(1, 1)), srid));
        Assert.Equal("CrsUnsupported", e.Code);
        Assert.Contains(name, e.LocalizedMessage(CultureInfo.GetCultureInfo("en")));
        Assert.Contains(name, e.LocalizedMessage(CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Contains("无法转换", e.LocalizedMessage(CultureInfo.GetCultureInfo("zh-CN")));
    }

    [Fact]
    public void LonLatOffTheGlobe_IsRefused()
    {
        var e = Assert.Throws<GisException>(() => Zone.ToZone(Factory.CreatePoint(new Coordinate(517305, 4327404)), 4326));
        Assert.Equal("CoordinatesOutOfRange", e.Code);
    }

    [Fact]
    public void Envelope_CoversTheLonLatBox()
    {
        var box = new Envelope(117.1, 117.3, 39.0, 39.1);
        var zone = Zone.ToZone(box);
        foreach (var (lon, lat) in new[] { (117.1, 39.0), (117.3, 39.1), (117.1, 39.1), (117.3, 39.0), (117.2, 39.05) })
            Assert.True(zone.Contains(((Point)Zone.ToZone(Factory.CreatePoint(new Coordinate(lon, lat)), 4326)).Coordinate));
        Assert.InRange(zone.Width, 17_000, 17_600); // 0.2° of longitude at 39°N ≈ 17.3 km
        Assert.True(Zone.ToWgs84(zone).Contains(box));
    }

    [Theory]
    [InlineData("EPSG:4527", 4527, 39517305.7613, 4327404.3252)] // zone 39, zone number in the false easting
    [InlineData("EPSG:4549", 4549, 257699.4482, 4331119.2601)]   // CM 120E
    public void OtherGaussKrugerZones_CanBeTheZoneCrs(string crs, int srid, double easting, double northing)
    {
        var zone = new ZoneCrs(crs);
        Assert.Equal(srid, zone.Srid);
        var p = (Point)zone.ToZone(Factory.CreatePoint(new Coordinate(117.2, 39.08)), 4490);
        Assert.Equal(easting, p.X, 0.005);
        Assert.Equal(northing, p.Y, 0.005);
    }

    [Fact]
    public void ZoneCrs_FromWkt_UsesItsAuthorityCode()
    {
        var zone = new ZoneCrs(CrsCatalog.Wkt(4548)!);
        Assert.Equal(4548, zone.Srid);
        Assert.Equal(517305.7613, ((Point)zone.ToZone(Factory.CreatePoint(new Coordinate(117.2, 39.08)), 4326)).X, 0.005);
    }

    [Fact]
    public void ZoneCrs_FromEsriWkt_NeedsAnSrid()
    {
        var e = Assert.Throws<GisException>(() => new ZoneCrs(GisFixtures.EsriPrj4548));
        Assert.Equal("ZoneCrsWithoutSrid", e.Code);
        var zone = new ZoneCrs(GisFixtures.EsriPrj4548, 4548);
        Assert.Equal(560613.1834, ((Point)zone.ToZone(Factory.CreatePoint(new Coordinate(117.70, 39.03)), 4326)).X, 0.005);
    }

    [Theory]
    [InlineData("EPSG:4326")]
    [InlineData("EPSG:3857")]
    [InlineData("not a crs")]
    public void ZoneCrs_MustBeAProjectedGaussKrugerZone(string crs)
    {
        var e = Assert.Throws<GisException>(() => new ZoneCrs(crs));
        Assert.Equal("ZoneCrsUnsupported", e.Code);
    }

    [Theory]
    [InlineData("EPSG:4326", 4326)]
    [InlineData("epsg:4490", 4490)]
    [InlineData("urn:ogc:def:crs:EPSG::4490", 4490)]
    [InlineData("urn:ogc:def:crs:EPSG:6.6:4326", 4326)]
    [InlineData("urn:ogc:def:crs:OGC:1.3:CRS84", 4326)]
    [InlineData("http://www.opengis.net/def/crs/EPSG/0/4548", 4548)]
    public void SridOf_References(string reference, int srid) => Assert.Equal(srid, Zone.SridOf(reference));

    [Fact]
    public void SridOf_RecognisesEsriPrjFiles_WithoutAuthority()
    {
        Assert.Equal(4548, Zone.SridOf(GisFixtures.EsriPrj4548));
        Assert.Equal(4490, Zone.SridOf(GisFixtures.EsriPrj4490));
        Assert.Equal(4326, Zone.SridOf(GisFixtures.EsriPrj4326));
    }

    [Fact]
    public void SridOf_RefusesOtherCrs_NamingThem()
    {
        var e = Assert.Throws<GisException>(() => Zone.SridOf(GisFixtures.EsriPrjCm120));
        Assert.Equal("CrsUnsupported", e.Code);
        Assert.Contains("CGCS2000_3_Degree_GK_CM_120E", e.LocalizedMessage(CultureInfo.GetCultureInfo("en")));
        Assert.Equal("CrsUnsupported", Assert.Throws<GisException>(() => Zone.SridOf("EPSG:3857")).Code);
        Assert.Equal("CrsUnreadable", Assert.Throws<GisException>(() => Zone.SridOf("PROJCS[nonsense")).Code);
    }

    [Fact]
    public void Registration_ReadsPipelinesCrs()
    {
        static ServiceProvider With(string? crs) => new ServiceCollection().AddPipelineGis(new ConfigurationBuilder()
            .AddInMemoryCollection(crs is null ? [] : new Dictionary<string, string?> { ["Pipelines:Crs"] = crs }).Build()).BuildServiceProvider();

        using var named = With("EPSG:4527");
        Assert.Equal(4527, named.GetRequiredService<ZoneCrs>().Srid);
        Assert.Same(named.GetRequiredService<ZoneCrs>(), named.GetRequiredService<ZoneCrs>());
        using var defaults = With(null);
        Assert.Equal(4548, defaults.GetRequiredService<ZoneCrs>().Srid);
        using var bad = With("EPSG:3857");
        Assert.Equal("ZoneCrsUnsupported", Assert.Throws<GisException>(() => bad.GetRequiredService<ZoneCrs>()).Code);
    }

    [Fact]
    public void Covers_TheZonesBand_WhereverItsFalseEasting()
    {
        var (x, y) = Zone.ToZone(117.1, 39.08);
        Assert.True(Zone.Covers(new Envelope(x, x + 10, y, y + 10)));
        Assert.False(Zone.Covers(new Envelope(x + 400_000, x + 400_010, y, y + 10)));
        var numbered = new ZoneCrs("EPSG:4527"); // zone 39: the same meridian, 39 000 km more easting
        var (nx, ny) = numbered.ToZone(117.1, 39.08);
        Assert.Equal(x + 39_000_000, nx, 3);
        Assert.Equal(y, ny, 3);
        Assert.True(numbered.Covers(new Envelope(nx, nx + 10, ny, ny + 10)));
        Assert.False(numbered.Covers(new Envelope(x, x + 10, y, y + 10)));
        Assert.Equal(117, numbered.CentralMeridian);
    }
}
