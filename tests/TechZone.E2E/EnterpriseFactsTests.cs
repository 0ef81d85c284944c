using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TechZone.E2E;

/// <summary>The enterprise profile's facts, qualifications and timeline, as staff and as the enterprise itself use them.</summary>
public abstract class EnterpriseFactsTests(AppServer server)
{
    const string Institute = "天津先进技术研究院";

    static ILocator Tab(IPage page, string name) => page.GetByRole(AriaRole.Tab, new() { Name = name });

    static async Task AssertFitsAsync(BrowserSession session, string where)
    {
        var overflow = await session.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the page scrolls sideways: " + where);
    }

    [BrowserFact]
    public async Task Staff_EntersFactsForAYear_VerifiesThem_AddsAQualification_AndSeesThemOnTheTimeline()
    {
        server.SkipIfUnavailable();
        await using var session = await BrowserSession.SignedInAsync(server, "service");
        var page = session.Page;
        await page.Locator("[data-nav=enterprises]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/enterprises$"));
        await session.WaitForInteractiveAsync();
        var list = page.GetByTestId("enterprise-table");
        // The first page has loaded (a lone row may be the loading row) before the search is typed.
        await Assertions.Expect(list.Locator("tbody tr")).ToHaveCountAsync(20);
        await page.GetByTestId("search").FillAsync("先进技术研究院");
        await Assertions.Expect(list.Locator("tbody tr")).ToHaveCountAsync(1);
        await list.GetByText(Institute).ClickAsync();
        await page.WaitForURLAsync(new Regex("/enterprises/\\d+$"));
        var profile = new Uri(page.Url).AbsolutePath;

        // Facts: the demo years are there; 2022 is not yet.
        await Tab(page, "经营数据").ClickAsync();
        var facts = page.GetByTestId("facts-table");
        await Assertions.Expect(facts).ToContainTextAsync("2025 年度");
        await page.GetByTestId("add-fact-year").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await session.SelectAsync(dialog.GetByTestId("fact-year"), "2022 年度");
        await session.ScreenshotAsync("facts-dialog-zh-CN-desktop", fullPage: false);
        await dialog.GetByTestId("fact-input-Revenue").FillAsync("12000.5");
        await dialog.GetByTestId("fact-input-RdExpense").FillAsync("3000");
        await dialog.GetByTestId("fact-input-Employees").FillAsync("350");
        await dialog.GetByTestId("fact-input-SciTechPersonnel").FillAsync("260");
        await dialog.GetByTestId("fact-input-InventionPatents").FillAsync("0");
        await dialog.GetByTestId("save-facts").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("2022 年度数据已保存");

        // Known figures as entered, a real zero as 0, an unknown one as "—"; each one declared until verified.
        await Assertions.Expect(facts.GetByTestId("fact-Revenue-2022")).ToContainTextAsync("12,000.50");
        await Assertions.Expect(facts.GetByTestId("fact-InventionPatents-2022")).ToContainTextAsync("0");
        await Assertions.Expect(facts.GetByTestId("fact-TaxPaid-2022")).ToHaveTextAsync("—");
        await Assertions.Expect(facts.GetByTestId("fact-Revenue-2022").Locator("[data-source]")).ToHaveAttributeAsync("data-source", "Declared");
        await Assertions.Expect(page.GetByTestId("ratio-row-rd")).ToContainTextAsync("25.0%");

        await facts.GetByTestId("verify-facts-2022").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("5 项未核实数据");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "核实", Exact = true }).ClickAsync();
        await Assertions.Expect(facts.GetByTestId("fact-Revenue-2022").Locator("[data-source]")).ToHaveAttributeAsync("data-source", "Verified");
        await Assertions.Expect(facts.GetByTestId("verify-facts-2022")).ToHaveCountAsync(0);
        // Hover a figure's badge: who verified it, when.
        await page.Mouse.MoveAsync(1, 500);
        await facts.GetByTestId("fact-Revenue-2022").Locator("[data-source]").HoverAsync();
        await Assertions.Expect(page.GetByText(new Regex("^service 于 .* 核实$"))).ToBeVisibleAsync();
        await session.ScreenshotAsync("enterprise-facts-zh-CN-desktop");
        await page.Mouse.MoveAsync(1, 500);

        // A qualification, valid for its type's usual year.
        await Tab(page, "资质").ClickAsync();
        await page.GetByTestId("add-qualification").ClickAsync();
        dialog = page.Locator(".mud-dialog");
        await session.SelectAsync(dialog.GetByTestId("qualification-type"), "瞪羚企业");
        // An empty expiry says what it will become: the type's one year.
        await Assertions.Expect(dialog).ToContainTextAsync("留空则按常规有效期计至");
        await session.ScreenshotAsync("qualification-dialog-zh-CN-desktop", fullPage: false);
        await dialog.GetByTestId("qualification-certificate").FillAsync("DL2026-0088");
        await dialog.GetByTestId("save-qualification").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("瞪羚企业");
        var row = page.GetByTestId("qualification-table").Locator("tr", new() { HasText = "瞪羚企业" });
        await Assertions.Expect(row).ToContainTextAsync("DL2026-0088");
        await Assertions.Expect(row.GetByTestId("qualification-status")).ToHaveTextAsync("有效");
        await session.ScreenshotAsync("enterprise-qualifications-zh-CN-desktop");

        // Both on the timeline, newest first, above the demo history.
        await Tab(page, "大事记").ClickAsync();
        var events = page.GetByTestId("timeline-event");
        await Assertions.Expect(events.Nth(0)).ToContainTextAsync("2022 年度经营数据已核实（5 项）");
        await Assertions.Expect(events.Nth(1)).ToContainTextAsync("获得“瞪羚企业”资质");
        await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("企业成立");
        await session.ScreenshotAsync("enterprise-timeline-zh-CN-desktop");
        await session.AssertHealthyAsync();

        // The same profile on a phone, and in English.
        foreach (var (locale, viewport, size) in new[] { ("zh-CN", BrowserSession.Phone, "phone"), ("en", BrowserSession.Desktop, "desktop"), ("en", BrowserSession.Phone, "phone") })
        {
            await using var other = await BrowserSession.SignedInAsync(server, "service", viewport, locale);
            await other.Page.GotoAsync(profile);
            await other.WaitForInteractiveAsync();
            var english = locale == "en";
            await Tab(other.Page, english ? "Facts" : "经营数据").ClickAsync();
            await Assertions.Expect(other.Page.GetByTestId("fact-Revenue-2022")).ToContainTextAsync("12,000.50");
            await other.ScreenshotAsync($"enterprise-facts-{locale}-{size}");
            await AssertFitsAsync(other, $"facts {locale} {size}");
            await Tab(other.Page, english ? "Qualifications" : "资质").ClickAsync();
            await Assertions.Expect(other.Page.GetByTestId("qualification-table")).ToContainTextAsync("DL2026-0088");
            await other.ScreenshotAsync($"enterprise-qualifications-{locale}-{size}");
            await AssertFitsAsync(other, $"qualifications {locale} {size}");
            await Tab(other.Page, english ? "Timeline" : "大事记").ClickAsync();
            await Assertions.Expect(other.Page.GetByTestId("timeline-event").First).ToContainTextAsync(english ? "Facts of 2022 verified (5 figures)" : "2022 年度经营数据已核实");
            await other.ScreenshotAsync($"enterprise-timeline-{locale}-{size}");
            await AssertFitsAsync(other, $"timeline {locale} {size}");
            await other.AssertHealthyAsync();
        }
    }

    [BrowserFact]
    public async Task EnterpriseUser_DeclaresFacts_OnItsPortal_ButCannotChangeVerifiedOnes()
    {
        server.SkipIfUnavailable();
        await using var session = await BrowserSession.SignedInAsync(server, "kylin", BrowserSession.Phone);
        var page = session.Page;
        await page.GotoAsync("/my/enterprise");
        await session.WaitForInteractiveAsync();
        await Tab(page, "经营数据").ClickAsync();

        // 2024 was verified by the zone: shown, but locked in the form.
        await page.GetByTestId("edit-facts-2024").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog.GetByTestId("fact-input-Revenue")).ToBeDisabledAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();

        // 2025 is declared and not yet checked: the enterprise adds its tax paid.
        await page.GetByTestId("edit-facts-2025").ClickAsync();
        dialog = page.Locator(".mud-dialog");
        await dialog.GetByTestId("fact-input-TaxPaid").FillAsync("6800");
        await session.ScreenshotAsync("portal-facts-dialog-zh-CN-phone", fullPage: false);
        await dialog.GetByTestId("save-facts").ClickAsync();
        await Assertions.Expect(page.GetByTestId("fact-TaxPaid-2025")).ToContainTextAsync("6,800.00");
        await Assertions.Expect(page.GetByTestId("fact-TaxPaid-2025").Locator("[data-source]")).ToHaveAttributeAsync("data-source", "Declared");
        // The zone's buttons are not the enterprise's.
        await Assertions.Expect(page.GetByTestId("verify-facts-2025")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("portal-facts-zh-CN-phone");
        await AssertFitsAsync(session, "portal facts");

        await Tab(page, "大事记").ClickAsync();
        await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("注册落户");
        await session.ScreenshotAsync("portal-timeline-zh-CN-phone");
        await session.AssertHealthyAsync();
    }

    [BrowserFact]
    public async Task Admin_KeepsTheQualificationTypes_AndStaffFilterTheRegistryByOne()
    {
        server.SkipIfUnavailable();
        await using var admin = await BrowserSession.SignedInAsync(server, "admin");
        await admin.Page.Locator("[data-nav=qualification-types]").ClickAsync();
        var types = admin.Page.GetByTestId("qualification-type-table");
        await Assertions.Expect(types).ToContainTextAsync("高新技术企业");
        await Assertions.Expect(types).ToContainTextAsync("专精特新“小巨人”企业");
        await admin.ScreenshotAsync("qualification-types-zh-CN-desktop");
        await admin.AssertHealthyAsync();

        await using var staff = await BrowserSession.SignedInAsync(server, "service");
        await staff.Page.Locator("[data-nav=enterprises]").ClickAsync();
        var list = staff.Page.GetByTestId("enterprise-table");
        await Assertions.Expect(list.Locator("tbody tr")).ToHaveCountAsync(20);
        await staff.SelectAsync(staff.Page.GetByTestId("qualification-filter"), "独角兽企业");
        // 云账户 is the demo zone's one unicorn.
        await Assertions.Expect(list.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(list).ToContainTextAsync("云账户");
        await Assertions.Expect(staff.Page.GetByTestId("qualification-status-filter")).ToBeVisibleAsync();
        await staff.ScreenshotAsync("enterprise-list-qualification-filter-zh-CN-desktop", fullPage: false);
        await staff.AssertHealthyAsync();
    }
}

[Collection("e2e-sqlite")]
public sealed class EnterpriseFactsTests_Sqlite(SqliteServer server) : EnterpriseFactsTests(server);

[Collection("e2e-postgres")]
public sealed class EnterpriseFactsTests_Postgres(PostgresServer server) : EnterpriseFactsTests(server);
