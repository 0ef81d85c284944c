using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using TechZone.Data;
using TechZone.Demands.Resources;
using TechZone.Platform.Audit;
using TechZone.Platform.Calendar;

namespace TechZone.Demands;

/// <summary>
/// How the zone serves its enterprises, over demands raised in a period: where they come from (category, park),
/// who answers them (department), on time or late, how satisfied the enterprises are, how long closing takes, and
/// which problems keep coming back.
/// </summary>
public sealed class DemandStatisticsService(ZoneDb db, DemandService demands, DemandSetupService setup,
    WorkCalendar calendar, ZoneTime time)
{
    public async Task<DemandStatistics> ComputeAsync(DemandStatsQuery query, bool chinese, CancellationToken ct = default)
    {
        var rows = db.Set<Demand>().AsNoTracking();
        if (query.From is { } from) { var f = time.StartOfDayUtc(from); rows = rows.Where(d => d.RaisedUtc >= f); }
        if (query.To is { } to) { var t = time.StartOfDayUtc(to.AddDays(1)); rows = rows.Where(d => d.RaisedUtc < t); }
        var parts = db.Set<DemandPart>().AsNoTracking().Where(p => rows.Any(d => d.Id == p.DemandId));

        // Grouped in the database; the breakdowns are at most a few dozen rows each.
        var byStatus = await rows.GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(params DemandStatus[] s) => byStatus.Where(x => s.Contains(x.Key)).Sum(x => x.Count);
        var closedStatuses = new[] { DemandStatus.Closed, DemandStatus.Rejected };

        var byCategory = await rows.GroupBy(d => d.CategoryId).Select(g => new Group(g.Key, g.Count(),
            g.Count(d => d.Status != DemandStatus.Closed && d.Status != DemandStatus.Rejected), g.Average(d => (double?)d.Rating),
            g.Select(d => d.EnterpriseId).Distinct().Count())).ToListAsync(ct);
        var byPark = await rows.GroupBy(d => d.ParkId).Select(g => new Group(g.Key ?? 0, g.Count(),
            g.Count(d => d.Status != DemandStatus.Closed && d.Status != DemandStatus.Rejected), g.Average(d => (double?)d.Rating),
            g.Select(d => d.EnterpriseId).Distinct().Count())).ToListAsync(ct);
        var byDepartment = await parts.GroupBy(p => p.DepartmentId).Select(g => new
        {
            Id = g.Key, Count = g.Count(), Open = g.Count(p => p.Status != PartStatus.Answered),
            Answered = g.Count(p => p.AnsweredUtc != null), OnTime = g.Count(p => p.AnsweredUtc != null && p.AnsweredUtc <= p.DueUtc),
            Rating = g.Average(p => (double?)p.Demand!.Rating), Enterprises = g.Select(p => p.Demand!.EnterpriseId).Distinct().Count(),
        }).ToListAsync(ct);
        var onTimeByCategory = await parts.Where(p => p.AnsweredUtc != null).GroupBy(p => p.Demand!.CategoryId)
            .Select(g => new { g.Key, Answered = g.Count(), OnTime = g.Count(p => p.AnsweredUtc <= p.DueUtc) }).ToDictionaryAsync(x => x.Key, ct);
        var onTimeByPark = await parts.Where(p => p.AnsweredUtc != null).GroupBy(p => p.Demand!.ParkId ?? 0)
            .Select(g => new { g.Key, Answered = g.Count(), OnTime = g.Count(p => p.AnsweredUtc <= p.DueUtc) }).ToDictionaryAsync(x => x.Key, ct);
        var ratedRows = rows.Where(d => d.Rating != null);
        var ratedCount = await ratedRows.CountAsync(ct);
        var averageRating = ratedCount == 0 ? (double?)null : await ratedRows.AverageAsync(d => (double)d.Rating!, ct);

        // Time to close in working days: the distinct (raised, closed) day pairs are few even for many demands.
        var closedTimes = await rows.Where(d => d.Status == DemandStatus.Closed && d.ClosedUtc != null)
            .Select(d => new { d.RaisedUtc, d.ClosedUtc }).ToListAsync(ct);
        double? toClose = null;
        if (closedTimes.Count > 0)
        {
            var days = await calendar.SnapshotAsync(ct);
            toClose = closedTimes.GroupBy(x => (time.DateOf(x.RaisedUtc), time.DateOf(x.ClosedUtc!.Value)))
                .Sum(g => (double)days.WorkingDaysBetween(g.Key.Item1, g.Key.Item2) * g.Count()) / closedTimes.Count;
        }

        var categories = await setup.CategoriesAsync(ct);
        var departments = await demands.DepartmentNamesAsync(chinese, ct);
        var parks = await db.Parks.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.DisplayName(chinese), ct);
        var noPark = DemandStrings.Stats_NoPark;

        // By category: rolled up to the tree's roots, so the seed's four areas and the rest compare at one level.
        var roots = byCategory.GroupBy(g => categories.Ancestry(g.Id).Last().Id).Select(r =>
        {
            var answered = r.Sum(g => onTimeByCategory.GetValueOrDefault(g.Id)?.Answered ?? 0);
            var onTime = r.Sum(g => onTimeByCategory.GetValueOrDefault(g.Id)?.OnTime ?? 0);
            return new StatRow(categories.Path(r.Key, chinese), r.Sum(g => g.Count), r.Sum(g => g.Open), onTime, answered,
                WeightedRating(r), r.Sum(g => g.Enterprises));
        }).OrderByDescending(r => r.Count).ToList();
        // Top problems: the most frequent leaf categories, with how many enterprises raised them.
        var top = byCategory.OrderByDescending(g => g.Count).ThenByDescending(g => g.Enterprises).Take(10)
            .Select(g => new StatRow(categories.Path(g.Id, chinese), g.Count, g.Open, onTimeByCategory.GetValueOrDefault(g.Id)?.OnTime ?? 0,
                onTimeByCategory.GetValueOrDefault(g.Id)?.Answered ?? 0, g.Rating, g.Enterprises)).ToList();
        var byParkRows = byPark.Select(g => new StatRow(g.Id == 0 ? noPark : parks.GetValueOrDefault(g.Id, ""), g.Count, g.Open,
            onTimeByPark.GetValueOrDefault(g.Id)?.OnTime ?? 0, onTimeByPark.GetValueOrDefault(g.Id)?.Answered ?? 0, g.Rating, g.Enterprises))
            .OrderByDescending(r => r.Count).ToList();
        var byDepartmentRows = byDepartment.Select(g => new StatRow(departments.GetValueOrDefault(g.Id, ""), g.Count, g.Open, g.OnTime, g.Answered,
            g.Rating, g.Enterprises)).OrderByDescending(r => r.Count).ToList();

        var answeredAll = byDepartment.Sum(g => g.Answered);
        return new DemandStatistics(query.From, query.To, byStatus.Sum(x => x.Count), byStatus.Sum(x => x.Count) - Count(closedStatuses),
            Count(DemandStatus.Closed), Count(DemandStatus.Rejected),
            answeredAll == 0 ? null : (double)byDepartment.Sum(g => g.OnTime) / answeredAll,
            averageRating, ratedCount, toClose, roots, byDepartmentRows, byParkRows, top);
    }

    static double? WeightedRating(IEnumerable<Group> groups)
    {
        // Averages of groups weighted by their size approximate the overall average well enough for a dashboard.
        var rated = groups.Where(g => g.Rating is not null).ToList();
        return rated.Count == 0 ? null : rated.Sum(g => g.Rating!.Value * g.Count) / rated.Sum(g => g.Count);
    }

    sealed record Group(int Id, int Count, int Open, double? Rating, int Enterprises);

    /// <summary>The statistics as an .xlsx workbook, one sheet per breakdown; an export is an audited event.</summary>
    public async Task ExportAsync(DemandStatsQuery query, bool chinese, Stream output, CancellationToken ct = default)
    {
        var stats = await ComputeAsync(query, chinese, ct);
        Dictionary<string, object?> Row(StatRow r, string nameColumn) => new()
        {
            [nameColumn] = r.Name,
            [DemandStrings.Stats_Count] = r.Count,
            [DemandStrings.Stats_Open] = r.Open,
            [DemandStrings.Stats_OnTimeRate] = r.Answered == 0 ? null : Math.Round(100.0 * r.AnsweredOnTime / r.Answered, 1),
            [DemandStrings.Stats_AverageRating] = r.AverageRating is { } a ? Math.Round(a, 2) : null,
            [DemandStrings.Stats_Enterprises] = r.Enterprises,
        };
        var summary = new[]
        {
            new Dictionary<string, object?> { [DemandStrings.Stats_Measure] = DemandStrings.Stats_Total, [DemandStrings.Stats_Value] = stats.Total },
            new() { [DemandStrings.Stats_Measure] = DemandStrings.Stats_Open, [DemandStrings.Stats_Value] = stats.Open },
            new() { [DemandStrings.Stats_Measure] = DemandStrings.Stats_Closed, [DemandStrings.Stats_Value] = stats.Closed },
            new() { [DemandStrings.Stats_Measure] = DemandStrings.Stats_Rejected, [DemandStrings.Stats_Value] = stats.Rejected },
            new() { [DemandStrings.Stats_Measure] = DemandStrings.Stats_OnTimeRate, [DemandStrings.Stats_Value] = stats.OnTimeRate is { } o ? Math.Round(100 * o, 1) : null },
            new() { [DemandStrings.Stats_Measure] = DemandStrings.Stats_AverageRating, [DemandStrings.Stats_Value] = stats.AverageRating is { } r ? Math.Round(r, 2) : null },
            new() { [DemandStrings.Stats_Measure] = DemandStrings.Stats_DaysToClose, [DemandStrings.Stats_Value] = stats.AverageWorkingDaysToClose is { } c ? Math.Round(c, 1) : null },
        };
        var sheets = new Dictionary<string, object>
        {
            [DemandStrings.Stats_Summary] = summary,
            [DemandStrings.Stats_ByCategory] = stats.ByCategory.Select(r => Row(r, DemandStrings.Category)).ToList(),
            [DemandStrings.Stats_ByDepartment] = stats.ByDepartment.Select(r => Row(r, DemandStrings.Department)).ToList(),
            [DemandStrings.Stats_ByPark] = stats.ByPark.Select(r => Row(r, DemandStrings.Park)).ToList(),
            [DemandStrings.Stats_TopProblems] = stats.TopProblems.Select(r => Row(r, DemandStrings.Category)).ToList(),
        };
        await MiniExcel.SaveAsAsync(output, sheets, cancellationToken: ct);
        AuditTrail.Security(db, "Export", null, new { list = "demand-statistics", query.From, query.To, stats.Total });
        await db.SaveChangesAsync(ct);
    }
}
