using Microsoft.AspNetCore.Http.HttpResults;
using TechZone.Platform.Api;
using TechZone.Platform.Localization;

namespace TechZone.Platform.Identity;

static class UserEndpoints
{
    public static void MapUsers(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/users").WithTags("Users").RequireAuthorization(Policies.Admin);
        api.MapGet("/", List);
        api.MapGet("/{id}", Get);
        api.MapPost("/", Create);
        api.MapPut("/{id}", Update);
        api.MapPost("/{id}/disable", (string id, UserAdminService users) => SetDisabled(id, true, users));
        api.MapPost("/{id}/enable", (string id, UserAdminService users) => SetDisabled(id, false, users));
        api.MapPost("/{id}/reset-password", ResetPassword);
    }

    static async Task<Ok<PagedResult<UserItem>>> List([AsParameters] UserQuery query, UserAdminService users) =>
        TypedResults.Ok(await users.ListAsync(query, ZoneCultures.IsChinese));

    static async Task<Results<Ok<UserItem>, NotFound>> Get(string id, UserAdminService users) =>
        await users.GetAsync(id, ZoneCultures.IsChinese) is { } u ? TypedResults.Ok(u) : TypedResults.NotFound();

    static async Task<Created<UserItem>> Create(UserRequest request, UserAdminService users)
    {
        var id = await users.CreateAsync(request);
        return TypedResults.Created($"/api/v1/users/{id}", (await users.GetAsync(id, ZoneCultures.IsChinese))!);
    }

    static async Task<Results<Ok<UserItem>, NotFound>> Update(string id, UserRequest request, UserAdminService users) =>
        await users.UpdateAsync(id, request) ? TypedResults.Ok((await users.GetAsync(id, ZoneCultures.IsChinese))!) : TypedResults.NotFound();

    static async Task<Results<NoContent, NotFound>> SetDisabled(string id, bool disabled, UserAdminService users) =>
        await users.SetDisabledAsync(id, disabled) ? TypedResults.NoContent() : TypedResults.NotFound();

    static async Task<Results<NoContent, NotFound>> ResetPassword(string id, ResetPasswordRequest request, UserAdminService users) =>
        await users.ResetPasswordAsync(id, request) ? TypedResults.NoContent() : TypedResults.NotFound();
}
