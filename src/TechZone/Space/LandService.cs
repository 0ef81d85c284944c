using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Enterprises;
using TechZone.Platform.Calendar;
using TechZone.Platform.Zone;
using TechZone.Space.Resources;

namespace TechZone.Space;

/// <summary>
/// Land: parcels, their output per mu from the registry's verified figures (亩均税收, 亩均产值), low-efficiency
/// classification by the thresholds staff set, and disposal cases (收储 / 置换 / 改变用途 / 就地改造增资扩产).
/// </summary>
public sealed class LandService(ZoneDb db, SpaceAccessService access, ZoneTime time, IEnterpriseDirectory enterprises, EnterpriseFactsService facts)
{
    // ---- parcels ------------------------------------------------------------------------------------------------

    public async Task<IReadOnlyList<ParcelItem>> ListAsync(ParcelQuery query, bool chinese, CancellationToken ct = default)
    {
        await access.RequireReadAsync();
        var rows = db.Set<Parcel>().AsNoTracking();
        if (query.ParkId is { } park) rows = rows.Where(p => p.ParkId == park);
        if (!string.IsNullOrWhiteSpace(query.Search)) rows = rows.Where(p => p.Number.Contains(query.Search.Trim()));
        var parcels = await rows.OrderBy(p => p.ParkId).ThenBy(p => p.Number).ToListAsync(ct);
        var items = await ClassifyAsync(parcels, chinese, ct);
        return query.LowEfficiency is { } low ? items.Where(i => i.Item.LowEfficiency == low).Select(i => i.Item).ToList() : items.Select(i => i.Item).ToList();
    }

    public async Task<ParcelDetail?> GetAsync(int id, bool chinese, CancellationToken ct = default)
    {
        await access.RequireReadAsync();
        var parcel = await db.Set<Parcel>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (parcel is null) return null;
        var classified = (await ClassifyAsync([parcel], chinese, ct))[0];
        var cases = await CasesAsync(db.Set<DisposalCase>().Where(c => c.ParcelId == id), ct);
        var thresholds = await ThresholdsAsync(ct);
        return new ParcelDetail(classified.Item, cases, classified.Enterprises, thresholds.FiscalYear);
    }

    /// <summary>
    /// The indicators and the verdict of each parcel. The enterprises on a parcel are its holder and the tenants
    /// (leases in force today) of the buildings standing on it, each counted once; their verified tax and revenue of
    /// the thresholds' fiscal year, divided by the parcel's area in mu. Unknown figures stay unknown (no verdict on tax).
    /// </summary>
    async Task<List<(ParcelItem Item, List<ParcelEnterprise> Enterprises)>> ClassifyAsync(List<Parcel> parcels, bool chinese, CancellationToken ct)
    {
        var t = await ThresholdsAsync(ct);
        var today = time.Today;
        var ids = parcels.Select(p => p.Id).ToList();
        var tenants = await db.Set<LeaseUnit>().AsNoTracking().Where(lu => lu.StartOn <= today && lu.EndOn >= today)
            .Join(db.Set<Unit>(), lu => lu.UnitId, u => u.Id, (lu, u) => new { lu.LeaseId, u.BuildingId })
            .Join(db.Set<Building>().Where(b => b.ParcelId != null && ids.Contains(b.ParcelId.Value)), x => x.BuildingId, b => b.Id, (x, b) => new { x.LeaseId, ParcelId = b.ParcelId!.Value })
            .Join(db.Set<Lease>(), x => x.LeaseId, l => l.Id, (x, l) => new { x.ParcelId, l.EnterpriseId })
            .Distinct().ToListAsync(ct);
        var tax = (await facts.VerifiedAsync(t.FiscalYear, FactMetric.TaxPaid, ct: ct)).ToDictionary(f => f.EnterpriseId, f => f.Value);
        var revenue = (await facts.VerifiedAsync(t.FiscalYear, FactMetric.Revenue, ct: ct)).ToDictionary(f => f.EnterpriseId, f => f.Value);
        var allIds = parcels.Where(p => p.HolderId is not null).Select(p => p.HolderId!.Value).Concat(tenants.Select(x => x.EnterpriseId)).Distinct().ToList();
        var names = await enterprises.NamesAsync(allIds);
        var parks = (await db.Parks.AsNoTracking().ToListAsync(ct)).ToDictionary(p => p.Id, p => p.DisplayName(chinese));
        var openCases = await db.Set<DisposalCase>().AsNoTracking().Where(c => ids.Contains(c.ParcelId) && c.Status == CaseStatus.Open)
            .GroupBy(c => c.ParcelId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

        return parcels.Select(p =>
        {
            var on = new List<ParcelEnterprise>();
            if (p.HolderId is { } h) on.Add(new ParcelEnterprise(h, names.GetValueOrDefault(h, "#" + h), true, Get(tax, h), Get(revenue, h)));
            foreach (var e in tenants.Where(x => x.ParcelId == p.Id).Select(x => x.EnterpriseId).Distinct().Where(e => e != p.HolderId))
                on.Add(new ParcelEnterprise(e, names.GetValueOrDefault(e, "#" + e), false, Get(tax, e), Get(revenue, e)));
            var mu = p.AreaMu;
            long? PerMu(Func<ParcelEnterprise, long?> figure) =>
                mu <= 0 || on.All(e => figure(e) is null) ? null : (long)Math.Round(on.Sum(e => figure(e) ?? 0) / mu);
            var taxPerMu = PerMu(e => e.TaxFen);
            var outputPerMu = PerMu(e => e.RevenueFen);
            var reasons = Reasons(p, t, taxPerMu, today);
            var item = new ParcelItem(p.Id, p.Number, p.ParkId, parks.GetValueOrDefault(p.ParkId, ""), Area.M2(p.AreaDm2), Math.Round((decimal)mu, 2),
                p.LandUse, p.HolderId, p.HolderId is { } hh ? names.GetValueOrDefault(hh) : null, p.AcquiredOn, p.Status, p.PlotRatio,
                taxPerMu, outputPerMu, reasons.Count > 0, reasons, openCases.GetValueOrDefault(p.Id), p.Geometry, p.Version);
            return (item, on);
        }).ToList();
    }

    static long? Get(Dictionary<int, long> figures, int id) => figures.TryGetValue(id, out var v) ? v : null;

    static string Wan(long fen) => (fen / 1_000_000m).ToString("#,0.##", CultureInfo.CurrentUICulture);

    /// <summary>Why a parcel is low-efficiency (empty when it is not). Only land in use is judged on tax and plot ratio; only supplied land on idleness.</summary>
    internal static List<string> Reasons(Parcel p, LandThresholds t, long? taxPerMu, DateOnly today)
    {
        var reasons = new List<string>();
        var f = CultureInfo.CurrentUICulture;
        if (p.Status == ParcelStatus.Operating && taxPerMu is { } tax && tax < t.MinTaxPerMuFen)
            reasons.Add(string.Format(f, SpaceStrings.Low_Tax, Wan(tax), Wan(t.MinTaxPerMuFen)));
        if (p.Status == ParcelStatus.Idle && p.AcquiredOn is { } acquired)
        {
            var years = YearsBetween(acquired, today);
            if (years >= t.MaxIdleYears) reasons.Add(string.Format(f, SpaceStrings.Low_Idle, years, t.MaxIdleYears));
        }
        if (p.Status == ParcelStatus.Operating && p.LandUse is LandUse.Industrial or LandUse.RnD && p.PlotRatio < t.MinPlotRatio)
            reasons.Add(string.Format(f, SpaceStrings.Low_PlotRatio, p.PlotRatio.ToString("0.0#", f), t.MinPlotRatio.ToString("0.0#", f)));
        return reasons;
    }

    static int YearsBetween(DateOnly from, DateOnly to)
    {
        var years = to.Year - from.Year;
        return from.AddYears(years) > to ? years - 1 : years;
    }

    public async Task<int> CreateAsync(ParcelRequest request, CancellationToken ct = default)
    {
        await access.RequireWriteAsync();
        var parcel = new Parcel();
        await ApplyAsync(parcel, request, ct);
        db.Add(parcel);
        await db.SaveChangesAsync(ct);
        return parcel.Id;
    }

    public async Task<bool> UpdateAsync(int id, ParcelRequest request, CancellationToken ct = default)
    {
        await access.RequireWriteAsync();
        var parcel = await db.Set<Parcel>().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (parcel is null) return false;
        SpaceService.CheckVersion(parcel.Version, request.Version);
        await ApplyAsync(parcel, request, ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    async Task ApplyAsync(Parcel p, ParcelRequest r, CancellationToken ct)
    {
        var number = (r.Number ?? "").Trim();
        if (number.Length == 0) throw new SpaceRuleException("NumberRequired");
        if (r.ParkId is not { } park || !await db.Parks.AnyAsync(x => x.Id == park, ct)) throw new SpaceRuleException("ParkUnknown");
        if (r.LandUse is not { } use || r.Status is not { } status) throw new SpaceRuleException("ParcelIncomplete");
        if (await db.Set<Parcel>().AnyAsync(x => x.Number == number && x.Id != p.Id, ct)) throw new SpaceConflictException("ParcelNumberTaken", number);
        if (r.HolderId is { } holder && (await enterprises.NamesAsync([holder])).Count == 0) throw new SpaceRuleException("EnterpriseUnknown");
        var geometry = string.IsNullOrWhiteSpace(r.Geometry) ? null : Geo.TryParse(r.Geometry);
        if (!string.IsNullOrWhiteSpace(r.Geometry) && Geo.Problem(geometry) is { } problem) throw new SpaceRuleException(problem);
        var areaM2 = r.AreaM2 ?? (r.AreaMu is { } mu ? mu * (decimal)Parcel.SquareMetresPerMu : geometry is not null ? (decimal)Geo.AreaM2(geometry) : 0);
        if (areaM2 <= 0) throw new SpaceRuleException("ParcelAreaRequired");
        (p.Number, p.ParkId, p.LandUse, p.Status, p.HolderId, p.AcquiredOn) = (number, park, use, status, r.HolderId, r.AcquiredOn);
        p.AreaDm2 = Area.Dm2(Math.Round(areaM2, 2));
        p.PlotRatio = r.PlotRatio ?? 0;
        if (geometry is not null) Geo.Apply(p, geometry);
    }

    // ---- thresholds ---------------------------------------------------------------------------------------------

    async Task<LandThresholds> ThresholdsAsync(CancellationToken ct) =>
        await db.Set<LandThresholds>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == 1, ct) ?? new LandThresholds();

    public async Task<ThresholdsItem> GetThresholdsAsync(CancellationToken ct = default)
    {
        await access.RequireReadAsync();
        var t = await ThresholdsAsync(ct);
        return new ThresholdsItem(t.MinTaxPerMuFen, t.MaxIdleYears, t.MinPlotRatio, t.FiscalYear, t.Version);
    }

    public async Task<ThresholdsItem> SetThresholdsAsync(ThresholdsRequest request, CancellationToken ct = default)
    {
        await access.RequireWriteAsync();
        if (request.MinTaxPerMuFen is not { } tax || request.MaxIdleYears is not { } idle || request.MinPlotRatio is not { } ratio || request.FiscalYear is not { } year)
            throw new SpaceRuleException("ThresholdsIncomplete");
        if (tax < 0 || idle < 1 || ratio < 0 || year < 2000 || year > time.Today.Year) throw new SpaceRuleException("ThresholdsIncomplete");
        var t = await db.Set<LandThresholds>().SingleOrDefaultAsync(x => x.Id == 1, ct);
        if (t is null) db.Add(t = new LandThresholds());
        else SpaceService.CheckVersion(t.Version, request.Version);
        (t.MinTaxPerMuFen, t.MaxIdleYears, t.MinPlotRatio, t.FiscalYear) = (tax, idle, ratio, year);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new SpaceConflictException("Stale"); }
        return new ThresholdsItem(t.MinTaxPerMuFen, t.MaxIdleYears, t.MinPlotRatio, t.FiscalYear, t.Version);
    }

    // ---- disposal cases -----------------------------------------------------------------------------------------

    public async Task<IReadOnlyList<CaseItem>> ListCasesAsync(bool openOnly, CancellationToken ct = default)
    {
        await access.RequireReadAsync();
        var rows = db.Set<DisposalCase>().AsQueryable();
        if (openOnly) rows = rows.Where(c => c.Status == CaseStatus.Open);
        return await CasesAsync(rows, ct);
    }

    public async Task<CaseItem?> GetCaseAsync(int id, CancellationToken ct = default)
    {
        await access.RequireReadAsync();
        return (await CasesAsync(db.Set<DisposalCase>().Where(c => c.Id == id), ct)).SingleOrDefault();
    }

    async Task<IReadOnlyList<CaseItem>> CasesAsync(IQueryable<DisposalCase> rows, CancellationToken ct)
    {
        var cases = await rows.AsNoTracking().Include(c => c.Steps).OrderByDescending(c => c.OpenedOn).ThenByDescending(c => c.Id).Take(500).ToListAsync(ct);
        var parcelIds = cases.Select(c => c.ParcelId).Distinct().ToList();
        var numbers = await db.Set<Parcel>().Where(p => parcelIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Number, ct);
        return cases.Select(c => new CaseItem(c.Id, c.ParcelId, numbers.GetValueOrDefault(c.ParcelId, ""), c.Kind, c.Status, c.Owner, c.OpenedOn, c.DueOn, c.ClosedOn,
            c.Reason, c.Outcome, c.Steps.OrderBy(s => s.Order).Select(s => new StepItem(s.Id, s.Order, s.Title, s.DueOn, s.DoneOn, s.Note, s.DoneByName)).ToList(),
            c.CreatedByName, c.Version)).ToList();
    }

    /// <summary>Opens a disposal case on a parcel, with the usual steps of its kind. One open case per parcel.</summary>
    public async Task<int?> OpenCaseAsync(int parcelId, CaseRequest request, CancellationToken ct = default)
    {
        await access.RequireWriteAsync();
        if (!await db.Set<Parcel>().AnyAsync(p => p.Id == parcelId, ct)) return null;
        if (request.Kind is not { } kind) throw new SpaceRuleException("CaseIncomplete");
        var owner = (request.Owner ?? "").Trim();
        if (owner.Length == 0) throw new SpaceRuleException("CaseIncomplete");
        if (await db.Set<DisposalCase>().AnyAsync(c => c.ParcelId == parcelId && c.Status == CaseStatus.Open, ct)) throw new SpaceConflictException("CaseOpen");
        var today = time.Today;
        if (request.DueOn is { } due && due < today) throw new SpaceRuleException("DueInPast");
        var steps = SpaceLabels.DefaultSteps(kind);
        var c = new DisposalCase
        {
            ParcelId = parcelId, Kind = kind, Status = CaseStatus.Open, Owner = owner, OpenedOn = today, DueOn = request.DueOn,
            Reason = (request.Reason ?? "").Trim(), CreatedByName = access.User.DisplayName,
            Steps = steps.Select((title, i) => new DisposalStep { Order = i + 1, Title = title }).ToList(),
        };
        db.Add(c);
        await db.SaveChangesAsync(ct);
        return c.Id;
    }

    public async Task<bool> CompleteStepAsync(int caseId, int stepId, StepDoneRequest request, CancellationToken ct = default)
    {
        await access.RequireWriteAsync();
        var c = await db.Set<DisposalCase>().Include(x => x.Steps).SingleOrDefaultAsync(x => x.Id == caseId, ct);
        var step = c?.Steps.SingleOrDefault(s => s.Id == stepId);
        if (c is null || step is null) return false;
        if (c.Status != CaseStatus.Open) throw new SpaceConflictException("CaseClosed");
        if (request.DoneOn is not { } on) throw new SpaceRuleException("StepDateRequired");
        if (on > time.Today || on < c.OpenedOn) throw new SpaceRuleException("StepDateOutOfRange");
        (step.DoneOn, step.Note, step.DoneByName) = (on, (request.Note ?? "").Trim(), access.User.DisplayName);
        c.Version++; // a step changes the case: a close with an older version is stale
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Closes a case. Completed needs every step done and takes effect on the parcel: a reserve takes the land back
    /// (reserved, no holder); a change of use sets the new use; an upgrade in place puts the parcel back in operation.
    /// </summary>
    public async Task<bool> CloseCaseAsync(int caseId, CaseCloseRequest request, CancellationToken ct = default)
    {
        await access.RequireWriteAsync();
        var c = await db.Set<DisposalCase>().Include(x => x.Steps).SingleOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null) return false;
        SpaceService.CheckVersion(c.Version, request.Version);
        if (c.Status != CaseStatus.Open) throw new SpaceConflictException("CaseClosed");
        if (request.Completed is not { } completed || string.IsNullOrWhiteSpace(request.Outcome)) throw new SpaceRuleException("OutcomeRequired");
        if (completed && c.Steps.Any(s => s.DoneOn is null)) throw new SpaceRuleException("StepsOpen", c.Steps.Count(s => s.DoneOn is null));
        if (completed && c.Kind == DisposalKind.ChangeOfUse && request.NewLandUse is null) throw new SpaceRuleException("NewLandUseRequired");
        var parcel = await db.Set<Parcel>().SingleAsync(p => p.Id == c.ParcelId, ct);
        if (completed)
            switch (c.Kind)
            {
                case DisposalKind.Reserve: parcel.Status = ParcelStatus.Reserved; parcel.HolderId = null; break;
                case DisposalKind.ChangeOfUse: parcel.LandUse = request.NewLandUse!.Value; break;
                case DisposalKind.UpgradeInPlace: parcel.Status = ParcelStatus.Operating; break;
            }
        c.Status = completed ? CaseStatus.Completed : CaseStatus.Abandoned;
        c.Outcome = request.Outcome.Trim();
        c.ClosedOn = time.Today;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new SpaceConflictException("Stale"); }
        return true;
    }
}
