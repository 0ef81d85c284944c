using System.Buffers.Binary;
using System.Text.Json;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Converters;

namespace TechZone.Pipelines;

/// <summary>
/// Geometry of the registry: zone-CRS metres, stored as 2D little-endian WKB (docs/decisions/010-pipeline-geometry.md),
/// shown on the map as WGS84 GeoJSON.
/// </summary>
public static class PipeGeometry
{
    /// <summary>
    /// The zone CRS of storage and of the PostGIS column: CGCS2000 3-degree Gauss-Kruger, CM 117°E (EPSG:4548).
    /// The column's SRID is in the migration, so another zone CRS means a migration too.
    /// </summary>
    public const int ZoneSrid = 4548;

    public static readonly GeometryFactory Zone = new(new PrecisionModel(), ZoneSrid);
    public static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);
    static readonly JsonSerializerOptions Json = new() { Converters = { new GeoJsonConverterFactory(Wgs84) } };

    public static byte[] ToWkb(Geometry g) => new WKBWriter(ByteOrder.LittleEndian, false, false, false).Write(g);

    public static Geometry FromWkb(byte[] wkb)
    {
        var g = new WKBReader(NtsGeometryServices.Instance).Read(wkb);
        g.SRID = ZoneSrid;
        return g;
    }

    /// <summary>
    /// The x,y pairs of a 2D WKB LineString written by <see cref="ToWkb"/>, without building a geometry: the conflict
    /// index loads a million of these. Null when the WKB is not a little-endian 2D LineString.
    /// </summary>
    public static double[]? LineCoordinates(ReadOnlySpan<byte> wkb)
    {
        if (wkb.Length < 9 || wkb[0] != 1 || BinaryPrimitives.ReadUInt32LittleEndian(wkb[1..]) != 2) return null;
        var n = (int)BinaryPrimitives.ReadUInt32LittleEndian(wkb[5..]);
        if (n < 2 || wkb.Length != 9 + n * 16) return null;
        var xy = new double[n * 2];
        for (var i = 0; i < xy.Length; i++) xy[i] = BinaryPrimitives.ReadDoubleLittleEndian(wkb[(9 + i * 8)..]);
        return xy;
    }

    public static string ToGeoJson(Geometry wgs84) => JsonSerializer.Serialize(wgs84, Json);

    public static Geometry? ParseGeoJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            // A Feature or a FeatureCollection of one feature is accepted as well as a bare geometry.
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var type))
            {
                if (type.GetString() == "FeatureCollection" && root.TryGetProperty("features", out var fs) && fs.GetArrayLength() == 1)
                    root = fs[0];
                if (root.TryGetProperty("type", out var t2) && t2.GetString() == "Feature" && root.TryGetProperty("geometry", out var geom))
                    root = geom;
            }
            return JsonSerializer.Deserialize<Geometry>(root.GetRawText(), Json);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException or NotSupportedException or ParseException)
        {
            return null;
        }
    }

    /// <summary>A WGS84 (or CGCS2000 geographic, within the zone they differ by centimetres) geometry in zone metres.</summary>
    public static Geometry ToZone(Geometry lonLat) => Transform(lonLat, Zone, GaussKruger.Forward);

    public static Geometry ToWgs84(Geometry zone) => Transform(zone, Wgs84, GaussKruger.Inverse);

    static Geometry Transform(Geometry g, GeometryFactory target, Func<double, double, (double, double)> f)
    {
        var copy = target.CreateGeometry(g);
        copy.Apply(new TransformFilter(f));
        copy.GeometryChanged();
        return copy;
    }

    sealed class TransformFilter(Func<double, double, (double, double)> f) : ICoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;
        public void Filter(CoordinateSequence seq, int i)
        {
            var (x, y) = f(seq.GetX(i), seq.GetY(i));
            seq.SetX(i, x);
            seq.SetY(i, y);
        }
    }

    /// <summary>
    /// Transverse Mercator on the CGCS2000 ellipsoid, central meridian 117°E, false easting 500 km, scale 1 (EPSG:4548),
    /// by Snyder's series (USGS PP 1395, §8): sub-millimetre within a 3-degree zone. Used until the GIS part's
    /// ZoneCrs (configurable CRS, ProjNET) replaces it.
    /// </summary>
    public static class GaussKruger
    {
        const double A = 6378137.0, F = 1 / 298.257222101, Lon0 = 117.0 * Math.PI / 180, FalseEasting = 500000;
        static readonly double E2 = F * (2 - F), Ep2 = E2 / (1 - E2);
        static readonly double M1 = 1 - E2 / 4 - 3 * E2 * E2 / 64 - 5 * E2 * E2 * E2 / 256,
            M2 = 3 * E2 / 8 + 3 * E2 * E2 / 32 + 45 * E2 * E2 * E2 / 1024,
            M3 = 15 * E2 * E2 / 256 + 45 * E2 * E2 * E2 / 1024,
            M4 = 35 * E2 * E2 * E2 / 3072;

        static double Meridian(double phi) => A * (M1 * phi - M2 * Math.Sin(2 * phi) + M3 * Math.Sin(4 * phi) - M4 * Math.Sin(6 * phi));

        public static (double X, double Y) Forward(double lon, double lat)
        {
            var phi = lat * Math.PI / 180;
            var (s, c) = Math.SinCos(phi);
            var n = A / Math.Sqrt(1 - E2 * s * s);
            var t = Math.Tan(phi) * Math.Tan(phi);
            var cc = Ep2 * c * c;
            var a = (lon * Math.PI / 180 - Lon0) * c;
            var x = n * (a + (1 - t + cc) * Math.Pow(a, 3) / 6 + (5 - 18 * t + t * t + 72 * cc - 58 * Ep2) * Math.Pow(a, 5) / 120);
            var y = Meridian(phi) + n * Math.Tan(phi) * (a * a / 2 + (5 - t + 9 * cc + 4 * cc * cc) * Math.Pow(a, 4) / 24
                + (61 - 58 * t + t * t + 600 * cc - 330 * Ep2) * Math.Pow(a, 6) / 720);
            return (x + FalseEasting, y);
        }

        public static (double Lon, double Lat) Inverse(double x, double y)
        {
            x -= FalseEasting;
            var mu = y / (A * M1);
            var e1 = (1 - Math.Sqrt(1 - E2)) / (1 + Math.Sqrt(1 - E2));
            var phi1 = mu + (3 * e1 / 2 - 27 * Math.Pow(e1, 3) / 32) * Math.Sin(2 * mu) + (21 * e1 * e1 / 16 - 55 * Math.Pow(e1, 4) / 32) * Math.Sin(4 * mu)
                + 151 * Math.Pow(e1, 3) / 96 * Math.Sin(6 * mu) + 1097 * Math.Pow(e1, 4) / 512 * Math.Sin(8 * mu);
            var (s, c) = Math.SinCos(phi1);
            var c1 = Ep2 * c * c;
            var t1 = Math.Tan(phi1) * Math.Tan(phi1);
            var n1 = A / Math.Sqrt(1 - E2 * s * s);
            var r1 = A * (1 - E2) / Math.Pow(1 - E2 * s * s, 1.5);
            var d = x / n1;
            var phi = phi1 - n1 * Math.Tan(phi1) / r1 * (d * d / 2 - (5 + 3 * t1 + 10 * c1 - 4 * c1 * c1 - 9 * Ep2) * Math.Pow(d, 4) / 24
                + (61 + 90 * t1 + 298 * c1 + 45 * t1 * t1 - 252 * Ep2 - 3 * c1 * c1) * Math.Pow(d, 6) / 720);
            var lon = Lon0 + (d - (1 + 2 * t1 + c1) * Math.Pow(d, 3) / 6 + (5 - 2 * c1 + 28 * t1 - 3 * c1 * c1 + 8 * Ep2 + 24 * t1 * t1) * Math.Pow(d, 5) / 120) / c;
            return (lon * 180 / Math.PI, phi * 180 / Math.PI);
        }
    }
}
