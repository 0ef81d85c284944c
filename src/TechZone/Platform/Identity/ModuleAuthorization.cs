using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Zone;

namespace TechZone.Platform.Identity;

/// <summary>Named authorization policies. Every endpoint and page names one.</summary>
public static class Policies
{
    /// <summary>Admin pages.</summary>
    public const string Admin = "Admin";

    /// <summary>The zone's own people: admin, leaders, staff.</summary>
    public const string Internal = "Internal";

    /// <summary>The enterprise portal: an enterprise's representative.</summary>
    public const string Portal = "Portal";

    /// <summary>Anyone signed in.</summary>
    public const string SignedIn = "SignedIn";

    public static string Read(string module) => $"module:{module}:read";
    public static string Write(string module) => $"module:{module}:write";

    /// <summary>Read access to the module, or an enterprise user (whose data scope the service then enforces).</summary>
    public static string ReadOrOwn(string module) => $"module:{module}:read-or-own";

    public static void AddZonePolicies(this AuthorizationOptions options)
    {
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(Internal, p => p.RequireRole(Roles.Admin, Roles.Leader, Roles.Staff));
        options.AddPolicy(Portal, p => p.RequireRole(Roles.Enterprise));
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        foreach (var module in Modules.All)
        {
            options.AddPolicy(Read(module), p => p.AddRequirements(new ModuleRequirement(module, ModuleAccess.Read)));
            options.AddPolicy(Write(module), p => p.AddRequirements(new ModuleRequirement(module, ModuleAccess.Write)));
            options.AddPolicy(ReadOrOwn(module), p => p.AddRequirements(new ModuleRequirement(module, ModuleAccess.Read, AllowEnterprise: true)));
        }
    }
}

public sealed record ModuleRequirement(string Module, ModuleAccess Access, bool AllowEnterprise = false) : IAuthorizationRequirement;

/// <summary>
/// Admin may do everything, leaders read everything, staff what their department's grants say; enterprise users
/// reach no internal module (the portal has its own pages). Grants are read from the database on every check so
/// that an admin's change takes effect at once on every instance.
/// </summary>
sealed class ModuleRequirementHandler(ModuleGrants grants) : AuthorizationHandler<ModuleRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ModuleRequirement requirement)
    {
        var user = context.User;
        if (user.IsInRole(Roles.Admin)) { context.Succeed(requirement); return; }
        if (user.IsInRole(Roles.Leader) && requirement.Access == ModuleAccess.Read) { context.Succeed(requirement); return; }
        if (user.IsInRole(Roles.Enterprise) && requirement.AllowEnterprise) { context.Succeed(requirement); return; }
        if (!user.IsInRole(Roles.Staff)) return;
        if (!int.TryParse(user.FindFirst(ZoneClaims.DepartmentId)?.Value, out var department)) return;

        var granted = await grants.AccessAsync(department, requirement.Module);
        if (granted is { } access && access >= requirement.Access) context.Succeed(requirement);
    }
}

/// <summary>
/// Reads a department's grants in a scope of its own (safe from a Blazor circuit). Inside <see cref="Batch"/> the
/// department's grants are read once for all the checks in it (the navigation menu authorizes every entry).
/// </summary>
public sealed class ModuleGrants(IServiceScopeFactory scopes)
{
    // Checks in one batch may run concurrently (an API request's parallel awaits): one shared read per department.
    readonly AsyncLocal<ConcurrentDictionary<int, Task<Dictionary<string, ModuleAccess>>>?> batch = new();

    /// <summary>Until disposed, checks on this async flow share one read of each department's grants.</summary>
    public IDisposable Batch()
    {
        var outer = batch.Value;
        batch.Value = outer ?? [];
        return new EndBatch(() => batch.Value = outer);
    }

    public async Task<ModuleAccess?> AccessAsync(int departmentId, string module)
    {
        if (batch.Value is { } read)
        {
            var all = await read.GetOrAdd(departmentId, id => ReadAsync(id, null));
            return all.TryGetValue(module, out var a) ? a : null;
        }
        return (await ReadAsync(departmentId, module)).TryGetValue(module, out var access) ? access : null;
    }

    async Task<Dictionary<string, ModuleAccess>> ReadAsync(int departmentId, string? module)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZoneDb>();
        var grants = db.DepartmentGrants.AsNoTracking().Where(g => g.DepartmentId == departmentId);
        if (module is not null) grants = grants.Where(g => g.Module == module);
        return await grants.ToDictionaryAsync(g => g.Module, g => g.Access);
    }

    sealed class EndBatch(Action end) : IDisposable
    {
        public void Dispose() => end();
    }
}
