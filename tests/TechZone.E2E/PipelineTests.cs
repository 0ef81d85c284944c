using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TechZone.E2E;

/// <summary>
/// Pipelines' main path: an enterprise files an excavation request from its portal with a pasted GeoJSON work area and
/// sees the conflict check at once (a demo industrial line it crosses, a gas main 3 m away); the industrial line's owner
/// (飞腾, a portal user) answers from its to-do; the planning department answers for the gas utility and approves with
/// conditions; the permit prints; the board lists it; the enterprise uploads the as-built survey, which passes the
/// check; planning accepts it, the request closes, the new pipe segment is in the registry and the next conflict check
/// finds it; the registry map loads its layers and opens a pipe segment.
/// </summary>
public abstract class PipelineTests(AppServer server)
{
    // A pit in 华苑科技园 between the demo industrial line (y = centre − 139 m) and the gas main (y = centre − 144 m).
    const string Area = """{"type":"Polygon","coordinates":[[[117.10057604,39.07872943],[117.10069160,39.07872933],[117.10069172,39.07881040],[117.10057615,39.07881050],[117.10057604,39.07872943]]]}""";

    // The as-built survey: a telecom duct laid across the pit, in WGS84 with the attribute names of a Chinese survey.
    const string AsBuilt = """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"管线类型":"通信","材质":"HDPE","管径":"DN110","起点埋深":1.2,"终点埋深":1.3},"geometry":{"type":"LineString","coordinates":[[117.10059,39.07877],[117.10068,39.07877]]}}]}""";

    static ILocator Field(ILocator scope, string testId) =>
        scope.Locator($":is(input, textarea)[data-testid={testId}], [data-testid={testId}] :is(input, textarea)").First;

    static async Task FillAsync(IPage page, string testId, string value)
    {
        var field = Field(page.Locator("body"), testId);
        await field.FillAsync(value);
        await field.PressAsync("Tab");
    }

    [BrowserFact]
    public async Task ExcavationRequest_ConflictsFound_OwnersAnswer_PermitIssued_AsBuiltAccepted_NextCheckFindsIt()
    {
        server.SkipIfUnavailable();
        string requestUrl;

        // ---- the enterprise files a request from its portal and sees the conflicts at once ----
        await using (var portal = await BrowserSession.SignedInAsync(server, "kylin"))
        {
            var p = portal.Page;
            await p.Locator("[data-nav=my-excavations]").ClickAsync();
            await p.WaitForURLAsync(new Regex("/my/excavations$"));
            await p.GetByTestId("new-excavation").ClickAsync();
            await p.WaitForURLAsync(new Regex("/pipelines/requests/new$"));
            await portal.WaitForInteractiveAsync();
            await FillAsync(p, "excavation-title", "E2E 麒麟光缆接入工程");
            await FillAsync(p, "excavation-depth", "2.5");
            await portal.SelectAsync(p.GetByTestId("excavation-method"), "基坑");
            await FillAsync(p, "excavation-contact", "刘经理");
            await FillAsync(p, "excavation-phone", "13800001111");
            await FillAsync(p, "excavation-area", Area);
            await p.GetByTestId("check-area").ClickAsync();
            await Assertions.Expect(p.GetByTestId("check-result")).ToContainTextAsync("安全距离内有 2 条管段");
            await Assertions.Expect(p.GetByTestId("conflict-table")).ToContainTextAsync("飞腾信息技术有限公司");
            await Assertions.Expect(p.GetByTestId("conflict-table")).ToContainTextAsync("燃气");
            await portal.ScreenshotAsync("pipelines-request-form-zh-CN-desktop");
            await p.GetByTestId("submit-excavation").ClickAsync();
            await p.WaitForURLAsync(new Regex(@"/pipelines/requests/\d+$"));
            requestUrl = p.Url;
            await Assertions.Expect(p.GetByTestId("excavation-status")).ToHaveTextAsync("审查中");
            await Assertions.Expect(p.GetByTestId("answer")).ToHaveCountAsync(2);
            await Assertions.Expect(p.GetByTestId("send-answer")).ToHaveCountAsync(0); // kylin owns neither line
            await portal.AssertHealthyAsync();
        }

        // ---- the owner enterprise answers from its to-do ----
        await using (var owner = await BrowserSession.SignedInAsync(server, "feiteng"))
        {
            var p = owner.Page;
            await p.GotoAsync(requestUrl);
            await owner.WaitForInteractiveAsync();
            await owner.SelectAsync(p.GetByTestId("answer-select"), "已现场标识");
            await FillAsync(p, "answer-note", "已现场喷漆标识管位");
            await p.GetByTestId("send-answer").ClickAsync();
            await Assertions.Expect(p.Locator("[data-testid=answer][data-owner='飞腾信息技术有限公司'] [data-testid=answer-code]")).ToHaveTextAsync("已现场标识");
            await owner.ScreenshotAsync("pipelines-owner-answer-zh-CN-desktop");
            await owner.AssertHealthyAsync();
        }

        // ---- planning answers for the gas utility, approves with conditions, prints the permit ----
        await using var session = await BrowserSession.SignedInAsync(server, "planning");
        var page = session.Page;
        await page.GotoAsync(requestUrl);
        await session.WaitForInteractiveAsync();
        await session.SelectAsync(page.GetByTestId("answer-select"), "有冲突，需现场会商");
        await page.GetByTestId("send-answer").ClickAsync();
        await Assertions.Expect(page.GetByTestId("send-answer")).ToHaveCountAsync(0);
        await FillAsync(page, "decision-conditions", "人工开挖，燃气公司现场监护");
        await page.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(page.GetByTestId("excavation-status")).ToHaveTextAsync("已批准");
        await Assertions.Expect(page.GetByTestId("permit-number")).ToContainTextAsync("XK");
        await session.ScreenshotAsync("pipelines-request-zh-CN-desktop");
        await page.GetByTestId("open-permit").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/permit$"));
        await Assertions.Expect(page.GetByTestId("permit")).ToContainTextAsync("人工开挖，燃气公司现场监护");
        await session.ScreenshotAsync("pipelines-permit-zh-CN-desktop");

        // ---- the board lists the open permit ----
        await page.Locator("[data-nav=pipeline-board]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/pipelines/board$"));
        await Assertions.Expect(page.GetByTestId("board-permits")).ToContainTextAsync("E2E 麒麟光缆接入工程");
        // Its permit runs 30 days past the work's end: valid, not yet marked expired.
        var permitRow = page.GetByTestId("board-permits").Locator("tr").Filter(new() { HasText = "E2E 麒麟光缆接入工程" });
        await Assertions.Expect(permitRow.GetByTestId("permit-until")).ToHaveAttributeAsync("data-expired", "false");
        await session.ScreenshotAsync("pipelines-board-zh-CN-desktop");

        // ---- after the work, the applicant uploads the as-built survey; it passes the check and is submitted ----
        var surveyFile = Path.Combine(Path.GetTempPath(), $"竣工测量-{Guid.NewGuid():N}.geojson");
        await File.WriteAllTextAsync(surveyFile, AsBuilt);
        await using (var portal = await BrowserSession.SignedInAsync(server, "kylin"))
        {
            var p = portal.Page;
            await p.GotoAsync(requestUrl);
            await portal.WaitForInteractiveAsync();
            await Assertions.Expect(p.GetByTestId("asbuilt-owed")).ToBeVisibleAsync();
            await portal.ChooseFileAsync(p.Locator("[data-testid=asbuilt-upload] input[type=file], input[type=file]").First, surveyFile, p.GetByTestId("asbuilt-file"));
            await p.GetByTestId("asbuilt-check").ClickAsync();
            await Assertions.Expect(p.GetByTestId("asbuilt-summary")).ToContainTextAsync("全部通过检查");
            await portal.ScreenshotAsync("pipelines-asbuilt-check-zh-CN-desktop");
            await p.GetByTestId("asbuilt-submit").ClickAsync();
            await Assertions.Expect(p.GetByTestId("asbuilt-status").First).ToHaveTextAsync("待验收");
            await portal.AssertHealthyAsync();
        }

        // ---- planning accepts it: the request closes and the new pipe segment is in the registry ----
        await page.GotoAsync(requestUrl);
        await session.WaitForInteractiveAsync();
        await FillAsync(page, "asbuilt-note", "资料齐全，准予入库");
        await page.GetByTestId("asbuilt-accept").ClickAsync();
        await Assertions.Expect(page.GetByTestId("excavation-status")).ToHaveTextAsync("已办结");
        await Assertions.Expect(page.GetByTestId("asbuilt-closed")).ToBeVisibleAsync();
        await session.ScreenshotAsync("pipelines-asbuilt-accepted-zh-CN-desktop");
        var newSegment = page.GetByTestId("asbuilt-segment").First;
        var newCode = (await newSegment.TextContentAsync())!.Trim();
        await newSegment.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/pipelines/segments/\d+$"));
        await Assertions.Expect(page.GetByTestId("segment-history")).ToContainTextAsync("竣工测量验收入库");

        // ---- the next conflict check over the same pit finds the new pipe segment ----
        await page.GotoAsync(server.BaseUrl + "/pipelines/requests/new");
        await session.WaitForInteractiveAsync();
        await FillAsync(page, "excavation-area", Area);
        await page.GetByTestId("check-area").ClickAsync();
        await Assertions.Expect(page.GetByTestId("check-result")).ToContainTextAsync("安全距离内有 3 条管段");
        await Assertions.Expect(page.GetByTestId("conflict-table")).ToContainTextAsync(newCode);

        // ---- the registry map loads its layers; a pipe segment opens with its history ----
        await page.Locator("[data-nav=pipelines]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/pipelines$"));
        await Assertions.Expect(page.GetByTestId("zone-map")).Not.ToHaveAttributeAsync("data-loaded", "0");
        await Assertions.Expect(page.GetByTestId("zone-map")).ToHaveAttributeAsync("data-countindustrial", new Regex("^[1-9]"));
        await FillAsync(page, "owner-search", "飞腾");
        await page.GetByTestId("search-segments").ClickAsync();
        await Assertions.Expect(page.GetByTestId("segment-table").GetByTestId("segment-owner").First).ToHaveTextAsync("飞腾信息技术有限公司");
        await session.ScreenshotAsync("pipelines-map-zh-CN-desktop");
        await page.GetByTestId("segment-link").First.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/pipelines/segments/\d+$"));
        await Assertions.Expect(page.GetByTestId("segment-history")).ToContainTextAsync("建档");
        var segmentUrl = page.Url;
        var revisions = await page.GetByTestId("segment-history").Locator("tbody tr").CountAsync();

        // ---- planning corrects the segment's depth after a survey: a new revision, the old one in the history ----
        await page.GetByTestId("edit-segment").ClickAsync();
        await FillAsync(page, "segment-depth-start", "2.45");
        await FillAsync(page, "segment-reason", "物探复核埋深");
        await session.ScreenshotAsync("pipelines-segment-edit-zh-CN-desktop");
        await page.GetByTestId("save-segment").ClickAsync();
        await Assertions.Expect(page.GetByTestId("segment-form")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("segment-history")).ToContainTextAsync("物探复核埋深");
        await Assertions.Expect(page.GetByTestId("segment-history").Locator("tbody tr")).ToHaveCountAsync(revisions + 1);
        await Assertions.Expect(page.GetByTestId("segment-facts")).ToContainTextAsync("2.45 m");
        await session.AssertHealthyAsync();

        // ---- English, and a phone ----
        await using var english = await BrowserSession.SignedInAsync(server, "leader", BrowserSession.Desktop, "en");
        await english.Page.GotoAsync(requestUrl);
        await english.WaitForInteractiveAsync();
        await Assertions.Expect(english.Page.GetByTestId("excavation-status")).ToHaveTextAsync("Closed");
        await english.ScreenshotAsync("pipelines-request-en-desktop");
        await english.Page.GotoAsync(server.BaseUrl + "/pipelines");
        await english.WaitForInteractiveAsync();
        await Assertions.Expect(english.Page.GetByTestId("zone-map")).Not.ToHaveAttributeAsync("data-loaded", "0");
        await english.ScreenshotAsync("pipelines-map-en-desktop");
        await english.AssertHealthyAsync();
        await using var phone = await BrowserSession.SignedInAsync(server, "leader", BrowserSession.Phone, "en");
        await phone.Page.GotoAsync(requestUrl);
        await phone.WaitForInteractiveAsync();
        await Assertions.Expect(phone.Page.GetByTestId("excavation-status")).ToHaveTextAsync("Closed");
        await phone.ScreenshotAsync("pipelines-request-en-phone");
        await phone.Page.GotoAsync(server.BaseUrl + "/pipelines/board");
        await phone.WaitForInteractiveAsync();
        await phone.ScreenshotAsync("pipelines-board-en-phone");
        await phone.AssertHealthyAsync();
        await using var phoneZh = await BrowserSession.SignedInAsync(server, "planning", BrowserSession.Phone);
        await phoneZh.Page.GotoAsync(requestUrl);
        await phoneZh.WaitForInteractiveAsync();
        await phoneZh.ScreenshotAsync("pipelines-request-zh-CN-phone");
        await phoneZh.Page.GotoAsync(segmentUrl);
        await phoneZh.WaitForInteractiveAsync();
        await phoneZh.Page.GetByTestId("edit-segment").ClickAsync();
        await Assertions.Expect(phoneZh.Page.GetByTestId("segment-form")).ToBeVisibleAsync();
        await phoneZh.ScreenshotAsync("pipelines-segment-edit-zh-CN-phone");
        await phoneZh.AssertHealthyAsync();
    }
    [BrowserFact]
    public async Task Staff_CheckAPipeFile_SeeWhyAFeatureFails_ImportTheValidOne_ExportTheRegistry_DrawAWorkArea()
    {
        server.SkipIfUnavailable();
        var code = "E2E-" + Guid.NewGuid().ToString("N")[..6];
        var file = Path.Combine(Path.GetTempPath(), $"管线-{Guid.NewGuid():N}.geojson");
        await File.WriteAllTextAsync(file, $$$"""
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"编号":"{{{code}}}","管线类型":"给水","材质":"PE100","管径":"DN200","起点埋深":1.1,"终点埋深":1.3,"权属单位":"天津水务集团有限公司","数据质量":"QL-B"},
               "geometry":{"type":"LineString","coordinates":[[117.3001,39.1001],[117.3009,39.1004]]}},
              {"type":"Feature","properties":{"管线类型":"暖气","材质":"钢","管径":"DN300","起点埋深":1.5,"终点埋深":1.5,"权属单位":"天津水务集团有限公司"},
               "geometry":{"type":"LineString","coordinates":[[117.3001,39.1011],[117.3009,39.1014]]}}]}
            """);
        await using var session = await BrowserSession.SignedInAsync(server, "planning");
        var page = session.Page;
        await page.Locator("[data-nav=pipelines]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/pipelines$"));
        await page.GetByTestId("open-import").ClickAsync();
        await page.WaitForURLAsync(new Regex("/pipelines/import$"));
        await session.WaitForInteractiveAsync();
        await session.ChooseFileAsync(page.Locator("input[type=file]"), file, page.GetByTestId("import-file"));
        await page.GetByTestId("import-check").ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-summary")).ToContainTextAsync("2 个要素中有 1 个未通过检查");
        await Assertions.Expect(page.GetByTestId("asbuilt-problem").First).ToContainTextAsync("暖气");
        await session.ScreenshotAsync("pipelines-import-check-zh-CN-desktop");
        await page.GetByTestId("import-valid").ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-done")).ToContainTextAsync("已导入 1 条管段");
        await session.AssertHealthyAsync();

        // The imported segment is in the registry; the export downloads it as GeoJSON.
        await page.GotoAsync(server.BaseUrl + "/pipelines");
        await session.WaitForInteractiveAsync();
        await FillAsync(page, "owner-search", "天津水务集团");
        await page.GetByTestId("search-segments").ClickAsync();
        await Assertions.Expect(page.GetByTestId("segment-total")).Not.ToHaveTextAsync("共 0 条");
        await page.GetByTestId("export-menu").ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-geojson").ClickAsync());
        Assert.EndsWith(".geojson", download.SuggestedFilename);
        Assert.Contains(code, await File.ReadAllTextAsync(await download.PathAsync()));

        // One pipe entered by hand from a surveyor's coordinates: a bad list is refused in words, a good one saved.
        await page.GotoAsync(server.BaseUrl + "/pipelines");
        await session.WaitForInteractiveAsync();
        await page.GetByTestId("new-segment").ClickAsync();
        await page.WaitForURLAsync(new Regex("/pipelines/segments/new$"));
        await session.WaitForInteractiveAsync();
        var manual = "E2E-M-" + Guid.NewGuid().ToString("N")[..6];
        await FillAsync(page, "segment-code", manual);
        await session.SelectAsync(page.GetByTestId("segment-network"), "给水");
        await FillAsync(page, "segment-material", "球墨铸铁");
        await FillAsync(page, "segment-diameter", "300");
        await FillAsync(page, "segment-depth-start", "1.2");
        await FillAsync(page, "segment-depth-end", "1.4");
        await session.SelectAsync(page.GetByTestId("segment-owner-utility"), "天津水务集团有限公司");
        await FillAsync(page, "segment-coordinates", "117.3101, 39.1101");
        await page.GetByTestId("save-segment").ClickAsync();
        await Assertions.Expect(page.GetByTestId("segment-error")).ToContainTextAsync("至少录入两个点");
        await FillAsync(page, "segment-coordinates", "117.3101, 39.1101\n117.3109 39.1104");
        await session.ScreenshotAsync("pipelines-segment-new-zh-CN-desktop");
        await page.GetByTestId("save-segment").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/pipelines/segments/\d+$"));
        await Assertions.Expect(page.GetByTestId("segment-title")).ToContainTextAsync(manual);
        await Assertions.Expect(page.GetByTestId("segment-owner")).ToHaveTextAsync("天津水务集团有限公司");

        // A work area drawn on the map (three corners) fills the form and is checked at once.
        await page.GotoAsync(server.BaseUrl + "/pipelines/requests/new");
        await session.WaitForInteractiveAsync();
        var map = page.GetByTestId("zone-map");
        await Assertions.Expect(map).Not.ToHaveAttributeAsync("data-loaded", "0");
        await map.GetByTestId("map-draw-start").ClickAsync();
        var box = (await map.BoundingBoxAsync())!;
        foreach (var (dx, dy) in new[] { (0.50, 0.40), (0.53, 0.40), (0.515, 0.47) }) // a plot of about 150 m × 120 m
            await page.Mouse.ClickAsync((float)(box.X + box.Width * dx), (float)(box.Y + box.Height * dy));
        await Assertions.Expect(map).ToHaveAttributeAsync("data-corners", "3");
        await map.GetByTestId("map-draw-finish").ClickAsync();
        await Assertions.Expect(map).ToHaveAttributeAsync("data-drawn", "3");
        await Assertions.Expect(Field(page.Locator("body"), "excavation-area")).ToHaveValueAsync(new Regex("\"Polygon\""));
        await Assertions.Expect(page.GetByTestId("check-result")).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/pipelines/requests/new$"));
        await session.ScreenshotAsync("pipelines-request-drawn-zh-CN-desktop");

        await using var english = await BrowserSession.SignedInAsync(server, "planning", BrowserSession.Phone, "en");
        await english.Page.GotoAsync(server.BaseUrl + "/pipelines/import");
        await english.WaitForInteractiveAsync();
        await Assertions.Expect(english.Page.GetByTestId("import-check")).ToHaveTextAsync("Check the file");
        await english.ScreenshotAsync("pipelines-import-en-phone");
        await english.Page.GotoAsync(server.BaseUrl + "/pipelines/segments/new");
        await english.WaitForInteractiveAsync();
        await Assertions.Expect(english.Page.GetByTestId("segment-coordinates")).ToBeVisibleAsync();
        await english.ScreenshotAsync("pipelines-segment-new-en-phone");
        await english.AssertHealthyAsync();
    }
}

[Collection("e2e-sqlite")]
public sealed class PipelineTests_Sqlite(SqliteServer server) : PipelineTests(server);

[Collection("e2e-postgres")]
public sealed class PipelineTests_Postgres(PostgresServer server) : PipelineTests(server);
