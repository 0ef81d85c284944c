using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechZone.Data;
using TechZone.Enterprises;
using TechZone.Tests.Infrastructure;

namespace TechZone.Tests.Enterprises;

/// <summary>The timeline: the registry's own events in order, plus whatever other modules' sources contribute.</summary>
public abstract class EnterpriseTimelineTests(ZoneApp app)
{
    const string Api = ProfileTestKit.Api;

    async Task<int> HnteAsync() =>
        await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Set<QualificationType>().Where(t => t.Code == "hnte").Select(t => t.Id).SingleAsync());

    [Fact]
    public async Task Timeline_ListsFoundedStatusQualificationAndFactEvents_NewestFirst()
    {
        app.SkipIfUnavailable();
        var service = await app.SignedInAsync("service");
        var e = await ProfileTestKit.CreateEnterpriseAsync(service, new { foundedOn = "2015-03-02", status = "Registered", statusSinceOn = "2015-03-02" });
        Assert.Equal(HttpStatusCode.OK, (await service.PostAsJsonAsync($"{Api}/{e.Id}/status", new { status = "Operating", onDate = "2016-01-04", note = "一期投产" }, ZoneApp.Json)).StatusCode);
        var hnte = await HnteAsync();
        Assert.Equal(HttpStatusCode.Created, (await service.PostAsJsonAsync($"{Api}/{e.Id}/qualifications",
            new { typeId = hnte, certificateNumber = "GR202012000777", issuedOn = "2020-12-01" }, ZoneApp.Json)).StatusCode);
        await service.PutAsJsonAsync($"{Api}/{e.Id}/facts", new { fiscalYear = 2024, figures = new[] { new { metric = "Revenue", value = 10L }, new { metric = "Employees", value = 3L } } }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.OK, (await service.PostAsJsonAsync($"{Api}/{e.Id}/facts/verify", new { fiscalYear = 2024 }, ZoneApp.Json)).StatusCode);

        var events = (await service.GetFromJsonAsync<List<TimelineEvent>>($"{Api}/{e.Id}/timeline", ZoneApp.Json))!;

        Assert.Equal(
            [TimelineKinds.FactsVerified, TimelineKinds.QualificationExpired, TimelineKinds.QualificationGranted, TimelineKinds.Status, TimelineKinds.Status, TimelineKinds.Founded],
            events.Select(x => x.Kind));
        Assert.Equal(ProfileTestKit.Today, events[0].On);
        Assert.Equal("2024 年度经营数据已核实（2 项）", events[0].Title);
        Assert.Equal(new DateOnly(2023, 11, 30), events[1].On);
        Assert.Equal("获得“高新技术企业”资质", events[2].Title);
        Assert.Contains("GR202012000777", events[2].Detail);
        Assert.Equal(("投入运营", new DateOnly(2016, 1, 4)), (events[3].Title, events[3].On));
        Assert.Contains("一期投产", events[3].Detail);
        Assert.Equal(("注册落户", new DateOnly(2015, 3, 2)), (events[4].Title, events[4].On));
        Assert.Equal(("企业成立", new DateOnly(2015, 3, 2)), (events[5].Title, events[5].On));
        Assert.All(events, x => Assert.Equal("Enterprises", x.Module));
    }

    [Fact]
    public async Task Timeline_ShowsRenames_AndIsTheEnterprisesOwnOnThePortal()
    {
        app.SkipIfUnavailable();
        var (own, client, _) = await ProfileTestKit.EnterpriseWithUserAsync(app);
        var admin = await app.SignedInAsync("admin");
        var detail = (await admin.GetFromJsonAsync<EnterpriseDetail>($"{Api}/{own}", ZoneApp.Json))!;
        var renamed = await admin.PutAsJsonAsync($"{Api}/{own}", new { creditCode = detail.CreditCode, name = detail.Name + "新", version = detail.Version }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);

        var mine = (await client.GetFromJsonAsync<List<TimelineEvent>>("/api/v1/my/enterprise/timeline", ZoneApp.Json))!;
        var rename = Assert.Single(mine, x => x.Kind == TimelineKinds.Renamed);
        Assert.Equal($"更名为“{detail.Name}新”", rename.Title);
        Assert.Equal($"原名：{detail.Name}", rename.Detail);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{Api}/{own}/timeline")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Api}/99999999/timeline")).StatusCode);
    }

    /// <summary>A module registered the way Demands or Visits will: its events join the registry's, in date order.</summary>
    [Fact]
    public async Task Timeline_MergesEventsOfEveryRegisteredSource()
    {
        app.SkipIfUnavailable();
        await using var withVisits = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddScoped<IEnterpriseTimelineSource, VisitsSource>()));
        var client = withVisits.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await ZoneApp.SignInAsync(client, "service", ZoneApp.DemoPassword)).StatusCode);
        var e = await ProfileTestKit.CreateEnterpriseAsync(client, new { foundedOn = "2019-06-01", status = "Registered", statusSinceOn = "2019-07-01" });

        var events = (await client.GetFromJsonAsync<List<TimelineEvent>>($"{Api}/{e.Id}/timeline", ZoneApp.Json))!;

        Assert.Equal(["Visits", "Enterprises", "Visits", "Enterprises"], events.Select(x => x.Module));
        Assert.Equal(["visit", TimelineKinds.Status, "visit", TimelineKinds.Founded], events.Select(x => x.Kind));
        Assert.Equal($"/visits/{e.Id}", events[0].Link);
    }

    sealed class VisitsSource : IEnterpriseTimelineSource
    {
        public Task<IReadOnlyList<TimelineEvent>> EventsAsync(int enterpriseId, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<TimelineEvent>>(
            [
                new(new DateOnly(2019, 6, 15), "visit", "走访", null, null, "Visits"),
                new(new DateOnly(2021, 3, 1), "visit", "走访", "了解用地需求", $"/visits/{enterpriseId}", "Visits", new DateTime(2021, 3, 1, 2, 0, 0, DateTimeKind.Utc)),
            ]);
    }
}

[Collection("sqlite")]
public sealed class EnterpriseTimelineTests_Sqlite(SqliteApp app) : EnterpriseTimelineTests(app);

[Collection("postgres")]
public sealed class EnterpriseTimelineTests_Postgres(PostgresApp app) : EnterpriseTimelineTests(app);
