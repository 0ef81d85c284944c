using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Background;
using TechZone.Enterprises;
using TechZone.Platform.Api;
using TechZone.Platform.Audit;
using TechZone.Platform.Calendar;
using TechZone.Platform.Identity;
using TechZone.Platform.Inbox;
using TechZone.Platform.Seeding;
using TechZone.Platform.Zone;
using TechZone.SupportPolicies.Engine;
using TechZone.SupportPolicies.Resources;

namespace TechZone.SupportPolicies;

/// <summary>
/// Runs the engine: loads the zone's facts through the Enterprises module's services into a <see cref="FactMatrix"/>,
/// evaluates the items in force for a fiscal year, stores the verdicts (eligible, near-miss, unknown; no row =
/// ineligible) and pushes newly eligible enterprises a notification, once per item. Holds nothing in memory between
/// calls, so any number of instances agree: the database is the state.
/// </summary>
public sealed class PolicyEngineService(ZoneDb db, CurrentUser current, IAuthorizationService authorization, EnterpriseService enterprises,
    EnterpriseFactsService facts, QualificationService qualifications, NotificationService notifications, IEnterpriseDirectory directory, ZoneTime time, TimeProvider clock)
{
    /// <summary>The fiscal year verdicts are kept for: the last complete one.</summary>
    public int DefaultFiscalYear => time.Today.Year - 1;

    /// <summary>How many years before the fiscal year the matrix holds (criteria look back at most this far).</summary>
    const int YearsBack = PolicyValidation.MaxYears;

    /// <summary>More stale enterprises than this at once: a full evaluation is quicker than one by one.</summary>
    const int StaleBatch = 500;
    const int LargeWrite = 100_000;
    static readonly TimeSpan LargeWriteTimeout = TimeSpan.FromMinutes(10);

    DateTime Now => clock.GetUtcNow().UtcDateTime;

    internal sealed record ActiveItem(PolicyItem Item, Policy Policy, PolicyVersion Version, EngineItem Engine);

    async Task RequireWriteIfUserAsync()
    {
        // Background work (no user) may evaluate; a person needs the write grant.
        if (!current.IsAuthenticated) return;
        if (!current.IsInternal || !(await authorization.AuthorizeAsync(current.Principal, PolicyPolicies.Write)).Succeeded)
            throw new PolicyForbiddenException();
    }

    /// <summary>
    /// The day whose versions judge a fiscal year: for the current one (the last complete year) today — a policy in force
    /// now pays on last year's figures (上年度) — and for an earlier year its last day, so 2021 is judged by the rules of 2021.
    /// </summary>
    public DateOnly EvaluationDate(int fiscalYear) => fiscalYear >= DefaultFiscalYear ? time.Today : new DateOnly(fiscalYear, 12, 31);

    /// <summary>Every item of the versions in force on the fiscal year's evaluation date (of one policy when given).</summary>
    internal async Task<IReadOnlyList<ActiveItem>> ActiveItemsAsync(int fiscalYear, int? policyId = null, CancellationToken ct = default)
    {
        var query = db.Set<Policy>().AsNoTracking().Include(p => p.Versions.Where(v => v.State == VersionState.Published)).ThenInclude(v => v.Items).AsSplitQuery();
        var policies = await (policyId is { } id ? query.Where(p => p.Id == id) : query).OrderBy(p => p.Id).ToListAsync(ct);
        var on = EvaluationDate(fiscalYear);
        var items = new List<ActiveItem>();
        foreach (var policy in policies)
            if (PolicyService.InForce(policy.Versions, on) is { } version)
                foreach (var item in version.Items.OrderBy(i => i.SortOrder).ThenBy(i => i.Id))
                    items.Add(new ActiveItem(item, policy, version, new EngineItem(item.Id, CriteriaDocument.Parse(item.CriteriaJson),
                        item.BenefitJson is { } b ? BenefitRule.Parse(b) : null, item.NoApplication, fiscalYear)));
        return items;
    }

    internal async Task<FactMatrix> LoadAsync(int fiscalYear, int? enterpriseId = null, CancellationToken ct = default)
    {
        var traits = await enterprises.TraitsAsync(enterpriseId, ct);
        var rows = await facts.RowsAsync(fiscalYear - YearsBack, fiscalYear, enterpriseId, ct);
        var held = await qualifications.HeldAsync(enterpriseId, ct);
        return FactMatrix.Build(traits, rows, held, fiscalYear - YearsBack, fiscalYear);
    }

    // ---------------------------------------------------------------- evaluating

    /// <summary>Every item in force against every enterprise in the zone, replacing all stored verdicts.</summary>
    public async Task<EvaluationReport> EvaluateAllAsync(CancellationToken ct = default)
    {
        await RequireWriteIfUserAsync();
        var clockStart = Stopwatch.GetTimestamp();
        var year = DefaultFiscalYear;
        var items = await ActiveItemsAsync(year, null, ct);
        var matrix = await LoadAsync(year, null, ct);
        var results = PolicyEvaluator.EvaluateAll(matrix, items.Select(i => i.Engine).ToList());
        return await WriteAsync(items, results, matrix, db.Set<PolicyVerdict>(), clockStart, ct);
    }

    /// <summary>One policy's items against every enterprise (after a version is published).</summary>
    public async Task<EvaluationReport> EvaluatePolicyAsync(int policyId, CancellationToken ct = default)
    {
        await RequireWriteIfUserAsync();
        var clockStart = Stopwatch.GetTimestamp();
        var year = DefaultFiscalYear;
        var items = await ActiveItemsAsync(year, policyId, ct);
        var matrix = await LoadAsync(year, null, ct);
        var results = PolicyEvaluator.EvaluateAll(matrix, items.Select(i => i.Engine).ToList());
        var itemIds = db.Set<PolicyItem>().Where(i => i.PolicyVersion!.PolicyId == policyId).Select(i => i.Id);
        return await WriteAsync(items, results, matrix, db.Set<PolicyVerdict>().Where(v => itemIds.Contains(v.PolicyItemId)), clockStart, ct);
    }

    /// <summary>
    /// Re-evaluates the enterprises whose data changed (marked stale in the same transaction as the change). Safe on
    /// several instances at once: evaluation is idempotent, and a mark is removed only after its verdicts are written.
    /// </summary>
    public async Task<EvaluationReport?> RefreshStaleAsync(CancellationToken ct = default)
    {
        var marks = await db.Set<PolicyStaleEnterprise>().AsNoTracking().OrderBy(s => s.Id).Take(StaleBatch + 1).ToListAsync(ct);
        if (marks.Count == 0) return null;
        var upTo = marks.Max(m => m.Id);
        EvaluationReport report;
        if (marks.Count > StaleBatch)
        {
            report = await EvaluateAllAsync(ct);
            await db.Set<PolicyStaleEnterprise>().Where(s => s.Id <= upTo).ExecuteDeleteAsync(ct);
            return report;
        }
        var ids = marks.Select(m => m.EnterpriseId).Distinct().ToList();
        report = await EvaluateEnterprisesAsync(ids, ct);
        await db.Set<PolicyStaleEnterprise>().Where(s => s.Id <= upTo && ids.Contains(s.EnterpriseId)).ExecuteDeleteAsync(ct);
        return report;
    }

    /// <summary>Some enterprises against every item in force (their stored verdicts replaced).</summary>
    public async Task<EvaluationReport> EvaluateEnterprisesAsync(IReadOnlyCollection<int> enterpriseIds, CancellationToken ct = default)
    {
        await RequireWriteIfUserAsync();
        var clockStart = Stopwatch.GetTimestamp();
        var year = DefaultFiscalYear;
        var items = await ActiveItemsAsync(year, null, ct);
        var engineItems = items.Select(i => i.Engine).ToList();
        // Only enterprises in the zone have verdicts; one that left loses its rows.
        var inZone = (await enterprises.TraitsAsync(null, ct)).Select(t => t.Id).ToHashSet();
        var verdicts = new List<PolicyVerdict>();
        var eligible = new List<(int ItemId, int EnterpriseId)>();
        foreach (var id in enterpriseIds.Where(inZone.Contains))
        {
            var matrix = await LoadAsync(year, id, ct);
            var results = PolicyEvaluator.EvaluateAll(matrix, engineItems);
            Collect(items, results, matrix, verdicts, eligible);
        }
        var ids = enterpriseIds.ToList();
        return await SaveAsync(db.Set<PolicyVerdict>().Where(v => ids.Contains(v.EnterpriseId)), verdicts, eligible, items, ids.Count, clockStart, ct);
    }

    void Collect(IReadOnlyList<ActiveItem> items, ItemResult[] results, FactMatrix matrix, List<PolicyVerdict> verdicts, List<(int, int)> eligible)
    {
        var now = Now;
        for (var k = 0; k < items.Count; k++)
        {
            var r = results[k];
            var nextBenefit = 0;
            for (var row = 0; row < matrix.Count; row++)
            {
                var verdict = r.VerdictOf(row);
                // Benefits come in row order, one per eligible row.
                long? benefit = null;
                if (verdict == Verdict.Eligible && items[k].Engine.Benefit is not null && r.BenefitFen[nextBenefit++] is var fen and >= 0) benefit = fen;
                if (verdict == Verdict.Ineligible) continue;
                var enterpriseId = matrix.EnterpriseIds[row];
                verdicts.Add(new PolicyVerdict
                {
                    PolicyItemId = items[k].Item.Id, EnterpriseId = enterpriseId, PolicyVersionId = items[k].Version.Id,
                    FiscalYear = items[k].Engine.FiscalYear, Verdict = verdict, BenefitFen = benefit, EvaluatedUtc = now,
                });
                if (verdict == Verdict.Eligible) eligible.Add((items[k].Item.Id, enterpriseId));
            }
        }
    }

    async Task<EvaluationReport> WriteAsync(IReadOnlyList<ActiveItem> items, ItemResult[] results, FactMatrix matrix, IQueryable<PolicyVerdict> replace,
        long clockStart, CancellationToken ct)
    {
        var verdicts = new List<PolicyVerdict>();
        var eligible = new List<(int, int)>();
        Collect(items, results, matrix, verdicts, eligible);
        return await SaveAsync(replace, verdicts, eligible, items, matrix.Count, clockStart, ct);
    }

    /// <summary>Replaces the verdicts in one transaction (one audit batch entry), then pushes the newly eligible.</summary>
    async Task<EvaluationReport> SaveAsync(IQueryable<PolicyVerdict> replace, List<PolicyVerdict> verdicts, List<(int ItemId, int EnterpriseId)> eligible,
        IReadOnlyList<ActiveItem> items, int enterpriseCount, long clockStart, CancellationToken ct)
    {
        async Task ReplaceAsync()
        {
            // A full evaluation replaces millions of rows at a large zone's scale (4.7 M at 100,000 enterprises and
            // 300 items): more than the default 30 s per statement, and through COPY / one prepared insert rather than
            // the change tracker. They are covered by the one batch entry below, as they would be with AuditRows off.
            if (verdicts.Count > LargeWrite && (db.Database.GetCommandTimeout() ?? 30) < LargeWriteTimeout.TotalSeconds)
                db.Database.SetCommandTimeout(LargeWriteTimeout);
            await replace.ExecuteDeleteAsync(ct);
            await BulkWriter.WriteAsync(db, verdicts, ct);
            var auditRows = db.AuditRows;
            db.AuditRows = false;
            try
            {
                AuditTrail.Batch(db, "policies_verdicts", new
                {
                    source = "policy engine", items = items.Count, enterprises = enterpriseCount, verdicts = verdicts.Count,
                    eligible = eligible.Count, fiscalYear = DefaultFiscalYear,
                });
                await db.SaveChangesAsync(ct);
            }
            finally
            {
                db.AuditRows = auditRows;
            }
        }
        // Within a caller's transaction (the demo seed) the caller commits; otherwise one of our own.
        if (db.Database.CurrentTransaction is not null) await ReplaceAsync();
        else
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                await ReplaceAsync();
                await tx.CommitAsync(ct);
            });
        db.ChangeTracker.Clear();
        var notified = await PushAsync(items, eligible, ct);
        return new EvaluationReport(enterpriseCount, items.Count, eligible.Count, verdicts.Count(v => v.Verdict == Verdict.NearMiss),
            verdicts.Count(v => v.Verdict == Verdict.Unknown), notified, Stopwatch.GetElapsedTime(clockStart).TotalMilliseconds);
    }

    /// <summary>
    /// Tells each eligible enterprise's portal users about an item, once per item and enterprise (精准推送): the push
    /// rows and the notifications are saved together, and the key refuses a second push from another instance.
    /// </summary>
    async Task<int> PushAsync(IReadOnlyList<ActiveItem> items, List<(int ItemId, int EnterpriseId)> eligible, CancellationToken ct)
    {
        // Only an enterprise with portal users can be told; one without is told once it has one. At a large zone's
        // scale most eligible enterprises have none, and a push row each would be millions of tracked inserts.
        var reachable = (await db.Users.AsNoTracking().Where(u => u.EnterpriseId != null).Select(u => u.EnterpriseId!.Value).Distinct().ToListAsync(ct)).ToHashSet();
        eligible = eligible.Where(e => reachable.Contains(e.EnterpriseId)).ToList();
        if (eligible.Count == 0) return 0;
        var notified = 0;
        var byItem = items.ToDictionary(i => i.Item.Id);
        foreach (var group in eligible.GroupBy(e => e.ItemId))
        {
            var enterpriseIds = group.Select(g => g.EnterpriseId).Distinct().ToList();
            var pushed = await db.Set<PolicyPush>().AsNoTracking().Where(p => p.PolicyItemId == group.Key && enterpriseIds.Contains(p.EnterpriseId))
                .Select(p => p.EnterpriseId).ToListAsync(ct);
            var fresh = enterpriseIds.Except(pushed).ToList();
            if (fresh.Count == 0) continue;
            var users = await db.Users.AsNoTracking().Where(u => u.EnterpriseId != null && fresh.Contains(u.EnterpriseId.Value))
                .Select(u => new { u.Id, u.EnterpriseId }).ToListAsync(ct);
            var now = Now;
            foreach (var id in fresh) db.Add(new PolicyPush { PolicyItemId = group.Key, EnterpriseId = id, NotifiedUtc = now });
            var a = byItem[group.Key];
            var zh = CultureInfo.GetCultureInfo("zh-CN");
            var en = CultureInfo.GetCultureInfo("en");
            string S(string key, CultureInfo c, params object[] args) => string.Format(c, PolicyStrings.ResourceManager.GetString(key, c)!, args);
            var message = new NotificationMessage(
                Cut(S("Push_Title", zh, a.Item.Title), InboxLimits.Title), Cut(S("Push_Title", en, a.Item.DisplayTitle(false)), InboxLimits.Title),
                Cut(S("Push_Body", zh, a.Policy.Title, a.Version.DocumentNumber), InboxLimits.Body), Cut(S("Push_Body", en, a.Policy.DisplayTitle(false), a.Version.DocumentNumber), InboxLimits.Body),
                "/my/policies");
            try
            {
                if (users.Count > 0) notified += await notifications.NotifyAsync(users.Select(u => u.Id), message, ct: ct);
                else await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another instance pushed the same enterprises a moment ago: they were told once, which is the point.
                db.ChangeTracker.Clear();
            }
        }
        return notified;
    }

    static string Cut(string s, int max) => s.Length <= max ? s : s[..max];

    // ---------------------------------------------------------------- reading verdicts

    /// <summary>Per item in force: eligible, near-miss and unknown counts and the estimated total of the eligible.</summary>
    public async Task<IReadOnlyList<ItemStanding>> StandingsAsync(bool chinese, int? policyId = null, CancellationToken ct = default)
    {
        var items = await ActiveItemsAsync(DefaultFiscalYear, policyId, ct);
        var ids = items.Select(i => i.Item.Id).ToList();
        var counts = await db.Set<PolicyVerdict>().AsNoTracking().Where(v => ids.Contains(v.PolicyItemId))
            .GroupBy(v => new { v.PolicyItemId, v.Verdict })
            .Select(g => new { g.Key.PolicyItemId, g.Key.Verdict, Count = g.Count(), Total = g.Sum(v => v.BenefitFen ?? 0), Last = g.Max(v => v.EvaluatedUtc) })
            .ToListAsync(ct);
        return items.Select(i =>
        {
            var mine = counts.Where(c => c.PolicyItemId == i.Item.Id).ToList();
            int Count(Verdict v) => mine.Where(c => c.Verdict == v).Sum(c => c.Count);
            return new ItemStanding(i.Item.Id, i.Policy.Id, i.Policy.DisplayTitle(chinese), i.Version.DocumentNumber, i.Item.DisplayTitle(chinese),
                i.Item.NoApplication, Count(Verdict.Eligible), Count(Verdict.NearMiss), Count(Verdict.Unknown),
                mine.Where(c => c.Verdict == Verdict.Eligible).Sum(c => c.Total),
                mine.Count == 0 ? null : PolicyTime.Utc(mine.Max(c => c.Last)));
        }).ToList();
    }

    /// <summary>An item's enterprises by verdict (staff); null when the item does not exist.</summary>
    public async Task<PagedResult<VerdictRow>?> VerdictsAsync(int itemId, VerdictQuery query, CancellationToken ct = default)
    {
        if (!await db.Set<PolicyItem>().AnyAsync(i => i.Id == itemId, ct)) return null;
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var rows = Filter(itemId, query.Verdict);
        var total = await rows.CountAsync(ct);
        var list = await rows.OrderByDescending(v => v.BenefitFen ?? -1).ThenBy(v => v.EnterpriseId).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new PagedResult<VerdictRow>(await NamedAsync(list, ct), total, page, size);
    }

    IQueryable<PolicyVerdict> Filter(int itemId, Verdict? verdict)
    {
        var rows = db.Set<PolicyVerdict>().AsNoTracking().Where(v => v.PolicyItemId == itemId);
        return verdict is { } only ? rows.Where(v => v.Verdict == only) : rows;
    }

    async Task<IReadOnlyList<VerdictRow>> NamedAsync(List<PolicyVerdict> list, CancellationToken ct)
    {
        var names = await directory.NamesAsync(list.Select(v => v.EnterpriseId).Distinct());
        return list.Select(v => new VerdictRow(v.EnterpriseId, names.GetValueOrDefault(v.EnterpriseId, ""), v.Verdict, v.BenefitFen, v.FiscalYear,
            PolicyTime.Utc(v.EvaluatedUtc))).ToList();
    }

    /// <summary>An item's list as .xlsx in the caller's language; the export is a security event in the audit trail.</summary>
    public async Task<int?> ExportAsync(int itemId, Verdict? verdict, Stream output, CancellationToken ct = default)
    {
        var item = await db.Set<PolicyItem>().AsNoTracking().Include(i => i.PolicyVersion).ThenInclude(v => v!.Policy).SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null) return null;
        var list = await Filter(itemId, verdict).OrderBy(v => v.Verdict).ThenByDescending(v => v.BenefitFen ?? -1).ThenBy(v => v.EnterpriseId).ToListAsync(ct);
        var rows = await NamedAsync(list, ct);
        var creditCodes = (await enterprises.TraitsAsync(null, ct)).ToDictionary(t => t.Id, t => t.CreditCode);
        var sheet = rows.Select(r => new Dictionary<string, object?>
        {
            [PolicyStrings.Enterprise] = r.EnterpriseName,
            [PolicyStrings.CreditCode] = creditCodes.GetValueOrDefault(r.EnterpriseId),
            [PolicyStrings.Verdict] = PolicyLabels.Verdict(r.Verdict),
            [PolicyStrings.BenefitWan] = r.BenefitFen is { } b ? Math.Round(b / 1_000_000m, 2) : null,
            [PolicyStrings.FiscalYear] = r.FiscalYear,
            [PolicyStrings.DocumentNumber] = item.PolicyVersion!.DocumentNumber,
        }).ToList();
        if (sheet.Count == 0) sheet.Add(new() { [PolicyStrings.Enterprise] = null, [PolicyStrings.Verdict] = null });
        await MiniExcelLibs.MiniExcel.SaveAsAsync(output, sheet, sheetName: Cut(item.Title, 31), cancellationToken: ct);
        AuditTrail.Security(db, "Export", null, new { list = "policy verdicts", item = itemId, verdict = verdict?.ToString(), rows = rows.Count });
        await db.SaveChangesAsync(ct);
        return rows.Count;
    }

    // ---------------------------------------------------------------- the policy calculator

    /// <summary>
    /// One enterprise's verdict on every item in force for the fiscal year, each with its full explanation, computed
    /// now from its current data (so it is never stale). An enterprise user gets its own only: another's is null (404).
    /// </summary>
    public async Task<CalculatorResult?> CalculatorAsync(int? enterpriseId, int? fiscalYear, bool chinese, CancellationToken ct = default)
    {
        var id = current.IsInternal ? enterpriseId : current.EnterpriseId;
        if (id is not { } eid || (!current.IsInternal && enterpriseId is { } asked && asked != eid)) return null;
        var traits = (await enterprises.TraitsAsync(eid, ct)).SingleOrDefault();
        if (traits is null) return null;
        var year = fiscalYear ?? DefaultFiscalYear;
        if (year < EnterpriseFactsService.FirstFiscalYear || year > time.Today.Year) throw new PolicyRuleException("FiscalYearRange");
        var items = await ActiveItemsAsync(year, null, ct);
        var matrix = await LoadAsync(year, eid, ct);
        var labels = await PolicyLabels.ContextAsync(db, qualifications, chinese, ct);
        var entries = items.Select(i =>
        {
            var x = PolicyEvaluator.Explain(matrix, i.Engine, 0);
            var explanation = PolicyLabels.Explain(x.Root, labels);
            return new CalculatorEntry(i.Item.Id, i.Item.Code, i.Item.DisplayTitle(chinese), i.Policy.Id, i.Policy.DisplayTitle(chinese), i.Version.Id,
                i.Version.DocumentNumber, year, i.Item.NoApplication, x.Verdict, x.BenefitFen, PolicyLabels.Gaps(explanation), explanation);
        }).OrderBy(e => e.Verdict switch { Verdict.Eligible => 0, Verdict.NearMiss => 1, Verdict.Unknown => 2, _ => 3 }).ToList();
        return new CalculatorResult(eid, traits.Name, year, entries);
    }

    /// <summary>
    /// One item (of any version) for one enterprise, evaluated now with its explanation: the pre-check of an
    /// application. No scope check here: the fulfillment services call it after their own.
    /// </summary>
    internal async Task<CalculatorEntry?> ExplainItemAsync(int itemId, int enterpriseId, int fiscalYear, bool chinese, CancellationToken ct = default)
    {
        var item = await db.Set<PolicyItem>().AsNoTracking().Include(i => i.PolicyVersion).ThenInclude(v => v!.Policy).SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null) return null;
        var engineItem = new EngineItem(item.Id, CriteriaDocument.Parse(item.CriteriaJson), item.BenefitJson is { } b ? BenefitRule.Parse(b) : null,
            item.NoApplication, fiscalYear);
        var matrix = await LoadAsync(fiscalYear, enterpriseId, ct);
        if (matrix.Count == 0) return null;
        var x = PolicyEvaluator.Explain(matrix, engineItem, 0);
        var labels = await PolicyLabels.ContextAsync(db, qualifications, chinese, ct);
        var explanation = PolicyLabels.Explain(x.Root, labels);
        var version = item.PolicyVersion!;
        return new CalculatorEntry(item.Id, item.Code, item.DisplayTitle(chinese), version.PolicyId, version.Policy!.DisplayTitle(chinese), version.Id,
            version.DocumentNumber, fiscalYear, item.NoApplication, x.Verdict, x.BenefitFen, PolicyLabels.Gaps(explanation), explanation);
    }

    /// <summary>The stored verdicts of one enterprise (staff: any; an enterprise user: its own, else null).</summary>
    public async Task<IReadOnlyList<VerdictRow>?> OfEnterpriseAsync(int enterpriseId, CancellationToken ct = default)
    {
        if (!current.IsInternal && current.EnterpriseId != enterpriseId) return null;
        if (!(await directory.NamesAsync([enterpriseId])).ContainsKey(enterpriseId)) return null;
        var list = await db.Set<PolicyVerdict>().AsNoTracking().Where(v => v.EnterpriseId == enterpriseId).OrderBy(v => v.PolicyItemId).ToListAsync(ct);
        return await NamedAsync(list, ct);
    }
}

/// <summary>Marks an enterprise stale for the engine, in the same save as the change that made it so.</summary>
sealed class PolicyChangeListener(ZoneDb db, TimeProvider clock) : IEnterpriseChangeListener
{
    public void Changed(int enterpriseId) =>
        db.Add(new PolicyStaleEnterprise { EnterpriseId = enterpriseId, MarkedUtc = clock.GetUtcNow().UtcDateTime });
}

/// <summary>
/// Every few seconds (<c>Policies:RefreshSeconds</c>, default 20; 0 turns it off), re-evaluates enterprises whose
/// data changed; on several instances one of them per round. A failed round leaves the marks for the next.
/// </summary>
sealed class PolicyRefreshWorker(IServiceScopeFactory scopes, IConfiguration config, ILogger<PolicyRefreshWorker> log) : PeriodicWork(scopes, log)
{
    protected override TimeSpan Period => TimeSpan.FromSeconds(config.GetValue("Policies:RefreshSeconds", 20.0));
    protected override string What => "Refreshing policy verdicts";

    protected override async Task RoundAsync(IServiceProvider services, CancellationToken ct)
    {
        var report = await services.GetRequiredService<PolicyEngineService>().RefreshStaleAsync(ct);
        if (report is not null) log.LogInformation("Policy verdicts refreshed for {Enterprises} enterprises", report.Enterprises);
    }
}
