using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechZone.Data;
using TechZone.Demands;
using TechZone.Platform.Api;
using TechZone.Platform.Calendar;
using TechZone.Platform.Inbox;
using TechZone.Tests.Infrastructure;

namespace TechZone.Tests.Demands;

/// <summary>The closed loop: raise → route → work → answer → rate/close, reject and reopen, lights and escalation, data scope.</summary>
public abstract class DemandLoopTests(ZoneApp app)
{
    const string Api = "/api/v1/demands";

    static string Tag() => Guid.NewGuid().ToString("N")[..8];

    Task<T> Db<T>(Func<ZoneDb, Task<T>> query) => app.WithScopeAsync(sp => query(sp.GetRequiredService<ZoneDb>()));

    Task<int> CategoryAsync(string code) => Db(db => db.Set<DemandCategory>().Where(c => c.Code == code).Select(c => c.Id).SingleAsync());
    Task<int> DepartmentAsync(string code) => Db(db => db.Departments.Where(d => d.Code == code).Select(d => d.Id).SingleAsync());
    Task<int> EnterpriseAsync(string name) => Db(db => db.Enterprises.Where(e => e.Name == name).Select(e => e.Id).SingleAsync());

    static async Task<DemandDetail> ReadAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<DemandDetail>(body, ZoneApp.Json)!;
    }

    /// <summary>飞腾 (the feiteng user's enterprise, in 海洋科技园) raises a demand of the category through its portal.</summary>
    async Task<DemandDetail> RaiseAsFeitengAsync(string category, string? title = null, string? description = null)
    {
        var feiteng = await app.SignedInAsync("feiteng");
        var response = await feiteng.PostAsJsonAsync(Api, new
        {
            categoryId = await CategoryAsync(category),
            title = title ?? "测试诉求" + Tag(),
            description = description ?? "详细描述" + Tag() + Guid.NewGuid(),
        }, ZoneApp.Json);
        return await ReadAsync(response, HttpStatusCode.Created);
    }

    [Fact]
    public async Task EnterpriseRaises_ItIsRoutedByCategory_WithAWorkingDayDeadline_AndLandsInTheDepartmentsInbox()
    {
        app.SkipIfUnavailable();
        var demand = await RaiseAsFeitengAsync("infrastructure-parking");

        Assert.Equal(DemandStatus.Assigned, demand.Status);
        Assert.Equal(DemandChannel.Portal, demand.Channel);
        var part = Assert.Single(demand.Parts);
        Assert.Equal(await DepartmentAsync("planning"), part.DepartmentId); // infrastructure → 规划建设局
        Assert.Equal(15, part.SlaDays);                                      // the planning department's default
        var expectedDue = await app.WithScopeAsync(sp => sp.GetRequiredService<WorkCalendar>().AddWorkingDaysAsync(part.AssignedUtc, 15));
        Assert.Equal(expectedDue, part.DueUtc);
        Assert.Equal(DemandLight.Green, demand.Light);

        var item = await Db(db => db.Set<InboxItem>().SingleAsync(i => i.SourceKey == "demand-part:" + part.Id));
        Assert.Equal(part.DepartmentId, item.DepartmentId);
        Assert.Null(item.DoneUtc);
        var planning = await app.SignedInAsync("planning");
        var inbox = await planning.GetFromJsonAsync<PagedResult<InboxEntry>>("/api/v1/inbox?pageSize=200", ZoneApp.Json);
        Assert.Contains(inbox!.Items, i => i.Link == $"/demands/{demand.Id}");
    }

    [Fact]
    public async Task TheEnterprisesTimeline_ShowsItsDemands_AndOnlyStaffSeeVisits()
    {
        app.SkipIfUnavailable();
        var title = "时间线诉求" + Tag();
        var demand = await RaiseAsFeitengAsync("other", title);

        var admin = await app.SignedInAsync("admin");
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var staffView = await admin.GetStringAsync($"/api/v1/enterprises/{demand.EnterpriseId}/timeline");
        Assert.Contains("提出诉求：" + title, staffView);
        Assert.Contains($"/demands/{demand.Id}", staffView);

        var feiteng = await app.SignedInAsync("feiteng");
        var own = await feiteng.GetStringAsync("/api/v1/my/enterprise/timeline");
        Assert.Contains($"/my/demands/{demand.Id}", own);
        Assert.DoesNotContain("/visits/", own);
    }

    [Fact]
    public async Task AParkSpecificRule_WinsOverTheGeneralOne()
    {
        app.SkipIfUnavailable();
        var service = await app.SignedInAsync("service");
        var inBolonghu = await EnterpriseAsync("中国长城科技集团股份有限公司天津分公司");
        var response = await service.PostAsJsonAsync(Api, new
        {
            enterpriseId = inBolonghu, categoryId = await CategoryAsync("vitality-dining"), channel = "Phone",
            title = "园区午餐" + Tag(), description = "渤龙湖园区午餐不便" + Tag(),
        }, ZoneApp.Json);
        var demand = await ReadAsync(response, HttpStatusCode.Created);

        // vitality in 渤龙湖 → 招商局 (the general vitality rule says 企业服务局).
        Assert.Equal(await DepartmentAsync("investment"), Assert.Single(demand.Parts).DepartmentId);
        Assert.Equal(DemandChannel.Phone, demand.Channel);
    }

    [Fact]
    public async Task TheWholeLoop_StartAnswerRateClose_ThenReopenWithin15Days()
    {
        app.SkipIfUnavailable();
        var demand = await RaiseAsFeitengAsync("infrastructure-transport");
        var part = demand.Parts[0];
        var planning = await app.SignedInAsync("planning");
        var feiteng = await app.SignedInAsync("feiteng");

        demand = await ReadAsync(await planning.PostAsJsonAsync($"{Api}/{demand.Id}/parts/{part.Id}/start", new { version = part.Version }, ZoneApp.Json));
        Assert.Equal(DemandStatus.InProgress, demand.Status);

        demand = await ReadAsync(await planning.PostAsJsonAsync($"{Api}/{demand.Id}/parts/{part.Id}/answer",
            new { answer = "已协调公交公司加密班次。" }, ZoneApp.Json));
        Assert.Equal(DemandStatus.Answered, demand.Status);
        Assert.Equal("已协调公交公司加密班次。", demand.Parts[0].Answer);
        Assert.True(demand.Parts[0].AnsweredOnTime);
        Assert.NotNull(await Db(db => db.Set<InboxItem>().Where(i => i.SourceKey == "demand-part:" + part.Id).Select(i => i.DoneUtc).SingleAsync()));
        // The enterprise is told, in its own words, and may rate.
        var feitengUser = await Db(db => db.Users.Where(u => u.UserName == "feiteng").Select(u => u.Id).SingleAsync());
        Assert.True(await Db(db => db.Set<Notification>().AnyAsync(n => n.UserId == feitengUser && n.Link == $"/my/demands/{demand.Id}")));

        var seen = await ReadAsync(await feiteng.GetAsync($"{Api}/{demand.Id}"));
        Assert.True(seen.Actions.Rate);
        demand = await ReadAsync(await feiteng.PostAsJsonAsync($"{Api}/{demand.Id}/rate", new { rating = 4, comment = "比较满意" }, ZoneApp.Json));
        Assert.Equal(DemandStatus.Closed, demand.Status);
        Assert.Equal(4, demand.Rating);
        Assert.True(demand.Actions.Reopen);

        var reopen = await feiteng.PostAsJsonAsync($"{Api}/{demand.Id}/reopen", new { reason = "班次仍然不够" }, ZoneApp.Json);
        demand = await ReadAsync(reopen);
        Assert.Equal(DemandStatus.Reopened, demand.Status);
        Assert.Equal(1, demand.ReopenCount);
        Assert.Null(demand.Rating);
        Assert.Equal(PartStatus.Assigned, demand.Parts[0].Status);
        // Back in the department's inbox.
        Assert.Null(await Db(db => db.Set<InboxItem>().Where(i => i.SourceKey == "demand-part:" + part.Id).Select(i => i.DoneUtc).SingleAsync()));
        Assert.Contains(demand.Events, e => e.Kind == DemandEventKind.Reopened && e.Note == "班次仍然不够");
    }

    [Fact]
    public async Task Reopen_After15Days_IsRefused()
    {
        app.SkipIfUnavailable();
        var demand = await RaiseAsFeitengAsync("other");
        var service = await app.SignedInAsync("service");
        var part = demand.Parts[0];
        await ReadAsync(await service.PostAsJsonAsync($"{Api}/{demand.Id}/parts/{part.Id}/answer", new { answer = "已处理" }, ZoneApp.Json));
        await ReadAsync(await service.PostAsJsonAsync($"{Api}/{demand.Id}/close", new { }, ZoneApp.Json));
        await Db(db => db.Set<Demand>().Where(d => d.Id == demand.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClosedUtc, DateTime.UtcNow.AddDays(-16))));

        var feiteng = await app.SignedInAsync("feiteng");
        var response = await feiteng.PostAsJsonAsync($"{Api}/{demand.Id}/reopen", new { reason = "没解决" }, ZoneApp.Json);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("15", await response.Content.ReadAsStringAsync());
        Assert.Equal(DemandStatus.Closed, await Db(db => db.Set<Demand>().Where(d => d.Id == demand.Id).Select(d => d.Status).SingleAsync()));
    }

    [Fact]
    public async Task AnotherEnterprise_GetsNotFound_OnEveryEndpoint()
    {
        app.SkipIfUnavailable();
        var demand = await RaiseAsFeitengAsync("financing");
        var kylin = await app.SignedInAsync("kylin");

        Assert.Equal(HttpStatusCode.NotFound, (await kylin.GetAsync($"{Api}/{demand.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kylin.PostAsJsonAsync($"{Api}/{demand.Id}/rate", new { rating = 1 }, ZoneApp.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kylin.PostAsJsonAsync($"{Api}/{demand.Id}/reopen", new { reason = "x" }, ZoneApp.Json)).StatusCode);
        var list = await kylin.GetFromJsonAsync<PagedResult<DemandSummary>>($"{Api}?pageSize=200", ZoneApp.Json);
        var kylinId = await EnterpriseAsync("麒麟软件有限公司");
        Assert.DoesNotContain(list!.Items, d => d.Id == demand.Id);
        Assert.All(list.Items, d => Assert.Equal(kylinId, d.EnterpriseId));
        // Asking for another enterprise's list by filter changes nothing either.
        var filtered = await kylin.GetFromJsonAsync<PagedResult<DemandSummary>>($"{Api}?enterpriseId={demand.EnterpriseId}", ZoneApp.Json);
        Assert.Equal(0, filtered!.Total);
        // Staff-only doors are closed by policy.
        foreach (var path in new[] { "assign", "split", "reject", "close", "not-duplicate", $"parts/{demand.Parts[0].Id}/answer" })
            Assert.Equal(HttpStatusCode.Forbidden, (await kylin.PostAsJsonAsync($"{Api}/{demand.Id}/{path}", new { }, ZoneApp.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kylin.GetAsync($"{Api}/board")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kylin.GetAsync($"{Api}/statistics")).StatusCode);
        // A similar-demands check shows an enterprise only its own.
        var similar = await kylin.PostAsJsonAsync($"{Api}/similar", new { categoryId = await CategoryAsync("financing"), title = "测试诉求", description = "详细描述" }, ZoneApp.Json);
        Assert.DoesNotContain((await similar.Content.ReadFromJsonAsync<List<DemandRef>>(ZoneApp.Json))!, d => d.Id == demand.Id);
    }

    [Fact]
    public async Task OnlyTheResponsibleDepartment_MayAnswer_AndReadersMayNotRaise()
    {
        app.SkipIfUnavailable();
        var demand = await RaiseAsFeitengAsync("infrastructure-network"); // → planning
        var part = demand.Parts[0];

        var service = await app.SignedInAsync("service");
        var answer = await service.PostAsJsonAsync($"{Api}/{demand.Id}/parts/{part.Id}/answer", new { answer = "越权答复" }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);

        var leader = await app.SignedInAsync("leader"); // leaders read every module and write none
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"{Api}/{demand.Id}")).StatusCode);
        var raise = await leader.PostAsJsonAsync(Api, new
        {
            enterpriseId = demand.EnterpriseId, categoryId = await CategoryAsync("other"), title = "只读部门登记", description = "不应成功",
        }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.Forbidden, raise.StatusCode);
        Assert.Equal(PartStatus.Assigned, await Db(db => db.Set<DemandPart>().Where(p => p.Id == part.Id).Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task Raise_WithoutTitle_Returns400_AndWritesNothing()
    {
        app.SkipIfUnavailable();
        var feiteng = await app.SignedInAsync("feiteng");
        var before = await Db(db => db.Set<Demand>().CountAsync());
        feiteng.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var response = await feiteng.PostAsJsonAsync(Api, new { categoryId = await CategoryAsync("other"), title = "", description = "内容" }, ZoneApp.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").EnumerateObject().Any(p => p.Name.Equals("title", StringComparison.OrdinalIgnoreCase)), problem.ToString());
        Assert.Equal(before, await Db(db => db.Set<Demand>().CountAsync()));

        var unknownCategory = await feiteng.PostAsJsonAsync(Api, new { categoryId = 999_999, title = "标题", description = "内容" }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, unknownCategory.StatusCode);
        Assert.Contains("诉求分类", await unknownCategory.Content.ReadAsStringAsync());
        Assert.Equal(before, await Db(db => db.Set<Demand>().CountAsync()));
    }

    [Fact]
    public async Task Reject_NeedsAReason_AndTheEnterpriseMayReopen()
    {
        app.SkipIfUnavailable();
        var demand = await RaiseAsFeitengAsync("approvals"); // → service
        var service = await app.SignedInAsync("service");

        var noReason = await service.PostAsJsonAsync($"{Api}/{demand.Id}/reject", new { reason = " " }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);

        demand = await ReadAsync(await service.PostAsJsonAsync($"{Api}/{demand.Id}/reject", new { reason = "不属于管委会职责" }, ZoneApp.Json));
        Assert.Equal(DemandStatus.Rejected, demand.Status);
        Assert.Equal("不属于管委会职责", demand.RejectReason);
        Assert.NotNull(await Db(db => db.Set<InboxItem>().Where(i => i.SourceKey == "demand-part:" + demand.Parts[0].Id).Select(i => i.DoneUtc).SingleAsync()));

        var feiteng = await app.SignedInAsync("feiteng");
        var reopened = await ReadAsync(await feiteng.PostAsJsonAsync($"{Api}/{demand.Id}/reopen", new { reason = "请再核实" }, ZoneApp.Json));
        Assert.Equal(DemandStatus.Reopened, reopened.Status);
        Assert.Equal("", reopened.RejectReason);
    }

    [Fact]
    public async Task TheBoardsLights_CountEveryOpenPart_ButNotThoseOfARejectedDemand()
    {
        app.SkipIfUnavailable();
        var leader = await app.SignedInAsync("leader");
        var serviceId = await DepartmentAsync("service");
        async Task<DepartmentLights> LightsAsync() =>
            (await leader.GetFromJsonAsync<SupervisionBoard>($"{Api}/board", ZoneApp.Json))!.Departments.Single(d => d.DepartmentId == serviceId);
        var before = await LightsAsync();

        var demand = await RaiseAsFeitengAsync("approvals"); // → service, due in some working days
        var fresh = await LightsAsync();
        Assert.Equal(before.Green + before.Yellow + before.Red + 1, fresh.Green + fresh.Yellow + fresh.Red);
        await Db(db => db.Set<DemandPart>().Where(p => p.DemandId == demand.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.DueUtc, DateTime.UtcNow.AddDays(-1))));
        var overdue = await LightsAsync();
        Assert.Equal(before.Red + 1, overdue.Red);

        // Rejecting leaves the part as it was; the board no longer counts it.
        var service = await app.SignedInAsync("service");
        await ReadAsync(await service.PostAsJsonAsync($"{Api}/{demand.Id}/reject", new { reason = "不属于管委会职责" }, ZoneApp.Json));
        var rejected = await LightsAsync();
        Assert.Equal((before.Green, before.Yellow, before.Red), (rejected.Green, rejected.Yellow, rejected.Red));

        // Reopened, the department works on it again with a new deadline.
        var feiteng = await app.SignedInAsync("feiteng");
        await ReadAsync(await feiteng.PostAsJsonAsync($"{Api}/{demand.Id}/reopen", new { reason = "请再核实" }, ZoneApp.Json));
        var reopened = await LightsAsync();
        Assert.Equal(before.Red, reopened.Red);
        Assert.Equal(before.Green + before.Yellow + 1, reopened.Green + reopened.Yellow);
    }

    [Fact]
    public async Task ASplitDemand_IsAnsweredOnlyWhenEveryDepartmentHasAnswered()
    {
        app.SkipIfUnavailable();
        var demand = await RaiseAsFeitengAsync("approvals"); // → service
        var service = await app.SignedInAsync("service");
        var economyId = await DepartmentAsync("economy");

        demand = await ReadAsync(await service.PostAsJsonAsync($"{Api}/{demand.Id}/split", new { departmentId = economyId, scope = "核实可享受的政策" }, ZoneApp.Json));
        Assert.Equal(2, demand.Parts.Count);
        var economyPart = demand.Parts.Single(p => p.DepartmentId == economyId);
        Assert.Equal(15, economyPart.SlaDays);
        Assert.Equal("核实可享受的政策", economyPart.Scope);

        var servicePart = demand.Parts.Single(p => p.DepartmentId != economyId);
        demand = await ReadAsync(await service.PostAsJsonAsync($"{Api}/{demand.Id}/parts/{servicePart.Id}/answer", new { answer = "审批已加快" }, ZoneApp.Json));
        Assert.Equal(DemandStatus.InProgress, demand.Status);

        var economy = await app.SignedInAsync("economy");
        demand = await ReadAsync(await economy.PostAsJsonAsync($"{Api}/{demand.Id}/parts/{economyPart.Id}/answer", new { answer = "可享受研发补贴" }, ZoneApp.Json));
        Assert.Equal(DemandStatus.Answered, demand.Status);
    }

    [Fact]
    public async Task Reassign_NeedsAReason_AndMovesTheInboxItem()
    {
        app.SkipIfUnavailable();
        var demand = await RaiseAsFeitengAsync("other"); // → service
        var service = await app.SignedInAsync("service");
        var part = demand.Parts[0];
        var planningId = await DepartmentAsync("planning");

        var noReason = await service.PostAsJsonAsync($"{Api}/{demand.Id}/parts/{part.Id}/reassign", new { departmentId = planningId }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);

        demand = await ReadAsync(await service.PostAsJsonAsync($"{Api}/{demand.Id}/parts/{part.Id}/reassign",
            new { departmentId = planningId, reason = "属于规划建设局职责" }, ZoneApp.Json));
        Assert.Equal(planningId, demand.Parts[0].DepartmentId);
        Assert.Equal(planningId, await Db(db => db.Set<InboxItem>().Where(i => i.SourceKey == "demand-part:" + part.Id).Select(i => i.DepartmentId).SingleAsync()));
        Assert.Contains(demand.Events, e => e.Kind == DemandEventKind.Reassigned && e.Note == "属于规划建设局职责");

        // The enterprise sees that it moved, not the internal reason.
        var feiteng = await app.SignedInAsync("feiteng");
        var seen = await ReadAsync(await feiteng.GetAsync($"{Api}/{demand.Id}"));
        Assert.All(seen.Events.Where(e => e.Kind == DemandEventKind.Reassigned), e => Assert.Equal("", e.Note));
    }

    [Fact]
    public async Task AnOverduePart_TurnsRed_IsEscalatedToTheHeadOnce_AndShowsOnTheBoard()
    {
        app.SkipIfUnavailable();
        var demand = await RaiseAsFeitengAsync("talent-schooling"); // → talent
        var part = demand.Parts[0];
        await Db(db => db.Set<DemandPart>().Where(p => p.Id == part.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.DueUtc, DateTime.UtcNow.AddDays(-1))));
        await Db(db => db.Set<Demand>().Where(d => d.Id == demand.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.DueUtc, DateTime.UtcNow.AddDays(-1))));

        var leader = await app.SignedInAsync("leader");
        var red = await leader.GetFromJsonAsync<PagedResult<DemandSummary>>($"{Api}?light=Red&pageSize=200", ZoneApp.Json);
        Assert.Contains(red!.Items, d => d.Id == demand.Id && d.Light == DemandLight.Red);

        var escalated = await app.WithScopeAsync(sp => sp.GetRequiredService<SupervisionService>().EscalateOverdueAsync());
        Assert.True(escalated >= 1);
        Assert.NotNull(await Db(db => db.Set<DemandPart>().Where(p => p.Id == part.Id).Select(p => p.EscalatedUtc).SingleAsync()));
        var head = await Db(db => db.Users.Where(u => u.UserName == "talent").Select(u => u.Id).SingleAsync());
        Assert.True(await Db(db => db.Set<InboxItem>().AnyAsync(i => i.UserId == head && i.SourceKey == $"demand-escalation:{part.Id}:{head}" && i.DoneUtc == null)));
        Assert.True(await Db(db => db.Set<Notification>().AnyAsync(n => n.UserId == head && n.Link == $"/demands/{demand.Id}")));
        // Copies for the e-mail and SMS gateways wait in the outbox.
        Assert.True(await Db(db => db.Set<OutboxMessage>().AnyAsync(m => m.Recipient == head && m.Channel == OutboxChannel.Email && m.Body.Contains(demand.Title))));
        Assert.True(await Db(db => db.Set<OutboxMessage>().AnyAsync(m => m.Recipient == head && m.Channel == OutboxChannel.Sms)));
        // Once per deadline.
        await app.WithScopeAsync(sp => sp.GetRequiredService<SupervisionService>().EscalateOverdueAsync());
        Assert.Equal(1, await Db(db => db.Set<DemandEvent>().CountAsync(e => e.DemandId == demand.Id && e.Kind == DemandEventKind.Escalated)));

        var board = await leader.GetFromJsonAsync<SupervisionBoard>($"{Api}/board", ZoneApp.Json);
        Assert.Contains(board!.Overdue, d => d.Id == demand.Id);
        Assert.True(board.Departments.Single(d => d.DepartmentId == part.DepartmentId).Red >= 1);

        // Answering it takes it off the head's desk.
        var talent = await app.SignedInAsync("talent");
        await ReadAsync(await talent.PostAsJsonAsync($"{Api}/{demand.Id}/parts/{part.Id}/answer", new { answer = "已协调学位" }, ZoneApp.Json));
        Assert.False(await Db(db => db.Set<InboxItem>().AnyAsync(i => i.SourceKey == $"demand-escalation:{part.Id}:{head}" && i.DoneUtc == null)));
        var answered = await ReadAsync(await talent.GetAsync($"{Api}/{demand.Id}"));
        Assert.False(answered.Parts[0].AnsweredOnTime);
    }

    [Fact]
    public async Task TitleSearch_FindsHanziSubstringsAndWordPrefixes_ThroughTheFullTextIndex()
    {
        app.SkipIfUnavailable();
        var tag = Tag();
        var raised = await RaiseAsFeitengAsync("infrastructure-utilities", "研发楼屋顶漏水需要维修" + tag);
        var admin = await app.SignedInAsync("admin");
        async Task<IReadOnlyList<int>> FoundAsync(HttpClient client, string search) =>
            (await client.GetFromJsonAsync<PagedResult<DemandSummary>>($"{Api}?search={Uri.EscapeDataString(search)}&pageSize=200", ZoneApp.Json))!
                .Items.Select(d => d.Id).ToList();

        Assert.Contains(raised.Id, await FoundAsync(admin, "屋顶漏水"));
        Assert.Contains(raised.Id, await FoundAsync(admin, "漏水 " + tag[..5]));
        Assert.Contains(raised.Id, await FoundAsync(admin, "#" + raised.Id));
        // A phrase, not a bag of characters: the same characters out of order do not match.
        Assert.DoesNotContain(raised.Id, await FoundAsync(admin, "水漏"));
        Assert.DoesNotContain(raised.Id, await FoundAsync(admin, "屋顶漏水 nosuchword" + tag));
        // By the enterprise's name, which the registry's name index finds (a part of it, in order only).
        Assert.Contains(raised.Id, await FoundAsync(admin, "信息技术"));
        Assert.DoesNotContain(raised.Id, await FoundAsync(admin, "技术信息"));
        // The enterprise finds its own demand the same way; another enterprise does not.
        Assert.Contains(raised.Id, await FoundAsync(await app.SignedInAsync("feiteng"), "屋顶漏水"));
        Assert.DoesNotContain(raised.Id, await FoundAsync(await app.SignedInAsync("kylin"), "屋顶漏水"));
    }

    [Fact]
    public async Task ASimilarOpenDemand_IsFlaggedAsPossibleDuplicate()
    {
        app.SkipIfUnavailable();
        var tag = Tag();
        var first = await RaiseAsFeitengAsync("infrastructure-utilities", "厂房冬季供暖温度不达标" + tag, "入冬以来厂房室内温度长期低于16度影响生产" + tag);
        var second = await RaiseAsFeitengAsync("infrastructure-utilities", "冬季厂房供暖温度达不到标准" + tag, "今年入冬以来厂房温度一直低于16度，影响正常生产" + tag);
        var different = await RaiseAsFeitengAsync("infrastructure-utilities", "需要双回路供电" + tag, "新建机房需要双回路供电保障，电力容量不足" + Tag());

        var admin = await app.SignedInAsync("admin");
        var seen = await ReadAsync(await admin.GetAsync($"{Api}/{second.Id}"));
        Assert.Equal(first.Id, seen.PossibleDuplicate?.Id);
        Assert.NotEqual(first.Id, (await ReadAsync(await admin.GetAsync($"{Api}/{different.Id}"))).PossibleDuplicate?.Id);

        var cleared = await ReadAsync(await admin.PostAsJsonAsync($"{Api}/{second.Id}/not-duplicate", new { }, ZoneApp.Json));
        Assert.Null(cleared.PossibleDuplicate);
    }

    [Fact]
    public async Task Statistics_CountTheDemand_AndExportToXlsx_Audited()
    {
        app.SkipIfUnavailable();
        var leader = await app.SignedInAsync("leader");
        var before = await leader.GetFromJsonAsync<DemandStatistics>($"{Api}/statistics", ZoneApp.Json);
        await RaiseAsFeitengAsync("talent-housing");
        var after = await leader.GetFromJsonAsync<DemandStatistics>($"{Api}/statistics", ZoneApp.Json);

        Assert.Equal(before!.Total + 1, after!.Total);
        Assert.Equal(before.ByCategory.Single(r => r.Name == "人才" || r.Name == "Talent").Count + 1,
            after.ByCategory.Single(r => r.Name == "人才" || r.Name == "Talent").Count);
        Assert.NotNull(after.OnTimeRate);
        Assert.InRange(after.AverageRating!.Value, 1, 5);

        var response = await leader.GetAsync($"{Api}/statistics/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.True(MiniExcelLibs.MiniExcel.GetSheetNames(stream).Count >= 5);
        Assert.True(await Db(db => db.AuditEntries.AnyAsync(e => e.EntityType == "Export" && e.UserName == "leader" && e.Changes.Contains("demand-statistics"))));
    }

    [Fact]
    public async Task Setup_IsTheAdmins_AndACategoryCannotLoop()
    {
        app.SkipIfUnavailable();
        var service = await app.SignedInAsync("service");
        Assert.Equal(HttpStatusCode.Forbidden, (await service.PutAsJsonAsync($"{Api}/routes", new { departmentId = 1 }, ZoneApp.Json)).StatusCode);

        var admin = await app.SignedInAsync("admin");
        var created = await admin.PostAsJsonAsync($"{Api}/categories", new { name = "测试分类" + Tag(), nameEn = "Test" }, ZoneApp.Json);
        var parent = (await created.Content.ReadFromJsonAsync<DemandCategoryItem>(ZoneApp.Json))!;
        var child = (await (await admin.PostAsJsonAsync($"{Api}/categories", new { name = "子分类" + Tag(), parentId = parent.Id }, ZoneApp.Json))
            .Content.ReadFromJsonAsync<DemandCategoryItem>(ZoneApp.Json))!;
        Assert.Contains(" / ", child.Path);

        var loop = await admin.PutAsJsonAsync($"{Api}/categories/{parent.Id}", new { name = parent.Name, parentId = child.Id }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, loop.StatusCode);

        // A rule for the new category routes its demands (and its child's) to the safety department, with its SLA.
        var safety = await DepartmentAsync("safety");
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"{Api}/routes", new { categoryId = parent.Id, departmentId = safety }, ZoneApp.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"{Api}/slas", new { categoryId = parent.Id, departmentId = safety, workingDays = 3 }, ZoneApp.Json)).StatusCode);
        var feiteng = await app.SignedInAsync("feiteng");
        var demand = await ReadAsync(await feiteng.PostAsJsonAsync(Api, new { categoryId = child.Id, title = "安全隐患", description = "消防通道被占用" }, ZoneApp.Json), HttpStatusCode.Created);
        Assert.Equal(safety, demand.Parts[0].DepartmentId);
        Assert.Equal(3, demand.Parts[0].SlaDays);
    }

    [Fact]
    public async Task EveryStep_IsAudited()
    {
        app.SkipIfUnavailable();
        var demand = await RaiseAsFeitengAsync("policy-consulting"); // → economy; its SLA for policy consulting is 5 days
        Assert.Equal(5, demand.Parts[0].SlaDays);
        var key = demand.Parts[0].Id.ToString();
        var admin = await app.SignedInAsync("admin");
        await ReadAsync(await admin.PostAsJsonAsync($"{Api}/{demand.Id}/parts/{demand.Parts[0].Id}/answer", new { answer = "口径说明" }, ZoneApp.Json));

        var entries = await Db(db => db.AuditEntries.Where(e => e.EntityType == "demands_parts" && e.EntityKey == key).ToListAsync());
        // Changes are JSON, with non-ASCII characters escaped.
        Assert.Contains(entries, e => e.UserName == "admin" && System.Text.RegularExpressions.Regex.Unescape(e.Changes).Contains("口径说明"));
        Assert.Contains(entries, e => e.UserName == "feiteng");
    }
}

[Collection("sqlite")]
public sealed class DemandLoopTests_Sqlite(SqliteApp app) : DemandLoopTests(app);

[Collection("postgres")]
public sealed class DemandLoopTests_Postgres(PostgresApp app) : DemandLoopTests(app);

public class TextSimilarityTests
{
    [Fact]
    public void ARewording_IsSimilar_AndADifferentProblem_IsNot()
    {
        var a = TextSimilarity.Shingles("园区停车位严重不足 员工上下班高峰时段停车位不足");
        var b = TextSimilarity.Shingles("停车位不足 上下班高峰园区停车位严重不够");
        var c = TextSimilarity.Shingles("千兆光纤未覆盖 研发测试需要大带宽专线");

        Assert.True(TextSimilarity.Dice(a, b) >= TextSimilarity.DuplicateThreshold);
        Assert.True(TextSimilarity.Dice(a, c) < TextSimilarity.DuplicateThreshold);
        Assert.Equal(0, TextSimilarity.Dice([], a));
    }
}
