using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechZone.Data;
using TechZone.Enterprises;
using TechZone.Platform.Api;
using TechZone.Tests.Infrastructure;

namespace TechZone.Tests.Enterprises;

/// <summary>The registry core: validated credit codes, versions, former names, dated status history, contacts, search.</summary>
public abstract class EnterpriseRegistryTests(ZoneApp app)
{
    const string Api = "/api/v1/enterprises";

    /// <summary>A valid credit code no other test uses (serials far above the demo data's).</summary>
    static string NewCode() => CreditCode.Make("120116", Random.Shared.NextInt64(50_000_000, 99_999_999));

    static string Tag() => "测" + Guid.NewGuid().ToString("N")[..8];

    Task<int> CountAsync() => app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Enterprises.CountAsync());

    Task<int> EnterpriseIdAsync(string name) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Enterprises.Where(e => e.Name == name).Select(e => e.Id).SingleAsync());

    static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    static bool HasError(JsonElement problem, string field) =>
        problem.TryGetProperty("errors", out var errors)
        && errors.EnumerateObject().Any(p => p.Name.Equals(field, StringComparison.OrdinalIgnoreCase));

    static async Task<EnterpriseDetail> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync(Api, body, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<EnterpriseDetail>(ZoneApp.Json))!;
    }

    [Fact]
    public async Task Create_WithWrongCheckCharacter_Returns400NamingCreditCode_AndWritesNothing()
    {
        app.SkipIfUnavailable();
        var admin = await app.SignedInAsync("admin");
        var code = NewCode();
        var wrong = code[..17] + (code[17] == '0' ? '1' : '0');
        var before = await CountAsync();

        var response = await admin.PostAsJsonAsync(Api, new { creditCode = wrong, name = Tag() + "校验位错误有限公司" }, ZoneApp.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.True(HasError(problem, "creditCode"), problem.ToString());
        Assert.Contains("统一社会信用代码", problem.ToString());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Create_WithDuplicateCreditCode_Returns409()
    {
        app.SkipIfUnavailable();
        var admin = await app.SignedInAsync("admin");
        var code = NewCode();
        await CreateAsync(admin, new { creditCode = code, name = Tag() + "甲有限公司" });
        var before = await CountAsync();

        // Lower case is the same code: it is normalized before the check.
        var duplicate = await admin.PostAsJsonAsync(Api, new { creditCode = code.ToLowerInvariant(), name = Tag() + "乙有限公司" }, ZoneApp.Json);

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Contains(code, (await ProblemAsync(duplicate)).GetProperty("detail").GetString());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Create_WithIndustryCodeNotInTheTable_Returns400()
    {
        app.SkipIfUnavailable();
        var admin = await app.SignedInAsync("admin");
        var before = await CountAsync();

        var response = await admin.PostAsJsonAsync(Api, new { creditCode = NewCode(), name = Tag() + "有限公司", industryCode = "98" }, ZoneApp.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(HasError(await ProblemAsync(response), "industryCode"));
        Assert.Equal(before, await CountAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"{Api}?industryCode=00")).StatusCode);
    }

    [Fact]
    public async Task Create_StoresTheFullProfile_AndOpensTheStatusHistory()
    {
        app.SkipIfUnavailable();
        var service = await app.SignedInAsync("service");
        var name = Tag() + "芯片有限公司";
        var created = await CreateAsync(service, new
        {
            creditCode = NewCode(), name, legalRepresentative = "王五", registeredCapitalFen = 123_000_000L, foundedOn = "2020-05-06",
            address = "华苑产业区1号", industryCode = "39", sizeClass = "Small", status = "Registered", statusSinceOn = "2020-05-06",
        });

        Assert.Equal(name, created.Name);
        Assert.Equal("39", created.IndustryCode);
        Assert.Equal(SizeClass.Small, created.SizeClass);
        Assert.Equal(123_000_000L, created.RegisteredCapitalFen);
        Assert.Equal(new DateOnly(2020, 5, 6), created.FoundedOn);
        var first = Assert.Single(created.StatusHistory);
        Assert.Null(first.From);
        Assert.Equal(EnterpriseStatus.Registered, first.To);
        Assert.Equal("service", first.ByUserName);
    }

    [Fact]
    public async Task Update_WithStaleVersion_Returns409_AndTheOtherWriteSurvives()
    {
        app.SkipIfUnavailable();
        var admin = await app.SignedInAsync("admin");
        var code = NewCode();
        var created = await CreateAsync(admin, new { creditCode = code, name = Tag() + "原名有限公司" });

        var first = await admin.PutAsJsonAsync($"{Api}/{created.Id}", new { creditCode = code, name = created.Name, address = "甲写的地址", version = created.Version }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await admin.PutAsJsonAsync($"{Api}/{created.Id}", new { creditCode = code, name = "乙改的名字", address = "乙写的地址", version = created.Version }, ZoneApp.Json);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var now = await admin.GetFromJsonAsync<EnterpriseDetail>($"{Api}/{created.Id}", ZoneApp.Json);
        Assert.Equal("甲写的地址", now!.Address);
        Assert.Equal(created.Name, now.Name);
        Assert.Empty(now.FormerNames);

        var noVersion = await admin.PutAsJsonAsync($"{Api}/{created.Id}", new { creditCode = code, name = created.Name }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, noVersion.StatusCode);
    }

    [Fact]
    public async Task Rename_RecordsTheFormerName_WhichSearchStillFinds()
    {
        app.SkipIfUnavailable();
        var admin = await app.SignedInAsync("admin");
        var code = NewCode();
        var oldName = Tag() + "旧名有限公司";
        var created = await CreateAsync(admin, new { creditCode = code, name = oldName });

        var renamed = await admin.PutAsJsonAsync($"{Api}/{created.Id}", new { creditCode = code, name = Tag() + "新名有限公司", version = created.Version }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);

        var detail = (await renamed.Content.ReadFromJsonAsync<EnterpriseDetail>(ZoneApp.Json))!;
        var former = Assert.Single(detail.FormerNames);
        Assert.Equal(oldName, former.Name);
        Assert.Equal(app.Services.GetRequiredService<TechZone.Platform.Calendar.ZoneTime>().Today, former.UntilOn);
        Assert.True(detail.Version > created.Version);

        var found = await admin.GetFromJsonAsync<PagedResult<EnterpriseSummary>>($"{Api}?search={Uri.EscapeDataString(oldName)}", ZoneApp.Json);
        Assert.Equal(created.Id, Assert.Single(found!.Items).Id);
    }

    [Fact]
    public async Task StatusChanges_AreRecorded_AndDatesMustBeInOrderAndNotInTheFuture()
    {
        app.SkipIfUnavailable();
        var service = await app.SignedInAsync("service");
        var created = await CreateAsync(service, new { creditCode = NewCode(), name = Tag() + "有限公司", status = "Prospect", statusSinceOn = "2024-03-01" });
        var url = $"{Api}/{created.Id}/status";

        var registered = await service.PostAsJsonAsync(url, new { status = "Registered", onDate = "2024-06-01", note = "完成注册" }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        var operating = await service.PostAsJsonAsync(url, new { status = "Operating", onDate = "2024-06-01" }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.OK, operating.StatusCode);

        var tomorrow = app.Services.GetRequiredService<TechZone.Platform.Calendar.ZoneTime>().Today.AddDays(1).ToString("yyyy-MM-dd");
        var future = await service.PostAsJsonAsync(url, new { status = "Expanding", onDate = tomorrow }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        var beforePrevious = await service.PostAsJsonAsync(url, new { status = "Expanding", onDate = "2024-05-31" }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, beforePrevious.StatusCode);
        Assert.Contains("2024-06-01", (await ProblemAsync(beforePrevious)).GetProperty("detail").GetString());
        var same = await service.PostAsJsonAsync(url, new { status = "Operating", onDate = "2024-07-01" }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, same.StatusCode);

        var detail = await service.GetFromJsonAsync<EnterpriseDetail>($"{Api}/{created.Id}", ZoneApp.Json);
        Assert.Equal(EnterpriseStatus.Operating, detail!.Status);
        Assert.Equal(new DateOnly(2024, 6, 1), detail.StatusSinceOn);
        Assert.Equal([EnterpriseStatus.Operating, EnterpriseStatus.Registered, EnterpriseStatus.Prospect], detail.StatusHistory.Select(h => h.To));
        Assert.Equal(EnterpriseStatus.Registered, detail.StatusHistory[0].From);
        Assert.Equal("完成注册", detail.StatusHistory[1].Note);
        Assert.All(detail.StatusHistory, h => Assert.Equal("service", h.ByUserName));
    }

    [Fact]
    public async Task Search_FiltersSortsAndPages_OnTheServer()
    {
        app.SkipIfUnavailable();
        var admin = await app.SignedInAsync("admin");
        var tag = Tag();
        await CreateAsync(admin, new { creditCode = NewCode(), name = tag + "A", industryCode = "27", registeredCapitalFen = 300L, foundedOn = "2011-01-01", sizeClass = "Micro", status = "Operating", statusSinceOn = "2012-01-01" });
        await CreateAsync(admin, new { creditCode = NewCode(), name = tag + "B", industryCode = "27", registeredCapitalFen = 100L, foundedOn = "2013-01-01", sizeClass = "Small", status = "Prospect", statusSinceOn = "2013-01-01" });
        await CreateAsync(admin, new { creditCode = NewCode(), name = tag + "C", industryCode = "65", foundedOn = "2012-01-01", sizeClass = "Small", status = "Expanding", statusSinceOn = "2014-01-01" });
        async Task<PagedResult<EnterpriseSummary>> Query(string q) =>
            (await admin.GetFromJsonAsync<PagedResult<EnterpriseSummary>>($"{Api}?search={Uri.EscapeDataString(tag)}&{q}", ZoneApp.Json))!;
        static string Names(PagedResult<EnterpriseSummary> r) => string.Concat(r.Items.Select(i => i.Name[^1]));

        Assert.Equal(3, (await Query("")).Total);
        Assert.Equal("ABC", Names(await Query("")));
        Assert.Equal("CBA", Names(await Query("descending=true")));
        // Unknown capital sorts last in both directions.
        Assert.Equal("BAC", Names(await Query("sort=Capital")));
        Assert.Equal("ABC", Names(await Query("sort=Capital&descending=true")));
        Assert.Equal("ACB", Names(await Query("sort=Founded")));
        Assert.Equal("BAC", Names(await Query("sort=Status")));
        Assert.Equal("CAB", Names(await Query("sort=Status&descending=true")));

        var industry = await Query("industryCode=27");
        Assert.Equal(2, industry.Total);
        Assert.All(industry.Items, i => Assert.Equal("27", i.IndustryCode));
        Assert.Equal("B", Names(await Query("status=Prospect")));
        Assert.Equal("BC", Names(await Query("sizeClass=Small")));
        Assert.Equal(0, (await Query("industryCode=27&status=Expanding")).Total);

        var page2 = await Query("sort=Founded&pageSize=2&page=2");
        Assert.Equal(3, page2.Total);
        Assert.Equal("B", Names(page2));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"{Api}?sort=Shoe")).StatusCode);
    }

    [Fact]
    public async Task Search_ByTheStartOfACreditCode_InAnyCase_FindsExactlyThoseCodes()
    {
        app.SkipIfUnavailable();
        var admin = await app.SignedInAsync("admin");
        var code = NewCode();
        var created = await CreateAsync(admin, new { creditCode = code, name = Tag(), status = "Operating", statusSinceOn = "2020-01-01" });
        async Task<PagedResult<EnterpriseSummary>> Query(string search) =>
            (await admin.GetFromJsonAsync<PagedResult<EnterpriseSummary>>($"{Api}?search={Uri.EscapeDataString(search)}&pageSize=200", ZoneApp.Json))!;

        foreach (var start in new[] { code, code[..16], code[..16].ToLowerInvariant() })
        {
            var found = await Query(start);
            Assert.Contains(found.Items, e => e.Id == created.Id);
            Assert.All(found.Items, e => Assert.StartsWith(start.ToUpperInvariant(), e.CreditCode));
        }
        // One character off at the end, or past the code's 18 characters: not this enterprise.
        var other = code[..17] + (code[17] == '0' ? '1' : '0');
        Assert.DoesNotContain((await Query(other)).Items, e => e.Id == created.Id);
        Assert.DoesNotContain((await Query(code + "0")).Items, e => e.Id == created.Id);
    }

    [Fact]
    public async Task DemoData_FillsTheRegistry_WithEveryNamedEnterpriseClassified()
    {
        app.SkipIfUnavailable();
        var leader = await app.SignedInAsync("leader");
        var all = await leader.GetFromJsonAsync<PagedResult<EnterpriseSummary>>($"{Api}?pageSize=1", ZoneApp.Json);
        Assert.True(all!.Total >= 212);
        var software = await leader.GetFromJsonAsync<PagedResult<EnterpriseSummary>>($"{Api}?industryCode=65&pageSize=200", ZoneApp.Json);
        Assert.Contains(software!.Items, e => e.Name == "麒麟软件有限公司");
        var feiteng = await leader.GetFromJsonAsync<EnterpriseDetail>($"{Api}/{await EnterpriseIdAsync("飞腾信息技术有限公司")}", ZoneApp.Json);
        Assert.Equal("39", feiteng!.IndustryCode);
        Assert.Single(feiteng.Contacts, c => c.IsPrimary);
    }

    [Fact]
    public async Task StaffWithoutWriteGrant_Gets403_AndNothingIsWritten()
    {
        app.SkipIfUnavailable();
        var investment = await app.SignedInAsync("investment");
        var before = await CountAsync();
        var id = await EnterpriseIdAsync("紫光云技术有限公司");

        Assert.Equal(HttpStatusCode.Forbidden, (await investment.PostAsJsonAsync(Api, new { creditCode = NewCode(), name = Tag() }, ZoneApp.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await investment.PostAsJsonAsync($"{Api}/{id}/status", new { status = "MovedOut", onDate = "2025-01-01" }, ZoneApp.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await investment.PostAsJsonAsync($"{Api}/{id}/contacts", new { name = "某人" }, ZoneApp.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await investment.GetAsync($"{Api}/{id}")).StatusCode);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task EnterpriseUser_ReadsOwnProfileWithContacts_NotAnothers_AndCannotWrite()
    {
        app.SkipIfUnavailable();
        var feiteng = await EnterpriseIdAsync("飞腾信息技术有限公司");
        var kylin = await EnterpriseIdAsync("麒麟软件有限公司");
        var client = await app.SignedInAsync("feiteng");

        var own = await client.GetAsync($"{Api}/{feiteng}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var detail = (await own.Content.ReadFromJsonAsync<EnterpriseDetail>(ZoneApp.Json))!;
        Assert.NotEmpty(detail.Contacts);
        Assert.NotEmpty(detail.StatusHistory);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Api}/{kylin}")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"{Api}/{feiteng}",
            new { creditCode = detail.CreditCode, name = "改名", version = detail.Version }, ZoneApp.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"{Api}/{feiteng}/contacts", new { name = "某人" }, ZoneApp.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"{Api}/{feiteng}/status", new { status = "MovedOut", onDate = "2025-01-01" }, ZoneApp.Json)).StatusCode);
        var after = await client.GetFromJsonAsync<EnterpriseDetail>($"{Api}/{feiteng}", ZoneApp.Json);
        Assert.Equal(detail.Version, after!.Version);
        Assert.Equal(detail.Contacts.Count, after.Contacts.Count);
    }

    [Fact]
    public async Task Contacts_AddUpdateRemove_KeepAtMostOnePrimary()
    {
        app.SkipIfUnavailable();
        var service = await app.SignedInAsync("service");
        var created = await CreateAsync(service, new { creditCode = NewCode(), name = Tag() + "有限公司" });
        var url = $"{Api}/{created.Id}/contacts";

        var first = await (await service.PostAsJsonAsync(url, new { name = "甲", phone = "022-58661234", isPrimary = true }, ZoneApp.Json)).Content.ReadFromJsonAsync<ContactItem>(ZoneApp.Json);
        var second = await (await service.PostAsJsonAsync(url, new { name = "乙", email = "yi@example.cn", isPrimary = true }, ZoneApp.Json)).Content.ReadFromJsonAsync<ContactItem>(ZoneApp.Json);
        var badEmail = await service.PostAsJsonAsync(url, new { name = "丙", email = "not-an-email" }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, badEmail.StatusCode);
        Assert.True(HasError(await ProblemAsync(badEmail), "email"));

        var detail = await service.GetFromJsonAsync<EnterpriseDetail>($"{Api}/{created.Id}", ZoneApp.Json);
        Assert.Equal(second!.Id, Assert.Single(detail!.Contacts, c => c.IsPrimary).Id);

        var updated = await service.PutAsJsonAsync($"{url}/{first!.Id}", new { name = "甲", title = "总经理", isPrimary = true }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        detail = await service.GetFromJsonAsync<EnterpriseDetail>($"{Api}/{created.Id}", ZoneApp.Json);
        Assert.Equal(first.Id, Assert.Single(detail!.Contacts, c => c.IsPrimary).Id);

        Assert.Equal(HttpStatusCode.NoContent, (await service.DeleteAsync($"{url}/{second.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.DeleteAsync($"{url}/{second.Id}")).StatusCode);
        detail = await service.GetFromJsonAsync<EnterpriseDetail>($"{Api}/{created.Id}", ZoneApp.Json);
        Assert.Equal("总经理", Assert.Single(detail!.Contacts).Title);
    }
}

[Collection("sqlite")]
public sealed class EnterpriseRegistryTests_Sqlite(SqliteApp app) : EnterpriseRegistryTests(app);

[Collection("postgres")]
public sealed class EnterpriseRegistryTests_Postgres(PostgresApp app) : EnterpriseRegistryTests(app);

/// <summary>Chinese names are found by pinyin and sorted by it.</summary>
public abstract class EnterprisePinyinTests(ZoneApp app)
{
    async Task<List<EnterpriseSummary>> SearchAsync(string url)
    {
        var client = await app.SignedInAsync("service");
        return (await client.GetFromJsonAsync<PagedResult<EnterpriseSummary>>(url, ZoneApp.Json))!.Items.ToList();
    }

    [Theory]
    [InlineData("ft")]
    [InlineData("feiteng")]
    [InlineData("FeiTeng")]
    [InlineData("飞腾")]
    public async Task Search_FindsFeiteng_ByInitialsFullPinyinOrChinese(string query)
    {
        app.SkipIfUnavailable();
        var items = await SearchAsync($"/api/v1/enterprises?search={Uri.EscapeDataString(query)}&pageSize=200");
        Assert.Contains(items, e => e.Name == "飞腾信息技术有限公司");
    }

    [Fact]
    public async Task Search_ByInitials_OfAWholeName_FindsExactlyIt()
    {
        app.SkipIfUnavailable();
        var items = await SearchAsync("/api/v1/enterprises?search=qlrjyxgs&pageSize=200");
        Assert.Equal("麒麟软件有限公司", Assert.Single(items).Name);
    }

    [Fact]
    public async Task Search_InChinese_FindsTheCharactersTyped_AndLatinLettersInAnyCase()
    {
        app.SkipIfUnavailable();
        // A tag of Chinese characters, unique to this run, and its pinyin.
        var tag = string.Concat(Guid.NewGuid().ToString("N")[..6].Select(c => "零一二三四五六七八九甲乙丙丁戊己"[Convert.ToInt32(c.ToString(), 16)]));
        var tagPinyin = TechZone.Platform.Text.Pinyin.FullKey(tag);
        var (huaxin, soundsAlike) = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ZoneDb>();
            // 华信 and 华新 sound the same.
            var a = new Enterprise { CreditCode = CreditCode.Make("120116", 77_100_001), Name = $"华信{tag}IDC数据有限公司" };
            var b = new Enterprise { CreditCode = CreditCode.Make("120116", 77_100_002), Name = $"华新{tag}材料有限公司" };
            db.Enterprises.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });

        var chinese = await SearchAsync($"/api/v1/enterprises?search={Uri.EscapeDataString("华信" + tag)}&pageSize=200");
        Assert.Equal(huaxin, Assert.Single(chinese).Id);
        // Pinyin finds both: that is what was typed.
        var pinyin = await SearchAsync($"/api/v1/enterprises?search=huaxin{tagPinyin}&pageSize=200");
        Assert.Equal(new[] { huaxin, soundsAlike }.Order(), pinyin.Select(e => e.Id).Order());
        foreach (var latin in new[] { $"{tagPinyin}idc", $"{tagPinyin.ToUpperInvariant()}IDC" })
            Assert.Equal(huaxin, Assert.Single(await SearchAsync($"/api/v1/enterprises?search={latin}&pageSize=200")).Id);
    }

    [Fact]
    public async Task NameSort_FollowsPinyin()
    {
        app.SkipIfUnavailable();
        var named = new[] { "紫光云技术有限公司", "飞腾信息技术有限公司", "麒麟软件有限公司" };
        var all = new List<EnterpriseSummary>();
        for (var page = 1; ; page++)
        {
            var items = await SearchAsync($"/api/v1/enterprises?page={page}&pageSize=200");
            all.AddRange(items);
            if (items.Count < 200) break;
        }
        var order = all.Select(e => e.Name).Where(named.Contains).ToList();
        // feiteng < qilin < ziguangyun
        Assert.Equal(["飞腾信息技术有限公司", "麒麟软件有限公司", "紫光云技术有限公司"], order);
    }

    [Fact]
    public async Task Rename_UpdatesTheSearchKey()
    {
        app.SkipIfUnavailable();
        var id = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ZoneDb>();
            var e = new Enterprise { CreditCode = CreditCode.Make("120116", 77_000_001), Name = "测试拼音公司" };
            db.Enterprises.Add(e);
            await db.SaveChangesAsync();
            e.Rename("星河拼音科技有限公司", app.Services.GetRequiredService<TechZone.Platform.Calendar.ZoneTime>().Today);
            await db.SaveChangesAsync();
            return e.Id;
        });
        var items = await SearchAsync("/api/v1/enterprises?search=xhpykj&pageSize=200");
        Assert.Contains(items, e => e.Id == id);
    }
}

[Collection("sqlite")]
public sealed class EnterprisePinyinTests_Sqlite(SqliteApp app) : EnterprisePinyinTests(app);

[Collection("postgres")]
public sealed class EnterprisePinyinTests_Postgres(PostgresApp app) : EnterprisePinyinTests(app);

/// <summary>The filtered list as .xlsx: every matching row, headers in the caller's language, recorded as an export.</summary>
public abstract class EnterpriseExportTests(ZoneApp app)
{
    [Fact]
    public async Task Export_HasEveryFilteredRow_AndIsAudited()
    {
        app.SkipIfUnavailable();
        var client = await app.SignedInAsync("service");
        var total = (await client.GetFromJsonAsync<PagedResult<EnterpriseSummary>>("/api/v1/enterprises?status=Operating&pageSize=1", ZoneApp.Json))!.Total;

        var response = await client.GetAsync("/api/v1/enterprises/export?status=Operating");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));

        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(total, rows.Count);
        Assert.Contains("统一社会信用代码", rows[0].Keys);
        Assert.All(rows, r => Assert.Equal("运营中", r["状态"]?.ToString()));

        var audited = await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().AuditEntries
            .Where(e => e.EntityType == "Export" && e.UserName == "service").OrderByDescending(e => e.Sequence).FirstAsync());
        Assert.Equal(total, JsonDocument.Parse(audited.Changes).RootElement.GetProperty("rows").GetInt32());
    }

    [Fact]
    public async Task Export_IsForTheZonesOwnPeople()
    {
        app.SkipIfUnavailable();
        var client = await app.SignedInAsync("feiteng");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/enterprises/export")).StatusCode);
    }
}

[Collection("sqlite")]
public sealed class EnterpriseExportTests_Sqlite(SqliteApp app) : EnterpriseExportTests(app);

[Collection("postgres")]
public sealed class EnterpriseExportTests_Postgres(PostgresApp app) : EnterpriseExportTests(app);
