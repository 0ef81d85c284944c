using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechZone.Chains;
using TechZone.Data;
using TechZone.Enterprises;
using TechZone.Platform.Api;
using TechZone.Platform.Audit;
using TechZone.Platform.Calendar;
using TechZone.Platform.Inbox;
using TechZone.Platform.Zone;
using TechZone.Tests.Infrastructure;

namespace TechZone.Tests.Chains;

/// <summary>
/// Chains and investment: segment health computed live from the registry and recoloured by thresholds, the lead
/// pipeline (moves, history, stalled flag, lost reason, to-dos), registration of a lead as an enterprise of the
/// registry tagged to its segments, key-project status from milestone slippage, who may read and write, bad input.
/// </summary>
public abstract class ChainTests(ZoneApp app)
{
    DateOnly Today => app.Services.GetRequiredService<ZoneTime>().Today;

    static async Task<T> Ok<T>(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(ZoneApp.Json))!;
    }

    async Task<ChainMap> MapAsync(HttpClient client, string code)
    {
        var chains = (await client.GetFromJsonAsync<List<ChainItem>>("/api/v1/chains", ZoneApp.Json))!;
        return (await client.GetFromJsonAsync<ChainMap>($"/api/v1/chains/{chains.Single(c => c.Code == code).Id}", ZoneApp.Json))!;
    }

    /// <summary>A segment of the test's own under the chip chain, so that no other test's tags count in it.</summary>
    async Task<SegmentDetail> NewSegmentAsync(HttpClient client, int? missingBelow = null)
    {
        var chip = await MapAsync(client, "chip");
        var response = await client.PostAsJsonAsync($"/api/v1/chains/{chip.Chain.Id}/segments",
            new { name = "测试环节" + Guid.NewGuid().ToString("N")[..6], nameEn = "Test segment", stage = "Midstream", sortOrder = 900, missingBelowEnterprises = missingBelow }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SegmentDetail>(ZoneApp.Json))!;
    }

    async Task<int> EnterpriseAsync(string? name = null)
    {
        var admin = await app.SignedInAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/v1/enterprises", new
        {
            creditCode = CreditCode.Make("120116", Random.Shared.NextInt64(50_000_000, 99_999_999)),
            name = name ?? "链测试" + Guid.NewGuid().ToString("N")[..8] + "有限公司",
            status = "Operating",
        }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<EnterpriseDetail>(ZoneApp.Json))!.Id;
    }

    async Task<LeadDetail> LeadAsync(HttpClient client, int segmentId, string? company = null, object? extra = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/leads", new
        {
            companyName = company ?? "目标企业" + Guid.NewGuid().ToString("N")[..6] + "股份有限公司", hqCity = "北京", sizeClass = "Medium",
            contactName = "王经理", contactPhone = "010-12345678", source = "展会", segmentIds = new[] { segmentId },
            expectedInvestmentFen = 5_000_000_000L, expectedJobs = 120, expectedTaxFen = 100_000_000L,
            nextStep = "邀请来津考察", nextStepDueOn = Today.AddDays(-1),
        }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<LeadDetail>(ZoneApp.Json))!;
    }

    static async Task<List<StageItem>> StagesAsync(HttpClient client) => (await client.GetFromJsonAsync<List<StageItem>>("/api/v1/leads/stages", ZoneApp.Json))!;

    static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    // ---- chains and health ----

    [Fact]
    public async Task DemoChains_HaveTheFiveXinchuangChains_WithStrongWeakAndMissingSegments()
    {
        app.SkipIfUnavailable();
        var leader = await app.SignedInAsync("leader");
        var chains = (await leader.GetFromJsonAsync<List<ChainItem>>("/api/v1/chains", ZoneApp.Json))!;
        Assert.Equal(["芯片", "操作系统", "网络安全", "应用软件", "整机终端"], chains.Take(5).Select(c => c.Name));

        var chip = await MapAsync(leader, "chip");
        var design = chip.Segments.Single(s => s.NameZh == "芯片设计");
        var cpu = chip.Segments.Single(s => s.NameZh == "CPU");
        Assert.Equal(design.Id, cpu.ParentId);
        Assert.Equal(1, cpu.Depth);
        // 飞腾 leads CPU design; the parent counts its sub-segments' enterprises.
        Assert.True(cpu.Figures.Leaders >= 1);
        Assert.True(design.Figures.Enterprises >= cpu.Figures.Enterprises);
        Assert.Equal(SegmentHealth.Missing, chip.Segments.Single(s => s.NameZh == "EDA与IP核").Health);
        Assert.Equal(ChainAction.Build, chip.Segments.Single(s => s.NameZh == "EDA与IP核").Action);
        Assert.Equal(SegmentHealth.Weak, chip.Segments.Single(s => s.NameZh == "封装").Health);

        var os = await MapAsync(leader, "os");
        Assert.Equal(SegmentHealth.Missing, os.Segments.Single(s => s.NameZh == "中间件").Health);
        Assert.True(os.Segments.Single(s => s.NameZh == "中间件").Figures.OpenLeads >= 1);
        var security = await MapAsync(leader, "security");
        Assert.Equal(SegmentHealth.Strong, security.Segments.Single(s => s.NameZh == "安全软件").Health);
        Assert.Equal(ChainAction.Strengthen, security.Segments.Single(s => s.NameZh == "安全软件").Action);
    }

    [Fact]
    public async Task Health_FollowsTheRegistryLive_AndTheThresholds()
    {
        app.SkipIfUnavailable();
        var investment = await app.SignedInAsync("investment");
        var segment = await NewSegmentAsync(investment);
        Assert.Equal(SegmentHealth.Missing, segment.Segment.Health);
        Assert.Equal(0, segment.Segment.Figures.Enterprises);

        // Two operating enterprises with revenue: 1,000 万 and 2,500 万 of 2025; one qualifies (高企).
        var a = await EnterpriseAsync();
        var b = await EnterpriseAsync();
        var admin = await app.SignedInAsync("admin");
        foreach (var (id, revenue) in new[] { (a, 10_000_000_00L), (b, 25_000_000_00L) })
        {
            (await admin.PutAsJsonAsync($"/api/v1/enterprises/{id}/facts", new { fiscalYear = 2025, figures = new object[] { new { metric = "Revenue", value = revenue }, new { metric = "Employees", value = 40 } } }, ZoneApp.Json)).EnsureSuccessStatusCode();
        }
        var types = (await admin.GetFromJsonAsync<List<QualificationTypeItem>>("/api/v1/enterprises/qualification-types", ZoneApp.Json))!;
        (await admin.PostAsJsonAsync($"/api/v1/enterprises/{a}/qualifications", new { typeId = types.First(t => t.Code == "hnte").Id, issuedOn = Today.AddYears(-1) }, ZoneApp.Json)).EnsureSuccessStatusCode();

        var tagged = await Ok<SegmentDetail>(await investment.PostAsJsonAsync($"/api/v1/chains/segments/{segment.Segment.Id}/tags", new { enterpriseId = a, role = "Leader" }, ZoneApp.Json));
        tagged = await Ok<SegmentDetail>(await investment.PostAsJsonAsync($"/api/v1/chains/segments/{segment.Segment.Id}/tags", new { enterpriseId = b, role = "Key" }, ZoneApp.Json));
        var f = tagged.Segment.Figures;
        Assert.Equal((2, 1, 1, 35_000_000_00L, 80L), (f.Enterprises, f.Leaders, f.Qualified, f.RevenueFen, f.Employees));
        // Two enterprises, fewer than the chain's weak threshold (3), and below 1 亿 of revenue: weak, 补链, with both reasons.
        Assert.Equal(SegmentHealth.Weak, tagged.Segment.Health);
        Assert.Equal(2, tagged.Segment.Reasons.Count);

        // The segment's own threshold: missing below 3 enterprises.
        var version = tagged.Segment.Version;
        var recoloured = await Ok<SegmentDetail>(await investment.PutAsJsonAsync($"/api/v1/chains/segments/{segment.Segment.Id}",
            new { name = tagged.Segment.NameZh, nameEn = "Test segment", stage = "Midstream", sortOrder = 900, missingBelowEnterprises = 3, weakBelowEnterprises = 3, version }, ZoneApp.Json));
        Assert.Equal(SegmentHealth.Missing, recoloured.Segment.Health);
        Assert.Equal(3, recoloured.Effective.MissingBelowEnterprises);

        // Lowering the thresholds (below 1 enterprise missing, revenue 0): strong, 强链.
        (await investment.PutAsJsonAsync($"/api/v1/chains/segments/{segment.Segment.Id}",
            new { name = tagged.Segment.NameZh, stage = "Midstream", sortOrder = 900, missingBelowEnterprises = 1, weakBelowEnterprises = 2, weakBelowRevenueFen = 0, version = recoloured.Segment.Version }, ZoneApp.Json)).EnsureSuccessStatusCode();
        var strong = (await investment.GetFromJsonAsync<SegmentDetail>($"/api/v1/chains/segments/{segment.Segment.Id}", ZoneApp.Json))!;
        Assert.Equal(SegmentHealth.Strong, strong.Segment.Health);

        // The registry changes, the map follows: an enterprise that moves out no longer counts.
        (await admin.PostAsJsonAsync($"/api/v1/enterprises/{b}/status", new { status = "MovedOut", onDate = Today }, ZoneApp.Json)).EnsureSuccessStatusCode();
        var after = (await investment.GetFromJsonAsync<SegmentDetail>($"/api/v1/chains/segments/{segment.Segment.Id}", ZoneApp.Json))!;
        Assert.Equal(1, after.Segment.Figures.Enterprises);
        Assert.Equal(SegmentHealth.Weak, after.Segment.Health);
        Assert.Contains(after.Enterprises, e => e.EnterpriseId == b && !e.Local);

        // Every change is in the audit trail.
        var audited = await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().AuditEntries.CountAsync(e => e.EntityType == "chains_segments" && e.EntityKey == segment.Segment.Id.ToString()));
        Assert.True(audited >= 3);
    }

    [Fact]
    public async Task ChainThresholds_AreSetWithTheVersion_AndAudited_AndBadOnesChangeNothing()
    {
        app.SkipIfUnavailable();
        var investment = await app.SignedInAsync("investment");
        var apps = await MapAsync(investment, "apps");
        var t = apps.Chain.Thresholds;

        var bad = await investment.PutAsJsonAsync($"/api/v1/chains/{apps.Chain.Id}/thresholds", new { missingBelowEnterprises = 5, weakBelowEnterprises = 2, weakBelowRevenueFen = 0, version = apps.Chain.Version }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("薄弱阈值", (await ProblemAsync(bad)).GetProperty("detail").GetString());
        var negative = await investment.PutAsJsonAsync($"/api/v1/chains/{apps.Chain.Id}/thresholds?culture=en", new { missingBelowEnterprises = -1, weakBelowEnterprises = 2, version = apps.Chain.Version }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        var stale = await investment.PutAsJsonAsync($"/api/v1/chains/{apps.Chain.Id}/thresholds", new { missingBelowEnterprises = 1, weakBelowEnterprises = 3, version = apps.Chain.Version + 7 }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(t, (await MapAsync(investment, "apps")).Chain.Thresholds);

        var map = await Ok<ChainMap>(await investment.PutAsJsonAsync($"/api/v1/chains/{apps.Chain.Id}/thresholds",
            new { t.MissingBelowEnterprises, t.WeakBelowEnterprises, t.WeakBelowRevenueFen, weakWithoutLeader = !t.WeakWithoutLeader, version = apps.Chain.Version }, ZoneApp.Json));
        Assert.Equal(!t.WeakWithoutLeader, map.Chain.Thresholds.WeakWithoutLeader);
        var entry = await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().AuditEntries.Where(e => e.EntityType == "chains_chains" && e.EntityKey == apps.Chain.Id.ToString())
            .OrderByDescending(e => e.Sequence).FirstAsync());
        Assert.Equal("investment", entry.UserName);
        Assert.Contains("WeakWithoutLeader", entry.Changes);
        // Put back for the other tests.
        (await investment.PutAsJsonAsync($"/api/v1/chains/{apps.Chain.Id}/thresholds", new { t.MissingBelowEnterprises, t.WeakBelowEnterprises, t.WeakBelowRevenueFen, t.WeakWithoutLeader, version = map.Chain.Version }, ZoneApp.Json)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Segments_AreAddedMovedRenamed_AndOnlyEmptyOnesRemoved()
    {
        app.SkipIfUnavailable();
        var investment = await app.SignedInAsync("investment");
        var parent = await NewSegmentAsync(investment);
        var chip = await MapAsync(investment, "chip");
        var child = await Ok<SegmentDetail>(await investment.PostAsJsonAsync($"/api/v1/chains/{chip.Chain.Id}/segments",
            new { name = "子环节", stage = "Upstream", parentId = parent.Segment.Id }, ZoneApp.Json));
        // A sub-segment is in its parent's stage, whatever was asked.
        Assert.Equal(ChainStage.Midstream, child.Segment.Stage);
        Assert.Equal(1, child.Segment.Depth);

        // Moving the parent under its own child is refused.
        var cycle = await investment.PutAsJsonAsync($"/api/v1/chains/segments/{parent.Segment.Id}",
            new { name = parent.Segment.NameZh, stage = "Midstream", parentId = child.Segment.Id, version = parent.Segment.Version }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, cycle.StatusCode);

        // Moving the parent downstream takes the child along.
        (await investment.PutAsJsonAsync($"/api/v1/chains/segments/{parent.Segment.Id}",
            new { name = "改名环节", nameEn = "Renamed", stage = "Downstream", version = parent.Segment.Version }, ZoneApp.Json)).EnsureSuccessStatusCode();
        var moved = await MapAsync(investment, "chip");
        Assert.Equal(ChainStage.Downstream, moved.Segments.Single(s => s.Id == child.Segment.Id).Stage);
        Assert.Equal("改名环节", moved.Segments.Single(s => s.Id == parent.Segment.Id).Name);

        // Not empty: it has a sub-segment (409, naming what is left).
        var notEmpty = await investment.DeleteAsync($"/api/v1/chains/segments/{parent.Segment.Id}");
        Assert.Equal(HttpStatusCode.Conflict, notEmpty.StatusCode);
        Assert.Contains("子环节 1", (await ProblemAsync(notEmpty)).GetProperty("detail").GetString());
        // A tagged enterprise keeps the child.
        var e = await EnterpriseAsync();
        (await investment.PostAsJsonAsync($"/api/v1/chains/segments/{child.Segment.Id}/tags", new { enterpriseId = e }, ZoneApp.Json)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Conflict, (await investment.DeleteAsync($"/api/v1/chains/segments/{child.Segment.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await investment.DeleteAsync($"/api/v1/chains/segments/{child.Segment.Id}/tags/{e}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await investment.DeleteAsync($"/api/v1/chains/segments/{child.Segment.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await investment.DeleteAsync($"/api/v1/chains/segments/{parent.Segment.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await investment.GetAsync($"/api/v1/chains/segments/{parent.Segment.Id}")).StatusCode);
    }

    [Fact]
    public async Task Export_IsAnXlsxOfTheSegments_AndASecurityEvent()
    {
        app.SkipIfUnavailable();
        var service = await app.SignedInAsync("service");
        var chip = await MapAsync(service, "chip");
        var response = await service.GetAsync($"/api/v1/chains/{chip.Chain.Id}/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(chip.Segments.Count, rows.Count);
        Assert.Contains(rows, r => ((string)r["产业环节"]).Trim() == "封装" && (string)r["举措"] == "补链");
        var audited = await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().AuditEntries.AnyAsync(e => e.Kind == AuditKind.Security && e.UserName == "service" && e.Changes.Contains("chain-map")));
        Assert.True(audited);
    }

    // ---- leads ----

    [Fact]
    public async Task Pipeline_MovesWithHistory_ButNotPastRegistrationUnregistered_AndLostLeadsKeepTheirReason()
    {
        app.SkipIfUnavailable();
        var investment = await app.SignedInAsync("investment");
        var segment = await NewSegmentAsync(investment);
        var lead = await LeadAsync(investment, segment.Segment.Id);
        var stages = await StagesAsync(investment);
        Assert.Equal(["线索", "接洽", "考察", "洽谈", "签约", "注册落地", "开工", "投产"], stages.Select(s => s.NameZh));
        Assert.Equal(stages[0].Id, lead.StageId);
        Assert.Equal("investment", (await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Users.SingleAsync(u => u.Id == lead.OwnerId))).UserName);

        var moved = await Ok<LeadDetail>(await investment.PostAsJsonAsync($"/api/v1/leads/{lead.Id}/move", new { stageId = stages[3].Id, note = "对方高层来访", version = lead.Version }, ZoneApp.Json));
        Assert.Equal("洽谈", moved.StageName);
        Assert.Equal(LeadEventKind.Moved, moved.History[^1].Kind);
        Assert.Equal(("线索", "洽谈", "对方高层来访"), (moved.History[^1].FromStage, moved.History[^1].ToStage, moved.History[^1].Note));

        // 开工 before 注册落地: refused (409), nothing changes.
        var skip = await investment.PostAsJsonAsync($"/api/v1/leads/{lead.Id}/move", new { stageId = stages[6].Id }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.Conflict, skip.StatusCode);
        Assert.Contains("注册落地", (await ProblemAsync(skip)).GetProperty("detail").GetString());
        // A stale version: 409.
        Assert.Equal(HttpStatusCode.Conflict, (await investment.PostAsJsonAsync($"/api/v1/leads/{lead.Id}/move", new { stageId = stages[4].Id, version = lead.Version }, ZoneApp.Json)).StatusCode);

        // Lost needs a reason; the reason is kept, and a lost lead no longer moves.
        var noReason = await investment.PostAsJsonAsync($"/api/v1/leads/{lead.Id}/lose", new { reason = "" }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var lost = await Ok<LeadDetail>(await investment.PostAsJsonAsync($"/api/v1/leads/{lead.Id}/lose", new { reason = "企业决定落户苏州" }, ZoneApp.Json));
        Assert.Equal((LeadStatus.Lost, "企业决定落户苏州"), (lost.Status, lost.LostReason));
        Assert.Equal(HttpStatusCode.Conflict, (await investment.PostAsJsonAsync($"/api/v1/leads/{lead.Id}/move", new { stageId = stages[4].Id }, ZoneApp.Json)).StatusCode);
        var reopened = await Ok<LeadDetail>(await investment.PostAsJsonAsync($"/api/v1/leads/{lead.Id}/reopen", new { reason = "企业重新评估" }, ZoneApp.Json));
        Assert.Equal(LeadStatus.Active, reopened.Status);
        Assert.Contains(reopened.History, h => h.Kind == LeadEventKind.Lost && h.Note == "企业决定落户苏州");
    }

    [Fact]
    public async Task IdleLead_IsFlaggedStalled_ByTheConfiguredDays_AndItsNextStepIsTheOwnersTodo()
    {
        app.SkipIfUnavailable();
        var investment = await app.SignedInAsync("investment");
        var segment = await NewSegmentAsync(investment);
        var lead = await LeadAsync(investment, segment.Segment.Id);
        Assert.False(lead.IsStalled);
        Assert.True(lead.IsOverdue);

        // The overdue next step is in the owner's inbox, overdue.
        var inbox = (await investment.GetFromJsonAsync<PagedResult<InboxEntry>>("/api/v1/inbox?pageSize=200", ZoneApp.Json))!;
        var todo = Assert.Single(inbox.Items, i => i.Link == $"/leads/{lead.Id}");
        Assert.True(todo.IsOverdue);
        Assert.Contains("邀请来津考察", todo.Title);

        // Nothing happened for 20 days: stalled when the setting says 14, not when it says 30.
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ZoneDb>();
            var row = await db.Set<Lead>().SingleAsync(l => l.Id == lead.Id);
            row.LastActivityUtc = DateTime.UtcNow.AddDays(-20);
            await db.SaveChangesAsync();
            return true;
        });
        var settings = (await investment.GetFromJsonAsync<ChainSettingsItem>("/api/v1/chains/settings", ZoneApp.Json))!;
        try
        {
            var s14 = await Ok<ChainSettingsItem>(await investment.PutAsJsonAsync("/api/v1/chains/settings", new { stalledAfterDays = 14, yellowWithinDays = settings.YellowWithinDays, version = settings.Version }, ZoneApp.Json));
            var stalled = (await investment.GetFromJsonAsync<LeadDetail>($"/api/v1/leads/{lead.Id}", ZoneApp.Json))!;
            Assert.True(stalled.IsStalled);
            Assert.Equal(20, stalled.IdleDays);
            var list = (await investment.GetFromJsonAsync<PagedResult<LeadSummary>>($"/api/v1/leads?stalled=true&segmentId={segment.Segment.Id}", ZoneApp.Json))!;
            Assert.Equal(lead.Id, Assert.Single(list.Items).Id);
            settings = await Ok<ChainSettingsItem>(await investment.PutAsJsonAsync("/api/v1/chains/settings", new { stalledAfterDays = 30, yellowWithinDays = settings.YellowWithinDays, version = s14.Version }, ZoneApp.Json));
            Assert.False((await investment.GetFromJsonAsync<LeadDetail>($"/api/v1/leads/{lead.Id}", ZoneApp.Json))!.IsStalled);

            // Any activity (a move) un-stalls it; losing it closes the to-do.
            await app.WithScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<ZoneDb>();
                (await db.Set<Lead>().SingleAsync(l => l.Id == lead.Id)).LastActivityUtc = DateTime.UtcNow.AddDays(-40);
                await db.SaveChangesAsync();
                return true;
            });
            Assert.True((await investment.GetFromJsonAsync<LeadDetail>($"/api/v1/leads/{lead.Id}", ZoneApp.Json))!.IsStalled);
            var stages = await StagesAsync(investment);
            var active = await Ok<LeadDetail>(await investment.PostAsJsonAsync($"/api/v1/leads/{lead.Id}/move", new { stageId = stages[1].Id }, ZoneApp.Json));
            Assert.False(active.IsStalled);
            (await investment.PostAsJsonAsync($"/api/v1/leads/{lead.Id}/lose", new { reason = "无投资意向" }, ZoneApp.Json)).EnsureSuccessStatusCode();
            inbox = (await investment.GetFromJsonAsync<PagedResult<InboxEntry>>("/api/v1/inbox?pageSize=200", ZoneApp.Json))!;
            Assert.DoesNotContain(inbox.Items, i => i.Link == $"/leads/{lead.Id}");
        }
        finally
        {
            var now = (await investment.GetFromJsonAsync<ChainSettingsItem>("/api/v1/chains/settings", ZoneApp.Json))!;
            await investment.PutAsJsonAsync("/api/v1/chains/settings", new { stalledAfterDays = 30, yellowWithinDays = 14, version = now.Version }, ZoneApp.Json);
        }
    }

    [Fact]
    public async Task Registration_CreatesTheEnterpriseInTheRegistry_TaggedToTheLeadsSegments_AndKeepsTheHistory()
    {
        app.SkipIfUnavailable();
        var investment = await app.SignedInAsync("investment");
        var segment = await NewSegmentAsync(investment, missingBelow: 1);
        Assert.Equal(SegmentHealth.Missing, segment.Segment.Health);
        var company = "落地测试" + Guid.NewGuid().ToString("N")[..6] + "科技有限公司";
        var lead = await LeadAsync(investment, segment.Segment.Id, company);
        var stages = await StagesAsync(investment);
        Assert.Equal(1, (await investment.GetFromJsonAsync<SegmentDetail>($"/api/v1/chains/segments/{segment.Segment.Id}", ZoneApp.Json))!.Segment.Figures.OpenLeads);
        (await investment.PostAsJsonAsync($"/api/v1/leads/{lead.Id}/move", new { stageId = stages.Single(s => s.Code == "signed").Id }, ZoneApp.Json)).EnsureSuccessStatusCode();

        var parks = (await investment.GetFromJsonAsync<List<ParkItem>>("/api/v1/parks", ZoneApp.Json))!;
        var code = CreditCode.Make("120116", Random.Shared.NextInt64(50_000_000, 99_999_999));
        // Bad input changes nothing: no park, then a credit code with a wrong check character.
        var noPark = await investment.PostAsJsonAsync($"/api/v1/leads/{lead.Id}/register", new { creditCode = code }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, noPark.StatusCode);
        var badCode = await investment.PostAsJsonAsync($"/api/v1/leads/{lead.Id}/register", new { creditCode = code[..17] + (code[17] == '0' ? '1' : '0'), parkId = parks[0].Id }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
        // A credit code the registry has already: 409, and the lead is not registered.
        var taken = await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Enterprises.Select(e => e.CreditCode).FirstAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await investment.PostAsJsonAsync($"/api/v1/leads/{lead.Id}/register", new { creditCode = taken, parkId = parks[0].Id }, ZoneApp.Json)).StatusCode);
        Assert.Null((await investment.GetFromJsonAsync<LeadDetail>($"/api/v1/leads/{lead.Id}", ZoneApp.Json))!.EnterpriseId);
        Assert.False(await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Enterprises.AnyAsync(e => e.Name == company)));

        // 招商局 has no write grant on the registry, yet registers the enterprise it attracted.
        Assert.Equal(HttpStatusCode.Forbidden, (await investment.PostAsJsonAsync("/api/v1/enterprises", new { creditCode = code, name = company }, ZoneApp.Json)).StatusCode);
        var registered = await Ok<LeadDetail>(await investment.PostAsJsonAsync($"/api/v1/leads/{lead.Id}/register",
            new { creditCode = code, parkId = parks[1].Id, legalRepresentative = "李明", address = "天津市滨海高新区华苑产业区1号", industryCode = "65", role = "Key" }, ZoneApp.Json));
        Assert.Equal("注册落地", registered.StageName);
        Assert.NotNull(registered.EnterpriseId);
        Assert.Equal(company, registered.EnterpriseName);
        Assert.Equal(LeadEventKind.Registered, registered.History[^1].Kind);

        var enterprise = (await investment.GetFromJsonAsync<EnterpriseDetail>($"/api/v1/enterprises/{registered.EnterpriseId}", ZoneApp.Json))!;
        Assert.Equal((company, code, parks[1].Id, EnterpriseStatus.Registered, SizeClass.Medium), (enterprise.Name, enterprise.CreditCode, enterprise.ParkId, enterprise.Status, enterprise.SizeClass));
        Assert.Equal(("王经理", "010-12345678"), (enterprise.Contacts.Single().Name, enterprise.Contacts.Single().Phone));
        var tags = (await investment.GetFromJsonAsync<List<EnterpriseChainTag>>($"/api/v1/chains/enterprises/{enterprise.Id}", ZoneApp.Json))!;
        Assert.Equal((segment.Segment.Id, ChainRole.Key), (Assert.Single(tags).SegmentId, tags[0].Role));

        // The segment now has a local enterprise (no longer missing) and no open lead; the lead's history is on the enterprise's timeline.
        var health = (await investment.GetFromJsonAsync<SegmentDetail>($"/api/v1/chains/segments/{segment.Segment.Id}", ZoneApp.Json))!;
        Assert.Equal((1, 0), (health.Segment.Figures.Enterprises, health.Segment.Figures.OpenLeads));
        Assert.NotEqual(SegmentHealth.Missing, health.Segment.Health);
        var timeline = (await investment.GetFromJsonAsync<List<TimelineEvent>>($"/api/v1/enterprises/{enterprise.Id}/timeline", ZoneApp.Json))!;
        Assert.Contains(timeline, t => t.Kind == "lead.created" && t.Link == $"/leads/{lead.Id}");
        Assert.Contains(timeline, t => t.Kind == "lead.registered");
        Assert.Contains(timeline, t => t.Kind == "chain.tagged");

        // Registered once only; afterwards it moves on to 开工 but not back, and cannot be lost.
        Assert.Equal(HttpStatusCode.Conflict, (await investment.PostAsJsonAsync($"/api/v1/leads/{lead.Id}/register", new { creditCode = code, parkId = parks[0].Id }, ZoneApp.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await investment.PostAsJsonAsync($"/api/v1/leads/{lead.Id}/move", new { stageId = stages[2].Id }, ZoneApp.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await investment.PostAsJsonAsync($"/api/v1/leads/{lead.Id}/lose", new { reason = "x" }, ZoneApp.Json)).StatusCode);
        (await investment.PostAsJsonAsync($"/api/v1/leads/{lead.Id}/move", new { stageId = stages.Single(s => s.Code == "construction").Id }, ZoneApp.Json)).EnsureSuccessStatusCode();

        // The figures count it landed for its owner.
        var figures = (await investment.GetFromJsonAsync<LeadFigures>("/api/v1/leads/figures", ZoneApp.Json))!;
        var mine = figures.ByOwner.Single(r => r.Key == lead.OwnerId);
        Assert.True(mine.Landed >= 1);
        Assert.True(mine.SignedInvestmentFen >= 5_000_000_000L);
        Assert.True(figures.Conversion.Single(c => c.Name == "注册落地").Reached >= 1);
    }

    [Fact]
    public async Task Board_HasAColumnPerStage_AndPerWeakOrMissingSegment()
    {
        app.SkipIfUnavailable();
        var leader = await app.SignedInAsync("leader");
        var byStage = (await leader.GetFromJsonAsync<LeadBoard>("/api/v1/leads/board", ZoneApp.Json))!;
        Assert.Equal(8, byStage.Columns.Count);
        Assert.Contains(byStage.Columns, c => c.Title == "洽谈" && c.Leads.Any(l => l.CompanyName == "锐捷网络股份有限公司"));
        var bySegment = (await leader.GetFromJsonAsync<LeadBoard>("/api/v1/leads/board?by=segment", ZoneApp.Json))!;
        Assert.Equal(SegmentHealth.Missing, bySegment.Columns[0].Health);
        Assert.Contains(bySegment.Columns, c => c.Title.EndsWith("中间件") && c.Leads.Count >= 2);
    }

    [Fact]
    public async Task BadLead_Returns400InTheCallersLanguage_AndWritesNothing()
    {
        app.SkipIfUnavailable();
        var investment = await app.SignedInAsync("investment");
        var before = await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Set<Lead>().CountAsync());
        var missing = await investment.PostAsJsonAsync("/api/v1/leads", new { hqCity = "北京" }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = (await ProblemAsync(missing)).GetProperty("errors").ToString();
        Assert.Contains("companyName", errors, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("此项为必填项", errors);
        var english = await investment.PostAsJsonAsync("/api/v1/leads?culture=en", new { companyName = "X", segmentIds = new[] { 999_999 } }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, english.StatusCode);
        Assert.Contains("no such segment", (await ProblemAsync(english)).GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        var negative = await investment.PostAsJsonAsync("/api/v1/leads", new { companyName = "X", segmentIds = new[] { 1 }, expectedInvestmentFen = -5 }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        var badPhone = await investment.PostAsJsonAsync("/api/v1/leads", new { companyName = "X", segmentIds = new[] { 1 }, contactPhone = "call me" }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, badPhone.StatusCode);
        Assert.Equal(before, await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Set<Lead>().CountAsync()));
    }

    // ---- key projects ----

    [Fact]
    public async Task ProjectStatus_IsRedWhenAMilestoneIsLate_YellowWhenOneIsDueSoon_GreenOtherwise()
    {
        app.SkipIfUnavailable();
        var investment = await app.SignedInAsync("investment");
        var investor = await EnterpriseAsync();
        var project = await Ok<ProjectSummary>(await investment.PostAsJsonAsync("/api/v1/projects",
            new { name = "测试重点项目", enterpriseId = investor, investmentFen = 1_000_000_000_00L, startOn = Today.AddMonths(1) }, ZoneApp.Json));
        // Template milestones, planned from the start date: nothing due yet.
        Assert.Equal(["拿地", "开工", "主体完工", "竣工", "投产"], project.Milestones.Select(m => m.NameZh));
        Assert.Equal(Today.AddMonths(1), project.Milestones[0].PlannedOn);
        Assert.Equal(ProjectLight.Green, project.Light);

        MilestoneItem first = project.Milestones[0];
        async Task<ProjectSummary> Plan(DateOnly planned, DateOnly? actual)
        {
            var p = await Ok<ProjectSummary>(await investment.PutAsJsonAsync($"/api/v1/projects/{project.Id}/milestones/{first.Id}",
                new { name = first.NameZh, nameEn = first.NameEn, plannedOn = planned, actualOn = actual, note = "进展说明", sortOrder = first.SortOrder, version = first.Version }, ZoneApp.Json));
            first = p.Milestones.Single(m => m.Id == first.Id);
            return p;
        }

        var yellow = await Plan(Today.AddDays(5), null);
        Assert.Equal((ProjectLight.Yellow, MilestoneState.DueSoon), (yellow.Light, first.State));
        var red = await Plan(Today.AddDays(-3), null);
        Assert.Equal((ProjectLight.Red, MilestoneState.Late, 3), (red.Light, first.State, first.DaysLate));
        var done = await Plan(Today.AddDays(-3), Today);
        Assert.Equal((ProjectLight.Green, MilestoneState.Done), (done.Light, first.State));
        // Done in the future is refused.
        var future = await investment.PutAsJsonAsync($"/api/v1/projects/{project.Id}/milestones/{first.Id}",
            new { name = "拿地", plannedOn = Today, actualOn = Today.AddDays(2), version = first.Version }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);

        // The leaders' page lists every project, red first; the demo's 飞腾 headquarters is late.
        var overview = (await (await app.SignedInAsync("leader")).GetFromJsonAsync<ProjectOverview>("/api/v1/projects", ZoneApp.Json))!;
        Assert.True(overview.Red >= 1);
        Assert.Equal(ProjectLight.Red, overview.Projects[0].Light);
        Assert.Equal(ProjectLight.Red, overview.Projects.Single(p => p.Name == "飞腾芯片研发总部").Light);
        Assert.Contains(overview.Projects, p => p.Name == "中科曙光国家先进计算产业创新中心");
        Assert.Equal(overview.Projects.Count, overview.Green + overview.Yellow + overview.Red);
    }

    // ---- who may do what ----

    [Fact]
    public async Task Enterprises_SeeNothing_OtherDepartmentsRead_OnlyTheGrantWrites_LeadersRead()
    {
        app.SkipIfUnavailable();
        var feiteng = await app.SignedInAsync("feiteng");
        foreach (var url in new[] { "/api/v1/chains", "/api/v1/leads", "/api/v1/projects", "/api/v1/leads/board", "/api/v1/chains/segments/1" })
            Assert.Equal(HttpStatusCode.Forbidden, (await feiteng.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await feiteng.PostAsJsonAsync("/api/v1/leads", new { companyName = "X", segmentIds = new[] { 1 } }, ZoneApp.Json)).StatusCode);
        // The enterprise's own timeline shows nothing of the investment work about it.
        var mine = (await feiteng.GetFromJsonAsync<List<TimelineEvent>>("/api/v1/my/enterprise/timeline", ZoneApp.Json))!;
        Assert.DoesNotContain(mine, e => e.Module == Modules.Chains);

        var service = await app.SignedInAsync("service"); // Chains: read
        Assert.Equal(HttpStatusCode.OK, (await service.GetAsync("/api/v1/leads")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.PostAsJsonAsync("/api/v1/leads", new { companyName = "X", segmentIds = new[] { 1 } }, ZoneApp.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.PutAsJsonAsync("/api/v1/chains/1/thresholds", new { missingBelowEnterprises = 1, weakBelowEnterprises = 3, version = 0 }, ZoneApp.Json)).StatusCode);
        // The registry's profile shows staff where 飞腾 sits in the chains.
        var feitengId = await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Enterprises.Where(e => e.Name == "飞腾信息技术有限公司").Select(e => e.Id).SingleAsync());
        var timeline = (await service.GetFromJsonAsync<List<TimelineEvent>>($"/api/v1/enterprises/{feitengId}/timeline", ZoneApp.Json))!;
        Assert.Contains(timeline, e => e.Kind == "chain.tagged" && e.Title.Contains("链主"));

        var planning = await app.SignedInAsync("planning"); // no Chains grant
        Assert.Equal(HttpStatusCode.Forbidden, (await planning.GetAsync("/api/v1/chains")).StatusCode);
        Assert.DoesNotContain((await planning.GetFromJsonAsync<List<TimelineEvent>>($"/api/v1/enterprises/{feitengId}/timeline", ZoneApp.Json))!, e => e.Module == Modules.Chains);

        var leader = await app.SignedInAsync("leader");
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync("/api/v1/projects")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync("/api/v1/leads/figures")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsJsonAsync("/api/v1/projects", new { name = "X", enterpriseId = feitengId }, ZoneApp.Json)).StatusCode);

        var investment = await app.SignedInAsync("investment");
        foreach (var url in new[] { "/api/v1/chains/999999", "/api/v1/chains/segments/999999", "/api/v1/leads/999999", "/api/v1/projects/999999", "/api/v1/chains/enterprises/999999" })
            Assert.Equal(HttpStatusCode.NotFound, (await investment.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await investment.PostAsJsonAsync("/api/v1/leads/999999/move", new { stageId = 1 }, ZoneApp.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await investment.DeleteAsync("/api/v1/chains/segments/999999")).StatusCode);
    }
}

[Collection("sqlite")]
public sealed class ChainTests_Sqlite(SqliteApp app) : ChainTests(app);

[Collection("postgres")]
public sealed class ChainTests_Postgres(PostgresApp app) : ChainTests(app);
