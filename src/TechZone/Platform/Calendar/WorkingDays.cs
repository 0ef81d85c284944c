using System.Collections.Frozen;

namespace TechZone.Platform.Calendar;

/// <summary>
/// The calendar at one moment, for counting working days without a database round trip per question (e.g. the due
/// dates of a whole supervision board). Monday–Friday are working days unless listed as a Holiday; a Saturday or
/// Sunday listed as a MakeUpWorkday is one; days outside what was loaded follow the Monday–Friday rule.
/// Get a current one from <see cref="WorkCalendar.SnapshotAsync"/>.
/// </summary>
public sealed class WorkingDays
{
    readonly FrozenDictionary<DateOnly, CalendarDayKind> days;

    public WorkingDays(IEnumerable<KeyValuePair<DateOnly, CalendarDayKind>> days) => this.days = days.ToFrozenDictionary();

    public static WorkingDays Empty { get; } = new([]);

    public bool IsWorkingDay(DateOnly date) => IsWorkingDay(date, days.TryGetValue(date, out var kind) ? kind : null);

    /// <summary>The rule for one day, given its calendar entry if it has one.</summary>
    public static bool IsWorkingDay(DateOnly date, CalendarDayKind? entry) =>
        entry is { } kind ? kind == CalendarDayKind.MakeUpWorkday : !CalendarDay.IsWeekend(date);

    /// <summary>
    /// The <paramref name="count"/>-th working day after <paramref name="start"/>. The start day itself is not counted
    /// (开始的当日不计入, 民法典 第二百零一条), so counting from a non-working day begins at the next working day.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var date = start;
        for (var counted = 0; counted < count;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date)) counted++;
        }
        return date;
    }

    /// <summary>Working days after <paramref name="start"/> up to and including <paramref name="end"/>; negative when end is before start.</summary>
    public int WorkingDaysBetween(DateOnly start, DateOnly end)
    {
        if (end < start) return -WorkingDaysBetween(end, start);
        var count = 0;
        for (var date = start.AddDays(1); date <= end; date = date.AddDays(1))
            if (IsWorkingDay(date)) count++;
        return count;
    }
}
