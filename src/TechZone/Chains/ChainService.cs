using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using TechZone.Chains.Resources;
using TechZone.Data;
using TechZone.Enterprises;
using TechZone.Platform.Audit;
using TechZone.Platform.Identity;

namespace TechZone.Chains;

/// <summary>
/// Chains, their segment trees, enterprise tags and thresholds, and the live health of every segment. Health is
/// computed from the registry on each read (through the Enterprises module's bulk reads), never stored, so the map
/// always shows the registry as it is.
/// </summary>
public sealed class ChainService(ZoneDb db, CurrentUser current, IAuthorizationService authorization, EnterpriseService enterprises,
    EnterpriseFactsService facts, QualificationService qualifications, Platform.Zone.IEnterpriseDirectory directory)
{
    static readonly FactMetric[] HealthMetrics = [FactMetric.Revenue, FactMetric.Employees, FactMetric.RdExpense];

    /// <summary>The statuses of an enterprise that is in the zone (a prospect is not yet; one that moved out no longer).</summary>
    public static bool IsLocal(EnterpriseStatus status) => status is EnterpriseStatus.Registered or EnterpriseStatus.Operating or EnterpriseStatus.Expanding;

    // ---- reading ----

    /// <summary>Every chain with its thresholds and health counts.</summary>
    public async Task<IReadOnlyList<ChainItem>> ListAsync(bool chinese, CancellationToken ct = default)
    {
        await ChainAccess.RequireReadAsync(authorization, current);
        var chains = await db.Set<Chain>().AsNoTracking().Include(c => c.Segments).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);
        var health = await ComputeAsync(chains, chinese, ct);
        return chains.Select(c => ToItem(c, health)).ToList();
    }

    /// <summary>A chain's map: every segment in tree order with figures and health; null when there is no such chain.</summary>
    public async Task<ChainMap?> MapAsync(int chainId, bool chinese, CancellationToken ct = default)
    {
        await ChainAccess.RequireReadAsync(authorization, current);
        var chain = await db.Set<Chain>().AsNoTracking().Include(c => c.Segments).SingleOrDefaultAsync(c => c.Id == chainId, ct);
        if (chain is null) return null;
        var health = await ComputeAsync([chain], chinese, ct);
        return new ChainMap(ToItem(chain, health), TreeOrder(chain.Segments).Select(x => health[x.Segment.Id]).ToList());
    }

    /// <summary>One segment: its figures, the enterprises tagged to it or its sub-segments, open leads and key projects.</summary>
    public async Task<SegmentDetail?> SegmentAsync(int segmentId, bool chinese, LeadService leads, ProjectService projects, CancellationToken ct = default)
    {
        await ChainAccess.RequireReadAsync(authorization, current);
        var chainId = await db.Set<ChainSegment>().Where(s => s.Id == segmentId).Select(s => (int?)s.ChainId).SingleOrDefaultAsync(ct);
        if (chainId is null) return null;
        var chain = await db.Set<Chain>().AsNoTracking().Include(c => c.Segments).SingleAsync(c => c.Id == chainId, ct);
        var health = await ComputeAsync([chain], chinese, ct);
        var segment = chain.Segments.Single(s => s.Id == segmentId);
        var subtree = Subtree(chain.Segments, segmentId);
        var names = chain.Segments.ToDictionary(s => s.Id, s => s.DisplayName(chinese));

        var tags = await db.Set<SegmentTag>().AsNoTracking().Where(t => subtree.Contains(t.SegmentId)).ToListAsync(ct);
        var ids = tags.Select(t => t.EnterpriseId).Distinct().ToList();
        var registry = (await enterprises.SummariesAsync(ids, chinese, ct)).ToDictionary(e => e.Id);
        var latest = await facts.LatestAsync(ids, HealthMetrics, ct);
        var qualified = await qualifications.QualifiedAsync(ids, ct);
        var tagged = tags.Where(t => registry.ContainsKey(t.EnterpriseId))
            .Select(t =>
            {
                var e = registry[t.EnterpriseId];
                var f = latest.GetValueOrDefault(t.EnterpriseId);
                return new TaggedEnterprise(t.EnterpriseId, e.Name, t.Role, e.Status, IsLocal(e.Status), qualified.Contains(t.EnterpriseId),
                    Figure(f, FactMetric.Revenue), Figure(f, FactMetric.Employees), Figure(f, FactMetric.RdExpense), t.SegmentId, names[t.SegmentId]);
            })
            .OrderBy(t => t.Role).ThenByDescending(t => t.RevenueFen ?? -1).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();

        var openLeads = await leads.OfSegmentsAsync(subtree, chinese, ct);
        var segmentProjects = await projects.OfSegmentsAsync(subtree, chinese, ct);
        return new SegmentDetail(health[segmentId], chain.Id, chain.DisplayName(chinese), Effective(chain, segment), tagged, openLeads, segmentProjects);
    }

    static long? Figure(IReadOnlyDictionary<FactMetric, long>? figures, FactMetric metric) =>
        figures is not null && figures.TryGetValue(metric, out var v) ? v : null;

    /// <summary>Every segment named with its chain, for pickers (lead tags, project segment).</summary>
    public async Task<IReadOnlyList<SegmentRef>> SegmentRefsAsync(bool chinese, CancellationToken ct = default)
    {
        await ChainAccess.RequireReadAsync(authorization, current);
        var chains = await db.Set<Chain>().AsNoTracking().Include(c => c.Segments).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);
        return chains.SelectMany(c => TreeOrder(c.Segments).Select(x => new SegmentRef(x.Segment.Id,
            new string('·', x.Depth) + x.Segment.DisplayName(chinese), c.Id, c.DisplayName(chinese)))).ToList();
    }

    /// <summary>Where an enterprise is tagged; null when the enterprise does not exist.</summary>
    public async Task<IReadOnlyList<EnterpriseChainTag>?> TagsOfAsync(int enterpriseId, bool chinese, CancellationToken ct = default)
    {
        await ChainAccess.RequireReadAsync(authorization, current);
        if (!(await directory.NamesAsync([enterpriseId])).ContainsKey(enterpriseId)) return null;
        var rows = await (from t in db.Set<SegmentTag>().AsNoTracking()
                          join s in db.Set<ChainSegment>() on t.SegmentId equals s.Id
                          join c in db.Set<Chain>() on s.ChainId equals c.Id
                          where t.EnterpriseId == enterpriseId
                          select new { t.Role, Segment = s, Chain = c }).ToListAsync(ct);
        return rows.OrderBy(r => r.Chain.SortOrder).ThenBy(r => r.Role)
            .Select(r => new EnterpriseChainTag(r.Segment.Id, r.Segment.DisplayName(chinese), r.Chain.Id, r.Chain.DisplayName(chinese), r.Role)).ToList();
    }

    /// <summary>Enterprises of the registry by name, pinyin or credit code, for the tag and project pickers.</summary>
    public async Task<IReadOnlyList<Platform.Zone.EnterpriseRef>> SearchEnterprisesAsync(string? text, int take)
    {
        await ChainAccess.RequireReadAsync(authorization, current);
        return await directory.SearchAsync(text, Math.Clamp(take, 1, 50));
    }

    // ---- writing ----

    /// <summary>Adds a chain (its code must be new); returns its id.</summary>
    public async Task<int> CreateChainAsync(ChainRequest request, CancellationToken ct = default)
    {
        await ChainAccess.RequireWriteAsync(authorization, current);
        var code = request.Code.Trim().ToLowerInvariant();
        if (code == "" || string.IsNullOrWhiteSpace(request.Name)) throw new ChainRuleException("ChainIncomplete");
        if (await db.Set<Chain>().AnyAsync(c => c.Code == code, ct)) throw new ChainConflictException("DuplicateChain", code);
        var chain = new Chain { Code = code, Name = request.Name.Trim(), NameEn = request.NameEn?.Trim() ?? "", SortOrder = request.SortOrder };
        db.Add(chain);
        await ChainAccess.SaveAsync(db, ct);
        return chain.Id;
    }

    /// <summary>Sets a chain's thresholds (audited like every change); false when there is no such chain.</summary>
    public async Task<bool> SetThresholdsAsync(int chainId, ThresholdsRequest request, CancellationToken ct = default)
    {
        await ChainAccess.RequireWriteAsync(authorization, current);
        var chain = await db.Set<Chain>().SingleOrDefaultAsync(c => c.Id == chainId, ct);
        if (chain is null) return false;
        ChainAccess.CheckVersion(db, chain, request.Version);
        CheckThresholds(request.MissingBelowEnterprises, request.WeakBelowEnterprises, request.WeakBelowRevenueFen);
        chain.MissingBelowEnterprises = request.MissingBelowEnterprises;
        chain.WeakBelowEnterprises = request.WeakBelowEnterprises;
        chain.WeakBelowRevenueFen = request.WeakBelowRevenueFen;
        chain.WeakWithoutLeader = request.WeakWithoutLeader;
        await ChainAccess.SaveAsync(db, ct);
        return true;
    }

    static void CheckThresholds(int? missing, int? weak, long? revenue)
    {
        if (missing < 0 || weak < 0 || revenue < 0) throw new ChainRuleException("NegativeThreshold");
        if (missing is { } m && weak is { } w && w < m) throw new ChainRuleException("WeakBelowMissing", w, m);
    }

    /// <summary>Adds a segment to a chain (under a parent of the same chain, if given); returns its id, null when there is no such chain.</summary>
    public async Task<int?> AddSegmentAsync(int chainId, SegmentRequest request, CancellationToken ct = default)
    {
        await ChainAccess.RequireWriteAsync(authorization, current);
        if (!await db.Set<Chain>().AnyAsync(c => c.Id == chainId, ct)) return null;
        var segment = new ChainSegment { ChainId = chainId };
        await ApplyAsync(segment, request, ct);
        db.Add(segment);
        await ChainAccess.SaveAsync(db, ct);
        return segment.Id;
    }

    /// <summary>Renames or moves a segment, or changes its thresholds; false when there is no such segment.</summary>
    public async Task<bool> UpdateSegmentAsync(int segmentId, SegmentRequest request, CancellationToken ct = default)
    {
        await ChainAccess.RequireWriteAsync(authorization, current);
        var segment = await db.Set<ChainSegment>().SingleOrDefaultAsync(s => s.Id == segmentId, ct);
        if (segment is null) return false;
        ChainAccess.CheckVersion(db, segment, request.Version);
        await ApplyAsync(segment, request, ct);
        // Sub-segments follow their parent into its stage.
        var all = await db.Set<ChainSegment>().Where(s => s.ChainId == segment.ChainId).ToListAsync(ct);
        foreach (var id in Subtree(all, segment.Id).Where(id => id != segment.Id))
            all.Single(s => s.Id == id).Stage = segment.Stage;
        await ChainAccess.SaveAsync(db, ct);
        return true;
    }

    async Task ApplyAsync(ChainSegment segment, SegmentRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Name)) throw new ChainRuleException("SegmentNameRequired");
        if (!Enum.IsDefined(request.Stage)) throw new ChainRuleException("UnknownStage");
        CheckThresholds(request.MissingBelowEnterprises, request.WeakBelowEnterprises, request.WeakBelowRevenueFen);
        var stage = request.Stage;
        if (request.ParentId is { } parentId)
        {
            var siblings = await db.Set<ChainSegment>().AsNoTracking().Where(s => s.ChainId == segment.ChainId).ToListAsync(ct);
            var parent = siblings.SingleOrDefault(s => s.Id == parentId) ?? throw new ChainRuleException("UnknownParent", parentId);
            // A segment cannot move under itself or one of its own sub-segments.
            if (segment.Id != 0 && Subtree(siblings, segment.Id).Contains(parentId)) throw new ChainRuleException("ParentCycle");
            stage = parent.Stage;
        }
        segment.ParentId = request.ParentId;
        segment.Stage = stage;
        segment.Name = request.Name.Trim();
        segment.NameEn = request.NameEn?.Trim() ?? "";
        segment.SortOrder = request.SortOrder;
        segment.MissingBelowEnterprises = request.MissingBelowEnterprises;
        segment.WeakBelowEnterprises = request.WeakBelowEnterprises;
        segment.WeakBelowRevenueFen = request.WeakBelowRevenueFen;
    }

    /// <summary>
    /// Removes an empty segment: one with no sub-segments, tagged enterprises, leads or key projects (409 otherwise,
    /// naming what is left). False when there is no such segment.
    /// </summary>
    public async Task<bool> RemoveSegmentAsync(int segmentId, long? version, CancellationToken ct = default)
    {
        await ChainAccess.RequireWriteAsync(authorization, current);
        var segment = await db.Set<ChainSegment>().SingleOrDefaultAsync(s => s.Id == segmentId, ct);
        if (segment is null) return false;
        if (version is { } v && v != segment.Version) throw new Platform.ConflictException("ConcurrencyConflict");
        var children = await db.Set<ChainSegment>().CountAsync(s => s.ParentId == segmentId, ct);
        var tags = await db.Set<SegmentTag>().CountAsync(t => t.SegmentId == segmentId, ct);
        var leadCount = await db.Set<LeadSegment>().CountAsync(l => l.SegmentId == segmentId, ct);
        var projectCount = await db.Set<KeyProject>().CountAsync(p => p.SegmentId == segmentId, ct);
        if (children + tags + leadCount + projectCount > 0)
            throw new ChainConflictException("SegmentNotEmpty", segment.DisplayName(Platform.Localization.ZoneCultures.IsChinese), children, tags, leadCount, projectCount);
        db.Remove(segment);
        await ChainAccess.SaveAsync(db, ct);
        return true;
    }

    /// <summary>Tags an enterprise to a segment with a role (an existing tag takes the new role); false when the segment or enterprise does not exist.</summary>
    public async Task<bool> TagAsync(int segmentId, TagRequest request, CancellationToken ct = default)
    {
        await ChainAccess.RequireWriteAsync(authorization, current);
        if (request.EnterpriseId is not { } enterpriseId) throw new ChainRuleException("EnterpriseRequired");
        if (!Enum.IsDefined(request.Role)) throw new ChainRuleException("UnknownRole");
        if (!await db.Set<ChainSegment>().AnyAsync(s => s.Id == segmentId, ct)) return false;
        if (!(await directory.NamesAsync([enterpriseId])).ContainsKey(enterpriseId)) throw new ChainRuleException("UnknownEnterprise", enterpriseId);
        var tag = await db.Set<SegmentTag>().SingleOrDefaultAsync(t => t.SegmentId == segmentId && t.EnterpriseId == enterpriseId, ct);
        if (tag is null)
        {
            tag = new SegmentTag { SegmentId = segmentId, EnterpriseId = enterpriseId };
            db.Add(tag);
        }
        tag.Role = request.Role;
        tag.TaggedBy = current.DisplayName;
        tag.TaggedUtc = DateTime.UtcNow;
        await ChainAccess.SaveAsync(db, ct);
        return true;
    }

    /// <summary>Tags without saving: lead registration adds its tags in the same save as the lead's move.</summary>
    internal void AddTags(int enterpriseId, IEnumerable<int> segmentIds, ChainRole role)
    {
        foreach (var segmentId in segmentIds.Distinct())
            db.Add(new SegmentTag { SegmentId = segmentId, EnterpriseId = enterpriseId, Role = role, TaggedBy = current.DisplayName, TaggedUtc = DateTime.UtcNow });
    }

    /// <summary>Removes an enterprise's tag from a segment; false when there is none.</summary>
    public async Task<bool> UntagAsync(int segmentId, int enterpriseId, CancellationToken ct = default)
    {
        await ChainAccess.RequireWriteAsync(authorization, current);
        var tag = await db.Set<SegmentTag>().SingleOrDefaultAsync(t => t.SegmentId == segmentId && t.EnterpriseId == enterpriseId, ct);
        if (tag is null) return false;
        db.Remove(tag);
        await ChainAccess.SaveAsync(db, ct);
        return true;
    }

    /// <summary>
    /// The map's table (one row per segment with figures, health and action) as an .xlsx workbook in the caller's
    /// language. An export is a security event, like the registry's. Null when there is no such chain.
    /// </summary>
    public async Task<ChainMap?> ExportAsync(int chainId, bool chinese, Stream output, CancellationToken ct = default)
    {
        var map = await MapAsync(chainId, chinese, ct);
        if (map is null) return null;
        var sheet = map.Segments.Select(s => new Dictionary<string, object?>
        {
            [ChainStrings.Stage] = ChainLabels.Stage(s.Stage),
            [ChainStrings.Segment] = new string(' ', s.Depth * 2) + s.Name,
            [ChainStrings.Health] = ChainLabels.Health(s.Health),
            [ChainStrings.Action] = ChainLabels.Action(s.Action),
            [ChainStrings.Figure_Enterprises] = s.Figures.Enterprises,
            [ChainStrings.Figure_Leaders] = s.Figures.Leaders,
            [ChainStrings.Figure_Qualified] = s.Figures.Qualified,
            [ChainStrings.Figure_RevenueWan] = s.Figures.RevenueFen / 1_000_000m,
            [ChainStrings.Figure_Employees] = s.Figures.Employees,
            [ChainStrings.Figure_RdWan] = s.Figures.RdExpenseFen / 1_000_000m,
            [ChainStrings.Figure_OpenLeads] = s.Figures.OpenLeads,
            [ChainStrings.Reasons] = string.Join("; ", s.Reasons),
        });
        await MiniExcelLibs.MiniExcel.SaveAsAsync(output, sheet, sheetName: map.Chain.Name.Length > 31 ? map.Chain.Name[..31] : map.Chain.Name, cancellationToken: ct);
        AuditTrail.Security(db, "Export", null, new { list = "chain-map", chain = map.Chain.Code, rows = map.Segments.Count });
        await db.SaveChangesAsync(ct);
        return map;
    }

    /// <summary>Records an SVG or PNG export of the map (drawn in the browser) in the audit trail.</summary>
    public async Task AuditImageExportAsync(int chainId, string format, CancellationToken ct = default)
    {
        await ChainAccess.RequireReadAsync(authorization, current);
        AuditTrail.Security(db, "Export", null, new { list = "chain-map", chain = chainId, format });
        await db.SaveChangesAsync(ct);
    }

    // ---- health ----

    ChainItem ToItem(Chain c, IReadOnlyDictionary<int, SegmentItem> health)
    {
        var mine = c.Segments.Select(s => health[s.Id]).ToList();
        return new ChainItem(c.Id, c.Code, c.DisplayName(Platform.Localization.ZoneCultures.IsChinese), c.Name, c.NameEn, c.SortOrder,
            new ChainThresholds(c.MissingBelowEnterprises, c.WeakBelowEnterprises, c.WeakBelowRevenueFen, c.WeakWithoutLeader),
            mine.Count, mine.Count(s => s.Health == SegmentHealth.Strong), mine.Count(s => s.Health == SegmentHealth.Weak),
            mine.Count(s => s.Health == SegmentHealth.Missing), c.Version);
    }

    static ChainThresholds Effective(Chain chain, ChainSegment s) => new(
        s.MissingBelowEnterprises ?? chain.MissingBelowEnterprises, s.WeakBelowEnterprises ?? chain.WeakBelowEnterprises,
        s.WeakBelowRevenueFen ?? chain.WeakBelowRevenueFen, chain.WeakWithoutLeader);

    /// <summary>Figures and health of every segment of the chains, over each segment's subtree, from one bulk read of the registry.</summary>
    async Task<IReadOnlyDictionary<int, SegmentItem>> ComputeAsync(IReadOnlyList<Chain> chains, bool chinese, CancellationToken ct)
    {
        var segmentIds = chains.SelectMany(c => c.Segments).Select(s => s.Id).ToList();
        var tags = await db.Set<SegmentTag>().AsNoTracking().Where(t => segmentIds.Contains(t.SegmentId)).ToListAsync(ct);
        var ids = tags.Select(t => t.EnterpriseId).Distinct().ToList();
        var local = (await enterprises.SummariesAsync(ids, chinese, ct)).Where(e => IsLocal(e.Status)).Select(e => e.Id).ToHashSet();
        var latest = await facts.LatestAsync(ids, HealthMetrics, ct);
        var qualified = await qualifications.QualifiedAsync(ids, ct);
        var openLeads = await (from ls in db.Set<LeadSegment>()
                               join l in db.Set<Lead>() on ls.LeadId equals l.Id
                               where segmentIds.Contains(ls.SegmentId) && l.Status == LeadStatus.Active && l.EnterpriseId == null
                               select new { ls.SegmentId, ls.LeadId }).ToListAsync(ct);
        var tagsBySegment = tags.ToLookup(t => t.SegmentId);
        var leadsBySegment = openLeads.ToLookup(l => l.SegmentId, l => l.LeadId);

        var result = new Dictionary<int, SegmentItem>();
        foreach (var chain in chains)
        {
            foreach (var (segment, depth) in TreeOrder(chain.Segments))
            {
                var subtree = Subtree(chain.Segments, segment.Id);
                var inSegment = subtree.SelectMany(id => tagsBySegment[id]).Where(t => local.Contains(t.EnterpriseId)).ToList();
                var members = inSegment.Select(t => t.EnterpriseId).Distinct().ToList();
                long Sum(FactMetric m) => members.Sum(id => latest.TryGetValue(id, out var f) && f.TryGetValue(m, out var v) ? v : 0);
                var figures = new SegmentFigures(members.Count,
                    inSegment.Where(t => t.Role == ChainRole.Leader).Select(t => t.EnterpriseId).Distinct().Count(),
                    members.Count(qualified.Contains), Sum(FactMetric.Revenue), Sum(FactMetric.Employees), Sum(FactMetric.RdExpense),
                    subtree.SelectMany(id => leadsBySegment[id]).Distinct().Count());
                var (health, reasons) = Classify(figures, Effective(chain, segment));
                var hasChildren = chain.Segments.Any(s => s.ParentId == segment.Id);
                result[segment.Id] = new SegmentItem(segment.Id, segment.ParentId, depth, segment.Stage, segment.DisplayName(chinese), segment.Name, segment.NameEn,
                    segment.SortOrder, figures, health, ActionOf(health), reasons,
                    new SegmentOverrides(segment.MissingBelowEnterprises, segment.WeakBelowEnterprises, segment.WeakBelowRevenueFen),
                    !hasChildren && !tagsBySegment[segment.Id].Any() && !leadsBySegment[segment.Id].Any(), segment.Version);
            }
        }
        return result;
    }

    /// <summary>
    /// The classification: missing when the segment has fewer local enterprises than the missing threshold; weak
    /// when it has fewer than the weak threshold, less revenue than the revenue threshold, or (if the chain asks for
    /// one) no chain leader; strong otherwise. The reasons say which rule applied, in the caller's language.
    /// </summary>
    public static (SegmentHealth Health, IReadOnlyList<string> Reasons) Classify(SegmentFigures f, ChainThresholds t)
    {
        var culture = CultureInfo.CurrentUICulture;
        if (f.Enterprises < t.MissingBelowEnterprises)
            return (SegmentHealth.Missing, [string.Format(culture, ChainStrings.Reason_Missing, f.Enterprises, t.MissingBelowEnterprises)]);
        var reasons = new List<string>();
        if (f.Enterprises < t.WeakBelowEnterprises) reasons.Add(string.Format(culture, ChainStrings.Reason_FewEnterprises, f.Enterprises, t.WeakBelowEnterprises));
        if (f.RevenueFen < t.WeakBelowRevenueFen)
            reasons.Add(string.Format(culture, ChainStrings.Reason_LowRevenue, ChainLabels.Wan(f.RevenueFen), ChainLabels.Wan(t.WeakBelowRevenueFen)));
        if (t.WeakWithoutLeader && f.Leaders == 0) reasons.Add(ChainStrings.Reason_NoLeader);
        return reasons.Count > 0 ? (SegmentHealth.Weak, reasons) : (SegmentHealth.Strong, []);
    }

    public static ChainAction ActionOf(SegmentHealth health) => health switch
    {
        SegmentHealth.Strong => ChainAction.Strengthen,
        SegmentHealth.Weak => ChainAction.Fill,
        _ => ChainAction.Build,
    };

    /// <summary>Segments in tree order: top-level ones by stage, then position; each followed by its sub-segments.</summary>
    internal static IEnumerable<(ChainSegment Segment, int Depth)> TreeOrder(IReadOnlyCollection<ChainSegment> segments)
    {
        var children = segments.ToLookup(s => s.ParentId);
        IEnumerable<(ChainSegment, int)> Walk(int? parent, int depth) =>
            children[parent].OrderBy(s => s.Stage).ThenBy(s => s.SortOrder).ThenBy(s => s.Id)
                .SelectMany(s => new[] { (s, depth) }.Concat(Walk(s.Id, depth + 1)));
        return Walk(null, 0).ToList();
    }

    /// <summary>The segment and all its sub-segments.</summary>
    internal static HashSet<int> Subtree(IReadOnlyCollection<ChainSegment> segments, int segmentId)
    {
        var children = segments.ToLookup(s => s.ParentId);
        var result = new HashSet<int> { segmentId };
        var queue = new Queue<int>([segmentId]);
        while (queue.TryDequeue(out var id))
            foreach (var child in children[id])
                if (result.Add(child.Id)) queue.Enqueue(child.Id);
        return result;
    }
}
