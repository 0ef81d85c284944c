using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace TechZone.Platform.Identity;

/// <summary>Adds department, head flag and enterprise to the principal so that scope checks need no query.</summary>
sealed class ZoneClaimsFactory(UserManager<ZoneUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ZoneUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ZoneUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ZoneClaims.DisplayName, user.DisplayName));
        if (user.DepartmentId is { } d) identity.AddClaim(new Claim(ZoneClaims.DepartmentId, d.ToString()));
        if (user.IsDepartmentHead) identity.AddClaim(new Claim(ZoneClaims.DepartmentHead, "true"));
        if (user.EnterpriseId is { } e) identity.AddClaim(new Claim(ZoneClaims.EnterpriseId, e.ToString()));
        return identity;
    }
}

/// <summary>A disabled account cannot sign in, whatever its password.</summary>
sealed class ZoneSignInManager(
    UserManager<ZoneUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ZoneUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ZoneUser>> logger,
    Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ZoneUser> confirmation)
    : SignInManager<ZoneUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(ZoneUser user) => !user.IsDisabled && await base.CanSignInAsync(user);
}
