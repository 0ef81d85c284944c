using Microsoft.EntityFrameworkCore;
using TechZone.Data;

namespace TechZone.Platform.Calendar;

/// <summary>Listing and editing the holiday calendar. Every change is audited by <see cref="ZoneDb"/>.</summary>
public sealed class CalendarService(ZoneDb db, ZoneTime time)
{
    public const int FirstYear = 2000, LastYear = 2100;

    public async Task<IReadOnlyList<CalendarDayItem>> ListAsync(int? year, bool chinese, CancellationToken ct = default)
    {
        var y = year ?? time.Today.Year;
        var (from, to) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
        var days = await db.Set<CalendarDay>().AsNoTracking().Where(d => d.Date >= from && d.Date <= to).OrderBy(d => d.Date).ToListAsync(ct);
        return days.Select(d => ToItem(d, chinese)).ToList();
    }

    public async Task<CalendarDayItem> CreateAsync(CalendarDayRequest request, bool chinese, CancellationToken ct = default)
    {
        var (date, kind) = Check(request);
        if (await db.Set<CalendarDay>().AnyAsync(d => d.Date == date, ct)) throw Duplicate(date);
        var day = new CalendarDay { Date = date, Kind = kind, Name = request.Name.Trim(), NameEn = request.NameEn.Trim() };
        db.Add(day);
        await SaveAsync(date, ct);
        return ToItem(day, chinese);
    }

    /// <summary>Changes an entry; the given version must be current (else 409).</summary>
    public async Task<CalendarDayItem?> UpdateAsync(int id, CalendarDayRequest request, bool chinese, CancellationToken ct = default)
    {
        var day = await db.Set<CalendarDay>().SingleOrDefaultAsync(d => d.Id == id, ct);
        if (day is null) return null;
        if (request.Version is not { } version) throw new DomainException("VersionRequired");
        var (date, kind) = Check(request);
        if (date != day.Date && await db.Set<CalendarDay>().AnyAsync(d => d.Date == date, ct)) throw Duplicate(date);
        db.Entry(day).Property(d => d.Version).OriginalValue = version;
        day.Date = date;
        day.Kind = kind;
        day.Name = request.Name.Trim();
        day.NameEn = request.NameEn.Trim();
        await SaveAsync(date, ct);
        return ToItem(day, chinese);
    }

    /// <summary>Removes an entry; the day then follows the Monday–Friday rule. A given version must be current (else 409).</summary>
    public async Task<bool> DeleteAsync(int id, long? version = null, CancellationToken ct = default)
    {
        var day = await db.Set<CalendarDay>().SingleOrDefaultAsync(d => d.Id == id, ct);
        if (day is null) return false;
        if (version is { } v) db.Entry(day).Property(d => d.Version).OriginalValue = v;
        db.Remove(day);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Only a weekday can be a holiday and only a weekend day a make-up working day: anything else would change nothing.</summary>
    static (DateOnly Date, CalendarDayKind Kind) Check(CalendarDayRequest request)
    {
        // The attributes make both required; a caller that skipped validation still gets a clear 400.
        if (request.Date is not { } date || request.Kind is not { } kind || string.IsNullOrWhiteSpace(request.Name))
            throw new DomainException("CalendarDayIncomplete");
        if (!Enum.IsDefined(kind)) throw new DomainException("CalendarDayIncomplete");
        if (date.Year is < FirstYear or > LastYear) throw new DomainException("CalendarYearRange", FirstYear, LastYear);
        if (kind == CalendarDayKind.Holiday && CalendarDay.IsWeekend(date)) throw new DomainException("HolidayOnWeekend", Format(date));
        if (kind == CalendarDayKind.MakeUpWorkday && !CalendarDay.IsWeekend(date)) throw new DomainException("MakeUpWorkdayOnWeekday", Format(date));
        return (date, kind);
    }

    async Task SaveAsync(DateOnly date, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            // Two admins adding the same date at once: the unique index refuses the second.
            db.ChangeTracker.Clear();
            if (await db.Set<CalendarDay>().AnyAsync(d => d.Date == date, ct)) throw Duplicate(date);
            throw;
        }
    }

    static ConflictException Duplicate(DateOnly date) => new("DuplicateCalendarDay", Format(date));

    static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    static CalendarDayItem ToItem(CalendarDay d, bool chinese) => new(d.Id, d.Date, d.Kind, d.DisplayName(chinese), d.Name, d.NameEn, d.Version);
}
