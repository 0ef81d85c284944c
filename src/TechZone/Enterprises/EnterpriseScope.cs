using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Identity;

namespace TechZone.Enterprises;

/// <summary>The data scope and write check that the module's services share.</summary>
static class EnterpriseScope
{
    /// <summary>
    /// The enterprise exists and the caller may see it: the zone's own people any (their module grant is checked by
    /// policy), an enterprise user only its own. Otherwise the caller hears "not found", whatever the reason.
    /// </summary>
    public static async Task<bool> VisibleAsync(ZoneDb db, CurrentUser current, int enterpriseId, CancellationToken ct = default)
    {
        if (!current.IsInternal && current.EnterpriseId != enterpriseId) return false;
        return await db.Enterprises.AnyAsync(e => e.Id == enterpriseId, ct);
    }

    /// <summary>Throws 403 unless the caller has the module's write grant (endpoints check it by policy; pages call services directly).</summary>
    public static async Task RequireWriteAsync(IAuthorizationService authorization, CurrentUser current)
    {
        if (!(await authorization.AuthorizeAsync(current.Principal, EnterprisePolicies.Write)).Succeeded)
            throw new EnterpriseForbiddenException();
    }
}
