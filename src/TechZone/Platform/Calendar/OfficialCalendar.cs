using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Seeding;

namespace TechZone.Platform.Calendar;

/// <summary>
/// The public holidays and make-up working days (调休) published by the General Office of the State Council:
/// <list type="bullet">
/// <item>2025: 国务院办公厅关于2025年部分节假日安排的通知, 国办发明电〔2024〕12号, 12 November 2024 (Xinhua, 2024-11-12).</item>
/// <item>2026: 国务院办公厅关于2026年部分节假日安排的通知, 4 November 2025 (Xinhua, 2025-11-04; reprints give 国办发明电〔2025〕7号).</item>
/// </list>
/// A year is seeded only while it has no entries at all, so an admin's later corrections and deletions stick; a
/// release that adds the next year's notice seeds that year at its first start.
/// </summary>
sealed class OfficialCalendar(ILogger<OfficialCalendar> log) : IReferenceData
{
    public sealed record Holiday(string Name, string NameEn, DateOnly From, DateOnly To, params DateOnly[] MakeUpWorkdays);

    static DateOnly D(int year, int month, int day) => new(year, month, day);

    // Spans as the notices give them (放假调休 from–to), and the weekend days they name as working days (上班).
    public static readonly IReadOnlyDictionary<int, Holiday[]> Years = new Dictionary<int, Holiday[]>
    {
        [2025] =
        [
            new("元旦", "New Year's Day", D(2025, 1, 1), D(2025, 1, 1)),
            new("春节", "Spring Festival", D(2025, 1, 28), D(2025, 2, 4), D(2025, 1, 26), D(2025, 2, 8)),
            new("清明节", "Qingming Festival", D(2025, 4, 4), D(2025, 4, 6)),
            new("劳动节", "Labour Day", D(2025, 5, 1), D(2025, 5, 5), D(2025, 4, 27)),
            new("端午节", "Dragon Boat Festival", D(2025, 5, 31), D(2025, 6, 2)),
            new("国庆节、中秋节", "National Day and Mid-Autumn Festival", D(2025, 10, 1), D(2025, 10, 8), D(2025, 9, 28), D(2025, 10, 11)),
        ],
        [2026] =
        [
            new("元旦", "New Year's Day", D(2026, 1, 1), D(2026, 1, 3), D(2026, 1, 4)),
            new("春节", "Spring Festival", D(2026, 2, 15), D(2026, 2, 23), D(2026, 2, 14), D(2026, 2, 28)),
            new("清明节", "Qingming Festival", D(2026, 4, 4), D(2026, 4, 6)),
            new("劳动节", "Labour Day", D(2026, 5, 1), D(2026, 5, 5), D(2026, 5, 9)),
            new("端午节", "Dragon Boat Festival", D(2026, 6, 19), D(2026, 6, 21)),
            new("中秋节", "Mid-Autumn Festival", D(2026, 9, 25), D(2026, 9, 27)),
            new("国庆节", "National Day", D(2026, 10, 1), D(2026, 10, 7), D(2026, 9, 20), D(2026, 10, 10)),
        ],
    };

    /// <summary>
    /// The entries of one year: the weekdays inside each holiday span (its Saturdays and Sundays are off anyway, and
    /// the calendar refuses a weekend Holiday), and the make-up working days.
    /// </summary>
    public static IEnumerable<CalendarDay> DaysOf(int year) =>
        Years.TryGetValue(year, out var holidays)
            ? holidays.SelectMany(h =>
                    Enumerable.Range(0, h.To.DayNumber - h.From.DayNumber + 1).Select(h.From.AddDays)
                        .Where(d => !CalendarDay.IsWeekend(d))
                        .Select(d => new CalendarDay { Date = d, Kind = CalendarDayKind.Holiday, Name = h.Name, NameEn = h.NameEn })
                        .Concat(h.MakeUpWorkdays.Select(d => new CalendarDay { Date = d, Kind = CalendarDayKind.MakeUpWorkday, Name = h.Name, NameEn = h.NameEn })))
                .OrderBy(d => d.Date)
            : [];

    public async Task SeedAsync(ZoneDb db, CancellationToken ct)
    {
        foreach (var year in Years.Keys)
        {
            var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            if (await db.Set<CalendarDay>().AnyAsync(d => d.Date >= from && d.Date <= to, ct)) continue;
            db.AddRange(DaysOf(year));
            try
            {
                await db.SaveChangesAsync(ct);
                log.LogInformation("Seeded the official holiday calendar of {Year}", year);
            }
            catch (DbUpdateException)
            {
                // Another instance starting at the same moment seeded it first (unique date).
                db.ChangeTracker.Clear();
            }
        }
    }
}
