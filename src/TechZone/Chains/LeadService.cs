using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using TechZone.Chains.Resources;
using TechZone.Data;
using TechZone.Enterprises;
using TechZone.Platform.Api;
using TechZone.Platform.Calendar;
using TechZone.Platform.Identity;
using TechZone.Platform.Inbox;
using TechZone.Platform.Zone;

namespace TechZone.Chains;

/// <summary>
/// Investment leads (招商线索) through the pipeline: create, edit, move between stages, lose (with a reason) and
/// reopen, and register in the zone (注册落地), which creates the enterprise through the registry's own use case and
/// tags it to the lead's segments. A lead idle past <see cref="ChainSettings.StalledAfterDays"/> is stalled; a next
/// step with a due date is a to-do of the lead's owner.
/// </summary>
public sealed class LeadService(ZoneDb db, CurrentUser current, IAuthorizationService authorization, ZoneTime time, InboxService inbox,
    EnterpriseService enterprises, ChainService chains)
{
    DateTime Now => DateTime.UtcNow;

    // ---- configuration ----

    public async Task<IReadOnlyList<StageItem>> StagesAsync(bool chinese, bool activeOnly = false, CancellationToken ct = default)
    {
        await ChainAccess.RequireReadAsync(authorization, current);
        var rows = await db.Set<LeadStage>().AsNoTracking().Where(s => !activeOnly || s.IsActive).OrderBy(s => s.SortOrder).ThenBy(s => s.Id).ToListAsync(ct);
        return rows.Select(s => ToItem(s, chinese)).ToList();
    }

    static StageItem ToItem(LeadStage s, bool chinese) => new(s.Id, s.Code, s.DisplayName(chinese), s.Name, s.NameEn, s.SortOrder, s.IsSigned, s.IsLanding, s.IsActive, s.Version);

    public async Task<int> CreateStageAsync(StageRequest request, CancellationToken ct = default)
    {
        await ChainAccess.RequireWriteAsync(authorization, current);
        var stage = new LeadStage();
        await ApplyAsync(stage, request, ct);
        db.Add(stage);
        await ChainAccess.SaveAsync(db, ct);
        return stage.Id;
    }

    public async Task<bool> UpdateStageAsync(int id, StageRequest request, CancellationToken ct = default)
    {
        await ChainAccess.RequireWriteAsync(authorization, current);
        var stage = await db.Set<LeadStage>().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (stage is null) return false;
        ChainAccess.CheckVersion(db, stage, request.Version);
        if (!request.IsActive && stage.IsActive && await db.Set<Lead>().AnyAsync(l => l.StageId == id, ct))
            throw new ChainConflictException("StageInUse", stage.DisplayName(Platform.Localization.ZoneCultures.IsChinese));
        await ApplyAsync(stage, request, ct);
        await ChainAccess.SaveAsync(db, ct);
        return true;
    }

    async Task ApplyAsync(LeadStage stage, StageRequest request, CancellationToken ct)
    {
        var code = request.Code.Trim().ToLowerInvariant();
        if (code == "" || string.IsNullOrWhiteSpace(request.Name)) throw new ChainRuleException("StageIncomplete");
        if (await db.Set<LeadStage>().AnyAsync(s => s.Code == code && s.Id != stage.Id, ct)) throw new ChainConflictException("DuplicateStage", code);
        // Exactly one active landing stage: registration needs to know where a lead lands.
        var otherLanding = await db.Set<LeadStage>().AnyAsync(s => s.IsLanding && s.IsActive && s.Id != stage.Id, ct);
        var landing = request.IsLanding && request.IsActive;
        if (landing && otherLanding) throw new ChainRuleException("OneLandingStage");
        if (!landing && !otherLanding) throw new ChainRuleException("LandingStageRequired");
        stage.Code = code;
        stage.Name = request.Name.Trim();
        stage.NameEn = request.NameEn?.Trim() ?? "";
        stage.SortOrder = request.SortOrder;
        stage.IsSigned = request.IsSigned;
        stage.IsLanding = request.IsLanding;
        stage.IsActive = request.IsActive;
    }

    public async Task<ChainSettingsItem> SettingsAsync(CancellationToken ct = default)
    {
        await ChainAccess.RequireReadAsync(authorization, current);
        var s = await Settings(ct);
        return new ChainSettingsItem(s.StalledAfterDays, s.YellowWithinDays, s.Version);
    }

    async Task<ChainSettings> Settings(CancellationToken ct) =>
        await db.Set<ChainSettings>().AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(ct) ?? new ChainSettings();

    public async Task SetSettingsAsync(ChainSettingsRequest request, CancellationToken ct = default)
    {
        await ChainAccess.RequireWriteAsync(authorization, current);
        if (request.StalledAfterDays < 1 || request.YellowWithinDays < 0) throw new ChainRuleException("BadSettings");
        var settings = await db.Set<ChainSettings>().OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = new ChainSettings();
            db.Add(settings);
        }
        else ChainAccess.CheckVersion(db, settings, request.Version);
        settings.StalledAfterDays = request.StalledAfterDays;
        settings.YellowWithinDays = request.YellowWithinDays;
        await ChainAccess.SaveAsync(db, ct);
    }

    /// <summary>The staff who may own leads: every active staff user of the zone, by department.</summary>
    public async Task<IReadOnlyList<OwnerItem>> OwnersAsync(bool chinese, CancellationToken ct = default)
    {
        await ChainAccess.RequireReadAsync(authorization, current);
        var rows = await (from u in db.Users.AsNoTracking()
                          join d in db.Departments on u.DepartmentId equals d.Id
                          where u.EnterpriseId == null
                          orderby d.Id, u.UserName
                          select new { u.Id, u.DisplayName, u.UserName, d.Name, d.NameEn, u.LockoutEnd }).ToListAsync(ct);
        // A disabled (locked-out) user owns no new leads; compared here, as SQLite cannot compare DateTimeOffset.
        return rows.Where(r => r.LockoutEnd is null || r.LockoutEnd < DateTimeOffset.UtcNow).Select(r => new OwnerItem(r.Id, r.DisplayName is { Length: > 0 } n ? n : r.UserName ?? "", chinese || r.NameEn == "" ? r.Name : r.NameEn)).ToList();
    }

    // ---- reading ----

    public async Task<PagedResult<LeadSummary>> SearchAsync(LeadQuery query, bool chinese, CancellationToken ct = default)
    {
        await ChainAccess.RequireReadAsync(authorization, current);
        var (page, pageSize) = Paging.Normalize(query.Page, query.PageSize);
        var settings = await Settings(ct);
        var rows = db.Set<Lead>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search)) { var s = query.Search.Trim(); rows = rows.Where(l => l.CompanyName.Contains(s) || l.HqCity.Contains(s)); }
        if (query.StageId is { } stage) rows = rows.Where(l => l.StageId == stage);
        if (query.SegmentId is { } segment) rows = rows.Where(l => l.Segments.Any(x => x.SegmentId == segment));
        if (query.ChainId is { } chain)
        {
            var ids = db.Set<ChainSegment>().Where(x => x.ChainId == chain).Select(x => x.Id);
            rows = rows.Where(l => l.Segments.Any(x => ids.Contains(x.SegmentId)));
        }
        if (!string.IsNullOrEmpty(query.OwnerId)) rows = rows.Where(l => l.OwnerId == query.OwnerId);
        if (query.Status is { } status) rows = rows.Where(l => l.Status == status);
        if (query.Stalled is { } stalled)
        {
            var before = Now.AddDays(-settings.StalledAfterDays);
            var final = await FinalStageIdAsync(ct);
            rows = stalled
                ? rows.Where(l => l.Status == LeadStatus.Active && l.StageId != final && l.LastActivityUtc < before)
                : rows.Where(l => !(l.Status == LeadStatus.Active && l.StageId != final && l.LastActivityUtc < before));
        }
        var total = await rows.CountAsync(ct);
        var leads = await rows.OrderBy(l => l.Status).ThenByDescending(l => l.LastActivityUtc).ThenBy(l => l.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).Include(l => l.Segments).Include(l => l.Stage).ToListAsync(ct);
        return new PagedResult<LeadSummary>(await SummariesAsync(leads, chinese, settings, ct), total, page, pageSize);
    }

    /// <summary>The active leads tagged to any of the segments (a segment page's open leads); registered ones are no longer open leads.</summary>
    public async Task<IReadOnlyList<LeadSummary>> OfSegmentsAsync(IReadOnlyCollection<int> segmentIds, bool chinese, CancellationToken ct = default)
    {
        var leads = await db.Set<Lead>().AsNoTracking().Include(l => l.Segments).Include(l => l.Stage)
            .Where(l => l.Status == LeadStatus.Active && l.EnterpriseId == null && l.Segments.Any(s => segmentIds.Contains(s.SegmentId)))
            .OrderBy(l => l.CompanyName).ToListAsync(ct);
        return await SummariesAsync(leads, chinese, await Settings(ct), ct);
    }

    public async Task<LeadDetail?> GetAsync(int id, bool chinese, CancellationToken ct = default)
    {
        await ChainAccess.RequireReadAsync(authorization, current);
        var lead = await db.Set<Lead>().AsNoTracking().AsSplitQuery().Include(l => l.Segments).Include(l => l.Stage).Include(l => l.Events)
            .SingleOrDefaultAsync(l => l.Id == id, ct);
        if (lead is null) return null;
        var settings = await Settings(ct);
        var summary = (await SummariesAsync([lead], chinese, settings, ct))[0];
        var stages = await db.Set<LeadStage>().AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.DisplayName(chinese), ct);
        var enterpriseName = lead.EnterpriseId is { } eid ? (await enterprises.SummariesAsync([eid], chinese, ct)).FirstOrDefault()?.Name : null;
        return new LeadDetail(lead.Id, lead.CompanyName, lead.HqCity, lead.SizeClass, lead.ContactName, lead.ContactPhone, lead.Source,
            lead.StageId, summary.StageName, lead.Status, lead.LostReason, lead.OwnerId, lead.OwnerName,
            lead.ExpectedInvestmentFen, lead.ExpectedJobs, lead.ExpectedTaxFen, lead.NextStep, lead.NextStepDueOn, summary.IsOverdue, summary.IsStalled, summary.IdleDays,
            lead.EnterpriseId, enterpriseName, lead.CreatedUtc, summary.Segments,
            lead.Events.OrderBy(e => e.AtUtc).ThenBy(e => e.Id).Select(e => new LeadEventItem(e.Kind,
                e.FromStageId is { } f ? stages.GetValueOrDefault(f) : null, e.ToStageId is { } t ? stages.GetValueOrDefault(t) : null,
                e.Note, e.ByUserName, e.AtUtc)).ToList(),
            lead.Version);
    }

    async Task<int?> FinalStageIdAsync(CancellationToken ct) =>
        await db.Set<LeadStage>().Where(s => s.IsActive).OrderByDescending(s => s.SortOrder).ThenByDescending(s => s.Id).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);

    async Task<IReadOnlyList<LeadSummary>> SummariesAsync(IReadOnlyList<Lead> leads, bool chinese, ChainSettings settings, CancellationToken ct)
    {
        var segmentIds = leads.SelectMany(l => l.Segments).Select(s => s.SegmentId).Distinct().ToList();
        var refs = await (from s in db.Set<ChainSegment>().AsNoTracking()
                          join c in db.Set<Chain>() on s.ChainId equals c.Id
                          where segmentIds.Contains(s.Id)
                          select new { Segment = s, Chain = c }).ToListAsync(ct);
        var byId = refs.ToDictionary(r => r.Segment.Id, r => new SegmentRef(r.Segment.Id, r.Segment.DisplayName(chinese), r.Chain.Id, r.Chain.DisplayName(chinese)));
        var final = await FinalStageIdAsync(ct);
        var today = time.Today;
        return leads.Select(l =>
        {
            var idle = (int)Math.Floor((Now - l.LastActivityUtc).TotalDays);
            var working = l.Status == LeadStatus.Active && l.StageId != final;
            return new LeadSummary(l.Id, l.CompanyName, l.HqCity, l.StageId, l.Stage?.DisplayName(chinese) ?? "", l.Status, l.OwnerId, l.OwnerName,
                l.ExpectedInvestmentFen, l.NextStep, l.NextStepDueOn, working && l.NextStepDueOn < today, working && idle >= settings.StalledAfterDays, Math.Max(0, idle),
                l.EnterpriseId, l.Segments.Select(s => byId.GetValueOrDefault(s.SegmentId)).OfType<SegmentRef>().ToList());
        }).ToList();
    }

    /// <summary>How many active leads are stalled (the home card).</summary>
    public async Task<(int Active, int Stalled, int Overdue)> CountsAsync(CancellationToken ct = default)
    {
        await ChainAccess.RequireReadAsync(authorization, current);
        var settings = await Settings(ct);
        var before = Now.AddDays(-settings.StalledAfterDays);
        var final = await FinalStageIdAsync(ct);
        var today = time.Today;
        var working = db.Set<Lead>().Where(l => l.Status == LeadStatus.Active && l.StageId != final);
        return (await working.CountAsync(ct), await working.CountAsync(l => l.LastActivityUtc < before, ct), await working.CountAsync(l => l.NextStepDueOn < today, ct));
    }

    /// <summary>The board: a column per active stage, or per segment (missing, then weak, then strong ones), of active leads.</summary>
    public async Task<LeadBoard> BoardAsync(string? by, int? chainId, bool chinese, CancellationToken ct = default)
    {
        await ChainAccess.RequireReadAsync(authorization, current);
        var settings = await Settings(ct);
        var rows = db.Set<Lead>().AsNoTracking().Include(l => l.Segments).Include(l => l.Stage).Where(l => l.Status == LeadStatus.Active);
        if (chainId is { } chain)
        {
            var ids = db.Set<ChainSegment>().Where(x => x.ChainId == chain).Select(x => x.Id);
            rows = rows.Where(l => l.Segments.Any(x => ids.Contains(x.SegmentId)));
        }
        var leads = await SummariesAsync(await rows.OrderByDescending(l => l.LastActivityUtc).ThenBy(l => l.Id).ToListAsync(ct), chinese, settings, ct);
        if (by == "segment")
        {
            var maps = new List<ChainMap>();
            foreach (var c in await chains.ListAsync(chinese, ct))
                if (chainId is null || c.Id == chainId)
                    maps.Add((await chains.MapAsync(c.Id, chinese, ct))!);
            var columns = maps.SelectMany(m => m.Segments.Select(s => (Map: m, Segment: s)))
                .Select(x => new BoardColumn("segment-" + x.Segment.Id, $"{x.Map.Chain.Name} · {x.Segment.Name}", null, x.Segment.Id, x.Segment.Health,
                    leads.Where(l => l.Segments.Any(s => s.Id == x.Segment.Id)).ToList()))
                .Where(c => c.Leads.Count > 0 || c.Health != SegmentHealth.Strong)
                .OrderByDescending(c => c.Health).ThenByDescending(c => c.Leads.Count).ToList();
            return new LeadBoard("segment", columns);
        }
        var stages = await db.Set<LeadStage>().AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.SortOrder).ThenBy(s => s.Id).ToListAsync(ct);
        return new LeadBoard("stage", stages.Select(s => new BoardColumn("stage-" + s.Id, s.DisplayName(chinese), s.Id, null, null,
            leads.Where(l => l.StageId == s.Id).ToList())).ToList());
    }

    /// <summary>
    /// Figures per staff member and per chain: leads, active, stalled, lost, signed (at or past a signed stage) with
    /// their expected investment, and landed (registered in the zone); and conversion by stage — how many leads reached
    /// each stage (are at it, or were at it or a later one) and the share of those that reached the stage before.
    /// </summary>
    public async Task<LeadFigures> FiguresAsync(bool chinese, CancellationToken ct = default)
    {
        await ChainAccess.RequireReadAsync(authorization, current);
        var settings = await Settings(ct);
        var stages = await db.Set<LeadStage>().AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Id).ToListAsync(ct);
        var order = stages.ToDictionary(s => s.Id, s => s.SortOrder);
        var signedFrom = stages.Where(s => s.IsSigned).Select(s => (int?)s.SortOrder).Min() ?? int.MaxValue;
        var leads = await db.Set<Lead>().AsNoTracking().Include(l => l.Segments).Include(l => l.Events).AsSplitQuery().ToListAsync(ct);
        var final = await FinalStageIdAsync(ct);
        var before = Now.AddDays(-settings.StalledAfterDays);
        // The furthest stage a lead reached: its current stage or any stage its history moved it to.
        int Furthest(Lead l) => l.Events.Where(e => e.ToStageId is { } t && order.ContainsKey(t)).Select(e => order[e.ToStageId!.Value])
            .Append(order.GetValueOrDefault(l.StageId)).Max();

        LeadFigureRow Row(string key, string name, IReadOnlyCollection<Lead> group)
        {
            var signed = group.Where(l => l.Status == LeadStatus.Active && order.GetValueOrDefault(l.StageId) >= signedFrom).ToList();
            return new LeadFigureRow(key, name, group.Count, group.Count(l => l.Status == LeadStatus.Active),
                group.Count(l => l.Status == LeadStatus.Active && l.StageId != final && l.LastActivityUtc < before),
                group.Count(l => l.Status == LeadStatus.Lost), signed.Count, signed.Sum(l => l.ExpectedInvestmentFen ?? 0), group.Count(l => l.EnterpriseId != null));
        }

        var byOwner = leads.GroupBy(l => (l.OwnerId, l.OwnerName)).OrderBy(g => g.Key.OwnerName, StringComparer.Ordinal)
            .Select(g => Row(g.Key.OwnerId, g.Key.OwnerName, g.ToList())).ToList();
        var segmentChain = await db.Set<ChainSegment>().AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.ChainId, ct);
        var chainList = await db.Set<Chain>().AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);
        var byChain = chainList.Select(c => Row(c.Code, c.DisplayName(chinese),
            leads.Where(l => l.Segments.Any(s => segmentChain.GetValueOrDefault(s.SegmentId) == c.Id)).ToList())).ToList();

        var furthest = leads.Select(Furthest).ToList();
        var conversion = new List<StageConversion>();
        int? previous = null;
        foreach (var s in stages.Where(s => s.IsActive))
        {
            var reached = furthest.Count(f => f >= s.SortOrder);
            conversion.Add(new StageConversion(s.Id, s.DisplayName(chinese), reached, previous is > 0 ? Math.Round((decimal)reached / previous.Value, 3) : null));
            previous = reached;
        }
        return new LeadFigures(byOwner, byChain, conversion);
    }

    // ---- writing ----

    public async Task<int> CreateAsync(LeadRequest request, CancellationToken ct = default)
    {
        await ChainAccess.RequireWriteAsync(authorization, current);
        var first = await db.Set<LeadStage>().Where(s => s.IsActive).OrderBy(s => s.SortOrder).ThenBy(s => s.Id).FirstOrDefaultAsync(ct)
            ?? throw new ChainRuleException("LandingStageRequired");
        var lead = new Lead { StageId = first.Id, CreatedUtc = Now, LastActivityUtc = Now, Status = LeadStatus.Active };
        await ApplyAsync(lead, request, ct);
        lead.Events.Add(Event(LeadEventKind.Created, null, first.Id, ""));
        db.Add(lead);
        await ChainAccess.SaveAsync(db, ct);
        await SyncTodoAsync(lead, ct);
        return lead.Id;
    }

    public async Task<bool> UpdateAsync(int id, LeadRequest request, CancellationToken ct = default)
    {
        await ChainAccess.RequireWriteAsync(authorization, current);
        var lead = await db.Set<Lead>().Include(l => l.Segments).SingleOrDefaultAsync(l => l.Id == id, ct);
        if (lead is null) return false;
        ChainAccess.CheckVersion(db, lead, request.Version);
        await ApplyAsync(lead, request, ct);
        lead.LastActivityUtc = Now;
        db.Add(Event(LeadEventKind.Updated, null, null, "", id));
        await ChainAccess.SaveAsync(db, ct);
        await SyncTodoAsync(lead, ct);
        return true;
    }

    async Task ApplyAsync(Lead lead, LeadRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.CompanyName)) throw new ChainRuleException("CompanyRequired");
        var segmentIds = (request.SegmentIds ?? []).Distinct().ToList();
        if (segmentIds.Count == 0) throw new ChainRuleException("SegmentsRequired");
        var known = await db.Set<ChainSegment>().CountAsync(s => segmentIds.Contains(s.Id), ct);
        if (known != segmentIds.Count) throw new ChainRuleException("UnknownSegment");
        if (request.ExpectedInvestmentFen < 0 || request.ExpectedJobs < 0 || request.ExpectedTaxFen < 0) throw new ChainRuleException("NegativeAmount");
        var ownerId = string.IsNullOrEmpty(request.OwnerId) ? (lead.OwnerId is { Length: > 0 } o ? o : current.UserId) : request.OwnerId;
        var owner = await db.Users.AsNoTracking().Where(u => u.Id == ownerId && u.DepartmentId != null && u.EnterpriseId == null)
            .Select(u => new { u.Id, u.DisplayName, u.UserName }).SingleOrDefaultAsync(ct);
        if (owner is null) throw new ChainRuleException("UnknownOwner");

        lead.CompanyName = request.CompanyName.Trim();
        lead.HqCity = request.HqCity?.Trim() ?? "";
        lead.SizeClass = request.SizeClass;
        lead.ContactName = request.ContactName?.Trim() ?? "";
        lead.ContactPhone = request.ContactPhone?.Trim() ?? "";
        lead.Source = request.Source?.Trim() ?? "";
        lead.OwnerId = owner.Id;
        lead.OwnerName = owner.DisplayName is { Length: > 0 } n ? n : owner.UserName ?? "";
        lead.ExpectedInvestmentFen = request.ExpectedInvestmentFen;
        lead.ExpectedJobs = request.ExpectedJobs;
        lead.ExpectedTaxFen = request.ExpectedTaxFen;
        lead.NextStep = request.NextStep?.Trim() ?? "";
        lead.NextStepDueOn = request.NextStepDueOn;
        lead.Segments.RemoveAll(s => !segmentIds.Contains(s.SegmentId));
        foreach (var s in segmentIds.Where(s => lead.Segments.All(x => x.SegmentId != s)))
            lead.Segments.Add(new LeadSegment { SegmentId = s });
    }

    /// <summary>
    /// Moves an active lead to another active stage. A stage at or past the landing stage needs the lead registered
    /// first (<see cref="RegisterAsync"/>); a registered lead does not go back before it.
    /// </summary>
    public async Task<bool> MoveAsync(int id, MoveLeadRequest request, CancellationToken ct = default)
    {
        await ChainAccess.RequireWriteAsync(authorization, current);
        var lead = await db.Set<Lead>().Include(l => l.Stage).SingleOrDefaultAsync(l => l.Id == id, ct);
        if (lead is null) return false;
        if (request.Version is { } v) ChainAccess.CheckVersion(db, lead, v);
        if (lead.Status != LeadStatus.Active) throw new ChainConflictException("LeadNotActive");
        var stage = await db.Set<LeadStage>().SingleOrDefaultAsync(s => s.Id == request.StageId && s.IsActive, ct)
            ?? throw new ChainRuleException("UnknownStage");
        var landing = await db.Set<LeadStage>().SingleAsync(s => s.IsLanding && s.IsActive, ct);
        if (stage.Id == lead.StageId) throw new ChainConflictException("SameStage");
        if (lead.EnterpriseId is null && stage.SortOrder >= landing.SortOrder) throw new ChainConflictException("RegisterFirst", landing.DisplayName(Platform.Localization.ZoneCultures.IsChinese));
        if (lead.EnterpriseId is not null && stage.SortOrder < landing.SortOrder) throw new ChainConflictException("AlreadyRegistered");
        lead.Events.Add(Event(LeadEventKind.Moved, lead.StageId, stage.Id, request.Note?.Trim() ?? ""));
        lead.StageId = stage.Id;
        lead.LastActivityUtc = Now;
        await ChainAccess.SaveAsync(db, ct);
        await SyncTodoAsync(lead, ct);
        return true;
    }

    /// <summary>Marks an active lead lost; the reason is kept on the lead and in its history.</summary>
    public async Task<bool> LoseAsync(int id, LoseLeadRequest request, CancellationToken ct = default)
    {
        await ChainAccess.RequireWriteAsync(authorization, current);
        var lead = await db.Set<Lead>().SingleOrDefaultAsync(l => l.Id == id, ct);
        if (lead is null) return false;
        if (request.Version is { } v) ChainAccess.CheckVersion(db, lead, v);
        if (string.IsNullOrWhiteSpace(request.Reason)) throw new ChainRuleException("ReasonRequired");
        if (lead.Status != LeadStatus.Active) throw new ChainConflictException("LeadNotActive");
        if (lead.EnterpriseId is not null) throw new ChainConflictException("AlreadyRegistered");
        lead.Status = LeadStatus.Lost;
        lead.LostReason = request.Reason.Trim();
        lead.LastActivityUtc = Now;
        lead.Events.Add(Event(LeadEventKind.Lost, lead.StageId, null, lead.LostReason));
        await ChainAccess.SaveAsync(db, ct);
        await SyncTodoAsync(lead, ct);
        return true;
    }

    /// <summary>Takes a lost lead up again, at the stage it was lost at; the lost reason stays in the history.</summary>
    public async Task<bool> ReopenAsync(int id, LoseLeadRequest request, CancellationToken ct = default)
    {
        await ChainAccess.RequireWriteAsync(authorization, current);
        var lead = await db.Set<Lead>().SingleOrDefaultAsync(l => l.Id == id, ct);
        if (lead is null) return false;
        if (request.Version is { } v) ChainAccess.CheckVersion(db, lead, v);
        if (lead.Status != LeadStatus.Lost) throw new ChainConflictException("LeadNotLost");
        lead.Status = LeadStatus.Active;
        lead.LostReason = null;
        lead.LastActivityUtc = Now;
        lead.Events.Add(Event(LeadEventKind.Reopened, null, lead.StageId, request.Reason.Trim()));
        await ChainAccess.SaveAsync(db, ct);
        await SyncTodoAsync(lead, ct);
        return true;
    }

    /// <summary>
    /// 注册落地: the lead's company registers in the zone. The enterprise is created through the registry's use case
    /// (name, size and contact taken from the lead, the rest from the request), tagged to the lead's segments, and the
    /// lead moves to the landing stage linked to it — all in one transaction, so a refused credit code changes
    /// nothing. Returns the new enterprise's id; null when there is no such lead.
    /// </summary>
    public async Task<int?> RegisterAsync(int id, RegisterLeadRequest request, CancellationToken ct = default)
    {
        await ChainAccess.RequireWriteAsync(authorization, current);
        var lead = await db.Set<Lead>().AsNoTracking().Include(l => l.Segments).SingleOrDefaultAsync(l => l.Id == id, ct);
        if (lead is null) return null;
        if (request.Version is { } v && v != lead.Version) throw new Platform.ConflictException("ConcurrencyConflict");
        if (lead.Status != LeadStatus.Active) throw new ChainConflictException("LeadNotActive");
        if (lead.EnterpriseId is not null) throw new ChainConflictException("AlreadyRegistered");
        if (!Enum.IsDefined(request.Role)) throw new ChainRuleException("UnknownRole");
        var landing = await db.Set<LeadStage>().AsNoTracking().SingleAsync(s => s.IsLanding && s.IsActive, ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var enterpriseId = await enterprises.CreateLandedAsync(new EnterpriseRequest
        {
            CreditCode = request.CreditCode,
            Name = string.IsNullOrWhiteSpace(request.Name) ? lead.CompanyName : request.Name.Trim(),
            LegalRepresentative = request.LegalRepresentative,
            RegisteredCapitalFen = request.RegisteredCapitalFen,
            FoundedOn = request.FoundedOn,
            ParkId = request.ParkId,
            Address = request.Address,
            IndustryCode = request.IndustryCode,
            SizeClass = lead.SizeClass,
            Status = EnterpriseStatus.Registered,
        }, lead.ContactName == "" ? null : new ContactRequest { Name = lead.ContactName, Phone = lead.ContactPhone, IsPrimary = true });

        var tracked = await db.Set<Lead>().SingleAsync(l => l.Id == id, ct);
        db.Entry(tracked).Property(l => l.Version).OriginalValue = lead.Version;
        var from = tracked.StageId;
        tracked.EnterpriseId = enterpriseId;
        tracked.StageId = landing.Id;
        tracked.LastActivityUtc = Now;
        db.Add(Event(LeadEventKind.Registered, from, landing.Id, request.CreditCode.Trim().ToUpperInvariant(), id));
        chains.AddTags(enterpriseId, lead.Segments.Select(s => s.SegmentId), request.Role);
        await ChainAccess.SaveAsync(db, ct);
        await transaction.CommitAsync(ct);
        await SyncTodoAsync(tracked, ct);
        return enterpriseId;
    }

    /// <summary>The leads that became the enterprise, with their history (the enterprise's timeline).</summary>
    internal async Task<IReadOnlyList<(Lead Lead, IReadOnlyDictionary<int, string> Stages)>> OfEnterpriseAsync(int enterpriseId, bool chinese, CancellationToken ct)
    {
        var leads = await db.Set<Lead>().AsNoTracking().Include(l => l.Events).Where(l => l.EnterpriseId == enterpriseId).ToListAsync(ct);
        if (leads.Count == 0) return [];
        var stages = await db.Set<LeadStage>().AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.DisplayName(chinese), ct);
        return leads.Select(l => (l, (IReadOnlyDictionary<int, string>)stages)).ToList();
    }

    LeadEvent Event(LeadEventKind kind, int? from, int? to, string note, int leadId = 0) =>
        new() { LeadId = leadId, Kind = kind, FromStageId = from, ToStageId = to, Note = note, ByUserName = current.DisplayName, AtUtc = Now };

    public static string TodoKey(int leadId) => $"lead:{leadId}:next-step";

    /// <summary>The to-do's title in one language: "下一步：… — company".</summary>
    public static string TodoTitle(Lead lead, string culture)
    {
        var c = System.Globalization.CultureInfo.GetCultureInfo(culture);
        return string.Format(c, ChainStrings.ResourceManager.GetString(nameof(ChainStrings.Todo_NextStep), c)!, lead.NextStep, lead.CompanyName);
    }

    /// <summary>A next step is due by the end of its day in zone time.</summary>
    public static DateTime TodoDueUtc(ZoneTime time, DateOnly due) => time.StartOfDayUtc(due.AddDays(1));

    /// <summary>
    /// The owner's to-do for the lead's next step: open (with its due date, so the inbox shows it overdue once past)
    /// while the lead is worked on and has a next step, done otherwise.
    /// </summary>
    async Task SyncTodoAsync(Lead lead, CancellationToken ct)
    {
        var final = await FinalStageIdAsync(ct);
        if (lead.Status == LeadStatus.Active && lead.StageId != final && lead.NextStep != "" && lead.NextStepDueOn is { } due)
        {
            await inbox.OpenAsync(new InboxItemRequest(Modules.Chains, TodoKey(lead.Id), TodoTitle(lead, "zh-CN"), TodoTitle(lead, "en"),
                $"/leads/{lead.Id}", TodoDueUtc(time, due), UserId: lead.OwnerId), ct);
        }
        else await inbox.CompleteAsync(Modules.Chains, TodoKey(lead.Id), ct);
    }
}
