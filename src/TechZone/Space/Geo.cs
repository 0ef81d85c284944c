using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Simplify;

namespace TechZone.Space;

/// <summary>
/// Geometry kept provider-neutral: GeoJSON text plus its bounding box in four columns (docs/decisions/006-space-geometry.md).
/// NetTopologySuite reads, validates and simplifies it.
/// </summary>
public static class Geo
{
    static readonly JsonSerializerOptions Options = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>The geometry of a GeoJSON geometry object; null when the text is not one.</summary>
    public static Geometry? TryParse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try { return JsonSerializer.Deserialize<Geometry>(json, Options); }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException or NotSupportedException) { return null; }
    }

    public static string Write(Geometry geometry) => JsonSerializer.Serialize(geometry, Options);

    /// <summary>Why a geometry cannot be stored (null when it can): empty, outside WGS84 lon/lat, or invalid (self-intersecting ...).</summary>
    public static string? Problem(Geometry? g)
    {
        if (g is null || g.IsEmpty) return "GeometryMissing";
        var e = g.EnvelopeInternal;
        if (e.MinX < -180 || e.MaxX > 180 || e.MinY < -90 || e.MaxY > 90) return "GeometryNotLonLat";
        if (!g.IsValid) return "GeometryInvalid";
        return null;
    }

    /// <summary>Stores the geometry and its bounding box together (or clears both).</summary>
    public static void Apply(IGeoFeature feature, Geometry? g)
    {
        if (g is null)
        {
            feature.Geometry = null;
            feature.MinLon = feature.MinLat = feature.MaxLon = feature.MaxLat = null;
            return;
        }
        var e = g.EnvelopeInternal;
        feature.Geometry = Write(g);
        (feature.MinLon, feature.MinLat, feature.MaxLon, feature.MaxLat) = (e.MinX, e.MinY, e.MaxX, e.MaxY);
    }

    /// <summary>
    /// Area in m² of a lon/lat polygon, projected onto a plane at its centre (equirectangular): within a fraction of a
    /// percent for a parcel-sized shape, which is all an import's missing area needs.
    /// </summary>
    public static double AreaM2(Geometry g)
    {
        var c = g.EnvelopeInternal.Centre;
        var kx = 111_320.0 * Math.Cos(c.Y * Math.PI / 180);
        const double ky = 110_574.0;
        var projected = g.Copy();
        projected.Apply(new ScaleFilter(c, kx, ky));
        return projected.Area;
    }

    sealed class ScaleFilter(Coordinate origin, double kx, double ky) : ICoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;
        public void Filter(CoordinateSequence seq, int i)
        {
            seq.SetX(i, (seq.GetX(i) - origin.X) * kx);
            seq.SetY(i, (seq.GetY(i) - origin.Y) * ky);
        }
    }

    /// <summary>The stored GeoJSON simplified to <paramref name="tolerance"/> degrees (topology kept); unchanged for 0.</summary>
    public static string Simplified(string json, double tolerance)
    {
        if (tolerance <= 0 || TryParse(json) is not { } g) return json;
        var s = TopologyPreservingSimplifier.Simplify(g, tolerance);
        return s.IsEmpty ? json : Write(s);
    }

    /// <summary>A rectangle polygon (demo data and tests).</summary>
    public static Geometry Box(double lon, double lat, double widthDeg, double heightDeg) =>
        new GeometryFactory(new PrecisionModel(), 4326).CreatePolygon([
            new(lon, lat), new(lon + widthDeg, lat), new(lon + widthDeg, lat + heightDeg), new(lon, lat + heightDeg), new(lon, lat)]);
}
