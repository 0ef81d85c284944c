using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform;
using TechZone.Platform.Calendar;
using TechZone.Platform.Files;
using TechZone.Platform.Zone;

namespace TechZone.SupportPolicies;

/// <summary>
/// Applications (申报) for items that are not 免申即享: the enterprise applies with the item's form and attachments, the
/// engine pre-checks, and the application goes through the policy's review stages — each stage's department passes,
/// returns for more material (the enterprise resubmits; every revision is kept) or rejects. A notice stage (公示) shows
/// it on the public page, where anyone may object; open objections keep it from passing. Reaching the disbursement
/// stage approves the award (<see cref="AwardService"/>), paid in tranches.
/// </summary>
public sealed class ApplicationService(ZoneDb db, FulfillmentAccess access, AwardService awards, PolicyEngineService engine, FileService files,
    IEnterpriseDirectory directory, ZoneTime time)
{
    Platform.Identity.CurrentUser Current => access.Current;

    static readonly JsonSerializerOptions Json = ApplicationForm.Json;

    // ---------------------------------------------------------------- stages

    public async Task<IReadOnlyList<StageDetail>?> StagesAsync(int policyId, bool chinese, CancellationToken ct = default)
    {
        var policy = await db.Set<Policy>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == policyId, ct);
        if (policy is null || !Current.IsInternal) return null;
        return await DetailsAsync(await access.StagesAsync(policy, ct), chinese, ct);
    }

    async Task<IReadOnlyList<StageDetail>> DetailsAsync(IReadOnlyList<PolicyStage> stages, bool chinese, CancellationToken ct)
    {
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => chinese || d.NameEn == "" ? d.Name : d.NameEn, ct);
        return stages.Select(s => new StageDetail(s.Number, s.Name, s.NameEn, s.Kind, s.DepartmentId, departments.GetValueOrDefault(s.DepartmentId, ""), s.NoticeDays)).ToList();
    }

    /// <summary>Replaces a policy's review stages (its lead department); refused while applications are open under the current ones.</summary>
    public async Task<bool> SetStagesAsync(int policyId, StagesRequest request, CancellationToken ct = default)
    {
        var policy = await db.Set<Policy>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == policyId, ct);
        if (policy is null) return false;
        if (!access.IsStaffOf(policy.DepartmentId)) throw new PolicyForbiddenException();
        FulfillmentValidation.Check(request.Stages);
        var departmentIds = request.Stages.Select(s => s.DepartmentId!.Value).Distinct().ToList();
        if (await db.Departments.CountAsync(d => departmentIds.Contains(d.Id), ct) != departmentIds.Count) throw new PolicyRuleException("DepartmentNotFound");
        if (await db.Set<PolicyApplication>().AnyAsync(a => a.PolicyId == policyId
                && (a.State == ApplicationState.InReview || a.State == ApplicationState.Returned), ct))
            throw new PolicyConflictException("StagesInUse");
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.RemoveRange(await db.Set<PolicyStage>().Where(s => s.PolicyId == policyId).ToListAsync(ct));
            await db.SaveChangesAsync(ct);
            var n = 0;
            foreach (var s in request.Stages)
                db.Add(new PolicyStage
                {
                    PolicyId = policyId, Number = ++n, Name = s.Name.Trim(), NameEn = s.NameEn?.Trim() ?? "", Kind = s.Kind, DepartmentId = s.DepartmentId!.Value,
                    NoticeDays = s.Kind == StageKind.Notice ? s.NoticeDays : 0,
                });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        });
        return true;
    }

    // ---------------------------------------------------------------- applying

    async Task<(PolicyItem Item, Policy Policy, PolicyVersion Version)?> ItemInForceAsync(int itemId, CancellationToken ct)
    {
        var item = await db.Set<PolicyItem>().AsNoTracking().Include(i => i.PolicyVersion).ThenInclude(v => v!.Policy).SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null) return null;
        var active = await engine.ActiveItemsAsync(engine.DefaultFiscalYear, item.PolicyVersion!.PolicyId, ct);
        return active.Any(a => a.Item.Id == itemId) ? (item, item.PolicyVersion.Policy!, item.PolicyVersion) : null;
    }

    bool WindowOpen(PolicyItem item) =>
        (item.WindowOpensOn is not { } o || o <= time.Today) && (item.WindowClosesOn is not { } c || time.Today <= c);

    /// <summary>What the current enterprise fills in to apply for an item in force (null when there is no such item or it is 免申即享).</summary>
    public async Task<ApplyForm?> FormAsync(int itemId, bool chinese, CancellationToken ct = default)
    {
        if (Current.EnterpriseId is not { } eid) return null;
        if (await ItemInForceAsync(itemId, ct) is not var (item, policy, version) || item.NoApplication) return null;
        var open = await db.Set<PolicyApplication>().AsNoTracking()
            .Where(a => a.EnterpriseId == eid && a.PolicyId == policy.Id && a.PolicyItemId == itemId
                && (a.State == ApplicationState.InReview || a.State == ApplicationState.Returned))
            .Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
        return new ApplyForm(item.Id, item.DisplayTitle(chinese), policy.DisplayTitle(chinese), version.DocumentNumber, ApplicationForm.Parse(item.FormJson),
            WindowOpen(item), open, files.AllowedExtensions);
    }

    /// <summary>The current enterprise applies for an item; returns the application's id.</summary>
    public async Task<int> ApplyAsync(ApplyRequest request, bool chinese, CancellationToken ct = default)
    {
        if (!Current.IsEnterprise || Current.EnterpriseId is not { } eid) throw new PolicyForbiddenException();
        if (await ItemInForceAsync(request.ItemId ?? 0, ct) is not var (item, policy, version)) throw new PolicyRuleException("ItemNotInForce");
        if (item.NoApplication) throw new PolicyRuleException("NoApplicationItem");
        if (!WindowOpen(item)) throw new PolicyRuleException("WindowClosed");
        var year = engine.DefaultFiscalYear;
        var codes = db.Set<PolicyItem>().Where(i => i.Code == item.Code).Select(i => i.Id);
        if (await db.Set<PolicyApplication>().AnyAsync(a => a.EnterpriseId == eid && a.PolicyId == policy.Id && codes.Contains(a.PolicyItemId) && a.FiscalYear == year
                && a.State != ApplicationState.Rejected, ct))
            throw new PolicyConflictException("ApplicationExists");
        if (await db.Set<PolicyAward>().AnyAsync(a => a.PolicyId == policy.Id && a.ItemCode == item.Code && a.EnterpriseId == eid && a.FiscalYear == year
                && a.State != AwardState.Dropped, ct))
            throw new PolicyConflictException("AlreadyAwarded");
        var form = ApplicationForm.Parse(item.FormJson);
        var answers = FulfillmentValidation.Answers(form, request.Answers, chinese);
        var attachments = await AttachmentsAsync(form, request.Attachments, eid, ct);
        var stages = await access.StagesAsync(policy, ct);
        if (stages.Count == 0) throw new PolicyRuleException("NoStages");
        var check = await engine.ExplainItemAsync(item.Id, eid, year, chinese, ct);

        var now = DateTime.UtcNow;
        var application = new PolicyApplication
        {
            PolicyId = policy.Id, PolicyItemId = item.Id, PolicyVersionId = version.Id, EnterpriseId = eid, FiscalYear = year,
            State = ApplicationState.InReview, StageNumber = stages[0].Number, Revision = 1,
            AnswersJson = JsonSerializer.Serialize(answers, Json), AttachmentsJson = JsonSerializer.Serialize(attachments, Json),
            PrecheckVerdict = check?.Verdict ?? Verdict.Unknown, PrecheckBenefitFen = check?.BenefitFen, ApprovedFen = check?.BenefitFen,
            SubmittedUtc = now, UpdatedUtc = now,
        };
        await InTransactionAsync(async () =>
        {
            db.Add(application);
            await db.SaveChangesAsync(ct);
            AddRevision(application);
            access.Step(application.Id, application.StageNumber, ApplicationAction.Submitted);
            await db.SaveChangesAsync(ct);
            await access.OpenReviewTodoAsync(application, stages[0], item.Title, item.DisplayTitle(false), ct);
        }, ct);
        await NotifyStageAsync(application, stages[0], item, ct);
        return application.Id;
    }

    void AddRevision(PolicyApplication a) => db.Add(new PolicyApplicationRevision
    {
        ApplicationId = a.Id, Revision = a.Revision, AnswersJson = a.AnswersJson, AttachmentsJson = a.AttachmentsJson,
        PrecheckVerdict = a.PrecheckVerdict, PrecheckBenefitFen = a.PrecheckBenefitFen, SubmittedUtc = a.UpdatedUtc, SubmittedBy = Current.UserName ?? "",
    });

    /// <summary>The attachments, each a file of this enterprise in the store, of a type and size the item allows.</summary>
    async Task<List<ApplicationAttachment>> AttachmentsAsync(ApplicationForm form, IReadOnlyList<Guid> ids, int enterpriseId, CancellationToken ct)
    {
        if (ids.Count > FulfillmentLimits.MaxAttachments) throw new PolicyRuleException("AttachmentCount", form.MinAttachments, FulfillmentLimits.MaxAttachments);
        var list = new List<ApplicationAttachment>();
        foreach (var id in ids.Distinct())
        {
            var file = await files.GetAsync(id, ct);
            if (file is null || file.EnterpriseId != enterpriseId) throw new PolicyRuleException("AttachmentMissing");
            var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
            if (!form.AttachmentTypes.Contains(extension)) throw new PolicyRuleException("AttachmentType", file.FileName, string.Join(" ", form.AttachmentTypes));
            if (file.Size > form.AttachmentMaxBytes)
                throw new PolicyRuleException("AttachmentSize", file.FileName, Math.Round(form.AttachmentMaxBytes / 1024d / 1024d, 1));
            list.Add(new ApplicationAttachment(file.Id, file.FileName, file.Size));
        }
        if (list.Count < form.MinAttachments) throw new PolicyRuleException("AttachmentCount", form.MinAttachments, FulfillmentLimits.MaxAttachments);
        return list;
    }

    /// <summary>The enterprise sends a returned application back, edited: a new revision, at the stage that returned it.</summary>
    public async Task<bool> ResubmitAsync(int applicationId, ResubmitRequest request, bool chinese, CancellationToken ct = default)
    {
        if (!Current.IsEnterprise || Current.EnterpriseId is not { } eid) throw new PolicyForbiddenException();
        var application = await db.Set<PolicyApplication>().SingleOrDefaultAsync(a => a.Id == applicationId && a.EnterpriseId == eid, ct);
        if (application is null) return false;
        if (request.Version is not { } seen) throw new DomainException("VersionRequired");
        if (seen != application.Version) throw new ConflictException("ConcurrencyConflict");
        if (application.State != ApplicationState.Returned) throw new PolicyConflictException("NotReturned");
        var item = await db.Set<PolicyItem>().AsNoTracking().SingleAsync(i => i.Id == application.PolicyItemId, ct);
        var form = ApplicationForm.Parse(item.FormJson);
        var answers = FulfillmentValidation.Answers(form, request.Answers, chinese);
        var attachments = await AttachmentsAsync(form, request.Attachments, eid, ct);
        var check = await engine.ExplainItemAsync(item.Id, eid, application.FiscalYear, chinese, ct);
        var policy = await db.Set<Policy>().AsNoTracking().SingleAsync(p => p.Id == application.PolicyId, ct);
        var stage = (await access.StagesAsync(policy, ct)).Single(s => s.Number == application.StageNumber);

        application.Revision++;
        application.AnswersJson = JsonSerializer.Serialize(answers, Json);
        application.AttachmentsJson = JsonSerializer.Serialize(attachments, Json);
        application.PrecheckVerdict = check?.Verdict ?? Verdict.Unknown;
        application.PrecheckBenefitFen = check?.BenefitFen;
        application.ApprovedFen ??= check?.BenefitFen;
        application.State = ApplicationState.InReview;
        application.UpdatedUtc = DateTime.UtcNow;
        await InTransactionAsync(async () =>
        {
            AddRevision(application);
            access.Step(application.Id, application.StageNumber, ApplicationAction.Resubmitted, $"#{application.Revision}");
            await SaveAsync(ct);
            await access.CompleteEnterpriseTodosAsync(application, ct);
            await access.OpenReviewTodoAsync(application, stage, item.Title, item.DisplayTitle(false), ct);
        }, ct);
        await NotifyStageAsync(application, stage, item, ct);
        return true;
    }

    // ---------------------------------------------------------------- reviewing

    /// <summary>
    /// A reviewer of the application's current stage passes it (to the next stage), returns it for more material or
    /// rejects it with a reason. Passing the notice stage needs its period over and every objection resolved; reaching
    /// the disbursement stage approves the award within the budget.
    /// </summary>
    public async Task<bool> ReviewAsync(int applicationId, ReviewRequest request, CancellationToken ct = default)
    {
        var application = await db.Set<PolicyApplication>().SingleOrDefaultAsync(a => a.Id == applicationId, ct);
        if (application is null || !Current.IsInternal) return false;
        var policy = await db.Set<Policy>().AsNoTracking().SingleAsync(p => p.Id == application.PolicyId, ct);
        var stages = await access.StagesAsync(policy, ct);
        var stage = stages.Single(s => s.Number == application.StageNumber);
        if (!access.IsStaffOf(stage.DepartmentId)) throw new PolicyForbiddenException();
        if (request.Version is not { } seen) throw new DomainException("VersionRequired");
        if (seen != application.Version) throw new ConflictException("ConcurrencyConflict");
        if (application.State != ApplicationState.InReview) throw new PolicyConflictException("NotInReview");
        var item = await db.Set<PolicyItem>().AsNoTracking().SingleAsync(i => i.Id == application.PolicyItemId, ct);
        var comment = request.Comment?.Trim() ?? "";
        var now = DateTime.UtcNow;
        application.UpdatedUtc = now;

        switch (request.Action)
        {
            case ReviewAction.Return:
                if (stage.Kind != StageKind.Review) throw new PolicyRuleException("CannotReturnHere");
                if (comment == "") throw new PolicyRuleException("ReasonRequired");
                application.State = ApplicationState.Returned;
                await InTransactionAsync(async () =>
                {
                    access.Step(application.Id, stage.Number, ApplicationAction.Returned, comment);
                    await SaveAsync(ct);
                    await access.CompleteReviewTodoAsync(application.Id, ct);
                    await access.OpenEnterpriseTodosAsync(application, item.Title, item.DisplayTitle(false), ct);
                }, ct);
                await access.NotifyEnterpriseAsync(application.EnterpriseId, "Notify_Returned", $"/my/applications/{application.Id}",
                    [item.Title, comment], [item.DisplayTitle(false), comment], ct);
                return true;

            case ReviewAction.Reject:
                if (stage.Kind == StageKind.Disbursement) throw new PolicyRuleException("CannotRejectHere");
                if (comment == "") throw new PolicyRuleException("ReasonRequired");
                application.State = ApplicationState.Rejected;
                await InTransactionAsync(async () =>
                {
                    access.Step(application.Id, stage.Number, ApplicationAction.Rejected, comment);
                    await SaveAsync(ct);
                    await access.CompleteReviewTodoAsync(application.Id, ct);
                }, ct);
                await access.NotifyEnterpriseAsync(application.EnterpriseId, "Notify_Rejected", $"/my/applications/{application.Id}",
                    [item.Title, comment], [item.DisplayTitle(false), comment], ct);
                return true;
        }

        // Pass.
        if (stage.Kind == StageKind.Disbursement) throw new PolicyRuleException("PayToComplete");
        if (stage.Kind == StageKind.Notice)
        {
            if (application.NoticeEndsOn is { } end && time.Today < end) throw new PolicyRuleException("NoticeRunning", end.ToString("yyyy-MM-dd"));
            var open = await db.Set<PolicyObjection>().CountAsync(o => o.ApplicationId == application.Id && o.State == ObjectionState.Open, ct);
            if (open > 0) throw new PolicyConflictException("ObjectionsOpen", open);
        }
        if (request.ApprovedFen is { } amount) application.ApprovedFen = amount;
        var next = stages.First(s => s.Number > stage.Number);
        await access.LockedAsync(application.PolicyId, async () =>
        {
            access.Step(application.Id, stage.Number, ApplicationAction.Passed, comment);
            application.StageNumber = next.Number;
            if (next.Kind == StageKind.Notice)
            {
                application.NoticeStartsOn = time.Today;
                application.NoticeEndsOn = time.Today.AddDays(next.NoticeDays);
                access.Step(application.Id, next.Number, ApplicationAction.NoticeStarted, application.NoticeEndsOn.Value.ToString("yyyy-MM-dd"));
            }
            if (next.Kind == StageKind.Disbursement)
            {
                var approved = application.ApprovedFen is > 0 ? application.ApprovedFen.Value : throw new PolicyRuleException("AmountRequired");
                await awards.ApproveApplicationAsync(application, item.Code, approved, ct);
                access.Step(application.Id, next.Number, ApplicationAction.Approved, PolicyLabels.WanIn(approved, true));
            }
            await SaveAsync(ct);
            await access.OpenReviewTodoAsync(application, next, item.Title, item.DisplayTitle(false), ct);
            return true;
        }, ct);
        await access.NotifyEnterpriseAsync(application.EnterpriseId, "Notify_Passed", $"/my/applications/{application.Id}",
            [item.Title, stage.DisplayName(true), next.DisplayName(true)], [item.DisplayTitle(false), stage.DisplayName(false), next.DisplayName(false)], ct);
        await NotifyStageAsync(application, next, item, ct);
        return true;
    }

    Task NotifyStageAsync(PolicyApplication a, PolicyStage stage, PolicyItem item, CancellationToken ct) =>
        access.NotifyDepartmentAsync(stage.DepartmentId, "Notify_Review", $"/policies/applications/{a.Id}",
            [stage.DisplayName(true), item.Title, a.Id], [stage.DisplayName(false), item.DisplayTitle(false), a.Id], ct);

    // ---------------------------------------------------------------- public notice and objections

    /// <summary>Every application now in a notice stage, as the public page shows it: names, amounts, dates; nothing private.</summary>
    public async Task<IReadOnlyList<NoticeRow>> NoticesAsync(bool chinese, CancellationToken ct = default)
    {
        var candidates = await db.Set<PolicyApplication>().AsNoTracking()
            .Where(a => a.State == ApplicationState.InReview && a.NoticeStartsOn != null && a.NoticeEndsOn != null).ToListAsync(ct);
        var rows = new List<NoticeRow>();
        var policies = new Dictionary<int, (Policy Policy, IReadOnlyList<PolicyStage> Stages)>();
        foreach (var a in candidates)
        {
            if (!policies.TryGetValue(a.PolicyId, out var p))
            {
                var policy = await db.Set<Policy>().AsNoTracking().SingleAsync(x => x.Id == a.PolicyId, ct);
                policies[a.PolicyId] = p = (policy, await access.StagesAsync(policy, ct));
            }
            if (p.Stages.SingleOrDefault(s => s.Number == a.StageNumber)?.Kind != StageKind.Notice) continue;
            var item = await db.Set<PolicyItem>().AsNoTracking().Include(i => i.PolicyVersion).SingleAsync(i => i.Id == a.PolicyItemId, ct);
            rows.Add(new NoticeRow(a.Id, "", p.Policy.DisplayTitle(chinese), item.PolicyVersion!.DocumentNumber, item.DisplayTitle(chinese), a.ApprovedFen,
                a.NoticeStartsOn!.Value, a.NoticeEndsOn!.Value));
        }
        var names = await directory.NamesAsync(candidates.Select(a => a.EnterpriseId).Distinct());
        var byId = candidates.ToDictionary(a => a.Id, a => a.EnterpriseId);
        return rows.Select(r => r with { EnterpriseName = names.GetValueOrDefault(byId[r.ApplicationId], "") })
            .OrderBy(r => r.NoticeEndsOn).ThenBy(r => r.ApplicationId).ToList();
    }

    /// <summary>
    /// Anyone lodges an objection to an application in notice, before its period ends. A sender (by address, kept only
    /// as a hash) may lodge <see cref="FulfillmentLimits.ObjectionsPerHour"/> an hour. Null when the application is not in notice.
    /// </summary>
    public async Task<int?> ObjectAsync(int applicationId, ObjectionRequest request, string source, CancellationToken ct = default)
    {
        var notice = (await NoticesAsync(true, ct)).SingleOrDefault(n => n.ApplicationId == applicationId);
        if (notice is null) return null;
        if (time.Today > notice.NoticeEndsOn) throw new PolicyRuleException("NoticeOver", notice.NoticeEndsOn.ToString("yyyy-MM-dd"));
        var name = request.Name?.Trim() ?? "";
        var contact = request.Contact?.Trim() ?? "";
        var text = request.Text?.Trim() ?? "";
        if (name.Length < 2 || contact.Length < 5 || text.Length < 10) throw new PolicyRuleException("ObjectionIncomplete");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("objection:" + source)));
        var since = DateTime.UtcNow.AddHours(-1);
        if (await db.Set<PolicyObjection>().CountAsync(o => o.SourceHash == hash && o.LodgedUtc > since, ct) >= FulfillmentLimits.ObjectionsPerHour)
            throw new PolicyRateLimitedException();
        var application = await db.Set<PolicyApplication>().AsNoTracking().SingleAsync(a => a.Id == applicationId, ct);
        var policy = await db.Set<Policy>().AsNoTracking().SingleAsync(p => p.Id == application.PolicyId, ct);
        var stage = (await access.StagesAsync(policy, ct)).Single(s => s.Number == application.StageNumber);
        var objection = new PolicyObjection
        {
            ApplicationId = applicationId, Name = name, Contact = contact, Text = text, SourceHash = hash, LodgedUtc = DateTime.UtcNow, State = ObjectionState.Open,
        };
        await InTransactionAsync(async () =>
        {
            db.Add(objection);
            access.Step(applicationId, application.StageNumber, ApplicationAction.ObjectionLodged, "", "—");
            await db.SaveChangesAsync(ct);
            await access.OpenObjectionTodoAsync(objection, stage.DepartmentId, ct);
        }, ct);
        await access.NotifyDepartmentAsync(stage.DepartmentId, "Notify_Objection", $"/policies/applications/{applicationId}",
            [notice.ItemTitle, applicationId], [notice.ItemTitle, applicationId], ct);
        return objection.Id;
    }

    /// <summary>Staff of the notice stage's department resolve an objection, saying how.</summary>
    public async Task<bool> ResolveObjectionAsync(int objectionId, ReasonRequest request, CancellationToken ct = default)
    {
        var objection = await db.Set<PolicyObjection>().SingleOrDefaultAsync(o => o.Id == objectionId, ct);
        if (objection is null || !Current.IsInternal) return false;
        var application = await db.Set<PolicyApplication>().AsNoTracking().SingleAsync(a => a.Id == objection.ApplicationId, ct);
        var policy = await db.Set<Policy>().AsNoTracking().SingleAsync(p => p.Id == application.PolicyId, ct);
        var stage = (await access.StagesAsync(policy, ct)).Single(s => s.Number == application.StageNumber);
        if (!access.IsStaffOf(stage.DepartmentId)) throw new PolicyForbiddenException();
        if (objection.State != ObjectionState.Open) throw new PolicyConflictException("ObjectionResolved");
        var resolution = request.Reason?.Trim() ?? "";
        if (resolution == "") throw new PolicyRuleException("ReasonRequired");
        objection.State = ObjectionState.Resolved;
        objection.Resolution = resolution;
        objection.ResolvedBy = Current.UserName;
        objection.ResolvedUtc = DateTime.UtcNow;
        await InTransactionAsync(async () =>
        {
            access.Step(application.Id, application.StageNumber, ApplicationAction.ObjectionResolved, resolution);
            await SaveAsync(ct);
            await access.CompleteObjectionTodoAsync(objectionId, ct);
        }, ct);
        return true;
    }

    // ---------------------------------------------------------------- reading

    /// <summary>
    /// Applications: an enterprise user its own; staff those of the policies they may read (of one policy when given),
    /// or only those waiting at a stage of their department when <paramref name="waitingForMe"/>.
    /// </summary>
    public async Task<IReadOnlyList<ApplicationSummary>> ListAsync(int? policyId, ApplicationState? state, bool waitingForMe, bool chinese, CancellationToken ct = default)
    {
        var query = db.Set<PolicyApplication>().AsNoTracking();
        if (Current.IsEnterprise) query = query.Where(a => a.EnterpriseId == Current.EnterpriseId);
        else if (!Current.IsInternal) return [];
        if (policyId is { } pid) query = query.Where(a => a.PolicyId == pid);
        if (state is { } s) query = query.Where(a => a.State == s);
        var list = await query.OrderByDescending(a => a.UpdatedUtc).ThenByDescending(a => a.Id).Take(500).ToListAsync(ct);
        var result = new List<ApplicationSummary>();
        var cache = new Dictionary<int, (Policy, IReadOnlyList<PolicyStage>, bool)>();
        foreach (var a in list)
        {
            if (!cache.TryGetValue(a.PolicyId, out var p))
            {
                var policy = await db.Set<Policy>().AsNoTracking().SingleAsync(x => x.Id == a.PolicyId, ct);
                var stages = await access.StagesAsync(policy, ct);
                cache[a.PolicyId] = p = (policy, stages, Current.IsEnterprise || await access.CanReadAsync(policy, stages));
            }
            if (!p.Item3) continue;
            var stage = p.Item2.SingleOrDefault(x => x.Number == a.StageNumber);
            if (waitingForMe && (a.State != ApplicationState.InReview || stage is null || !access.IsStaffOf(stage.DepartmentId) || Current.IsAdmin && !Current.IsStaff)) continue;
            result.Add(await SummaryAsync(a, p.Item1, stage, chinese, ct));
        }
        return result;
    }

    async Task<ApplicationSummary> SummaryAsync(PolicyApplication a, Policy policy, PolicyStage? stage, bool chinese, CancellationToken ct)
    {
        var item = await db.Set<PolicyItem>().AsNoTracking().SingleAsync(i => i.Id == a.PolicyItemId, ct);
        var names = await directory.NamesAsync([a.EnterpriseId]);
        return new ApplicationSummary(a.Id, a.PolicyId, policy.DisplayTitle(chinese), item.Id, item.DisplayTitle(chinese), a.EnterpriseId,
            names.GetValueOrDefault(a.EnterpriseId, ""), a.State, a.StageNumber, stage?.DisplayName(chinese) ?? "", stage?.Kind ?? StageKind.Review,
            a.Revision, a.PrecheckVerdict, a.ApprovedFen, PolicyTime.Utc(a.SubmittedUtc), PolicyTime.Utc(a.UpdatedUtc));
    }

    /// <summary>One application with its pre-check explanation, stages, steps, revisions and objections; another enterprise's is null.</summary>
    public async Task<ApplicationDetail?> GetAsync(int applicationId, bool chinese, CancellationToken ct = default)
    {
        var a = await db.Set<PolicyApplication>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == applicationId, ct);
        if (a is null) return null;
        if (Current.IsEnterprise ? a.EnterpriseId != Current.EnterpriseId : !Current.IsInternal) return null;
        var policy = await db.Set<Policy>().AsNoTracking().SingleAsync(p => p.Id == a.PolicyId, ct);
        var stages = await access.StagesAsync(policy, ct);
        if (Current.IsInternal && !await access.CanReadAsync(policy, stages)) return null;
        var stage = stages.SingleOrDefault(s => s.Number == a.StageNumber);
        var item = await db.Set<PolicyItem>().AsNoTracking().Include(i => i.PolicyVersion).SingleAsync(i => i.Id == a.PolicyItemId, ct);
        var precheck = await engine.ExplainItemAsync(item.Id, a.EnterpriseId, a.FiscalYear, chinese, ct);
        if (precheck is not null) precheck = precheck with { Verdict = a.PrecheckVerdict, BenefitFen = a.PrecheckBenefitFen };
        var names = stages.ToDictionary(s => s.Number, s => s.DisplayName(chinese));
        var steps = await db.Set<PolicyApplicationStep>().AsNoTracking().Where(s => s.ApplicationId == a.Id).OrderBy(s => s.Id).ToListAsync(ct);
        var revisions = await db.Set<PolicyApplicationRevision>().AsNoTracking().Where(r => r.ApplicationId == a.Id).OrderByDescending(r => r.Revision).ToListAsync(ct);
        var objections = Current.IsInternal
            ? await db.Set<PolicyObjection>().AsNoTracking().Where(o => o.ApplicationId == a.Id).OrderBy(o => o.Id).ToListAsync(ct)
            : [];
        var award = await db.Set<PolicyAward>().AsNoTracking().Include(x => x.Tranches).SingleOrDefaultAsync(x => x.ApplicationId == a.Id, ct);
        return new ApplicationDetail(await SummaryAsync(a, policy, stage, chinese, ct), item.PolicyVersion!.DocumentNumber, ApplicationForm.Parse(item.FormJson),
            Answers(a.AnswersJson), Attachments(a.AttachmentsJson), a.PrecheckBenefitFen, precheck, await DetailsAsync(stages, chinese, ct),
            steps.Select(s => new StepRow(s.StageNumber, names.GetValueOrDefault(s.StageNumber, ""), s.Action, s.Comment, s.UserName, PolicyTime.Utc(s.AtUtc))).ToList(),
            revisions.Select(r => new RevisionRow(r.Revision, Answers(r.AnswersJson), Attachments(r.AttachmentsJson), r.PrecheckVerdict, r.PrecheckBenefitFen,
                PolicyTime.Utc(r.SubmittedUtc), r.SubmittedBy)).ToList(),
            objections.Select(o => new ObjectionRow(o.Id, o.Name, o.Contact, o.Text, PolicyTime.Utc(o.LodgedUtc), o.State, o.Resolution, o.ResolvedBy)).ToList(),
            a.NoticeStartsOn, a.NoticeEndsOn, award?.Id, award?.Tranches.Where(t => t.State == TrancheState.Paid).Sum(t => t.AmountFen) ?? 0,
            Current.IsInternal && a.State == ApplicationState.InReview && stage is not null && access.IsStaffOf(stage.DepartmentId),
            Current.IsEnterprise && a.State == ApplicationState.Returned, a.Version);
    }

    static Dictionary<string, string?> Answers(string json) => JsonSerializer.Deserialize<Dictionary<string, string?>>(json, Json) ?? [];

    static List<ApplicationAttachment> Attachments(string json) => JsonSerializer.Deserialize<List<ApplicationAttachment>>(json, Json) ?? [];

    async Task InTransactionAsync(Func<Task> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null) { await work(); return; }
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await work();
            await tx.CommitAsync(ct);
        });
    }

    async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new ConflictException("ConcurrencyConflict");
        }
    }
}
