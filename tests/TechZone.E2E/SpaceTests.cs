using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TechZone.E2E;

/// <summary>
/// Space and land's main path: staff add a building with two lab units and run a survey on it (rates update at
/// building and park level); an enterprise asks for lab space from its portal and staff see it matched to the unit
/// that fits and not to the one whose floor is too weak, with reasons, and lease it; a low-efficiency parcel goes
/// through a reserve case; the zone map loads its layers.
/// </summary>
public abstract class SpaceTests(AppServer server)
{
    const string BuildingName = "滨海E2E实验楼";
    const string LowParcel = "津滨高(挂)2017-003";

    static ILocator Field(ILocator scope, string testId) =>
        scope.Locator($":is(input, textarea)[data-testid={testId}], [data-testid={testId}] :is(input, textarea)").First;

    static async Task FillAsync(IPage page, string testId, string value)
    {
        var field = Field(page.Locator("body"), testId);
        await field.FillAsync(value);
        await field.PressAsync("Tab");
    }

    static Task CheckAsync(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First.CheckAsync();

    static string Date(int days) => DateTime.Today.AddDays(days).ToString("yyyy-MM-dd");

    [BrowserFact]
    public async Task SurveyUpdatesRates_RequestIsMatchedWithReasons_LowEfficiencyParcelIsDisposed_MapLoads()
    {
        server.SkipIfUnavailable();
        await using var session = await BrowserSession.SignedInAsync(server, "planning");
        var page = session.Page;

        // ---- the overview, and the park's survey vacancy before ----
        await page.Locator("[data-nav=space]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/space$"));
        var huayuan = page.GetByTestId("park-rates").Locator("tr").Filter(new() { HasText = "华苑科技园" });
        await Assertions.Expect(huayuan).ToBeVisibleAsync();
        var parkBefore = await huayuan.GetByTestId("park-survey-vacancy").InnerTextAsync();
        await session.ScreenshotAsync("space-overview-zh-CN-desktop");

        // ---- a building with one floor and two lab units ----
        await page.GetByTestId("new-building").ClickAsync();
        await session.SelectAsync(page.GetByTestId("building-park"), "华苑科技园");
        await FillAsync(page, "building-name", BuildingName);
        await session.SelectAsync(page.GetByTestId("building-type"), "实验楼");
        await FillAsync(page, "building-gross", "1200");
        await FillAsync(page, "building-leasable", "980.5");
        await FillAsync(page, "building-floors", "3");
        // 麒麟 manages the building: its portal users report the building's units in surveys.
        await session.PickAsync(Field(page.Locator("body"), "building-manager"), "麒麟", "麒麟软件有限公司");
        await page.GetByTestId("save-building").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/space/buildings/\d+$"));
        await Assertions.Expect(page.GetByTestId("building-title")).ToHaveTextAsync(BuildingName);
        await Assertions.Expect(page.GetByTestId("building-manager-name")).ToHaveTextAsync("麒麟软件有限公司");
        await page.GetByTestId("add-floor").ClickAsync();
        await Assertions.Expect(page.GetByTestId("stacking-plan").Locator("[data-level='1']")).ToBeVisibleAsync();

        foreach (var (number, area, load) in new[] { ("L1", "250", "5.5"), ("L2", "240", "3") })
        {
            await page.GetByTestId("add-unit").ClickAsync();
            await Assertions.Expect(page.GetByTestId("unit-form")).ToBeVisibleAsync();
            await FillAsync(page, "unit-number", number);
            await FillAsync(page, "unit-area", area);
            await session.SelectAsync(page.GetByTestId("unit-use"), "实验");
            await FillAsync(page, "unit-load", load);
            await FillAsync(page, "unit-power", "200");
            await FillAsync(page, "unit-rent", "6500");
            await CheckAsync(page, "unit-exhaust");
            await CheckAsync(page, "unit-sinks");
            await page.GetByTestId("save-unit").ClickAsync();
            await Assertions.Expect(page.GetByTestId("stacking-plan").Locator($"[data-unit='{number}']")).ToHaveAttributeAsync("data-status", "Vacant");
        }
        await Assertions.Expect(page.GetByTestId("rate-vacancy")).ToHaveTextAsync("100.0%");
        await Assertions.Expect(page.GetByTestId("rate-survey-vacancy")).ToHaveTextAsync("—");
        var buildingUrl = page.Url;

        // ---- a survey campaign on it (started from the building): L1 vacant, L2 used by a start-up without a lease ----
        await page.GetByTestId("survey-this").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/space/surveys\?building=\d+$"));
        await session.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("campaign-table")).ToContainTextAsync("进行中");
        await Assertions.Expect(Field(page.Locator("body"), "campaign-buildings")).ToHaveValueAsync(BuildingName);
        await FillAsync(page, "campaign-name", "E2E楼宇摸底调查");
        await FillAsync(page, "campaign-date", Date(0));
        await page.GetByTestId("save-campaign").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/space/surveys/\d+$"));
        var row = page.GetByTestId("campaign-progress").Locator("tr").Filter(new() { HasText = BuildingName });
        await Assertions.Expect(row.GetByTestId("building-progress")).ToHaveTextAsync("0 / 2");
        await row.GetByTestId("survey-building").ClickAsync();
        await session.SelectAsync(page.GetByTestId("usage-L1"), "空置");
        await page.GetByTestId("record-L1").ClickAsync();
        await Assertions.Expect(row.GetByTestId("building-progress")).ToHaveTextAsync("1 / 2");
        var campaignUrl = page.Url;

        // ---- the building's manager reports L2 from its portal: used by a start-up, no lease on the survey date ----
        await using (var manager = await BrowserSession.SignedInAsync(server, "kylin"))
        {
            var m = manager.Page;
            await m.Locator("[data-nav=my-space]").ClickAsync();
            await m.WaitForURLAsync(new Regex("/my/space$"));
            var asked = m.GetByTestId("my-surveys").Locator("tr").Filter(new() { HasText = BuildingName });
            await Assertions.Expect(asked).ToContainTextAsync("1 / 2");
            await asked.GetByTestId("my-survey-open").ClickAsync();
            await m.WaitForURLAsync(new Regex(@"/my/surveys/\d+/buildings/\d+$"));
            await Assertions.Expect(m.GetByTestId("survey-units").GetByTestId("survey-leased").First).ToHaveTextAsync("无");
            await manager.SelectAsync(m.GetByTestId("usage-L2"), "在用");
            await FillAsync(m, "actual-L2", "滨海某创业团队");
            await m.GetByTestId("record-L2").ClickAsync();
            await Assertions.Expect(m.GetByTestId("my-survey-progress")).ToHaveTextAsync("2 / 2");
            await manager.ScreenshotAsync("space-manager-survey-zh-CN-desktop");
            await manager.AssertHealthyAsync();
        }
        await using (var managerPhone = await BrowserSession.SignedInAsync(server, "kylin", BrowserSession.Phone, "en"))
        {
            await managerPhone.Page.GotoAsync("/my/space");
            await managerPhone.WaitForInteractiveAsync();
            await managerPhone.Page.GetByTestId("my-surveys").Locator("tr").Filter(new() { HasText = BuildingName }).GetByTestId("my-survey-open").ClickAsync();
            await Assertions.Expect(managerPhone.Page.GetByTestId("my-survey-progress")).ToHaveTextAsync("2 / 2");
            await managerPhone.ScreenshotAsync("space-manager-survey-en-phone");
        }

        await page.GotoAsync(campaignUrl);
        await session.WaitForInteractiveAsync();
        await Assertions.Expect(row.GetByTestId("building-progress")).ToHaveTextAsync("2 / 2");
        await row.GetByTestId("survey-building").ClickAsync();
        await Assertions.Expect(Field(page.GetByTestId("survey-units"), "actual-L2")).ToHaveValueAsync("滨海某创业团队");
        await session.ScreenshotAsync("space-survey-zh-CN-desktop");
        await page.GetByTestId("complete-campaign").ClickAsync();
        await Assertions.Expect(page.GetByTestId("campaign-status")).ToHaveTextAsync("已完成");

        // ---- the rates follow: 250 of 490 m² found vacant in the building; the park's survey rate moves ----
        await page.GotoAsync(buildingUrl);
        await session.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("rate-survey-vacancy")).ToHaveTextAsync("51.0%");
        await Assertions.Expect(page.GetByTestId("stacking-plan").Locator("[data-unit='L2']")).ToHaveAttributeAsync("data-status", "Occupied");
        await Assertions.Expect(page.GetByTestId("trend")).ToContainTextAsync("E2E楼宇摸底调查");
        await session.ScreenshotAsync("space-building-zh-CN-desktop");
        await page.Locator("[data-nav=space]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/space$"));
        await Assertions.Expect(huayuan.GetByTestId("park-survey-vacancy")).Not.ToHaveTextAsync(parkBefore);
        await session.AssertHealthyAsync();

        // ---- the enterprise asks for lab space from its portal ----
        await using (var portal = await BrowserSession.SignedInAsync(server, "feiteng"))
        {
            var p = portal.Page;
            await p.Locator("[data-nav=my-space]").ClickAsync();
            await p.WaitForURLAsync(new Regex("/my/space$"));
            await p.GetByTestId("new-request").ClickAsync();
            await FillAsync(p, "request-min", "200");
            await FillAsync(p, "request-max", "300");
            await portal.SelectAsync(p.GetByTestId("request-use"), "实验");
            await portal.SelectAsync(p.GetByTestId("request-park"), "华苑科技园");
            await FillAsync(p, "request-load", "5");
            await CheckAsync(p, "request-exhaust");
            await CheckAsync(p, "request-sinks");
            await FillAsync(p, "request-movein", Date(60));
            await FillAsync(p, "request-note", "中试实验室，需通风橱和实验台");
            await p.GetByTestId("save-request").ClickAsync();
            await Assertions.Expect(p.Locator(".mud-snackbar")).ToContainTextAsync("需求已提交");
            await Assertions.Expect(p.GetByTestId("request-table").GetByTestId("request-status").First).ToHaveTextAsync("待匹配");
            await portal.ScreenshotAsync("space-portal-zh-CN-desktop");
            await portal.AssertHealthyAsync();
        }

        // ---- staff see it matched to L1, not L2 (floor too weak), offer L1 and record the lease ----
        await page.Locator("[data-nav=space-requests]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/space/requests$"));
        await page.GetByTestId("request-table").Locator("tr").Filter(new() { HasText = "飞腾信息技术有限公司" }).GetByTestId("request-link").First.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/space/requests/\d+$"));
        var matches = page.GetByTestId("matches");
        var near = page.GetByTestId("near-misses");
        var l1 = matches.Locator($"tr:has([data-testid=match][data-building='{BuildingName}'][data-unit='L1'])");
        await Assertions.Expect(l1).ToBeVisibleAsync();
        await Assertions.Expect(l1.Locator("[data-criterion=floorLoad]")).ToHaveTextAsync("✓ 楼板荷载 5.5 kN/m² ≥ 要求 5");
        await Assertions.Expect(matches.Locator($"[data-testid=match][data-building='{BuildingName}'][data-unit='L2']")).ToHaveCountAsync(0);
        var l2 = near.Locator($"tr:has([data-testid=near-miss][data-building='{BuildingName}'][data-unit='L2'])");
        await Assertions.Expect(l2.Locator("[data-criterion=floorLoad][data-passed=false]")).ToHaveTextAsync("✗ 楼板荷载 3 kN/m² < 要求 5");
        await session.ScreenshotAsync("space-request-matches-zh-CN-desktop");
        await l1.GetByTestId("offer-unit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("offers")).ToContainTextAsync("L1");
        await page.GetByTestId("accept-offer").ClickAsync();
        await Assertions.Expect(page.GetByTestId("request-status")).ToHaveTextAsync("已签约");
        await Assertions.Expect(page.GetByTestId("offer-status")).ToContainTextAsync("已接受");
        await session.AssertHealthyAsync();

        // ---- a low-efficiency parcel through a reserve case ----
        await page.Locator("[data-nav=land]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/land$"));
        await CheckAsync(page, "low-filter");
        var parcelRow = page.GetByTestId("parcel-table").Locator("tr").Filter(new() { HasText = LowParcel });
        await Assertions.Expect(parcelRow.GetByTestId("low-efficiency")).ToBeVisibleAsync();
        await session.ScreenshotAsync("land-zh-CN-desktop");
        await parcelRow.GetByTestId("parcel-link").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/land/parcels/\d+$"));
        await Assertions.Expect(page.GetByTestId("low-reason").First).ToContainTextAsync("亩均税收");
        await page.GetByTestId("open-case").ClickAsync();
        await FillAsync(page, "case-owner", "规划建设局 土地科");
        await FillAsync(page, "case-reason", "亩均税收低于认定标准");
        await page.GetByTestId("save-case").ClickAsync();
        var caseBox = page.GetByTestId("case").First;
        await Assertions.Expect(caseBox.GetByTestId("case-status")).ToHaveTextAsync("办理中");
        for (var i = 4; i > 0; i--)
        {
            await Assertions.Expect(caseBox.GetByTestId("step-done")).ToHaveCountAsync(i);
            await caseBox.GetByTestId("step-done").First.ClickAsync();
        }
        await Assertions.Expect(caseBox.GetByTestId("step-done")).ToHaveCountAsync(0);
        await FillAsync(page, "case-outcome-input", "协议收回，纳入土地储备");
        await page.GetByTestId("complete-case").ClickAsync();
        await Assertions.Expect(caseBox.GetByTestId("case-status")).ToHaveTextAsync("已完成");
        await Assertions.Expect(page.GetByTestId("parcel-status")).ToHaveTextAsync("已收储");
        await Assertions.Expect(page.GetByTestId("low-efficiency")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("land-parcel-zh-CN-desktop");
        await session.AssertHealthyAsync();

        // ---- the zone map with its layers ----
        await page.Locator("[data-nav=space-map]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/space/map$"));
        var map = page.GetByTestId("zone-map");
        await Assertions.Expect(map).Not.ToHaveAttributeAsync("data-loaded", "0");
        await Assertions.Expect(map.Locator(".leaflet-control-layers")).ToContainTextAsync("楼宇空置率");
        await Assertions.Expect(map.Locator(".leaflet-control-layers")).ToContainTextAsync("低效用地");
        await Assertions.Expect(map.Locator("canvas")).ToHaveCountAsync(1);
        // The layers load one after another: wait for the vacancy layer's count (at least 8 buildings).
        await Assertions.Expect(map).ToHaveAttributeAsync("data-countvacancy", new Regex(@"^([89]|[1-9]\d+)$"));
        await session.ScreenshotAsync("space-map-zh-CN-desktop");
        await session.AssertHealthyAsync();

        await ScreensAsync();
    }

    /// <summary>The module's pages in English and on a phone; nothing may be wider than the screen.</summary>
    async Task ScreensAsync()
    {
        foreach (var (culture, viewport, size) in new[] { ("en", BrowserSession.Desktop, "desktop"), ("zh-CN", BrowserSession.Phone, "phone"), ("en", BrowserSession.Phone, "phone") })
        {
            await using var session = await BrowserSession.SignedInAsync(server, "planning", viewport, culture);
            var page = session.Page;
            foreach (var (path, name, ready) in new[]
            {
                ("/space", "space-overview", "building-table"), ("/space/surveys", "space-surveys", "campaign-table"),
                ("/space/requests", "space-requests", "request-table"), ("/land", "land", "parcel-table"), ("/space/map", "space-map", "zone-map"),
            })
            {
                await page.GotoAsync(path);
                await session.WaitForInteractiveAsync();
                await Assertions.Expect(page.GetByTestId(ready)).ToBeVisibleAsync();
                await session.ScreenshotAsync($"{name}-{culture}-{size}");
                var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
                Assert.False(overflow, $"{path} is wider than the {size} screen ({culture})");
            }
            await page.GotoAsync("/space");
            await session.WaitForInteractiveAsync();
            await page.GetByTestId("building-link").First.ClickAsync();
            await page.WaitForURLAsync(new Regex(@"/space/buildings/\d+$"));
            await Assertions.Expect(page.GetByTestId("stacking-plan")).ToBeVisibleAsync();
            await session.ScreenshotAsync($"space-building-{culture}-{size}");
            Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), $"the building page is wider than the {size} screen ({culture})");
            await session.AssertHealthyAsync();
        }
    }
}

[Collection("e2e-sqlite")]
public sealed class SpaceTests_Sqlite(SqliteServer server) : SpaceTests(server);

[Collection("e2e-postgres")]
public sealed class SpaceTests_Postgres(PostgresServer server) : SpaceTests(server);
