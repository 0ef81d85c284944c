using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TechZone.Platform.Map;

/// <summary>
/// The view a map asks features for: <c>?bbox=minLon,minLat,maxLon,maxLat</c> (WGS84) and the zoom level, so that a
/// layer endpoint returns only what is in view, simplified for the zoom.
/// </summary>
public readonly record struct MapBounds(double MinLon, double MinLat, double MaxLon, double MaxLat)
{
    /// <summary>The whole world: for a request without a bbox.</summary>
    public static readonly MapBounds World = new(-180, -90, 180, 90);

    public static bool TryParse(string? text, out MapBounds bounds)
    {
        bounds = World;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var parts = text.Split(',');
        if (parts.Length != 4) return false;
        var v = new double[4];
        for (var i = 0; i < 4; i++)
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out v[i]) || double.IsNaN(v[i])) return false;
        if (v[0] > v[2] || v[1] > v[3] || v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90) return false;
        bounds = new MapBounds(v[0], v[1], v[2], v[3]);
        return true;
    }

    /// <summary>
    /// A simplification tolerance in degrees for a zoom level: about one screen pixel (360° / 256 px at zoom 0),
    /// none from zoom 16 on, where every vertex matters.
    /// </summary>
    public static double ToleranceFor(int zoom) => zoom >= 16 ? 0 : 360.0 / (256 * Math.Pow(2, Math.Clamp(zoom, 0, 22)));
}

/// <summary>
/// One feature as the map component draws it: geometry (GeoJSON text), a label, the page it opens, and its colours.
/// </summary>
public sealed record MapFeature(string GeometryJson, string Name, string? Href, string Color, string FillColor, string? Detail = null);

/// <summary>A layer of the map component: a name, the endpoint that returns its features for a bbox, and whether it starts shown.</summary>
public sealed record MapLayer(string Key, string Label, string Url, bool Visible = true);

public static class MapFeatures
{
    /// <summary>A GeoJSON FeatureCollection of the features, written without re-parsing their geometry.</summary>
    public static string ToGeoJson(IEnumerable<MapFeature> features)
    {
        using var stream = new MemoryStream();
        // Chinese names as UTF-8, not \uXXXX escapes: a third of the size. The client escapes them for HTML itself.
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteStartArray("features");
            foreach (var f in features)
            {
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WritePropertyName("geometry");
                w.WriteRawValue(f.GeometryJson);
                w.WriteStartObject("properties");
                w.WriteString("name", f.Name);
                if (f.Href is not null) w.WriteString("href", f.Href);
                w.WriteString("color", f.Color);
                w.WriteString("fill", f.FillColor);
                if (f.Detail is not null) w.WriteString("detail", f.Detail);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

/// <summary>The labels of the map's draw buttons (start drawing, finish the polygon, clear it) and the hint while drawing.</summary>
public sealed record MapDrawLabels(string Start, string Finish, string Clear, string Hint);
