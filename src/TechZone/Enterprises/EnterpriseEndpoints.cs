using Microsoft.AspNetCore.Http.HttpResults;
using TechZone.Platform.Api;
using TechZone.Platform.Identity;
using TechZone.Platform.Localization;
using TechZone.Platform.Zone;

namespace TechZone.Enterprises;

static class EnterpriseEndpoints
{
    public static void MapEnterpriseEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/enterprises").WithTags("Enterprises");
        api.MapGet("/", Search).RequireAuthorization(Policies.Read(Modules.Enterprises));
        api.MapGet("/mine", Mine).RequireAuthorization(Policies.Portal);
        api.MapGet("/export", Export).RequireAuthorization(Policies.Read(Modules.Enterprises));
        api.MapGet("/industries", Industries).RequireAuthorization(Policies.SignedIn);
        // Staff with a grant, or an enterprise user for its own record (others answer 404).
        api.MapGet("/{id:int}", Get).RequireAuthorization(Policies.ReadOrOwn(Modules.Enterprises));
        api.MapPost("/", Create).RequireAuthorization(EnterprisePolicies.Write);
        api.MapPut("/{id:int}", Update).RequireAuthorization(EnterprisePolicies.Write);
        api.MapPost("/{id:int}/status", ChangeStatus).RequireAuthorization(EnterprisePolicies.Write);
        api.MapPost("/{id:int}/contacts", AddContact).RequireAuthorization(EnterprisePolicies.Write);
        api.MapPut("/{id:int}/contacts/{contactId:int}", UpdateContact).RequireAuthorization(EnterprisePolicies.Write);
        api.MapDelete("/{id:int}/contacts/{contactId:int}", RemoveContact).RequireAuthorization(EnterprisePolicies.Write);
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
}
