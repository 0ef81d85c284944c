using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TechZone.E2E;

/// <summary>The administrator's main paths: a new user, an API token, the audit trail.</summary>
public abstract class AdminTests(AppServer server)
{
    [BrowserFact]
    public async Task Admin_CreatesAStaffUser_WhoThenSignsIn()
    {
        server.SkipIfUnavailable();
        var name = "e2e" + Guid.NewGuid().ToString("N")[..6];
        await using var admin = await BrowserSession.SignedInAsync(server, "admin");
        await admin.Page.Locator("[data-nav=users]").ClickAsync();
        await Assertions.Expect(admin.Page.GetByTestId("user-table")).ToContainTextAsync("leader");

        await admin.Page.GetByTestId("new-user").ClickAsync();
        var dialog = admin.Page.Locator(".mud-dialog");
        await dialog.GetByTestId("user-name").FillAsync(name);
        await dialog.GetByTestId("display-name").FillAsync("孙七");
        // Staff is the default role; pick the department.
        await admin.SelectAsync(dialog.GetByTestId("department"), "企业服务局");
        await dialog.GetByTestId("password").FillAsync("Weak");
        await dialog.GetByTestId("save-user").ClickAsync();
        await Assertions.Expect(dialog.GetByTestId("dialog-error")).ToContainTextAsync("密码");
        await admin.ScreenshotAsync("user-dialog-zh-CN-desktop");

        await dialog.GetByTestId("password").FillAsync("Welcome!2026");
        await dialog.GetByTestId("save-user").ClickAsync();
        await Assertions.Expect(admin.Page.Locator(".mud-snackbar")).ToContainTextAsync(name);
        await Assertions.Expect(admin.Page.GetByTestId("user-table")).ToContainTextAsync("孙七");
        await admin.ScreenshotAsync("users-zh-CN-desktop");
        await admin.AssertHealthyAsync();

        await using var staff = await BrowserSession.OpenAsync(server);
        await staff.SignInAsync(name, "Welcome!2026");
        // The department's grants, as its head sees them (ShellTests): a new member sees the same entries.
        Assert.Equal(["chains", "demand-board", "demand-statistics", "demands", "enterprises", "home", "land", "leads", "policies", "projects",
            "space", "space-map", "space-requests", "space-surveys", "visits"], await staff.NavigationAsync());
    }

    [BrowserFact]
    public async Task Admin_IssuesAToken_ThatAnApiClientUses_ThenRevokesIt()
    {
        server.SkipIfUnavailable();
        // English through the browser's language only: switching in the app would change the admin's saved preference for other tests.
        await using var admin = await BrowserSession.SignedInAsync(server, "admin", locale: "en");
        await admin.Page.Locator("[data-nav=tokens]").ClickAsync();
        await admin.Page.GetByTestId("token-user").FillAsync("leader");
        await admin.Page.GetByTestId("token-name").FillAsync("cockpit sync");
        await admin.Page.GetByTestId("issue").ClickAsync();
        var secret = await admin.Page.GetByTestId("secret").InnerTextAsync();
        Assert.StartsWith("tz_", secret);
        await admin.ScreenshotAsync("tokens-en-desktop");

        using var api = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/enterprises?pageSize=5")).StatusCode);

        await admin.Page.GetByTestId("token-table").Locator("tr", new() { HasText = "cockpit sync" }).GetByTestId("revoke").ClickAsync();
        await Assertions.Expect(admin.Page.GetByTestId("token-table").Locator("tr", new() { HasText = "cockpit sync" })).ToContainTextAsync("Revoked");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/enterprises")).StatusCode);
        await admin.AssertHealthyAsync();
    }

    [BrowserFact]
    public async Task Admin_ReadsTheAuditTrail_AndVerifiesTheChain()
    {
        server.SkipIfUnavailable();
        await using var admin = await BrowserSession.SignedInAsync(server, "admin");
        await admin.Page.Locator("[data-nav=audit]").ClickAsync();
        var table = admin.Page.GetByTestId("audit-table");
        await Assertions.Expect(table).ToContainTextAsync("SignIn");
        await admin.Page.GetByTestId("verify").ClickAsync();
        await Assertions.Expect(admin.Page.GetByTestId("verification")).ToContainTextAsync("日志链完整");
        await admin.ScreenshotAsync("audit-zh-CN-desktop", fullPage: false);
        await admin.AssertHealthyAsync();
    }

    [BrowserFact]
    public async Task Admin_MarksAHoliday_InTheWorkingDayCalendar_AndRemovesIt()
    {
        server.SkipIfUnavailable();
        await using var admin = await BrowserSession.SignedInAsync(server, "admin");
        await admin.Page.Locator("[data-nav=calendar]").ClickAsync();
        await admin.Page.GotoAsync("/admin/calendar?year=2026");
        await admin.WaitForInteractiveAsync();
        // The official 2026 Spring Festival holiday and its make-up Saturday are there.
        await Assertions.Expect(admin.Page.GetByTestId("day-2026-02-16")).ToHaveClassAsync(new Regex("tz-cal-holiday"));
        await Assertions.Expect(admin.Page.GetByTestId("day-2026-02-14")).ToHaveClassAsync(new Regex("tz-cal-makeup"));
        await admin.ScreenshotAsync("calendar-zh-CN-desktop", fullPage: false);

        // A zone-specific day off on an ordinary Tuesday.
        var day = admin.Page.GetByTestId("day-2026-03-10");
        await day.ClickAsync();
        var dialog = admin.Page.Locator(".mud-dialog");
        await dialog.GetByTestId("calendar-name").FillAsync("园区停电检修");
        await dialog.GetByTestId("calendar-name-en").FillAsync("Park power maintenance");
        await dialog.GetByTestId("save-calendar-day").ClickAsync();
        await Assertions.Expect(day).ToHaveClassAsync(new Regex("tz-cal-holiday"));
        await Assertions.Expect(admin.Page.GetByTestId("calendar-table")).ToContainTextAsync("园区停电检修");

        await day.ClickAsync();
        await admin.Page.Locator(".mud-dialog").GetByTestId("delete-calendar-day").ClickAsync();
        // Confirm in the message box that opens over the dialog.
        await Assertions.Expect(admin.Page.Locator(".mud-dialog")).ToHaveCountAsync(2);
        await admin.Page.Locator(".mud-dialog").Last.GetByRole(AriaRole.Button, new() { Name = "删除", Exact = true }).ClickAsync();
        await Assertions.Expect(day).Not.ToHaveClassAsync(new Regex("tz-cal-holiday"));
        await admin.AssertHealthyAsync();
    }

    [BrowserFact]
    public async Task Notifications_PageOpens_FromTheBell()
    {
        server.SkipIfUnavailable();
        await using var session = await BrowserSession.SignedInAsync(server, "service", BrowserSession.Phone);
        await session.Page.GotoAsync("/notifications");
        await session.WaitForInteractiveAsync();
        await Assertions.Expect(session.Page.Locator("h1")).ToContainTextAsync("通知");
        await session.ScreenshotAsync("notifications-zh-CN-phone");
        await session.AssertHealthyAsync();
    }
}

[Collection("e2e-sqlite")]
public sealed class AdminTests_Sqlite(SqliteServer server) : AdminTests(server);

[Collection("e2e-postgres")]
public sealed class AdminTests_Postgres(PostgresServer server) : AdminTests(server);
