using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TechZone.Platform.Files;
using TechZone.Platform.Api;
using TechZone.Platform.Identity;
using TechZone.Platform.Localization;
using TechZone.Platform.Zone;

namespace TechZone.Enterprises;

static class EnterpriseEndpoints
{
    /// <summary>Room for the multipart headers around an import file, so that the file's own limit decides.</summary>
    const long FormOverhead = 1024 * 1024;

    public static void MapEnterpriseEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/enterprises").WithTags("Enterprises");
        api.MapGet("/", Search).RequireAuthorization(Policies.Read(Modules.Enterprises));
        api.MapGet("/mine", Mine).RequireAuthorization(Policies.Portal);
        api.MapGet("/export", Export).RequireAuthorization(Policies.Read(Modules.Enterprises));
        api.MapGet("/import/template", ImportTemplate).RequireAuthorization(EnterprisePolicies.Write);
        // A multipart upload as large as the file store takes. Scripts with a bearer token need no antiforgery
        // token; a signed-in browser must send one (pages import in-process, through EnterpriseImportService).
        var maxImport = app.ServiceProvider.GetRequiredService<IOptions<FileStoreOptions>>().Value.MaxBytes + FormOverhead;
        api.MapPost("/import", Import).RequireAuthorization(EnterprisePolicies.Write)
            .RequireAntiforgeryUnlessBearer()
            .WithMetadata(new RequestSizeLimitAttribute(maxImport))
            .WithFormOptions(multipartBodyLengthLimit: maxImport);
        api.MapGet("/industries", Industries).RequireAuthorization(Policies.SignedIn);
        // Staff with a grant, or an enterprise user for its own record (others answer 404).
        api.MapGet("/{id:int}", Get).RequireAuthorization(Policies.ReadOrOwn(Modules.Enterprises));
        api.MapPost("/", Create).RequireAuthorization(EnterprisePolicies.Write);
        api.MapPut("/{id:int}", Update).RequireAuthorization(EnterprisePolicies.Write);
        api.MapPost("/{id:int}/status", ChangeStatus).RequireAuthorization(EnterprisePolicies.Write);
        api.MapPost("/{id:int}/contacts", AddContact).RequireAuthorization(EnterprisePolicies.Write);
        api.MapPut("/{id:int}/contacts/{contactId:int}", UpdateContact).RequireAuthorization(EnterprisePolicies.Write);
        api.MapDelete("/{id:int}/contacts/{contactId:int}", RemoveContact).RequireAuthorization(EnterprisePolicies.Write);

        // Profile corrections: proposed in the portal, decided by staff with the write grant. An enterprise user
        // reads its own enterprise's corrections; another enterprise's answer 404.
        api.MapGet("/corrections", PendingCorrections).RequireAuthorization(EnterprisePolicies.Read);
        api.MapGet("/{id:int}/corrections", Corrections).RequireAuthorization(EnterprisePolicies.ReadOrOwn);
        api.MapPost("/{id:int}/corrections/{correctionId:int}/accept", AcceptCorrection).RequireAuthorization(EnterprisePolicies.Write);
        api.MapPost("/{id:int}/corrections/{correctionId:int}/reject", RejectCorrection).RequireAuthorization(EnterprisePolicies.Write);
        var portal = app.MapGroup("/api/v1/my/enterprise/corrections").WithTags("Enterprises");
        portal.MapGet("/", MyCorrections).RequireAuthorization(Policies.Portal);
        portal.MapPost("/", ProposeCorrection).RequireAuthorization(Policies.Portal);
    }

    static async Task<Ok<PagedResult<EnterpriseSummary>>> Search([AsParameters] EnterpriseQuery query, EnterpriseService service) =>
        TypedResults.Ok(await service.SearchAsync(query, ZoneCultures.IsChinese));

    static async Task<Results<Ok<EnterpriseDetail>, NotFound>> Get(int id, EnterpriseService service) =>
        await service.GetAsync(id, ZoneCultures.IsChinese) is { } e ? TypedResults.Ok(e) : TypedResults.NotFound();

    static async Task<Results<Ok<EnterpriseDetail>, NotFound>> Mine(EnterpriseService service) =>
        await service.GetMineAsync(ZoneCultures.IsChinese) is { } e ? TypedResults.Ok(e) : TypedResults.NotFound();

    static Ok<IReadOnlyList<IndustryItem>> Industries() => TypedResults.Ok(EnterpriseService.Industries(ZoneCultures.IsChinese));

    static async Task<Created<EnterpriseDetail>> Create(EnterpriseRequest request, EnterpriseService service)
    {
        var id = await service.CreateAsync(request);
        return TypedResults.Created($"/api/v1/enterprises/{id}", (await service.GetAsync(id, ZoneCultures.IsChinese))!);
    }

    static async Task<Results<Ok<EnterpriseDetail>, NotFound>> Update(int id, EnterpriseRequest request, EnterpriseService service) =>
        await service.UpdateAsync(id, request) ? TypedResults.Ok((await service.GetAsync(id, ZoneCultures.IsChinese))!) : TypedResults.NotFound();

    static async Task<Results<Ok<EnterpriseDetail>, NotFound>> ChangeStatus(int id, StatusChangeRequest request, EnterpriseService service) =>
        await service.ChangeStatusAsync(id, request) ? TypedResults.Ok((await service.GetAsync(id, ZoneCultures.IsChinese))!) : TypedResults.NotFound();

    static async Task<Results<Created<ContactItem>, NotFound>> AddContact(int id, ContactRequest request, EnterpriseService service) =>
        await service.AddContactAsync(id, request) is { } c ? TypedResults.Created($"/api/v1/enterprises/{id}/contacts/{c.Id}", c) : TypedResults.NotFound();

    static async Task<Results<Ok<ContactItem>, NotFound>> UpdateContact(int id, int contactId, ContactRequest request, EnterpriseService service) =>
        await service.UpdateContactAsync(id, contactId, request) is { } c ? TypedResults.Ok(c) : TypedResults.NotFound();

    static async Task<Results<NoContent, NotFound>> RemoveContact(int id, int contactId, EnterpriseService service) =>
        await service.RemoveContactAsync(id, contactId) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>The filtered list as .xlsx (all rows, not a page), named after the list and the day.</summary>
    static async Task<FileContentHttpResult> Export([AsParameters] EnterpriseQuery query, EnterpriseService service, CancellationToken ct)
    {
        // Buffered: the workbook is a zip, which needs synchronous writes that Kestrel refuses on the response body.
        using var buffer = new MemoryStream();
        await service.ExportAsync(query, ZoneCultures.IsChinese, buffer, ct);
        var name = $"{Resources.EnterpriseStrings.Title}-{DateTime.UtcNow:yyyyMMdd}.xlsx";
        return TypedResults.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    /// <summary>The import template (.xlsx): bilingual headers, instructions and codes in the caller's language.</summary>
    static async Task<FileContentHttpResult> ImportTemplate(EnterpriseImportService service)
    {
        var bytes = await service.TemplateAsync(ZoneCultures.IsChinese);
        return TypedResults.File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{Resources.EnterpriseStrings.Import_TemplateFile}.xlsx");
    }

    /// <summary>
    /// Checks (<c>dryRun</c>, the default) or imports an .xlsx/.csv file. A commit of every row that meets a bad row
    /// writes nothing and answers 422 with the report in the problem's <c>report</c>.
    /// </summary>
    static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> Import(IFormFile file, EnterpriseImportService service, CancellationToken ct,
        bool dryRun = true, bool validOnly = false)
    {
        await using var stream = file.OpenReadStream();
        var report = await service.ImportAsync(stream, file.FileName, dryRun, validOnly, ct);
        if (report.Outcome != ImportOutcome.Refused) return TypedResults.Ok(report);
        return TypedResults.Problem(
            detail: string.Format(System.Globalization.CultureInfo.CurrentUICulture, Resources.EnterpriseStrings.Error_ImportHasErrors, report.Invalid),
            statusCode: StatusCodes.Status422UnprocessableEntity,
            type: "https://techzone.example/problems/ImportHasErrors",
            extensions: new Dictionary<string, object?> { ["code"] = "ImportHasErrors", ["report"] = report });
    }

    static async Task<Ok<IReadOnlyList<CorrectionItem>>> PendingCorrections(EnterpriseCorrectionService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListPendingAsync(ZoneCultures.IsChinese, ct));

    static async Task<Results<Ok<IReadOnlyList<CorrectionItem>>, NotFound>> Corrections(int id, EnterpriseCorrectionService service, CancellationToken ct) =>
        await service.ListAsync(id, ZoneCultures.IsChinese, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    static async Task<Results<Ok<CorrectionItem>, NotFound>> AcceptCorrection(int id, int correctionId, AcceptCorrectionRequest request,
        EnterpriseCorrectionService service, CancellationToken ct) =>
        await service.AcceptAsync(id, correctionId, request, ZoneCultures.IsChinese, ct) is { } item ? TypedResults.Ok(item) : TypedResults.NotFound();

    static async Task<Results<Ok<CorrectionItem>, NotFound>> RejectCorrection(int id, int correctionId, RejectCorrectionRequest request,
        EnterpriseCorrectionService service, CancellationToken ct) =>
        await service.RejectAsync(id, correctionId, request, ZoneCultures.IsChinese, ct) is { } item ? TypedResults.Ok(item) : TypedResults.NotFound();

    static async Task<Ok<IReadOnlyList<CorrectionItem>>> MyCorrections(EnterpriseCorrectionService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListMineAsync(ZoneCultures.IsChinese, ct));

    /// <summary>Proposes a correction of the caller's own profile (replacing its pending one, if any).</summary>
    static async Task<Created<CorrectionItem>> ProposeCorrection(CorrectionRequest request, EnterpriseCorrectionService service, CancellationToken ct)
    {
        var item = await service.ProposeAsync(request, ZoneCultures.IsChinese, ct);
        return TypedResults.Created($"/api/v1/enterprises/{item.EnterpriseId}/corrections", item);
    }
}
