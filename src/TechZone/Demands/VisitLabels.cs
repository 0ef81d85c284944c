using System.Globalization;
using TechZone.Demands.Resources;

namespace TechZone.Demands;

/// <summary>Display text and colours for visits, in the current UI language.</summary>
public static class VisitLabels
{
    public static string Status(VisitStatus status) =>
        DemandStrings.ResourceManager.GetString("VisitStatus_" + status, CultureInfo.CurrentUICulture) ?? status.ToString();

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>"2026-03-12（周四）" / "2026-03-12 (Thu)".</summary>
    public static string DateWithDay(DateOnly date) => string.Format(CultureInfo.CurrentUICulture, DemandStrings.Visit_DateWithDay, Date(date), Weekday(date));

    public static string Weekday(DateOnly date) => CultureInfo.CurrentUICulture.DateTimeFormat.GetAbbreviatedDayName(date.DayOfWeek);

    /// <summary>"2026年3月" / "March 2026".</summary>
    public static string Month(DateOnly month) =>
        month.ToString(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh" ? "yyyy年M月" : "MMMM yyyy", CultureInfo.CurrentUICulture);

    public static string Time(DateTime? utc, Platform.Calendar.ZoneTime zone) =>
        utc is { } u ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(u, DateTimeKind.Utc), zone.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";

    /// <summary>The Monday of the ISO week (Monday to Sunday) that holds <paramref name="date"/>.</summary>
    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    static readonly string[] Suffixes = ["股份有限公司", "有限责任公司", "有限公司", "集团", "分公司"];
    static readonly string[] Prefixes = ["天津市", "天津"];

    /// <summary>
    /// A name short enough for a calendar chip: "飞腾信息技术有限公司" → "飞腾信息技术", "天津海泰电子科技有限公司" → "海泰电子科技",
    /// "云账户（天津）共享经济…" → "云账户共享经济…". The full name stays in the chip's tooltip.
    /// </summary>
    public static string ShortName(string name)
    {
        var s = name.Replace("（天津）", "").Replace("(天津)", "");
        foreach (var prefix in Prefixes)
            if (s.StartsWith(prefix, StringComparison.Ordinal) && s.Length > prefix.Length + 2) { s = s[prefix.Length..]; break; }
        foreach (var suffix in Suffixes)
        {
            var at = s.IndexOf(suffix, StringComparison.Ordinal);
            if (at >= 2) s = s[..at];
        }
        return s.Length == 0 ? name : s;
    }

    /// <summary>Distinct colours for departments, readable with white text; a department keeps its colour by id.</summary>
    static readonly string[] Palette = ["#1f5fae", "#0f8a7e", "#b3541e", "#7b3fa0", "#2e7d32", "#c2185b", "#5d6d7e", "#8d6e00"];

    public static string Color(int departmentId) => Palette[(departmentId % Palette.Length + Palette.Length) % Palette.Length];
}
