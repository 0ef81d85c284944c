using Microsoft.AspNetCore.Http.HttpResults;
using TechZone.Platform.Identity;

namespace TechZone.Platform.Tokens;

static class TokenEndpoints
{
    public static void MapTokens(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/tokens").WithTags("Tokens").RequireAuthorization(Policies.Admin);
        api.MapGet("/", List);
        api.MapPost("/", Issue);
        api.MapDelete("/{id:int}", Revoke);
    }

    static async Task<Ok<IReadOnlyList<TokenItem>>> List(TokenService tokens) => TypedResults.Ok(await tokens.ListAsync());

    static async Task<Created<IssuedToken>> Issue(IssueTokenRequest request, TokenService tokens)
    {
        var issued = await tokens.IssueAsync(request);
        return TypedResults.Created($"/api/v1/tokens/{issued.Id}", issued);
    }

    static async Task<Results<NoContent, NotFound>> Revoke(int id, TokenService tokens) =>
        await tokens.RevokeAsync(id) ? TypedResults.NoContent() : TypedResults.NotFound();
}
