using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechZone.Data;
using TechZone.Demands;
using TechZone.Enterprises;
using TechZone.Platform.Api;
using TechZone.Platform.Audit;
using TechZone.Platform.Calendar;
using TechZone.Platform.Identity;
using TechZone.Platform.Inbox;
using TechZone.Platform.Zone;
using TechZone.Tests.Infrastructure;

namespace TechZone.Tests.Demands;

/// <summary>
/// Visits (走访): planning with same-week and monthly-limit warnings that an API caller cannot miss, the configurable
/// limit, who may record and cancel, the planner's to-do, the audit trail, and that visits stay internal.
/// </summary>
public abstract class VisitTests(ZoneApp app)
{
    const string Api = "/api/v1/visits";

    // ---- arranging ----------------------------------------------------------------------------------------------

    DateOnly Today => app.Services.GetRequiredService<ZoneTime>().Today;

    /// <summary>An enterprise of the test's own, so that no other test's visits count towards its weeks and months.</summary>
    async Task<int> EnterpriseAsync(string? name = null)
    {
        var admin = await app.SignedInAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/v1/enterprises", new
        {
            creditCode = CreditCode.Make("120116", Random.Shared.NextInt64(50_000_000, 99_999_999)),
            name = name ?? "走访测试" + Guid.NewGuid().ToString("N")[..8] + "有限公司",
        }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<EnterpriseDetail>(ZoneApp.Json))!.Id;
    }

    Task<int> DepartmentIdAsync(string code) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Departments.Where(d => d.Code == code).Select(d => d.Id).SingleAsync());

    /// <summary>A department of the test's own with the given Demands access, and a staff user in it.</summary>
    async Task<(int DepartmentId, string UserName)> DepartmentWithUserAsync(ModuleAccess access)
    {
        var code = "v" + Guid.NewGuid().ToString("N")[..10];
        var id = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ZoneDb>();
            var department = new Department
            {
                Code = code, Name = "测试局" + code, NameEn = "Test bureau " + code,
                Grants = [new DepartmentGrant { Module = Modules.Demands, Access = access }],
            };
            db.Departments.Add(department);
            await db.SaveChangesAsync();
            return department.Id;
        });
        await app.CreateUserAsync(code, Roles.Staff, id);
        return (id, code);
    }

    /// <summary>A Monday some weeks ahead, far from the demo data's month, inside the planning window.</summary>
    DateOnly FutureMonday(int weeks = 0) => VisitLabels.WeekStart(Today.AddDays(100)).AddDays(7 * weeks);

    /// <summary>The first day of a month some months ahead.</summary>
    DateOnly FutureMonth() => new DateOnly(Today.Year, Today.Month, 1).AddMonths(4);

    Task<int> CountAsync() => app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Set<Visit>().CountAsync());

    static async Task<VisitDetail> PlanAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync(Api, body, ZoneApp.Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<VisitDetail>(ZoneApp.Json))!;
    }

    static async Task<IReadOnlyList<VisitWarning>> CheckAsync(HttpClient client, int enterpriseId, DateOnly on)
    {
        var response = await client.PostAsJsonAsync($"{Api}/check", new { enterpriseId, plannedOn = on }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<VisitCheckResult>(ZoneApp.Json))!.Warnings;
    }

    static object Record(DateOnly on, string findings = "厂房面积不足，希望扩租。") =>
        new { visitedOn = on, attendees = "管委会：企业服务局李敏；企业：总经理王强", topics = "经营情况、扩租需求", findings, followUps = "两周内反馈可租空间" };

    static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    // ---- planning -----------------------------------------------------------------------------------------------

    [Fact]
    public async Task Plan_WithoutEnterpriseOrPurpose_Returns400InTheCallersLanguage_AndWritesNothing()
    {
        app.SkipIfUnavailable();
        var service = await app.SignedInAsync("service");
        var before = await CountAsync();

        var chinese = await service.PostAsJsonAsync(Api, new { plannedOn = FutureMonday() }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, chinese.StatusCode);
        var problem = (await ProblemAsync(chinese)).GetProperty("errors");
        Assert.Contains(problem.EnumerateObject(), p => p.Name.Equals("enterpriseId", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(problem.EnumerateObject(), p => p.Name.Equals("purpose", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("此项为必填项", problem.ToString());

        var english = await service.PostAsJsonAsync($"{Api}?culture=en", new { enterpriseId = await EnterpriseAsync(), plannedOn = FutureMonday(), purpose = "  " }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, english.StatusCode);
        Assert.Contains("required", (await english.Content.ReadAsStringAsync()), StringComparison.OrdinalIgnoreCase);

        // A year and more ahead is refused, naming the window; an unknown enterprise too.
        var far = await service.PostAsJsonAsync(Api, new { enterpriseId = await EnterpriseAsync(), plannedOn = Today.AddDays(400), purpose = "走访" }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, far.StatusCode);
        Assert.Contains(VisitLabels.Date(Today.AddDays(VisitLimits.PlanWindowDays)), (await ProblemAsync(far)).GetProperty("detail").GetString());
        var unknown = await service.PostAsJsonAsync(Api, new { enterpriseId = 999_999, plannedOn = FutureMonday(), purpose = "走访" }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);

        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Plan_AfterTheFact_IsAllowed_AndCanBeRecordedAtOnce()
    {
        app.SkipIfUnavailable();
        var service = await app.SignedInAsync("service");
        var lastWeek = Today.AddDays(-7);
        var visit = await PlanAsync(service, new { enterpriseId = await EnterpriseAsync(), plannedOn = lastWeek, purpose = "补录上周走访" });

        Assert.Equal(VisitStatus.Planned, visit.Status);
        Assert.Equal("企业服务局", visit.LeadDepartmentName);
        Assert.True(visit.CanRecord);
        var recorded = await service.PostAsJsonAsync($"{Api}/{visit.Id}/record", Record(lastWeek), ZoneApp.Json);
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Equal(VisitStatus.Recorded, (await recorded.Content.ReadFromJsonAsync<VisitDetail>(ZoneApp.Json))!.Status);

        // Not for a day that has not come: the record says what happened.
        var future = await PlanAsync(service, new { enterpriseId = await EnterpriseAsync(), plannedOn = FutureMonday(), purpose = "走访" });
        var early = await service.PostAsJsonAsync($"{Api}/{future.Id}/record", Record(Today.AddDays(1)), ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
    }

    [Fact]
    public async Task SameWeek_AnotherDepartmentsVisit_IsWarned_NamingTheDepartmentAndTheDay()
    {
        app.SkipIfUnavailable();
        var admin = await app.SignedInAsync("admin");
        var service = await app.SignedInAsync("service");
        var enterprise = await EnterpriseAsync();
        var economy = await DepartmentIdAsync("economy");
        var monday = FutureMonday();

        // An admin plans for the economy bureau on Tuesday.
        var tuesday = await PlanAsync(admin, new { enterpriseId = enterprise, plannedOn = monday.AddDays(1), leadDepartmentId = economy, purpose = "政策兑现回访" });
        Assert.Equal("经济发展局", tuesday.LeadDepartmentName);

        var warning = Assert.Single(await CheckAsync(service, enterprise, monday.AddDays(4)));
        Assert.Equal(VisitWarningKind.SameWeek, warning.Kind);
        Assert.Equal(tuesday.Id, warning.VisitId);
        Assert.Contains("经济发展局", warning.Message);
        Assert.Contains(VisitLabels.Date(monday.AddDays(1)), warning.Message);
        Assert.Contains("周二", warning.Message);

        // In English, through the caller's language.
        var english = await service.PostAsJsonAsync($"{Api}/check?culture=en", new { enterpriseId = enterprise, plannedOn = monday.AddDays(4) }, ZoneApp.Json);
        var englishWarning = Assert.Single((await english.Content.ReadFromJsonAsync<VisitCheckResult>(ZoneApp.Json))!.Warnings);
        Assert.Contains("Economic Development Bureau", englishWarning.Message);
        Assert.Contains("Tue", englishWarning.Message);

        // The week is Monday to Sunday: the next Monday is another week.
        Assert.Empty(await CheckAsync(service, enterprise, monday.AddDays(7)));
        Assert.Single(await CheckAsync(service, enterprise, monday.AddDays(6)));

        // A cancelled visit warns no one.
        var cancelled = await admin.PostAsJsonAsync($"{Api}/{tuesday.Id}/cancel", new { reason = "企业负责人出差" }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Empty(await CheckAsync(service, enterprise, monday.AddDays(4)));
    }

    [Fact]
    public async Task MonthlyLimit_WarnsAtTheThirdVisit_AndPlanningIsRefusedWith409UntilAcknowledged()
    {
        app.SkipIfUnavailable();
        var service = await app.SignedInAsync("service");
        var enterprise = await EnterpriseAsync();
        var month = FutureMonth();
        // Three days a week apart: three weeks, one month.
        var (first, second, third) = (month.AddDays(1), month.AddDays(8), month.AddDays(15));

        await PlanAsync(service, new { enterpriseId = enterprise, plannedOn = first, purpose = "第一次" });
        Assert.Empty(await CheckAsync(service, enterprise, second));
        await PlanAsync(service, new { enterpriseId = enterprise, plannedOn = second, purpose = "第二次" });

        var warning = Assert.Single(await CheckAsync(service, enterprise, third));
        Assert.Equal(VisitWarningKind.MonthlyLimit, warning.Kind);
        Assert.Equal(3, warning.Count);
        Assert.Equal(2, warning.Limit);
        Assert.Contains($"{month.Year}年{month.Month}月", warning.Message);

        var before = await CountAsync();
        var refused = await service.PostAsJsonAsync(Api, new { enterpriseId = enterprise, plannedOn = third, purpose = "第三次" }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await ProblemAsync(refused);
        Assert.Equal("VisitWarnings", problem.GetProperty("code").GetString());
        var warnings = problem.GetProperty("warnings");
        Assert.Equal("MonthlyLimit", Assert.Single(warnings.EnumerateArray()).GetProperty("kind").GetString());
        Assert.Contains("上限", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await CountAsync());

        var acknowledged = await PlanAsync(service, new { enterpriseId = enterprise, plannedOn = third, purpose = "第三次", acknowledgeWarnings = true });
        Assert.Equal(third, acknowledged.PlannedOn);
    }

    [Fact]
    public async Task MonthlyLimit_IsSetByAnAdmin_AndApplies()
    {
        app.SkipIfUnavailable();
        var admin = await app.SignedInAsync("admin");
        var service = await app.SignedInAsync("service");
        var enterprise = await EnterpriseAsync();
        var month = FutureMonth();
        await PlanAsync(service, new { enterpriseId = enterprise, plannedOn = month.AddDays(1), purpose = "第一次" });
        Assert.Empty(await CheckAsync(service, enterprise, month.AddDays(8)));

        Assert.Equal(HttpStatusCode.Forbidden, (await service.PutAsJsonAsync($"{Api}/settings", new { maxVisitsPerEnterprisePerMonth = 1 }, ZoneApp.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync($"{Api}/settings", new { maxVisitsPerEnterprisePerMonth = 0 }, ZoneApp.Json)).StatusCode);
        var settings = (await service.GetFromJsonAsync<VisitSettingsItem>($"{Api}/settings", ZoneApp.Json))!;
        try
        {
            var changed = await admin.PutAsJsonAsync($"{Api}/settings", new { maxVisitsPerEnterprisePerMonth = 1, version = settings.Version }, ZoneApp.Json);
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            Assert.Equal(1, (await changed.Content.ReadFromJsonAsync<VisitSettingsItem>(ZoneApp.Json))!.MaxVisitsPerEnterprisePerMonth);

            // Now the second visit of the month is one too many.
            var warning = Assert.Single(await CheckAsync(service, enterprise, month.AddDays(8)));
            Assert.Equal(VisitWarningKind.MonthlyLimit, warning.Kind);
            Assert.Equal((2, 1), (warning.Count, warning.Limit));

            // A stale version is refused.
            var stale = await admin.PutAsJsonAsync($"{Api}/settings", new { maxVisitsPerEnterprisePerMonth = 3, version = settings.Version }, ZoneApp.Json);
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }
        finally
        {
            var now = (await admin.GetFromJsonAsync<VisitSettingsItem>($"{Api}/settings", ZoneApp.Json))!;
            await admin.PutAsJsonAsync($"{Api}/settings", new { maxVisitsPerEnterprisePerMonth = VisitSettings.DefaultMaxVisitsPerEnterprisePerMonth, version = now.Version }, ZoneApp.Json);
        }
        Assert.Empty(await CheckAsync(service, enterprise, month.AddDays(8)));
    }

    // ---- who may record and cancel --------------------------------------------------------------------------------

    [Fact]
    public async Task Record_IsForTheLeadOrAParticipatingDepartment_OthersGet403()
    {
        app.SkipIfUnavailable();
        var (participating, participant) = await DepartmentWithUserAsync(ModuleAccess.Write);
        var (_, outsider) = await DepartmentWithUserAsync(ModuleAccess.Write);
        var service = await app.SignedInAsync("service");
        var lastMonday = VisitLabels.WeekStart(Today).AddDays(-7);
        var visit = await PlanAsync(service, new { enterpriseId = await EnterpriseAsync(), plannedOn = lastMonday, purpose = "联合走访", departmentIds = new[] { participating } });
        Assert.Equal(participating, Assert.Single(visit.Participants).Id);

        // Staff may lead only with their own department.
        var foreignLead = await service.PostAsJsonAsync(Api, new { enterpriseId = visit.EnterpriseId, plannedOn = FutureMonday(), purpose = "走访", leadDepartmentId = participating }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.Forbidden, foreignLead.StatusCode);

        var other = await app.SignedInAsync(outsider);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"{Api}/{visit.Id}")).StatusCode);
        Assert.False((await other.GetFromJsonAsync<VisitDetail>($"{Api}/{visit.Id}", ZoneApp.Json))!.CanRecord);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync($"{Api}/{visit.Id}/record", Record(lastMonday), ZoneApp.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync($"{Api}/{visit.Id}/cancel", new { reason = "不是我们的" }, ZoneApp.Json)).StatusCode);

        // A reader (the economy bureau) sees the calendar but writes nothing.
        var economy = await app.SignedInAsync("economy");
        Assert.Contains((await economy.GetFromJsonAsync<List<VisitSummary>>($"{Api}?from={lastMonday:yyyy-MM-dd}&to={lastMonday:yyyy-MM-dd}", ZoneApp.Json))!, v => v.Id == visit.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await economy.PostAsJsonAsync($"{Api}/{visit.Id}/record", Record(lastMonday), ZoneApp.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.PostAsJsonAsync($"{Api}/999999/record", Record(lastMonday), ZoneApp.Json)).StatusCode);

        var byParticipant = await (await app.SignedInAsync(participant)).PostAsJsonAsync($"{Api}/{visit.Id}/record", Record(lastMonday.AddDays(1)), ZoneApp.Json);
        Assert.Equal(HttpStatusCode.OK, byParticipant.StatusCode);
        var recorded = (await byParticipant.Content.ReadFromJsonAsync<VisitDetail>(ZoneApp.Json))!;
        Assert.Equal(lastMonday.AddDays(1), recorded.VisitedOn);
        Assert.Equal(participant, recorded.RecordedByName);

        // Recorded is final for cancelling; a correction must be made on the current version.
        Assert.Equal(HttpStatusCode.Conflict, (await service.PostAsJsonAsync($"{Api}/{visit.Id}/cancel", new { reason = "晚了" }, ZoneApp.Json)).StatusCode);
        var stale = await service.PostAsJsonAsync($"{Api}/{visit.Id}/record", new { visitedOn = lastMonday, attendees = "甲", topics = "乙", version = visit.Version }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        // The calendar places a recorded visit on the day it took place.
        var day = (await service.GetFromJsonAsync<List<VisitSummary>>($"{Api}?from={lastMonday.AddDays(1):yyyy-MM-dd}&to={lastMonday.AddDays(1):yyyy-MM-dd}&departmentId={participating}", ZoneApp.Json))!;
        Assert.Equal(visit.Id, Assert.Single(day).Id);
    }

    // ---- to-do, audit, privacy ------------------------------------------------------------------------------------

    [Fact]
    public async Task Planning_OpensTheTodoOfThePlanner_AndRecordingOrCancellingCompletesIt()
    {
        app.SkipIfUnavailable();
        var staff = await app.SignedInAsync("service.staff");
        var name = "待办测试" + Guid.NewGuid().ToString("N")[..6] + "有限公司";
        var enterprise = await EnterpriseAsync(name);
        var yesterday = Today.AddDays(-1);
        var visit = await PlanAsync(staff, new { enterpriseId = enterprise, plannedOn = yesterday, purpose = "了解经营情况" });
        var other = await PlanAsync(staff, new { enterpriseId = enterprise, plannedOn = FutureMonday(), purpose = "再次走访" });

        async Task<List<InboxEntry>> Todos(HttpClient client) =>
            (await client.GetFromJsonAsync<PagedResult<InboxEntry>>("/api/v1/inbox?pageSize=100", ZoneApp.Json))!.Items.Where(i => i.Title.Contains(name)).ToList();

        var todos = await Todos(staff);
        Assert.Equal(2, todos.Count);
        var todo = Assert.Single(todos, t => t.Link == $"/visits/{visit.Id}");
        Assert.Equal($"记录走访：{name}", todo.Title);
        Assert.Equal("Demands", todo.SourceModule);
        // Due by the end of the day after the visit, in the zone's time.
        var zone = app.Services.GetRequiredService<ZoneTime>();
        Assert.Equal(Today, zone.DateOf(todo.DueUtc!.Value));
        Assert.Empty(await Todos(await app.SignedInAsync("service")));

        var recorded = await staff.PostAsJsonAsync($"{Api}/{visit.Id}/record", Record(yesterday), ZoneApp.Json);
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Equal($"/visits/{other.Id}", Assert.Single(await Todos(staff)).Link);

        var cancelled = await staff.PostAsJsonAsync($"{Api}/{other.Id}/cancel", new { reason = "企业负责人出差，改期" }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Empty(await Todos(staff));
        var detail = (await cancelled.Content.ReadFromJsonAsync<VisitDetail>(ZoneApp.Json))!;
        Assert.Equal(VisitStatus.Cancelled, detail.Status);
        Assert.Equal("企业负责人出差，改期", detail.CancelReason);
        Assert.False(detail.CanRecord);
    }

    [Fact]
    public async Task Record_IsAudited_WithWhoAndWhatChanged()
    {
        app.SkipIfUnavailable();
        var service = await app.SignedInAsync("service");
        var yesterday = Today.AddDays(-1);
        var visit = await PlanAsync(service, new { enterpriseId = await EnterpriseAsync(), plannedOn = yesterday, purpose = "审计测试" });
        var findings = "audit-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.OK, (await service.PostAsJsonAsync($"{Api}/{visit.Id}/record", Record(yesterday, findings), ZoneApp.Json)).StatusCode);

        var entries = await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "demands_visits" && a.EntityKey == visit.Id.ToString()).OrderBy(a => a.Sequence).ToListAsync());
        Assert.Equal(AuditKind.Insert, entries[0].Kind);
        var update = Assert.Single(entries, a => a.Kind == AuditKind.Update);
        Assert.Equal("service", update.UserName);
        Assert.Contains(findings, update.Changes);
        Assert.Contains("Recorded", update.Changes);
    }

    [Fact]
    public async Task EnterpriseUser_Gets403_OnEveryVisitApi_AndThePage()
    {
        app.SkipIfUnavailable();
        var service = await app.SignedInAsync("service");
        var feitengId = await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Enterprises.Where(e => e.Name == "飞腾信息技术有限公司").Select(e => e.Id).SingleAsync());
        var visit = await PlanAsync(service, new { enterpriseId = feitengId, plannedOn = FutureMonday(3), purpose = "企业看不到的走访", acknowledgeWarnings = true });

        var feiteng = await app.SignedInAsync("feiteng");
        Assert.Equal(HttpStatusCode.Forbidden, (await feiteng.GetAsync(Api)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await feiteng.GetAsync($"{Api}/{visit.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await feiteng.GetAsync($"{Api}/summary")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await feiteng.GetAsync($"{Api}/settings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await feiteng.PostAsJsonAsync($"{Api}/check", new { enterpriseId = feitengId, plannedOn = FutureMonday() }, ZoneApp.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await feiteng.PostAsJsonAsync(Api, new { enterpriseId = feitengId, plannedOn = FutureMonday(), purpose = "x" }, ZoneApp.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await feiteng.PostAsJsonAsync($"{Api}/{visit.Id}/record", Record(Today), ZoneApp.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await feiteng.PostAsJsonAsync($"{Api}/{visit.Id}/cancel", new { reason = "x" }, ZoneApp.Json)).StatusCode);

        var page = await feiteng.GetAsync($"/visits/{visit.Id}");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/forbidden", ZoneApp.Target(page));
    }

    [Fact]
    public async Task DemoData_HasVisitsAroundToday_IncludingTwoDepartmentsAtOneEnterpriseInOneWeek()
    {
        app.SkipIfUnavailable();
        var leader = await app.SignedInAsync("leader");
        var from = Today.AddDays(-92);
        var visits = (await leader.GetFromJsonAsync<List<VisitSummary>>($"{Api}?from={from:yyyy-MM-dd}&to={Today.AddDays(32):yyyy-MM-dd}", ZoneApp.Json))!;
        var demo = visits.Where(v => !v.EnterpriseName.Contains("测试")).ToList();

        Assert.InRange(demo.Count, 40, 90);
        Assert.Contains(demo, v => v.Status == VisitStatus.Recorded);
        Assert.Contains(demo, v => v.Status == VisitStatus.Cancelled);
        Assert.Contains(demo, v => v.Status == VisitStatus.Planned && v.PlannedOn >= Today);
        Assert.True(demo.Select(v => v.LeadDepartmentId).Distinct().Count() >= 3);
        Assert.Contains(demo.Where(v => v.Status != VisitStatus.Cancelled).GroupBy(v => (v.EnterpriseId, VisitLabels.WeekStart(v.OnDate))),
            g => g.Select(v => v.LeadDepartmentId).Distinct().Count() > 1);

        var summary = (await leader.GetFromJsonAsync<VisitWeekSummary>($"{Api}/summary", ZoneApp.Json))!;
        Assert.False(summary.OwnDepartment);
        Assert.True(summary.ThisWeek >= 1);
    }
}

[Collection("sqlite")]
public sealed class VisitTests_Sqlite(SqliteApp app) : VisitTests(app);

[Collection("postgres")]
public sealed class VisitTests_Postgres(PostgresApp app) : VisitTests(app);
