using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Identity;

namespace TechZone.Chains;

/// <summary>The write check and save the module's services share.</summary>
static class ChainAccess
{
    /// <summary>Throws 403 unless the caller may write the Chains module (endpoints check it by policy as well).</summary>
    public static async Task RequireWriteAsync(IAuthorizationService authorization, CurrentUser current)
    {
        if (!(await authorization.AuthorizeAsync(current.Principal, ChainPolicies.Write)).Succeeded)
            throw new ChainForbiddenException();
    }

    /// <summary>Throws 403 unless the caller may read the module (the zone's people with the grant; never an enterprise).</summary>
    public static async Task RequireReadAsync(IAuthorizationService authorization, CurrentUser current)
    {
        if (!(await authorization.AuthorizeAsync(current.Principal, ChainPolicies.Read)).Succeeded)
            throw new ChainForbiddenException();
    }

    /// <summary>Saves; a stale version becomes 409.</summary>
    public static async Task SaveAsync(ZoneDb db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new Platform.ConflictException("ConcurrencyConflict");
        }
    }

    /// <summary>Checks the version the editor saw (required) and makes EF compare with it.</summary>
    public static void CheckVersion<T>(ZoneDb db, T entity, long? version) where T : class, IVersioned
    {
        if (version is not { } v) throw new Platform.DomainException("VersionRequired");
        if (entity.Version != v) throw new Platform.ConflictException("ConcurrencyConflict");
        db.Entry(entity).Property(e => e.Version).OriginalValue = v;
    }
}
