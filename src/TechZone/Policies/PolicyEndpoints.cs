using Microsoft.AspNetCore.Http.HttpResults;
using TechZone.Platform.Api;
using TechZone.Platform.Localization;

namespace TechZone.SupportPolicies;

static class PolicyEndpoints
{
    public static void MapPolicyEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/policies").WithTags("Policies");
        // The catalog is public information: staff with a grant and enterprises read it (enterprises the published versions).
        api.MapGet("/", List).RequireAuthorization(PolicyPolicies.ReadOrOwn);
        api.MapGet("/{id:int}", Get).RequireAuthorization(PolicyPolicies.ReadOrOwn);
        api.MapPost("/", Create).RequireAuthorization(PolicyPolicies.Write);
        api.MapPut("/{id:int}", Update).RequireAuthorization(PolicyPolicies.Write);
        api.MapPost("/{id:int}/versions", NewVersion).RequireAuthorization(PolicyPolicies.Write);
        api.MapPut("/{id:int}/versions/{versionId:int}", UpdateVersion).RequireAuthorization(PolicyPolicies.Write);
        api.MapPost("/{id:int}/versions/{versionId:int}/items", AddItem).RequireAuthorization(PolicyPolicies.Write);
        api.MapPut("/{id:int}/versions/{versionId:int}/items/{itemId:int}", UpdateItem).RequireAuthorization(PolicyPolicies.Write);
        api.MapDelete("/{id:int}/versions/{versionId:int}/items/{itemId:int}", DeleteItem).RequireAuthorization(PolicyPolicies.Write);
        api.MapPost("/{id:int}/versions/{versionId:int}/publish", Publish).RequireAuthorization(PolicyPolicies.Write);

        api.MapGet("/standings", Standings).RequireAuthorization(PolicyPolicies.Read);
        api.MapGet("/items/{itemId:int}/verdicts", Verdicts).RequireAuthorization(PolicyPolicies.Read);
        api.MapGet("/items/{itemId:int}/verdicts/export", Export).RequireAuthorization(PolicyPolicies.Read);
        api.MapPost("/evaluate", Evaluate).RequireAuthorization(PolicyPolicies.Write);

        // An enterprise user: its own only (another enterprise's answers 404).
        api.MapGet("/calculator", Calculator).RequireAuthorization(PolicyPolicies.ReadOrOwn);
        api.MapGet("/enterprises/{enterpriseId:int}/verdicts", OfEnterprise).RequireAuthorization(PolicyPolicies.ReadOrOwn);
    }

    static bool Chinese => ZoneCultures.IsChinese;

    static async Task<Ok<IReadOnlyList<PolicySummary>>> List(PolicyService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(Chinese, ct));

    static async Task<Results<Ok<PolicyDetail>, NotFound>> Get(int id, PolicyService service, CancellationToken ct) =>
        await service.GetAsync(id, Chinese, ct) is { } p ? TypedResults.Ok(p) : TypedResults.NotFound();

    static async Task<Created<PolicyDetail>> Create(PolicyRequest request, PolicyService service, CancellationToken ct)
    {
        var id = await service.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/policies/{id}", (await service.GetAsync(id, Chinese, ct))!);
    }

    static async Task<Results<Ok<PolicyDetail>, NotFound>> Update(int id, PolicyRequest request, PolicyService service, CancellationToken ct) =>
        await service.UpdateAsync(id, request, ct) && await service.GetAsync(id, Chinese, ct) is { } p ? TypedResults.Ok(p) : TypedResults.NotFound();

    static async Task<Results<Ok<PolicyDetail>, NotFound>> NewVersion(int id, PolicyService service, CancellationToken ct) =>
        await service.NewVersionAsync(id, ct) is not null && await service.GetAsync(id, Chinese, ct) is { } p ? TypedResults.Ok(p) : TypedResults.NotFound();

    static async Task<Results<Ok<PolicyDetail>, NotFound>> UpdateVersion(int id, int versionId, VersionRequest request, PolicyService service, CancellationToken ct) =>
        await service.UpdateVersionAsync(id, versionId, request, ct) && await service.GetAsync(id, Chinese, ct) is { } p ? TypedResults.Ok(p) : TypedResults.NotFound();

    static async Task<Results<Ok<PolicyDetail>, NotFound>> AddItem(int id, int versionId, ItemRequest request, PolicyService service, CancellationToken ct) =>
        await service.SaveItemAsync(id, versionId, null, request, ct) != 0 && await service.GetAsync(id, Chinese, ct) is { } p ? TypedResults.Ok(p) : TypedResults.NotFound();

    static async Task<Results<Ok<PolicyDetail>, NotFound>> UpdateItem(int id, int versionId, int itemId, ItemRequest request, PolicyService service, CancellationToken ct) =>
        await service.SaveItemAsync(id, versionId, itemId, request, ct) != 0 && await service.GetAsync(id, Chinese, ct) is { } p ? TypedResults.Ok(p) : TypedResults.NotFound();

    static async Task<Results<NoContent, NotFound>> DeleteItem(int id, int versionId, int itemId, PolicyService service, CancellationToken ct) =>
        await service.DeleteItemAsync(id, versionId, itemId, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    static async Task<Results<Ok<EvaluationReport>, NotFound>> Publish(int id, int versionId, long? version, PolicyService service, CancellationToken ct) =>
        await service.PublishAsync(id, versionId, version, ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();

    static async Task<Ok<IReadOnlyList<ItemStanding>>> Standings(PolicyEngineService engine, int? policyId, CancellationToken ct) =>
        TypedResults.Ok(await engine.StandingsAsync(Chinese, policyId, ct));

    static async Task<Results<Ok<PagedResult<VerdictRow>>, NotFound>> Verdicts(int itemId, [AsParameters] VerdictQuery query, PolicyEngineService engine, CancellationToken ct) =>
        await engine.VerdictsAsync(itemId, query, ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();

    static async Task<Results<FileContentHttpResult, NotFound>> Export(int itemId, Verdict? verdict, PolicyEngineService engine, CancellationToken ct)
    {
        // Buffered: the workbook is a zip, which needs synchronous writes that Kestrel refuses on the response body.
        using var buffer = new MemoryStream();
        if (await engine.ExportAsync(itemId, verdict, buffer, ct) is null) return TypedResults.NotFound();
        return TypedResults.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"policy-item-{itemId}-{DateTime.UtcNow:yyyyMMdd}.xlsx");
    }

    static async Task<Ok<EvaluationReport>> Evaluate(PolicyEngineService engine, CancellationToken ct) =>
        TypedResults.Ok(await engine.EvaluateAllAsync(ct));

    static async Task<Results<Ok<CalculatorResult>, NotFound>> Calculator(int? enterpriseId, int? fiscalYear, PolicyEngineService engine, CancellationToken ct) =>
        await engine.CalculatorAsync(enterpriseId, fiscalYear, Chinese, ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();

    static async Task<Results<Ok<IReadOnlyList<VerdictRow>>, NotFound>> OfEnterprise(int enterpriseId, PolicyEngineService engine, CancellationToken ct) =>
        await engine.OfEnterpriseAsync(enterpriseId, ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();
}
