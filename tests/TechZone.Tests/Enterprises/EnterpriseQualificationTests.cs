using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechZone.Data;
using TechZone.Enterprises;
using TechZone.Platform.Api;
using TechZone.Tests.Infrastructure;

namespace TechZone.Tests.Enterprises;

/// <summary>Qualifications: dated, with a status today, filterable in the registry; their types are the admin's list.</summary>
public abstract class EnterpriseQualificationTests(ZoneApp app)
{
    const string Api = ProfileTestKit.Api;

    static string D(DateOnly d) => d.ToString("yyyy-MM-dd");

    async Task<int> TypeIdAsync(string code) =>
        await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Set<QualificationType>().Where(t => t.Code == code).Select(t => t.Id).SingleAsync());

    static async Task<QualificationItem> AddAsync(HttpClient client, int enterpriseId, object body)
    {
        var response = await client.PostAsJsonAsync($"{Api}/{enterpriseId}/qualifications", body, ZoneApp.Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<QualificationItem>(ZoneApp.Json))!;
    }

    [Fact]
    public async Task ExpiryDefaultsToTheTypesValidity_AndStatusFollowsToday()
    {
        app.SkipIfUnavailable();
        var service = await app.SignedInAsync("service");
        var e = await ProfileTestKit.CreateEnterpriseAsync(service);
        var hnte = await TypeIdAsync("hnte");
        var today = ProfileTestKit.Today;

        // 高新技术企业 runs three years: issued two years ago, it has about a year left.
        var issued = today.AddYears(-2);
        var valid = await AddAsync(service, e.Id, new { typeId = hnte, certificateNumber = "GR202412000001", issuedOn = D(issued) });
        Assert.Equal(issued.AddYears(3).AddDays(-1), valid.ExpiresOn);
        Assert.Equal(QualificationStatus.Valid, valid.Status);
        Assert.Equal("高新技术企业", valid.TypeName);

        var expiring = await AddAsync(service, e.Id, new { typeId = await TypeIdAsync("srdi"), issuedOn = D(today.AddYears(-3).AddDays(40)) });
        Assert.Equal(QualificationStatus.Expiring, expiring.Status);
        var expired = await AddAsync(service, e.Id, new { typeId = await TypeIdAsync("tech-sme"), issuedOn = "2020-05-01", expiresOn = "2020-12-31" });
        Assert.Equal(QualificationStatus.Expired, expired.Status);

        var list = await service.GetFromJsonAsync<List<QualificationItem>>($"{Api}/{e.Id}/qualifications", ZoneApp.Json);
        Assert.Equal([valid.Id, expiring.Id, expired.Id], list!.OrderByDescending(q => q.IssuedOn).Select(q => q.Id));

        var updated = await service.PutAsJsonAsync($"{Api}/{e.Id}/qualifications/{expired.Id}",
            new { typeId = expired.TypeId, issuedOn = "2020-05-01", expiresOn = D(today.AddYears(1)), note = "延期", version = expired.Version }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(QualificationStatus.Valid, (await updated.Content.ReadFromJsonAsync<QualificationItem>(ZoneApp.Json))!.Status);
        var stale = await service.PutAsJsonAsync($"{Api}/{e.Id}/qualifications/{expired.Id}",
            new { typeId = expired.TypeId, issuedOn = "2020-05-01", version = expired.Version }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await service.DeleteAsync($"{Api}/{e.Id}/qualifications/{expiring.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.DeleteAsync($"{Api}/{e.Id}/qualifications/{expiring.Id}")).StatusCode);
    }

    [Fact]
    public async Task ExpiryBeforeIssue_Returns400_InTheCallersLanguage_AndWritesNothing()
    {
        app.SkipIfUnavailable();
        var service = await app.SignedInAsync("service");
        var e = await ProfileTestKit.CreateEnterpriseAsync(service);
        var body = new { typeId = await TypeIdAsync("hnte"), issuedOn = "2023-12-01", expiresOn = "2023-11-30" };

        var chinese = await service.PostAsJsonAsync($"{Api}/{e.Id}/qualifications", body, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, chinese.StatusCode);
        Assert.Equal("有效期截止日（2023-11-30）不能早于发证日期（2023-12-01）。", await ProfileTestKit.DetailAsync(chinese));

        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Api}/{e.Id}/qualifications") { Content = JsonContent.Create(body, options: ZoneApp.Json) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var english = await service.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, english.StatusCode);
        Assert.Contains("cannot be earlier than the issue date", await ProfileTestKit.DetailAsync(english));

        var future = await service.PostAsJsonAsync($"{Api}/{e.Id}/qualifications",
            new { typeId = body.typeId, issuedOn = D(ProfileTestKit.Today.AddDays(2)) }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        var noType = await service.PostAsJsonAsync($"{Api}/{e.Id}/qualifications", new { issuedOn = "2023-12-01" }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, noType.StatusCode);

        Assert.Empty((await service.GetFromJsonAsync<List<QualificationItem>>($"{Api}/{e.Id}/qualifications", ZoneApp.Json))!);
    }

    [Fact]
    public async Task RegistrySearch_FiltersByQualificationAndItsStatus()
    {
        app.SkipIfUnavailable();
        var service = await app.SignedInAsync("service");
        var tag = ProfileTestKit.Tag();
        var hnte = await TypeIdAsync("hnte");
        var today = ProfileTestKit.Today;
        async Task<int> Make(string suffix, params (string Issued, string Expires)[] held)
        {
            var e = await ProfileTestKit.CreateEnterpriseAsync(service, new { name = tag + suffix });
            foreach (var (issued, expires) in held) await AddAsync(service, e.Id, new { typeId = hnte, issuedOn = issued, expiresOn = expires });
            return e.Id;
        }
        await Make("A", (D(today.AddYears(-1)), D(today.AddYears(2))));
        await Make("B", (D(today.AddYears(-3)), D(today.AddDays(30))));
        await Make("C", ("2018-01-01", "2020-12-31"));
        await Make("D", ("2018-01-01", "2020-12-31"), (D(today.AddYears(-1)), D(today.AddYears(2))));
        await Make("E");
        async Task<string> Names(string q) => string.Concat((await service.GetFromJsonAsync<PagedResult<EnterpriseSummary>>(
            $"{Api}?search={Uri.EscapeDataString(tag)}&{q}", ZoneApp.Json))!.Items.Select(i => i.Name[^1]));

        Assert.Equal("ABCDE", await Names(""));
        Assert.Equal("ABD", await Names($"qualificationTypeId={hnte}"));
        Assert.Equal("ABD", await Names($"qualificationTypeId={hnte}&qualificationStatus=Valid"));
        Assert.Equal("B", await Names($"qualificationTypeId={hnte}&qualificationStatus=Expiring"));
        Assert.Equal("C", await Names($"qualificationTypeId={hnte}&qualificationStatus=Expired"));
        Assert.Equal("", await Names($"qualificationTypeId={await TypeIdAsync("unicorn")}"));
    }

    [Fact]
    public async Task QualificationTypes_AreTheAdminsList_AndOneInUseIsDeactivatedNotDeleted()
    {
        app.SkipIfUnavailable();
        var admin = await app.SignedInAsync("admin");
        var service = await app.SignedInAsync("service");
        var code = "t" + Guid.NewGuid().ToString("N")[..8];
        const string TypesApi = Api + "/qualification-types";

        var seeded = await service.GetFromJsonAsync<List<QualificationTypeItem>>(TypesApi, ZoneApp.Json);
        Assert.Contains(seeded!, t => t.Code == "hnte" && t.Name == "高新技术企业" && t.ValidityYears == 3);
        Assert.True(seeded!.Count >= 8);

        Assert.Equal(HttpStatusCode.Forbidden, (await service.PostAsJsonAsync(TypesApi, new { code, name = "测试资质" }, ZoneApp.Json)).StatusCode);
        var bad = await admin.PostAsJsonAsync(TypesApi, new { code = "Not OK", name = "测试资质" }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var created = await admin.PostAsJsonAsync(TypesApi, new { code, name = "测试资质", nameEn = "Test", validityYears = 2 }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var type = (await created.Content.ReadFromJsonAsync<QualificationTypeItem>(ZoneApp.Json))!;
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync(TypesApi, new { code, name = "重复" }, ZoneApp.Json)).StatusCode);

        var e = await ProfileTestKit.CreateEnterpriseAsync(service);
        var held = await AddAsync(service, e.Id, new { typeId = type.Id, issuedOn = "2024-03-01" });
        Assert.Equal(new DateOnly(2026, 2, 28), held.ExpiresOn);

        var inUse = await admin.DeleteAsync($"{TypesApi}/{type.Id}");
        Assert.Equal(HttpStatusCode.Conflict, inUse.StatusCode);
        Assert.Contains("停用", await ProfileTestKit.DetailAsync(inUse));

        var deactivated = await admin.PutAsJsonAsync($"{TypesApi}/{type.Id}",
            new { code, name = "测试资质", nameEn = "Test", validityYears = 2, isActive = false, version = type.Version }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.Equal(1, (await deactivated.Content.ReadFromJsonAsync<QualificationTypeItem>(ZoneApp.Json))!.HeldBy);
        Assert.Equal(HttpStatusCode.BadRequest, (await service.PostAsJsonAsync($"{Api}/{e.Id}/qualifications", new { typeId = type.Id, issuedOn = "2025-03-01" }, ZoneApp.Json)).StatusCode);
        // The one already held keeps its type.
        var kept = await service.PutAsJsonAsync($"{Api}/{e.Id}/qualifications/{held.Id}",
            new { typeId = type.Id, issuedOn = "2024-03-01", note = "保留", version = held.Version }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        var active = await service.GetFromJsonAsync<List<QualificationTypeItem>>($"{TypesApi}?activeOnly=true", ZoneApp.Json);
        Assert.DoesNotContain(active!, t => t.Id == type.Id);

        Assert.Equal(HttpStatusCode.NoContent, (await service.DeleteAsync($"{Api}/{e.Id}/qualifications/{held.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{TypesApi}/{type.Id}")).StatusCode);
    }

    [Fact]
    public async Task Writes_AreForStaffWithTheWriteGrant_AndTheEnterpriseReadsItsOwn()
    {
        app.SkipIfUnavailable();
        var (own, client, _) = await ProfileTestKit.EnterpriseWithUserAsync(app);
        var body = new { typeId = await TypeIdAsync("hnte"), issuedOn = "2024-12-01" };

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"{Api}/{own}/qualifications", body, ZoneApp.Json)).StatusCode);
        var investment = await app.SignedInAsync("investment");
        Assert.Equal(HttpStatusCode.Forbidden, (await investment.PostAsJsonAsync($"{Api}/{own}/qualifications", body, ZoneApp.Json)).StatusCode);

        var service = await app.SignedInAsync("service");
        var added = await AddAsync(service, own, body);
        Assert.Equal(HttpStatusCode.Conflict, (await service.PostAsJsonAsync($"{Api}/{own}/qualifications", body, ZoneApp.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync($"{Api}/{own}/qualifications/{added.Id}")).StatusCode);

        var mine = await client.GetFromJsonAsync<List<QualificationItem>>("/api/v1/my/enterprise/qualifications", ZoneApp.Json);
        Assert.Equal(added.Id, Assert.Single(mine!).Id);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{Api}/{own}/qualifications")).StatusCode);
    }

    [Fact]
    public async Task DemoData_SpreadsQualifications_OverValidExpiringAndExpired()
    {
        app.SkipIfUnavailable();
        var statuses = await app.WithScopeAsync(async sp =>
        {
            var rows = await sp.GetRequiredService<ZoneDb>().Set<EnterpriseQualification>().AsNoTracking().Select(q => q.ExpiresOn).ToListAsync();
            return rows.Select(d => EnterpriseQualification.StatusOn(d, ProfileTestKit.Today)).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        });
        Assert.True(statuses.GetValueOrDefault(QualificationStatus.Valid) > 20, string.Join(", ", statuses));
        Assert.True(statuses.GetValueOrDefault(QualificationStatus.Expiring) > 0, string.Join(", ", statuses));
        Assert.True(statuses.GetValueOrDefault(QualificationStatus.Expired) > 0, string.Join(", ", statuses));

        var leader = await app.SignedInAsync("leader");
        var feiteng = await leader.GetFromJsonAsync<List<QualificationItem>>($"{Api}/{await ProfileTestKit.IdOfAsync(app, "飞腾信息技术有限公司")}/qualifications", ZoneApp.Json);
        Assert.Contains(feiteng!, q => q.TypeCode == "hnte");
    }
}

[Collection("sqlite")]
public sealed class EnterpriseQualificationTests_Sqlite(SqliteApp app) : EnterpriseQualificationTests(app);

[Collection("postgres")]
public sealed class EnterpriseQualificationTests_Postgres(PostgresApp app) : EnterpriseQualificationTests(app);
