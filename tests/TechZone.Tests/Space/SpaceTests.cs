using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechZone.Data;
using TechZone.Enterprises;
using TechZone.Platform.Calendar;
using TechZone.Space;
using TechZone.Tests.Infrastructure;

namespace TechZone.Tests.Space;

/// <summary>
/// Space and land: rates that count every unit once, leases that cannot overlap, subletting found by surveys,
/// space requests matched with reasons, low-efficiency land and its disposal, GeoJSON import, the map's bbox query,
/// who may see and change what, and bad input refused without changes.
/// </summary>
public abstract class SpaceTests(ZoneApp app)
{
    const string Api = "/api/v1/space";

    DateOnly Today => app.Services.GetRequiredService<ZoneTime>().Today;

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

    Task<int> ParkIdAsync(string code) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Parks.Where(p => p.Code == code).Select(p => p.Id).SingleAsync());

    Task<int> EnterpriseIdAsync(string name) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Enterprises.Where(e => e.Name == name).Select(e => e.Id).SingleAsync());

    static string Unique() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>A building of the test's own with one floor and the given units (number, m², use, load, exhaust, sinks).</summary>
    async Task<(BuildingDetail Building, Dictionary<string, int> Units)> BuildingAsync(HttpClient planning, string park,
        params (string Number, decimal Area, UnitUse Use, decimal Load, bool Exhaust, bool Sinks)[] units)
    {
        var building = await Read<BuildingDetail>(await planning.PostAsJsonAsync($"{Api}/buildings", new
        {
            parkId = await ParkIdAsync(park), name = "测试楼" + Unique(), type = "Lab", grossArea = 5000m, leasableArea = 4000m, floorCount = 5,
        }, ZoneApp.Json), HttpStatusCode.Created);
        building = await Read<BuildingDetail>(await planning.PostAsJsonAsync($"{Api}/buildings/{building.Id}/floors", new { level = 1 }, ZoneApp.Json));
        var ids = new Dictionary<string, int>();
        foreach (var u in units)
        {
            var unit = await Read<UnitItem>(await planning.PostAsJsonAsync($"{Api}/buildings/{building.Id}/units", new
            {
                floorId = building.Floors[0].Id, number = u.Number, area = u.Area, use = u.Use.ToString(), floorLoad = u.Load,
                exhaust = u.Exhaust, labSinks = u.Sinks, askingRentFen = 6000,
            }, ZoneApp.Json), HttpStatusCode.Created);
            ids[u.Number] = unit.Id;
        }
        return (building, ids);
    }

    static async Task<LeaseItem> LeaseAsync(HttpClient planning, int enterpriseId, int[] units, DateOnly start, DateOnly end) =>
        await Read<LeaseItem>(await planning.PostAsJsonAsync($"{Api}/leases", new { enterpriseId, unitIds = units, startOn = start, endOn = end }, ZoneApp.Json),
            HttpStatusCode.Created);

    static async Task<int> CampaignAsync(HttpClient planning, int buildingId, DateOnly on) =>
        (await Read<CampaignDetail>(await planning.PostAsJsonAsync($"{Api}/surveys", new { name = "测试调查" + Unique(), surveyOn = on, buildingIds = new[] { buildingId } }, ZoneApp.Json),
            HttpStatusCode.Created)).Id;

    static async Task<SurveyUnitRow> RecordAsync(HttpClient planning, int campaign, int unit, UnitUsage usage, int? actualUserId = null) =>
        await Read<SurveyUnitRow>(await planning.PostAsJsonAsync($"{Api}/surveys/{campaign}/records", new { unitId = unit, usage = usage.ToString(), actualUserId }, ZoneApp.Json));

    // ---- rates ----------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Rates_CountEveryUnitOnce_ByArea_FromLeasesAndTheLatestSurvey_AndUpdateThePark()
    {
        app.SkipIfUnavailable();
        var planning = await As("planning");
        var parkId = await ParkIdAsync("huayuan");
        var before = (await Read<ZoneRates>(await planning.GetAsync($"{Api}/rates"))).Parks.Single(p => p.ParkId == parkId).Rates;

        var (building, units) = await BuildingAsync(planning, "huayuan",
            ("A", 100m, UnitUse.Office, 3, false, false), ("B", 200m, UnitUse.Office, 3, false, false), ("C", 300.50m, UnitUse.Office, 3, false, false));
        // One lease of two units: their areas count once each, not the lease's area again.
        var tenant = await EnterpriseIdAsync("紫光云技术有限公司");
        await LeaseAsync(planning, tenant, [units["A"], units["B"]], Today.AddDays(-30), Today.AddYears(2));
        // Two surveys: the later one's finding wins for A; B and C keep the earlier one's.
        var first = await CampaignAsync(planning, building.Id, Today.AddDays(-20));
        await RecordAsync(planning, first, units["A"], UnitUsage.Occupied);
        await RecordAsync(planning, first, units["B"], UnitUsage.IdleLeased);
        await RecordAsync(planning, first, units["C"], UnitUsage.Vacant);
        var second = await CampaignAsync(planning, building.Id, Today.AddDays(-5));
        await RecordAsync(planning, second, units["A"], UnitUsage.IdleLeased);

        var detail = await Read<BuildingDetail>(await planning.GetAsync($"{Api}/buildings/{building.Id}"));
        var r = detail.Rates;
        Assert.Equal(3, r.Units);
        Assert.Equal(600.50m, r.Area);
        Assert.Equal(300.50m, r.VacantArea);
        Assert.Equal(Math.Round(300.50m / 600.50m, 4), r.VacancyRate);
        Assert.Equal(3, r.SurveyedUnits);
        Assert.Equal(600.50m, r.SurveyedArea);
        Assert.Equal(300m, r.IdleArea);
        Assert.Equal(Math.Round(300m / 600.50m, 4), r.IdleRate);
        Assert.Equal(Math.Round(300.50m / 600.50m, 4), r.SurveyVacancyRate);

        // The stacking plan shows each unit's own status; the trend each campaign's own records.
        var plan = detail.Floors.Single().Units.ToDictionary(u => u.Number);
        Assert.Equal(UnitStatus.IdleLeased, plan["A"].Status);
        Assert.Equal(UnitStatus.IdleLeased, plan["B"].Status);
        Assert.Equal(UnitStatus.Vacant, plan["C"].Status);
        Assert.Equal([first, second], detail.Trend.Select(t => t.CampaignId));
        Assert.Equal(Math.Round(200m / 600.50m, 4), detail.Trend[0].IdleRate);
        Assert.Equal(1m, detail.Trend[1].IdleRate);

        var after = (await Read<ZoneRates>(await planning.GetAsync($"{Api}/rates"))).Parks.Single(p => p.ParkId == parkId).Rates;
        Assert.Equal(before.Units + 3, after.Units);
        Assert.Equal(before.Area + 600.50m, after.Area);
        Assert.Equal(before.VacantArea + 300.50m, after.VacantArea);
        Assert.Equal(before.IdleArea + 300m, after.IdleArea);
    }

    // ---- leases ---------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Lease_OfAUnitAlreadyLeasedForOverlappingDays_Returns409_InTheCallersLanguage_AndWritesNothing()
    {
        app.SkipIfUnavailable();
        var planning = await As("planning");
        var (_, units) = await BuildingAsync(planning, "haiyang", ("801", 150m, UnitUse.Office, 3, false, false));
        var tenant = await EnterpriseIdAsync("麒麟软件有限公司");
        var start = new DateOnly(Today.Year + 2, 1, 1);
        var lease = await LeaseAsync(planning, tenant, [units["801"]], start, start.AddYears(1).AddDays(-1));
        Assert.False(lease.EndingSoon);
        Task<int> Count() => app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Set<Lease>().CountAsync());
        var count = await Count();

        var clash = await planning.PostAsJsonAsync($"{Api}/leases", new { enterpriseId = tenant, unitIds = new[] { units["801"] }, startOn = start.AddMonths(6), endOn = start.AddYears(2) }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Contains("单元 801", (await clash.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var english = await As("planning", "en");
        clash = await english.PostAsJsonAsync($"{Api}/leases", new { enterpriseId = tenant, unitIds = new[] { units["801"] }, startOn = start.AddDays(-10), endOn = start }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Contains("Unit 801 is already leased", (await clash.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(count, await Count());

        // The day after it ends, the unit is free again.
        await LeaseAsync(planning, tenant, [units["801"]], start.AddYears(1), start.AddYears(2));
    }

    [Fact]
    public async Task Lease_EndingWithin90Days_IsFlagged_AndOnTheEnterprisesTimelineAndPortal()
    {
        app.SkipIfUnavailable();
        var planning = await As("planning");
        var (_, units) = await BuildingAsync(planning, "haiyang", ("901", 88m, UnitUse.Office, 3, false, false));
        var feiteng = await EnterpriseIdAsync("飞腾信息技术有限公司");
        var lease = await LeaseAsync(planning, feiteng, [units["901"]], Today.AddYears(-1), Today.AddDays(30));
        Assert.True(lease.EndingSoon);
        Assert.Contains((await Read<List<LeaseItem>>(await planning.GetAsync($"{Api}/leases?endingSoon=true"))), l => l.Id == lease.Id);

        var timeline = await Read<List<TimelineEvent>>(await planning.GetAsync($"/api/v1/enterprises/{feiteng}/timeline"));
        Assert.Contains(timeline, e => e.Kind == "LeaseStarted" && e.Title.Contains("901"));

        var portal = await As("feiteng");
        var mine = await Read<List<LeaseItem>>(await portal.GetAsync($"{Api}/leases"));
        Assert.Contains(mine, l => l.Id == lease.Id);
        Assert.All(mine, l => Assert.Equal(feiteng, l.EnterpriseId));
    }

    // ---- surveys --------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Survey_UserOtherThanTheLeaseholder_IsFlaggedAsSubletting_AndProgressCountsRecordedUnits()
    {
        app.SkipIfUnavailable();
        var planning = await As("planning");
        var (building, units) = await BuildingAsync(planning, "bolonghu", ("1", 120m, UnitUse.Office, 3, false, false), ("2", 130m, UnitUse.Office, 3, false, false));
        var holder = await EnterpriseIdAsync("中国长城科技集团股份有限公司天津分公司");
        var other = await EnterpriseIdAsync("易生支付有限公司");
        await LeaseAsync(planning, holder, [units["1"], units["2"]], Today.AddDays(-100), Today.AddYears(1));
        var campaign = await CampaignAsync(planning, building.Id, Today.AddDays(-1));

        var own = await RecordAsync(planning, campaign, units["1"], UnitUsage.Occupied);
        Assert.False(own.Subletting);
        Assert.Equal(holder, own.ActualUserId);
        var progress = await Read<CampaignDetail>(await planning.GetAsync($"{Api}/surveys/{campaign}"));
        Assert.Equal((1, 2), (progress.Buildings.Single().Recorded, progress.Buildings.Single().Total));

        var sublet = await RecordAsync(planning, campaign, units["2"], UnitUsage.Occupied, other);
        Assert.True(sublet.Subletting);
        Assert.Equal(holder, sublet.LeaseholderId);
        var flagged = await Read<List<SubletItem>>(await planning.GetAsync($"{Api}/subletting"));
        Assert.Contains(flagged, s => s.UnitId == units["2"] && s.ActualUserName == "易生支付有限公司");
        Assert.DoesNotContain(flagged, s => s.UnitId == units["1"]);

        // A leased unit cannot be recorded vacant; a completed campaign takes no more records.
        var vacant = await planning.PostAsJsonAsync($"{Api}/surveys/{campaign}/records", new { unitId = units["1"], usage = "Vacant" }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, vacant.StatusCode);
        await Read<CampaignDetail>(await planning.PostAsync($"{Api}/surveys/{campaign}/complete", null));
        var late = await planning.PostAsJsonAsync($"{Api}/surveys/{campaign}/records", new { unitId = units["1"], usage = "IdleLeased" }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task Survey_TheBuildingsManager_ReportsItsUnitsInThePortal_WithoutSeeingLeaseholders_AndNothingElse()
    {
        app.SkipIfUnavailable();
        var planning = await As("planning");
        var kylin = await As("kylin");
        var feiteng = await As("feiteng");
        var managerId = await EnterpriseIdAsync("麒麟软件有限公司");
        var (building, units) = await BuildingAsync(planning, "haiyang", ("1", 120m, UnitUse.Office, 3, false, false), ("2", 130m, UnitUse.Office, 3, false, false));
        var (elsewhere, otherUnits) = await BuildingAsync(planning, "haiyang", ("9", 90m, UnitUse.Office, 3, false, false));
        var holder = await EnterpriseIdAsync("中国长城科技集团股份有限公司天津分公司");
        await LeaseAsync(planning, holder, [units["1"]], Today.AddDays(-100), Today.AddYears(1));

        // Staff name the manager; an unknown enterprise is refused and changes nothing.
        var edit = new
        {
            parkId = building.ParkId, name = building.Name, type = "Lab", grossArea = 5000m, leasableArea = 4000m, floorCount = 5,
            version = building.Version, managerEnterpriseId = managerId,
        };
        var unknown = await planning.PutAsJsonAsync($"{Api}/buildings/{building.Id}", edit with { managerEnterpriseId = 999_999 }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Null((await Read<BuildingDetail>(await planning.GetAsync($"{Api}/buildings/{building.Id}"))).Manager);
        await Read<BuildingDetail>(await planning.PutAsJsonAsync($"{Api}/buildings/{building.Id}", edit, ZoneApp.Json));
        Assert.Equal("麒麟软件有限公司", (await Read<BuildingDetail>(await planning.GetAsync($"{Api}/buildings/{building.Id}"))).Manager!.Name);

        var campaign = await CampaignAsync(planning, building.Id, Today.AddDays(-1));
        var other = await CampaignAsync(planning, elsewhere.Id, Today.AddDays(-1));

        // The manager is asked for its building only.
        var asked = await Read<List<ManagedSurvey>>(await kylin.GetAsync($"{Api}/my/surveys"));
        var mine = Assert.Single(asked, m => m.CampaignId == campaign);
        Assert.Equal((building.Id, 0, 2), (mine.BuildingId, mine.Recorded, mine.Total));
        Assert.DoesNotContain(asked, m => m.CampaignId == other);
        Assert.DoesNotContain(await Read<List<ManagedSurvey>>(await feiteng.GetAsync($"{Api}/my/surveys")), m => m.CampaignId == campaign);

        // It sees whether a unit is leased, never by whom.
        var rows = await Read<List<SurveyUnitRow>>(await kylin.GetAsync($"{Api}/surveys/{campaign}/buildings/{building.Id}/units"));
        var leased = rows.Single(r => r.UnitId == units["1"]);
        Assert.True(leased.Leased);
        Assert.Null(leased.LeaseholderId);
        Assert.Null(leased.LeaseholderName);
        Assert.False(rows.Single(r => r.UnitId == units["2"]).Leased);

        // It reports a stranger in the leased unit: staff see possible subletting, the manager does not.
        var reported = await Read<SurveyUnitRow>(await kylin.PostAsJsonAsync($"{Api}/surveys/{campaign}/records",
            new { unitId = units["1"], usage = "Occupied", actualUserName = "某某商贸有限公司" }, ZoneApp.Json));
        Assert.False(reported.Subletting);
        Assert.Equal("某某商贸有限公司", reported.ActualUserName);
        var seen = (await Read<List<SurveyUnitRow>>(await planning.GetAsync($"{Api}/surveys/{campaign}/buildings/{building.Id}/units"))).Single(r => r.UnitId == units["1"]);
        Assert.True(seen.Subletting);
        Assert.Equal(holder, seen.LeaseholderId);
        Assert.Equal("刘经理（麒麟）", seen.RecordedByName);
        // Naming the leaseholder itself is no subletting.
        var own = await Read<SurveyUnitRow>(await planning.PostAsJsonAsync($"{Api}/surveys/{campaign}/records",
            new { unitId = units["1"], usage = "Occupied", actualUserName = "中国长城科技集团股份有限公司天津分公司" }, ZoneApp.Json));
        Assert.False(own.Subletting);
        Assert.Equal(holder, own.ActualUserId);
        Assert.Equal(1, (await Read<List<ManagedSurvey>>(await kylin.GetAsync($"{Api}/my/surveys"))).Single(m => m.CampaignId == campaign).Recorded);

        // Another building, another enterprise's portal, or the campaign list: not found or forbidden, nothing written.
        Assert.Equal(HttpStatusCode.NotFound, (await kylin.GetAsync($"{Api}/surveys/{other}/buildings/{elsewhere.Id}/units")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kylin.PostAsJsonAsync($"{Api}/surveys/{other}/records", new { unitId = otherUnits["9"], usage = "Vacant" }, ZoneApp.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await feiteng.PostAsJsonAsync($"{Api}/surveys/{campaign}/records", new { unitId = units["2"], usage = "Vacant" }, ZoneApp.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await feiteng.GetAsync($"{Api}/surveys/{campaign}/buildings/{building.Id}/units")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kylin.GetAsync($"{Api}/surveys/{campaign}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await planning.GetAsync($"{Api}/my/surveys")).StatusCode);
        var unrecorded = (await Read<CampaignDetail>(await planning.GetAsync($"{Api}/surveys/{other}"))).Buildings.Single();
        Assert.Equal(0, unrecorded.Recorded);
        Assert.Null((await Read<List<SurveyUnitRow>>(await planning.GetAsync($"{Api}/surveys/{campaign}/buildings/{building.Id}/units"))).Single(r => r.UnitId == units["2"]).Usage);
    }

    // ---- space requests -------------------------------------------------------------------------------------------

    [Fact]
    public async Task Request_IsMatchedToTheUnitThatFits_NotToTheOneThatDoesNot_WithReasons_AndAcceptedBecomesALease()
    {
        app.SkipIfUnavailable();
        var planning = await As("planning");
        var (_, units) = await BuildingAsync(planning, "huayuan",
            ("L1", 250m, UnitUse.Lab, 5.5m, true, true), ("L2", 240m, UnitUse.Lab, 3m, true, true));
        var portal = await As("feiteng");
        // The portal asks for itself, whatever enterprise the body names.
        var kylin = await EnterpriseIdAsync("麒麟软件有限公司");
        var request = await Read<SpaceRequestItem>(await portal.PostAsJsonAsync($"{Api}/requests", new
        {
            enterpriseId = kylin, minArea = 200m, maxArea = 300m, use = "Lab", parkId = await ParkIdAsync("huayuan"), minFloorLoad = 5m,
            needsExhaust = true, needsLabSinks = true, moveInOn = Today.AddYears(6),
        }, ZoneApp.Json), HttpStatusCode.Created);
        var feiteng = await EnterpriseIdAsync("飞腾信息技术有限公司");
        Assert.Equal(feiteng, request.EnterpriseId);

        var result = await Read<MatchResult>(await planning.GetAsync($"{Api}/requests/{request.Id}/matches"));
        var fit = Assert.Single(result.Matches, m => m.UnitId == units["L1"]);
        Assert.True(fit.Fits);
        Assert.All(fit.Reasons, r => Assert.True(r.Passed));
        Assert.Contains(fit.Reasons, r => r.Criterion == "floorLoad" && r.Text == "楼板荷载 5.5 kN/m² ≥ 要求 5");
        Assert.DoesNotContain(result.Matches, m => m.UnitId == units["L2"]);
        var miss = Assert.Single(result.NearMisses, m => m.UnitId == units["L2"]);
        var why = Assert.Single(miss.Reasons, r => !r.Passed);
        Assert.Equal("floorLoad", why.Criterion);
        Assert.Equal("楼板荷载 3 kN/m² < 要求 5", why.Text);

        // Staff offer the unit that fits; accepted, it becomes the enterprise's lease from the move-in date.
        request = await Read<SpaceRequestItem>(await planning.PostAsJsonAsync($"{Api}/requests/{request.Id}/offers", new { unitId = units["L1"] }, ZoneApp.Json));
        var offer = Assert.Single(request.Offers);
        Assert.True(await app.WithScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<ZoneDb>();
            return db.Set<TechZone.Platform.Inbox.Notification>().AnyAsync(n => n.Title.Contains(" L1") && n.Link == "/my/space"
                && db.Users.Any(u => u.Id == n.UserId && u.UserName == "feiteng"));
        }));
        request = await Read<SpaceRequestItem>(await planning.PostAsJsonAsync($"{Api}/requests/{request.Id}/offers/{offer.Id}/outcome", new { accepted = true, years = 2 }, ZoneApp.Json));
        Assert.Equal(RequestStatus.Leased, request.Status);
        var leaseId = Assert.IsType<int>(request.Offers.Single().LeaseId);
        var lease = await Read<LeaseItem>(await portal.GetAsync($"{Api}/leases/{leaseId}"));
        Assert.Equal((feiteng, Today.AddYears(6), Today.AddYears(8).AddDays(-1)), (lease.EnterpriseId, lease.StartOn, lease.EndOn));

        // Leased now, the unit no longer matches; and another enterprise cannot see the request.
        result = await Read<MatchResult>(await planning.GetAsync($"{Api}/requests/{request.Id}/matches"));
        Assert.DoesNotContain(result.Matches, m => m.UnitId == units["L1"]);
        Assert.Equal(HttpStatusCode.NotFound, (await (await As("kylin")).GetAsync($"{Api}/requests/{request.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await As("kylin")).GetAsync($"{Api}/leases/{leaseId}")).StatusCode);
    }

    // ---- land -----------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Parcel_BelowTheTaxLine_IsLowEfficiency_WithReasons_AndAReserveCaseTakesItBack()
    {
        app.SkipIfUnavailable();
        var planning = await As("planning");
        var thresholds = await Read<ThresholdsItem>(await planning.GetAsync($"{Api}/thresholds"));
        await Read<ThresholdsItem>(await planning.PutAsJsonAsync($"{Api}/thresholds", new
        {
            minTaxPerMuFen = 15_000_000L, maxIdleYears = 2, minPlotRatio = 1.0, fiscalYear = 2024, version = thresholds.Version,
        }, ZoneApp.Json));
        var feiteng = await EnterpriseIdAsync("飞腾信息技术有限公司");
        var tax = await app.WithScopeAsync(async sp => (await sp.GetRequiredService<EnterpriseFactsService>().VerifiedAsync(2024, FactMetric.TaxPaid))
            .Single(f => f.EnterpriseId == feiteng).Value);
        var park = await ParkIdAsync("haiyang");
        // Sized so that tax per mu is half the line, and three times it.
        var lowMu = Math.Round((decimal)tax / 7_500_000m, 2);
        var highMu = Math.Round((decimal)tax / 45_000_000m, 2);
        var low = await Read<ParcelDetail>(await planning.PostAsJsonAsync($"{Api}/parcels", new
        {
            number = "T-LOW-" + Unique(), parkId = park, areaMu = lowMu, landUse = "RnD", holderId = feiteng, status = "Operating", plotRatio = 1.5,
        }, ZoneApp.Json), HttpStatusCode.Created);
        var high = await Read<ParcelDetail>(await planning.PostAsJsonAsync($"{Api}/parcels", new
        {
            number = "T-HIGH-" + Unique(), parkId = park, areaMu = highMu, landUse = "RnD", holderId = feiteng, status = "Operating", plotRatio = 1.5,
        }, ZoneApp.Json), HttpStatusCode.Created);
        var idle = await Read<ParcelDetail>(await planning.PostAsJsonAsync($"{Api}/parcels", new
        {
            number = "T-IDLE-" + Unique(), parkId = park, areaM2 = 20000m, landUse = "Industrial", holderId = feiteng, status = "Idle",
            acquiredOn = Today.AddYears(-3), plotRatio = 0,
        }, ZoneApp.Json), HttpStatusCode.Created);

        Assert.True(low.Parcel.LowEfficiency);
        Assert.Equal(Math.Round(lowMu * 10000m / 15m, 2), low.Parcel.AreaM2);
        var reason = Assert.Single(low.Parcel.Reasons);
        Assert.StartsWith("亩均税收", reason);
        Assert.Contains("< 标准 15 万元", reason);
        Assert.InRange(low.Parcel.TaxPerMuFen!.Value, 7_400_000, 7_600_000);
        Assert.False(high.Parcel.LowEfficiency);
        Assert.Empty(high.Parcel.Reasons);
        Assert.True(idle.Parcel.LowEfficiency);
        Assert.Equal("闲置 3 年（标准：2 年）", Assert.Single(idle.Parcel.Reasons));
        var listed = await Read<List<ParcelItem>>(await planning.GetAsync($"{Api}/parcels?lowEfficiency=true"));
        Assert.Contains(listed, p => p.Id == low.Parcel.Id);
        Assert.DoesNotContain(listed, p => p.Id == high.Parcel.Id);

        // A raised line makes the efficient parcel low-efficiency too.
        thresholds = await Read<ThresholdsItem>(await planning.GetAsync($"{Api}/thresholds"));
        await Read<ThresholdsItem>(await planning.PutAsJsonAsync($"{Api}/thresholds", new
        {
            minTaxPerMuFen = 60_000_000L, maxIdleYears = 2, minPlotRatio = 1.0, fiscalYear = 2024, version = thresholds.Version,
        }, ZoneApp.Json));
        Assert.True((await Read<ParcelDetail>(await planning.GetAsync($"{Api}/parcels/{high.Parcel.Id}"))).Parcel.LowEfficiency);
        thresholds = await Read<ThresholdsItem>(await planning.GetAsync($"{Api}/thresholds"));
        await Read<ThresholdsItem>(await planning.PutAsJsonAsync($"{Api}/thresholds", new
        {
            minTaxPerMuFen = 15_000_000L, maxIdleYears = 2, minPlotRatio = 1.0, fiscalYear = 2024, version = thresholds.Version,
        }, ZoneApp.Json));

        // The disposal: a reserve case, its steps, then completion takes the land back.
        var c = await Read<CaseItem>(await planning.PostAsJsonAsync($"{Api}/parcels/{low.Parcel.Id}/cases", new { kind = "Reserve", owner = "土地科 张科长", reason = "亩均税收低于标准" }, ZoneApp.Json),
            HttpStatusCode.Created);
        Assert.Equal(4, c.Steps.Count);
        Assert.Equal(HttpStatusCode.Conflict, (await planning.PostAsJsonAsync($"{Api}/parcels/{low.Parcel.Id}/cases", new { kind = "Swap", owner = "x" }, ZoneApp.Json)).StatusCode);
        var early = await planning.PostAsJsonAsync($"{Api}/cases/{c.Id}/close", new { completed = true, outcome = "收回", version = c.Version }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        foreach (var step in c.Steps)
            c = await Read<CaseItem>(await planning.PostAsJsonAsync($"{Api}/cases/{c.Id}/steps/{step.Id}/done", new { doneOn = Today }, ZoneApp.Json));
        c = await Read<CaseItem>(await planning.PostAsJsonAsync($"{Api}/cases/{c.Id}/close", new { completed = true, outcome = "已收回纳入储备", version = c.Version }, ZoneApp.Json));
        Assert.Equal(CaseStatus.Completed, c.Status);
        var after = await Read<ParcelDetail>(await planning.GetAsync($"{Api}/parcels/{low.Parcel.Id}"));
        Assert.Equal(ParcelStatus.Reserved, after.Parcel.Status);
        Assert.Null(after.Parcel.HolderId);
        Assert.False(after.Parcel.LowEfficiency);
        Assert.Equal(c.Id, Assert.Single(after.Cases).Id);
    }

    // ---- GeoJSON import and the map -------------------------------------------------------------------------------

    static string Box(double lon, double lat, double size) =>
        $"{{\"type\":\"Polygon\",\"coordinates\":[[[{lon},{lat}],[{lon + size},{lat}],[{lon + size},{lat + size}],[{lon},{lat + size}],[{lon},{lat}]]]}}";

    [Fact]
    public async Task GeoJsonImport_DryRun_ReportsEachFeature_AndWritesNothing_ThenWritesTheValidOnes_ForTheMapsBbox()
    {
        app.SkipIfUnavailable();
        var planning = await As("planning");
        var number = "GJ-" + Unique();
        var bowtie = "{\"type\":\"Polygon\",\"coordinates\":[[[117.0,39.0],[117.01,39.01],[117.01,39.0],[117.0,39.01],[117.0,39.0]]]}";
        var geojson = $$$"""
            {"type":"FeatureCollection","features":[
              {"type":"Feature","geometry":{{{Box(117.101, 39.081, 0.002)}}},"properties":{"number":"{{{number}}}","park":"huayuan","landUse":"Industrial","status":"Operating","plotRatio":1.2}},
              {"type":"Feature","geometry":{{{bowtie}}},"properties":{"number":"{{{number}}}-B","park":"huayuan","landUse":"Industrial"}},
              {"type":"Feature","geometry":{{{Box(117.2, 39.1, 0.001)}}},"properties":{"park":"nowhere","landUse":"Farm"}}
            ]}
            """;
        Task<int> Count() => app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Set<Parcel>().CountAsync());
        var before = await Count();

        var report = await Read<GeoImportReport>(await planning.PostAsJsonAsync($"{Api}/import", new { kind = "Parcels", geoJson = geojson }, ZoneApp.Json));
        Assert.False(report.Written);
        Assert.Equal((3, 1, 2), (report.Total, report.Valid, report.Invalid));
        Assert.Equal(FeatureAction.Create, report.Features[0].Action);
        Assert.Empty(report.Features[0].Problems);
        Assert.Contains("几何图形无效", Assert.Single(report.Features[1].Problems));
        Assert.Contains(report.Features[2].Problems, p => p.Contains("缺少属性 number"));
        Assert.Contains(report.Features[2].Problems, p => p.Contains("未知园区 nowhere"));
        Assert.Contains(report.Features[2].Problems, p => p.Contains("Farm"));
        Assert.Equal(before, await Count());

        report = await Read<GeoImportReport>(await planning.PostAsJsonAsync($"{Api}/import", new { kind = "Parcels", geoJson = geojson, confirm = true }, ZoneApp.Json));
        Assert.True(report.Written);
        Assert.Equal(before + 1, await Count());
        var parcel = Assert.Single(await Read<List<ParcelItem>>(await planning.GetAsync($"{Api}/parcels?search={number}")));
        // Area from the geometry: 0.002° × 0.002° at 39°N is about 173 m × 221 m.
        Assert.InRange(parcel.AreaM2, 37_000m, 39_500m);

        // The map layer returns it for a view that contains it, not for one beside it.
        var inView = await planning.GetStringAsync($"{Api}/map/parcels?bbox=117.10,39.08,117.11,39.09&zoom=16");
        Assert.Contains(number, inView);
        var beside = await planning.GetStringAsync($"{Api}/map/parcels?bbox=117.20,39.20,117.21,39.21&zoom=16");
        Assert.DoesNotContain(number, beside);
        var features = JsonDocument.Parse(inView).RootElement.GetProperty("features");
        Assert.Contains(features.EnumerateArray(), f => f.GetProperty("properties").GetProperty("href").GetString() == $"/land/parcels/{parcel.Id}");
        Assert.Equal(HttpStatusCode.BadRequest, (await planning.GetAsync($"{Api}/map/parcels?bbox=1,2,3")).StatusCode);
    }

    [Fact]
    public async Task GeoJsonImport_OfBuildings_ChecksTypeAndArea_AndUpdatesAnExistingBuildingsShape()
    {
        app.SkipIfUnavailable();
        var planning = await As("planning", "en");
        var name = "导入楼" + Unique();
        string Collection(string geometry) => $$$"""
            {"type":"FeatureCollection","features":[
              {"type":"Feature","geometry":{{{geometry}}},"properties":{"name":"{{{name}}}","park":"海洋科技园","type":"RnD","leasableArea":3200.5,"floors":6}},
              {"type":"Feature","geometry":{{{Box(117.74, 39.18, 0.001)}}},"properties":{"name":"{{{name}}}-2","park":"haiyang","type":"Castle"}},
              {"type":"Feature","geometry":null,"properties":{"name":"{{{name}}}-3","park":"haiyang","type":"Office","leasableArea":100}}
            ]}
            """;
        var report = await Read<GeoImportReport>(await planning.PostAsJsonAsync($"{Api}/import", new { kind = "Buildings", geoJson = Collection(Box(117.735, 39.175, 0.001)) }, ZoneApp.Json));
        Assert.Equal((3, 1, 2), (report.Total, report.Valid, report.Invalid));
        Assert.Contains(report.Features[1].Problems, p => p.Contains("type \"Castle\""));
        Assert.Contains(report.Features[1].Problems, p => p.Contains("leasableArea"));
        Assert.Equal("No geometry", Assert.Single(report.Features[2].Problems));
        Assert.Empty(await Read<List<BuildingSummary>>(await planning.GetAsync($"{Api}/buildings?search={name}")));

        await Read<GeoImportReport>(await planning.PostAsJsonAsync($"{Api}/import", new { kind = "Buildings", geoJson = Collection(Box(117.735, 39.175, 0.001)), confirm = true }, ZoneApp.Json));
        var building = Assert.Single(await Read<List<BuildingSummary>>(await planning.GetAsync($"{Api}/buildings?search={name}")));
        Assert.Equal((BuildingType.RnD, 3200.5m, 6), (building.Type, building.LeasableArea, building.FloorCount));

        // Imported again with another shape: the same building, moved.
        report = await Read<GeoImportReport>(await planning.PostAsJsonAsync($"{Api}/import", new { kind = "Buildings", geoJson = Collection(Box(117.745, 39.185, 0.001)), confirm = true }, ZoneApp.Json));
        Assert.Equal(FeatureAction.Update, report.Features[0].Action);
        Assert.Single(await Read<List<BuildingSummary>>(await planning.GetAsync($"{Api}/buildings?search={name}")));
        Assert.Contains(name, await planning.GetStringAsync($"{Api}/map/buildings?bbox=117.744,39.184,117.747,39.187&zoom=17"));
        Assert.DoesNotContain(name, await planning.GetStringAsync($"{Api}/map/buildings?bbox=117.734,39.174,117.7365,39.1765&zoom=17"));
    }

    // ---- permissions and bad input --------------------------------------------------------------------------------

    [Fact]
    public async Task Permissions_ReadersRead_OnlyTheSpaceWritersWrite_EnterprisesSeeTheirOwn()
    {
        app.SkipIfUnavailable();
        var body = new { parkId = await ParkIdAsync("huayuan"), name = "权限测试楼" + Unique(), type = "Office", grossArea = 100m, leasableArea = 80m, floorCount = 2 };
        var investment = await As("investment"); // Space: read
        Assert.Equal(HttpStatusCode.OK, (await investment.GetAsync($"{Api}/buildings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await investment.PostAsJsonAsync($"{Api}/buildings", body, ZoneApp.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await investment.PostAsJsonAsync($"{Api}/requests", new { leadName = "x", minArea = 1m, maxArea = 2m, moveInOn = Today }, ZoneApp.Json)).StatusCode);
        var economy = await As("economy"); // no Space grant
        Assert.Equal(HttpStatusCode.Forbidden, (await economy.GetAsync($"{Api}/buildings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await economy.GetAsync($"{Api}/leases")).StatusCode);
        var leader = await As("leader");
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"{Api}/parcels")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsJsonAsync($"{Api}/buildings", body, ZoneApp.Json)).StatusCode);

        var kylin = await As("kylin");
        Assert.Equal(HttpStatusCode.Forbidden, (await kylin.GetAsync($"{Api}/buildings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kylin.GetAsync($"{Api}/map/buildings")).StatusCode);
        var kylinId = await EnterpriseIdAsync("麒麟软件有限公司");
        var own = await Read<List<LeaseItem>>(await kylin.GetAsync($"{Api}/leases"));
        Assert.NotEmpty(own);
        Assert.All(own, l => Assert.Equal(kylinId, l.EnterpriseId));
        var others = await Read<List<LeaseItem>>(await (await As("planning")).GetAsync($"{Api}/leases"));
        var another = others.First(l => l.EnterpriseId != kylinId);
        Assert.Equal(HttpStatusCode.NotFound, (await kylin.GetAsync($"{Api}/leases/{another.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await (await As("planning")).PostAsJsonAsync($"{Api}/buildings", body, ZoneApp.Json)).StatusCode);

        var anonymous = app.Browser();
        var response = await anonymous.GetAsync($"{Api}/buildings");
        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect, response.StatusCode.ToString());
    }

    [Fact]
    public async Task BadInput_IsRefusedWithALocalizedProblem_AndChangesNothing()
    {
        app.SkipIfUnavailable();
        var planning = await As("planning");
        Task<int> Buildings() => app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Set<Building>().CountAsync());
        var before = await Buildings();
        var park = await ParkIdAsync("bolonghu");

        var noName = await planning.PostAsJsonAsync($"{Api}/buildings", new { parkId = park, name = "", type = "Office", grossArea = 100m, leasableArea = 80m, floorCount = 2 }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        var tooLarge = await planning.PostAsJsonAsync($"{Api}/buildings", new { parkId = park, name = "坏楼" + Unique(), type = "Office", grossArea = 100m, leasableArea = 180m, floorCount = 2 }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        Assert.Equal("可租面积不能大于建筑面积。", (await tooLarge.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var badType = await planning.PostAsJsonAsync($"{Api}/buildings", new { parkId = park, name = "坏楼" + Unique(), type = "Castle", grossArea = 100m, leasableArea = 80m, floorCount = 2 }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, badType.StatusCode);
        var badGeometry = await planning.PostAsJsonAsync($"{Api}/buildings", new
        {
            parkId = park, name = "坏楼" + Unique(), type = "Office", grossArea = 100m, leasableArea = 80m, floorCount = 2, geometry = Box(200, 39, 1),
        }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, badGeometry.StatusCode);
        Assert.Equal(before, await Buildings());

        var (_, units) = await BuildingAsync(planning, "bolonghu", ("X1", 50m, UnitUse.Office, 3, false, false));
        var zeroArea = await planning.PutAsJsonAsync($"{Api}/units/{units["X1"]}", new { floorId = 0, number = "X1", area = 0m, use = "Office" }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, zeroArea.StatusCode);
        var reversed = await planning.PostAsJsonAsync($"{Api}/leases", new
        {
            enterpriseId = await EnterpriseIdAsync("飞腾信息技术有限公司"), unitIds = new[] { units["X1"] }, startOn = Today, endOn = Today.AddDays(-1),
        }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.Equal("到期日不能早于起租日。", (await reversed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var notJson = await planning.PostAsJsonAsync($"{Api}/import", new { kind = "Buildings", geoJson = "not json" }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        var request = await planning.PostAsJsonAsync($"{Api}/requests", new { leadName = "某线索", minArea = 300m, maxArea = 100m, moveInOn = Today }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, request.StatusCode);
        Assert.Equal(0, await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Set<LeaseUnit>().CountAsync(l => l.UnitId == units["X1"])));
    }

    [Fact]
    public async Task DemoData_HasBuildingsInEveryPark_ACompletedAndAnOpenSurvey_AndLowEfficiencyParcels()
    {
        app.SkipIfUnavailable();
        var leader = await As("leader");
        var rates = await Read<ZoneRates>(await leader.GetAsync($"{Api}/rates"));
        // The demo zone's three parks (other tests on the same database add parks of their own).
        var demoParks = rates.Parks.Where(p => p.ParkName is "华苑科技园" or "渤龙湖科技园" or "海洋科技园").ToList();
        Assert.Equal(3, demoParks.Count);
        Assert.All(demoParks, p => Assert.True(p.Buildings > 0 && p.Rates.Units > 0, p.ParkName));
        Assert.InRange(rates.Zone.VacancyRate!.Value, 0.05m, 0.8m);
        var campaigns = await Read<List<CampaignSummary>>(await leader.GetAsync($"{Api}/surveys"));
        Assert.Contains(campaigns, c => c.Status == CampaignStatus.Completed && c.Recorded == c.Total);
        Assert.Contains(campaigns, c => c.Status == CampaignStatus.InProgress && c.Recorded < c.Total);
        var parcels = await Read<List<ParcelItem>>(await leader.GetAsync($"{Api}/parcels"));
        Assert.Contains(parcels, p => p.LowEfficiency && p.Reasons.Any(r => r.StartsWith("亩均税收")));
        Assert.Contains(parcels, p => p.LowEfficiency && p.Reasons.Any(r => r.StartsWith("闲置")));
        Assert.Contains(parcels, p => !p.LowEfficiency && p.TaxPerMuFen is not null);
        var map = JsonDocument.Parse(await leader.GetStringAsync($"{Api}/map/buildings?bbox=117.0,39.0,117.8,39.3&zoom=11"));
        Assert.True(map.RootElement.GetProperty("features").GetArrayLength() >= 8);
    }
}

[Collection("sqlite")]
public sealed class SpaceTests_Sqlite(SqliteApp app) : SpaceTests(app);

[Collection("postgres")]
public sealed class SpaceTests_Postgres(PostgresApp app) : SpaceTests(app);
