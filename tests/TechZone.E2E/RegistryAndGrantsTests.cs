using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TechZone.E2E;

/// <summary>The main paths of the enterprise registry, the enterprise portal and the grants admin page.</summary>
public abstract class RegistryAndGrantsTests(AppServer server)
{
    [BrowserFact]
    public async Task Staff_SearchesTheRegistry_AndOpensAProfile()
    {
        server.SkipIfUnavailable();
        await using var session = await BrowserSession.SignedInAsync(server, "service");
        await session.Page.Locator("[data-nav=enterprises]").ClickAsync();
        await session.Page.WaitForURLAsync(new Regex("/enterprises$"));
        var table = session.Page.GetByTestId("enterprise-table");
        // ~200 demo enterprises besides the named ones: the first page is full, whatever the collation puts first.
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(20);

        // The filtered list downloads as a workbook.
        var download = await session.Page.RunAndWaitForDownloadAsync(() => session.Page.GetByTestId("export").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);

        await session.Page.GetByTestId("search").FillAsync("飞腾");
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(1);
        await table.GetByText("飞腾信息技术有限公司").ClickAsync();

        await session.Page.WaitForURLAsync(new Regex("/enterprises/\\d+$"));
        await Assertions.Expect(session.Page.GetByTestId("credit-code")).ToHaveTextAsync(new Regex("^[0-9A-Z]{18}$"));
        await session.ScreenshotAsync("enterprise-profile-zh-CN-desktop");
        await session.AssertHealthyAsync();
    }

    [BrowserFact]
    public async Task EnterpriseUser_SeesOwnProfile_AndNeverAnotherOne()
    {
        server.SkipIfUnavailable();
        await using var session = await BrowserSession.SignedInAsync(server, "feiteng");
        await session.Page.Locator("[data-nav=my-enterprise]").ClickAsync();
        await Assertions.Expect(session.Page.GetByTestId("enterprise-profile")).ToContainTextAsync("飞腾信息技术有限公司");
        var ownUrl = await session.Page.EvaluateAsync<string>("() => location.pathname");

        // Guessing the neighbour's address shows "not found", not the neighbour.
        for (var id = 1; id <= 12; id++)
        {
            var response = await session.Page.GotoAsync($"/enterprises/{id}");
            // Only its own record answers 200 (read the status, not the text: the interactive render briefly
            // replaces the prerendered page while it loads again).
            if (response!.Status == 200)
            {
                await Assertions.Expect(session.Page.GetByTestId("enterprise-profile")).ToContainTextAsync("飞腾信息技术有限公司");
                continue;
            }
            Assert.Equal(404, response.Status);
            Assert.DoesNotContain("麒麟软件有限公司", await session.Page.Locator("body").InnerTextAsync());
        }
        await session.AssertHealthyAsync();
        Assert.Equal("/my/enterprise", ownUrl);
    }

    [BrowserFact]
    public async Task Admin_RevokesAGrant_AndTheStaffLosesTheModule_ThenRestoresIt()
    {
        server.SkipIfUnavailable();
        await using var staff = await BrowserSession.SignedInAsync(server, "planning");
        Assert.Contains("enterprises", await staff.NavigationAsync());

        await using var admin = await BrowserSession.SignedInAsync(server, "admin");
        await admin.Page.Locator("[data-nav=departments]").ClickAsync();
        var planning = admin.Page.GetByTestId("department-planning");
        await Assertions.Expect(planning).ToBeVisibleAsync();
        await admin.ScreenshotAsync("departments-zh-CN-desktop");

        await planning.GetByTestId("grant-Enterprises").GetByText("无权限").ClickAsync();
        await planning.GetByTestId("save").ClickAsync();
        await Assertions.Expect(admin.Page.Locator(".mud-snackbar")).ToContainTextAsync("规划建设局");

        await staff.Page.ReloadAsync();
        await staff.WaitForInteractiveAsync();
        Assert.DoesNotContain("enterprises", await staff.NavigationAsync());
        Assert.Equal(403, (await staff.Page.GotoAsync("/enterprises"))!.Status);

        await planning.GetByTestId("grant-Enterprises").GetByText("只读").ClickAsync();
        await planning.GetByTestId("save").ClickAsync();
        await Assertions.Expect(admin.Page.Locator(".mud-snackbar").Last).ToContainTextAsync("规划建设局");
        await staff.Page.GotoAsync("/");
        await staff.WaitForInteractiveAsync();
        Assert.Contains("enterprises", await staff.NavigationAsync());
        await admin.AssertHealthyAsync();
    }
}

[Collection("e2e-sqlite")]
public sealed class RegistryAndGrantsTests_Sqlite(SqliteServer server) : RegistryAndGrantsTests(server);

[Collection("e2e-postgres")]
public sealed class RegistryAndGrantsTests_Postgres(PostgresServer server) : RegistryAndGrantsTests(server);
