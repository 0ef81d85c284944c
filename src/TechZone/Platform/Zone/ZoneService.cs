using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Identity;

namespace TechZone.Platform.Zone;

/// <summary>The zone's structure: parks, departments and the modules each department is granted.</summary>
public sealed class ZoneService(ZoneDb db, CurrentUser current)
{
    public async Task<HomeSummary> GetHomeAsync(bool chinese)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == current.UserId);
        var role = current.IsAdmin ? Roles.Admin : current.IsLeader ? Roles.Leader : current.IsStaff ? Roles.Staff : Roles.Enterprise;

        ZoneCounts? counts = null;
        if (current.IsAdmin || current.IsLeader)
            counts = new ZoneCounts(await db.Parks.CountAsync(), await db.Departments.CountAsync(), await db.Users.CountAsync());

        string? departmentName = null;
        IReadOnlyDictionary<string, ModuleAccess>? grants = null;
        if (current.IsStaff && user.DepartmentId is { } departmentId)
        {
            var department = await db.Departments.AsNoTracking().Include(d => d.Grants).SingleAsync(d => d.Id == departmentId);
            departmentName = department.DisplayName(chinese);
            grants = department.Grants.ToDictionary(g => g.Module, g => g.Access);
        }
        return new HomeSummary(user.DisplayName, role, departmentName, user.IsDepartmentHead, counts, grants);
    }

    public async Task<IReadOnlyList<ParkItem>> ListParksAsync(bool chinese) =>
        (await db.Parks.AsNoTracking().OrderBy(p => p.Id).ToListAsync())
            .Select(p => new ParkItem(p.Id, p.Code, p.DisplayName(chinese))).ToList();

    public async Task<IReadOnlyList<DepartmentItem>> ListDepartmentsAsync(bool chinese)
    {
        var departments = await db.Departments.AsNoTracking().Include(d => d.Grants).OrderBy(d => d.Id).ToListAsync();
        var members = await db.Users.Where(u => u.DepartmentId != null)
            .GroupBy(u => u.DepartmentId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count);
        return departments.Select(d => new DepartmentItem(d.Id, d.Code, d.DisplayName(chinese), members.GetValueOrDefault(d.Id),
            d.Grants.ToDictionary(g => g.Module, g => g.Access))).ToList();
    }

    /// <summary>
    /// Replaces a department's grants. Module checks read grants live, so the change applies at once to every
    /// signed-in member of the department, on every instance.
    /// </summary>
    public async Task<bool> SetGrantsAsync(int departmentId, IReadOnlyDictionary<string, ModuleAccess> grants)
    {
        var unknown = grants.Keys.FirstOrDefault(m => !Modules.IsKnown(m));
        if (unknown is not null) throw new DomainException("UnknownModule", unknown);

        var department = await db.Departments.Include(d => d.Grants).SingleOrDefaultAsync(d => d.Id == departmentId);
        if (department is null) return false;

        foreach (var existing in department.Grants.ToList())
        {
            if (!grants.TryGetValue(existing.Module, out var access)) department.Grants.Remove(existing);
            else existing.Access = access;
        }
        foreach (var (module, access) in grants)
            if (department.Grants.All(g => g.Module != module))
                department.Grants.Add(new DepartmentGrant { Module = module, Access = access });

        await db.SaveChangesAsync();
        return true;
    }
}
