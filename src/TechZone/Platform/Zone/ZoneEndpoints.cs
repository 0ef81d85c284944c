using Microsoft.AspNetCore.Http.HttpResults;
using TechZone.Platform.Identity;
using TechZone.Platform.Localization;

namespace TechZone.Platform.Zone;

static class ZoneEndpoints
{
    public static void MapZone(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Zone");
        api.MapGet("/parks", ListParks).RequireAuthorization(Policies.SignedIn);
        api.MapGet("/departments", ListDepartments).RequireAuthorization(Policies.Admin);
        api.MapPost("/departments", CreateDepartment).RequireAuthorization(Policies.Admin);
        api.MapPut("/departments/{id:int}", UpdateDepartment).RequireAuthorization(Policies.Admin);
        api.MapPut("/departments/{id:int}/grants", SetGrants).RequireAuthorization(Policies.Admin);
    }

    static async Task<Ok<IReadOnlyList<ParkItem>>> ListParks(ZoneService zone) =>
        TypedResults.Ok(await zone.ListParksAsync(ZoneCultures.IsChinese));

    static async Task<Ok<IReadOnlyList<DepartmentItem>>> ListDepartments(ZoneService zone) =>
        TypedResults.Ok(await zone.ListDepartmentsAsync(ZoneCultures.IsChinese));

    static async Task<Results<NoContent, NotFound>> SetGrants(int id, SetGrantsRequest request, ZoneService zone) =>
        await zone.SetGrantsAsync(id, request.Grants, request.Version) ? TypedResults.NoContent() : TypedResults.NotFound();

    static async Task<Created> CreateDepartment(DepartmentRequest request, ZoneService zone) =>
        TypedResults.Created($"/api/v1/departments/{await zone.CreateDepartmentAsync(request)}");

    static async Task<Results<NoContent, NotFound>> UpdateDepartment(int id, DepartmentRequest request, ZoneService zone) =>
        await zone.UpdateDepartmentAsync(id, request) ? TypedResults.NoContent() : TypedResults.NotFound();
}
