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
        // A form post with an antiforgery token (minimal APIs validate it for form bodies).
        app.MapPost("/account/logout", SignOut).AllowAnonymous();
        app.MapGet("/culture/set", SetCulture).AllowAnonymous();
        // Pinged by the page while the user is active, so the sliding cookie does not expire under an open circuit.
        app.MapGet("/account/keepalive", () => TypedResults.NoContent()).RequireAuthorization(Policies.SignedIn);
    }

    static async Task<RedirectHttpResult> SignOut([FromForm] string? reason, LoginService logins, HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated == true)
            await logins.SignOutAsync(http.User.Identity.Name, http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value);
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
        var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
            ? returnUrl : "/";
        return TypedResults.LocalRedirect(target);
    }
}
