using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechZone.Data;
using TechZone.Enterprises;
using TechZone.Platform.Identity;
using TechZone.Tests.Infrastructure;

namespace TechZone.Tests.Enterprises;

/// <summary>What the facts, qualification and timeline tests share: fresh enterprises, users and problem details.</summary>
static class ProfileTestKit
{
    public const string Api = "/api/v1/enterprises";

    public static string Tag() => "测" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The zone's today (Asia/Shanghai), as the app counts validity.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    public static async Task<EnterpriseDetail> CreateEnterpriseAsync(HttpClient client, object? extra = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["creditCode"] = CreditCode.Make("120116", Random.Shared.NextInt64(50_000_000, 99_999_999)),
            ["name"] = Tag() + "科技有限公司",
        };
        if (extra is not null)
            foreach (var p in extra.GetType().GetProperties()) body[p.Name] = p.GetValue(extra);
        var response = await client.PostAsJsonAsync(Api, body, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<EnterpriseDetail>(ZoneApp.Json))!;
    }

    /// <summary>A fresh enterprise with a portal user of its own: (enterprise id, signed-in client).</summary>
    public static async Task<(int Id, HttpClient Client, string UserName)> EnterpriseWithUserAsync(ZoneApp app)
    {
        var admin = await app.SignedInAsync("admin");
        var enterprise = await CreateEnterpriseAsync(admin);
        var name = "ent" + Guid.NewGuid().ToString("N")[..8];
        await app.CreateUserAsync(name, Roles.Enterprise, enterpriseId: enterprise.Id);
        return (enterprise.Id, await app.SignedInAsync(name), name);
    }

    public static Task<int> IdOfAsync(ZoneApp app, string name) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Enterprises.Where(e => e.Name == name).Select(e => e.Id).SingleAsync());

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    public static async Task<string> DetailAsync(HttpResponseMessage response) =>
        (await ProblemAsync(response)).GetProperty("detail").GetString() ?? "";
}

/// <summary>Facts by fiscal year: unknown is never zero, every figure has a source, verification is staff's and audited.</summary>
public abstract class EnterpriseFactsTests(ZoneApp app)
{
    const string Api = ProfileTestKit.Api;

    static Task<HttpResponseMessage> PutFactsAsync(HttpClient client, string url, int year, params object[] figures) =>
        client.PutAsJsonAsync(url, new { fiscalYear = year, figures }, ZoneApp.Json);

    static async Task<EnterpriseFacts> ReadAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<EnterpriseFacts>(ZoneApp.Json))!;
    }

    static FactItem Figure(EnterpriseFacts facts, int year, FactMetric metric) =>
        facts.Years.Single(y => y.FiscalYear == year).Figures.Single(f => f.Metric == metric);

    [Fact]
    public async Task AbsentFigure_ComesBackNull_NotZero_AndRatiosNeedBothParts()
    {
        app.SkipIfUnavailable();
        var service = await app.SignedInAsync("service");
        var e = await ProfileTestKit.CreateEnterpriseAsync(service);
        var url = $"{Api}/{e.Id}/facts";

        // 0 is a real zero (no S&T staff yet); tax paid is simply not known.
        var saved = await ReadAsync(await PutFactsAsync(service, url, 2024,
            new { metric = "Revenue", value = 1_000_000_000L }, new { metric = "Employees", value = 40 }, new { metric = "SciTechPersonnel", value = 0 }));

        Assert.Equal(1_000_000_000L, Figure(saved, 2024, FactMetric.Revenue).Value);
        Assert.Equal(0L, Figure(saved, 2024, FactMetric.SciTechPersonnel).Value);
        var tax = Figure(saved, 2024, FactMetric.TaxPaid);
        Assert.Null(tax.Value);
        Assert.Null(tax.Source);
        Assert.Equal(0m, saved.Years[0].Ratios.SciTechShare);
        Assert.Null(saved.Years[0].Ratios.RdIntensity);

        // The wire says null, not 0, for every unknown figure.
        var json = JsonDocument.Parse(await service.GetStringAsync($"{url}?year=2024")).RootElement;
        var figures = json.GetProperty("years")[0].GetProperty("figures").EnumerateArray().ToList();
        Assert.Equal(Enum.GetValues<FactMetric>().Length, figures.Count);
        Assert.Equal(JsonValueKind.Null, figures.Single(f => f.GetProperty("metric").GetString() == "TaxPaid").GetProperty("value").ValueKind);
        Assert.Equal(12, figures.Count(f => f.GetProperty("value").ValueKind == JsonValueKind.Null));

        var withRd = await ReadAsync(await PutFactsAsync(service, url, 2024, new { metric = "RdExpense", value = 50_000_000L }));
        Assert.Equal(0.05m, withRd.Years[0].Ratios.RdIntensity);

        // Removing a figure makes it unknown again, and the ratio with it.
        var removed = await ReadAsync(await PutFactsAsync(service, url, 2024, new { metric = "Revenue", value = (long?)null }));
        Assert.Null(Figure(removed, 2024, FactMetric.Revenue).Value);
        Assert.Null(removed.Years[0].Ratios.RdIntensity);
        Assert.Equal(50_000_000L, Figure(removed, 2024, FactMetric.RdExpense).Value);

        // A year without figures: every metric unknown.
        var empty = await service.GetFromJsonAsync<EnterpriseFacts>($"{url}?year=2019", ZoneApp.Json);
        Assert.All(empty!.Years.Single().Figures, f => Assert.Null(f.Value));
        var all = await service.GetFromJsonAsync<EnterpriseFacts>(url, ZoneApp.Json);
        Assert.Equal([2024], all!.Years.Select(y => y.FiscalYear));
    }

    [Fact]
    public async Task Verify_RecordsWhoAndWhen_IsAudited_AndIsWhatPoliciesQuery()
    {
        app.SkipIfUnavailable();
        var service = await app.SignedInAsync("service");
        var e = await ProfileTestKit.CreateEnterpriseAsync(service);
        var url = $"{Api}/{e.Id}/facts";
        // A revenue no demo enterprise has, so the threshold query finds exactly this one.
        var revenue = 987_654_321_012L + Random.Shared.Next(1000);
        var saved = await ReadAsync(await PutFactsAsync(service, url, 2025, new { metric = "Revenue", value = revenue }, new { metric = "TaxPaid", value = 12_000_000L }));
        var declared = Figure(saved, 2025, FactMetric.Revenue);
        Assert.Equal(FactSource.Declared, declared.Source);
        Assert.Equal("service", declared.RecordedBy);
        Assert.Null(declared.VerifiedBy);

        var before = DateTime.UtcNow.AddSeconds(-5);
        var verified = await ReadAsync(await service.PostAsJsonAsync($"{url}/verify",
            new { fiscalYear = 2025, figures = new[] { new { metric = "Revenue", version = declared.Version } } }, ZoneApp.Json));
        var figure = Figure(verified, 2025, FactMetric.Revenue);
        Assert.Equal(FactSource.Verified, figure.Source);
        Assert.Equal("service", figure.VerifiedBy);
        Assert.InRange(figure.VerifiedUtc!.Value, before, DateTime.UtcNow.AddSeconds(5));
        Assert.Equal("service", figure.RecordedBy);
        // Only the figure asked for.
        Assert.Equal(FactSource.Declared, Figure(verified, 2025, FactMetric.TaxPaid).Source);

        var audited = await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "enterprises_facts" && a.UserName == "service" && a.Changes.Contains("VerifiedBy"))
            .OrderByDescending(a => a.Sequence).FirstAsync());
        Assert.Contains("Verified", audited.Changes);

        // What the Policies module asks, in process and over the API.
        var inProcess = await app.WithScopeAsync(sp => sp.GetRequiredService<EnterpriseFactsService>().VerifiedAsync(2025, FactMetric.Revenue, atLeast: revenue));
        Assert.Equal(e.Id, Assert.Single(inProcess).EnterpriseId);
        Assert.Equal("service", inProcess[0].VerifiedBy);
        var overApi = await service.GetFromJsonAsync<List<VerifiedFact>>($"{Api}/facts/verified?year=2025&metric=Revenue&atLeast={revenue}", ZoneApp.Json);
        Assert.Equal(revenue, Assert.Single(overApi!).Value);
        Assert.Equal(HttpStatusCode.BadRequest, (await service.GetAsync($"{Api}/facts/verified?metric=Revenue")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await service.GetAsync($"{Api}/facts/verified?year=2025&metric=Luck")).StatusCode);
        Assert.Empty((await app.WithScopeAsync(sp => sp.GetRequiredService<EnterpriseFactsService>().VerifiedOfAsync(e.Id, 2024))));

        // A declared figure is not what policies see; nor is a verified one that staff then change.
        var declaredTax = await app.WithScopeAsync(sp => sp.GetRequiredService<EnterpriseFactsService>().VerifiedOfAsync(e.Id, 2025));
        Assert.DoesNotContain(declaredTax, f => f.Metric == FactMetric.TaxPaid);
        var changed = await ReadAsync(await PutFactsAsync(service, url, 2025, new { metric = "Revenue", value = revenue + 1 }));
        Assert.Equal(FactSource.Declared, Figure(changed, 2025, FactMetric.Revenue).Source);
        Assert.Null(Figure(changed, 2025, FactMetric.Revenue).VerifiedBy);
        Assert.Empty(await app.WithScopeAsync(sp => sp.GetRequiredService<EnterpriseFactsService>().VerifiedAsync(2025, FactMetric.Revenue, atLeast: revenue)));

        // Verifying a stale version is refused: the checker must look again.
        var stale = await service.PostAsJsonAsync($"{url}/verify",
            new { fiscalYear = 2025, figures = new[] { new { metric = "Revenue", version = declared.Version } } }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Fact]
    public async Task EnterpriseUser_DeclaresOwnFigures_CannotChangeVerifiedOnes_AndNeverSeesAnothers()
    {
        app.SkipIfUnavailable();
        var (own, client, user) = await ProfileTestKit.EnterpriseWithUserAsync(app);
        var other = await ProfileTestKit.IdOfAsync(app, "麒麟软件有限公司");

        var declared = await ReadAsync(await PutFactsAsync(client, "/api/v1/my/enterprise/facts", 2024,
            new { metric = "Revenue", value = 300_000_000L }, new { metric = "InventionPatents", value = 3 }));
        Assert.Equal(FactSource.Declared, Figure(declared, 2024, FactMetric.Revenue).Source);
        Assert.Equal(user, Figure(declared, 2024, FactMetric.Revenue).RecordedBy);
        Assert.Equal(own, declared.EnterpriseId);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{Api}/{own}/facts")).StatusCode);

        var service = await app.SignedInAsync("service");
        Assert.Equal(HttpStatusCode.OK, (await service.PostAsJsonAsync($"{Api}/{own}/facts/verify", new { fiscalYear = 2024 }, ZoneApp.Json)).StatusCode);

        // A verified figure is the zone's: the enterprise may not change or remove it, but may declare the rest.
        var change = await PutFactsAsync(client, "/api/v1/my/enterprise/facts", 2024, new { metric = "Revenue", value = 310_000_000L });
        Assert.Equal(HttpStatusCode.Conflict, change.StatusCode);
        Assert.Contains("已经管委会核实", await ProfileTestKit.DetailAsync(change));
        var remove = await PutFactsAsync(client, $"{Api}/{own}/facts", 2024, new { metric = "Revenue", value = (long?)null });
        Assert.Equal(HttpStatusCode.Conflict, remove.StatusCode);
        var unchanged = await ReadAsync(await PutFactsAsync(client, "/api/v1/my/enterprise/facts", 2024,
            new { metric = "Revenue", value = 300_000_000L }, new { metric = "Employees", value = 120 }));
        Assert.Equal(FactSource.Verified, Figure(unchanged, 2024, FactMetric.Revenue).Source);
        Assert.Equal(120L, Figure(unchanged, 2024, FactMetric.Employees).Value);

        // Another enterprise's facts, qualifications and timeline do not exist for this user.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Api}/{other}/facts")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PutFactsAsync(client, $"{Api}/{other}/facts", 2024, new { metric = "Revenue", value = 1L })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Api}/{other}/qualifications")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Api}/{other}/timeline")).StatusCode);
        var kylin = await service.GetFromJsonAsync<EnterpriseFacts>($"{Api}/{other}/facts", ZoneApp.Json);
        Assert.DoesNotContain(kylin!.Years.SelectMany(y => y.Figures), f => f.RecordedBy == user);
    }

    [Fact]
    public async Task Verify_IsForStaffWithTheWriteGrant_Only()
    {
        app.SkipIfUnavailable();
        var (own, client, _) = await ProfileTestKit.EnterpriseWithUserAsync(app);
        await PutFactsAsync(client, "/api/v1/my/enterprise/facts", 2024, new { metric = "Revenue", value = 5_000_000L });
        var verify = new { fiscalYear = 2024 };

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"{Api}/{own}/facts/verify", verify, ZoneApp.Json)).StatusCode);
        var investment = await app.SignedInAsync("investment");
        Assert.Equal(HttpStatusCode.Forbidden, (await investment.PostAsJsonAsync($"{Api}/{own}/facts/verify", verify, ZoneApp.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PutFactsAsync(investment, $"{Api}/{own}/facts", 2024, new { metric = "Revenue", value = 1L })).StatusCode);
        var leader = await app.SignedInAsync("leader");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsJsonAsync($"{Api}/{own}/facts/verify", verify, ZoneApp.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await investment.GetAsync($"{Api}/{own}/facts")).StatusCode);

        var facts = await investment.GetFromJsonAsync<EnterpriseFacts>($"{Api}/{own}/facts?year=2024", ZoneApp.Json);
        Assert.Equal(FactSource.Declared, Figure(facts!, 2024, FactMetric.Revenue).Source);
        Assert.Equal(5_000_000L, Figure(facts!, 2024, FactMetric.Revenue).Value);
    }

    [Fact]
    public async Task Figures_AreChecked_BeforeAnythingIsWritten()
    {
        app.SkipIfUnavailable();
        var service = await app.SignedInAsync("service");
        var e = await ProfileTestKit.CreateEnterpriseAsync(service);
        var url = $"{Api}/{e.Id}/facts";

        var negative = await PutFactsAsync(service, url, 2024, new { metric = "Revenue", value = -1L });
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);

        // A part larger than its whole; the valid figure beside it is not written either.
        var part = await PutFactsAsync(service, url, 2024, new { metric = "Employees", value = 10 }, new { metric = "SciTechPersonnel", value = 11 });
        Assert.Equal(HttpStatusCode.BadRequest, part.StatusCode);
        Assert.Contains("科技人员", await ProfileTestKit.DetailAsync(part));

        var future = await PutFactsAsync(service, url, ProfileTestKit.Today.Year + 1, new { metric = "Revenue", value = 1L });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        var unknownMetric = await PutFactsAsync(service, url, 2024, new { metric = "Happiness", value = 1L });
        Assert.Equal(HttpStatusCode.BadRequest, unknownMetric.StatusCode);

        var facts = await service.GetFromJsonAsync<EnterpriseFacts>(url, ZoneApp.Json);
        Assert.Empty(facts!.Years);

        // An editor who saw no figure, when someone has recorded one meanwhile: 409, and the other write stands.
        Assert.Equal(HttpStatusCode.OK, (await PutFactsAsync(service, url, 2024, new { metric = "Revenue", value = 7L })).StatusCode);
        var stale = await PutFactsAsync(service, url, 2024, new { metric = "Revenue", value = 8L, version = 0 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        facts = await service.GetFromJsonAsync<EnterpriseFacts>(url, ZoneApp.Json);
        Assert.Equal(7L, Figure(facts!, 2024, FactMetric.Revenue).Value);
    }

    [Fact]
    public async Task DemoData_HasFactsForNamedAndGeneratedEnterprises_SomeVerifiedSomeDeclaredSomeUnknown()
    {
        app.SkipIfUnavailable();
        var stats = await app.WithScopeAsync(async sp =>
        {
            var facts = sp.GetRequiredService<ZoneDb>().Set<EnterpriseFact>().AsNoTracking();
            return new
            {
                Enterprises = await facts.Select(f => f.EnterpriseId).Distinct().CountAsync(),
                Years = await facts.Select(f => f.FiscalYear).Distinct().OrderBy(y => y).ToListAsync(),
                Verified = await facts.CountAsync(f => f.Source == FactSource.Verified && f.VerifiedBy != null && f.VerifiedUtc != null),
                Declared = await facts.CountAsync(f => f.Source == FactSource.Declared && f.VerifiedBy == null),
                Imported = await facts.CountAsync(f => f.Source == FactSource.Imported && f.SourceNote != null),
            };
        });
        Assert.True(stats.Enterprises >= 100, $"{stats.Enterprises} enterprises have facts");
        // The demo's three fiscal years (other tests add facts of their own years to their own enterprises).
        Assert.Subset(stats.Years.ToHashSet(), new HashSet<int> { 2023, 2024, 2025 });
        Assert.True(stats.Verified > 0 && stats.Declared > 0 && stats.Imported > 0, stats.ToString());

        var leader = await app.SignedInAsync("leader");
        var feiteng = await leader.GetFromJsonAsync<EnterpriseFacts>($"{Api}/{await ProfileTestKit.IdOfAsync(app, "飞腾信息技术有限公司")}/facts", ZoneApp.Json);
        Assert.Equal([2025, 2024, 2023], feiteng!.Years.Select(y => y.FiscalYear));
        Assert.NotNull(feiteng.Years[1].Ratios.RdIntensity);
        Assert.Contains(feiteng.Years.SelectMany(y => y.Figures), f => f.Value is null);
    }
}

[Collection("sqlite")]
public sealed class EnterpriseFactsTests_Sqlite(SqliteApp app) : EnterpriseFactsTests(app);

[Collection("postgres")]
public sealed class EnterpriseFactsTests_Postgres(PostgresApp app) : EnterpriseFactsTests(app);
