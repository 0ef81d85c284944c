using System.Globalization;
using TechZone.Enterprises.Resources;

namespace TechZone.Enterprises;

/// <summary>Display text for the registry's enums and amounts, in the current UI language.</summary>
public static class EnterpriseLabels
{
    public static string Status(EnterpriseStatus status) =>
        EnterpriseStrings.ResourceManager.GetString("Status_" + status, CultureInfo.CurrentUICulture) ?? status.ToString();

    public static string Size(SizeClass? size) =>
        size is { } s ? EnterpriseStrings.ResourceManager.GetString("Size_" + s, CultureInfo.CurrentUICulture) ?? s.ToString() : "—";

    /// <summary>Fen shown as 万元 (10,000 yuan), the unit registered capital is quoted in.</summary>
    public static string Capital(long? fen) =>
        fen is { } f ? string.Format(CultureInfo.CurrentUICulture, EnterpriseStrings.CapitalWan, f / 1_000_000m) : "—";

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>What a move to <paramref name="status"/> means on the timeline ("registered in the zone", "moved out" ...).</summary>
    public static string StatusEvent(EnterpriseStatus status) =>
        EnterpriseStrings.ResourceManager.GetString("Timeline_Status_" + status, CultureInfo.CurrentUICulture) ?? Status(status);

    public static string Metric(FactMetric metric) =>
        EnterpriseStrings.ResourceManager.GetString("Metric_" + metric, CultureInfo.CurrentUICulture) ?? metric.ToString();

    /// <summary>The metric with its unit, as a table row or form field is labelled ("营业收入（万元）").</summary>
    public static string MetricWithUnit(FactMetric metric) =>
        string.Format(CultureInfo.CurrentUICulture, FactMetrics.IsMoney(metric) ? EnterpriseStrings.Metric_UnitWan
            : FactMetrics.IsPeople(metric) ? EnterpriseStrings.Metric_UnitPeople : EnterpriseStrings.Metric_UnitCount, Metric(metric));

    public static string Source(FactSource source) =>
        EnterpriseStrings.ResourceManager.GetString("FactSource_" + source, CultureInfo.CurrentUICulture) ?? source.ToString();

    public static string QualificationStatus(QualificationStatus status) =>
        EnterpriseStrings.ResourceManager.GetString("QualificationStatus_" + status, CultureInfo.CurrentUICulture) ?? status.ToString();

    /// <summary>A figure without its unit (the row says it): money in 万元, counts as counts; unknown is "—", never 0.</summary>
    public static string Figure(FactMetric metric, long? value) =>
        value is not { } v ? "—"
        // 万元 with two decimals as statements quote it; more for an amount under 0.01 万元, so that no known amount reads as 0.
        : FactMetrics.IsMoney(metric) ? (v / 1_000_000m).ToString(v is > 0 and < 5_000 ? "#,0.00####" : "#,0.00", CultureInfo.CurrentUICulture)
        : v.ToString("#,0", CultureInfo.CurrentUICulture);

    /// <summary>A share as a percentage with one decimal; unknown is "—".</summary>
    public static string Percent(decimal? ratio) =>
        ratio is { } r ? (r * 100).ToString("0.0", CultureInfo.CurrentUICulture) + "%" : "—";
}
