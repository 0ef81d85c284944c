using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TechZone.E2E;

/// <summary>Importing enterprises from the browser: check a file with bad rows, see why, then import the valid rows.</summary>
public abstract class ImportTests(AppServer server)
{
    /// <summary>A valid 统一社会信用代码 (GB 32100-2015 check character) for a serial no other test uses.</summary>
    static string CreditCode(long serial)
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        var first17 = "91120116" + (serial % 1_000_000_000).ToString("D9");
        var sum = first17.Select((c, i) => alphabet.IndexOf(c) * weights[i]).Sum();
        var check = 31 - sum % 31;
        return first17 + alphabet[check == 31 ? 0 : check];
    }

    /// <summary>A UTF-8 .csv (with the byte-order mark Excel writes) of two good rows and two bad ones.</summary>
    static string BadFile(string tag)
    {
        var serial = Random.Shared.NextInt64(100_000_000, 900_000_000);
        var good1 = CreditCode(serial);
        var good2 = CreditCode(serial + 1);
        var bad = CreditCode(serial + 2);
        bad = bad[..17] + (bad[17] == '0' ? '1' : '0');
        var csv = new StringBuilder()
            .AppendLine("统一社会信用代码,企业名称,成立日期,企业规模,所属园区")
            .AppendLine($"{good1},{tag}甲科技有限公司,2019-04-01,小型,华苑科技园")
            .AppendLine($"{bad},{tag}乙科技有限公司,2020-01-01,中型,")
            .AppendLine($"{good2},{tag}丙科技有限公司,,,")
            .AppendLine($"{CreditCode(serial + 3)},{tag}丁科技有限公司,2021-02-30,巨型,")
            .ToString();
        var path = Path.Combine(Path.GetTempPath(), $"企业名单-{tag}.csv");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)]);
        return path;
    }

    /// <summary>Chooses the file and waits for the check's report.</summary>
    static async Task UploadAsync(BrowserSession session, string path)
    {
        await Assertions.Expect(session.Page.GetByTestId("import-choose")).ToBeEnabledAsync();
        await session.ChooseFileAsync(session.Page.Locator("input[type=file]"), path, session.Page.GetByTestId("import-file-name"));
        await Assertions.Expect(session.Page.GetByTestId("import-report")).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task Staff_ChecksAFileWithBadRows_SeesWhy_NothingIsWritten_ThenImportsTheValidRows()
    {
        server.SkipIfUnavailable();
        var tag = "导入" + Guid.NewGuid().ToString("N")[..6];
        var file = BadFile(tag);
        await using var session = await BrowserSession.SignedInAsync(server, "service");
        await session.Page.Locator("[data-nav=enterprises]").ClickAsync();
        await session.Page.GetByTestId("import").ClickAsync();
        await session.Page.WaitForURLAsync(new Regex("/enterprises/import$"));
        await session.WaitForInteractiveAsync();

        await UploadAsync(session, file);
        await Assertions.Expect(session.Page.GetByTestId("import-total")).ToHaveTextAsync("4");
        await Assertions.Expect(session.Page.GetByTestId("import-invalid")).ToHaveTextAsync("2");
        var errors = session.Page.GetByTestId("import-errors");
        await Assertions.Expect(errors.Locator("tbody tr")).ToHaveCountAsync(3);
        var first = errors.Locator("tbody tr").First;
        await Assertions.Expect(first.GetByTestId("error-row")).ToHaveTextAsync("3");
        await Assertions.Expect(first.GetByTestId("error-column")).ToHaveTextAsync("统一社会信用代码");
        await Assertions.Expect(first.GetByTestId("error-reason")).ToContainTextAsync("校验位");
        await Assertions.Expect(errors).ToContainTextAsync("巨型");
        await Assertions.Expect(session.Page.GetByTestId("import-all")).ToBeDisabledAsync();
        await session.ScreenshotAsync("import-checked-zh-CN-desktop");

        // The check wrote nothing: the registry, in another tab, has none of the file's enterprises.
        var list = await session.Page.Context.NewPageAsync();
        await list.GotoAsync("/enterprises");
        await list.Locator(".mud-layout[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(list.GetByTestId("enterprise-table").Locator("tbody tr")).ToHaveCountAsync(20);
        await list.GetByTestId("search").FillAsync(tag);
        await Assertions.Expect(list.GetByTestId("enterprise-table")).ToContainTextAsync("暂无数据");
        await list.CloseAsync();

        await session.Page.GetByTestId("import-valid-only").ClickAsync();
        await Assertions.Expect(session.Page.GetByTestId("import-done")).ToContainTextAsync("导入 2 家企业");
        await session.ScreenshotAsync("import-done-zh-CN-desktop");

        await session.Page.GetByTestId("import-to-list").ClickAsync();
        await session.Page.WaitForURLAsync(new Regex("/enterprises$"));
        var table = session.Page.GetByTestId("enterprise-table");
        // The list has loaded (a full first page) before the search is typed, so the search is not lost.
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(20);
        await session.Page.GetByTestId("search").FillAsync(tag);
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(table).ToContainTextAsync(tag + "甲科技有限公司");
        await Assertions.Expect(table).ToContainTextAsync(tag + "丙科技有限公司");
        await session.AssertHealthyAsync();
    }

    public static TheoryData<string, string> Screens => new() { { "zh-CN", "phone" }, { "en", "desktop" }, { "en", "phone" } };

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task ImportPage_WithACheckedFile_FitsThePhone_InBothLanguages(string culture, string size)
    {
        server.SkipIfUnavailable();
        var file = BadFile("屏" + Guid.NewGuid().ToString("N")[..6]);
        await using var session = await BrowserSession.SignedInAsync(server, "service", size == "phone" ? BrowserSession.Phone : BrowserSession.Desktop, culture);
        await session.Page.GotoAsync("/enterprises/import");
        await session.WaitForInteractiveAsync();
        await session.ScreenshotAsync($"import-{culture}-{size}");
        await UploadAsync(session, file);
        await Assertions.Expect(session.Page.GetByTestId("import-invalid")).ToHaveTextAsync("2");
        await session.ScreenshotAsync($"import-checked-{culture}-{size}");

        var overflow = await session.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the import page scrolls sideways at " + size);
        await session.AssertHealthyAsync();
    }
}

[Collection("e2e-sqlite")]
public sealed class ImportTests_Sqlite(SqliteServer server) : ImportTests(server);

[Collection("e2e-postgres")]
public sealed class ImportTests_Postgres(PostgresServer server) : ImportTests(server);
