using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TechZone.Platform.Files;
using TechZone.Platform.Api;
using TechZone.Platform.Localization;
using TechZone.Platform.Map;

namespace TechZone.Pipelines;

static class PipelineEndpoints
{
    public static void MapPipelineEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/pipelines").WithTags("Pipelines");
        api.MapGet("/networks", Networks).RequireAuthorization(PipelinePolicies.ReadOrOwn);
        api.MapPut("/networks/{id:int}", UpdateNetwork).RequireAuthorization(Platform.Identity.Policies.Admin);
        api.MapGet("/utilities", Utilities).RequireAuthorization(PipelinePolicies.Read);

        api.MapGet("/segments", Segments).RequireAuthorization(PipelinePolicies.Read);
        api.MapGet("/segments/{id:int}", Segment).RequireAuthorization(PipelinePolicies.Read);
        api.MapPost("/segments", CreateSegment).RequireAuthorization(PipelinePolicies.Write);
        api.MapPut("/segments/{id:int}", UpdateSegment).RequireAuthorization(PipelinePolicies.Write);
        api.MapGet("/map/{networkId:int}", Map).RequireAuthorization(PipelinePolicies.Read);
        api.MapGet("/nodes/map", NodeMap).RequireAuthorization(PipelinePolicies.Read);
        api.MapGet("/export", Export).RequireAuthorization(PipelinePolicies.Read);

        // Enterprise users file requests and answer for their own pipe segments; they see only those requests.
        api.MapPost("/check", Check).RequireAuthorization(PipelinePolicies.ReadOrOwn);
        api.MapGet("/requests", Requests).RequireAuthorization(PipelinePolicies.ReadOrOwn);
        api.MapGet("/requests/{id:int}", Request).RequireAuthorization(PipelinePolicies.ReadOrOwn);
        api.MapGet("/requests/{id:int}/area", Area).RequireAuthorization(PipelinePolicies.ReadOrOwn);
        api.MapPost("/requests", File).RequireAuthorization(PipelinePolicies.ReadOrOwn);
        api.MapPost("/requests/{id:int}/answers/{answerId:long}", Answer).RequireAuthorization(PipelinePolicies.ReadOrOwn);
        api.MapPost("/requests/{id:int}/approve", Approve).RequireAuthorization(PipelinePolicies.Write);
        api.MapPost("/requests/{id:int}/refuse", Refuse).RequireAuthorization(PipelinePolicies.Write);
        api.MapGet("/board", Board).RequireAuthorization(PipelinePolicies.Read);

        // The as-built survey: the applicant (or staff for a contractor) checks and submits a file, or states no change;
        // staff accept it into the registry (closing the request) or return it. Multipart like the file store's upload.
        var maxUpload = app.ServiceProvider.GetRequiredService<IOptions<FileStoreOptions>>().Value.MaxBytes + FormOverhead;
        api.MapPost("/requests/{id:int}/asbuilt/check", CheckAsBuilt).RequireAuthorization(PipelinePolicies.ReadOrOwn)
            .RequireAntiforgeryUnlessBearer().WithMetadata(new RequestSizeLimitAttribute(maxUpload)).WithFormOptions(multipartBodyLengthLimit: maxUpload);
        api.MapPost("/requests/{id:int}/asbuilt", SubmitAsBuilt).RequireAuthorization(PipelinePolicies.ReadOrOwn)
            .RequireAntiforgeryUnlessBearer().WithMetadata(new RequestSizeLimitAttribute(maxUpload)).WithFormOptions(multipartBodyLengthLimit: maxUpload);
        api.MapPost("/import", Import).RequireAuthorization(PipelinePolicies.Write)
            .RequireAntiforgeryUnlessBearer().WithMetadata(new RequestSizeLimitAttribute(maxUpload)).WithFormOptions(multipartBodyLengthLimit: maxUpload);
        api.MapGet("/requests/{id:int}/asbuilt/map", AsBuiltMap).RequireAuthorization(PipelinePolicies.ReadOrOwn);
        api.MapPost("/requests/{id:int}/asbuilt/{surveyId:int}/accept", AcceptAsBuilt).RequireAuthorization(PipelinePolicies.Write);
        api.MapPost("/requests/{id:int}/asbuilt/{surveyId:int}/return", ReturnAsBuilt).RequireAuthorization(PipelinePolicies.Write);
    }

    const long FormOverhead = 1024 * 1024;

    static bool Zh => ZoneCultures.IsChinese;

    static async Task<Ok<IReadOnlyList<NetworkItem>>> Networks(RegistryService s, CancellationToken ct) => TypedResults.Ok(await s.NetworksAsync(ct));

    static async Task<Results<Ok<IReadOnlyList<NetworkItem>>, NotFound>> UpdateNetwork(int id, NetworkRequest r, RegistryService s, CancellationToken ct) =>
        await s.UpdateNetworkAsync(id, r, ct) ? TypedResults.Ok(await s.NetworksAsync(ct)) : TypedResults.NotFound();

    static async Task<Ok<IReadOnlyList<UtilityItem>>> Utilities(RegistryService s, CancellationToken ct) => TypedResults.Ok(await s.UtilitiesAsync(Zh, ct));

    static async Task<Ok<PagedResult<PipeSegmentItem>>> Segments([AsParameters] SegmentQuery q, RegistryService s, CancellationToken ct) =>
        TypedResults.Ok(await s.ListAsync(q, Zh, ct));

    static async Task<Results<Ok<PipeSegmentDetail>, NotFound>> Segment(int id, RegistryService s, CancellationToken ct) =>
        await s.GetAsync(id, Zh, ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();

    static async Task<Created<PipeSegmentDetail>> CreateSegment(PipeSegmentRequest r, RegistryService s, CancellationToken ct)
    {
        var id = await s.CreateAsync(r, ct);
        return TypedResults.Created($"/api/v1/pipelines/segments/{id}", (await s.GetAsync(id, Zh, ct))!);
    }

    static async Task<Results<Ok<PipeSegmentDetail>, NotFound>> UpdateSegment(int id, PipeSegmentRequest r, RegistryService s, CancellationToken ct) =>
        await s.UpdateAsync(id, r, ct) ? TypedResults.Ok((await s.GetAsync(id, Zh, ct))!) : TypedResults.NotFound();

    static async Task<Results<ContentHttpResult, BadRequest>> Map(int networkId, string? bbox, int? zoom, RegistryService s, CancellationToken ct) =>
        MapBounds.TryParse(bbox, out var view)
            ? TypedResults.Content(await s.MapAsync(networkId, view, zoom ?? 14, Zh, ct), "application/geo+json")
            : TypedResults.BadRequest();

    static async Task<Results<ContentHttpResult, BadRequest>> NodeMap(string? bbox, int? zoom, RegistryService s, CancellationToken ct) =>
        MapBounds.TryParse(bbox, out var view)
            ? TypedResults.Content(await s.NodeMapAsync(view, zoom ?? 14, Zh, ct), "application/geo+json")
            : TypedResults.BadRequest();

    static async Task<Ok<CheckResult>> Check(CheckRequest r, ExcavationService s, CancellationToken ct) => TypedResults.Ok(await s.CheckAsync(r, Zh, ct));

    static async Task<Ok<PagedResult<ExcavationSummary>>> Requests([AsParameters] ExcavationQuery q, ExcavationService s, CancellationToken ct) =>
        TypedResults.Ok(await s.ListAsync(q, ct));

    static async Task<Results<Ok<ExcavationDetail>, NotFound>> Request(int id, ExcavationService s, CancellationToken ct) =>
        await s.GetAsync(id, Zh, ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();

    static async Task<Results<ContentHttpResult, NotFound>> Area(int id, ExcavationService s, CancellationToken ct) =>
        await s.AreaMapAsync(id, ct) is { } json ? TypedResults.Content(json, "application/geo+json") : TypedResults.NotFound();

    static async Task<Created<ExcavationDetail>> File(ExcavationFileRequest r, ExcavationService s, CancellationToken ct)
    {
        var id = await s.FileAsync(r, Zh, ct);
        return TypedResults.Created($"/api/v1/pipelines/requests/{id}", (await s.GetAsync(id, Zh, ct))!);
    }

    static async Task<Results<Ok<ExcavationDetail>, NotFound>> Answer(int id, long answerId, AnswerRequest r, ExcavationService s, CancellationToken ct) =>
        await s.AnswerAsync(id, answerId, r, ct) ? TypedResults.Ok((await s.GetAsync(id, Zh, ct))!) : TypedResults.NotFound();

    static async Task<Results<Ok<ExcavationDetail>, NotFound>> Approve(int id, ApproveRequest r, ExcavationService s, CancellationToken ct) =>
        await s.ApproveAsync(id, r, ct) ? TypedResults.Ok((await s.GetAsync(id, Zh, ct))!) : TypedResults.NotFound();

    static async Task<Results<Ok<ExcavationDetail>, NotFound>> Refuse(int id, RefuseRequest r, ExcavationService s, CancellationToken ct) =>
        await s.RefuseAsync(id, r, ct) ? TypedResults.Ok((await s.GetAsync(id, Zh, ct))!) : TypedResults.NotFound();

    static async Task<PipeFileUpload?> UploadOf(IFormFile? file, int? csvSrid, CancellationToken ct)
    {
        if (file is null) return null;
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return new PipeFileUpload(file.FileName, buffer.ToArray(), csvSrid);
    }

    /// <summary>Checks (<c>dryRun</c>, the default) or imports a pipe file; with <c>validOnly</c> the passing features alone.</summary>
    static async Task<Results<Ok<PipeFileReport>, BadRequest>> Import(IFormFile? file, [FromForm] int? csvSrid, PipeImportService s, CancellationToken ct,
        bool dryRun = true, bool validOnly = false) =>
        await UploadOf(file, csvSrid, ct) is { } upload ? TypedResults.Ok(await s.ImportAsync(upload, dryRun, validOnly, Zh, ct)) : TypedResults.BadRequest();

    /// <summary>The registry as GeoJSON (<c>format=geojson</c>, WGS84) or GeoPackage (<c>format=gpkg</c>, zone CRS), filtered like the list.</summary>
    static async Task<Results<FileContentHttpResult, BadRequest>> Export(string? format, int? networkId, string? owner, PipeImportService s, CancellationToken ct) =>
        await s.ExportAsync(format ?? "geojson", networkId, owner, Zh, ct) is { } file
            ? TypedResults.File(file.Content, file.ContentType, file.FileName)
            : TypedResults.BadRequest();

    /// <summary>The dry run of a survey file (form field <c>file</c>; <c>csvSrid</c> for a CSV): nothing is written.</summary>
    static async Task<Results<Ok<PipeFileReport>, NotFound, BadRequest>> CheckAsBuilt(int id, IFormFile? file, [FromForm] int? csvSrid, AsBuiltService s, CancellationToken ct)
    {
        if (await UploadOf(file, csvSrid, ct) is not { } upload) return TypedResults.BadRequest();
        return await s.CheckAsync(id, upload, ct) is { } report ? TypedResults.Ok(report) : TypedResults.NotFound();
    }

    /// <summary>Submits the survey file, or with no file the statement (form field <c>statement</c>) that no pipeline was laid or moved.</summary>
    static async Task<Results<Ok<ExcavationDetail>, NotFound>> SubmitAsBuilt(int id, IFormFile? file, [FromForm] int? csvSrid, [FromForm] string? statement,
        AsBuiltService s, ExcavationService requests, CancellationToken ct) =>
        await s.SubmitAsync(id, await UploadOf(file, csvSrid, ct), statement, ct) is not null ? TypedResults.Ok((await requests.GetAsync(id, Zh, ct))!) : TypedResults.NotFound();

    static async Task<Results<ContentHttpResult, NotFound>> AsBuiltMap(int id, AsBuiltService s, CancellationToken ct) =>
        await s.MapAsync(id, ct) is { } json ? TypedResults.Content(json, "application/geo+json") : TypedResults.NotFound();

    static async Task<Results<Ok<ExcavationDetail>, NotFound>> AcceptAsBuilt(int id, int surveyId, AsBuiltReviewRequest r, AsBuiltService s, ExcavationService requests, CancellationToken ct) =>
        await s.AcceptAsync(id, surveyId, r, ct) ? TypedResults.Ok((await requests.GetAsync(id, Zh, ct))!) : TypedResults.NotFound();

    static async Task<Results<Ok<ExcavationDetail>, NotFound>> ReturnAsBuilt(int id, int surveyId, AsBuiltReviewRequest r, AsBuiltService s, ExcavationService requests, CancellationToken ct) =>
        await s.ReturnAsync(id, surveyId, r, ct) ? TypedResults.Ok((await requests.GetAsync(id, Zh, ct))!) : TypedResults.NotFound();

    static async Task<Ok<PipelineBoard>> Board(ExcavationService s, CancellationToken ct) => TypedResults.Ok(await s.BoardAsync(Zh, ct));
}
