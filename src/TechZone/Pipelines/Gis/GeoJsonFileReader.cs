using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace TechZone.Pipelines.Gis;

/// <summary>
/// GeoJSON (a FeatureCollection, a Feature or a bare geometry). RFC 7946 says WGS84 lon/lat; a file with the legacy
/// (2008) <c>crs</c> member is in the CRS it names, and refused when TechZone cannot transform that.
/// </summary>
public sealed class GeoJsonFileReader(ZoneCrs zone)
{
    static readonly JsonSerializerOptions Options = new() { Converters = { new GeoJsonConverterFactory() } };

    public GisReadResult Read(Stream stream)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }); }
        catch (JsonException) { return GisReadResult.Refused(new GisMessage("Error_FileUnreadable", "GeoJSON")); }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
                return GisReadResult.Refused(new GisMessage("Error_FileUnreadable", "GeoJSON"));
            int srid;
            try { srid = SourceSrid(root); }
            catch (GisException e) { return GisReadResult.Refused(e); }

            var features = new GisFeatureBuilder(zone, srid);
            switch (type.GetString())
            {
                case "FeatureCollection":
                    if (!root.TryGetProperty("features", out var list) || list.ValueKind != JsonValueKind.Array)
                        return GisReadResult.Refused(new GisMessage("Error_FileUnreadable", "GeoJSON"));
                    foreach (var feature in list.EnumerateArray()) AddFeature(features, feature);
                    break;
                case "Feature":
                    AddFeature(features, root);
                    break;
                default:
                    AddGeometry(features, root, new Dictionary<string, object?>());
                    break;
            }
            return features.Result();
        }
    }

    /// <summary>4326 unless the legacy crs member names another: {"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4490"}}
    /// or the older {"type":"EPSG","properties":{"code":4490}}; a linked CRS cannot be read offline and is refused.</summary>
    int SourceSrid(JsonElement root)
    {
        if (!root.TryGetProperty("crs", out var crs) || crs.ValueKind == JsonValueKind.Null) return CrsCatalog.Wgs84;
        var kind = crs.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var properties = crs.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        string? reference = null;
        if (string.Equals(kind, "name", StringComparison.OrdinalIgnoreCase) && properties.ValueKind == JsonValueKind.Object
            && properties.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
            reference = name.GetString();
        else if (string.Equals(kind, "EPSG", StringComparison.OrdinalIgnoreCase) && properties.ValueKind == JsonValueKind.Object
            && properties.TryGetProperty("code", out var code))
            reference = "EPSG:" + code.ToString();
        if (string.IsNullOrWhiteSpace(reference)) throw new GisException("CrsUnsupported", crs.GetRawText());
        return zone.SridOf(reference);
    }

    static void AddFeature(GisFeatureBuilder features, JsonElement feature)
    {
        var attributes = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        if (feature.ValueKind == JsonValueKind.Object && feature.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
            foreach (var property in properties.EnumerateObject())
                attributes[property.Name] = Value(property.Value);
        if (feature.ValueKind != JsonValueKind.Object || !feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind == JsonValueKind.Null)
        {
            features.Add(null, null, attributes);
            return;
        }
        AddGeometry(features, geometry, attributes);
    }

    static void AddGeometry(GisFeatureBuilder features, JsonElement geometry, Dictionary<string, object?> attributes)
    {
        Geometry? g;
        try { g = geometry.Deserialize<Geometry>(Options); }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException or NotSupportedException or IndexOutOfRangeException)
        {
            var type = geometry.ValueKind == JsonValueKind.Object && geometry.TryGetProperty("type", out var t) ? t.ToString() : "?";
            features.Add(null, null, attributes, new GisMessage("Problem_GeometryUnreadable", type));
            return;
        }
        features.Add(null, g, attributes);
    }

    /// <summary>A property as a plain value: string, long or double, bool, null; arrays and objects as their JSON text.</summary>
    static object? Value(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.TryGetInt64(out var l) ? l : (object)v.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => v.GetRawText(),
    };
}
