using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using TechZone.Data;
using TechZone.Pipelines.Gis;
using TechZone.Platform.Background;
using TechZone.Pipelines.Resources;
using TechZone.Platform.Api;
using TechZone.Platform.Inbox;
using TechZone.Platform.Zone;

namespace TechZone.Pipelines;

/// <summary>
/// Excavation requests (开挖申请), the loop's first half: filed with a work area, checked at once against the registry
/// by the conflict index, answered by each owner of a conflicting pipe segment by a due date (escalated when late),
/// then approved with a permit or refused by staff.
/// </summary>
public sealed class ExcavationService(ZoneDb db, PipelineAccessService access, PipelineIndex index, RegistryService registry, AsBuiltService asBuilt,
    IEnterpriseDirectory enterprises, InboxService inbox, NotificationService notifications, ZoneCrs zoneCrs, TimeProvider clock, ILogger<ExcavationService> log)
{
    // ---- the check --------------------------------------------------------------------------------------------

    /// <summary>The conflicts of a work area now, without filing anything (the form's preview and the API's check).</summary>
    public async Task<CheckResult> CheckAsync(CheckRequest r, bool chinese, CancellationToken ct = default)
    {
        await RequireFilerAsync();
        var area = ParseArea(r.Area);
        var (state, hits) = await ConflictsAsync(area, ct);
        return new CheckResult(state.Index.Version, await ConflictItemsAsync(hits.Select(h => new ExcavationConflict
        {
            SegmentId = h.SegmentId, NetworkId = h.NetworkId, DistanceM = h.DistanceM, ClearanceM = h.ClearanceM,
            OwnerEnterpriseId = NullIfNone(h.OwnerEnterpriseId), OwnerUtilityId = NullIfNone(h.OwnerUtilityId),
        }).ToList(), chinese, ct, state));
    }

    async Task<(PipelineIndex.State State, List<ConflictHit> Hits)> ConflictsAsync(Geometry area, CancellationToken ct)
    {
        var state = await index.CurrentAsync(db, ct);
        var hits = state.Index.Check(area, state.Clearances);
        hits.Sort((a, b) => a.DistanceM != b.DistanceM ? a.DistanceM.CompareTo(b.DistanceM) : a.SegmentId.CompareTo(b.SegmentId));
        return (state, hits);
    }

    static int? NullIfNone(int id) => id == IndexedSegment.None ? null : id;

    /// <summary>A work area from GeoJSON (WGS84): a valid polygon or multipolygon of sensible size, in zone metres.</summary>
    public Geometry ParseArea(string json)
    {
        var g = PipeGeometry.ParseGeoJson(json);
        if (g is not (Polygon or MultiPolygon) || g.IsEmpty) throw new PipelineRuleException("AreaExpected");
        var e = g.EnvelopeInternal;
        if (e.MinX < -180 || e.MaxX > 180 || e.MinY < -90 || e.MaxY > 90) throw new PipelineRuleException("AreaNotLonLat");
        if (!g.IsValid) throw new PipelineRuleException("AreaInvalid");
        var zone = zoneCrs.ToZone(g, CrsCatalog.Wgs84);
        if (!zoneCrs.Covers(zone.EnvelopeInternal)) throw new PipelineRuleException("OutsideZone");
        if (zone.Area > PipelineLimits.MaxWorkArea) throw new PipelineRuleException("AreaTooLarge", PipelineLimits.MaxWorkArea);
        return zone;
    }

    // ---- filing -----------------------------------------------------------------------------------------------

    public async Task<int> FileAsync(ExcavationFileRequest r, bool chinese, CancellationToken ct = default)
    {
        await RequireFilerAsync();
        var area = ParseArea(r.Area);
        if (r.EndOn < r.StartOn) throw new PipelineRuleException("Dates");
        var (applicantId, applicantName) = await ApplicantAsync(r, ct);
        var (state, hits) = await ConflictsAsync(area, ct);
        var version = state.Index.Version;
        var now = clock.GetUtcNow().UtcDateTime;
        var e = area.EnvelopeInternal;
        var request = new ExcavationRequest
        {
            Number = Guid.NewGuid().ToString("N"), ApplicantEnterpriseId = applicantId, ApplicantName = applicantName,
            FiledByUserId = access.User.UserId ?? "", Title = r.Title.Trim(), AreaWkb = PipeGeometry.ToWkb(area),
            MinX = e.MinX, MinY = e.MinY, MaxX = e.MaxX, MaxY = e.MaxY, DepthM = r.DepthM!.Value, Method = r.Method!.Value,
            StartOn = r.StartOn!.Value, EndOn = r.EndOn!.Value, ContactName = r.ContactName.Trim(), ContactPhone = r.ContactPhone.Trim(),
            Status = ExcavationStatus.UnderReview, FiledUtc = now, CheckedAtVersion = version,
        };
        var codes = await db.Set<PipeSegment>().AsNoTracking().Where(s => hits.Select(h => h.SegmentId).Contains(s.Id))
            .Select(s => new { s.Id, s.Code }).ToDictionaryAsync(s => s.Id, s => s.Code, ct);
        foreach (var h in hits)
            request.Conflicts.Add(new ExcavationConflict
            {
                SegmentId = h.SegmentId, SegmentCode = codes.GetValueOrDefault(h.SegmentId, ""), NetworkId = h.NetworkId, DistanceM = Math.Round(h.DistanceM, 2),
                ClearanceM = h.ClearanceM, OwnerEnterpriseId = NullIfNone(h.OwnerEnterpriseId), OwnerUtilityId = NullIfNone(h.OwnerUtilityId),
            });
        // One answer per owner, whatever number of its pipe segments the area touches.
        foreach (var owner in request.Conflicts.Select(c => (c.OwnerEnterpriseId, c.OwnerUtilityId)).Distinct())
            request.Answers.Add(new OwnerAnswer { OwnerEnterpriseId = owner.OwnerEnterpriseId, OwnerUtilityId = owner.OwnerUtilityId, DueUtc = now.AddDays(PipelineLimits.AnswerDays) });

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(request);
        await db.SaveChangesAsync(ct);
        request.Number = $"KW{now:yyyy}-{request.Id:D5}";
        await db.SaveChangesAsync(ct);
        foreach (var answer in request.Answers) await AskOwnerAsync(request, answer, ct);
        await tx.CommitAsync(ct);
        return request.Id;
    }

    async Task<(int? Id, string Name)> ApplicantAsync(ExcavationFileRequest r, CancellationToken ct)
    {
        if (access.OwnEnterprise is { } own)
            return (own, (await enterprises.NamesAsync([own])).GetValueOrDefault(own, ""));
        if (r.ApplicantEnterpriseId is { } id)
            return (await enterprises.NamesAsync([id])).TryGetValue(id, out var name) ? (id, name) : throw new PipelineRuleException("ApplicantUnknown");
        if (!string.IsNullOrWhiteSpace(r.ApplicantName)) return (null, r.ApplicantName.Trim());
        throw new PipelineRuleException("ApplicantMissing");
    }

    /// <summary>The owner's to-do and notification: an enterprise's portal users, or the utility's responsible department.</summary>
    async Task AskOwnerAsync(ExcavationRequest request, OwnerAnswer answer, CancellationToken ct)
    {
        var link = $"/pipelines/requests/{request.Id}";
        var title = (Text("Inbox_Answer", true, request.Number, request.Title), Text("Inbox_Answer", false, request.Number, request.Title));
        var users = await AnswerersAsync(answer, ct);
        if (answer.OwnerUtilityId is { } u)
        {
            var department = await db.Set<Utility>().Where(x => x.Id == u).Select(x => x.DepartmentId).SingleAsync(ct);
            await inbox.OpenAsync(new InboxItemRequest(Modules.Pipelines, AnswerKey(answer.Id), title.Item1, title.Item2, link, answer.DueUtc, DepartmentId: department), ct);
        }
        else
            foreach (var user in users)
                await inbox.OpenAsync(new InboxItemRequest(Modules.Pipelines, AnswerKey(answer.Id, user), title.Item1, title.Item2, link, answer.DueUtc, UserId: user), ct);
        await notifications.NotifyAsync(users, new NotificationMessage(
            Text("Notify_Conflict_Title", true, request.Number, request.Title), Text("Notify_Conflict_Title", false, request.Number, request.Title),
            Text("Notify_Conflict_Body", true, request.Number, request.Title), Text("Notify_Conflict_Body", false, request.Number, request.Title), link), ct: ct);
    }

    /// <summary>Who may answer for an owner: the enterprise's active portal users, or the utility department's staff.</summary>
    async Task<List<string>> AnswerersAsync(OwnerAnswer answer, CancellationToken ct)
    {
        if (answer.OwnerEnterpriseId is { } e)
            return await db.Users.AsNoTracking().Where(x => x.EnterpriseId == e && !x.IsDisabled).Select(x => x.Id).ToListAsync(ct);
        var department = await db.Set<Utility>().Where(x => x.Id == answer.OwnerUtilityId).Select(x => x.DepartmentId).SingleAsync(ct);
        return await db.Users.AsNoTracking().Where(x => x.DepartmentId == department && x.EnterpriseId == null && !x.IsDisabled).Select(x => x.Id).ToListAsync(ct);
    }

    static string AnswerKey(long answerId, string? user = null) => user is null ? $"answer:{answerId}" : $"answer:{answerId}:{user}";
    static string EscalationKey(long answerId, string user) => $"escalation:{answerId}:{user}";

    static string Text(string key, bool chinese, params object[] args) => PipelineLabels.Text(key, chinese, args);

    // ---- reading ----------------------------------------------------------------------------------------------

    /// <summary>Requests the caller may see: all for the module's readers; for an enterprise, its own and those it must answer.</summary>
    IQueryable<ExcavationRequest> Visible() => access.Visible(db.Set<ExcavationRequest>().AsNoTracking());

    public async Task<PagedResult<ExcavationSummary>> ListAsync(ExcavationQuery query, CancellationToken ct = default)
    {
        await RequireViewerAsync();
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var q = Visible();
        if (query.Status is { } s) q = q.Where(r => r.Status == s);
        var total = await q.CountAsync(ct);
        var rows = await Summaries(q.OrderByDescending(r => r.FiledUtc).ThenByDescending(r => r.Id).Skip((page - 1) * size).Take(size), ct);
        return new PagedResult<ExcavationSummary>(rows, total, page, size);
    }

    static Task<List<ExcavationSummary>> Summaries(IQueryable<ExcavationRequest> q, CancellationToken ct) =>
        q.Select(r => new ExcavationSummary(r.Id, r.Number, r.Title, r.ApplicantName, r.Status, r.StartOn, r.EndOn, r.Conflicts.Count,
            r.Answers.Count(a => a.Code != null), r.Answers.Count, r.FiledUtc, r.PermitUntil)).ToListAsync(ct);

    public async Task<ExcavationDetail?> GetAsync(int id, bool chinese, CancellationToken ct = default)
    {
        await RequireViewerAsync();
        var r = await Visible().Include(x => x.Conflicts).Include(x => x.Answers).AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var owners = await registry.OwnerNamesAsync(r.Answers.Select(a => (a.OwnerEnterpriseId, a.OwnerUtilityId)), chinese, ct);
        var utilityDepartments = await db.Set<Utility>().AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DepartmentId, ct);
        var answers = r.Answers.OrderBy(a => owners[(a.OwnerEnterpriseId, a.OwnerUtilityId)].Name, StringComparer.Ordinal).Select(a =>
            new OwnerAnswerItem(a.Id, owners[(a.OwnerEnterpriseId, a.OwnerUtilityId)], PipelineLabels.Utc(a.DueUtc), a.Code, a.Note,
                a.AnsweredUtc is { } t ? PipelineLabels.Utc(t) : null, a.AnsweredBy, a.Code is null && a.DueUtc < now, a.EscalatedUtc is not null,
                r.Status == ExcavationStatus.UnderReview && MayAnswer(a, utilityDepartments))).ToList();
        var zone = PipeGeometry.FromWkb(r.AreaWkb);
        var canDecide = r.Status == ExcavationStatus.UnderReview && access.OwnEnterprise is null && await access.CanWriteAsync();
        var surveys = await asBuilt.SurveysAsync(r, chinese, ct);
        var canSubmit = await asBuilt.CanSubmitAsync(r, surveys.Any(s => s.Status == AsBuiltStatus.Submitted));
        return new ExcavationDetail(r.Id, r.Number, r.Title, r.ApplicantName, r.ApplicantEnterpriseId, r.Status, PipeGeometry.ToGeoJson(zoneCrs.ToWgs84(zone)),
            Math.Round(zone.Area, 1), r.DepthM, r.Method, r.StartOn, r.EndOn, r.ContactName, r.ContactPhone, PipelineLabels.Utc(r.FiledUtc), r.CheckedAtVersion,
            await ConflictItemsAsync(r.Conflicts.OrderBy(c => c.DistanceM).ThenBy(c => c.SegmentCode).ToList(), chinese, ct), answers,
            r.PermitNumber, r.PermitFrom, r.PermitUntil, r.Conditions, r.DecidedBy, r.DecidedUtc is { } d ? PipelineLabels.Utc(d) : null, r.Version, canDecide,
            surveys, canSubmit, r.ClosedUtc is { } closed ? PipelineLabels.Utc(closed) : null);
    }

    /// <summary>The work area as a map layer (one feature), for whoever may see the request.</summary>
    public async Task<string?> AreaMapAsync(int id, CancellationToken ct = default)
    {
        await RequireViewerAsync();
        var r = await Visible().Where(x => x.Id == id).Select(x => new { x.Number, x.AreaWkb }).SingleOrDefaultAsync(ct);
        if (r is null) return null;
        var wgs = PipeGeometry.ToGeoJson(zoneCrs.ToWgs84(PipeGeometry.FromWkb(r.AreaWkb)));
        return Platform.Map.MapFeatures.ToGeoJson([new Platform.Map.MapFeature(wgs, r.Number, null, "#d32f2f", "#ef9a9a")]);
    }

    bool MayAnswer(OwnerAnswer a, IReadOnlyDictionary<int, int> utilityDepartments)
    {
        var user = access.User;
        if (a.OwnerEnterpriseId is { } e) return user.IsEnterprise && user.EnterpriseId == e;
        return a.OwnerUtilityId is { } u && user.IsStaff && user.DepartmentId is { } dep && utilityDepartments.GetValueOrDefault(u) == dep;
    }

    /// <summary>The conflicts in words; a fresh check passes its index state, whose network names save a query.</summary>
    async Task<IReadOnlyList<ConflictItem>> ConflictItemsAsync(IReadOnlyList<ExcavationConflict> conflicts, bool chinese, CancellationToken ct,
        PipelineIndex.State? state = null)
    {
        var networks = state?.Networks ?? await db.Set<PipeNetwork>().AsNoTracking().ToDictionaryAsync(n => n.Id, ct);
        var owners = await registry.OwnerNamesAsync(conflicts.Select(c => (c.OwnerEnterpriseId, c.OwnerUtilityId)), chinese, ct);
        var missing = conflicts.Where(c => c.SegmentCode.Length == 0).Select(c => c.SegmentId).ToList();
        var codes = missing.Count == 0 ? new Dictionary<int, string>() : await db.Set<PipeSegment>().AsNoTracking().Where(s => missing.Contains(s.Id))
            .Select(s => new { s.Id, s.Code }).ToDictionaryAsync(s => s.Id, s => s.Code, ct);
        return conflicts.Select(c => new ConflictItem(c.SegmentId, c.SegmentCode.Length > 0 ? c.SegmentCode : codes.GetValueOrDefault(c.SegmentId, ""), c.NetworkId,
            networks.TryGetValue(c.NetworkId, out var n) ? n.DisplayName(chinese) : "", Math.Round(c.DistanceM, 2), c.ClearanceM, owners[(c.OwnerEnterpriseId, c.OwnerUtilityId)])).ToList();
    }

    // ---- answers and decisions -------------------------------------------------------------------------------

    public async Task<bool> AnswerAsync(int requestId, long answerId, AnswerRequest r, CancellationToken ct = default)
    {
        await RequireViewerAsync();
        if (!await Visible().AnyAsync(x => x.Id == requestId, ct)) return false;
        var answer = await db.Set<OwnerAnswer>().Include(a => a.Request).SingleOrDefaultAsync(a => a.Id == answerId && a.RequestId == requestId, ct);
        if (answer is null) return false;
        var departments = await db.Set<Utility>().AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DepartmentId, ct);
        if (!MayAnswer(answer, departments)) throw new PipelineForbiddenException();
        var request = answer.Request!;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        answer.Answer(r.Code!.Value, r.Note?.Trim() ?? "", access.User.DisplayName, clock.GetUtcNow().UtcDateTime);
        await SaveAsync(ct);
        foreach (var user in await AnswerersAsync(answer, ct)) await inbox.CompleteAsync(Modules.Pipelines, AnswerKey(answer.Id, user), ct);
        await inbox.CompleteAsync(Modules.Pipelines, AnswerKey(answer.Id), ct);
        await CompleteEscalationsAsync(answer.Id, ct);
        if (request.FiledByUserId.Length > 0)
            await notifications.NotifyAsync([request.FiledByUserId], new NotificationMessage(
                Text("Notify_Answered_Title", true, request.Number, request.Title), Text("Notify_Answered_Title", false, request.Number, request.Title),
                Text("Notify_Answered_Body", true, request.Number, PipelineLabels.Response(r.Code.Value, PipelineLabels.Chinese)),
                Text("Notify_Answered_Body", false, request.Number, PipelineLabels.Response(r.Code.Value, PipelineLabels.English)),
                $"/pipelines/requests/{request.Id}"), ct: ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<bool> ApproveAsync(int id, ApproveRequest r, CancellationToken ct = default)
    {
        await access.RequireWriteAsync();
        var request = await db.Set<ExcavationRequest>().Include(x => x.Answers).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (request is null) return false;
        if (r.Version != request.Version) throw new PipelineConflictException("Stale");
        request.Approve("XK" + request.Number[2..], r.PermitFrom!.Value, r.PermitUntil!.Value, r.Conditions?.Trim() ?? "", access.User.DisplayName, clock.GetUtcNow().UtcDateTime);
        await DecidedAsync(request, "Notify_Approved_Title", ct);
        return true;
    }

    public async Task<bool> RefuseAsync(int id, RefuseRequest r, CancellationToken ct = default)
    {
        await access.RequireWriteAsync();
        var request = await db.Set<ExcavationRequest>().Include(x => x.Answers).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (request is null) return false;
        if (r.Version != request.Version) throw new PipelineConflictException("Stale");
        request.Refuse(r.Reason.Trim(), access.User.DisplayName, clock.GetUtcNow().UtcDateTime);
        await DecidedAsync(request, "Notify_Refused_Title", ct);
        return true;
    }

    async Task DecidedAsync(ExcavationRequest request, string titleKey, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await SaveAsync(ct);
        // Open answers are moot once decided: their to-dos go.
        foreach (var a in request.Answers.Where(a => a.Code is null))
        {
            foreach (var user in await AnswerersAsync(a, ct)) await inbox.CompleteAsync(Modules.Pipelines, AnswerKey(a.Id, user), ct);
            await inbox.CompleteAsync(Modules.Pipelines, AnswerKey(a.Id), ct);
            await CompleteEscalationsAsync(a.Id, ct);
        }
        if (request.FiledByUserId.Length > 0)
            await notifications.NotifyAsync([request.FiledByUserId], new NotificationMessage(
                Text(titleKey, true, request.Number, request.Title), Text(titleKey, false, request.Number, request.Title),
                request.Conditions, request.Conditions, $"/pipelines/requests/{request.Id}"), ct: ct);
        await tx.CommitAsync(ct);
    }

    async Task CompleteEscalationsAsync(long answerId, CancellationToken ct)
    {
        foreach (var head in await HeadsAsync(ct)) await inbox.CompleteAsync(Modules.Pipelines, EscalationKey(answerId, head), ct);
    }

    async Task SaveAsync(CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new PipelineConflictException("Stale"); }
    }

    // ---- board and escalation -----------------------------------------------------------------------------------

    public async Task<PipelineBoard> BoardAsync(bool chinese, CancellationToken ct = default)
    {
        await access.RequireReadAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var all = db.Set<ExcavationRequest>().AsNoTracking();
        var open = await Summaries(all.Where(r => r.Status == ExcavationStatus.UnderReview).OrderBy(r => r.FiledUtc).Take(100), ct);
        var permits = await Summaries(all.Where(r => r.Status == ExcavationStatus.Approved).OrderBy(r => r.PermitUntil).Take(100), ct);
        var toReview = await Summaries(all.Where(r => r.Surveys.Any(s => s.Status == AsBuiltStatus.Submitted)).OrderBy(r => r.Id).Take(100), ct);
        var overdue = await db.Set<OwnerAnswer>().AsNoTracking()
            .Where(a => a.Code == null && a.DueUtc < now && a.Request!.Status == ExcavationStatus.UnderReview)
            .OrderBy(a => a.DueUtc).Take(100)
            .Select(a => new { a.Id, a.RequestId, a.Request!.Number, a.Request.Title, a.OwnerEnterpriseId, a.OwnerUtilityId, a.DueUtc, a.EscalatedUtc }).ToListAsync(ct);
        var owners = await registry.OwnerNamesAsync(overdue.Select(a => (a.OwnerEnterpriseId, a.OwnerUtilityId)), chinese, ct);
        return new PipelineBoard(open, overdue.Select(a => new OverdueAnswer(a.Id, a.RequestId, a.Number, a.Title, owners[(a.OwnerEnterpriseId, a.OwnerUtilityId)],
            PipelineLabels.Utc(a.DueUtc), a.EscalatedUtc is not null)).ToList(), permits, toReview);
    }

    /// <summary>The heads of the departments that write Pipelines (规划建设): they chase late owners.</summary>
    async Task<List<string>> HeadsAsync(CancellationToken ct)
    {
        var departments = db.DepartmentGrants.Where(g => g.Module == Modules.Pipelines && g.Access == ModuleAccess.Write).Select(g => g.DepartmentId);
        return await db.Users.AsNoTracking().Where(u => u.DepartmentId != null && departments.Contains(u.DepartmentId.Value) && u.IsDepartmentHead && !u.IsDisabled)
            .Select(u => u.Id).ToListAsync(ct);
    }

    /// <summary>
    /// Marks every open answer past its due date once and tells the Pipelines departments' heads (to-do and
    /// notification). Safe on several instances: the answer's version lets only one of them escalate it.
    /// </summary>
    public async Task<int> EscalateOverdueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Set<OwnerAnswer>().Include(a => a.Request)
            .Where(a => a.Code == null && a.EscalatedUtc == null && a.DueUtc < now && a.Request!.Status == ExcavationStatus.UnderReview)
            .OrderBy(a => a.DueUtc).Take(500).ToListAsync(ct);
        var heads = await HeadsAsync(ct);
        var escalated = 0;
        foreach (var a in due)
        {
            var r = a.Request!;
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                a.EscalatedUtc = now;
                await db.SaveChangesAsync(ct);
                var link = $"/pipelines/requests/{r.Id}";
                foreach (var head in heads)
                    await inbox.OpenAsync(new InboxItemRequest(Modules.Pipelines, EscalationKey(a.Id, head), Text("Inbox_Escalation", true, r.Number, r.Title),
                        Text("Inbox_Escalation", false, r.Number, r.Title), link, a.DueUtc, UserId: head), ct);
                await notifications.NotifyAsync(heads, new NotificationMessage(Text("Notify_Overdue_Title", true, r.Number, r.Title),
                    Text("Notify_Overdue_Title", false, r.Number, r.Title), Text("Notify_Overdue_Body", true, r.Number, r.Title),
                    Text("Notify_Overdue_Body", false, r.Number, r.Title), link), ct: ct);
                await tx.CommitAsync(ct);
                escalated++;
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear(); // another instance escalated it, or the owner answered meanwhile
            }
        }
        if (escalated > 0) log.LogInformation("Escalated {Count} overdue excavation answers", escalated);
        return escalated;
    }

    async Task RequireFilerAsync()
    {
        if (access.OwnEnterprise is not null) return;
        await access.RequireWriteAsync();
    }

    async Task RequireViewerAsync()
    {
        if (access.OwnEnterprise is not null) return;
        await access.RequireReadAsync();
    }
}

/// <summary>Sweeps overdue owner answers every few minutes (<c>Pipelines:EscalationMinutes</c>, default 5; 0 turns it off).</summary>
sealed class PipelineEscalationWorker(IServiceScopeFactory scopes, IConfiguration config, ILogger<PipelineEscalationWorker> log) : PeriodicWork(scopes, log)
{
    protected override TimeSpan Period => TimeSpan.FromMinutes(config.GetValue("Pipelines:EscalationMinutes", 5.0));
    protected override bool RunsAtStart => true;
    protected override string What => "Escalating overdue excavation answers";

    protected override Task RoundAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<ExcavationService>().EscalateOverdueAsync(ct);
}
