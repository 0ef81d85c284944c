using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechZone.Data;
using TechZone.Pipelines;
using TechZone.Pipelines.Gis;
using TechZone.Platform.Api;
using TechZone.Platform.Inbox;
using TechZone.Tests.Infrastructure;

namespace TechZone.Tests.Pipelines;

/// <summary>
/// Pipelines: the demo registry and its map layers; a pipe segment created, found by the next conflict check at its
/// distance, moved away and no longer found, with its versions and the registry as of a date; an excavation request
/// filed by an enterprise, checked at once (per-network clearances, owners), answered by each owner (an enterprise's
/// portal user, a utility's department), approved into a permit; overdue answers escalated onto the board; who may
/// see and do what; bad input refused without changes.
/// </summary>
public abstract class PipelineTests(ZoneApp app)
{
    const string Api = "/api/v1/pipelines";

    /// <summary>The demo zone's CRS (EPSG:4548), in which the tests place their pipes.</summary>
    static readonly ZoneCrs Zone = new();

    async Task<HttpClient> As(string user, string culture = "zh-CN")
    {
        var client = await app.SignedInAsync(user);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        return client;
    }

    static async Task<T> Read<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(ZoneApp.Json))!;
    }

    static string Unique() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>A place of the test's own in zone metres, between the demo parks where no demo pipe lies.</summary>
    static (double X, double Y) Spot()
    {
        var (x, y) = Zone.ToZone(117.25, 39.0);
        return (x + Random.Shared.Next(0, 40) * 500, y + Random.Shared.Next(0, 40) * 500);
    }

    static string Line(params (double X, double Y)[] points) =>
        JsonSerializer.Serialize(new { type = "LineString", coordinates = points.Select(p => new[] { p.X, p.Y }) });

    /// <summary>A rectangle given in zone metres, written as WGS84 GeoJSON as a client would send it.</summary>
    static string Area(double x0, double y0, double x1, double y1)
    {
        double[] Ll(double x, double y) { var (lon, lat) = Zone.ToWgs84(x, y); return [lon, lat]; }
        return JsonSerializer.Serialize(new { type = "Polygon", coordinates = new[] { new[] { Ll(x0, y0), Ll(x1, y0), Ll(x1, y1), Ll(x0, y1), Ll(x0, y0) } } });
    }

    Task<int> NetworkAsync(string code) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Set<PipeNetwork>().Where(n => n.Code == code).Select(n => n.Id).SingleAsync());

    Task<int> EnterpriseOfAsync(string user) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Users.Where(u => u.UserName == user).Select(u => u.EnterpriseId!.Value).SingleAsync());

    Task<int> UtilityAsync() =>
        app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Set<Utility>().OrderBy(u => u.Id).Select(u => u.Id).FirstAsync());

    async Task<PipeSegmentDetail> SegmentAsync(HttpClient planning, string network, string geometry, int? enterprise = null, int? utility = null, int srid = 4548) =>
        await Read<PipeSegmentDetail>(await planning.PostAsJsonAsync($"{Api}/segments", new
        {
            code = "T-" + Unique(), networkId = await NetworkAsync(network), material = "PE100", diameterMm = 200, depthStartM = 1.2, depthEndM = 1.4,
            ownerEnterpriseId = enterprise, ownerUtilityId = utility, buildYear = 2020, status = "InService", quality = "Geophysics", geometry, srid,
        }, ZoneApp.Json), HttpStatusCode.Created);

    [Fact]
    public async Task DemoRegistry_HasNetworksAndPipeSegments_AndTheMapServesTheView()
    {
        app.SkipIfUnavailable();
        var leader = await As("leader");
        var networks = await Read<List<NetworkItem>>(await leader.GetAsync($"{Api}/networks"));
        Assert.Equal(["water", "rainwater", "sewage", "gas", "power", "telecom", "heating", "industrial"], networks.Select(n => n.Code).Take(8));
        Assert.True(networks.Single(n => n.Code == "gas").ClearanceM > networks.Single(n => n.Code == "telecom").ClearanceM);
        var segments = await Read<PagedResult<PipeSegmentItem>>(await leader.GetAsync($"{Api}/segments?pageSize=5"));
        Assert.True(segments.Total >= 300, $"{segments.Total} demo pipe segments");
        var byOwner = await Read<PagedResult<PipeSegmentItem>>(await leader.GetAsync($"{Api}/segments?owner={Uri.EscapeDataString("燃气")}&pageSize=200"));
        Assert.NotEmpty(byOwner.Items);
        Assert.All(byOwner.Items, s => Assert.Contains("燃气", s.Owner.Name));
        var water = networks.Single(n => n.Code == "water").Id;
        var map = JsonDocument.Parse(await leader.GetStringAsync($"{Api}/map/{water}?bbox=117.08,39.07,117.12,39.09&zoom=16"));
        var features = map.RootElement.GetProperty("features");
        Assert.True(features.GetArrayLength() > 0);
        var lon = features[0].GetProperty("geometry").GetProperty("coordinates")[0][0].GetDouble();
        Assert.InRange(lon, 117.08, 117.12); // WGS84 on the map, not zone metres
        var elsewhere = JsonDocument.Parse(await leader.GetStringAsync($"{Api}/map/{water}?bbox=117.2,39.0,117.21,39.01&zoom=16"));
        Assert.Equal(0, elsewhere.RootElement.GetProperty("features").GetArrayLength());

        // Nodes are points on their own layer, once zoomed in far enough to tell them apart.
        var nodes = JsonDocument.Parse(await leader.GetStringAsync($"{Api}/nodes/map?bbox=117.08,39.07,117.12,39.09&zoom=16")).RootElement.GetProperty("features");
        Assert.True(nodes.GetArrayLength() > 0);
        Assert.Equal("Point", nodes[0].GetProperty("geometry").GetProperty("type").GetString());
        Assert.InRange(nodes[0].GetProperty("geometry").GetProperty("coordinates")[0].GetDouble(), 117.08, 117.12);
        var far = JsonDocument.Parse(await leader.GetStringAsync($"{Api}/nodes/map?bbox=117.08,39.07,117.12,39.09&zoom=12"));
        Assert.Equal(0, far.RootElement.GetProperty("features").GetArrayLength());
    }

    [Fact]
    public async Task NewPipeSegment_IsFoundByTheNextCheck_AtItsDistance_AndAMoveIsVersioned()
    {
        app.SkipIfUnavailable();
        var planning = await As("planning");
        var (x, y) = Spot();
        var gas = await SegmentAsync(planning, "gas", Line((x, y), (x + 100, y)), utility: await UtilityAsync());
        Assert.Single(gas.History);
        // The map layer of the street it lies in shows it at once.
        var (west, south) = Zone.ToWgs84(x - 5, y - 5);
        var (east, north) = Zone.ToWgs84(x + 105, y + 5);
        var street = FormattableString.Invariant($"{Api}/map/{gas.Segment.NetworkId}?bbox={west},{south},{east},{north}&zoom=18");
        async Task<List<string?>> CodesInViewAsync() => [.. JsonDocument.Parse(await planning.GetStringAsync(street)).RootElement.GetProperty("features")
            .EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("name").GetString())];
        Assert.Contains(gas.Segment.Code, await CodesInViewAsync());

        // A trench 3 m north of the gas main: inside gas's 5 m clearance.
        var area = Area(x + 40, y + 3, x + 60, y + 8);
        var check = await Read<CheckResult>(await planning.PostAsJsonAsync($"{Api}/check", new { area }, ZoneApp.Json));
        var hit = Assert.Single(check.Conflicts, c => c.SegmentId == gas.Segment.Id);
        Assert.InRange(hit.DistanceM, 2.98, 3.02);
        Assert.Equal(5.0, hit.ClearanceM);

        // Telecom at the same 3 m is outside its 1 m clearance.
        var telecom = await SegmentAsync(planning, "telecom", Line((x, y + 11), (x + 100, y + 11)), utility: await UtilityAsync());
        check = await Read<CheckResult>(await planning.PostAsJsonAsync($"{Api}/check", new { area }, ZoneApp.Json));
        Assert.DoesNotContain(check.Conflicts, c => c.SegmentId == telecom.Segment.Id);

        // Moving the gas main 20 m south takes it out of the next check, and writes a second version.
        var before = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var moved = await Read<PipeSegmentDetail>(await planning.PutAsJsonAsync($"{Api}/segments/{gas.Segment.Id}", new
        {
            code = gas.Segment.Code, networkId = gas.Segment.NetworkId, material = "PE100", diameterMm = 200, depthStartM = 1.2, depthEndM = 1.4,
            ownerUtilityId = gas.Segment.Owner.UtilityId, status = "InService", quality = "ExposedAndMeasured", geometry = Line((x, y - 20), (x + 100, y - 20)),
            srid = 4548, reason = "探测复核", revision = gas.Segment.Revision,
        }, ZoneApp.Json));
        Assert.Equal(2, moved.Segment.Revision);
        Assert.Equal([2, 1], moved.History.Select(h => h.Revision));
        Assert.Null(moved.History[0].ValidToUtc);
        Assert.NotNull(moved.History[1].ValidToUtc);
        check = await Read<CheckResult>(await planning.PostAsJsonAsync($"{Api}/check", new { area }, ZoneApp.Json));
        Assert.DoesNotContain(check.Conflicts, c => c.SegmentId == gas.Segment.Id);
        Assert.DoesNotContain(gas.Segment.Code, await CodesInViewAsync()); // nor is it on that street's map any more

        // A stale revision changes nothing (409); the registry yesterday did not have it.
        var stale = await planning.PutAsJsonAsync($"{Api}/segments/{gas.Segment.Id}", new
        {
            code = gas.Segment.Code, networkId = gas.Segment.NetworkId, material = "PE", diameterMm = 200, depthStartM = 1, depthEndM = 1,
            ownerUtilityId = gas.Segment.Owner.UtilityId, geometry = Line((x, y), (x + 1, y)), srid = 4548, revision = 1,
        }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var old = await Read<PagedResult<PipeSegmentItem>>(await planning.GetAsync($"{Api}/segments?asOf={before}&pageSize=200&networkId={gas.Segment.NetworkId}&owner={Uri.EscapeDataString(gas.Segment.Owner.Name)}"));
        Assert.DoesNotContain(old.Items, s => s.Id == gas.Segment.Id);
        var today = await Read<PagedResult<PipeSegmentItem>>(await planning.GetAsync($"{Api}/segments?asOf={DateTime.UtcNow:yyyy-MM-dd}&pageSize=200&networkId={gas.Segment.NetworkId}&owner={Uri.EscapeDataString(gas.Segment.Owner.Name)}"));
        Assert.Contains(today.Items, s => s.Id == gas.Segment.Id && s.Quality == QualityLevel.ExposedAndMeasured);
    }

    [Fact]
    public async Task ColdStart_LoadsEveryCurrentPipeSegment_AsEfReadsIt_AndLeavesOutTheRemovedOnes()
    {
        app.SkipIfUnavailable();
        var planning = await As("planning");
        var (x, y) = Spot();
        var kept = await SegmentAsync(planning, "gas", Line((x, y), (x + 30, y + 4), (x + 60, y)), enterprise: await EnterpriseOfAsync("feiteng"));
        var gone = await SegmentAsync(planning, "water", Line((x, y + 200), (x + 60, y + 200)), utility: await UtilityAsync());
        // 100 vertices: a WKB larger than the loader's first buffer.
        var winding = await SegmentAsync(planning, "power", Line([.. Enumerable.Range(0, 100).Select(i => (x + i * 2.0, y + 100 + (i % 2) * 3.0))]), utility: await UtilityAsync());
        await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Set<PipeSegment>().Where(s => s.Id == gone.Segment.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, PipeStatus.Removed)));

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ZoneDb>();
            var version = await PipelineIndex.RegistryVersionAsync(db, default);
            var loaded = await PipelineIndex.LoadAsync(db, version, default);
            var rows = await db.Set<PipeSegment>().AsNoTracking().Where(s => s.Status != PipeStatus.Removed).ToListAsync();
            var expected = ConflictIndex.Build(rows.Select(r => PipelineIndex.ToIndexed(r.Id, r.NetworkId, r.OwnerEnterpriseId, r.OwnerUtilityId, r.Wkb)!.Value).ToList(), version);
            var clearances = await db.Set<PipeNetwork>().ToDictionaryAsync(n => n.Id, n => n.ClearanceM);
            Assert.Equal(version, loaded.Version);
            Assert.Equal(rows.Count, loaded.Count);
            // Around every tenth segment's first vertex (and the two of this test): the same hits, owners and distances.
            foreach (var r in rows.Where(r => r.Id % 10 == 0 || r.Id == kept.Segment.Id).Append(rows.First()))
            {
                var (sx, sy) = (r.MinX, r.MinY);
                var area = Zone.Factory.CreatePolygon([new(sx - 3, sy - 3), new(sx + 3, sy - 3), new(sx + 3, sy + 3), new(sx - 3, sy + 3), new(sx - 3, sy - 3)]);
                var hits = loaded.Check(area, clearances).OrderBy(h => h.SegmentId).ToList();
                Assert.Equal(expected.Check(area, clearances).OrderBy(h => h.SegmentId), hits);
            }
            var mine = loaded.Check(Zone.Factory.CreatePolygon([new(x + 20, y - 2), new(x + 40, y - 2), new(x + 40, y + 2), new(x + 20, y + 2), new(x + 20, y - 2)]), clearances);
            var hit = Assert.Single(mine, h => h.SegmentId == kept.Segment.Id);
            Assert.Equal(await EnterpriseOfAsync("feiteng"), hit.OwnerEnterpriseId);
            var far = loaded.Check(Zone.Factory.CreatePolygon([new(x + 196, y + 99), new(x + 199, y + 99), new(x + 199, y + 104), new(x + 196, y + 104), new(x + 196, y + 99)]), clearances);
            Assert.Contains(far, h => h.SegmentId == winding.Segment.Id && h.DistanceM == 0); // found by its last vertices
            var removedArea = Zone.Factory.CreatePolygon([new(x + 20, y + 198), new(x + 40, y + 198), new(x + 40, y + 202), new(x + 20, y + 202), new(x + 20, y + 198)]);
            Assert.DoesNotContain(loaded.Check(removedArea, clearances), h => h.SegmentId == gone.Segment.Id);
            return true;
        });
    }

    [Fact]
    public async Task ExcavationRequest_FindsConflicts_OwnersAnswer_StaffApproveWithAPermit()
    {
        app.SkipIfUnavailable();
        var planning = await As("planning");
        var feitengId = await EnterpriseOfAsync("feiteng");
        var (x, y) = Spot();
        var industrial = await SegmentAsync(planning, "industrial", Line((x, y), (x + 80, y)), enterprise: feitengId);
        var water = await SegmentAsync(planning, "water", Line((x, y + 12), (x + 80, y + 12)), utility: await UtilityAsync());

        // kylin files for itself: a pit between the two lines, 2 m from the industrial line and 1 m from the water main.
        var kylin = await As("kylin");
        var request = await Read<ExcavationDetail>(await kylin.PostAsJsonAsync($"{Api}/requests", new
        {
            title = "E2E 光缆接入", area = Area(x + 30, y + 2, x + 40, y + 11), depthM = 2.5, method = "Pit",
            startOn = DateTime.Today.AddDays(5).ToString("yyyy-MM-dd"), endOn = DateTime.Today.AddDays(9).ToString("yyyy-MM-dd"),
            contactName = "刘经理", contactPhone = "13800000000",
        }, ZoneApp.Json), HttpStatusCode.Created);
        Assert.Equal(ExcavationStatus.UnderReview, request.Status);
        Assert.Equal([industrial.Segment.Id, water.Segment.Id], request.Conflicts.Select(c => c.SegmentId).Order());
        Assert.InRange(request.Conflicts.Single(c => c.SegmentId == water.Segment.Id).DistanceM, 0.98, 1.02);
        Assert.Equal(2, request.Answers.Count);
        Assert.All(request.Answers, a => Assert.False(a.CanAnswer)); // kylin owns neither

        // The owner enterprise has the to-do and sees the request; a third enterprise does not (404).
        var feiteng = await As("feiteng");
        var inbox = await Read<PagedResult<InboxEntry>>(await feiteng.GetAsync("/api/v1/inbox?pageSize=200"));
        Assert.Contains(inbox.Items, i => i.Link == $"/pipelines/requests/{request.Id}");
        var seen = await Read<ExcavationDetail>(await feiteng.GetAsync($"{Api}/requests/{request.Id}"));
        var mine = Assert.Single(seen.Answers, a => a.CanAnswer);
        Assert.Equal(feitengId, mine.Owner.EnterpriseId);

        // Approval waits for every answer.
        var early = await planning.PostAsJsonAsync($"{Api}/requests/{request.Id}/approve", new
        {
            permitFrom = DateTime.Today.AddDays(5).ToString("yyyy-MM-dd"), permitUntil = DateTime.Today.AddDays(40).ToString("yyyy-MM-dd"), version = request.Version,
        }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("未答复", await early.Content.ReadAsStringAsync());

        // kylin may not answer feiteng's part; feiteng does; planning answers for the utility.
        Assert.Equal(HttpStatusCode.Forbidden, (await kylin.PostAsJsonAsync($"{Api}/requests/{request.Id}/answers/{mine.Id}", new { code = "Clear" }, ZoneApp.Json)).StatusCode);
        await Read<ExcavationDetail>(await feiteng.PostAsJsonAsync($"{Api}/requests/{request.Id}/answers/{mine.Id}", new { code = "MarkedOnSite", note = "已现场喷漆标识" }, ZoneApp.Json));
        inbox = await Read<PagedResult<InboxEntry>>(await feiteng.GetAsync("/api/v1/inbox?pageSize=200"));
        Assert.DoesNotContain(inbox.Items, i => i.Link == $"/pipelines/requests/{request.Id}");
        var utilityAnswer = request.Answers.Single(a => a.Owner.UtilityId is not null);
        var answered = await Read<ExcavationDetail>(await planning.PostAsJsonAsync($"{Api}/requests/{request.Id}/answers/{utilityAnswer.Id}",
            new { code = "ConflictMeetingRequired", note = "需现场会商" }, ZoneApp.Json));
        Assert.All(answered.Answers, a => Assert.NotNull(a.Code));

        var approved = await Read<ExcavationDetail>(await planning.PostAsJsonAsync($"{Api}/requests/{request.Id}/approve", new
        {
            permitFrom = DateTime.Today.AddDays(5).ToString("yyyy-MM-dd"), permitUntil = DateTime.Today.AddDays(40).ToString("yyyy-MM-dd"),
            conditions = "人工开挖，燃气单位现场监护", version = answered.Version,
        }, ZoneApp.Json));
        Assert.Equal(ExcavationStatus.Approved, approved.Status);
        Assert.StartsWith("XK", approved.PermitNumber);
        var board = await Read<PipelineBoard>(await planning.GetAsync($"{Api}/board"));
        Assert.Contains(board.OpenPermits, r => r.Id == request.Id);
        Assert.DoesNotContain(board.Open, r => r.Id == request.Id);
        var mineList = await Read<PagedResult<ExcavationSummary>>(await kylin.GetAsync($"{Api}/requests"));
        Assert.Contains(mineList.Items, r => r.Id == request.Id && r.Status == ExcavationStatus.Approved);
        var audited = await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().AuditEntries.AnyAsync(e => e.EntityType == "pipelines_excavation_requests"));
        Assert.True(audited);
    }

    [Fact]
    public async Task OverdueAnswers_AreEscalatedOnce_AndShowOnTheBoard()
    {
        app.SkipIfUnavailable();
        var planning = await As("planning");
        var (x, y) = Spot();
        await SegmentAsync(planning, "power", Line((x, y), (x + 50, y)), utility: await UtilityAsync());
        var request = await Read<ExcavationDetail>(await planning.PostAsJsonAsync($"{Api}/requests", new
        {
            title = "逾期测试", area = Area(x + 10, y - 1, x + 20, y + 1), depthM = 1.5, method = "OpenTrench", applicantName = "滨海市政施工队",
            startOn = DateTime.Today.ToString("yyyy-MM-dd"), endOn = DateTime.Today.AddDays(2).ToString("yyyy-MM-dd"), contactName = "王工", contactPhone = "022-1234",
        }, ZoneApp.Json), HttpStatusCode.Created);
        var answerId = Assert.Single(request.Answers).Id;
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ZoneDb>();
            return await db.Set<OwnerAnswer>().Where(a => a.Id == answerId).ExecuteUpdateAsync(u => u.SetProperty(a => a.DueUtc, DateTime.UtcNow.AddHours(-1)));
        });
        var first = await app.WithScopeAsync(sp => sp.GetRequiredService<ExcavationService>().EscalateOverdueAsync());
        Assert.True(first >= 1);
        Assert.Equal(0, await app.WithScopeAsync(sp => sp.GetRequiredService<ExcavationService>().EscalateOverdueAsync()));
        var board = await Read<PipelineBoard>(await planning.GetAsync($"{Api}/board"));
        Assert.Contains(board.Overdue, o => o.AnswerId == answerId && o.Escalated);
        var inbox = await Read<PagedResult<InboxEntry>>(await planning.GetAsync("/api/v1/inbox?pageSize=200"));
        Assert.Contains(inbox.Items, i => i.Link == $"/pipelines/requests/{request.Id}" && i.IsOverdue);
    }

    [Fact]
    public async Task BadInput_IsRefusedWithALocalizedReason_AndNothingIsWritten()
    {
        app.SkipIfUnavailable();
        var planning = await As("planning", "en");
        int Count() => app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Set<ExcavationRequest>().CountAsync()).GetAwaiter().GetResult();
        var before = Count();
        var (x, y) = Spot();
        // A bow-tie polygon crosses itself.
        double[] Ll(double px, double py) { var (lon, lat) = Zone.ToWgs84(px, py); return [lon, lat]; }
        var bowtie = JsonSerializer.Serialize(new { type = "Polygon", coordinates = new[] { new[] { Ll(x, y), Ll(x + 10, y + 10), Ll(x + 10, y), Ll(x, y + 10), Ll(x, y) } } });
        var response = await planning.PostAsJsonAsync($"{Api}/requests", new
        {
            title = "bad", area = bowtie, depthM = 1, method = "Pit", applicantName = "x", startOn = "2030-01-02", endOn = "2030-01-03", contactName = "a", contactPhone = "1",
        }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not a valid polygon", await response.Content.ReadAsStringAsync());
        var line = await planning.PostAsJsonAsync($"{Api}/check", new { area = Line((117.3, 39.0), (117.31, 39.0)) }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, line.StatusCode);
        var dates = await planning.PostAsJsonAsync($"{Api}/requests", new
        {
            title = "bad", area = Area(x, y, x + 5, y + 5), depthM = 1, method = "Pit", applicantName = "x", startOn = "2030-01-05", endOn = "2030-01-03", contactName = "a", contactPhone = "1",
        }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, dates.StatusCode);
        var missing = await planning.PostAsJsonAsync($"{Api}/requests", new { title = "", area = Area(x, y, x + 5, y + 5) }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(before, Count());

        var segment = await planning.PostAsJsonAsync($"{Api}/segments", new
        {
            code = "T-" + Unique(), networkId = await NetworkAsync("water"), material = "PE", diameterMm = 100, depthStartM = 1, depthEndM = 1,
            ownerUtilityId = await UtilityAsync(), geometry = Area(x, y, x + 5, y + 5),
        }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, segment.StatusCode);
        Assert.Contains("LineString", await segment.Content.ReadAsStringAsync());
        var crs = await planning.PostAsJsonAsync($"{Api}/segments", new
        {
            code = "T-" + Unique(), networkId = await NetworkAsync("water"), material = "PE", diameterMm = 100, depthStartM = 1, depthEndM = 1,
            ownerUtilityId = await UtilityAsync(), geometry = Line((x, y), (x + 5, y)), srid = 3857,
        }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, crs.StatusCode);
    }

    /// <summary>An as-built survey file: a GeoJSON FeatureCollection in WGS84 of lines given in zone metres, with Chinese attribute names.</summary>
    static byte[] Survey(params (string Network, (double X, double Y)[] Points, string? Code)[] lines) =>
        JsonSerializer.SerializeToUtf8Bytes(new
        {
            type = "FeatureCollection",
            features = lines.Select(l => new
            {
                type = "Feature",
                properties = new Dictionary<string, object?> { ["管线类型"] = l.Network, ["材质"] = "HDPE", ["管径"] = "DN110", ["起点埋深"] = 1.0, ["终点埋深"] = 1.2, ["编号"] = l.Code },
                geometry = new { type = "LineString", coordinates = l.Points.Select(p => { var (lon, lat) = Zone.ToWgs84(p.X, p.Y); return new[] { lon, lat }; }) },
            }),
        });

    /// <summary>Posts a form as a signed-in page would, with the antiforgery token the app gave the browser.</summary>
    static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, byte[]? file, string fileName, params (string Name, string Value)[] fields)
    {
        var token = ZoneApp.HiddenFields(await client.GetStringAsync("/"))["__RequestVerificationToken"];
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        if (file is not null) form.Add(new ByteArrayContent(file), "file", fileName);
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        return await client.PostAsync(path, form);
    }

    Task<int> SurveyCountAsync(int requestId) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Set<AsBuiltSurvey>().CountAsync(s => s.RequestId == requestId));

    [Fact]
    public async Task AsBuiltSurvey_IsChecked_ReturnedThenAccepted_IntoTheRegistry_AndOnlyThatClosesTheRequest()
    {
        app.SkipIfUnavailable();
        var planning = await As("planning");
        var kylin = await As("kylin");
        var kylinId = await EnterpriseOfAsync("kylin");
        var (x, y) = Spot();
        var water = await SegmentAsync(planning, "water", Line((x, y + 3), (x + 100, y + 3)), utility: await UtilityAsync()); // across the trench
        var request = await Read<ExcavationDetail>(await kylin.PostAsJsonAsync($"{Api}/requests", new
        {
            title = "光缆敷设", area = Area(x + 20, y + 2, x + 60, y + 5), depthM = 1.5, method = "OpenTrench",
            startOn = DateTime.Today.AddDays(1).ToString("yyyy-MM-dd"), endOn = DateTime.Today.AddDays(5).ToString("yyyy-MM-dd"), contactName = "刘经理", contactPhone = "13800000000",
        }, ZoneApp.Json), HttpStatusCode.Created);
        var good = Survey(("telecom", [(x + 25, y + 4), (x + 55, y + 4)], null));
        var path = $"{Api}/requests/{request.Id}/asbuilt";

        // No survey before the permit.
        var early = await PostFormAsync(kylin, path, good, "竣工.geojson");
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("未处于已许可状态", await early.Content.ReadAsStringAsync());
        var answer = Assert.Single(request.Answers);
        await Read<ExcavationDetail>(await planning.PostAsJsonAsync($"{Api}/requests/{request.Id}/answers/{answer.Id}", new { code = "Clear" }, ZoneApp.Json));
        var approved = await Read<ExcavationDetail>(await planning.PostAsJsonAsync($"{Api}/requests/{request.Id}/approve", new
        {
            permitFrom = DateTime.Today.ToString("yyyy-MM-dd"), permitUntil = DateTime.Today.AddDays(30).ToString("yyyy-MM-dd"), version = (await Read<ExcavationDetail>(await planning.GetAsync($"{Api}/requests/{request.Id}"))).Version,
        }, ZoneApp.Json));
        Assert.True((await Read<ExcavationDetail>(await kylin.GetAsync($"{Api}/requests/{request.Id}"))).CanSubmitAsBuilt);
        Assert.Equal(ExcavationStatus.Approved, approved.Status);

        // The check names each problem: a line far outside the work area, a water line along the existing main.
        var bad = Survey(("telecom", [(x + 200, y + 50), (x + 240, y + 50)], null), ("water", [(x + 25, y + 3.1), (x + 55, y + 3.1)], null));
        var report = await Read<PipeFileReport>(await PostFormAsync(kylin, path + "/check", bad, "bad.geojson"));
        Assert.False(report.Ready);
        Assert.Equal(2, report.FeatureCount);
        Assert.Contains(report.Features[0].Problems, p => p.Contains("作业范围"));
        Assert.Contains(report.Features[1].Problems, p => p.Contains(water.Segment.Code));
        var refused = await PostFormAsync(kylin, path, bad, "bad.geojson");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(0, await SurveyCountAsync(request.Id));
        var dwg = await Read<PipeFileReport>(await PostFormAsync(kylin, path + "/check", good, "survey.dwg"));
        Assert.NotNull(dwg.Refusal);

        // A good file passes, is submitted, and waits for staff; the applicant cannot accept it.
        report = await Read<PipeFileReport>(await PostFormAsync(kylin, path + "/check", good, "竣工.geojson"));
        Assert.True(report.Ready, string.Join(" ", report.Features.SelectMany(f => f.Problems)));
        Assert.Equal("HDPE", report.Features[0].Material);
        var submitted = await Read<ExcavationDetail>(await PostFormAsync(kylin, path, good, "竣工.geojson"));
        var survey = Assert.Single(submitted.Surveys);
        Assert.Equal(AsBuiltStatus.Submitted, survey.Status);
        Assert.False(submitted.CanSubmitAsBuilt);
        Assert.Equal(HttpStatusCode.Forbidden, (await kylin.PostAsJsonAsync($"{path}/{survey.Id}/accept", new { version = survey.Version }, ZoneApp.Json)).StatusCode);
        var inbox = await Read<PagedResult<InboxEntry>>(await planning.GetAsync("/api/v1/inbox?pageSize=200"));
        Assert.Contains(inbox.Items, i => i.Link == $"/pipelines/requests/{request.Id}" && i.Title.Contains("竣工测量"));
        Assert.Contains((await Read<PipelineBoard>(await planning.GetAsync($"{Api}/board"))).AsBuiltToReview, r => r.Id == request.Id);

        // Returned with a reason: the applicant has a to-do and submits again.
        Assert.Equal(HttpStatusCode.BadRequest, (await planning.PostAsJsonAsync($"{path}/{survey.Id}/return", new { version = survey.Version }, ZoneApp.Json)).StatusCode);
        var returned = await Read<ExcavationDetail>(await planning.PostAsJsonAsync($"{path}/{survey.Id}/return", new { note = "缺少检查井位置", version = survey.Version }, ZoneApp.Json));
        Assert.Equal(AsBuiltStatus.Returned, returned.Surveys[0].Status);
        Assert.Equal(ExcavationStatus.Approved, returned.Status);
        inbox = await Read<PagedResult<InboxEntry>>(await kylin.GetAsync("/api/v1/inbox?pageSize=200"));
        Assert.Contains(inbox.Items, i => i.Link == $"/pipelines/requests/{request.Id}" && i.Title.Contains("退回"));
        var again = await Read<ExcavationDetail>(await PostFormAsync(kylin, path, good, "竣工2.geojson"));
        Assert.Equal([2, 1], again.Surveys.Select(s => s.Round));
        inbox = await Read<PagedResult<InboxEntry>>(await kylin.GetAsync("/api/v1/inbox?pageSize=200"));
        Assert.DoesNotContain(inbox.Items, i => i.Link == $"/pipelines/requests/{request.Id}" && i.Title.Contains("退回"));

        // Accepted: the request closes, the pipe is in the registry (owned by the applicant, versioned with the request's
        // number) and the very next conflict check finds it.
        var closed = await Read<ExcavationDetail>(await planning.PostAsJsonAsync($"{path}/{again.Surveys[0].Id}/accept", new { note = "资料齐全", version = again.Surveys[0].Version }, ZoneApp.Json));
        Assert.Equal(ExcavationStatus.Closed, closed.Status);
        Assert.NotNull(closed.ClosedUtc);
        var segmentId = Assert.Single(closed.Surveys[0].Features).SegmentId!.Value;
        var segment = await Read<PipeSegmentDetail>(await planning.GetAsync($"{Api}/segments/{segmentId}"));
        Assert.Equal(kylinId, segment.Segment.Owner.EnterpriseId);
        Assert.Equal(QualityLevel.ExposedAndMeasured, segment.Segment.Quality);
        Assert.InRange(segment.Segment.LengthM, 29.9, 30.1);
        Assert.Contains(request.Number, Assert.Single(segment.History).Reason);
        var check = await Read<CheckResult>(await planning.PostAsJsonAsync($"{Api}/check", new { area = Area(x + 30, y + 4, x + 35, y + 6) }, ZoneApp.Json));
        Assert.Contains(check.Conflicts, c => c.SegmentId == segmentId && c.Owner.EnterpriseId == kylinId);
        Assert.DoesNotContain((await Read<PipelineBoard>(await planning.GetAsync($"{Api}/board"))).OpenPermits, r => r.Id == request.Id);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostFormAsync(kylin, path, good, "竣工3.geojson")).StatusCode);
    }

    [Fact]
    public async Task AsBuiltSurvey_MovingAnExistingPipe_WritesItsNextVersion_AndANoChangeStatementClosesWithoutTouchingTheRegistry()
    {
        app.SkipIfUnavailable();
        var planning = await As("planning");
        var (x, y) = Spot();
        var gas = await SegmentAsync(planning, "gas", Line((x, y), (x + 40, y)), utility: await UtilityAsync());
        async Task<ExcavationDetail> ApprovedAsync(string title, string area)
        {
            var r = await Read<ExcavationDetail>(await planning.PostAsJsonAsync($"{Api}/requests", new
            {
                title, area, depthM = 1.5, method = "OpenTrench", applicantName = "滨海市政施工队",
                startOn = DateTime.Today.ToString("yyyy-MM-dd"), endOn = DateTime.Today.AddDays(3).ToString("yyyy-MM-dd"), contactName = "王工", contactPhone = "022-1234",
            }, ZoneApp.Json), HttpStatusCode.Created);
            foreach (var a in r.Answers)
                r = await Read<ExcavationDetail>(await planning.PostAsJsonAsync($"{Api}/requests/{r.Id}/answers/{a.Id}", new { code = "MarkedOnSite" }, ZoneApp.Json));
            return await Read<ExcavationDetail>(await planning.PostAsJsonAsync($"{Api}/requests/{r.Id}/approve", new
            {
                permitFrom = DateTime.Today.ToString("yyyy-MM-dd"), permitUntil = DateTime.Today.AddDays(10).ToString("yyyy-MM-dd"), version = r.Version,
            }, ZoneApp.Json));
        }

        // The gas main is moved 3 m north within the trench: the survey names its code, so it becomes revision 2.
        var move = await ApprovedAsync("燃气管迁改", Area(x - 2, y - 2, x + 42, y + 5));
        var file = Survey(("gas", [(x, y + 3), (x + 40, y + 3)], gas.Segment.Code));
        var report = await Read<PipeFileReport>(await PostFormAsync(planning, $"{Api}/requests/{move.Id}/asbuilt/check", file, "迁改.geojson"));
        Assert.True(report.Ready, string.Join(" ", report.Features.SelectMany(f => f.Problems)));
        Assert.Equal(gas.Segment.Code, report.Features[0].ReplacesCode);
        var submitted = await Read<ExcavationDetail>(await PostFormAsync(planning, $"{Api}/requests/{move.Id}/asbuilt", file, "迁改.geojson"));
        var closed = await Read<ExcavationDetail>(await planning.PostAsJsonAsync($"{Api}/requests/{move.Id}/asbuilt/{submitted.Surveys[0].Id}/accept",
            new { version = submitted.Surveys[0].Version }, ZoneApp.Json));
        Assert.Equal(ExcavationStatus.Closed, closed.Status);
        var moved = await Read<PipeSegmentDetail>(await planning.GetAsync($"{Api}/segments/{gas.Segment.Id}"));
        Assert.Equal(2, moved.Segment.Revision);
        Assert.Equal([2, 1], moved.History.Select(h => h.Revision));
        var near = await Read<CheckResult>(await planning.PostAsJsonAsync($"{Api}/check", new { area = Area(x + 10, y + 4, x + 12, y + 6) }, ZoneApp.Json));
        Assert.Contains(near.Conflicts, c => c.SegmentId == gas.Segment.Id && c.DistanceM < 1.01);

        // Nothing laid: a statement is required, then staff accept it and the registry does not change.
        var patch = await ApprovedAsync("路面修补", Area(x + 200, y + 200, x + 204, y + 204));
        Assert.Equal(HttpStatusCode.BadRequest, (await PostFormAsync(planning, $"{Api}/requests/{patch.Id}/asbuilt", null, "")).StatusCode);
        var version = await app.WithScopeAsync(sp => PipelineIndex.RegistryVersionAsync(sp.GetRequiredService<ZoneDb>(), default));
        var stated = await Read<ExcavationDetail>(await PostFormAsync(planning, $"{Api}/requests/{patch.Id}/asbuilt", null, "", ("statement", "仅修补路面，未触及管线")));
        Assert.True(stated.Surveys[0].NoChange);
        var done = await Read<ExcavationDetail>(await planning.PostAsJsonAsync($"{Api}/requests/{patch.Id}/asbuilt/{stated.Surveys[0].Id}/accept",
            new { version = stated.Surveys[0].Version }, ZoneApp.Json));
        Assert.Equal(ExcavationStatus.Closed, done.Status);
        Assert.Equal(version, await app.WithScopeAsync(sp => PipelineIndex.RegistryVersionAsync(sp.GetRequiredService<ZoneDb>(), default)));
    }

    [Fact]
    public async Task GeoPackageMadeByOgr2ogr_IsCheckedThenImported_ReimportingUpdates_AndTheExportReadsBack()
    {
        app.SkipIfUnavailable();
        var planning = await As("planning");
        // The fixture's owners (Gis/Fixtures/README.md) as utilities of this zone.
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ZoneDb>();
            var department = await db.Set<Utility>().Select(u => u.DepartmentId).FirstAsync();
            foreach (var name in new[] { "滨海水务集团", "津燃华润燃气有限公司", "国网天津市电力公司" })
                if (!await db.Set<Utility>().AnyAsync(u => u.Name == name)) db.Add(new Utility { Name = name, DepartmentId = department });
            return await db.SaveChangesAsync();
        });
        var gpkg = await File.ReadAllBytesAsync(Gis.GisFixtures.PathOf("pipes.gpkg"));

        // The dry run reads the three features in EPSG:4548 with their attributes and writes nothing.
        var report = await Read<PipeFileReport>(await PostFormAsync(planning, $"{Api}/import", gpkg, "pipes.gpkg"));
        Assert.True(report.Ready, string.Join(" ", report.Features.SelectMany(f => f.Problems)));
        Assert.Equal(["JS-001", "RQ-007", "DL-003"], report.Features.Select(f => f.Code));
        Assert.Equal("DN300", report.Features[0].Size);
        Assert.Equal("1000×800", report.Features[2].Size);
        Assert.Equal("津燃华润燃气有限公司", report.Features[1].OwnerName);
        Assert.Equal(0, await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Set<PipeSegment>().CountAsync(x => x.Code == "JS-001")));

        // Confirmed: three new segments, at the coordinates PROJ gives for the first vertex, with the year of "2019年" and QL-A.
        var imported = await Read<PipeFileReport>(await PostFormAsync(planning, $"{Api}/import?dryRun=false", gpkg, "pipes.gpkg"));
        Assert.Equal(3, imported.Imported);
        var list = await Read<PagedResult<PipeSegmentItem>>(await planning.GetAsync($"{Api}/segments?owner={Uri.EscapeDataString("津燃华润燃气有限公司")}"));
        var gas = Assert.Single(list.Items);
        Assert.Equal(("RQ-007", 160, 2019, QualityLevel.ExposedAndMeasured), (gas.Code, gas.DiameterMm!.Value, gas.BuildYear!.Value, gas.Quality));
        var water = await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Set<PipeSegment>().SingleAsync(x => x.Code == "JS-001"));
        var first = PipeGeometry.FromWkb(water.Wkb).Coordinates[0];
        Assert.Equal(517305.7613, first.X, 0.01);
        Assert.Equal(4327404.3252, first.Y, 0.01);

        // The same file again updates them: each segment gets its second version.
        var again = await Read<PipeFileReport>(await PostFormAsync(planning, $"{Api}/import?dryRun=false", gpkg, "pipes.gpkg"));
        Assert.All(again.Features, f => Assert.Equal(f.Code, f.ReplacesCode));
        Assert.Equal(2, (await Read<PipeSegmentDetail>(await planning.GetAsync($"{Api}/segments/{water.Id}"))).Segment.Revision);

        // The export (GeoJSON, WGS84) carries the columns the import reads: it checks as updates of the same segments.
        var export = await planning.GetAsync($"{Api}/export?format=geojson&owner={Uri.EscapeDataString("滨海水务集团")}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var exported = await export.Content.ReadAsByteArrayAsync();
        Assert.Contains("JS-001", System.Text.Encoding.UTF8.GetString(exported));
        var back = await Read<PipeFileReport>(await PostFormAsync(planning, $"{Api}/import", exported, "export.geojson"));
        Assert.True(back.Ready, string.Join(" ", back.Features.SelectMany(f => f.Problems)));
        Assert.Equal("JS-001", Assert.Single(back.Features).ReplacesCode);
        var package = await planning.GetAsync($"{Api}/export?format=gpkg&owner={Uri.EscapeDataString("国网天津市电力公司")}");
        Assert.Equal("application/geopackage+sqlite3", package.Content.Headers.ContentType!.MediaType);
        var reread = await Read<PipeFileReport>(await PostFormAsync(planning, $"{Api}/import", await package.Content.ReadAsByteArrayAsync(), "export.gpkg"));
        Assert.Contains(reread.Features, f => f.Code == "DL-003" && f.ReplacesCode == "DL-003" && f.Size == "1000×800");

        // Refused without a change: a file of unknown type, a CSV without its CRS, a bad feature without validOnly; readers may not import.
        Assert.NotNull((await Read<PipeFileReport>(await PostFormAsync(planning, $"{Api}/import", gpkg, "pipes.dwg"))).Refusal);
        var csv = "x1,y1,x2,y2,管线类型,材质,管径,起点埋深,终点埋深,权属单位\n517000,4327000,517050,4327000,给水,PE,DN100,1,1,滨海水务集团\n"u8.ToArray();
        Assert.Contains("坐标系", (await Read<PipeFileReport>(await PostFormAsync(planning, $"{Api}/import", csv, "pipes.csv"))).Refusal);
        var badCsv = "x1,y1,x2,y2,管线类型,材质,管径,起点埋深,终点埋深,权属单位\n517000,4327000,517050,4327000,给水,PE,DN100,1,1,滨海水务集团\n517000,4327100,517050,4327100,暖气,PE,DN100,1,1,滨海水务集团\n"u8.ToArray();
        var csvReport = await Read<PipeFileReport>(await PostFormAsync(planning, $"{Api}/import", badCsv, "pipes.csv", ("csvSrid", "4548")));
        Assert.Equal(1, csvReport.ValidCount);
        var count = await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Set<PipeSegment>().CountAsync());
        var refused = await PostFormAsync(planning, $"{Api}/import?dryRun=false", badCsv, "pipes.csv", ("csvSrid", "4548"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(count, await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Set<PipeSegment>().CountAsync()));
        Assert.Equal(1, (await Read<PipeFileReport>(await PostFormAsync(planning, $"{Api}/import?dryRun=false&validOnly=true", badCsv, "pipes.csv", ("csvSrid", "4548")))).Imported);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostFormAsync(await As("safety"), $"{Api}/import", gpkg, "pipes.gpkg")).StatusCode);
    }

    [Fact]
    public async Task Permissions_ReadersRead_OnlyWritersChange_EnterprisesSeeOnlyTheirOwnRequests()
    {
        app.SkipIfUnavailable();
        var service = await As("service"); // 企业服务局: no Pipelines grant
        Assert.Equal(HttpStatusCode.Forbidden, (await service.GetAsync($"{Api}/segments")).StatusCode);
        var safety = await As("safety"); // reads Pipelines
        Assert.Equal(HttpStatusCode.OK, (await safety.GetAsync($"{Api}/segments")).StatusCode);
        var (x, y) = Spot();
        var create = await safety.PostAsJsonAsync($"{Api}/segments", new
        {
            code = "T-" + Unique(), networkId = await NetworkAsync("water"), material = "PE", diameterMm = 100, depthStartM = 1, depthEndM = 1,
            ownerUtilityId = await UtilityAsync(), geometry = Line((x, y), (x + 5, y)), srid = 4548,
        }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        var kylin = await As("kylin");
        Assert.Equal(HttpStatusCode.Forbidden, (await kylin.GetAsync($"{Api}/segments")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kylin.PutAsJsonAsync($"{Api}/networks/1", new { name = "x", clearanceM = 1, color = "#000000" }, ZoneApp.Json)).StatusCode);

        var planning = await As("planning");
        var request = await Read<ExcavationDetail>(await planning.PostAsJsonAsync($"{Api}/requests", new
        {
            title = "无冲突", area = Area(x + 300, y + 300, x + 305, y + 305), depthM = 1, method = "Pit", applicantName = "施工队",
            startOn = "2030-01-02", endOn = "2030-01-03", contactName = "a", contactPhone = "1",
        }, ZoneApp.Json), HttpStatusCode.Created);
        Assert.Empty(request.Conflicts);
        Assert.Equal(HttpStatusCode.NotFound, (await kylin.GetAsync($"{Api}/requests/{request.Id}")).StatusCode);

        // The admin changes a clearance; the next check uses it.
        var admin = await As("admin");
        var networks = await Read<List<NetworkItem>>(await admin.GetAsync($"{Api}/networks"));
        var heating = networks.Single(n => n.Code == "heating");
        var seg = await SegmentAsync(planning, "heating", Line((x, y + 600), (x + 50, y + 600)), utility: await UtilityAsync());
        var area = Area(x + 10, y + 606, x + 20, y + 610); // 6 m away
        Assert.DoesNotContain((await Read<CheckResult>(await planning.PostAsJsonAsync($"{Api}/check", new { area }, ZoneApp.Json))).Conflicts, c => c.SegmentId == seg.Segment.Id);
        await Read<List<NetworkItem>>(await admin.PutAsJsonAsync($"{Api}/networks/{heating.Id}", new { name = heating.Name, nameEn = heating.NameEn, clearanceM = 6.5, color = heating.Color, version = heating.Version }, ZoneApp.Json));
        try
        {
            Assert.Contains((await Read<CheckResult>(await planning.PostAsJsonAsync($"{Api}/check", new { area }, ZoneApp.Json))).Conflicts, c => c.SegmentId == seg.Segment.Id);
        }
        finally
        {
            networks = await Read<List<NetworkItem>>(await admin.GetAsync($"{Api}/networks"));
            heating = networks.Single(n => n.Code == "heating");
            await admin.PutAsJsonAsync($"{Api}/networks/{heating.Id}", new { name = heating.Name, nameEn = heating.NameEn, clearanceM = 3.0, color = heating.Color, version = heating.Version }, ZoneApp.Json);
        }
    }
}

[Collection("sqlite")]
public sealed class PipelineTests_Sqlite(SqliteApp app) : PipelineTests(app);

[Collection("postgres")]
public sealed class PipelineTests_Postgres(PostgresApp app) : PipelineTests(app);
