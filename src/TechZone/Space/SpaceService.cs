using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Calendar;
using TechZone.Platform.Zone;

namespace TechZone.Space;

/// <summary>
/// The space inventory (parks → buildings → floors → units), leases, and the rates and stacking plan they give.
/// Staff of a department with the Space write grant (规划建设局) change it; readers see it; an enterprise user sees
/// only its own leases.
/// </summary>
public sealed class SpaceService(ZoneDb db, SpaceAccessService access, ZoneTime time, IEnterpriseDirectory enterprises, OccupancyService occupancy)
{
    // ---- buildings ----------------------------------------------------------------------------------------------

    public async Task<IReadOnlyList<BuildingSummary>> ListBuildingsAsync(BuildingQuery query, bool chinese, CancellationToken ct = default)
    {
        await access.RequireReadAsync();
        var rows = db.Set<Building>().AsNoTracking();
        if (query.ParkId is { } park) rows = rows.Where(b => b.ParkId == park);
        if (!string.IsNullOrWhiteSpace(query.Search)) rows = rows.Where(b => b.Name.Contains(query.Search.Trim()) || b.Address.Contains(query.Search.Trim()));
        var buildings = await rows.OrderBy(b => b.ParkId).ThenBy(b => b.Name).ToListAsync(ct);
        var parks = await ParkNamesAsync(chinese, ct);
        var facts = (await occupancy.FactsAsync(buildings.Select(b => b.Id).ToList(), ct)).ToLookup(f => f.BuildingId);
        return buildings.Select(b =>
        {
            var mine = facts[b.Id].ToList();
            return new BuildingSummary(b.Id, b.ParkId, parks.GetValueOrDefault(b.ParkId, ""), b.Name, b.Type, Area.M2(b.GrossAreaDm2),
                Area.M2(b.LeasableAreaDm2), b.FloorCount, mine.Count, OccupancyService.Rates(mine));
        }).ToList();
    }

    public async Task<BuildingDetail?> GetBuildingAsync(int id, bool chinese, CancellationToken ct = default)
    {
        await access.RequireReadAsync();
        var b = await db.Set<Building>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (b is null) return null;
        var parks = await ParkNamesAsync(chinese, ct);
        var floors = await db.Set<Floor>().AsNoTracking().Where(f => f.BuildingId == id).OrderByDescending(f => f.Level).ToListAsync(ct);
        var units = await UnitItemsAsync([id], ct);
        var plans = floors.Select(f => new FloorPlan(f.Id, f.Level, f.Name, units.Where(u => u.FloorId == f.Id).OrderBy(u => u.Number).ToList())).ToList();
        var facts = await occupancy.FactsAsync([id], ct);
        var parcel = b.ParcelId is { } p ? await db.Set<Parcel>().Where(x => x.Id == p).Select(x => x.Number).SingleOrDefaultAsync(ct) : null;
        var manager = b.ManagerEnterpriseId is { } m && (await enterprises.NamesAsync([m])).TryGetValue(m, out var managerName)
            ? new EnterpriseRef(m, managerName, "") : null;
        return new BuildingDetail(b.Id, b.ParkId, parks.GetValueOrDefault(b.ParkId, ""), b.Name, b.Owner, b.Address, b.Type,
            Area.M2(b.GrossAreaDm2), Area.M2(b.LeasableAreaDm2), b.FloorCount, b.ParcelId, parcel, b.Geometry, b.Version, plans,
            OccupancyService.Rates(facts), await occupancy.TrendAsync(facts, ct), manager);
    }

    public async Task<int> CreateBuildingAsync(BuildingRequest request, CancellationToken ct = default)
    {
        await access.RequireWriteAsync();
        var building = new Building();
        await ApplyAsync(building, request, ct);
        db.Add(building);
        await SaveAsync(ct);
        return building.Id;
    }

    public async Task<bool> UpdateBuildingAsync(int id, BuildingRequest request, CancellationToken ct = default)
    {
        await access.RequireWriteAsync();
        var building = await db.Set<Building>().SingleOrDefaultAsync(b => b.Id == id, ct);
        if (building is null) return false;
        CheckVersion(building.Version, request.Version);
        await ApplyAsync(building, request, ct);
        await SaveAsync(ct);
        return true;
    }

    async Task ApplyAsync(Building b, BuildingRequest r, CancellationToken ct)
    {
        if (r.ParkId is not { } park || !await db.Parks.AnyAsync(p => p.Id == park, ct)) throw new SpaceRuleException("ParkUnknown");
        var name = (r.Name ?? "").Trim();
        if (name.Length == 0) throw new SpaceRuleException("NameRequired");
        if (r.GrossArea is not { } gross || r.LeasableArea is not { } leasable || r.Type is not { } type || r.FloorCount is not { } floors)
            throw new SpaceRuleException("BuildingIncomplete");
        if (gross <= 0 || leasable <= 0 || floors < 1) throw new SpaceRuleException("BuildingIncomplete");
        if (leasable > gross) throw new SpaceRuleException("LeasableOverGross");
        if (await db.Set<Building>().AnyAsync(x => x.ParkId == park && x.Name == name && x.Id != b.Id, ct))
            throw new SpaceConflictException("BuildingNameTaken", name);
        if (r.ParcelId is { } parcel && !await db.Set<Parcel>().AnyAsync(p => p.Id == parcel, ct)) throw new SpaceRuleException("ParcelUnknown");
        if (r.ManagerEnterpriseId is { } manager && (await enterprises.NamesAsync([manager])).Count == 0) throw new SpaceRuleException("EnterpriseUnknown");
        if (!string.IsNullOrWhiteSpace(r.Geometry))
        {
            var g = Geo.TryParse(r.Geometry);
            if (Geo.Problem(g) is { } problem) throw new SpaceRuleException(problem);
            Geo.Apply(b, g);
        }
        (b.ParkId, b.Name, b.Owner, b.Address, b.Type) = (park, name, (r.Owner ?? "").Trim(), (r.Address ?? "").Trim(), type);
        (b.GrossAreaDm2, b.LeasableAreaDm2, b.FloorCount, b.ParcelId) = (Area.Dm2(gross), Area.Dm2(leasable), floors, r.ParcelId);
        b.ManagerEnterpriseId = r.ManagerEnterpriseId;
    }

    // ---- floors and units ---------------------------------------------------------------------------------------

    public async Task<int?> AddFloorAsync(int buildingId, FloorRequest request, CancellationToken ct = default)
    {
        await access.RequireWriteAsync();
        if (!await db.Set<Building>().AnyAsync(b => b.Id == buildingId, ct)) return null;
        if (request.Level is not { } level) throw new SpaceRuleException("FloorLevelRequired");
        if (await db.Set<Floor>().AnyAsync(f => f.BuildingId == buildingId && f.Level == level, ct)) throw new SpaceConflictException("FloorExists", level);
        var floor = new Floor { BuildingId = buildingId, Level = level, Name = string.IsNullOrWhiteSpace(request.Name) ? SpaceLabels.FloorName(level) : request.Name.Trim() };
        db.Add(floor);
        await SaveAsync(ct);
        return floor.Id;
    }

    public async Task<int?> AddUnitAsync(int buildingId, UnitRequest request, CancellationToken ct = default)
    {
        await access.RequireWriteAsync();
        if (!await db.Set<Building>().AnyAsync(b => b.Id == buildingId, ct)) return null;
        var unit = new Unit { BuildingId = buildingId };
        await ApplyAsync(unit, request, ct);
        db.Add(unit);
        await SaveAsync(ct);
        return unit.Id;
    }

    public async Task<bool> UpdateUnitAsync(int unitId, UnitRequest request, CancellationToken ct = default)
    {
        await access.RequireWriteAsync();
        var unit = await db.Set<Unit>().SingleOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null) return false;
        CheckVersion(unit.Version, request.Version);
        await ApplyAsync(unit, request, ct);
        await SaveAsync(ct);
        return true;
    }

    async Task ApplyAsync(Unit u, UnitRequest r, CancellationToken ct)
    {
        if (r.FloorId is not { } floor || !await db.Set<Floor>().AnyAsync(f => f.Id == floor && f.BuildingId == u.BuildingId, ct))
            throw new SpaceRuleException("FloorUnknown");
        var number = (r.Number ?? "").Trim();
        if (number.Length == 0 || r.Area is not { } area || area <= 0 || r.Use is not { } use) throw new SpaceRuleException("UnitIncomplete");
        if (await db.Set<Unit>().AnyAsync(x => x.BuildingId == u.BuildingId && x.Number == number && x.Id != u.Id, ct))
            throw new SpaceConflictException("UnitNumberTaken", number);
        (u.FloorId, u.Number, u.AreaDm2, u.Use) = (floor, number, Area.Dm2(area), use);
        u.FloorLoadTenths = (int)Math.Round((r.FloorLoad ?? 0) * 10);
        (u.CleanRoom, u.Exhaust, u.LabSinks, u.PowerKw, u.AskingRentFen) = (r.CleanRoom, r.Exhaust, r.LabSinks, r.PowerKw ?? 0, r.AskingRentFen ?? 0);
    }

    /// <summary>Units with their status today (leases, latest survey), for the stacking plan, pickers and matching.</summary>
    internal async Task<List<UnitItem>> UnitItemsAsync(IReadOnlyCollection<int> buildingIds, CancellationToken ct)
    {
        var units = await db.Set<Unit>().AsNoTracking().Where(u => buildingIds.Contains(u.BuildingId))
            .Join(db.Set<Floor>(), u => u.FloorId, f => f.Id, (u, f) => new { u, f.Level }).ToListAsync(ct);
        var facts = (await occupancy.FactsAsync(buildingIds, ct)).ToDictionary(f => f.UnitId);
        var names = await enterprises.NamesAsync(facts.Values.Where(f => f.LeaseholderId is not null).Select(f => f.LeaseholderId!.Value).Distinct());
        return units.Select(x =>
        {
            var f = facts[x.u.Id];
            return new UnitItem(x.u.Id, x.u.BuildingId, x.u.FloorId, x.Level, x.u.Number, Area.M2(x.u.AreaDm2), x.u.Use, x.u.FloorLoadTenths / 10m,
                x.u.CleanRoom, x.u.Exhaust, x.u.LabSinks, x.u.PowerKw, x.u.AskingRentFen, x.u.Version,
                f.Status, f.LeaseId, f.LeaseholderId, f.LeaseholderId is { } h ? names.GetValueOrDefault(h) : null, f.LeaseEndsOn,
                f.SurveyUsage, f.SurveyOn, f.Subletting);
        }).ToList();
    }

    public async Task<IReadOnlyList<UnitItem>> UnitsAsync(int buildingId, CancellationToken ct = default)
    {
        await access.RequireReadAsync();
        return (await UnitItemsAsync([buildingId], ct)).OrderBy(u => u.Level).ThenBy(u => u.Number).ToList();
    }

    // ---- rates --------------------------------------------------------------------------------------------------

    /// <summary>Vacancy and idle rates of the zone and of each park, and how many leases end within 90 days.</summary>
    public async Task<ZoneRates> ZoneRatesAsync(bool chinese, CancellationToken ct = default)
    {
        await access.RequireReadAsync();
        var buildings = await db.Set<Building>().AsNoTracking().Select(b => new { b.Id, b.ParkId }).ToListAsync(ct);
        var facts = await occupancy.FactsAsync(null, ct);
        var parks = await db.Parks.AsNoTracking().OrderBy(p => p.Id).ToListAsync(ct);
        var today = time.Today;
        var soon = await db.Set<Lease>().CountAsync(l => l.StartOn <= today && l.EndOn >= today && l.EndOn <= today.AddDays(SpaceLimits.EndingSoonDays), ct);
        return new ZoneRates(OccupancyService.Rates(facts),
            parks.Select(p => new ParkRates(p.Id, p.DisplayName(chinese), buildings.Count(b => b.ParkId == p.Id),
                OccupancyService.Rates(facts.Where(f => f.ParkId == p.Id)))).ToList(), soon);
    }

    // ---- leases -------------------------------------------------------------------------------------------------

    public async Task<IReadOnlyList<LeaseItem>> ListLeasesAsync(LeaseQuery query, CancellationToken ct = default)
    {
        await access.RequireReadOrOwnAsync();
        var today = time.Today;
        var rows = db.Set<Lease>().AsNoTracking().Include(l => l.Units).AsQueryable();
        if (access.OwnEnterprise is { } own) rows = rows.Where(l => l.EnterpriseId == own);
        else if (query.EnterpriseId is { } e) rows = rows.Where(l => l.EnterpriseId == e);
        if (query.BuildingId is { } b)
            rows = rows.Where(l => l.Units.Any(lu => db.Set<Unit>().Any(u => u.Id == lu.UnitId && u.BuildingId == b)));
        if (query.EndingSoon == true) rows = rows.Where(l => l.StartOn <= today && l.EndOn >= today && l.EndOn <= today.AddDays(SpaceLimits.EndingSoonDays));
        else if (query.IncludeEnded != true) rows = rows.Where(l => l.EndOn >= today);
        var leases = await rows.OrderBy(l => l.EndOn).Take(1000).ToListAsync(ct);
        return await ItemsAsync(leases, ct);
    }

    public async Task<LeaseItem?> GetLeaseAsync(int id, CancellationToken ct = default)
    {
        await access.RequireReadOrOwnAsync();
        var lease = await db.Set<Lease>().AsNoTracking().Include(l => l.Units).SingleOrDefaultAsync(l => l.Id == id, ct);
        if (lease is null || access.OwnEnterprise is { } own && lease.EnterpriseId != own) return null;
        return (await ItemsAsync([lease], ct))[0];
    }

    async Task<IReadOnlyList<LeaseItem>> ItemsAsync(List<Lease> leases, CancellationToken ct)
    {
        var today = time.Today;
        var unitIds = leases.SelectMany(l => l.Units.Select(u => u.UnitId)).Distinct().ToList();
        var units = await db.Set<Unit>().AsNoTracking().Where(u => unitIds.Contains(u.Id))
            .Join(db.Set<Building>(), u => u.BuildingId, b => b.Id, (u, b) => new { u.Id, u.Number, u.BuildingId, b.Name }).ToDictionaryAsync(x => x.Id, ct);
        var names = await enterprises.NamesAsync(leases.Select(l => l.EnterpriseId).Distinct());
        return leases.Select(l => new LeaseItem(l.Id, l.EnterpriseId, names.GetValueOrDefault(l.EnterpriseId, "#" + l.EnterpriseId), l.StartOn, l.EndOn,
            Area.M2(l.AreaDm2), l.RentFen,
            l.Units.Where(u => units.ContainsKey(u.UnitId)).Select(u => units[u.UnitId]).Select(u => new LeaseUnitRef(u.Id, u.Number, u.BuildingId, u.Name)).OrderBy(u => u.Number).ToList(),
            EndingSoon: l.StartOn <= today && l.EndOn >= today && l.EndOn <= today.AddDays(SpaceLimits.EndingSoonDays),
            Active: l.StartOn <= today && l.EndOn >= today, l.Note, l.Version)).ToList();
    }

    /// <summary>Leases units to an enterprise. A unit already leased for any day of the range is refused (409), and nothing is saved.</summary>
    public async Task<int> CreateLeaseAsync(LeaseRequest request, CancellationToken ct = default)
    {
        await access.RequireWriteAsync();
        return await LeaseAsync(request, null, ct);
    }

    internal async Task<int> LeaseAsync(LeaseRequest request, int? requestId, CancellationToken ct)
    {
        if (request.EnterpriseId is not { } enterpriseId || (await enterprises.NamesAsync([enterpriseId])).Count == 0)
            throw new SpaceRuleException("EnterpriseUnknown");
        if (request.StartOn is not { } start || request.EndOn is not { } end) throw new SpaceRuleException("LeaseDatesRequired");
        if (end < start) throw new SpaceRuleException("LeaseDatesReversed");
        var ids = (request.UnitIds ?? []).Distinct().ToList();
        if (ids.Count == 0) throw new SpaceRuleException("LeaseUnitsRequired");
        var units = await db.Set<Unit>().Where(u => ids.Contains(u.Id)).ToListAsync(ct);
        if (units.Count != ids.Count) throw new SpaceRuleException("UnitUnknown");

        // The check and the insert share a transaction; on PostgreSQL the units' rows are locked first so that two
        // leases of one unit at the same moment cannot both pass the check.
        var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
        if (db.Database.IsNpgsql())
            await db.Set<Unit>().FromSqlRaw("SELECT * FROM space_units WHERE \"Id\" = ANY({0}) FOR UPDATE", ids.ToArray()).ToListAsync(ct);
        var clash = await db.Set<LeaseUnit>().AsNoTracking()
            .Where(lu => ids.Contains(lu.UnitId) && lu.StartOn <= end && lu.EndOn >= start)
            .OrderBy(lu => lu.StartOn).FirstOrDefaultAsync(ct);
        if (clash is not null)
        {
            var number = units.Single(u => u.Id == clash.UnitId).Number;
            throw new SpaceConflictException("LeaseOverlap", number, SpaceLabels.Date(clash.StartOn), SpaceLabels.Date(clash.EndOn));
        }
        var lease = new Lease
        {
            EnterpriseId = enterpriseId, StartOn = start, EndOn = end, RequestId = requestId,
            AreaDm2 = request.Area is { } a ? Area.Dm2(a) : units.Sum(u => u.AreaDm2),
            RentFen = request.RentFen ?? units[0].AskingRentFen,
            Note = (request.Note ?? "").Trim(),
            Units = ids.Select(id => new LeaseUnit { UnitId = id, StartOn = start, EndOn = end }).ToList(),
        };
        db.Add(lease);
        await SaveAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return lease.Id;
        }
        finally
        {
            if (tx is not null) await tx.DisposeAsync();
        }
    }

    /// <summary>Ends a lease on another day (early termination or extension); an extension may not overlap another lease.</summary>
    public async Task<bool> EndLeaseAsync(int id, LeaseEndRequest request, CancellationToken ct = default)
    {
        await access.RequireWriteAsync();
        var lease = await db.Set<Lease>().Include(l => l.Units).SingleOrDefaultAsync(l => l.Id == id, ct);
        if (lease is null) return false;
        CheckVersion(lease.Version, request.Version);
        if (request.EndOn is not { } end) throw new SpaceRuleException("LeaseDatesRequired");
        if (end < lease.StartOn) throw new SpaceRuleException("LeaseDatesReversed");
        var ids = lease.Units.Select(u => u.UnitId).ToList();
        if (end > lease.EndOn && await db.Set<LeaseUnit>().AnyAsync(lu => ids.Contains(lu.UnitId) && lu.LeaseId != id && lu.StartOn <= end && lu.EndOn >= lease.StartOn, ct))
            throw new SpaceConflictException("LeaseExtensionOverlap");
        lease.EndOn = end;
        foreach (var u in lease.Units) u.EndOn = end;
        await SaveAsync(ct);
        return true;
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    internal async Task<Dictionary<int, string>> ParkNamesAsync(bool chinese, CancellationToken ct) =>
        (await db.Parks.AsNoTracking().ToListAsync(ct)).ToDictionary(p => p.Id, p => p.DisplayName(chinese));

    /// <summary>Enterprises by name or credit code, for pickers.</summary>
    public async Task<IReadOnlyList<EnterpriseRef>> SearchEnterprisesAsync(string? text, int take = 20)
    {
        await access.RequireReadAsync();
        return await enterprises.SearchAsync(text, take);
    }

    internal static void CheckVersion(long current, long? expected)
    {
        if (expected is { } v && v != current) throw new SpaceConflictException("Stale");
    }

    async Task SaveAsync(CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { db.ChangeTracker.Clear(); throw new SpaceConflictException("Stale"); }
    }
}

/// <summary>m² with two decimals ↔ whole dm² (1 dm² = 0.01 m²).</summary>
public static class Area
{
    public static long Dm2(decimal m2) => (long)Math.Round(m2 * 100, MidpointRounding.AwayFromZero);
    public static decimal M2(long dm2) => dm2 / 100m;
}
