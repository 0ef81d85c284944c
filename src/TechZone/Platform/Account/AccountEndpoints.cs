using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using TechZone.Platform.Identity;
using TechZone.Platform.Localization;

namespace TechZone.Platform.Account;

/// <summary>Browser-facing account actions that set cookies: sign-out, language switch, keep-alive.</summary>
static class AccountEndpoints
{
    public static void MapAccount(this IEndpointRouteBuilder app)
    {
        // A form post with an antiforgery token, checked in the handler (see SignOut).
        app.MapPost("/account/logout", SignOut).AllowAnonymous().DisableAntiforgery();
        app.MapGet("/culture/set", SetCulture).AllowAnonymous();
        // Pinged by the page while the user is active, so the sliding cookie does not expire under an open circuit.
        app.MapGet("/account/keepalive", () => TypedResults.NoContent()).RequireAuthorization(Policies.SignedIn);
    }

    /// <summary>
    /// Signs out a signed-in user only with a valid antiforgery token (no other site can sign anyone out). A request
    /// whose session already expired — the idle sign-out racing the cookie — has nothing to end and just goes to sign-in.
    /// </summary>
    static async Task<Results<RedirectHttpResult, BadRequest>> SignOut([FromForm] string? reason, LoginService logins, IAntiforgery antiforgery, HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated == true)
        {
            if (!await antiforgery.IsRequestValidAsync(http)) return TypedResults.BadRequest();
            await logins.SignOutAsync(http.User.Identity.Name, http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value);
        }
        return TypedResults.LocalRedirect(reason == "idle" ? "/account/login?signedOut=idle" : "/account/login?signedOut=yes");
    }

    static async Task<RedirectHttpResult> SetCulture(string? culture, string? returnUrl, HttpContext http, UserManager<ZoneUser> users)
    {
        var chosen = ZoneCultures.Normalize(culture);
        ZoneCultures.WriteCookie(http.Response, chosen);
        if (http.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(http.User) is { } user && user.PreferredCulture != chosen)
        {
            user.PreferredCulture = chosen;
            await users.UpdateAsync(user);
        }
        return TypedResults.LocalRedirect(LocalLink.IsLocal(returnUrl) ? returnUrl! : "/");
    }
}
