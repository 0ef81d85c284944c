using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TechZone.E2E;

/// <summary>
/// The policy module's main path: staff build a policy's criteria in the browser without code and publish it; the
/// matched enterprise sees it in its policy calculator with the explanation; the lists and counts follow.
/// </summary>
public abstract class PolicyTests(AppServer server)
{
    [BrowserFact]
    public async Task Staff_BuildsAndPublishesAPolicy_TheEnterpriseSeesTheMatchWithItsExplanation()
    {
        server.SkipIfUnavailable();
        var code = "e2e" + Guid.NewGuid().ToString("N")[..6];
        var itemTitle = "园区规模企业稳岗奖励" + code[3..];
        await using (var session = await BrowserSession.SignedInAsync(server, "economy"))
        {
            var page = session.Page;
            await page.Locator("[data-nav=policies]").ClickAsync();
            await page.WaitForURLAsync(new Regex("/policies$"));
            await Assertions.Expect(page.GetByTestId("standings").Locator("tbody tr").First).ToBeVisibleAsync();
            await session.ScreenshotAsync("policies-zh-CN-desktop");
            await session.AssertHealthyAsync();

            await page.GetByTestId("new-policy").ClickAsync();
            await Field(page, "policy-code").FillAsync(code);
            await Field(page, "policy-title").FillAsync("滨海高新区稳岗奖励办法（" + code + "）");
            await Field(page, "policy-issuer").FillAsync("滨海高新区管委会");
            await page.GetByTestId("create-policy").ClickAsync();
            await page.WaitForURLAsync(new Regex(@"/policies/\d+$"));
            await Assertions.Expect(page.GetByTestId("version-state")).ToHaveTextAsync("草稿");
            await Field(page, "document-number").FillAsync("津滨高新发〔2026〕99号");
            await page.GetByTestId("save-version").ClickAsync();
            await Assertions.Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "已保存" })).ToBeVisibleAsync();

            await page.GetByTestId("add-item").ClickAsync();
            await page.WaitForURLAsync(new Regex("/items/new$"));
            await session.WaitForInteractiveAsync();
            await Field(page, "item-code").FillAsync("jobs");
            await Field(page, "item-title").FillAsync(itemTitle);

            // The criteria tree: an AND of a fact comparison and a park membership, each with its clause.
            var builder = page.GetByTestId("criteria-builder");
            await builder.GetByTestId("add-node").First.ClickAsync();
            await page.GetByTestId("add-compare").ClickAsync();
            var compare = builder.Locator("[data-kind=compare]").Last;
            await session.SelectAsync(compare.GetByTestId("metric"), "职工总数");
            await Field(compare, "value").FillAsync("1000");
            await Field(compare, "node-label").FillAsync("职工不少于1,000人");
            await session.FillAndLeaveAsync(Field(compare, "node-reference"), "稳岗奖励办法 第三条（一）");
            await builder.GetByTestId("add-node").First.ClickAsync();
            await page.GetByTestId("add-membership").ClickAsync();
            var park = builder.Locator("[data-kind=membership]").Last;
            await session.SelectAsync(park.GetByTestId("values"), "海洋科技园");
            await page.Keyboard.PressAsync("Escape");
            await session.FillAndLeaveAsync(Field(park, "node-reference"), "稳岗奖励办法 第三条（二）");
            await session.SelectAsync(page.GetByTestId("benefit-kind"), "定额");
            await session.FillAndLeaveAsync(Field(page, "benefit-amount"), "10");
            await session.ScreenshotAsync("policy-item-builder-zh-CN-desktop");
            await page.GetByTestId("save-item").ClickAsync();
            await page.WaitForURLAsync(new Regex(@"/policies/\d+$"));
            await Assertions.Expect(page.GetByTestId("item")).ToContainTextAsync(itemTitle);

            await page.GetByTestId("publish").ClickAsync();
            await Assertions.Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "已发布" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("version-state")).ToHaveTextAsync("已发布");
            await Assertions.Expect(page.GetByTestId("verdict-list")).ToContainTextAsync("飞腾信息技术有限公司");
            await session.ScreenshotAsync("policy-page-zh-CN-desktop");
            await session.AssertHealthyAsync();
        }

        // 飞腾 (海洋科技园, 1,600 employees) sees the match, with the criteria it meets, in Chinese and English, on a phone too.
        await using (var session = await BrowserSession.SignedInAsync(server, "feiteng"))
        {
            var page = session.Page;
            await page.Locator("[data-nav=my-policies]").ClickAsync();
            await page.WaitForURLAsync(new Regex("/my/policies$"));
            var entry = page.Locator($"[data-testid=calculator-entry][data-item=jobs]").Filter(new() { HasText = itemTitle });
            await Assertions.Expect(entry.GetByTestId("verdict")).ToHaveTextAsync("符合");
            await entry.GetByTestId("explanation").ClickAsync();
            await Assertions.Expect(entry).ToContainTextAsync("稳岗奖励办法 第三条（一）");
            await Assertions.Expect(page.Locator("[data-testid=calculator-entry][data-verdict=Unknown]").First).ToBeVisibleAsync();
            await session.ScreenshotAsync("policy-calculator-zh-CN-desktop");
            await session.AssertHealthyAsync();
        }
        await using (var session = await BrowserSession.SignedInAsync(server, "kylin", BrowserSession.Phone))
        {
            var page = session.Page;
            await page.GotoAsync(server.BaseUrl + "/my/policies");
            await session.WaitForInteractiveAsync();
            await Assertions.Expect(page.Locator("[data-testid=calculator-entry][data-verdict=NearMiss]").First.GetByTestId("gap")).ToBeVisibleAsync();
            await AssertFitsAsync(page, "390 px");
            await session.ScreenshotAsync("policy-calculator-zh-CN-phone");
        }
        await using (var session = await BrowserSession.SignedInAsync(server, "kylin", BrowserSession.Desktop, locale: "en"))
        {
            var page = session.Page;
            await page.GotoAsync(server.BaseUrl + "/my/policies");
            await session.WaitForInteractiveAsync();
            await Assertions.Expect(page.Locator("[data-testid=calculator-entry][data-verdict=NearMiss]").First.GetByTestId("verdict")).ToHaveTextAsync("Near miss");
            await session.ScreenshotAsync("policy-calculator-en-desktop");
        }
        await using (var session = await BrowserSession.SignedInAsync(server, "economy", BrowserSession.Phone, locale: "en"))
        {
            var page = session.Page;
            await page.GotoAsync(server.BaseUrl + "/policies");
            await session.WaitForInteractiveAsync();
            await Assertions.Expect(page.GetByTestId("standings")).ToContainTextAsync(itemTitle);
            await AssertFitsAsync(page, "390 px");
            await session.ScreenshotAsync("policies-en-phone");
        }
    }

    static ILocator Field(ILocator scope, string testId) =>
        scope.Locator($":is(input, textarea)[data-testid={testId}], [data-testid={testId}] :is(input, textarea)").First;

    static ILocator Field(IPage page, string testId) =>
        page.Locator($":is(input, textarea)[data-testid={testId}], [data-testid={testId}] :is(input, textarea)").First;

    static async Task AssertFitsAsync(IPage page, string size)
    {
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, $"{page.Url} scrolls sideways at {size}");
    }
}

[Collection("e2e-sqlite")]
public sealed class PolicyTests_Sqlite(SqliteServer server) : PolicyTests(server);

[Collection("e2e-postgres")]
public sealed class PolicyTests_Postgres(PostgresServer server) : PolicyTests(server);
