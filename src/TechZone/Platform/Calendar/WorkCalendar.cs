using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TechZone.Data;

namespace TechZone.Platform.Calendar;

/// <summary>
/// Working days for SLAs (办理时限), in the zone's time: Monday–Friday unless a Holiday, plus the Saturdays and Sundays
/// listed as MakeUpWorkday (调休上班).
/// Every call reads the calendar rows it needs (an indexed query of a few dozen rows at most) instead of keeping a
/// copy in memory: measured, that costs no more than checking whether a cached copy is still current, and an edit
/// made on another instance counts at once without any invalidation. For many questions at once, take a
/// <see cref="SnapshotAsync"/>.
/// </summary>
public sealed class WorkCalendar(ZoneDb db, ZoneTime time)
{
    /// <summary>The whole calendar as it is now, to answer many questions (a board of due dates) with one query.</summary>
    public Task<WorkingDays> SnapshotAsync(CancellationToken ct = default) => LoadAsync(_ => true, ct);

    public async Task<bool> IsWorkingDayAsync(DateOnly date, CancellationToken ct = default)
    {
        var kind = await db.Set<CalendarDay>().AsNoTracking().Where(d => d.Date == date)
            .Select(d => (CalendarDayKind?)d.Kind).FirstOrDefaultAsync(ct);
        return WorkingDays.IsWorkingDay(date, kind);
    }

    /// <summary>
    /// The deadline of something received at <paramref name="startUtc"/> that must be done within
    /// <paramref name="days"/> working days: the end of the <paramref name="days"/>-th working day after the day of
    /// receipt (that day is not counted; received on a non-working day, counting starts at the next working day).
    /// Returned as the UTC instant the deadline passes: midnight at the end of that day in the zone.
    /// </summary>
    public async Task<DateTime> AddWorkingDaysAsync(DateTime startUtc, int days, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var start = time.DateOf(startUtc);
        var calendar = await LoadAsync(d => d.Date > start, ct);
        return time.StartOfDayUtc(calendar.AddWorkingDays(start, days).AddDays(1));
    }

    /// <summary>Working days after <paramref name="start"/> up to and including <paramref name="end"/> (negative when end is earlier).</summary>
    public async Task<int> WorkingDaysBetweenAsync(DateOnly start, DateOnly end, CancellationToken ct = default)
    {
        var (from, to) = start <= end ? (start, end) : (end, start);
        var calendar = await LoadAsync(d => d.Date > from && d.Date <= to, ct);
        return calendar.WorkingDaysBetween(start, end);
    }

    /// <summary>Working days between two instants, counted on the zone's dates (e.g. how long a demand took).</summary>
    public Task<int> WorkingDaysBetweenAsync(DateTime startUtc, DateTime endUtc, CancellationToken ct = default) =>
        WorkingDaysBetweenAsync(time.DateOf(startUtc), time.DateOf(endUtc), ct);

    async Task<WorkingDays> LoadAsync(Expression<Func<CalendarDay, bool>> which, CancellationToken ct)
    {
        var rows = await db.Set<CalendarDay>().AsNoTracking().Where(which).Select(d => new { d.Date, d.Kind }).ToListAsync(ct);
        return new WorkingDays(rows.Select(r => KeyValuePair.Create(r.Date, r.Kind)));
    }
}
