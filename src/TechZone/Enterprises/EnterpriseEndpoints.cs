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
        // Staff with a grant, or an enterprise user for its own record (others answer 404).
        api.MapGet("/{id:int}", Get).RequireAuthorization(Policies.ReadOrOwn(Modules.Enterprises));
    }

    static async Task<Ok<PagedResult<EnterpriseSummary>>> Search([AsParameters] EnterpriseQuery query, EnterpriseService service) =>
        TypedResults.Ok(await service.SearchAsync(query, ZoneCultures.IsChinese));

    static async Task<Results<Ok<EnterpriseDetail>, NotFound>> Get(int id, EnterpriseService service) =>
        await service.GetAsync(id, ZoneCultures.IsChinese) is { } e ? TypedResults.Ok(e) : TypedResults.NotFound();

    static async Task<Results<Ok<EnterpriseDetail>, NotFound>> Mine(EnterpriseService service) =>
        await service.GetMineAsync(ZoneCultures.IsChinese) is { } e ? TypedResults.Ok(e) : TypedResults.NotFound();
}
