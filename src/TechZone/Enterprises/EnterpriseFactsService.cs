using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Calendar;
using TechZone.Platform.Identity;

namespace TechZone.Enterprises;

/// <summary>
/// Facts by fiscal year: recording figures (staff, or the enterprise for itself), verifying them (staff), and the
/// verified figures other modules may rely on. A figure nobody recorded is unknown: it has no row and reads as null.
/// <para>
/// Who may change what: staff with the module's write grant record any figure; a changed value is no longer verified
/// and has to be verified again. An enterprise declares its own figures from the portal, but may not change or remove
/// a verified one (409): the zone pays on verified figures, so a correction goes through staff.
/// </para>
/// </summary>
public sealed class EnterpriseFactsService(ZoneDb db, CurrentUser current, IAuthorizationService authorization, TimeProvider clock, ZoneTime time,
    IEnumerable<IEnterpriseChangeListener> listeners)
{
    public const int FirstFiscalYear = 1980, LastFiscalYear = 2100;

    DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>One enterprise's facts (one year when <paramref name="year"/> is given); null when the caller may not see it.</summary>
    public async Task<EnterpriseFacts?> GetAsync(int enterpriseId, int? year = null, CancellationToken ct = default)
    {
        if (!await EnterpriseScope.VisibleAsync(db, current, enterpriseId, ct)) return null;
        var rows = db.Set<EnterpriseFact>().AsNoTracking().Where(f => f.EnterpriseId == enterpriseId);
        if (year is { } only) rows = rows.Where(f => f.FiscalYear == only);
        var facts = await rows.ToListAsync(ct);
        var years = facts.Select(f => f.FiscalYear).Concat(year is { } y ? [y] : []).Distinct().OrderDescending();
        return new EnterpriseFacts(enterpriseId, years.Select(y => ToYear(y, facts.Where(f => f.FiscalYear == y))).ToList());
    }

    /// <summary>
    /// Bulk read for other modules (chain health): for each enterprise, the latest known value of each metric asked
    /// for (from the newest fiscal year that has it). An enterprise or metric with no figure is absent. Internal callers only.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyDictionary<FactMetric, long>>> LatestAsync(IReadOnlyCollection<int> enterpriseIds,
        IReadOnlyCollection<FactMetric> metrics, CancellationToken ct = default)
    {
        if (!current.IsInternal || enterpriseIds.Count == 0) return new Dictionary<int, IReadOnlyDictionary<FactMetric, long>>();
        var ids = enterpriseIds.Distinct().ToList();
        var rows = await db.Set<EnterpriseFact>().AsNoTracking().Where(f => ids.Contains(f.EnterpriseId))
            .Select(f => new { f.EnterpriseId, f.Metric, f.FiscalYear, f.Value }).ToListAsync(ct);
        return rows.Where(r => metrics.Contains(r.Metric)).GroupBy(r => r.EnterpriseId).ToDictionary(g => g.Key,
            g => (IReadOnlyDictionary<FactMetric, long>)g.GroupBy(r => r.Metric).ToDictionary(m => m.Key, m => m.MaxBy(r => r.FiscalYear)!.Value));
    }

    /// <summary>The signed-in enterprise user's own facts.</summary>
    public Task<EnterpriseFacts?> GetMineAsync(int? year = null, CancellationToken ct = default) =>
        current.EnterpriseId is { } id ? GetAsync(id, year, ct) : Task.FromResult<EnterpriseFacts?>(null);

    /// <summary>
    /// Records figures of one year. Staff need the write grant (403); an enterprise user records its own figures
    /// only (another's answers null, as for one that does not exist). Nothing is written unless all of it is valid.
    /// </summary>
    public async Task<EnterpriseFacts?> SaveAsync(int enterpriseId, FactsRequest request, CancellationToken ct = default)
    {
        if (current.IsInternal) await EnterpriseScope.RequireWriteAsync(authorization, current);
        else if (!current.IsEnterprise) throw new EnterpriseForbiddenException();
        if (!await EnterpriseScope.VisibleAsync(db, current, enterpriseId, ct)) return null;
        var year = CheckYear(request.FiscalYear);
        var figures = request.Figures ?? [];
        if (figures.Any(f => f.Metric is not { } m || !Enum.IsDefined(m))) throw new EnterpriseRuleException("FactMetricRequired");
        if (figures.GroupBy(f => f.Metric).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new EnterpriseRuleException("FactMetricTwice", EnterpriseLabels.Metric(twice.Key!.Value));

        var existing = await db.Set<EnterpriseFact>().Where(f => f.EnterpriseId == enterpriseId && f.FiscalYear == year).ToDictionaryAsync(f => f.Metric, ct);
        var byEnterprise = !current.IsInternal;
        var who = current.UserName ?? "";
        var now = Now;
        foreach (var figure in figures)
        {
            var metric = figure.Metric!.Value;
            var fact = existing.GetValueOrDefault(metric);
            if (figure.Version is { } seen && seen != (fact?.Version ?? 0)) throw new EnterpriseConflictException("FactChanged", EnterpriseLabels.Metric(metric), year);
            if (figure.Value is < 0) throw new EnterpriseRuleException("NegativeFact", EnterpriseLabels.Metric(metric));
            if (figure.Value == fact?.Value) continue;
            if (byEnterprise && fact is { Source: FactSource.Verified })
                throw new EnterpriseConflictException("FactVerified", EnterpriseLabels.Metric(metric), year);

            if (figure.Value is not { } value)
            {
                db.Remove(fact!);
                existing.Remove(metric);
            }
            else if (fact is null)
            {
                fact = new EnterpriseFact { EnterpriseId = enterpriseId, FiscalYear = year, Metric = metric };
                fact.Record(value, FactSource.Declared, null, who, now);
                db.Add(fact);
                existing[metric] = fact;
            }
            else fact.Record(value, FactSource.Declared, null, who, now);
        }

        foreach (var (part, whole) in FactMetrics.Parts)
            if (existing.GetValueOrDefault(part)?.Value is { } p && existing.GetValueOrDefault(whole)?.Value is { } w && p > w)
                throw new EnterpriseRuleException("FactPartExceedsWhole", EnterpriseLabels.Metric(part), EnterpriseLabels.Metric(whole), year);

        foreach (var listener in listeners) listener.Changed(enterpriseId);
        await SaveChangesAsync(year, ct);
        return await GetAsync(enterpriseId, year, ct);
    }

    /// <summary>The signed-in enterprise user declares its own figures.</summary>
    public Task<EnterpriseFacts?> SaveMineAsync(FactsRequest request, CancellationToken ct = default) =>
        current.EnterpriseId is { } id ? SaveAsync(id, request, ct) : Task.FromResult<EnterpriseFacts?>(null);

    /// <summary>
    /// Staff vouch for figures of one year as they stand: each becomes verified by the caller, now. A listed figure
    /// must exist (400) and, when a version is given, still be at it (409). Already verified figures stay as they were.
    /// </summary>
    public async Task<EnterpriseFacts?> VerifyAsync(int enterpriseId, FactVerifyRequest request, CancellationToken ct = default)
    {
        await EnterpriseScope.RequireWriteAsync(authorization, current);
        if (!await EnterpriseScope.VisibleAsync(db, current, enterpriseId, ct)) return null;
        var year = CheckYear(request.FiscalYear);
        var facts = await db.Set<EnterpriseFact>().Where(f => f.EnterpriseId == enterpriseId && f.FiscalYear == year).ToDictionaryAsync(f => f.Metric, ct);

        IEnumerable<EnterpriseFact> chosen;
        if (request.Figures is null) chosen = facts.Values;
        else
        {
            var list = new List<EnterpriseFact>();
            foreach (var figure in request.Figures)
            {
                if (figure.Metric is not { } metric || !Enum.IsDefined(metric)) throw new EnterpriseRuleException("FactMetricRequired");
                if (!facts.TryGetValue(metric, out var fact)) throw new EnterpriseRuleException("FactUnknown", EnterpriseLabels.Metric(metric), year);
                if (figure.Version is { } seen && seen != fact.Version) throw new EnterpriseConflictException("FactChanged", EnterpriseLabels.Metric(metric), year);
                list.Add(fact);
            }
            chosen = list;
        }

        var now = Now;
        foreach (var fact in chosen.Where(f => f.Source != FactSource.Verified))
            fact.Verify(current.UserName ?? "", now);
        foreach (var listener in listeners) listener.Changed(enterpriseId);
        await SaveChangesAsync(year, ct);
        return await GetAsync(enterpriseId, year, ct);
    }

    /// <summary>
    /// Every verified figure of <paramref name="metric"/> in <paramref name="fiscalYear"/>, optionally within bounds
    /// (inclusive; fen for money): what a 免申即享 policy pays on, e.g. verified revenue 2025 of at least 1亿
    /// (<c>VerifiedAsync(2025, FactMetric.Revenue, atLeast: 10_000_000_000)</c>). An enterprise user sees its own only.
    /// </summary>
    public async Task<IReadOnlyList<VerifiedFact>> VerifiedAsync(int fiscalYear, FactMetric metric, long? atLeast = null, long? atMost = null, CancellationToken ct = default)
    {
        var rows = Scoped().Where(f => f.FiscalYear == fiscalYear && f.Metric == metric && f.Source == FactSource.Verified);
        if (atLeast is { } min) rows = rows.Where(f => f.Value >= min);
        if (atMost is { } max) rows = rows.Where(f => f.Value <= max);
        return await Project(rows.OrderBy(f => f.EnterpriseId)).ToListAsync(ct);
    }

    /// <summary>One enterprise's verified figures (of one year when given), for a policy engine checking that enterprise.</summary>
    public async Task<IReadOnlyList<VerifiedFact>> VerifiedOfAsync(int enterpriseId, int? fiscalYear = null, CancellationToken ct = default)
    {
        var rows = Scoped().Where(f => f.EnterpriseId == enterpriseId && f.Source == FactSource.Verified);
        if (fiscalYear is { } year) rows = rows.Where(f => f.FiscalYear == year);
        return await Project(rows.OrderByDescending(f => f.FiscalYear)).ToListAsync(ct);
    }

    /// <summary>
    /// Every figure of the fiscal years asked for (of one enterprise when given), verified or not, for a policy engine
    /// that loads the zone's facts once into columns. An enterprise user gets its own only.
    /// </summary>
    public async Task<IReadOnlyList<EnterpriseFactRow>> RowsAsync(int firstYear, int lastYear, int? enterpriseId = null, CancellationToken ct = default)
    {
        var rows = Scoped().Where(f => f.FiscalYear >= firstYear && f.FiscalYear <= lastYear);
        if (enterpriseId is { } id) rows = rows.Where(f => f.EnterpriseId == id);
        return await rows.Select(f => new EnterpriseFactRow(f.EnterpriseId, f.FiscalYear, f.Metric, f.Value, f.Source == FactSource.Verified)).ToListAsync(ct);
    }

    /// <summary>All facts for the zone's people and background work; an enterprise user's own only.</summary>
    IQueryable<EnterpriseFact> Scoped()
    {
        var rows = db.Set<EnterpriseFact>().AsNoTracking();
        if (current.IsEnterprise && !current.IsInternal)
        {
            var own = current.EnterpriseId ?? -1;
            rows = rows.Where(f => f.EnterpriseId == own);
        }
        return rows;
    }

    static IQueryable<VerifiedFact> Project(IQueryable<EnterpriseFact> rows) =>
        rows.Select(f => new VerifiedFact(f.EnterpriseId, f.FiscalYear, f.Metric, f.Value, f.VerifiedBy ?? "", f.VerifiedUtc ?? default));

    int CheckYear(int? fiscalYear)
    {
        if (fiscalYear is not { } year || year < FirstFiscalYear) throw new EnterpriseRuleException("FiscalYearRange", FirstFiscalYear, time.Today.Year);
        // A fiscal year still running may have figures (a mid-year report); one not yet begun cannot.
        if (year > time.Today.Year) throw new EnterpriseRuleException("FiscalYearRange", FirstFiscalYear, time.Today.Year);
        return year;
    }

    async Task SaveChangesAsync(int year, CancellationToken ct)
    {
        var added = db.ChangeTracker.Entries<EnterpriseFact>().Where(e => e.State == EntityState.Added)
            .Select(e => (e.Entity.EnterpriseId, e.Entity.Metric)).ToList();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new EnterpriseConflictException("FactsChanged", year);
        }
        catch (DbUpdateException) when (added.Count > 0)
        {
            // Two first figures of one metric at the same moment: the unique index decides, the loser reloads.
            db.ChangeTracker.Clear();
            var (enterpriseId, metric) = added[0];
            if (await db.Set<EnterpriseFact>().AnyAsync(f => f.EnterpriseId == enterpriseId && f.FiscalYear == year && f.Metric == metric, ct))
                throw new EnterpriseConflictException("FactsChanged", year);
            throw;
        }
    }

    static FactYear ToYear(int year, IEnumerable<EnterpriseFact> facts)
    {
        var byMetric = facts.ToDictionary(f => f.Metric);
        var figures = FactMetrics.All.Select(m => byMetric.TryGetValue(m, out var f)
            ? new FactItem(m, f.Value, f.Source, f.SourceNote, f.RecordedBy, f.RecordedUtc, f.VerifiedBy, f.VerifiedUtc, f.Version)
            : new FactItem(m, null, null, null, null, null, null, null, 0)).ToList();
        long? V(FactMetric m) => byMetric.TryGetValue(m, out var f) ? f.Value : null;
        return new FactYear(year, figures, new FactRatios(
            Ratio(V(FactMetric.RdExpense), V(FactMetric.Revenue)),
            Ratio(V(FactMetric.SciTechPersonnel), V(FactMetric.Employees)),
            Ratio(V(FactMetric.HighTechRevenue), V(FactMetric.Revenue)),
            Ratio(V(FactMetric.RdExpenseInChina), V(FactMetric.RdExpense))));
    }

    /// <summary>A share, only when both figures are known and the whole is not zero (unknown stays unknown).</summary>
    public static decimal? Ratio(long? part, long? whole) =>
        part is { } p && whole is { } w && w != 0 ? Math.Round((decimal)p / w, 4) : null;
}
