using Microsoft.AspNetCore.Http.HttpResults;
using TechZone.Platform.Localization;

namespace TechZone.SupportPolicies;

/// <summary>
/// Fulfillment API: stages, 免申即享 proposals, applications and their review, objections, tranches and the ledger.
/// The services check the finer duties (the lead department, each stage's department, an enterprise's own).
/// </summary>
static class FulfillmentEndpoints
{
    public static void MapFulfillmentEndpoints(this IEndpointRouteBuilder app)
    {
        var internalOnly = Platform.Identity.Policies.Internal;
        var api = app.MapGroup("/api/v1/policies").WithTags("Policy fulfillment");
        api.MapGet("/{id:int}/stages", Stages).RequireAuthorization(internalOnly);
        api.MapPut("/{id:int}/stages", SetStages).RequireAuthorization(internalOnly);
        api.MapPost("/{id:int}/awards/propose", Propose).RequireAuthorization(internalOnly);
        api.MapPost("/{id:int}/awards/confirm", Confirm).RequireAuthorization(internalOnly);
        api.MapPost("/{id:int}/awards/{awardId:int}/drop", Drop).RequireAuthorization(internalOnly);
        api.MapGet("/{id:int}/ledger", Ledger).RequireAuthorization(internalOnly);
        api.MapPost("/awards/{awardId:int}/tranches", AddTranche).RequireAuthorization(internalOnly);
        api.MapPost("/tranches/{trancheId:int}/pay", Pay).RequireAuthorization(internalOnly);
        api.MapGet("/awards/mine", MyAwards).RequireAuthorization(Platform.Identity.Policies.Portal);

        api.MapGet("/applications", Applications).RequireAuthorization(Platform.Identity.Policies.SignedIn);
        api.MapGet("/applications/{applicationId:int}", Application).RequireAuthorization(Platform.Identity.Policies.SignedIn);
        api.MapGet("/items/{itemId:int}/form", Form).RequireAuthorization(Platform.Identity.Policies.Portal);
        api.MapPost("/applications", Apply).RequireAuthorization(Platform.Identity.Policies.Portal);
        api.MapPut("/applications/{applicationId:int}", Resubmit).RequireAuthorization(Platform.Identity.Policies.Portal);
        api.MapPost("/applications/{applicationId:int}/review", Review).RequireAuthorization(internalOnly);
        api.MapPost("/objections/{objectionId:int}/resolve", Resolve).RequireAuthorization(internalOnly);

        // The public notice (公示): anyone reads it and may object, without signing in.
        var open = app.MapGroup("/api/v1/public/policy-notices").WithTags("Public notice");
        open.MapGet("/", Notices).AllowAnonymous();
        open.MapPost("/{applicationId:int}/objections", Object).AllowAnonymous().DisableAntiforgery();
    }

    static bool Chinese => ZoneCultures.IsChinese;

    static async Task<Results<Ok<IReadOnlyList<StageDetail>>, NotFound>> Stages(int id, ApplicationService service, CancellationToken ct) =>
        await service.StagesAsync(id, Chinese, ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();

    static async Task<Results<Ok<IReadOnlyList<StageDetail>>, NotFound>> SetStages(int id, StagesRequest request, ApplicationService service, CancellationToken ct) =>
        await service.SetStagesAsync(id, request, ct) && await service.StagesAsync(id, Chinese, ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();

    static async Task<Results<Ok<ProposalReport>, NotFound>> Propose(int id, AwardService service, CancellationToken ct) =>
        await service.ProposeAsync(id, ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();

    static async Task<Results<Ok<ConfirmReport>, NotFound>> Confirm(int id, ConfirmRequest request, AwardService service, CancellationToken ct) =>
        await service.ConfirmAsync(id, request, ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();

    static async Task<Results<NoContent, NotFound>> Drop(int id, int awardId, ReasonRequest request, AwardService service, CancellationToken ct) =>
        await service.DropAsync(id, awardId, request, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    static async Task<Results<Ok<PolicyLedger>, NotFound>> Ledger(int id, AwardService service, CancellationToken ct) =>
        await service.LedgerAsync(id, Chinese, ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();

    static async Task<Results<Created<int>, NotFound>> AddTranche(int awardId, TrancheRequest request, AwardService service, CancellationToken ct) =>
        await service.AddTrancheAsync(awardId, request, ct) is { } id ? TypedResults.Created($"/api/v1/policies/tranches/{id}", id) : TypedResults.NotFound();

    static async Task<Results<NoContent, NotFound>> Pay(int trancheId, PayRequest request, AwardService service, CancellationToken ct) =>
        await service.PayAsync(trancheId, request, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    static async Task<Ok<IReadOnlyList<AwardRow>>> MyAwards(AwardService service, CancellationToken ct) =>
        TypedResults.Ok(await service.MineAsync(Chinese, ct));

    static async Task<Ok<IReadOnlyList<ApplicationSummary>>> Applications(int? policyId, ApplicationState? state, bool? waitingForMe, ApplicationService service,
        CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(policyId, state, waitingForMe ?? false, Chinese, ct));

    static async Task<Results<Ok<ApplicationDetail>, NotFound>> Application(int applicationId, ApplicationService service, CancellationToken ct) =>
        await service.GetAsync(applicationId, Chinese, ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();

    static async Task<Results<Ok<ApplyForm>, NotFound>> Form(int itemId, ApplicationService service, CancellationToken ct) =>
        await service.FormAsync(itemId, Chinese, ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();

    static async Task<Created<ApplicationDetail>> Apply(ApplyRequest request, ApplicationService service, CancellationToken ct)
    {
        var id = await service.ApplyAsync(request, Chinese, ct);
        return TypedResults.Created($"/api/v1/policies/applications/{id}", (await service.GetAsync(id, Chinese, ct))!);
    }

    static async Task<Results<Ok<ApplicationDetail>, NotFound>> Resubmit(int applicationId, ResubmitRequest request, ApplicationService service, CancellationToken ct) =>
        await service.ResubmitAsync(applicationId, request, Chinese, ct) && await service.GetAsync(applicationId, Chinese, ct) is { } r
            ? TypedResults.Ok(r) : TypedResults.NotFound();

    static async Task<Results<Ok<ApplicationDetail>, NotFound>> Review(int applicationId, ReviewRequest request, ApplicationService service, CancellationToken ct) =>
        await service.ReviewAsync(applicationId, request, ct) && await service.GetAsync(applicationId, Chinese, ct) is { } r
            ? TypedResults.Ok(r) : TypedResults.NotFound();

    static async Task<Results<NoContent, NotFound>> Resolve(int objectionId, ReasonRequest request, ApplicationService service, CancellationToken ct) =>
        await service.ResolveObjectionAsync(objectionId, request, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    static async Task<Ok<IReadOnlyList<NoticeRow>>> Notices(ApplicationService service, CancellationToken ct) =>
        TypedResults.Ok(await service.NoticesAsync(Chinese, ct));

    static async Task<Results<Created<int>, NotFound>> Object(int applicationId, ObjectionRequest request, ApplicationService service, HttpContext http,
        CancellationToken ct) =>
        await service.ObjectAsync(applicationId, request, Source(http), ct) is { } id ? TypedResults.Created($"/notices#{applicationId}", id) : TypedResults.NotFound();

    /// <summary>The sender for the rate limit: the client address (behind the proxy, the forwarded one the app trusts).</summary>
    internal static string Source(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
