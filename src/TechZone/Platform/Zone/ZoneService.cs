using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Audit;
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
        return departments.Select(d => new DepartmentItem(d.Id, d.Code, d.DisplayName(chinese), d.Name, d.NameEn, members.GetValueOrDefault(d.Id),
            d.Grants.ToDictionary(g => g.Module, g => g.Access), d.Version)).ToList();
    }

    public async Task<int> CreateDepartmentAsync(DepartmentRequest request)
    {
        var code = request.Code.Trim();
        if (await db.Departments.AnyAsync(d => d.Code == code)) throw new ConflictException("DuplicateDepartment", code);
        var department = new Department { Code = code, Name = request.Name.Trim(), NameEn = request.NameEn.Trim() };
        db.Departments.Add(department);
        await db.SaveChangesAsync();
        return department.Id;
    }

    /// <summary>Renames a department. The code stays: configuration and routing rules refer to it.</summary>
    public async Task<bool> UpdateDepartmentAsync(int id, DepartmentRequest request)
    {
        var department = await db.Departments.SingleOrDefaultAsync(d => d.Id == id);
        if (department is null) return false;
        if (request.Version is not { } version) throw new DomainException("VersionRequired");
        db.Entry(department).Property(d => d.Version).OriginalValue = version;
        department.Name = request.Name.Trim();
        department.NameEn = request.NameEn.Trim();
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>
    /// Replaces a department's grants. Module checks read grants live, so the change applies at once to every
    /// signed-in member of the department, on every instance.
    /// </summary>
    public async Task<bool> SetGrantsAsync(int departmentId, IReadOnlyDictionary<string, ModuleAccess> grants, long? version = null)
    {
        var unknown = grants.Keys.FirstOrDefault(m => !Modules.IsKnown(m));
        if (unknown is not null) throw new DomainException("UnknownModule", unknown);

        var department = await db.Departments.Include(d => d.Grants).SingleOrDefaultAsync(d => d.Id == departmentId);
        if (department is null) return false;
        if (version is { } v) db.Entry(department).Property(d => d.Version).OriginalValue = v;
        // Grant rows change, not the department's own columns: mark it changed so its version moves on
        // (ZoneDb bumps versions of changed entities) and a stale editor is refused.
        db.Entry(department).Property(d => d.Version).IsModified = true;
        AuditTrail.Security(db, "GrantsChanged", null, new { department = department.Code, grants });

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
