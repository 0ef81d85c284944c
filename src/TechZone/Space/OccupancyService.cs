using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Calendar;

namespace TechZone.Space;

/// <summary>What is known of one unit today: its lease, its latest survey finding, and the status they give.</summary>
public sealed record UnitFact(int UnitId, int BuildingId, int ParkId, long AreaDm2, int? LeaseId, int? LeaseholderId, DateOnly? LeaseEndsOn,
    UnitUsage? SurveyUsage, DateOnly? SurveyOn, bool Subletting, UnitStatus Status);

/// <summary>
/// Vacancy and idle rates without double counting: every unit is one fact (its area once, however many leases or
/// surveys name it), the leases in force today say whether it is leased, and only its latest survey record (by
/// survey date, then time recorded) says how it is used. Rates of any scope are sums over its units' facts.
/// </summary>
public sealed class OccupancyService(ZoneDb db, ZoneTime time)
{
    /// <summary>The facts of the units of the given buildings (every building when null).</summary>
    public async Task<List<UnitFact>> FactsAsync(IReadOnlyCollection<int>? buildingIds, CancellationToken ct)
    {
        var today = time.Today;
        var unitRows = db.Set<Unit>().AsNoTracking();
        if (buildingIds is not null) unitRows = unitRows.Where(u => buildingIds.Contains(u.BuildingId));
        var units = await unitRows.Join(db.Set<Building>(), u => u.BuildingId, b => b.Id, (u, b) => new { u.Id, u.BuildingId, b.ParkId, u.AreaDm2 })
            .ToListAsync(ct);
        // The units as a subquery, not as a list of ids: a zone of 2,000 buildings has 100,000 units, more
        // parameters than SQLite takes in one statement.
        var ids = unitRows.Select(u => u.Id);
        var all = buildingIds is null;

        var leased = await db.Set<LeaseUnit>().AsNoTracking()
            .Where(lu => (all || ids.Contains(lu.UnitId)) && lu.StartOn <= today && lu.EndOn >= today)
            .Join(db.Set<Lease>(), lu => lu.LeaseId, l => l.Id, (lu, l) => new { lu.UnitId, l.Id, l.EnterpriseId, l.StartOn, l.EndOn })
            .ToListAsync(ct);
        // Overlapping leases are refused, so at most one is in force; should old data hold two, the later one counts.
        var lease = leased.GroupBy(l => l.UnitId).ToDictionary(g => g.Key, g => g.OrderByDescending(l => l.StartOn).First());

        var surveyed = await db.Set<SurveyRecord>().AsNoTracking()
            .Where(r => all || ids.Contains(r.UnitId))
            .Join(db.Set<SurveyCampaign>(), r => r.CampaignId, c => c.Id, (r, c) => new { r.UnitId, r.Usage, r.Subletting, c.SurveyOn, r.RecordedUtc })
            .ToListAsync(ct);
        var latest = surveyed.GroupBy(r => r.UnitId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.SurveyOn).ThenByDescending(r => r.RecordedUtc).First());

        return units.Select(u =>
        {
            var l = lease.GetValueOrDefault(u.Id);
            var s = latest.GetValueOrDefault(u.Id);
            return new UnitFact(u.Id, u.BuildingId, u.ParkId, u.AreaDm2, l?.Id, l?.EnterpriseId, l?.EndOn, s?.Usage, s?.SurveyOn, s?.Subletting ?? false,
                StatusOf(l is not null, l?.StartOn, s?.Usage, s?.SurveyOn));
        }).ToList();
    }

    /// <summary>
    /// The stacking plan's colour: the latest survey's finding, unless a lease began after that survey (then the
    /// survey is out of date and the lease says "leased"); with no survey, what the leases say.
    /// </summary>
    internal static UnitStatus StatusOf(bool leased, DateOnly? leaseStart, UnitUsage? usage, DateOnly? surveyOn)
    {
        if (usage is { } u && !(leased && leaseStart > surveyOn))
            return u switch
            {
                UnitUsage.Occupied => UnitStatus.Occupied,
                UnitUsage.FitOut => UnitStatus.FitOut,
                UnitUsage.IdleLeased => UnitStatus.IdleLeased,
                _ => leased ? UnitStatus.Leased : UnitStatus.Vacant,
            };
        return leased ? UnitStatus.Leased : UnitStatus.Vacant;
    }

    public static SpaceRates Rates(IEnumerable<UnitFact> facts)
    {
        var list = facts.ToList();
        long area = list.Sum(f => f.AreaDm2), vacant = list.Where(f => f.LeaseId is null).Sum(f => f.AreaDm2);
        var surveyed = list.Where(f => f.SurveyUsage is not null).ToList();
        long surveyedArea = surveyed.Sum(f => f.AreaDm2);
        long surveyVacant = surveyed.Where(f => f.SurveyUsage == UnitUsage.Vacant).Sum(f => f.AreaDm2);
        long idle = surveyed.Where(f => f.SurveyUsage == UnitUsage.IdleLeased).Sum(f => f.AreaDm2);
        return new SpaceRates(list.Count, Area.M2(area), Area.M2(vacant), Rate(vacant, area),
            surveyed.Count, Area.M2(surveyedArea), Area.M2(surveyVacant), Area.M2(idle), Rate(surveyVacant, surveyedArea), Rate(idle, surveyedArea));
    }

    public static decimal? Rate(long part, long whole) => whole == 0 ? null : Math.Round((decimal)part / whole, 4);

    /// <summary>Each campaign's findings for these units (its own records only): vacancy and idle rates over time.</summary>
    public async Task<IReadOnlyList<RateTrendPoint>> TrendAsync(IReadOnlyList<UnitFact> facts, CancellationToken ct)
    {
        var area = facts.ToDictionary(f => f.UnitId, f => f.AreaDm2);
        var ids = area.Keys.ToList();
        var records = await db.Set<SurveyRecord>().AsNoTracking().Where(r => ids.Contains(r.UnitId))
            .Select(r => new { r.CampaignId, r.UnitId, r.Usage }).ToListAsync(ct);
        var campaignIds = records.Select(r => r.CampaignId).Distinct().ToList();
        var campaigns = await db.Set<SurveyCampaign>().AsNoTracking().Where(c => campaignIds.Contains(c.Id)).OrderBy(c => c.SurveyOn).ToListAsync(ct);
        return campaigns.Select(c =>
        {
            var mine = records.Where(r => r.CampaignId == c.Id).ToList();
            var total = mine.Sum(r => area[r.UnitId]);
            return new RateTrendPoint(c.Id, c.Name, c.SurveyOn, mine.Count,
                Rate(mine.Where(r => r.Usage == UnitUsage.Vacant).Sum(r => area[r.UnitId]), total),
                Rate(mine.Where(r => r.Usage == UnitUsage.IdleLeased).Sum(r => area[r.UnitId]), total));
        }).ToList();
    }
}
