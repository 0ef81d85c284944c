using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechZone.Data;
using TechZone.Enterprises;
using TechZone.Platform.Audit;
using TechZone.Platform.Identity;
using TechZone.Platform.Inbox;
using TechZone.SupportPolicies;
using TechZone.Tests.Enterprises;
using TechZone.Tests.Infrastructure;

namespace TechZone.Tests.Policies;

/// <summary>
/// Fulfillment: 免申即享 proposals confirmed in bulk, applications through configurable review stages (return and
/// resubmit, public notice with objections), tranches within the award and the budget, and the ledger that adds up.
/// </summary>
public abstract class FulfillmentTests(ZoneApp app)
{
    const string Api = "/api/v1/policies";
    const long Wan = 1_000_000;

    static int FiscalYear => ProfileTestKit.Today.Year - 1;

    Task<int> EconomyIdAsync() => app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Departments.Where(d => d.Code == "economy").Select(d => d.Id).SingleAsync());

    static async Task<T> OkAsync<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(ZoneApp.Json))!;
    }

    static async Task AssertStatusAsync(HttpStatusCode expected, HttpResponseMessage response) =>
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");

    /// <summary>An enterprise with <paramref name="employees"/> employees in the fiscal year (verified when asked) and a portal user.</summary>
    async Task<(int Id, HttpClient Client)> EnterpriseAsync(int employees, bool verified)
    {
        var admin = await app.SignedInAsync("admin");
        var e = await ProfileTestKit.CreateEnterpriseAsync(admin, new { foundedOn = new DateOnly(2015, 1, 1), industryCode = "65", status = EnterpriseStatus.Operating });
        await AssertStatusAsync(HttpStatusCode.OK, await admin.PutAsJsonAsync($"/api/v1/enterprises/{e.Id}/facts",
            new { fiscalYear = FiscalYear, figures = new[] { new { metric = FactMetric.Employees, value = (long)employees } } }, ZoneApp.Json));
        if (verified)
            await AssertStatusAsync(HttpStatusCode.OK, await admin.PostAsJsonAsync($"/api/v1/enterprises/{e.Id}/facts/verify", new { fiscalYear = FiscalYear }, ZoneApp.Json));
        var user = "ful" + Guid.NewGuid().ToString("N")[..8];
        await app.CreateUserAsync(user, Roles.Enterprise, enterpriseId: e.Id);
        return (e.Id, await app.SignedInAsync(user));
    }

    /// <summary>
    /// A published policy of the economy department with one item for enterprises of exactly <paramref name="employees"/>
    /// employees (so that only this test's enterprises match), paying a fixed amount.
    /// </summary>
    async Task<(int PolicyId, int ItemId)> PolicyAsync(int employees, bool noApplication, long budgetFen, long amountFen, ApplicationForm? form = null)
    {
        var economy = await app.SignedInAsync("economy");
        var code = "ful" + Guid.NewGuid().ToString("N")[..8];
        var policy = await OkAsync<PolicyDetail>(await economy.PostAsJsonAsync(Api,
            new { code, title = "兑现测试" + code, issuingBody = "滨海高新区管委会", departmentId = await EconomyIdAsync(), budgetFen }, ZoneApp.Json), HttpStatusCode.Created);
        var draft = policy.Versions.Single();
        var criteria = new CriteriaDocument
        {
            Root = new GroupNode
            {
                Children = [new CompareNode
                {
                    Label = "职工人数", Reference = "兑现测试办法 第二条", Expression = new() { Metrics = [FactMetric.Employees] },
                    Operator = CompareOperator.Between, Value = employees, Upper = employees,
                }],
            },
        };
        var item = new ItemRequest
        {
            Code = "award", Title = "兑现测试条款" + code, Criteria = criteria, NoApplication = noApplication, Form = form,
            Benefit = new BenefitRule { Kind = BenefitKind.Fixed, AmountFen = amountFen },
        };
        await OkAsync<PolicyDetail>(await economy.PostAsJsonAsync($"{Api}/{policy.Id}/versions/{draft.Id}/items", item, CriteriaDocument.Json));
        var meta = await OkAsync<PolicyDetail>(await economy.PutAsJsonAsync($"{Api}/{policy.Id}/versions/{draft.Id}",
            new { documentNumber = "津滨高新〔2026〕" + code, publishedOn = "2024-01-01", effectiveFrom = "2024-01-01", version = draft.Version }, ZoneApp.Json));
        var v = meta.Versions.Single();
        await OkAsync<EvaluationReport>(await economy.PostAsync($"{Api}/{policy.Id}/versions/{v.Id}/publish?version={v.Version}", null));
        var itemId = (await economy.GetFromJsonAsync<PolicyDetail>($"{Api}/{policy.Id}", ZoneApp.Json))!.Versions.Single().Items.Single().Id;
        return (policy.Id, itemId);
    }

    static int Employees() => Random.Shared.Next(100_000, 900_000);

    [Fact]
    public async Task NoApplication_ProposalsForCompleteData_BulkConfirm_NotifiesAndAuditsOneBatch_DroppedStaysDropped()
    {
        app.SkipIfUnavailable();
        var n = Employees();
        var a = await EnterpriseAsync(n, verified: true);
        var b = await EnterpriseAsync(n, verified: true);
        var unverified = await EnterpriseAsync(n, verified: false);
        var (policyId, _) = await PolicyAsync(n, noApplication: true, budgetFen: 100 * Wan, amountFen: 5 * Wan);
        var economy = await app.SignedInAsync("economy");

        // Another department may not confirm or propose for the lead department.
        await AssertStatusAsync(HttpStatusCode.Forbidden, await (await app.SignedInAsync("service")).PostAsync($"{Api}/{policyId}/awards/propose", null));

        var report = await OkAsync<ProposalReport>(await economy.PostAsync($"{Api}/{policyId}/awards/propose", null));
        Assert.Equal(2, report.Proposed);
        Assert.True(report.IncompleteData >= 1); // unverified figures are unknown for a 免申即享 item (so are enterprises without the figure)
        var ledger = await economy.GetFromJsonAsync<PolicyLedger>($"{Api}/{policyId}/ledger", ZoneApp.Json);
        Assert.Equal(2, ledger!.ProposedAwards);
        Assert.DoesNotContain(ledger.Awards, w => w.EnterpriseId == unverified.Id);
        Assert.Equal(0, ledger.CommittedFen);

        // Dropping needs a reason; then b is never proposed again.
        var bAward = ledger.Awards.Single(w => w.EnterpriseId == b.Id);
        await AssertStatusAsync(HttpStatusCode.BadRequest, await economy.PostAsJsonAsync($"{Api}/{policyId}/awards/{bAward.Id}/drop", new { reason = "" }, ZoneApp.Json));
        await AssertStatusAsync(HttpStatusCode.NoContent, await economy.PostAsJsonAsync($"{Api}/{policyId}/awards/{bAward.Id}/drop", new { reason = "已享受同类补贴" }, ZoneApp.Json));

        var confirmed = await OkAsync<ConfirmReport>(await economy.PostAsJsonAsync($"{Api}/{policyId}/awards/confirm", new { }, ZoneApp.Json));
        Assert.Equal(1, confirmed.Confirmed);
        Assert.Equal(5 * Wan, confirmed.TotalFen);
        ledger = await economy.GetFromJsonAsync<PolicyLedger>($"{Api}/{policyId}/ledger", ZoneApp.Json);
        Assert.Equal(5 * Wan, ledger!.CommittedFen);
        Assert.Equal(95 * Wan, ledger.RemainingFen);
        Assert.Equal(AwardState.Approved, ledger.Awards.Single(w => w.EnterpriseId == a.Id).State);
        Assert.Equal("已享受同类补贴", ledger.Awards.Single(w => w.EnterpriseId == b.Id).DropReason);

        // One batch entry naming the batch, plus the award's own row entry; the enterprise was told.
        var batch = confirmed.BatchId.ToString();
        Assert.True(await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().AuditEntries
            .AnyAsync(e => e.EntityType == "policies_awards" && e.Kind == AuditKind.Bulk && e.Changes.Contains(batch))));
        var awardKey = ledger.Awards.Single(w => w.EnterpriseId == a.Id).Id.ToString();
        Assert.True(await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().AuditEntries
            .AnyAsync(e => e.EntityType == "policies_awards" && e.Kind != AuditKind.Bulk && e.EntityKey == awardKey && e.Changes.Contains("Approved"))));
        var mine = await a.Client.GetFromJsonAsync<List<AwardRow>>($"{Api}/awards/mine", ZoneApp.Json);
        Assert.Single(mine!);
        var notes = await a.Client.GetFromJsonAsync<PagedResult<NotificationEntry>>("/api/v1/notifications", ZoneApp.Json);
        Assert.Contains(notes!.Items, x => x.Title.Contains("兑现测试条款"));

        // Proposing again adds nobody (a awarded, b dropped).
        Assert.Equal(0, (await OkAsync<ProposalReport>(await economy.PostAsync($"{Api}/{policyId}/awards/propose", null))).Proposed);
        // The enterprise cannot apply for a 免申即享 item, nor read the ledger.
        await AssertStatusAsync(HttpStatusCode.Forbidden, await a.Client.GetAsync($"{Api}/{policyId}/ledger"));
    }

    [Fact]
    public async Task BulkConfirm_OverBudget_IsRefusedAsAWhole()
    {
        app.SkipIfUnavailable();
        var n = Employees();
        await EnterpriseAsync(n, verified: true);
        await EnterpriseAsync(n, verified: true);
        var (policyId, _) = await PolicyAsync(n, noApplication: true, budgetFen: 15 * Wan, amountFen: 10 * Wan);
        var economy = await app.SignedInAsync("economy");
        Assert.Equal(2, (await OkAsync<ProposalReport>(await economy.PostAsync($"{Api}/{policyId}/awards/propose", null))).Proposed);
        var refused = await economy.PostAsJsonAsync($"{Api}/{policyId}/awards/confirm", new { }, ZoneApp.Json);
        await AssertStatusAsync(HttpStatusCode.BadRequest, refused);
        Assert.Contains("预算", await ProfileTestKit.DetailAsync(refused));
        var ledger = await economy.GetFromJsonAsync<PolicyLedger>($"{Api}/{policyId}/ledger", ZoneApp.Json);
        Assert.Equal(0, ledger!.CommittedFen);
        Assert.All(ledger.Awards, w => Assert.Equal(AwardState.Proposed, w.State));
        // One of them fits.
        var one = ledger.Awards[0].Id;
        Assert.Equal(1, (await OkAsync<ConfirmReport>(await economy.PostAsJsonAsync($"{Api}/{policyId}/awards/confirm", new { awardIds = new[] { one } }, ZoneApp.Json))).Confirmed);
    }

    static readonly ApplicationForm Form = new()
    {
        Fields =
        [
            new FormField { Key = "headcount", Label = "参保人数", LabelEn = "Insured staff", Type = FormFieldType.Number, Required = true },
            new FormField { Key = "kind", Label = "企业类型", Type = FormFieldType.Choice, Required = true, Choices = ["内资", "外资"] },
            new FormField { Key = "note", Label = "说明", Type = FormFieldType.Text },
        ],
        AttachmentTypes = [".pdf"], AttachmentMaxBytes = 1024 * 1024, MinAttachments = 1,
    };

    /// <summary>A file in the store belonging to the enterprise (what the portal page's upload does).</summary>
    Task<Guid> FileAsync(int enterpriseId, string name, byte[] content) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<ZoneDb>();
        var user = await db.Users.FirstAsync(u => u.EnterpriseId == enterpriseId);
        var file = new TechZone.Platform.Files.StoredFile
        {
            Id = Guid.CreateVersion7(), FileName = name, ContentType = "application/pdf", Size = content.Length, Sha256 = new string('0', 64),
            UploadedByUserId = user.Id, UploadedUtc = DateTime.UtcNow, EnterpriseId = enterpriseId,
        };
        db.Add(file);
        db.Add(new TechZone.Platform.Files.StoredFileContent { FileId = file.Id, Content = content });
        await db.SaveChangesAsync();
        return file.Id;
    });

    static readonly byte[] Pdf = "%PDF-1.4 test"u8.ToArray();

    [Fact]
    public async Task Application_GoesThroughEveryStage_ReturnResubmitKeepsHistory_ObjectionBlocksNotice_PaidWithinAward_LedgerAddsUp()
    {
        app.SkipIfUnavailable();
        var n = Employees();
        var ent = await EnterpriseAsync(n, verified: false);
        var other = await EnterpriseAsync(Employees(), verified: false);
        var (policyId, itemId) = await PolicyAsync(n, noApplication: false, budgetFen: 50 * Wan, amountFen: 20 * Wan, form: Form);
        var economy = await app.SignedInAsync("economy");
        var economyId = await EconomyIdAsync();

        // Stages: the last must be the disbursement; a notice of 0 days ends today.
        await AssertStatusAsync(HttpStatusCode.BadRequest, await economy.PutAsJsonAsync($"{Api}/{policyId}/stages",
            new { stages = new[] { new { name = "受理", kind = StageKind.Review, departmentId = economyId }, new { name = "公示", kind = StageKind.Notice, departmentId = economyId } } }, ZoneApp.Json));
        var stages = await OkAsync<List<StageDetail>>(await economy.PutAsJsonAsync($"{Api}/{policyId}/stages", new
        {
            stages = new object[]
            {
                new { name = "受理", nameEn = "Acceptance", kind = StageKind.Review, departmentId = economyId },
                new { name = "初审", nameEn = "First review", kind = StageKind.Review, departmentId = economyId },
                new { name = "公示", nameEn = "Public notice", kind = StageKind.Notice, departmentId = economyId, noticeDays = 0 },
                new { name = "拨付", nameEn = "Disbursement", kind = StageKind.Disbursement, departmentId = economyId },
            },
        }, ZoneApp.Json));
        Assert.Equal(4, stages.Count);

        // Bad answers and attachments are refused, naming the field; nothing is created.
        var pdf = await FileAsync(ent.Id, "营业执照.pdf", Pdf);
        var png = await FileAsync(ent.Id, "photo.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var othersFile = await FileAsync(other.Id, "other.pdf", Pdf);
        var missing = await ent.Client.PostAsJsonAsync($"{Api}/applications", new { itemId, answers = new Dictionary<string, string> { ["kind"] = "内资" }, attachments = new[] { pdf } }, ZoneApp.Json);
        await AssertStatusAsync(HttpStatusCode.BadRequest, missing);
        Assert.Contains("参保人数", await ProfileTestKit.DetailAsync(missing));
        await AssertStatusAsync(HttpStatusCode.BadRequest, await ent.Client.PostAsJsonAsync($"{Api}/applications",
            new { itemId, answers = new Dictionary<string, string> { ["headcount"] = "十二", ["kind"] = "内资" }, attachments = new[] { pdf } }, ZoneApp.Json));
        await AssertStatusAsync(HttpStatusCode.BadRequest, await ent.Client.PostAsJsonAsync($"{Api}/applications",
            new { itemId, answers = new Dictionary<string, string> { ["headcount"] = "12", ["kind"] = "港资" }, attachments = new[] { pdf } }, ZoneApp.Json));
        await AssertStatusAsync(HttpStatusCode.BadRequest, await ent.Client.PostAsJsonAsync($"{Api}/applications",
            new { itemId, answers = new Dictionary<string, string> { ["headcount"] = "12", ["kind"] = "内资" }, attachments = new[] { png } }, ZoneApp.Json));
        await AssertStatusAsync(HttpStatusCode.BadRequest, await ent.Client.PostAsJsonAsync($"{Api}/applications",
            new { itemId, answers = new Dictionary<string, string> { ["headcount"] = "12", ["kind"] = "内资" }, attachments = new[] { othersFile } }, ZoneApp.Json));
        await AssertStatusAsync(HttpStatusCode.BadRequest, await ent.Client.PostAsJsonAsync($"{Api}/applications",
            new { itemId, answers = new Dictionary<string, string> { ["headcount"] = "12", ["kind"] = "内资" }, attachments = Array.Empty<Guid>() }, ZoneApp.Json));
        Assert.Empty((await ent.Client.GetFromJsonAsync<List<ApplicationSummary>>($"{Api}/applications", ZoneApp.Json))!);

        // Applied: the engine's pre-check is on the application, with its explanation.
        var created = await OkAsync<ApplicationDetail>(await ent.Client.PostAsJsonAsync($"{Api}/applications",
            new { itemId, answers = new Dictionary<string, string> { ["headcount"] = "12", ["kind"] = "内资" }, attachments = new[] { pdf } }, ZoneApp.Json), HttpStatusCode.Created);
        var id = created.Summary.Id;
        Assert.Equal(Verdict.Eligible, created.Summary.PrecheckVerdict);
        Assert.Contains("兑现测试办法 第二条", created.Precheck!.Explanation.Children.Single().Reference);
        Assert.Equal(20 * Wan, created.Summary.ApprovedFen);
        await AssertStatusAsync(HttpStatusCode.Conflict, await ent.Client.PostAsJsonAsync($"{Api}/applications",
            new { itemId, answers = new Dictionary<string, string> { ["headcount"] = "12", ["kind"] = "内资" }, attachments = new[] { pdf } }, ZoneApp.Json));
        // Another enterprise cannot see it; the stage's department has it as a to-do.
        await AssertStatusAsync(HttpStatusCode.NotFound, await other.Client.GetAsync($"{Api}/applications/{id}"));
        var todos = await economy.GetFromJsonAsync<PagedResult<InboxEntry>>("/api/v1/inbox?pageSize=100", ZoneApp.Json);
        Assert.Contains(todos!.Items, t => t.Link == $"/policies/applications/{id}");

        async Task<ApplicationDetail> ReviewAsync(HttpClient who, ReviewAction action, string? comment = null, HttpStatusCode expect = HttpStatusCode.OK)
        {
            var current = (await economy.GetFromJsonAsync<ApplicationDetail>($"{Api}/applications/{id}", ZoneApp.Json))!;
            var response = await who.PostAsJsonAsync($"{Api}/applications/{id}/review", new { action, comment, version = current.Version }, ZoneApp.Json);
            if (expect != HttpStatusCode.OK) { await AssertStatusAsync(expect, response); return current; }
            return await OkAsync<ApplicationDetail>(response);
        }

        // Only the stage's department reviews.
        await ReviewAsync(await app.SignedInAsync("service"), ReviewAction.Pass, expect: HttpStatusCode.Forbidden);
        var d = await ReviewAsync(economy, ReviewAction.Pass);
        Assert.Equal("初审", d.Summary.StageName);

        // Returned for more material (a reason is required); the enterprise edits and resubmits; both revisions are kept.
        await ReviewAsync(economy, ReviewAction.Return, "", HttpStatusCode.BadRequest);
        d = await ReviewAsync(economy, ReviewAction.Return, "请补充社保缴纳证明");
        Assert.Equal(ApplicationState.Returned, d.Summary.State);
        var mine = (await ent.Client.GetFromJsonAsync<ApplicationDetail>($"{Api}/applications/{id}", ZoneApp.Json))!;
        Assert.True(mine.CanResubmit);
        Assert.Empty(mine.Objections);
        var second = await FileAsync(ent.Id, "社保证明.pdf", Pdf);
        var resubmitted = await OkAsync<ApplicationDetail>(await ent.Client.PutAsJsonAsync($"{Api}/applications/{id}",
            new { answers = new Dictionary<string, string> { ["headcount"] = "15", ["kind"] = "内资", ["note"] = "已补充" }, attachments = new[] { pdf, second }, version = mine.Version }, ZoneApp.Json));
        Assert.Equal(2, resubmitted.Summary.Revision);
        Assert.Equal(ApplicationState.InReview, resubmitted.Summary.State);
        Assert.Equal("初审", resubmitted.Summary.StageName);
        Assert.Equal(["15", "12"], resubmitted.Revisions.Select(r => r.Answers["headcount"]).ToArray());
        Assert.Equal(2, resubmitted.Attachments.Count);

        // Into the public notice: anyone reads it, without private data.
        d = await ReviewAsync(economy, ReviewAction.Pass);
        Assert.Equal(StageKind.Notice, d.Summary.StageKind);
        var anonymous = app.CreateClient();
        var notices = await anonymous.GetFromJsonAsync<List<NoticeRow>>("/api/v1/public/policy-notices", ZoneApp.Json);
        var row = notices!.Single(r => r.ApplicationId == id);
        Assert.Equal(20 * Wan, row.AmountFen);
        var json = await anonymous.GetStringAsync("/api/v1/public/policy-notices");
        Assert.DoesNotContain("社保证明", json);
        Assert.DoesNotContain("headcount", json);
        var page = await anonymous.GetAsync("/notices");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains(row.EnterpriseName, html);
        Assert.Contains(row.ItemTitle, html);
        var creditCode = await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Enterprises.Where(e => e.Id == ent.Id).Select(e => e.CreditCode).SingleAsync());
        Assert.DoesNotContain(creditCode, html);
        Assert.DoesNotContain("社保证明", html);

        // An objection: validated; while open, the notice cannot pass.
        await AssertStatusAsync(HttpStatusCode.BadRequest, await anonymous.PostAsJsonAsync($"/api/v1/public/policy-notices/{id}/objections",
            new { name = "张三", contact = "not a contact", text = "该企业参保人数与实际不符。" }, ZoneApp.Json));
        await AssertStatusAsync(HttpStatusCode.BadRequest, await anonymous.PostAsJsonAsync($"/api/v1/public/policy-notices/{id}/objections",
            new { name = "张三", contact = "13800000000", text = "短" }, ZoneApp.Json));
        await AssertStatusAsync(HttpStatusCode.NotFound, await anonymous.PostAsJsonAsync($"/api/v1/public/policy-notices/{created.Summary.Id + 100000}/objections",
            new { name = "张三", contact = "13800000000", text = "该企业参保人数与实际不符。" }, ZoneApp.Json));
        await AssertStatusAsync(HttpStatusCode.Created, await anonymous.PostAsJsonAsync($"/api/v1/public/policy-notices/{id}/objections",
            new { name = "张三", contact = "13800000000", text = "该企业参保人数与实际不符。" }, ZoneApp.Json));
        await ReviewAsync(economy, ReviewAction.Pass, expect: HttpStatusCode.Conflict);
        var withObjection = (await economy.GetFromJsonAsync<ApplicationDetail>($"{Api}/applications/{id}", ZoneApp.Json))!;
        var objection = withObjection.Objections.Single();
        Assert.Equal("13800000000", objection.Contact);
        // The enterprise does not see who objected.
        Assert.Empty((await ent.Client.GetFromJsonAsync<ApplicationDetail>($"{Api}/applications/{id}", ZoneApp.Json))!.Objections);
        await AssertStatusAsync(HttpStatusCode.BadRequest, await economy.PostAsJsonAsync($"{Api}/objections/{objection.Id}/resolve", new { reason = "" }, ZoneApp.Json));
        await AssertStatusAsync(HttpStatusCode.NoContent, await economy.PostAsJsonAsync($"{Api}/objections/{objection.Id}/resolve", new { reason = "经核实社保记录，人数属实" }, ZoneApp.Json));

        // Passing the notice approves the award: committed in the ledger.
        d = await ReviewAsync(economy, ReviewAction.Pass);
        Assert.Equal(StageKind.Disbursement, d.Summary.StageKind);
        Assert.NotNull(d.AwardId);
        await ReviewAsync(economy, ReviewAction.Pass, expect: HttpStatusCode.BadRequest); // completes only when paid
        var ledger = (await economy.GetFromJsonAsync<PolicyLedger>($"{Api}/{policyId}/ledger", ZoneApp.Json))!;
        Assert.Equal(20 * Wan, ledger.CommittedFen);

        // Tranches: never more than the award.
        var award = d.AwardId!.Value;
        var over = await economy.PostAsJsonAsync($"{Api}/awards/{award}/tranches", new { amountFen = 21 * Wan, plannedOn = ProfileTestKit.Today }, ZoneApp.Json);
        await AssertStatusAsync(HttpStatusCode.BadRequest, over);
        Assert.Contains("核定金额", await ProfileTestKit.DetailAsync(over));
        var first = await OkAsync<int>(await economy.PostAsJsonAsync($"{Api}/awards/{award}/tranches", new { amountFen = 12 * Wan, plannedOn = ProfileTestKit.Today }, ZoneApp.Json), HttpStatusCode.Created);
        await AssertStatusAsync(HttpStatusCode.BadRequest, await economy.PostAsJsonAsync($"{Api}/awards/{award}/tranches", new { amountFen = 9 * Wan, plannedOn = ProfileTestKit.Today }, ZoneApp.Json));
        var rest = await OkAsync<int>(await economy.PostAsJsonAsync($"{Api}/awards/{award}/tranches", new { amountFen = 8 * Wan, plannedOn = ProfileTestKit.Today.AddDays(30) }, ZoneApp.Json), HttpStatusCode.Created);
        await AssertStatusAsync(HttpStatusCode.Forbidden, await (await app.SignedInAsync("service")).PostAsJsonAsync($"{Api}/tranches/{first}/pay", new { paidOn = ProfileTestKit.Today }, ZoneApp.Json));
        await AssertStatusAsync(HttpStatusCode.BadRequest, await economy.PostAsJsonAsync($"{Api}/tranches/{first}/pay", new { paidOn = ProfileTestKit.Today.AddDays(2) }, ZoneApp.Json));
        await AssertStatusAsync(HttpStatusCode.NoContent, await economy.PostAsJsonAsync($"{Api}/tranches/{first}/pay", new { paidOn = ProfileTestKit.Today }, ZoneApp.Json));
        await AssertStatusAsync(HttpStatusCode.Conflict, await economy.PostAsJsonAsync($"{Api}/tranches/{first}/pay", new { paidOn = ProfileTestKit.Today }, ZoneApp.Json));
        Assert.Equal(ApplicationState.InReview, (await economy.GetFromJsonAsync<ApplicationDetail>($"{Api}/applications/{id}", ZoneApp.Json))!.Summary.State);
        await AssertStatusAsync(HttpStatusCode.NoContent, await economy.PostAsJsonAsync($"{Api}/tranches/{rest}/pay", new { paidOn = ProfileTestKit.Today }, ZoneApp.Json));

        ledger = (await economy.GetFromJsonAsync<PolicyLedger>($"{Api}/{policyId}/ledger", ZoneApp.Json))!;
        Assert.Equal(50 * Wan, ledger.BudgetFen);
        Assert.Equal(20 * Wan, ledger.CommittedFen);
        Assert.Equal(20 * Wan, ledger.PaidFen);
        Assert.Equal(30 * Wan, ledger.RemainingFen);
        Assert.Equal(0, ledger.UnpaidFen);
        Assert.Equal(ledger.PaidFen, ledger.Awards.Sum(w => w.PaidFen));

        // The enterprise sees every step, in order, and the completed state; the to-dos are closed.
        var final = (await ent.Client.GetFromJsonAsync<ApplicationDetail>($"{Api}/applications/{id}", ZoneApp.Json))!;
        Assert.Equal(ApplicationState.Completed, final.Summary.State);
        Assert.Equal(
            [ApplicationAction.Submitted, ApplicationAction.Passed, ApplicationAction.Returned, ApplicationAction.Resubmitted, ApplicationAction.Passed, ApplicationAction.NoticeStarted,
             ApplicationAction.ObjectionLodged, ApplicationAction.ObjectionResolved, ApplicationAction.Passed, ApplicationAction.Approved, ApplicationAction.Paid, ApplicationAction.Paid, ApplicationAction.Completed],
            final.Steps.Select(s => s.Action).ToArray());
        Assert.False(await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Set<InboxItem>()
            .AnyAsync(i => i.SourceModule == "Policies" && i.Link.EndsWith($"/applications/{id}") && i.DoneUtc == null)));
        var notes = await ent.Client.GetFromJsonAsync<PagedResult<NotificationEntry>>("/api/v1/notifications?pageSize=50", ZoneApp.Json);
        Assert.True(notes!.Items.Count(x => x.Link == $"/my/applications/{id}") >= 4);
        // Every tranche paid is in the audit trail.
        Assert.True(await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().AuditEntries
            .AnyAsync(e => e.EntityType == "policies_tranches" && e.EntityKey == rest.ToString() && e.Changes.Contains("Paid"))));
    }

    /// <summary>An approved award, through an application with the default stages shortened to one review and the disbursement.</summary>
    async Task<(int PolicyId, int AwardId)> ApprovedAwardAsync(long budgetFen, long amountFen)
    {
        var n = Employees();
        var ent = await EnterpriseAsync(n, verified: false);
        var (policyId, itemId) = await PolicyAsync(n, noApplication: false, budgetFen, amountFen);
        var economy = await app.SignedInAsync("economy");
        var economyId = await EconomyIdAsync();
        await OkAsync<List<StageDetail>>(await economy.PutAsJsonAsync($"{Api}/{policyId}/stages", new
        {
            stages = new object[]
            {
                new { name = "审核", kind = StageKind.Review, departmentId = economyId },
                new { name = "拨付", kind = StageKind.Disbursement, departmentId = economyId },
            },
        }, ZoneApp.Json));
        var file = await FileAsync(ent.Id, "a.pdf", Pdf);
        var created = await OkAsync<ApplicationDetail>(await ent.Client.PostAsJsonAsync($"{Api}/applications",
            new { itemId, answers = new Dictionary<string, string>(), attachments = new[] { file } }, ZoneApp.Json), HttpStatusCode.Created);
        var passed = await OkAsync<ApplicationDetail>(await economy.PostAsJsonAsync($"{Api}/applications/{created.Summary.Id}/review",
            new { action = ReviewAction.Pass, version = created.Version }, ZoneApp.Json));
        return (policyId, passed.AwardId!.Value);
    }

    [Fact]
    public async Task Payment_OverTheBudget_IsRefused_AndTheTrancheStaysPlanned()
    {
        app.SkipIfUnavailable();
        var (policyId, award) = await ApprovedAwardAsync(budgetFen: 30 * Wan, amountFen: 20 * Wan);
        var economy = await app.SignedInAsync("economy");
        var tranche = await OkAsync<int>(await economy.PostAsJsonAsync($"{Api}/awards/{award}/tranches", new { amountFen = 20 * Wan, plannedOn = ProfileTestKit.Today }, ZoneApp.Json), HttpStatusCode.Created);
        // The budget was cut after the award: the payment would pass it.
        var policy = (await economy.GetFromJsonAsync<PolicyDetail>($"{Api}/{policyId}", ZoneApp.Json))!;
        await AssertStatusAsync(HttpStatusCode.OK, await economy.PutAsJsonAsync($"{Api}/{policyId}",
            new { code = policy.Code, title = policy.Title, issuingBody = policy.IssuingBody, departmentId = policy.DepartmentId, budgetFen = 10 * Wan, version = policy.Version }, ZoneApp.Json));
        var refused = await economy.PostAsJsonAsync($"{Api}/tranches/{tranche}/pay", new { paidOn = ProfileTestKit.Today }, ZoneApp.Json);
        await AssertStatusAsync(HttpStatusCode.BadRequest, refused);
        Assert.Contains("预算", await ProfileTestKit.DetailAsync(refused));
        var ledger = (await economy.GetFromJsonAsync<PolicyLedger>($"{Api}/{policyId}/ledger", ZoneApp.Json))!;
        Assert.Equal(0, ledger.PaidFen);
        Assert.Equal(TrancheState.Planned, ledger.Awards.Single().Tranches.Single().State);
    }

    [Fact]
    public async Task ConcurrentPayments_NeverPassTheBudgetTogether()
    {
        app.SkipIfUnavailable();
        var (policyId, award) = await ApprovedAwardAsync(budgetFen: 40 * Wan, amountFen: 20 * Wan);
        var economy = await app.SignedInAsync("economy");
        var t1 = await OkAsync<int>(await economy.PostAsJsonAsync($"{Api}/awards/{award}/tranches", new { amountFen = 10 * Wan, plannedOn = ProfileTestKit.Today }, ZoneApp.Json), HttpStatusCode.Created);
        var t2 = await OkAsync<int>(await economy.PostAsJsonAsync($"{Api}/awards/{award}/tranches", new { amountFen = 10 * Wan, plannedOn = ProfileTestKit.Today }, ZoneApp.Json), HttpStatusCode.Created);
        var policy = (await economy.GetFromJsonAsync<PolicyDetail>($"{Api}/{policyId}", ZoneApp.Json))!;
        await AssertStatusAsync(HttpStatusCode.OK, await economy.PutAsJsonAsync($"{Api}/{policyId}",
            new { code = policy.Code, title = policy.Title, issuingBody = policy.IssuingBody, departmentId = policy.DepartmentId, budgetFen = 15 * Wan, version = policy.Version }, ZoneApp.Json));
        // Each payment alone fits the budget of 15万; both together do not. Exactly one goes through.
        var other = await app.SignedInAsync("economy");
        var results = await Task.WhenAll(
            economy.PostAsJsonAsync($"{Api}/tranches/{t1}/pay", new { paidOn = ProfileTestKit.Today }, ZoneApp.Json),
            other.PostAsJsonAsync($"{Api}/tranches/{t2}/pay", new { paidOn = ProfileTestKit.Today }, ZoneApp.Json));
        Assert.Single(results, r => r.StatusCode == HttpStatusCode.NoContent);
        Assert.Single(results, r => r.StatusCode == HttpStatusCode.BadRequest);
        Assert.Equal(10 * Wan, (await economy.GetFromJsonAsync<PolicyLedger>($"{Api}/{policyId}/ledger", ZoneApp.Json))!.PaidFen);
    }

    [Fact]
    public async Task Objections_AreRateLimitedPerSender_AndTheRejectedApplicationLeavesTheNotice()
    {
        app.SkipIfUnavailable();
        var n = Employees();
        var ent = await EnterpriseAsync(n, verified: false);
        var (policyId, itemId) = await PolicyAsync(n, noApplication: false, budgetFen: 30 * Wan, amountFen: 5 * Wan);
        var economy = await app.SignedInAsync("economy");
        var economyId = await EconomyIdAsync();
        await OkAsync<List<StageDetail>>(await economy.PutAsJsonAsync($"{Api}/{policyId}/stages", new
        {
            stages = new object[]
            {
                new { name = "公示前审核", kind = StageKind.Review, departmentId = economyId },
                new { name = "公示", kind = StageKind.Notice, departmentId = economyId, noticeDays = 5 },
                new { name = "拨付", kind = StageKind.Disbursement, departmentId = economyId },
            },
        }, ZoneApp.Json));
        var file = await FileAsync(ent.Id, "a.pdf", Pdf);
        var created = await OkAsync<ApplicationDetail>(await ent.Client.PostAsJsonAsync($"{Api}/applications",
            new { itemId, answers = new Dictionary<string, string>(), attachments = new[] { file } }, ZoneApp.Json), HttpStatusCode.Created);
        var id = created.Summary.Id;
        var inNotice = await OkAsync<ApplicationDetail>(await economy.PostAsJsonAsync($"{Api}/applications/{id}/review", new { action = ReviewAction.Pass, version = created.Version }, ZoneApp.Json));
        Assert.Equal(ProfileTestKit.Today.AddDays(5), inNotice.NoticeEndsOn);
        // The notice runs five days: it cannot pass yet even without objections.
        await AssertStatusAsync(HttpStatusCode.BadRequest, await economy.PostAsJsonAsync($"{Api}/applications/{id}/review", new { action = ReviewAction.Pass, version = inNotice.Version }, ZoneApp.Json));

        var source = "test-" + Guid.NewGuid();
        var request = new ObjectionRequest { Name = "李四", Contact = "lisi@example.com", Text = "申报材料与实际经营情况不一致。" };
        for (var i = 0; i < FulfillmentLimits.ObjectionsPerHour; i++)
            Assert.NotNull(await app.WithScopeAsync(sp => sp.GetRequiredService<ApplicationService>().ObjectAsync(id, request, source)));
        await Assert.ThrowsAsync<PolicyRateLimitedException>(() => app.WithScopeAsync(sp => sp.GetRequiredService<ApplicationService>().ObjectAsync(id, request, source)));
        // Someone else still may.
        Assert.NotNull(await app.WithScopeAsync(sp => sp.GetRequiredService<ApplicationService>().ObjectAsync(id, request, "test-" + Guid.NewGuid())));

        // Rejected (with a reason): off the public page.
        var current = (await economy.GetFromJsonAsync<ApplicationDetail>($"{Api}/applications/{id}", ZoneApp.Json))!;
        Assert.Equal(FulfillmentLimits.ObjectionsPerHour + 1, current.Objections.Count);
        await AssertStatusAsync(HttpStatusCode.OK, await economy.PostAsJsonAsync($"{Api}/applications/{id}/review",
            new { action = ReviewAction.Reject, comment = "经核实，申报材料不实", version = current.Version }, ZoneApp.Json));
        var notices = await app.CreateClient().GetFromJsonAsync<List<NoticeRow>>("/api/v1/public/policy-notices", ZoneApp.Json);
        Assert.DoesNotContain(notices!, r => r.ApplicationId == id);
        Assert.Equal(ApplicationState.Rejected, (await ent.Client.GetFromJsonAsync<ApplicationDetail>($"{Api}/applications/{id}", ZoneApp.Json))!.Summary.State);
    }
}

[Collection("sqlite")]
public sealed class FulfillmentTests_Sqlite(SqliteApp app) : FulfillmentTests(app);

[Collection("postgres")]
public sealed class FulfillmentTests_Postgres(PostgresApp app) : FulfillmentTests(app);
