using System.Globalization;
using NetTopologySuite.Geometries;
using TechZone.Pipelines.Gis.Resources;

namespace TechZone.Pipelines.Gis;

/// <summary>
/// A message of the GIS readers and the import check: a GisStrings resource key and its format arguments, so that
/// pages and the API show it in the reader's language.
/// </summary>
public sealed record GisMessage(string Key, params object[] Arguments)
{
    /// <summary>The message in <paramref name="culture"/>; an argument that is itself a message is translated too.</summary>
    public string Text(CultureInfo culture) =>
        GisStrings.ResourceManager.GetString(Key, culture) is { } format
            ? string.Format(culture, format, [.. Arguments.Select(a => a is GisMessage m ? m.Text(culture) : a)])
            : Key;

    public static GisMessage From(GisException e) => new("Error_" + e.Code, e.Arguments);
}

/// <summary>One feature of a file: its 1-based position in the file (per file, across its layers), its layer (a GeoPackage
/// table, a Shapefile's name; null for GeoJSON and CSV), its geometry in the zone CRS (null when unusable) and its attributes.</summary>
public sealed record GisFeature(int Index, string? Layer, Geometry? Geometry, IReadOnlyDictionary<string, object?> Attributes);

/// <summary>Why one feature cannot be used as it is: empty, invalid or unsupported geometry, unreadable coordinates.</summary>
public sealed record GisFeatureProblem(int FeatureIndex, GisMessage Reason);

/// <summary>
/// What a reader found: every feature (also those with problems, so the dry run can name them), the problems per feature,
/// or the file-level refusal (unsupported CRS, no .prj, not a file of that kind) — then there are no features.
/// </summary>
public sealed record GisReadResult(int? SourceSrid, IReadOnlyList<GisFeature> Features, IReadOnlyList<GisFeatureProblem> Problems, GisMessage? Refusal)
{
    public bool IsRefused => Refusal is not null;

    public static GisReadResult Refused(GisMessage reason) => new(null, [], [], reason);

    public static GisReadResult Refused(GisException e) => Refused(GisMessage.From(e));
}
