using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TechZone.E2E;

/// <summary>An app whose idle time is six seconds, so that the sign-out can be watched.</summary>
public sealed class ShortIdleServer() : AppServer(Provider.Sqlite)
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Auth__IdleTimeoutMinutes"] = "0.1" };
}

public sealed class IdleSignOutTests(ShortIdleServer server) : IClassFixture<ShortIdleServer>
{
    [BrowserFact]
    public async Task AnIdleUser_IsSignedOut_AndToldWhy()
    {
        server.SkipIfUnavailable();
        await using var session = await BrowserSession.SignedInAsync(server, "leader");
        Assert.Contains("enterprises", await session.NavigationAsync());

        // No input for longer than the idle time.
        await session.Page.WaitForURLAsync(new Regex("/account/login\\?signedOut=idle"), new() { Timeout = 30_000 });
        await Assertions.Expect(session.Page.Locator(".tz-alert-info")).ToContainTextAsync("长时间未操作");

        var response = await session.Page.GotoAsync("/enterprises");
        Assert.Contains("/account/login", session.Page.Url);
        Assert.NotNull(response);
    }
}
