using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using TechZone.Platform.Identity;
using TechZone.Platform.Localization;

namespace TechZone.Demands;

static class VisitEndpoints
{
    public static void MapVisitEndpoints(this IEndpointRouteBuilder app)
    {
        // Visits are internal: enterprise users are refused by policy (403) on every one of these.
        var api = app.MapGroup("/api/v1/visits").WithTags("Visits");
        api.MapGet("/", List).RequireAuthorization(DemandPolicies.Read);
        api.MapGet("/{id:int}", Get).RequireAuthorization(DemandPolicies.Read);
        api.MapGet("/summary", Summary).RequireAuthorization(DemandPolicies.Read);
        api.MapGet("/departments", Departments).RequireAuthorization(DemandPolicies.Read);
        api.MapPost("/check", Check).RequireAuthorization(DemandPolicies.Write);
        api.MapPost("/", Plan).RequireAuthorization(DemandPolicies.Write);
        api.MapPost("/{id:int}/record", Record).RequireAuthorization(DemandPolicies.Write);
        api.MapPost("/{id:int}/cancel", Cancel).RequireAuthorization(DemandPolicies.Write);
        api.MapGet("/settings", Settings).RequireAuthorization(DemandPolicies.Read);
        api.MapPut("/settings", UpdateSettings).RequireAuthorization(Policies.Admin);
    }

    static async Task<Ok<IReadOnlyList<VisitSummary>>> List([AsParameters] VisitQuery query, VisitService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(query, ZoneCultures.IsChinese, ct));

    static async Task<Results<Ok<VisitDetail>, NotFound>> Get(int id, VisitService service, CancellationToken ct) =>
        await service.GetAsync(id, ZoneCultures.IsChinese, ct) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound();

    static async Task<Ok<VisitWeekSummary>> Summary(VisitService service, CancellationToken ct) =>
        TypedResults.Ok(await service.WeekSummaryAsync(ct));

    static async Task<Ok<IReadOnlyList<VisitDepartmentItem>>> Departments(VisitService service, CancellationToken ct) =>
        TypedResults.Ok(await service.DepartmentsAsync(ZoneCultures.IsChinese, ct));

    static async Task<Ok<VisitCheckResult>> Check(VisitCheckRequest request, VisitService service, CancellationToken ct) =>
        TypedResults.Ok(await service.CheckAsync(request, ct));

    /// <summary>Plans a visit; with unacknowledged warnings, 409 whose <c>warnings</c> lists them in the caller's language.</summary>
    static async Task<Results<Created<VisitDetail>, ProblemHttpResult>> Plan(VisitPlanRequest request, VisitService service, CancellationToken ct)
    {
        try
        {
            var id = await service.PlanAsync(request, ct);
            return TypedResults.Created($"/api/v1/visits/{id}", (await service.GetAsync(id, ZoneCultures.IsChinese, ct))!);
        }
        catch (VisitWarningsException e)
        {
            return TypedResults.Problem(detail: e.LocalizedMessage(CultureInfo.CurrentUICulture), statusCode: StatusCodes.Status409Conflict,
                type: "https://techzone.example/problems/" + e.Code,
                extensions: new Dictionary<string, object?> { ["code"] = e.Code, ["warnings"] = e.Warnings });
        }
    }

    static async Task<Results<Ok<VisitDetail>, NotFound>> Record(int id, VisitRecordRequest request, VisitService service, CancellationToken ct) =>
        await service.RecordAsync(id, request, ct) ? TypedResults.Ok((await service.GetAsync(id, ZoneCultures.IsChinese, ct))!) : TypedResults.NotFound();

    static async Task<Results<Ok<VisitDetail>, NotFound>> Cancel(int id, VisitCancelRequest request, VisitService service, CancellationToken ct) =>
        await service.CancelAsync(id, request, ct) ? TypedResults.Ok((await service.GetAsync(id, ZoneCultures.IsChinese, ct))!) : TypedResults.NotFound();

    static async Task<Ok<VisitSettingsItem>> Settings(VisitService service, CancellationToken ct) =>
        TypedResults.Ok(await service.SettingsAsync(ct));

    static async Task<Ok<VisitSettingsItem>> UpdateSettings(VisitSettingsRequest request, VisitService service, CancellationToken ct) =>
        TypedResults.Ok(await service.UpdateSettingsAsync(request, ct));
}
