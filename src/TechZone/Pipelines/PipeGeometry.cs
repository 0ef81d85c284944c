using System.Buffers.Binary;
using System.Text.Json;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Converters;

namespace TechZone.Pipelines;

/// <summary>
/// Geometry of the registry: zone-CRS metres (<see cref="Gis.ZoneCrs"/>), stored as 2D little-endian WKB
/// (docs/decisions/010-pipeline-geometry.md), shown on the map as WGS84 GeoJSON.
/// </summary>
public static class PipeGeometry
{
    public static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);
    static readonly JsonSerializerOptions Json = new() { Converters = { new GeoJsonConverterFactory(Wgs84) } };

    public static byte[] ToWkb(Geometry g) => new WKBWriter(ByteOrder.LittleEndian, false, false, false).Write(g);

    /// <summary>A registry geometry read back from its WKB (in zone metres; the SRID is not kept in the WKB).</summary>
    public static Geometry FromWkb(byte[] wkb) => new WKBReader(NtsGeometryServices.Instance).Read(wkb);

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
}
