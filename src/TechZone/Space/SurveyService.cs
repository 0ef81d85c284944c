using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Zone;

namespace TechZone.Space;

/// <summary>
/// Utilization surveys (摸底调查): a campaign names a survey date and buildings; surveyors — the Space department's staff,
/// or the portal users of the enterprise that manages a building — record each unit's actual use. A unit used by
/// someone other than its leaseholder on the survey date is flagged as possible illegal subletting; a manager reports
/// what it finds but does not see the leaseholders or the flag (other enterprises' records, and the zone's finding).
/// </summary>
public sealed class SurveyService(ZoneDb db, SpaceAccessService access, IEnterpriseDirectory enterprises)
{
    public async Task<IReadOnlyList<CampaignSummary>> ListAsync(CancellationToken ct = default)
    {
        await access.RequireReadAsync();
        var campaigns = await db.Set<SurveyCampaign>().AsNoTracking().Include(c => c.Buildings).OrderByDescending(c => c.SurveyOn).ThenByDescending(c => c.Id).ToListAsync(ct);
        var buildingIds = campaigns.SelectMany(c => c.Buildings.Select(b => b.BuildingId)).Distinct().ToList();
        var unitsPerBuilding = await UnitCountsAsync(buildingIds, ct);
        var recorded = await db.Set<SurveyRecord>().AsNoTracking().GroupBy(r => r.CampaignId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return campaigns.Select(c => new CampaignSummary(c.Id, c.Name, c.SurveyOn, c.Status, c.Buildings.Count, recorded.GetValueOrDefault(c.Id),
            c.Buildings.Sum(b => unitsPerBuilding.GetValueOrDefault(b.BuildingId)))).ToList();
    }

    public async Task<CampaignDetail?> GetAsync(int id, bool chinese, CancellationToken ct = default)
    {
        await access.RequireReadAsync();
        var c = await db.Set<SurveyCampaign>().AsNoTracking().Include(x => x.Buildings).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return null;
        var buildingIds = c.Buildings.Select(b => b.BuildingId).ToList();
        var buildings = await db.Set<Building>().AsNoTracking().Where(b => buildingIds.Contains(b.Id)).OrderBy(b => b.ParkId).ThenBy(b => b.Name).ToListAsync(ct);
        var parks = (await db.Parks.AsNoTracking().ToListAsync(ct)).ToDictionary(p => p.Id, p => p.DisplayName(chinese));
        var totals = await UnitCountsAsync(buildingIds, ct);
        var recorded = await db.Set<SurveyRecord>().AsNoTracking().Where(r => r.CampaignId == id).GroupBy(r => r.BuildingId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var subletting = await db.Set<SurveyRecord>().CountAsync(r => r.CampaignId == id && r.Subletting, ct);
        return new CampaignDetail(c.Id, c.Name, c.SurveyOn, c.Status, c.CreatedByName, c.Version,
            buildings.Select(b => new CampaignBuildingProgress(b.Id, b.Name, parks.GetValueOrDefault(b.ParkId, ""), recorded.GetValueOrDefault(b.Id), totals.GetValueOrDefault(b.Id))).ToList(),
            subletting);
    }

    async Task<Dictionary<int, int>> UnitCountsAsync(List<int> buildingIds, CancellationToken ct) =>
        await db.Set<Unit>().AsNoTracking().Where(u => buildingIds.Contains(u.BuildingId)).GroupBy(u => u.BuildingId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    /// <summary>The campaigns in progress that ask the caller's enterprise to report the buildings it manages.</summary>
    public async Task<IReadOnlyList<ManagedSurvey>> ManagedAsync(CancellationToken ct = default)
    {
        if (access.OwnEnterprise is not { } own) throw new SpaceForbiddenException();
        var rows = await (from cb in db.Set<SurveyCampaignBuilding>()
                          join c in db.Set<SurveyCampaign>() on cb.CampaignId equals c.Id
                          join b in db.Set<Building>() on cb.BuildingId equals b.Id
                          where b.ManagerEnterpriseId == own && c.Status == CampaignStatus.InProgress
                          orderby c.SurveyOn descending, c.Id, b.Name
                          select new { c.Id, c.Name, c.SurveyOn, BuildingId = b.Id, BuildingName = b.Name }).AsNoTracking().ToListAsync(ct);
        var buildingIds = rows.Select(r => r.BuildingId).Distinct().ToList();
        var campaignIds = rows.Select(r => r.Id).Distinct().ToList();
        var totals = await UnitCountsAsync(buildingIds, ct);
        var recorded = await db.Set<SurveyRecord>().AsNoTracking().Where(r => campaignIds.Contains(r.CampaignId) && buildingIds.Contains(r.BuildingId))
            .GroupBy(r => new { r.CampaignId, r.BuildingId }).Select(g => new { g.Key.CampaignId, g.Key.BuildingId, Count = g.Count() }).ToListAsync(ct);
        return rows.Select(r => new ManagedSurvey(r.Id, r.Name, r.SurveyOn, r.BuildingId, r.BuildingName,
            recorded.Where(x => x.CampaignId == r.Id && x.BuildingId == r.BuildingId).Sum(x => x.Count), totals.GetValueOrDefault(r.BuildingId))).ToList();
    }

    /// <summary>
    /// Whether the caller is a portal user of the enterprise that manages this building. A portal user who is not gets
    /// the same answer as for a building that does not exist.
    /// </summary>
    async Task<bool> IsManagerAsync(int buildingId, CancellationToken ct) =>
        access.OwnEnterprise is { } own && await db.Set<Building>().AnyAsync(b => b.Id == buildingId && b.ManagerEnterpriseId == own, ct);

    /// <summary>The units of one building in a campaign: leaseholder on the survey date and the record, if any.</summary>
    public async Task<IReadOnlyList<SurveyUnitRow>?> UnitsAsync(int campaignId, int buildingId, CancellationToken ct = default)
    {
        var manager = access.OwnEnterprise is not null;
        if (manager) { if (!await IsManagerAsync(buildingId, ct)) return null; }
        else await access.RequireReadAsync();
        var c = await db.Set<SurveyCampaign>().AsNoTracking().Include(x => x.Buildings).SingleOrDefaultAsync(x => x.Id == campaignId, ct);
        if (c is null || c.Buildings.All(b => b.BuildingId != buildingId)) return null;
        var units = await db.Set<Unit>().AsNoTracking().Where(u => u.BuildingId == buildingId)
            .Join(db.Set<Floor>(), u => u.FloorId, f => f.Id, (u, f) => new { u.Id, u.Number, f.Level, u.AreaDm2 })
            .OrderBy(u => u.Level).ThenBy(u => u.Number).ToListAsync(ct);
        var holders = await LeaseholdersAsync(units.Select(u => u.Id).ToList(), c.SurveyOn, ct);
        var records = await db.Set<SurveyRecord>().AsNoTracking().Where(r => r.CampaignId == campaignId && r.BuildingId == buildingId).ToDictionaryAsync(r => r.UnitId, ct);
        var names = await enterprises.NamesAsync(holders.Values.Where(h => h is not null).Select(h => h!.Value).Concat(records.Values.Where(r => r.ActualUserId is not null).Select(r => r.ActualUserId!.Value)).Distinct());
        return units.Select(u =>
        {
            var holder = records.TryGetValue(u.Id, out var r) ? r.LeaseholderId : holders.TryGetValue(u.Id, out var h) ? h : null;
            var actual = r?.ActualUserId is { } a ? names.GetValueOrDefault(a, r.ActualUserName) : r?.ActualUserName ?? "";
            if (manager)
                return new SurveyUnitRow(u.Id, u.Number, u.Level, Area.M2(u.AreaDm2), null, null, r?.Usage, null,
                    r?.ActualUserId is not null && r.ActualUserId == holder ? "" : actual, false, r?.Note ?? "", r?.RecordedByName ?? "", holder is not null);
            return new SurveyUnitRow(u.Id, u.Number, u.Level, Area.M2(u.AreaDm2), holder, holder is { } x ? names.GetValueOrDefault(x) : null,
                r?.Usage, r?.ActualUserId, actual, r?.Subletting ?? false, r?.Note ?? "", r?.RecordedByName ?? "", holder is not null);
        }).ToList();
    }

    async Task<Dictionary<int, int?>> LeaseholdersAsync(List<int> unitIds, DateOnly on, CancellationToken ct) =>
        (await db.Set<LeaseUnit>().AsNoTracking().Where(lu => unitIds.Contains(lu.UnitId) && lu.StartOn <= on && lu.EndOn >= on)
            .Join(db.Set<Lease>(), lu => lu.LeaseId, l => l.Id, (lu, l) => new { lu.UnitId, l.EnterpriseId }).ToListAsync(ct))
        .GroupBy(x => x.UnitId).ToDictionary(g => g.Key, g => (int?)g.First().EnterpriseId);

    public async Task<int> CreateAsync(CampaignRequest request, CancellationToken ct = default)
    {
        await access.RequireWriteAsync();
        var name = (request.Name ?? "").Trim();
        if (name.Length == 0) throw new SpaceRuleException("NameRequired");
        if (request.SurveyOn is not { } on) throw new SpaceRuleException("SurveyDateRequired");
        var ids = (request.BuildingIds ?? []).Distinct().ToList();
        if (ids.Count == 0) throw new SpaceRuleException("CampaignBuildingsRequired");
        if (await db.Set<Building>().CountAsync(b => ids.Contains(b.Id), ct) != ids.Count) throw new SpaceRuleException("BuildingUnknown");
        var campaign = new SurveyCampaign
        {
            Name = name, SurveyOn = on, Status = CampaignStatus.InProgress, CreatedByName = access.User.DisplayName, CreatedUtc = DateTime.UtcNow,
            Buildings = ids.Select(b => new SurveyCampaignBuilding { BuildingId = b }).ToList(),
        };
        db.Add(campaign);
        await db.SaveChangesAsync(ct);
        return campaign.Id;
    }

    /// <summary>
    /// Records (or corrects) one unit's finding. The leaseholder on the survey date is copied into the record; a
    /// different actual user flags subletting. Vacant needs no user; occupied units name who uses them.
    /// </summary>
    public async Task<SurveyUnitRow?> RecordAsync(int campaignId, SurveyRecordRequest request, CancellationToken ct = default)
    {
        var manager = access.OwnEnterprise is not null;
        if (!manager) await access.RequireWriteAsync();
        var c = await db.Set<SurveyCampaign>().Include(x => x.Buildings).SingleOrDefaultAsync(x => x.Id == campaignId, ct);
        if (c is null) return null;
        if (request.UnitId is not { } unitId || request.Usage is not { } usage) throw new SpaceRuleException("SurveyIncomplete");
        var unit = await db.Set<Unit>().AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, ct);
        // A manager learns nothing about campaigns or units outside the buildings it manages.
        if (manager && (unit is null || !await IsManagerAsync(unit.BuildingId, ct) || c.Buildings.All(b => b.BuildingId != unit.BuildingId))) return null;
        if (c.Status == CampaignStatus.Completed) throw new SpaceConflictException("CampaignCompleted");
        if (unit is null || c.Buildings.All(b => b.BuildingId != unit.BuildingId)) throw new SpaceRuleException("UnitNotInCampaign");
        var holder = (await LeaseholdersAsync([unitId], c.SurveyOn, ct)).GetValueOrDefault(unitId);
        // A manager names who uses the unit; it cannot pick from the registry, which it may not browse.
        var actualUserId = manager ? null : request.ActualUserId;
        if (actualUserId is { } userId && (await enterprises.NamesAsync([userId])).Count == 0) throw new SpaceRuleException("EnterpriseUnknown");
        var actualName = (request.ActualUserName ?? "").Trim();
        // A typed name that is exactly a registered enterprise's is that enterprise (the leaseholder's own name is no subletting).
        if (actualUserId is null && actualName.Length > 0)
        {
            var match = (await enterprises.SearchAsync(actualName, 5)).FirstOrDefault(e => e.Name == actualName);
            if (match is not null) (actualUserId, actualName) = (match.Id, "");
        }
        if (usage is UnitUsage.Occupied or UnitUsage.FitOut && actualUserId is null && actualName.Length == 0 && holder is null)
            throw new SpaceRuleException("ActualUserRequired");
        if (usage == UnitUsage.IdleLeased && holder is null) throw new SpaceRuleException("IdleNeedsLease");
        if (usage == UnitUsage.Vacant && holder is not null) throw new SpaceRuleException("VacantButLeased");

        var record = await db.Set<SurveyRecord>().SingleOrDefaultAsync(r => r.CampaignId == campaignId && r.UnitId == unitId, ct);
        if (record is null) db.Add(record = new SurveyRecord { CampaignId = campaignId, UnitId = unitId, BuildingId = unit.BuildingId });
        var uses = usage is UnitUsage.Occupied or UnitUsage.FitOut;
        // Occupied without a named user: the leaseholder itself.
        var actualId = uses ? actualUserId ?? (actualName.Length == 0 ? holder : null) : null;
        record.Usage = usage;
        record.LeaseholderId = holder;
        record.ActualUserId = actualId;
        record.ActualUserName = uses && actualId is null ? actualName : "";
        record.Subletting = uses && holder is not null && (actualId is null ? actualName.Length > 0 : actualId != holder);
        record.Note = (request.Note ?? "").Trim();
        record.RecordedByName = access.User.DisplayName;
        record.RecordedUtc = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
        return (await UnitsAsync(campaignId, unit.BuildingId, ct))!.Single(r => r.UnitId == unitId);
    }

    /// <summary>Closes a campaign; its records stay the latest survey of their units until a later campaign records them.</summary>
    public async Task<bool> CompleteAsync(int id, CancellationToken ct = default)
    {
        await access.RequireWriteAsync();
        var c = await db.Set<SurveyCampaign>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return false;
        if (c.Status == CampaignStatus.Completed) throw new SpaceConflictException("CampaignCompleted");
        c.Status = CampaignStatus.Completed;
        c.CompletedUtc = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Units flagged as possibly sublet, latest first: what the safety inspectors follow up (非法转租).</summary>
    public async Task<IReadOnlyList<SubletItem>> SublettingAsync(CancellationToken ct = default)
    {
        await access.RequireReadAsync();
        var rows = await db.Set<SurveyRecord>().AsNoTracking().Where(r => r.Subletting)
            .Join(db.Set<SurveyCampaign>(), r => r.CampaignId, c => c.Id, (r, c) => new { r, c.Name, c.SurveyOn })
            .Join(db.Set<Unit>(), x => x.r.UnitId, u => u.Id, (x, u) => new { x.r, x.Name, x.SurveyOn, u.Number })
            .Join(db.Set<Building>(), x => x.r.BuildingId, b => b.Id, (x, b) => new { x.r, x.Name, x.SurveyOn, x.Number, Building = b.Name })
            .OrderByDescending(x => x.SurveyOn).Take(200).ToListAsync(ct);
        var names = await enterprises.NamesAsync(rows.SelectMany(x => new[] { x.r.LeaseholderId, x.r.ActualUserId }).Where(i => i is not null).Select(i => i!.Value).Distinct());
        return rows.Select(x => new SubletItem(x.r.CampaignId, x.Name, x.SurveyOn, x.r.BuildingId, x.Building, x.r.UnitId, x.Number,
            x.r.LeaseholderId is { } h ? names.GetValueOrDefault(h, "") : "",
            x.r.ActualUserId is { } a ? names.GetValueOrDefault(a, "") : x.r.ActualUserName)).ToList();
    }
}
