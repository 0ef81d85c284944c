using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TechZone.Platform.Identity;
using TechZone.Platform.Localization;
using TechZone.Platform.Map;

namespace TechZone.Space;

static class SpaceEndpoints
{
    public static void MapSpaceEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/space").WithTags("Space");
        api.MapGet("/rates", Rates).RequireAuthorization(SpacePolicies.Read);

        api.MapGet("/buildings", Buildings).RequireAuthorization(SpacePolicies.Read);
        api.MapGet("/buildings/{id:int}", Building).RequireAuthorization(SpacePolicies.Read);
        api.MapPost("/buildings", CreateBuilding).RequireAuthorization(SpacePolicies.Write);
        api.MapPut("/buildings/{id:int}", UpdateBuilding).RequireAuthorization(SpacePolicies.Write);
        api.MapPost("/buildings/{id:int}/floors", AddFloor).RequireAuthorization(SpacePolicies.Write);
        api.MapGet("/buildings/{id:int}/units", Units).RequireAuthorization(SpacePolicies.Read);
        api.MapPost("/buildings/{id:int}/units", AddUnit).RequireAuthorization(SpacePolicies.Write);
        api.MapPut("/units/{id:int}", UpdateUnit).RequireAuthorization(SpacePolicies.Write);

        // Enterprise users reach these too and see only their own leases and requests.
        api.MapGet("/leases", Leases).RequireAuthorization(SpacePolicies.ReadOrOwn);
        api.MapGet("/leases/{id:int}", Lease).RequireAuthorization(SpacePolicies.ReadOrOwn);
        api.MapPost("/leases", CreateLease).RequireAuthorization(SpacePolicies.Write);
        api.MapPost("/leases/{id:int}/end", EndLease).RequireAuthorization(SpacePolicies.Write);

        api.MapGet("/surveys", Campaigns).RequireAuthorization(SpacePolicies.Read);
        api.MapGet("/surveys/{id:int}", Campaign).RequireAuthorization(SpacePolicies.Read);
        api.MapPost("/surveys", CreateCampaign).RequireAuthorization(SpacePolicies.Write);
        // A building's manager (an enterprise's portal users) reports the buildings it manages; the service checks which.
        api.MapGet("/my/surveys", ManagedSurveys).RequireAuthorization(Policies.Portal);
        api.MapGet("/surveys/{id:int}/buildings/{buildingId:int}/units", SurveyUnits).RequireAuthorization(SpacePolicies.ReadOrOwn);
        api.MapPost("/surveys/{id:int}/records", Record).RequireAuthorization(SpacePolicies.ReadOrOwn);
        api.MapPost("/surveys/{id:int}/complete", Complete).RequireAuthorization(SpacePolicies.Write);
        api.MapGet("/subletting", Subletting).RequireAuthorization(SpacePolicies.Read);

        api.MapGet("/requests", Requests).RequireAuthorization(SpacePolicies.ReadOrOwn);
        api.MapGet("/requests/{id:int}", Request).RequireAuthorization(SpacePolicies.ReadOrOwn);
        api.MapPost("/requests", CreateRequest).RequireAuthorization(SpacePolicies.ReadOrOwn);
        api.MapGet("/requests/{id:int}/matches", Matches).RequireAuthorization(SpacePolicies.Read);
        api.MapPost("/requests/{id:int}/offers", Offer).RequireAuthorization(SpacePolicies.Write);
        api.MapPost("/requests/{id:int}/offers/{offerId:int}/outcome", Outcome).RequireAuthorization(SpacePolicies.Write);
        api.MapPost("/requests/{id:int}/close", CloseRequest).RequireAuthorization(SpacePolicies.Write);

        api.MapGet("/parcels", Parcels).RequireAuthorization(SpacePolicies.Read);
        api.MapGet("/parcels/{id:int}", Parcel).RequireAuthorization(SpacePolicies.Read);
        api.MapPost("/parcels", CreateParcel).RequireAuthorization(SpacePolicies.Write);
        api.MapPut("/parcels/{id:int}", UpdateParcel).RequireAuthorization(SpacePolicies.Write);
        api.MapGet("/thresholds", Thresholds).RequireAuthorization(SpacePolicies.Read);
        api.MapPut("/thresholds", SetThresholds).RequireAuthorization(SpacePolicies.Write);
        api.MapGet("/cases", Cases).RequireAuthorization(SpacePolicies.Read);
        api.MapGet("/cases/{id:int}", Case).RequireAuthorization(SpacePolicies.Read);
        api.MapPost("/parcels/{id:int}/cases", OpenCase).RequireAuthorization(SpacePolicies.Write);
        api.MapPost("/cases/{id:int}/steps/{stepId:int}/done", StepDone).RequireAuthorization(SpacePolicies.Write);
        api.MapPost("/cases/{id:int}/close", CloseCase).RequireAuthorization(SpacePolicies.Write);

        api.MapPost("/import", Import).RequireAuthorization(SpacePolicies.Write).WithMetadata(new RequestSizeLimitAttribute(20 * 1024 * 1024));

        api.MapGet("/map/parks", MapParks).RequireAuthorization(SpacePolicies.Read);
        api.MapGet("/map/parcels", MapParcels).RequireAuthorization(SpacePolicies.Read);
        api.MapGet("/map/buildings", MapBuildings).RequireAuthorization(SpacePolicies.Read);
    }

    static bool Zh => ZoneCultures.IsChinese;

    static async Task<Ok<ZoneRates>> Rates(SpaceService s, CancellationToken ct) => TypedResults.Ok(await s.ZoneRatesAsync(Zh, ct));

    static async Task<Ok<IReadOnlyList<BuildingSummary>>> Buildings([AsParameters] BuildingQuery q, SpaceService s, CancellationToken ct) =>
        TypedResults.Ok(await s.ListBuildingsAsync(q, Zh, ct));

    static async Task<Results<Ok<BuildingDetail>, NotFound>> Building(int id, SpaceService s, CancellationToken ct) =>
        await s.GetBuildingAsync(id, Zh, ct) is { } b ? TypedResults.Ok(b) : TypedResults.NotFound();

    static async Task<Created<BuildingDetail>> CreateBuilding(BuildingRequest r, SpaceService s, CancellationToken ct)
    {
        var id = await s.CreateBuildingAsync(r, ct);
        return TypedResults.Created($"/api/v1/space/buildings/{id}", (await s.GetBuildingAsync(id, Zh, ct))!);
    }

    static async Task<Results<Ok<BuildingDetail>, NotFound>> UpdateBuilding(int id, BuildingRequest r, SpaceService s, CancellationToken ct) =>
        await s.UpdateBuildingAsync(id, r, ct) ? TypedResults.Ok((await s.GetBuildingAsync(id, Zh, ct))!) : TypedResults.NotFound();

    static async Task<Results<Ok<BuildingDetail>, NotFound>> AddFloor(int id, FloorRequest r, SpaceService s, CancellationToken ct) =>
        await s.AddFloorAsync(id, r, ct) is not null ? TypedResults.Ok((await s.GetBuildingAsync(id, Zh, ct))!) : TypedResults.NotFound();

    static async Task<Ok<IReadOnlyList<UnitItem>>> Units(int id, SpaceService s, CancellationToken ct) => TypedResults.Ok(await s.UnitsAsync(id, ct));

    static async Task<Results<Created<UnitItem>, NotFound>> AddUnit(int id, UnitRequest r, SpaceService s, CancellationToken ct) =>
        await s.AddUnitAsync(id, r, ct) is { } unitId
            ? TypedResults.Created($"/api/v1/space/units/{unitId}", (await s.UnitsAsync(id, ct)).Single(u => u.Id == unitId))
            : TypedResults.NotFound();

    static async Task<Results<NoContent, NotFound>> UpdateUnit(int id, UnitRequest r, SpaceService s, CancellationToken ct) =>
        await s.UpdateUnitAsync(id, r, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    static async Task<Ok<IReadOnlyList<LeaseItem>>> Leases([AsParameters] LeaseQuery q, SpaceService s, CancellationToken ct) =>
        TypedResults.Ok(await s.ListLeasesAsync(q, ct));

    static async Task<Results<Ok<LeaseItem>, NotFound>> Lease(int id, SpaceService s, CancellationToken ct) =>
        await s.GetLeaseAsync(id, ct) is { } l ? TypedResults.Ok(l) : TypedResults.NotFound();

    static async Task<Created<LeaseItem>> CreateLease(LeaseRequest r, SpaceService s, CancellationToken ct)
    {
        var id = await s.CreateLeaseAsync(r, ct);
        return TypedResults.Created($"/api/v1/space/leases/{id}", (await s.GetLeaseAsync(id, ct))!);
    }

    static async Task<Results<Ok<LeaseItem>, NotFound>> EndLease(int id, LeaseEndRequest r, SpaceService s, CancellationToken ct) =>
        await s.EndLeaseAsync(id, r, ct) ? TypedResults.Ok((await s.GetLeaseAsync(id, ct))!) : TypedResults.NotFound();

    static async Task<Ok<IReadOnlyList<CampaignSummary>>> Campaigns(SurveyService s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(ct));

    static async Task<Results<Ok<CampaignDetail>, NotFound>> Campaign(int id, SurveyService s, CancellationToken ct) =>
        await s.GetAsync(id, Zh, ct) is { } c ? TypedResults.Ok(c) : TypedResults.NotFound();

    static async Task<Created<CampaignDetail>> CreateCampaign(CampaignRequest r, SurveyService s, CancellationToken ct)
    {
        var id = await s.CreateAsync(r, ct);
        return TypedResults.Created($"/api/v1/space/surveys/{id}", (await s.GetAsync(id, Zh, ct))!);
    }

    static async Task<Ok<IReadOnlyList<ManagedSurvey>>> ManagedSurveys(SurveyService s, CancellationToken ct) => TypedResults.Ok(await s.ManagedAsync(ct));

    static async Task<Results<Ok<IReadOnlyList<SurveyUnitRow>>, NotFound>> SurveyUnits(int id, int buildingId, SurveyService s, CancellationToken ct) =>
        await s.UnitsAsync(id, buildingId, ct) is { } rows ? TypedResults.Ok(rows) : TypedResults.NotFound();

    static async Task<Results<Ok<SurveyUnitRow>, NotFound>> Record(int id, SurveyRecordRequest r, SurveyService s, CancellationToken ct) =>
        await s.RecordAsync(id, r, ct) is { } row ? TypedResults.Ok(row) : TypedResults.NotFound();

    static async Task<Results<Ok<CampaignDetail>, NotFound>> Complete(int id, SurveyService s, CancellationToken ct) =>
        await s.CompleteAsync(id, ct) ? TypedResults.Ok((await s.GetAsync(id, Zh, ct))!) : TypedResults.NotFound();

    static async Task<Ok<IReadOnlyList<SubletItem>>> Subletting(SurveyService s, CancellationToken ct) => TypedResults.Ok(await s.SublettingAsync(ct));

    static async Task<Ok<IReadOnlyList<SpaceRequestItem>>> Requests([AsParameters] SpaceRequestQuery q, SpaceRequestService s, CancellationToken ct) =>
        TypedResults.Ok(await s.ListAsync(q, Zh, ct));

    static async Task<Results<Ok<SpaceRequestItem>, NotFound>> Request(int id, SpaceRequestService s, CancellationToken ct) =>
        await s.GetAsync(id, Zh, ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();

    static async Task<Created<SpaceRequestItem>> CreateRequest(SpaceRequestRequest r, SpaceRequestService s, CancellationToken ct)
    {
        var id = await s.CreateAsync(r, ct);
        return TypedResults.Created($"/api/v1/space/requests/{id}", (await s.GetAsync(id, Zh, ct))!);
    }

    static async Task<Results<Ok<MatchResult>, NotFound>> Matches(int id, SpaceRequestService s, CancellationToken ct) =>
        await s.MatchAsync(id, Zh, ct) is { } m ? TypedResults.Ok(m) : TypedResults.NotFound();

    static async Task<Results<Ok<SpaceRequestItem>, NotFound>> Offer(int id, OfferRequest r, SpaceRequestService s, CancellationToken ct) =>
        await s.OfferAsync(id, r, ct) ? TypedResults.Ok((await s.GetAsync(id, Zh, ct))!) : TypedResults.NotFound();

    static async Task<Results<Ok<SpaceRequestItem>, NotFound>> Outcome(int id, int offerId, OfferOutcomeRequest r, SpaceRequestService s, CancellationToken ct) =>
        await s.OutcomeAsync(id, offerId, r, ct) ? TypedResults.Ok((await s.GetAsync(id, Zh, ct))!) : TypedResults.NotFound();

    static async Task<Results<Ok<SpaceRequestItem>, NotFound>> CloseRequest(int id, SpaceRequestService s, CancellationToken ct) =>
        await s.CloseAsync(id, ct) ? TypedResults.Ok((await s.GetAsync(id, Zh, ct))!) : TypedResults.NotFound();

    static async Task<Ok<IReadOnlyList<ParcelItem>>> Parcels([AsParameters] ParcelQuery q, LandService s, CancellationToken ct) =>
        TypedResults.Ok(await s.ListAsync(q, Zh, ct));

    static async Task<Results<Ok<ParcelDetail>, NotFound>> Parcel(int id, LandService s, CancellationToken ct) =>
        await s.GetAsync(id, Zh, ct) is { } p ? TypedResults.Ok(p) : TypedResults.NotFound();

    static async Task<Created<ParcelDetail>> CreateParcel(ParcelRequest r, LandService s, CancellationToken ct)
    {
        var id = await s.CreateAsync(r, ct);
        return TypedResults.Created($"/api/v1/space/parcels/{id}", (await s.GetAsync(id, Zh, ct))!);
    }

    static async Task<Results<Ok<ParcelDetail>, NotFound>> UpdateParcel(int id, ParcelRequest r, LandService s, CancellationToken ct) =>
        await s.UpdateAsync(id, r, ct) ? TypedResults.Ok((await s.GetAsync(id, Zh, ct))!) : TypedResults.NotFound();

    static async Task<Ok<ThresholdsItem>> Thresholds(LandService s, CancellationToken ct) => TypedResults.Ok(await s.GetThresholdsAsync(ct));

    static async Task<Ok<ThresholdsItem>> SetThresholds(ThresholdsRequest r, LandService s, CancellationToken ct) => TypedResults.Ok(await s.SetThresholdsAsync(r, ct));

    static async Task<Ok<IReadOnlyList<CaseItem>>> Cases(bool? open, LandService s, CancellationToken ct) => TypedResults.Ok(await s.ListCasesAsync(open == true, ct));

    static async Task<Results<Ok<CaseItem>, NotFound>> Case(int id, LandService s, CancellationToken ct) =>
        await s.GetCaseAsync(id, ct) is { } c ? TypedResults.Ok(c) : TypedResults.NotFound();

    static async Task<Results<Created<CaseItem>, NotFound>> OpenCase(int id, CaseRequest r, LandService s, CancellationToken ct) =>
        await s.OpenCaseAsync(id, r, ct) is { } caseId
            ? TypedResults.Created($"/api/v1/space/cases/{caseId}", (await s.GetCaseAsync(caseId, ct))!)
            : TypedResults.NotFound();

    static async Task<Results<Ok<CaseItem>, NotFound>> StepDone(int id, int stepId, StepDoneRequest r, LandService s, CancellationToken ct) =>
        await s.CompleteStepAsync(id, stepId, r, ct) ? TypedResults.Ok((await s.GetCaseAsync(id, ct))!) : TypedResults.NotFound();

    static async Task<Results<Ok<CaseItem>, NotFound>> CloseCase(int id, CaseCloseRequest r, LandService s, CancellationToken ct) =>
        await s.CloseCaseAsync(id, r, ct) ? TypedResults.Ok((await s.GetCaseAsync(id, ct))!) : TypedResults.NotFound();

    static async Task<Ok<GeoImportReport>> Import(GeoImportRequest r, GeoImportService s, CancellationToken ct) => TypedResults.Ok(await s.ImportAsync(r, ct));

    static ValidationProblem BadBbox() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["bbox"] = [Resources.SpaceStrings.Error_Bbox] });

    static async Task<Results<ContentHttpResult, ValidationProblem>> MapParks(string? bbox, int? zoom, SpaceMapService s, CancellationToken ct) =>
        MapBounds.TryParse(bbox, out var v) ? TypedResults.Text(await s.ParksAsync(v, zoom ?? 12, Zh, ct), "application/geo+json") : BadBbox();

    static async Task<Results<ContentHttpResult, ValidationProblem>> MapParcels(string? bbox, int? zoom, string? layer, SpaceMapService s, CancellationToken ct) =>
        MapBounds.TryParse(bbox, out var v) ? TypedResults.Text(await s.ParcelsAsync(v, zoom ?? 12, layer == "efficiency", Zh, ct), "application/geo+json") : BadBbox();

    static async Task<Results<ContentHttpResult, ValidationProblem>> MapBuildings(string? bbox, int? zoom, SpaceMapService s, CancellationToken ct) =>
        MapBounds.TryParse(bbox, out var v) ? TypedResults.Text(await s.BuildingsAsync(v, zoom ?? 12, ct), "application/geo+json") : BadBbox();
}
