namespace TechZone.Platform.Calendar;

/// <summary>
/// A day that the official calendar moves away from the Monday–Friday rule (调休): a weekday off for a public holiday,
/// or a Saturday or Sunday worked to make up for one. Days not listed follow the rule. Names the holiday
/// (春节 / Spring Festival) that the day belongs to.
/// </summary>
public class CalendarDay : Data.IVersioned
{
    public int Id { get; set; }
    public DateOnly Date { get; set; }
    public CalendarDayKind Kind { get; set; }
    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";
    public long Version { get; set; }

    public string DisplayName(bool chinese) => chinese || string.IsNullOrEmpty(NameEn) ? Name : NameEn;

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}

public enum CalendarDayKind
{
    /// <summary>A Monday–Friday that is off (放假).</summary>
    Holiday = 1,

    /// <summary>A Saturday or Sunday that is worked (调休上班).</summary>
    MakeUpWorkday = 2,
}
