using System.Globalization;
using TechZone.Pipelines.Resources;

namespace TechZone.Pipelines;

/// <summary>Display names of the module's values, in the current UI language (or the one asked for).</summary>
public static class PipelineLabels
{
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    static string S(string key, CultureInfo? culture = null) => PipelineStrings.ResourceManager.GetString(key, culture ?? CultureInfo.CurrentUICulture) ?? key;

    /// <summary>A message of the module's resources, formatted in <paramref name="culture"/>.</summary>
    public static string Text(string key, CultureInfo culture, params object[] args) => string.Format(culture, S(key, culture), args);
    public static string Text(string key, bool chinese, params object[] args) => Text(key, chinese ? Chinese : English, args);

    public static string Status(PipeStatus s) => S("PipeStatus_" + s);
    public static string Quality(QualityLevel q) => S("Quality_" + q);
    public static string Method(ExcavationMethod m) => S("Method_" + m);
    public static string Request(ExcavationStatus s) => S("RequestStatus_" + s);
    public static string AsBuilt(AsBuiltStatus s) => S("AsBuiltStatus_" + s);
    public static string Response(ResponseCode c, CultureInfo? culture = null) => S("Response_" + c, culture);
    public static string Node(NodeKind k) => S("Node_" + k);

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static string Date(DateOnly? d) => d is { } x ? Date(x) : "—";
    public static string Time(DateTime? utc) => utc is { } t ? t.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";
    public static string Metres(double m) => m.ToString("0.##", CultureInfo.InvariantCulture) + " m";
    public static string Size(int? diameter, string? section) => diameter is { } d ? $"DN{d}" : section ?? "—";

    /// <summary>SQLite gives times back without a kind: times are UTC everywhere.</summary>
    public static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
