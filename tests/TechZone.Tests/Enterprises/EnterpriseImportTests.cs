using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using TechZone.Data;
using TechZone.Enterprises;
using TechZone.Platform.Audit;
using TechZone.Platform.Tokens;
using TechZone.Tests.Infrastructure;

namespace TechZone.Tests.Enterprises;

/// <summary>
/// Import from .xlsx and .csv: a dry run names every bad cell and writes nothing; a commit writes all rows or only
/// the valid ones, in one transaction, with one audit entry for the batch.
/// </summary>
public abstract class EnterpriseImportTests(ZoneApp app)
{
    const string Api = "/api/v1/enterprises/import";
    const string Code = "统一社会信用代码";
    const string Name = "企业名称";

    /// <summary>A valid credit code no other test uses.</summary>
    static string NewCode() => CreditCode.Make("120116", Random.Shared.NextInt64(30_000_000, 49_999_999));

    static string Tag() => "导" + Guid.NewGuid().ToString("N")[..8];

    static string WrongCheck(string code) => code[..17] + (code[17] == '0' ? '1' : '0');

    Task<int> CountAsync() => app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Enterprises.CountAsync());

    Task<long> LastAuditAsync() => app.WithScopeAsync(async sp =>
        await sp.GetRequiredService<ZoneDb>().AuditEntries.MaxAsync(e => (long?)e.Sequence) ?? 0);

    Task<Enterprise?> FindAsync(string code) => app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Enterprises.AsNoTracking().AsSplitQuery()
        .Include(e => e.StatusChanges).Include(e => e.Contacts).SingleOrDefaultAsync(e => e.CreditCode == code));

    /// <summary>An .xlsx with the given header and rows (null = empty cell), as MiniExcel writes it: the header is row 1.</summary>
    static byte[] Workbook(string[] header, params object?[][] rows)
    {
        var table = new System.Data.DataTable();
        foreach (var h in header) table.Columns.Add(h, typeof(object));
        foreach (var row in rows) table.Rows.Add(row.Select(v => v ?? DBNull.Value).ToArray());
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, table);
        return stream.ToArray();
    }

    /// <summary>Posts the file as a signed-in page would, with the antiforgery token the app gave the browser.</summary>
    static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] file, string fileName, string query)
    {
        var token = ZoneApp.HiddenFields(await client.GetStringAsync("/"))["__RequestVerificationToken"];
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(file), "file", fileName },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        return await client.PostAsync($"{Api}?{query}", form);
    }

    static async Task<ImportReport> ReportAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<ImportReport>(ZoneApp.Json))!;
    }

    static async Task<ImportReport> CheckAsync(HttpClient client, byte[] file, string fileName = "企业名单.xlsx") =>
        await ReportAsync(await PostAsync(client, file, fileName, "dryRun=true"));

    static void HasError(ImportReport report, int row, string column, string reasonPart) =>
        Assert.True(report.Errors.Any(e => e.Row == row && e.Column == column && e.Reason.Contains(reasonPart)),
            $"no error ({row}, {column}, …{reasonPart}…) in:\n" + string.Join("\n", report.Errors.Select(e => $"{e.Row} {e.Column} [{e.Value}] {e.Reason}")));

    static readonly string[] ChineseHeader = [Code, Name, "法定代表人", "注册资本（万元）", "成立日期", "所属行业", "企业规模", "状态", "所属园区", "地址", "联系人", "联系电话"];

    [Fact]
    public async Task DryRun_ReportsEveryBadCell_ByRowColumnAndReason_AndWritesNothing()
    {
        app.SkipIfUnavailable();
        var client = await app.SignedInAsync("service");
        var tag = Tag();
        var tomorrow = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd");
        var file = Workbook(ChineseHeader,
            [NewCode(), tag + "好", "张三", 1200.5, new DateTime(2018, 5, 6), "65", "小型", "运营中", "华苑科技园", "海泰西路1号", "李四", "022-58661234"],
            [WrongCheck(NewCode()), tag + "校验位", null, null, null, null, null, null, null, null, null, null],
            [NewCode(), null, null, "很多", "2020-13-01", "98", "巨型", "倒闭", "火星园", null, null, "电话abc"],
            [null, null, null, null, null, null, null, null, null, null, null, null],
            [NewCode(), tag + "未来", null, -5, tomorrow, "计算机、通信和其他电子设备制造业", "Micro", "Operating", null, null, null, "13800138000"]);
        var before = await CountAsync();
        var audit = await LastAuditAsync();

        var report = await CheckAsync(client, file);

        Assert.Equal(ImportOutcome.Checked, report.Outcome);
        // The empty row 5 is skipped, not counted.
        Assert.Equal((4, 1, 3, 0), (report.Total, report.Valid, report.Invalid, report.Imported));
        HasError(report, 3, Code, "校验位");
        HasError(report, 4, Name, "不能为空");
        HasError(report, 4, "注册资本（万元）", "数字");
        HasError(report, 4, "成立日期", "日期");
        HasError(report, 4, "所属行业", "GB/T 4754");
        HasError(report, 4, "企业规模", "小型");
        HasError(report, 4, "状态", "运营中");
        HasError(report, 4, "所属园区", "园区");
        HasError(report, 4, "联系电话", "数字");
        HasError(report, 6, "注册资本（万元）", "负数");
        HasError(report, 6, "成立日期", "晚于今天");
        HasError(report, 6, "联系人", "联系人");
        Assert.Equal(report.Errors.Count, report.ErrorCount);
        // In row order, and within a row in column order.
        Assert.Equal(report.Errors.OrderBy(e => e.Row).Select(e => e.Row), report.Errors.Select(e => e.Row));
        Assert.Equal("很多", report.Errors.Single(e => e.Row == 4 && e.Column == "注册资本（万元）").Value);

        Assert.Equal(before, await CountAsync());
        Assert.Equal(audit, await LastAuditAsync());
    }

    [Fact]
    public async Task Commit_OfAll_WithABadRow_Returns422WithTheReport_AndWritesNothing()
    {
        app.SkipIfUnavailable();
        var client = await app.SignedInAsync("service");
        var good = NewCode();
        var file = Workbook([Code, Name], [good, Tag() + "好"], [WrongCheck(NewCode()), Tag() + "坏"]);
        var before = await CountAsync();

        var response = await PostAsync(client, file, "全部.xlsx", "dryRun=false");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ImportHasErrors", problem.GetProperty("code").GetString());
        Assert.Contains("未导入任何数据", problem.GetProperty("detail").GetString());
        var report = problem.GetProperty("report").Deserialize<ImportReport>(ZoneApp.Json)!;
        Assert.Equal(ImportOutcome.Refused, report.Outcome);
        Assert.Equal(3, Assert.Single(report.Errors).Row);
        Assert.Equal(before, await CountAsync());
        Assert.Null(await FindAsync(good));
    }

    [Fact]
    public async Task Commit_OfValidRowsOnly_ImportsThem_WithStatusHistoryAndContact_AndOneAuditEntry()
    {
        app.SkipIfUnavailable();
        var client = await app.SignedInAsync("service");
        var (a, b) = (NewCode(), NewCode());
        var tag = Tag();
        var file = Workbook(ChineseHeader,
            [a, tag + "甲", "张三", 1200.5, new DateTime(2018, 5, 6), "65", "小型", "运营中", "华苑科技园", "海泰西路1号", "李四", "022-58661234"],
            [WrongCheck(NewCode()), tag + "坏", null, null, null, null, null, null, null, null, null, null],
            [b.ToLowerInvariant(), tag + "乙", null, null, null, null, null, null, null, null, null, null]);
        var before = await CountAsync();
        var audit = await LastAuditAsync();

        var report = await ReportAsync(await PostAsync(client, file, "部分导入.xlsx", "dryRun=false&validOnly=true"));

        Assert.Equal(ImportOutcome.Imported, report.Outcome);
        Assert.Equal((3, 2, 1, 2), (report.Total, report.Valid, report.Invalid, report.Imported));
        Assert.Equal(before + 2, await CountAsync());

        var first = (await FindAsync(a))!;
        Assert.Equal(tag + "甲", first.Name);
        Assert.Equal(1_200_500_000L, first.RegisteredCapitalFen);
        Assert.Equal(new DateOnly(2018, 5, 6), first.FoundedOn);
        Assert.Equal("65", first.IndustryCode);
        Assert.Equal(SizeClass.Small, first.SizeClass);
        Assert.Equal(EnterpriseStatus.Operating, first.Status);
        Assert.NotNull(first.ParkId);
        Assert.NotEqual("", first.NameKey);
        var history = Assert.Single(first.StatusChanges);
        Assert.Null(history.From);
        Assert.Equal(EnterpriseStatus.Operating, history.To);
        Assert.Equal("service", history.ByUserName);
        Assert.Contains("部分导入.xlsx", history.Note);
        var contact = Assert.Single(first.Contacts);
        Assert.Equal(("李四", "022-58661234", true), (contact.Name, contact.Phone, contact.IsPrimary));

        // Lower case is the same code; an empty status means registered, today.
        var second = (await FindAsync(b))!;
        Assert.Equal(EnterpriseStatus.Registered, second.Status);
        Assert.Equal(app.Services.GetRequiredService<TechZone.Platform.Calendar.ZoneTime>().Today, second.StatusSinceOn);
        Assert.Empty(second.Contacts);

        // One batch entry, no row entries.
        var entries = await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().AuditEntries.AsNoTracking()
            .Where(e => e.Sequence > audit && e.UserName == "service").ToListAsync());
        var batch = Assert.Single(entries);
        Assert.Equal(AuditKind.Bulk, batch.Kind);
        Assert.Equal("enterprises_enterprises", batch.EntityType);
        Assert.Equal("service", batch.UserName);
        var details = JsonDocument.Parse(batch.Changes).RootElement;
        Assert.Equal("部分导入.xlsx", details.GetProperty("import").GetString());
        Assert.Equal(2, details.GetProperty("rows").GetInt32());
        Assert.Equal(1, details.GetProperty("skipped").GetInt32());
        Assert.Equal(64, details.GetProperty("sha256").GetString()!.Length);
    }

    [Fact]
    public async Task Duplicates_AgainstTheRegistry_AndWithinTheFile_AreReported()
    {
        app.SkipIfUnavailable();
        var client = await app.SignedInAsync("service");
        var feiteng = await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Enterprises
            .Where(e => e.Name == "飞腾信息技术有限公司").Select(e => e.CreditCode).SingleAsync());
        var twice = NewCode();
        var file = Workbook([Code, Name], [feiteng, Tag()], [twice, Tag() + "一"], [twice, Tag() + "二"]);

        var report = await CheckAsync(client, file);

        Assert.Equal((3, 1, 2), (report.Total, report.Valid, report.Invalid));
        HasError(report, 2, Code, "飞腾信息技术有限公司");
        HasError(report, 4, Code, "第 3 行");

        // The commit checks again: the same file with validOnly imports only row 3.
        var before = await CountAsync();
        var imported = await ReportAsync(await PostAsync(client, file, "重复.xlsx", "dryRun=false&validOnly=true"));
        Assert.Equal(1, imported.Imported);
        Assert.Equal(before + 1, await CountAsync());
        // Importing it again finds it registered.
        var again = await CheckAsync(client, file);
        Assert.Equal(0, again.Valid);
    }

    [Fact]
    public async Task Csv_WithBomAndChineseHeaders_AndGb18030WithoutBom_AreRead()
    {
        app.SkipIfUnavailable();
        var client = await app.SignedInAsync("service");
        var (a, b) = (NewCode(), NewCode());
        var tag = Tag();
        var csv = $"统一社会信用代码 / Unified social credit code,企业名称,地址,成立日期\r\n{a},\"{tag}甲,有限公司\",\"天津市\r\n滨海新区\",2019/3/4\r\n,,,\r\n{b},{tag}乙,华苑,2020-01-02\r\n";
        var utf8 = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
        var gb = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(54936)!.GetBytes(csv.Replace(",20", ",20x"));

        var report = await ReportAsync(await PostAsync(client, utf8, "名单.csv", "dryRun=false"));
        Assert.Equal((2, 2, 2), (report.Total, report.Valid, report.Imported));
        var first = (await FindAsync(a))!;
        Assert.Equal(tag + "甲,有限公司", first.Name);
        Assert.Equal("天津市\r\n滨海新区", first.Address);
        Assert.Equal(new DateOnly(2019, 3, 4), first.FoundedOn);

        // GBK/GB18030 (Excel's plain "CSV" on Chinese Windows): Chinese headers still found; the record with the
        // multi-line address is row 2, the empty one row 3, so the last is row 4.
        var gbReport = await CheckAsync(client, gb, "名单-gbk.csv");
        Assert.Equal(2, gbReport.Total);
        HasError(gbReport, 2, "统一社会信用代码 / Unified social credit code", "已登记");
        HasError(gbReport, 4, "成立日期", "日期");
    }

    [Fact]
    public async Task EnglishHeaders_AreAccepted_AndErrorsSpeakEnglish()
    {
        app.SkipIfUnavailable();
        var client = await app.SignedInAsync("service");
        var file = Workbook(["Credit code", "Enterprise name", "Size", "Status", "Park", "Founded", "Registered capital (10,000 yuan)", "Remarks"],
            [NewCode(), Tag(), "Medium", "Prospect", "huayuan", "2015-07-01", "300", "ignored"],
            [NewCode(), Tag(), "huge", null, null, null, null, null]);

        var response = await PostAsync(client, file, "list.xlsx", "dryRun=true&culture=en");
        var report = await ReportAsync(response);

        Assert.Equal((2, 1, 1), (report.Total, report.Valid, report.Invalid));
        HasError(report, 3, "Size", "Must be one of");
        Assert.Equal(["Remarks"], report.IgnoredColumns);
    }

    [Fact]
    public async Task Template_Downloads_AndItsOwnHeader_ImportsARow()
    {
        app.SkipIfUnavailable();
        var client = await app.SignedInAsync("service");
        var response = await client.GetAsync($"{Api}/template");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var template = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(["企业名单", "填写说明", "代码表"], MiniExcel.GetSheetNames(new MemoryStream(template)));
        var first = (IDictionary<string, object?>)MiniExcel.Query(new MemoryStream(template), useHeaderRow: false).First();
        var header = first.Values.Select(v => v!.ToString()!).ToArray();
        Assert.Contains("统一社会信用代码 / Unified social credit code", header);
        Assert.Contains("企业名称 / Enterprise name", header);
        Assert.Equal(13, header.Length);

        // The template itself (header only) checks as an empty list.
        var empty = await CheckAsync(client, template, "模板.xlsx");
        Assert.Equal((0, 0), (empty.Total, empty.ErrorCount));

        var code = NewCode();
        var row = header.Select<string, object?>(h => h switch
        {
            _ when h.StartsWith(Code) => code,
            _ when h.StartsWith(Name) => Tag() + "模板公司",
            _ when h.StartsWith("所属行业") => "39",
            _ when h.StartsWith("企业规模") => "中型",
            _ when h.StartsWith("状态起始日期") => "2021-02-03",
            _ => null,
        }).ToArray();
        var filled = await ReportAsync(await PostAsync(client, Workbook(header, row), "模板.xlsx", "dryRun=false"));
        Assert.Equal(1, filled.Imported);
        var e = (await FindAsync(code))!;
        Assert.Equal(("39", SizeClass.Medium, new DateOnly(2021, 2, 3)), (e.IndustryCode, e.SizeClass, e.StatusSinceOn));
    }

    [Fact]
    public async Task UnreadableFiles_AndMissingColumns_AreClearErrors()
    {
        app.SkipIfUnavailable();
        var client = await app.SignedInAsync("service");
        async Task<(HttpStatusCode, string?, string?)> Problem(byte[] file, string name)
        {
            var response = await PostAsync(client, file, name, "dryRun=true");
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            return (response.StatusCode, problem.GetProperty("code").GetString(), problem.GetProperty("detail").GetString());
        }

        Assert.Equal((HttpStatusCode.BadRequest, "ImportUnreadable"), Pick(await Problem([.. "PK\u0003\u0004"u8, .. new byte[200]], "坏文件.xlsx")));
        Assert.Equal((HttpStatusCode.BadRequest, "ImportFileType"), Pick(await Problem("x"u8.ToArray(), "名单.txt")));
        var missing = await Problem(Workbook(["企业名称", "地址"], [Tag(), "某地"]), "缺列.xlsx");
        Assert.Equal((HttpStatusCode.BadRequest, "ImportMissingColumns"), Pick(missing));
        Assert.Contains("统一社会信用代码", missing.Item3);
        Assert.Equal((HttpStatusCode.BadRequest, "ImportNoHeader"), Pick(await Problem([], "空.csv")));

        static (HttpStatusCode, string?) Pick((HttpStatusCode Status, string? Code, string? Detail) p) => (p.Status, p.Code);
    }

    [Fact]
    public async Task Import_IsForWriters_StaffWithoutTheGrantAndEnterprisesGet403()
    {
        app.SkipIfUnavailable();
        var file = Workbook([Code, Name], [NewCode(), Tag()]);
        var before = await CountAsync();
        foreach (var user in new[] { "investment", "feiteng", "leader" })
        {
            var client = await app.SignedInAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(client, file, "a.xlsx", "dryRun=false")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{Api}/template")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Browser().GetAsync($"{Api}/template")).StatusCode);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task ABrowserNeedsTheAntiforgeryToken_AnApiClientWithAToken_DoesNot()
    {
        app.SkipIfUnavailable();
        var file = Workbook([Code, Name], [NewCode(), Tag()]);
        var browser = await app.SignedInAsync("service");
        using var noToken = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "a.xlsx" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsync($"{Api}?dryRun=true", noToken)).StatusCode);

        var admin = await app.SignedInAsync("admin");
        var issued = await (await admin.PostAsJsonAsync("/api/v1/tokens",
            new IssueTokenRequest { UserName = "service", Name = "import " + Guid.NewGuid().ToString("N")[..6], ExpiresInDays = 1 }, ZoneApp.Json))
            .Content.ReadFromJsonAsync<IssuedToken>(ZoneApp.Json);
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued!.Secret);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "a.xlsx" } };
        var report = await ReportAsync(await api.PostAsync($"{Api}?dryRun=true", form));
        Assert.Equal(1, report.Valid);
    }
}

[Collection("sqlite")]
public sealed class EnterpriseImportTests_Sqlite(SqliteApp app) : EnterpriseImportTests(app);

[Collection("postgres")]
public sealed class EnterpriseImportTests_Postgres(PostgresApp app) : EnterpriseImportTests(app);
