using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace TechZone.Pipelines.Gis;

/// <summary>Writes zone-CRS features as an RFC 7946 FeatureCollection: WGS84 lon/lat, no crs member.</summary>
public sealed class GeoJsonFileWriter(ZoneCrs zone)
{
    static readonly JsonSerializerOptions Options = new() { Converters = { new GeoJsonConverterFactory() } };

    public void Write(Stream output, IEnumerable<GisFeature> features)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        foreach (var feature in features)
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WritePropertyName("geometry");
            if (feature.Geometry is null) json.WriteNullValue();
            else JsonSerializer.Serialize(json, Rounded(zone.ToWgs84(feature.Geometry)), Options);
            json.WriteStartObject("properties");
            foreach (var (name, value) in feature.Attributes) WriteValue(json, name, value);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    static void WriteValue(Utf8JsonWriter json, string name, object? value)
    {
        switch (value)
        {
            case null: json.WriteNull(name); break;
            case string s: json.WriteString(name, s); break;
            case bool b: json.WriteBoolean(name, b); break;
            case int or long or short or byte: json.WriteNumber(name, Convert.ToInt64(value, CultureInfo.InvariantCulture)); break;
            case decimal d: json.WriteNumber(name, d); break;
            case double or float: json.WriteNumber(name, Convert.ToDouble(value, CultureInfo.InvariantCulture)); break;
            case DateTime t: json.WriteString(name, t.ToString("O", CultureInfo.InvariantCulture)); break;
            case DateOnly t: json.WriteString(name, t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            default: json.WriteString(name, Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    /// <summary>RFC 7946 §11.2: seven decimals (about 1 cm) are plenty, and keep files small.</summary>
    static Geometry Rounded(Geometry g)
    {
        g.Apply(new RoundFilter());
        g.GeometryChanged();
        return g;
    }

    sealed class RoundFilter : ICoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;
        public void Filter(CoordinateSequence seq, int i)
        {
            seq.SetX(i, Math.Round(seq.GetX(i), 8));
            seq.SetY(i, Math.Round(seq.GetY(i), 8));
        }
    }
}
