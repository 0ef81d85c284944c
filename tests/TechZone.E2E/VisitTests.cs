using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TechZone.E2E;

/// <summary>The visits calendar's main path: plan (with the same-week warning), find it on the calendar, record it.</summary>
public abstract class VisitTests(AppServer server)
{
    const string Feiteng = "飞腾信息技术有限公司";

    [BrowserFact]
    public async Task Staff_PlansAVisit_ConfirmsTheSameWeekWarning_RecordsIt_AndTheTodoIsDone()
    {
        server.SkipIfUnavailable();
        await using var session = await BrowserSession.SignedInAsync(server, "service.staff");
        var page = session.Page;
        await page.Locator("[data-nav=visits]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/visits$"));
        await Assertions.Expect(page.GetByTestId("visit-grid").GetByTestId("visit-chip").First).ToBeVisibleAsync();
        await session.ScreenshotAsync("visits-calendar-zh-CN-desktop");

        // Plan a visit to 飞腾 today, with the economy bureau: the demo data has another visit to 飞腾 this week.
        await page.GetByTestId("plan-visit").ClickAsync();
        var dialog = page.GetByTestId("visit-plan-dialog");
        await session.PickAsync(Field(dialog, "visit-enterprise"), "飞腾", Feiteng);
        await session.SelectAsync(dialog.GetByTestId("visit-participants"), "经济发展局");
        // A multiple choice stays open: a click beside it closes it (and not the dialog), as a person would.
        await page.Mouse.ClickAsync(5, 5);
        await Assertions.Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await Field(dialog, "visit-purpose").FillAsync("了解二期扩产用地需求和人才公寓申请进展");
        // The demo's visit this week, and any another test planned to 飞腾 this week on the shared server.
        var sameWeek = dialog.GetByTestId("visit-warning-SameWeek").First;
        await Assertions.Expect(sameWeek).ToContainTextAsync("同一周");
        await session.ScreenshotAsync("visit-plan-warning-zh-CN-desktop", fullPage: false);

        await page.GetByTestId("save-visit").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "仍然安排" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync(Feiteng);

        // The new visit stands out on the calendar.
        var planned = page.GetByTestId("visit-grid").Locator("[data-new=true]");
        await Assertions.Expect(planned).ToHaveAttributeAsync("data-status", "Planned");
        var id = await planned.GetAttributeAsync("data-visit-id");
        await session.ScreenshotAsync("visits-calendar-planned-zh-CN-desktop");
        await session.AssertHealthyAsync();

        // "My department only" keeps it (the planner's department leads); another department's filter hides it.
        await page.GetByText("只看本部门").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("mine=true"));
        // The address changes first; the switch shows its state once the page has re-rendered from it.
        await Assertions.Expect(page.Locator("input[data-testid=visit-mine], [data-testid=visit-mine] input").First).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByTestId("visit-grid").Locator($"[data-visit-id='{id}']")).ToBeVisibleAsync();
        // The whole calendar again (a fresh page: the switch re-renders from the address after it changes, and a
        // click in between lands on a control that is being replaced), then another department's filter.
        await page.GotoAsync(server.BaseUrl + "/visits");
        await session.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("input[data-testid=visit-mine], [data-testid=visit-mine] input").First).Not.ToBeCheckedAsync();
        await session.SelectAsync(page.GetByTestId("visit-department-filter"), "人才服务中心");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("department="));
        await Assertions.Expect(page.GetByTestId("visit-grid").Locator($"[data-visit-id='{id}']")).ToHaveCountAsync(0);

        // The planner's to-do is on the home page and leads to the visit.
        await page.Locator("[data-nav=home]").ClickAsync();
        var todo = page.GetByTestId("inbox-card").Locator($"a[href='/visits/{id}']");
        await Assertions.Expect(todo).ToContainTextAsync("记录走访：" + Feiteng);
        await Assertions.Expect(page.GetByTestId("visit-week-card")).ToBeVisibleAsync();
        await session.ScreenshotAsync("home-visits-zh-CN-desktop");
        await todo.ClickAsync();
        await page.WaitForURLAsync(new Regex($"/visits/{id}$"));
        await Assertions.Expect(page.GetByTestId("visit-participants")).ToContainTextAsync("经济发展局");

        await page.GetByTestId("record-visit").ClickAsync();
        var record = page.GetByTestId("visit-record-dialog");
        await Field(record, "visit-attendees").FillAsync("管委会：企业服务局李敏、经济发展局赵科长；企业：张工（市场部经理）");
        await Field(record, "visit-topics").FillAsync("二期扩产用地选址、人才公寓申请进展");
        await Field(record, "visit-findings-input").FillAsync("企业计划明年启动二期建设，需用地约30亩；人才公寓轮候时间较长。");
        await session.ScreenshotAsync("visit-record-dialog-zh-CN-desktop", fullPage: false);
        await page.GetByTestId("save-record").ClickAsync();
        await Assertions.Expect(page.GetByTestId("visit-status")).ToHaveTextAsync("已记录");
        await Assertions.Expect(page.GetByTestId("visit-findings")).ToContainTextAsync("30亩");
        await session.ScreenshotAsync("visit-detail-zh-CN-desktop");

        await page.Locator("[data-nav=home]").ClickAsync();
        await Assertions.Expect(page.GetByTestId("inbox-card")).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(page.GetByTestId("inbox-card").Locator($"a[href='/visits/{id}']")).ToHaveCountAsync(0);
        await session.AssertHealthyAsync();

        await ScreensAsync(id!);
    }

    [BrowserFact]
    public async Task Admin_SetsTheMonthlyLimit()
    {
        server.SkipIfUnavailable();
        await using var session = await BrowserSession.SignedInAsync(server, "admin", locale: "en");
        var page = session.Page;
        await page.GotoAsync("/visits");
        await session.WaitForInteractiveAsync();
        await page.GetByTestId("visit-settings").ClickAsync();
        var max = Field(page.Locator(".mud-dialog"), "visit-max-per-month");
        await Assertions.Expect(max).ToHaveValueAsync("2");
        await max.FillAsync("3");
        await session.ScreenshotAsync("visit-settings-en-desktop", fullPage: false);
        await page.GetByTestId("save-visit-settings").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("3");

        // Back to the default, so that the other test sees the limit of the demo data.
        await page.GetByTestId("visit-settings").ClickAsync();
        await Assertions.Expect(max).ToHaveValueAsync("3");
        await max.FillAsync("2");
        await page.GetByTestId("save-visit-settings").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("2");
        await session.AssertHealthyAsync();
    }

    /// <summary>The calendar, the plan dialog and the visit page in English and on a phone; nothing may be wider than the screen.</summary>
    async Task ScreensAsync(string visitId)
    {
        foreach (var (culture, size) in new[] { ("en", "desktop"), ("zh-CN", "phone"), ("en", "phone") })
        {
            await using var session = await BrowserSession.SignedInAsync(server, "service", size == "phone" ? BrowserSession.Phone : BrowserSession.Desktop, culture);
            var page = session.Page;
            await page.GotoAsync("/visits");
            await session.WaitForInteractiveAsync();
            var calendar = page.GetByTestId(size == "phone" ? "visit-agenda" : "visit-grid");
            await Assertions.Expect(calendar.GetByTestId("visit-chip").First).ToBeVisibleAsync();
            await session.ScreenshotAsync($"visits-calendar-{culture}-{size}");
            await AssertFitsAsync(page, size);

            await page.GetByTestId("plan-visit").ClickAsync();
            var dialog = page.GetByTestId("visit-plan-dialog");
            await session.PickAsync(Field(dialog, "visit-enterprise"), "飞腾", Feiteng);
            await Assertions.Expect(dialog.GetByTestId("visit-warning-SameWeek").First).ToContainTextAsync(culture == "en" ? "same week" : "同一周");
            await session.ScreenshotAsync($"visit-plan-warning-{culture}-{size}", fullPage: false);
            await AssertFitsAsync(page, size);
            await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = culture == "en" ? "Cancel" : "取消" }).ClickAsync();

            await page.GotoAsync($"/visits/{visitId}");
            await session.WaitForInteractiveAsync();
            await Assertions.Expect(page.GetByTestId("visit-status")).ToHaveTextAsync(culture == "en" ? "Recorded" : "已记录");
            await session.ScreenshotAsync($"visit-detail-{culture}-{size}");
            await AssertFitsAsync(page, size);

            await page.GotoAsync("/");
            await session.WaitForInteractiveAsync();
            await Assertions.Expect(page.GetByTestId("visit-week-card")).ToBeVisibleAsync();
            await session.ScreenshotAsync($"home-visits-{culture}-{size}");
            await AssertFitsAsync(page, size);
            await session.AssertHealthyAsync();
        }
    }

    /// <summary>The text box of a MudBlazor field, whether the test id sits on the input itself or on its wrapper.</summary>
    static ILocator Field(ILocator scope, string testId) =>
        scope.Locator($":is(input, textarea)[data-testid={testId}], [data-testid={testId}] :is(input, textarea)").First;

    static async Task AssertFitsAsync(IPage page, string size)
    {
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, $"{page.Url} scrolls sideways at {size}");
    }
}

[Collection("e2e-sqlite")]
public sealed class VisitTests_Sqlite(SqliteServer server) : VisitTests(server);

[Collection("e2e-postgres")]
public sealed class VisitTests_Postgres(PostgresServer server) : VisitTests(server);
