using System.Security.Claims;

namespace TechZone.Platform.Identity;

/// <summary>
/// Who is acting in this scope: set from the HTTP request, or by <see cref="ScopedRunner"/> for a Blazor page.
/// Services use it for data scope (an enterprise sees only its own records; staff write only in their department).
/// </summary>
public sealed class CurrentUser
{
    static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    public ClaimsPrincipal Principal { get; private set; } = Anonymous;

    public void Set(ClaimsPrincipal principal) => Principal = principal;

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;
    public string? UserId => Principal.FindFirstValue(ClaimTypes.NameIdentifier);
    public string? UserName => Principal.Identity?.Name;

    /// <summary>The name people know the user by (李敏), for histories; the user name if it has none.</summary>
    public string DisplayName => Principal.FindFirstValue(ZoneClaims.DisplayName) is { Length: > 0 } name ? name : UserName ?? "";
    public bool IsAdmin => Principal.IsInRole(Roles.Admin);
    public bool IsLeader => Principal.IsInRole(Roles.Leader);
    public bool IsStaff => Principal.IsInRole(Roles.Staff);
    public bool IsEnterprise => Principal.IsInRole(Roles.Enterprise);
    public bool IsDepartmentHead => Principal.HasClaim(ZoneClaims.DepartmentHead, "true");
    public int? DepartmentId => IntClaim(ZoneClaims.DepartmentId);
    public int? EnterpriseId => IntClaim(ZoneClaims.EnterpriseId);

    /// <summary>True for the zone's own people (admin, leaders, staff), who may see any enterprise a grant allows.</summary>
    public bool IsInternal => IsAdmin || IsLeader || IsStaff;

    int? IntClaim(string type) => int.TryParse(Principal.FindFirstValue(type), out var v) ? v : null;
}
