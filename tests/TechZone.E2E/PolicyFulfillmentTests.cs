using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TechZone.E2E;

/// <summary>
/// Fulfillment's main path, as people do it: staff publish a policy item with an application form; the enterprise
/// sees the match and applies with an attachment; reviewers pass, return (the enterprise resubmits), take it into the
/// public notice where an anonymous visitor objects, resolve the objection, approve, pay a tranche; the ledger adds up.
/// </summary>
public abstract class PolicyFulfillmentTests(AppServer server)
{
    [BrowserFact]
    public async Task PublishApplyReviewNoticeObjectPay_TheLedgerAddsUp()
    {
        server.SkipIfUnavailable();
        var code = "ful" + Guid.NewGuid().ToString("N")[..6];
        var itemTitle = "信创规模企业奖励" + code[3..];
        var pdf = Path.Combine(Path.GetTempPath(), $"{code}-营业执照.pdf");
        await File.WriteAllBytesAsync(pdf, "%PDF-1.4\n% TechZone test\n"u8.ToArray());
        string policyUrl;

        // Staff publish the policy: one item (1,000 employees or more), 10万元, with a form field.
        await using (var session = await BrowserSession.SignedInAsync(server, "economy"))
        {
            var page = session.Page;
            await page.GotoAsync(server.BaseUrl + "/policies");
            await session.WaitForInteractiveAsync();
            await page.GetByTestId("new-policy").ClickAsync();
            await Field(page, "policy-code").FillAsync(code);
            await Field(page, "policy-title").FillAsync("滨海高新区信创企业奖励办法（" + code + "）");
            await Field(page, "policy-issuer").FillAsync("滨海高新区管委会");
            await Field(page, "policy-budget").FillAsync("100");
            await page.GetByTestId("create-policy").ClickAsync();
            await page.WaitForURLAsync(new Regex(@"/policies/\d+$"));
            policyUrl = page.Url;
            await Field(page, "document-number").FillAsync("津滨高新发〔2026〕" + code);
            await page.GetByTestId("save-version").ClickAsync();
            await Assertions.Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "已保存" })).ToBeVisibleAsync();

            await page.GetByTestId("add-item").ClickAsync();
            await page.WaitForURLAsync(new Regex("/items/new$"));
            await session.WaitForInteractiveAsync();
            await Field(page, "item-code").FillAsync("scale");
            await Field(page, "item-title").FillAsync(itemTitle);
            var builder = page.GetByTestId("criteria-builder");
            await builder.GetByTestId("add-node").First.ClickAsync();
            await page.GetByTestId("add-compare").ClickAsync();
            var compare = builder.Locator("[data-kind=compare]").Last;
            await session.SelectAsync(compare.GetByTestId("metric"), "职工总数");
            await Field(compare, "value").FillAsync("1000");
            await Field(compare, "node-label").FillAsync("职工不少于1,000人");
            await Field(compare, "node-reference").FillAsync("信创企业奖励办法 第四条");
            await session.SelectAsync(page.GetByTestId("benefit-kind"), "定额");
            await Field(page, "benefit-amount").FillAsync("10");
            var formEditor = page.GetByTestId("form-editor");
            await formEditor.GetByTestId("add-field").ClickAsync();
            await Field(formEditor, "field-key").FillAsync("headcount");
            await Field(formEditor, "field-label").FillAsync("参保人数");
            await formEditor.GetByTestId("field-required").ClickAsync();
            await session.ScreenshotAsync("policy-item-form-editor-zh-CN-desktop");
            await page.GetByTestId("save-item").ClickAsync();
            await page.WaitForURLAsync(new Regex(@"/policies/\d+$"));
            await page.GetByTestId("publish").ClickAsync();
            await Assertions.Expect(page.GetByTestId("version-state")).ToHaveTextAsync("已发布");

            // Stages: the default five; the notice runs 0 days here so the test need not wait a week.
            await page.GetByTestId("to-fulfillment").ClickAsync();
            await page.WaitForURLAsync(new Regex(@"/fulfillment$"));
            await session.WaitForInteractiveAsync();
            await page.GetByRole(AriaRole.Tab, new() { Name = "审核环节" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("stage")).ToHaveCountAsync(5);
            await Field(page.GetByTestId("stage").Nth(3), "stage-days").FillAsync("0");
            await page.GetByTestId("save-stages").ClickAsync();
            await Assertions.Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "已保存" })).ToBeVisibleAsync();
            await session.AssertHealthyAsync();
        }

        // 飞腾 (1,600 employees) sees the match and applies; a required field left empty is refused first.
        string applicationUrl;
        await using (var session = await BrowserSession.SignedInAsync(server, "feiteng"))
        {
            var page = session.Page;
            await page.GotoAsync(server.BaseUrl + "/my/policies");
            await session.WaitForInteractiveAsync();
            var entry = page.Locator("[data-testid=calculator-entry][data-item=scale]").Filter(new() { HasText = itemTitle });
            await Assertions.Expect(entry.GetByTestId("verdict")).ToHaveTextAsync("符合");
            await entry.GetByTestId("apply").ClickAsync();
            await page.WaitForURLAsync(new Regex(@"/my/policies/apply/\d+$"));
            await session.WaitForInteractiveAsync();
            await session.ChooseFileAsync(page.Locator("input[type=file]"), pdf, page.GetByTestId("attached").Filter(new() { HasText = "营业执照.pdf" }));
            await page.GetByTestId("submit-application").ClickAsync();
            await Assertions.Expect(page.GetByTestId("page-error")).ToContainTextAsync("参保人数");
            await Field(page, "field-headcount").FillAsync("1200");
            await session.ScreenshotAsync("policy-apply-zh-CN-desktop");
            await page.GetByTestId("submit-application").ClickAsync();
            await page.WaitForURLAsync(new Regex(@"/my/applications/\d+$"));
            applicationUrl = page.Url;
            await Assertions.Expect(page.GetByTestId("application-stage")).ToHaveTextAsync("受理");
            await Assertions.Expect(page.GetByTestId("precheck-verdict")).ToHaveTextAsync("符合");
            await session.AssertHealthyAsync();
        }
        var applicationId = applicationUrl.Split('/').Last();
        var staffUrl = server.BaseUrl + "/policies/applications/" + applicationId;

        async Task ReviewAsync(BrowserSession session, string button, string? comment, string expectStage)
        {
            var page = session.Page;
            if (comment is not null) await Field(page, "review-comment").FillAsync(comment);
            await page.GetByTestId(button).ClickAsync();
            await Assertions.Expect(page.GetByTestId(button == "review-return" ? "application-state" : "application-stage")).ToHaveTextAsync(expectStage);
        }

        // Acceptance passes; the first review returns it for more material.
        await using (var session = await BrowserSession.SignedInAsync(server, "economy"))
        {
            await session.Page.GotoAsync(staffUrl);
            await session.WaitForInteractiveAsync();
            await ReviewAsync(session, "review-pass", null, "初审");
            await ReviewAsync(session, "review-return", "请补充参保证明", "已退回");
        }
        await using (var session = await BrowserSession.SignedInAsync(server, "feiteng"))
        {
            var page = session.Page;
            await page.GotoAsync(applicationUrl);
            await session.WaitForInteractiveAsync();
            await Assertions.Expect(page.GetByTestId("steps")).ToContainTextAsync("请补充参保证明");
            await page.GetByTestId("resubmit").ClickAsync();
            await page.WaitForURLAsync(new Regex(@"/edit$"));
            await session.WaitForInteractiveAsync();
            await Field(page, "field-headcount").FillAsync("1250");
            await page.GetByTestId("submit-application").ClickAsync();
            await page.WaitForURLAsync(new Regex(@"/my/applications/\d+$"));
            await Assertions.Expect(page.GetByTestId("application-stage")).ToHaveTextAsync("初审");
            await session.ScreenshotAsync("policy-application-zh-CN-desktop");
        }
        await using (var session = await BrowserSession.SignedInAsync(server, "economy"))
        {
            await session.Page.GotoAsync(staffUrl);
            await session.WaitForInteractiveAsync();
            await Assertions.Expect(session.Page.GetByTestId("revisions")).ToBeVisibleAsync();
            await ReviewAsync(session, "review-pass", null, "复审");
            await ReviewAsync(session, "review-pass", null, "公示");
        }

        // Anyone reads the notice and objects, without signing in; on a phone too, and in English.
        await using (var session = await BrowserSession.OpenAsync(server))
        {
            var page = session.Page;
            // From the sign-in page, where a visitor arrives.
            await page.GotoAsync(server.BaseUrl + "/account/login");
            await page.GetByTestId("public-notices").ClickAsync();
            await page.WaitForURLAsync(new Regex("/notices$"));
            var notice = page.Locator($"[data-testid=notice][data-application='{applicationId}']");
            await Assertions.Expect(notice).ToContainTextAsync("飞腾信息技术有限公司");
            await Assertions.Expect(notice).ToContainTextAsync(itemTitle);
            await page.GetByTestId("objection-application").SelectOptionAsync(applicationId);
            await page.GetByTestId("objection-name").FillAsync("王五");
            await page.GetByTestId("objection-contact").FillAsync("13900000000");
            await page.GetByTestId("objection-text").FillAsync("请核实该企业的参保人数是否属实。");
            await session.ScreenshotAsync("policy-notices-zh-CN-desktop");
            await page.GetByTestId("objection-submit").ClickAsync();
            await Assertions.Expect(page.GetByTestId("objection-lodged")).ToBeVisibleAsync();
            await session.AssertHealthyAsync();
        }
        await using (var session = await BrowserSession.OpenAsync(server, BrowserSession.Phone))
        {
            await session.Page.GotoAsync(server.BaseUrl + "/notices");
            await Assertions.Expect(session.Page.GetByTestId("notices")).ToBeVisibleAsync();
            await AssertFitsAsync(session.Page, "390 px");
            await session.ScreenshotAsync("policy-notices-zh-CN-phone");
        }
        await using (var session = await BrowserSession.OpenAsync(server, BrowserSession.Desktop, locale: "en"))
        {
            await session.Page.GotoAsync(server.BaseUrl + "/notices");
            await Assertions.Expect(session.Page.Locator("h1")).ToHaveTextAsync("Public notice of policy awards");
            await session.ScreenshotAsync("policy-notices-en-desktop");
        }

        // The objection blocks the notice until resolved; then the award is approved and paid.
        await using (var session = await BrowserSession.SignedInAsync(server, "economy"))
        {
            var page = session.Page;
            await page.GotoAsync(staffUrl);
            await session.WaitForInteractiveAsync();
            await Assertions.Expect(page.GetByTestId("objection")).ToContainTextAsync("13900000000");
            await page.GetByTestId("review-pass").ClickAsync();
            await Assertions.Expect(page.GetByTestId("page-error")).ToContainTextAsync("异议");
            await Field(page, "resolution").FillAsync("经核实社保缴纳记录，人数属实");
            await page.GetByTestId("resolve").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=objection][data-state=Resolved]")).ToBeVisibleAsync();
            await ReviewAsync(session, "review-pass", null, "拨付");
            await session.ScreenshotAsync("policy-application-staff-zh-CN-desktop");

            await page.GetByTestId("to-ledger").ClickAsync();
            await page.WaitForURLAsync(new Regex(@"/fulfillment$"));
            await session.WaitForInteractiveAsync();
            await Assertions.Expect(page.GetByTestId("ledger-committed")).ToHaveTextAsync("10万元");
            await page.GetByRole(AriaRole.Tab, new() { Name = "奖励与拨付" }).ClickAsync();
            var award = page.Locator("[data-testid=award][data-state=Approved]");
            await award.GetByTestId("add-tranche").ClickAsync();
            await award.GetByTestId("pay").ClickAsync();
            await Assertions.Expect(award.Locator("[data-testid=tranche][data-state=Paid]")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("ledger-paid")).ToHaveTextAsync("10万元");
            await Assertions.Expect(page.GetByTestId("ledger-remaining")).ToHaveTextAsync("90万元");
            await Assertions.Expect(page.GetByTestId("ledger-budget")).ToHaveTextAsync("100万元");
            await session.ScreenshotAsync("policy-fulfillment-zh-CN-desktop");
            await session.AssertHealthyAsync();
        }
        await using (var session = await BrowserSession.SignedInAsync(server, "economy", BrowserSession.Phone, locale: "en"))
        {
            var page = session.Page;
            await page.GotoAsync(policyUrl + "/fulfillment");
            await session.WaitForInteractiveAsync();
            await Assertions.Expect(page.GetByTestId("ledger-paid")).ToBeVisibleAsync();
            await AssertFitsAsync(page, "390 px");
            await session.ScreenshotAsync("policy-fulfillment-en-phone");
        }
        await using (var session = await BrowserSession.SignedInAsync(server, "feiteng", BrowserSession.Phone))
        {
            var page = session.Page;
            await page.GotoAsync(applicationUrl);
            await session.WaitForInteractiveAsync();
            await Assertions.Expect(page.GetByTestId("application-state")).ToHaveTextAsync("已办结");
            await Assertions.Expect(page.Locator("[data-testid=step][data-action=Paid]")).ToBeVisibleAsync();
            await AssertFitsAsync(page, "390 px");
            await session.ScreenshotAsync("policy-application-zh-CN-phone");
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
public sealed class PolicyFulfillmentTests_Sqlite(SqliteServer server) : PolicyFulfillmentTests(server);

[Collection("e2e-postgres")]
public sealed class PolicyFulfillmentTests_Postgres(PostgresServer server) : PolicyFulfillmentTests(server);
