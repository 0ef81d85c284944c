using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TechZone.E2E;

/// <summary>The demand loop as people walk it: the enterprise raises, the department answers, the enterprise rates; the board shows what is late.</summary>
public abstract class DemandLoopTests(AppServer server)
{
    [BrowserFact]
    public async Task EnterpriseRaises_DepartmentAnswers_EnterpriseRates_AndItCloses()
    {
        server.SkipIfUnavailable();
        var title = "园区东门停车位不足" + Guid.NewGuid().ToString("N")[..6];

        // 飞腾 raises a parking problem in its portal.
        await using var enterprise = await BrowserSession.SignedInAsync(server, "feiteng");
        await enterprise.Page.Locator("[data-nav=my-demands]").ClickAsync();
        await enterprise.Page.WaitForURLAsync(new Regex("/my/demands$"));
        await enterprise.Page.GetByTestId("new-demand").ClickAsync();
        await enterprise.Page.WaitForURLAsync(new Regex("/my/demands/new$"));
        await enterprise.WaitForInteractiveAsync();
        await enterprise.SelectAsync(enterprise.Page.GetByTestId("category"), "基础设施配套 / 停车");
        await enterprise.Page.GetByTestId("title").FillAsync(title);
        await enterprise.Page.GetByTestId("description").FillAsync("早高峰东门停车位不足，员工只能停在路边，希望增设临时停车位。");
        await enterprise.ScreenshotAsync("raise-demand-zh-CN-desktop");
        await enterprise.Page.GetByTestId("submit-demand").ClickAsync();

        // It is routed to the planning department at once.
        await enterprise.Page.WaitForURLAsync(new Regex("/my/demands/\\d+$"));
        var path = new Uri(enterprise.Page.Url).AbsolutePath;
        var id = path[(path.LastIndexOf('/') + 1)..];
        await Assertions.Expect(enterprise.Page.GetByTestId("demand-status")).ToHaveTextAsync("已交办");
        await Assertions.Expect(enterprise.Page.GetByTestId("part")).ToHaveAttributeAsync("data-department", "规划建设局");

        // The planning department finds it among its open demands, starts and answers it from a template.
        await using var staff = await BrowserSession.SignedInAsync(server, "planning");
        await staff.Page.Locator("[data-nav=demands]").ClickAsync();
        await staff.Page.WaitForURLAsync(new Regex("/demands$"));
        await staff.WaitForInteractiveAsync();
        // The first page has loaded (a lone row may be the loading row) before the search is typed.
        await staff.Page.GetByTestId("demand-table").Locator("tbody tr a").First.WaitForAsync();
        await staff.Page.GetByTestId("search").FillAsync(title);
        await Assertions.Expect(staff.Page.GetByTestId("demand-table").Locator("tbody tr")).ToHaveCountAsync(1);
        await staff.Page.GetByTestId("demand-table").GetByText(title).ClickAsync();
        await staff.Page.WaitForURLAsync(new Regex($"/demands/{id}$"));
        await staff.Page.GetByTestId("start").ClickAsync();
        await Assertions.Expect(staff.Page.GetByTestId("demand-status")).ToHaveTextAsync("处置中");
        await staff.Page.GetByTestId("answer").ClickAsync();
        var dialog = staff.Page.GetByTestId("action-dialog");
        await staff.SelectAsync(dialog.GetByTestId("action-template"), "已协调解决");
        await Assertions.Expect(dialog.GetByTestId("action-text")).ToHaveValueAsync(new Regex("现场协调"));
        await dialog.GetByTestId("action-text").FillAsync("已会同交管部门在东门外增设临时停车位80个，下周一启用。");
        await staff.ScreenshotAsync("answer-dialog-zh-CN-desktop");
        await staff.Page.GetByTestId("action-save").ClickAsync();
        await Assertions.Expect(staff.Page.GetByTestId("demand-status")).ToHaveTextAsync("已反馈");
        await staff.ScreenshotAsync("demand-detail-staff-zh-CN-desktop");
        await staff.AssertHealthyAsync();

        // The enterprise reads the answer, rates it four stars, and the demand closes.
        await enterprise.Page.ReloadAsync();
        await enterprise.WaitForInteractiveAsync();
        await Assertions.Expect(enterprise.Page.GetByTestId("part-answer")).ToContainTextAsync("临时停车位80个");
        await enterprise.Page.GetByTestId("rate").ClickAsync();
        var rate = enterprise.Page.GetByTestId("action-dialog");
        await rate.Locator(".mud-rating-item").Nth(3).ClickAsync();
        await rate.GetByTestId("action-text").FillAsync("解决得很及时！");
        await enterprise.ScreenshotAsync("rate-dialog-zh-CN-desktop");
        await enterprise.Page.GetByTestId("action-save").ClickAsync();
        await Assertions.Expect(enterprise.Page.GetByTestId("demand-status")).ToHaveTextAsync("已办结");
        await Assertions.Expect(enterprise.Page.GetByTestId("demand-rating")).ToContainTextAsync("解决得很及时");
        await Assertions.Expect(enterprise.Page.GetByTestId("reopen")).ToBeVisibleAsync();
        await enterprise.ScreenshotAsync("my-demand-closed-zh-CN-desktop");
        await enterprise.AssertHealthyAsync();
    }

    [BrowserFact]
    public async Task OverdueDemands_AreRed_OnTheSupervisionBoard()
    {
        server.SkipIfUnavailable();
        await using var leader = await BrowserSession.SignedInAsync(server, "leader");
        await leader.Page.Locator("[data-nav=demand-board]").ClickAsync();
        await leader.Page.WaitForURLAsync(new Regex("/demands/board$"));

        // The demo zone has demands past their deadline: each is listed red, and its department's red count shows it.
        var overdue = leader.Page.GetByTestId("overdue");
        await Assertions.Expect(overdue.Locator("[data-light=Red]").First).ToBeVisibleAsync();
        var reds = await leader.Page.GetByTestId("red-count").AllInnerTextsAsync();
        Assert.True(reds.Sum(int.Parse) > 0);
        await leader.ScreenshotAsync("demand-board-zh-CN-desktop");

        // Opening one shows it overdue and escalated to the department head.
        await overdue.Locator("tbody a").First.ClickAsync();
        await leader.Page.WaitForURLAsync(new Regex("/demands/\\d+$"));
        await Assertions.Expect(leader.Page.GetByTestId("demand-detail").GetByTestId("light")).ToHaveAttributeAsync("data-light", "Red");
        await leader.AssertHealthyAsync();

        // The list filters by light too, and the statistics page answers.
        await leader.Page.GotoAsync("/demands?light=red");
        await leader.WaitForInteractiveAsync();
        await Assertions.Expect(leader.Page.GetByTestId("demand-table").Locator("[data-light=Red]").First).ToBeVisibleAsync();
        await leader.ScreenshotAsync("demand-list-zh-CN-desktop");
        await leader.Page.Locator("[data-nav=demand-statistics]").ClickAsync();
        await Assertions.Expect(leader.Page.GetByTestId("kpi-total")).ToContainTextAsync(new Regex("\\d+"));
        await leader.ScreenshotAsync("demand-statistics-zh-CN-desktop");
        await leader.AssertHealthyAsync();
    }

    [BrowserFact]
    public async Task DemandPages_InEnglish_AndOnAPhone()
    {
        server.SkipIfUnavailable();
        await using var phone = await BrowserSession.SignedInAsync(server, "service.staff", BrowserSession.Phone, "en");
        // Each page with what shows it has loaded.
        foreach (var (path, name, ready) in new[]
        {
            ("/demands", "demand-list", "[data-testid=demand-table] tbody tr a"), ("/demands/board", "demand-board", "[data-testid=department-light]"),
            ("/demands/statistics", "demand-statistics", "[data-testid=kpi-total]"), ("/demands/new", "raise-demand", "[data-testid=title]"),
        })
        {
            await phone.Page.GotoAsync(path);
            await phone.WaitForInteractiveAsync();
            await phone.Page.Locator(ready).First.WaitForAsync();
            await phone.ScreenshotAsync($"{name}-en-phone");
        }
        await phone.Page.GotoAsync("/demands/board");
        await phone.WaitForInteractiveAsync();
        await phone.Page.GetByTestId("overdue").Locator("a").First.ClickAsync();
        await phone.Page.WaitForURLAsync(new Regex("/demands/\\d+$"));
        await Assertions.Expect(phone.Page.GetByTestId("demand-detail")).ToContainTextAsync("Overdue");
        await phone.ScreenshotAsync("demand-detail-en-phone");
        await phone.AssertHealthyAsync();

        await using var desktop = await BrowserSession.SignedInAsync(server, "kylin", BrowserSession.Desktop, "en");
        await desktop.Page.GotoAsync("/my/demands");
        await desktop.WaitForInteractiveAsync();
        await Assertions.Expect(desktop.Page.GetByTestId("my-demand").First).ToBeVisibleAsync();
        await desktop.ScreenshotAsync("my-demands-en-desktop");
        await desktop.Page.GetByTestId("my-demand").First.Locator("a").ClickAsync();
        await desktop.Page.WaitForURLAsync(new Regex("/my/demands/\\d+$"));
        await desktop.ScreenshotAsync("my-demand-en-desktop");
        await desktop.AssertHealthyAsync();

        await using var admin = await BrowserSession.SignedInAsync(server, "admin");
        await admin.Page.Locator("[data-nav=demand-setup]").ClickAsync();
        await Assertions.Expect(admin.Page.GetByTestId("category-table")).ToContainTextAsync("区域活力");
        await admin.ScreenshotAsync("demand-setup-zh-CN-desktop");
        await admin.AssertHealthyAsync();
    }
}

[Collection("e2e-sqlite")]
public sealed class DemandLoopTests_Sqlite(SqliteServer server) : DemandLoopTests(server);

[Collection("e2e-postgres")]
public sealed class DemandLoopTests_Postgres(PostgresServer server) : DemandLoopTests(server);
