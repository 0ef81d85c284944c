using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TechZone.E2E;

/// <summary>An enterprise user proposes a correction of its profile; staff review it and accept it.</summary>
public abstract class CorrectionTests(AppServer server)
{
    [BrowserFact]
    public async Task EnterpriseUser_ProposesACorrection_StaffAcceptIt_AndTheProfileShowsIt()
    {
        server.SkipIfUnavailable();
        var address = "华苑产业区更正路 " + Random.Shared.Next(100, 999) + " 号";

        // The enterprise user, on a phone.
        await using var kylin = await BrowserSession.SignedInAsync(server, "kylin", BrowserSession.Phone);
        await kylin.Page.GotoAsync("/my/enterprise");
        await kylin.WaitForInteractiveAsync();
        await kylin.Page.GetByTestId("propose-correction").ClickAsync();
        var dialog = kylin.Page.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByTestId("correction-address").FillAsync(address);
        await dialog.GetByTestId("correction-note").FillAsync("已于上月完成工商变更登记");
        await kylin.ScreenshotAsync("correction-dialog-zh-CN-phone", fullPage: false);
        await dialog.GetByTestId("submit-correction").ClickAsync();
        var mine = kylin.Page.GetByTestId("correction").First;
        await Assertions.Expect(mine.GetByTestId("correction-status")).ToHaveTextAsync("待审核");
        await Assertions.Expect(mine.GetByTestId("correction-changes")).ToContainTextAsync(address);
        await kylin.ScreenshotAsync("correction-proposed-zh-CN-phone");
        Assert.False(await kylin.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"),
            "the portal page scrolls sideways on a phone");

        // Staff find it from the registry list and accept it on the profile.
        await using var staff = await BrowserSession.SignedInAsync(server, "service");
        await staff.Page.GotoAsync("/enterprises");
        await staff.WaitForInteractiveAsync();
        await staff.Page.GetByTestId("pending-corrections-link").ClickAsync();
        await staff.Page.WaitForURLAsync(new Regex("/enterprises/corrections$"));
        await staff.Page.GetByTestId("pending-corrections").GetByText("麒麟软件有限公司").ClickAsync();
        await staff.Page.WaitForURLAsync(new Regex("/enterprises/\\d+$"));
        var pending = staff.Page.GetByTestId("correction").First;
        await Assertions.Expect(pending.Locator("[data-field=address]")).ToHaveTextAsync(address);
        await staff.ScreenshotAsync("correction-review-zh-CN-desktop");
        await pending.GetByTestId("accept-correction").ClickAsync();
        await Assertions.Expect(staff.Page.GetByTestId("correction").First.GetByTestId("correction-status")).ToHaveTextAsync("已采纳");
        await Assertions.Expect(staff.Page.GetByTestId("enterprise-profile")).ToContainTextAsync(address);
        await staff.AssertHealthyAsync();

        // The enterprise user sees the decision and the corrected profile.
        await kylin.Page.ReloadAsync();
        await kylin.WaitForInteractiveAsync();
        await Assertions.Expect(kylin.Page.GetByTestId("correction").First.GetByTestId("correction-status")).ToHaveTextAsync("已采纳");
        await Assertions.Expect(kylin.Page.GetByTestId("enterprise-profile")).ToContainTextAsync(address);
        await kylin.ScreenshotAsync("correction-accepted-zh-CN-phone");
        await kylin.AssertHealthyAsync();
    }

    [BrowserFact]
    public async Task CorrectionDialog_InEnglish_OnADesktop()
    {
        server.SkipIfUnavailable();
        await using var feiteng = await BrowserSession.SignedInAsync(server, "feiteng", BrowserSession.Desktop, "en");
        await feiteng.Page.GotoAsync("/my/enterprise");
        await feiteng.WaitForInteractiveAsync();
        await feiteng.Page.GetByTestId("propose-correction").ClickAsync();
        await Assertions.Expect(feiteng.Page.Locator(".mud-dialog")).ToContainTextAsync("Submit for review");
        await feiteng.ScreenshotAsync("correction-dialog-en-desktop", fullPage: false);
        await feiteng.AssertHealthyAsync();
    }
}

[Collection("e2e-sqlite")]
public sealed class CorrectionTests_Sqlite(SqliteServer server) : CorrectionTests(server);

[Collection("e2e-postgres")]
public sealed class CorrectionTests_Postgres(PostgresServer server) : CorrectionTests(server);
