using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TechZone.E2E;

/// <summary>The platform shell as people use it: sign-in per role, navigation, refusals, languages, phone width.</summary>
public abstract class ShellTests(AppServer server)
{
    public static TheoryData<string, string[]> NavigationByUser => new()
    {
        { "admin", ["audit", "calendar", "chain-settings", "chains", "demand-board", "demand-setup", "demand-statistics", "demands", "departments", "enterprises", "home", "land", "leads", "pipeline-board", "pipeline-networks", "pipeline-requests", "pipelines", "policies", "projects", "qualification-types", "space", "space-map", "space-requests", "space-surveys", "tokens", "users", "visits"] },
        { "leader", ["chains", "demand-board", "demand-statistics", "demands", "enterprises", "home", "land", "leads", "pipeline-board", "pipeline-requests", "pipelines", "policies", "projects", "space", "space-map", "space-requests", "space-surveys", "visits"] },
        { "service", ["chains", "demand-board", "demand-statistics", "demands", "enterprises", "home", "land", "leads", "policies", "projects", "space", "space-map", "space-requests", "space-surveys", "visits"] },
        { "talent", ["demand-board", "demand-statistics", "demands", "home", "policies", "visits"] },
        { "feiteng", ["home", "my-demands", "my-enterprise", "my-excavations", "my-policies", "my-space"] },
    };

    [Theory]
    [MemberData(nameof(NavigationByUser))]
    public async Task EachRole_SeesExactlyItsNavigation(string user, string[] expected)
    {
        server.SkipIfUnavailable();
        await using var session = await BrowserSession.SignedInAsync(server, user);

        Assert.Equal(expected, await session.NavigationAsync());
        await session.AssertHealthyAsync();
    }

    [BrowserFact]
    public async Task WrongPassword_ShowsAnError_AndStaysOnSignIn()
    {
        server.SkipIfUnavailable();
        await using var session = await BrowserSession.OpenAsync(server);
        await session.Page.GotoAsync("/account/login");
        await session.Page.GetByTestId("username").FillAsync("leader");
        await session.Page.GetByTestId("password").FillAsync("not-the-password");
        await session.Page.GetByTestId("sign-in").ClickAsync();

        await Assertions.Expect(session.Page.GetByTestId("login-error")).ToContainTextAsync("用户名或密码错误");
        Assert.Contains("/account/login", session.Page.Url);
    }

    [BrowserFact]
    public async Task ForbiddenPage_Answers403_WithAFriendlyPage()
    {
        server.SkipIfUnavailable();
        await using var session = await BrowserSession.SignedInAsync(server, "talent");
        var response = await session.Page.GotoAsync("/enterprises");

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(session.Page.GetByTestId("forbidden")).ToContainTextAsync("无权访问");
        await session.AssertHealthyAsync();
    }

    [BrowserFact]
    public async Task LanguageSwitch_ChangesThePageText_AndIsRemembered()
    {
        server.SkipIfUnavailable();
        // A user no other browser test signs in as: the choice is remembered for the user, not just the browser.
        await using var session = await BrowserSession.SignedInAsync(server, "safety");
        var nav = session.Page.GetByTestId("nav");
        await Assertions.Expect(nav).ToContainTextAsync("企业库");

        await session.Page.GetByTestId("lang-switch").ClickAsync();
        await session.Page.GetByTestId("lang-en").ClickAsync();
        await session.Page.WaitForFunctionAsync("() => document.documentElement.lang === 'en'");
        await session.WaitForInteractiveAsync();
        await Assertions.Expect(session.Page.GetByTestId("nav")).ToContainTextAsync("Enterprise registry");
        await Assertions.Expect(session.Page.GetByTestId("greeting")).ToContainTextAsync("Hello");

        // A later visit keeps English.
        await session.Page.GotoAsync("/");
        await Assertions.Expect(session.Page.GetByTestId("greeting")).ToContainTextAsync("Hello");
        await session.AssertHealthyAsync();
    }

    [BrowserFact]
    public async Task UnknownAddress_ShowsTheNotFoundPage()
    {
        server.SkipIfUnavailable();
        await using var session = await BrowserSession.SignedInAsync(server, "leader");
        var response = await session.Page.GotoAsync("/no-such-page");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(session.Page.GetByTestId("not-found")).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task SignOut_FromTheUserMenu_ReturnsToSignIn()
    {
        server.SkipIfUnavailable();
        await using var session = await BrowserSession.SignedInAsync(server, "leader");
        await session.Page.GetByTestId("user-menu").ClickAsync();
        await session.Page.GetByTestId("sign-out").ClickAsync();
        await session.Page.WaitForURLAsync(new Regex("/account/login"));
        await Assertions.Expect(session.Page.Locator(".tz-alert-info")).ToContainTextAsync("已退出登录");

        await session.Page.GotoAsync("/enterprises");
        Assert.Contains("/account/login", session.Page.Url);
    }

    public static TheoryData<string, string, string> Screens => new()
    {
        { "leader", "zh-CN", "desktop" }, { "leader", "en", "desktop" },
        { "leader", "zh-CN", "phone" }, { "leader", "en", "phone" },
        { "service", "zh-CN", "desktop" }, { "feiteng", "zh-CN", "phone" },
        { "admin", "en", "desktop" },
    };

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task HomePage_Screenshots_InBothLanguages_DesktopAndPhone(string user, string culture, string size)
    {
        server.SkipIfUnavailable();
        await using var session = await BrowserSession.OpenAsync(server, size == "phone" ? BrowserSession.Phone : BrowserSession.Desktop, culture);
        await session.Page.GotoAsync("/account/login");
        await session.ScreenshotAsync($"login-{culture}-{size}");
        await session.SignInAsync(user);
        await Assertions.Expect(session.Page.GetByTestId("greeting")).ToBeVisibleAsync();
        await session.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await session.ScreenshotAsync($"home-{user}-{culture}-{size}");

        // Nothing may be wider than a phone's screen.
        var overflow = await session.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the page scrolls sideways at " + size);
        await session.AssertHealthyAsync();
    }
}

[Collection("e2e-sqlite")]
public sealed class ShellTests_Sqlite(SqliteServer server) : ShellTests(server);

[Collection("e2e-postgres")]
public sealed class ShellTests_Postgres(PostgresServer server) : ShellTests(server);
