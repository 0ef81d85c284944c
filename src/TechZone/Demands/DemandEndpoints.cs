using Microsoft.AspNetCore.Http.HttpResults;
using TechZone.Platform.Api;
using TechZone.Platform.Identity;
using TechZone.Platform.Localization;

namespace TechZone.Demands;

static class DemandEndpoints
{
    public static void MapDemandEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/demands").WithTags("Demands");
        // Staff with a grant see all; an enterprise user its own enterprise's (another's answers 404).
        api.MapGet("/", Search).RequireAuthorization(DemandPolicies.ReadOrOwn);
        api.MapGet("/{id:int}", Get).RequireAuthorization(DemandPolicies.ReadOrOwn);
        api.MapPost("/", Raise).RequireAuthorization(DemandPolicies.ReadOrOwn);
        api.MapPost("/similar", Similar).RequireAuthorization(DemandPolicies.ReadOrOwn);
        api.MapPost("/{id:int}/rate", Rate).RequireAuthorization(Policies.Portal);
        api.MapPost("/{id:int}/reopen", Reopen).RequireAuthorization(DemandPolicies.ReadOrOwn);

        api.MapPost("/{id:int}/assign", Assign).RequireAuthorization(DemandPolicies.Write);
        api.MapPost("/{id:int}/split", Split).RequireAuthorization(DemandPolicies.Write);
        api.MapPost("/{id:int}/reject", Reject).RequireAuthorization(DemandPolicies.Write);
        api.MapPost("/{id:int}/close", Close).RequireAuthorization(DemandPolicies.Write);
        api.MapPost("/{id:int}/not-duplicate", ClearDuplicate).RequireAuthorization(DemandPolicies.Write);
        api.MapPost("/{id:int}/parts/{partId:int}/start", Start).RequireAuthorization(DemandPolicies.Write);
        api.MapPost("/{id:int}/parts/{partId:int}/answer", Answer).RequireAuthorization(DemandPolicies.Write);
        api.MapPost("/{id:int}/parts/{partId:int}/reassign", Reassign).RequireAuthorization(DemandPolicies.Write);

        api.MapGet("/board", Board).RequireAuthorization(DemandPolicies.Read);
        api.MapGet("/statistics", Statistics).RequireAuthorization(DemandPolicies.Read);
        api.MapGet("/statistics/export", ExportStatistics).RequireAuthorization(DemandPolicies.Read);

        api.MapGet("/categories", Categories).RequireAuthorization(Policies.SignedIn);
        api.MapPost("/categories", CreateCategory).RequireAuthorization(Policies.Admin);
        api.MapPut("/categories/{id:int}", UpdateCategory).RequireAuthorization(Policies.Admin);
        api.MapGet("/routes", Routes).RequireAuthorization(DemandPolicies.Read);
        api.MapPut("/routes", SetRoute).RequireAuthorization(Policies.Admin);
        api.MapDelete("/routes/{id:int}", DeleteRoute).RequireAuthorization(Policies.Admin);
        api.MapGet("/slas", Slas).RequireAuthorization(DemandPolicies.Read);
        api.MapPut("/slas", SetSla).RequireAuthorization(Policies.Admin);
        api.MapDelete("/slas/{id:int}", DeleteSla).RequireAuthorization(Policies.Admin);
        api.MapGet("/templates", Templates).RequireAuthorization(DemandPolicies.Write);
        api.MapPost("/templates", CreateTemplate).RequireAuthorization(DemandPolicies.Write);
        api.MapPut("/templates/{id:int}", UpdateTemplate).RequireAuthorization(DemandPolicies.Write);
        api.MapDelete("/templates/{id:int}", DeleteTemplate).RequireAuthorization(DemandPolicies.Write);
    }

    static bool Chinese => ZoneCultures.IsChinese;

    static async Task<Ok<PagedResult<DemandSummary>>> Search([AsParameters] DemandQuery query, DemandService service, CancellationToken ct) =>
        TypedResults.Ok(await service.SearchAsync(query, Chinese, ct));

    static async Task<Results<Ok<DemandDetail>, NotFound>> Get(int id, DemandService service, CancellationToken ct) =>
        await service.GetAsync(id, Chinese, ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();

    static async Task<Created<DemandDetail>> Raise(RaiseDemandRequest request, DemandService service, CancellationToken ct)
    {
        var id = await service.RaiseAsync(request, ct);
        return TypedResults.Created($"/api/v1/demands/{id}", (await service.GetAsync(id, Chinese, ct))!);
    }

    /// <summary>Open demands like a draft, to show before it is raised (an enterprise sees its own only).</summary>
    static async Task<Ok<IReadOnlyList<DemandRef>>> Similar(RaiseDemandRequest request, DemandService service, CancellationToken ct) =>
        TypedResults.Ok(await service.SimilarDraftAsync(request, ct));

    static Task<Results<Ok<DemandDetail>, NotFound>> Rate(int id, RateRequest request, DemandService service, CancellationToken ct) =>
        Then(id, service.RateAsync(id, request, ct), service, ct);

    static Task<Results<Ok<DemandDetail>, NotFound>> Reopen(int id, ReasonRequest request, DemandService service, CancellationToken ct) =>
        Then(id, service.ReopenAsync(id, request, ct), service, ct);

    static Task<Results<Ok<DemandDetail>, NotFound>> Assign(int id, AssignRequest request, DemandService service, CancellationToken ct) =>
        Then(id, service.AssignAsync(id, request, ct), service, ct);

    static Task<Results<Ok<DemandDetail>, NotFound>> Split(int id, SplitRequest request, DemandService service, CancellationToken ct) =>
        Then(id, service.SplitAsync(id, request, ct), service, ct);

    static Task<Results<Ok<DemandDetail>, NotFound>> Reject(int id, ReasonRequest request, DemandService service, CancellationToken ct) =>
        Then(id, service.RejectAsync(id, request, ct), service, ct);

    static Task<Results<Ok<DemandDetail>, NotFound>> Close(int id, ReasonRequest request, DemandService service, CancellationToken ct) =>
        Then(id, service.CloseAsync(id, request, ct), service, ct);

    static Task<Results<Ok<DemandDetail>, NotFound>> ClearDuplicate(int id, DemandService service, CancellationToken ct) =>
        Then(id, service.ClearDuplicateAsync(id, ct), service, ct);

    static Task<Results<Ok<DemandDetail>, NotFound>> Start(int id, int partId, ReasonRequest request, DemandService service, CancellationToken ct) =>
        Then(id, service.StartAsync(id, partId, request.Version, ct), service, ct);

    static Task<Results<Ok<DemandDetail>, NotFound>> Answer(int id, int partId, AnswerRequest request, DemandService service, CancellationToken ct) =>
        Then(id, service.AnswerAsync(id, partId, request, ct), service, ct);

    static Task<Results<Ok<DemandDetail>, NotFound>> Reassign(int id, int partId, AssignRequest request, DemandService service, CancellationToken ct) =>
        Then(id, service.ReassignAsync(id, partId, request, ct), service, ct);

    /// <summary>Every action answers with the demand as it now is, or 404 when it is not the caller's to see.</summary>
    static async Task<Results<Ok<DemandDetail>, NotFound>> Then(int id, Task<bool> action, DemandService service, CancellationToken ct) =>
        await action && await service.GetAsync(id, Chinese, ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();

    static async Task<Ok<SupervisionBoard>> Board(SupervisionService service, CancellationToken ct) =>
        TypedResults.Ok(await service.BoardAsync(Chinese, ct));

    static async Task<Ok<DemandStatistics>> Statistics([AsParameters] DemandStatsQuery query, DemandStatisticsService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ComputeAsync(query, Chinese, ct));

    static async Task<FileContentHttpResult> ExportStatistics([AsParameters] DemandStatsQuery query, DemandStatisticsService service, CancellationToken ct)
    {
        // Buffered: the workbook is a zip, which needs synchronous writes that Kestrel refuses on the response body.
        using var buffer = new MemoryStream();
        await service.ExportAsync(query, Chinese, buffer, ct);
        var name = $"{Resources.DemandStrings.Stats_Title}-{DateTime.UtcNow:yyyyMMdd}.xlsx";
        return TypedResults.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    static async Task<Ok<IReadOnlyList<DemandCategoryItem>>> Categories(DemandSetupService service, bool? activeOnly, CancellationToken ct) =>
        TypedResults.Ok(await service.CategoryListAsync(Chinese, activeOnly ?? false, ct));

    static async Task<Created<DemandCategoryItem>> CreateCategory(DemandCategoryRequest request, DemandSetupService service, CancellationToken ct)
    {
        var id = await service.CreateCategoryAsync(request, ct);
        return TypedResults.Created($"/api/v1/demands/categories/{id}", (await service.CategoryListAsync(Chinese, false, ct)).Single(c => c.Id == id));
    }

    static async Task<Results<Ok<DemandCategoryItem>, NotFound>> UpdateCategory(int id, DemandCategoryRequest request, DemandSetupService service, CancellationToken ct) =>
        await service.UpdateCategoryAsync(id, request, ct)
            ? TypedResults.Ok((await service.CategoryListAsync(Chinese, false, ct)).Single(c => c.Id == id))
            : TypedResults.NotFound();

    static async Task<Ok<IReadOnlyList<DemandRouteItem>>> Routes(DemandSetupService service, CancellationToken ct) =>
        TypedResults.Ok(await service.RoutesAsync(Chinese, ct));

    static async Task<Ok<DemandRouteItem>> SetRoute(DemandRouteRequest request, DemandSetupService service, CancellationToken ct)
    {
        var id = await service.SetRouteAsync(request, ct);
        return TypedResults.Ok((await service.RoutesAsync(Chinese, ct)).Single(r => r.Id == id));
    }

    static async Task<Results<NoContent, NotFound>> DeleteRoute(int id, DemandSetupService service, CancellationToken ct) =>
        await service.DeleteRouteAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    static async Task<Ok<IReadOnlyList<DemandSlaItem>>> Slas(DemandSetupService service, CancellationToken ct) =>
        TypedResults.Ok(await service.SlasAsync(Chinese, ct));

    static async Task<Ok<DemandSlaItem>> SetSla(DemandSlaRequest request, DemandSetupService service, CancellationToken ct)
    {
        var id = await service.SetSlaAsync(request, ct);
        return TypedResults.Ok((await service.SlasAsync(Chinese, ct)).Single(s => s.Id == id));
    }

    static async Task<Results<NoContent, NotFound>> DeleteSla(int id, DemandSetupService service, CancellationToken ct) =>
        await service.DeleteSlaAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    static async Task<Ok<IReadOnlyList<ResponseTemplateItem>>> Templates(DemandSetupService service, int? categoryId, CancellationToken ct) =>
        TypedResults.Ok(await service.TemplatesAsync(categoryId, Chinese, ct));

    static async Task<Created<ResponseTemplateItem>> CreateTemplate(ResponseTemplateRequest request, DemandSetupService service, CancellationToken ct)
    {
        var id = await service.SaveTemplateAsync(null, request, ct);
        return TypedResults.Created($"/api/v1/demands/templates/{id}", (await service.TemplatesAsync(null, Chinese, ct)).Single(t => t.Id == id));
    }

    static async Task<Results<Ok<ResponseTemplateItem>, NotFound>> UpdateTemplate(int id, ResponseTemplateRequest request, DemandSetupService service, CancellationToken ct) =>
        await service.SaveTemplateAsync(id, request, ct) == 0
            ? TypedResults.NotFound()
            : TypedResults.Ok((await service.TemplatesAsync(null, Chinese, ct)).Single(t => t.Id == id));

    static async Task<Results<NoContent, NotFound>> DeleteTemplate(int id, DemandSetupService service, CancellationToken ct) =>
        await service.DeleteTemplateAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
}
