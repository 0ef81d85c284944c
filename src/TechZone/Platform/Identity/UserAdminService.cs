using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Api;
using TechZone.Platform.Audit;
using TechZone.Platform.Zone;

namespace TechZone.Platform.Identity;

/// <summary>
/// The admin's user management: create, change role and scope, disable, reset password. Role and scope changes
/// end the user's open sessions (new security stamp), so no one keeps rights they lost.
/// </summary>
public sealed class UserAdminService(ZoneDb db, UserManager<ZoneUser> users, CurrentUser current, IEnterpriseDirectory enterprises)
{
    public async Task<PagedResult<UserItem>> ListAsync(UserQuery query, bool chinese)
    {
        var (page, pageSize) = Paging.Normalize(query.Page, query.PageSize);
        var rows = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim();
            rows = rows.Where(u => u.UserName!.Contains(s) || u.DisplayName.Contains(s));
        }
        if (query.DepartmentId is { } d) rows = rows.Where(u => u.DepartmentId == d);
        if (!string.IsNullOrWhiteSpace(query.Role))
        {
            var roleId = await db.Roles.Where(r => r.Name == query.Role).Select(r => r.Id).SingleOrDefaultAsync();
            rows = rows.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
        }

        var total = await rows.CountAsync();
        var list = await rows.OrderBy(u => u.UserName).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync();
        return new PagedResult<UserItem>(await ToItemsAsync(list, chinese), total, page, pageSize);
    }

    public async Task<UserItem?> GetAsync(string id, bool chinese)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id);
        return user is null ? null : (await ToItemsAsync([user], chinese))[0];
    }

    async Task<List<UserItem>> ToItemsAsync(List<ZoneUser> list, bool chinese)
    {
        var ids = list.Select(u => u.Id).ToList();
        var roles = await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync();
        var departments = (await db.Departments.AsNoTracking().ToListAsync()).ToDictionary(x => x.Id, x => x.DisplayName(chinese));
        var names = await enterprises.NamesAsync(list.Where(u => u.EnterpriseId != null).Select(u => u.EnterpriseId!.Value));
        var now = DateTimeOffset.UtcNow;

        var items = list.Select(u => new UserItem(u.Id, u.UserName!, u.DisplayName,
            roles.FirstOrDefault(r => r.UserId == u.Id)?.Name ?? "",
            u.DepartmentId, u.DepartmentId is { } dep ? departments.GetValueOrDefault(dep) : null, u.IsDepartmentHead,
            u.EnterpriseId, u.EnterpriseId is { } e ? names.GetValueOrDefault(e) : null,
            u.IsDisabled, !u.IsDisabled && u.LockoutEnd > now, u.ConcurrencyStamp ?? "")).ToList();
        return items;
    }

    public async Task<string> CreateAsync(UserRequest request)
    {
        await CheckScopeAsync(request);
        if (string.IsNullOrWhiteSpace(request.Password)) throw new DomainException("PasswordRequired");

        var user = new ZoneUser { UserName = request.UserName.Trim(), DisplayName = request.DisplayName.Trim() };
        Apply(user, request);
        await using var tx = await db.Database.BeginTransactionAsync();
        Check(await users.CreateAsync(user, request.Password));
        Check(await users.AddToRoleAsync(user, request.Role));
        AuditTrail.Security(db, "UserCreated", null, new { user = user.UserName, role = request.Role, request.DepartmentId, request.EnterpriseId });
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return user.Id;
    }

    public async Task<bool> UpdateAsync(string id, UserRequest request)
    {
        await CheckScopeAsync(request);
        var user = await users.FindByIdAsync(id);
        if (user is null) return false;
        if (string.IsNullOrEmpty(request.Version)) throw new DomainException("VersionRequired");
        // The version the editor saw must be the current one; a write between this read and the save is caught by
        // Identity's own concurrency stamp check (ConcurrencyFailure below).
        if (user.ConcurrencyStamp != request.Version) throw new ConflictException("ConcurrencyConflict");

        var oldRoles = await users.GetRolesAsync(user);
        var scopeChanged = oldRoles.SingleOrDefault() != request.Role || user.DepartmentId != request.DepartmentId
            || user.IsDepartmentHead != request.IsDepartmentHead || user.EnterpriseId != request.EnterpriseId;
        if (scopeChanged && user.Id == current.UserId && request.Role != Roles.Admin)
            throw new DomainException("CannotDemoteSelf");

        user.DisplayName = request.DisplayName.Trim();
        Apply(user, request);
        await using var tx = await db.Database.BeginTransactionAsync();
        var result = await users.UpdateAsync(user);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            throw new ConflictException("ConcurrencyConflict");
        Check(result);
        if (oldRoles.SingleOrDefault() != request.Role)
        {
            Check(await users.RemoveFromRolesAsync(user, oldRoles));
            Check(await users.AddToRoleAsync(user, request.Role));
            AuditTrail.Security(db, "RoleChanged", null, new { user = user.UserName, from = string.Join(",", oldRoles), to = request.Role });
        }
        if (scopeChanged) Check(await users.UpdateSecurityStampAsync(user));
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return true;
    }

    public async Task<bool> SetDisabledAsync(string id, bool disabled)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return false;
        if (disabled && user.Id == current.UserId) throw new DomainException("CannotDisableSelf");
        user.IsDisabled = disabled;
        user.LockoutEnd = disabled ? DateTimeOffset.MaxValue : null;
        Check(await users.UpdateAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
        AuditTrail.Security(db, disabled ? "UserDisabled" : "UserEnabled", null, new { user = user.UserName });
        await db.SaveChangesAsync();
        return true;
    }

    public async Task<bool> ResetPasswordAsync(string id, ResetPasswordRequest request)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return false;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, request.NewPassword));
        // A reset also lifts a lockout (but not a disabled account).
        if (!user.IsDisabled)
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
        }
        AuditTrail.Security(db, "PasswordReset", null, new { user = user.UserName });
        await db.SaveChangesAsync();
        return true;
    }

    async Task CheckScopeAsync(UserRequest request)
    {
        switch (request.Role)
        {
            case Roles.Staff when request.DepartmentId is null:
                throw new DomainException("DepartmentRequired");
            case Roles.Staff when !await db.Departments.AnyAsync(d => d.Id == request.DepartmentId):
                throw new DomainException("UnknownDepartment", request.DepartmentId!);
            case Roles.Enterprise when request.EnterpriseId is null:
                throw new DomainException("EnterpriseRequired");
            case Roles.Enterprise when (await enterprises.NamesAsync([request.EnterpriseId!.Value])).Count == 0:
                throw new DomainException("UnknownEnterprise", request.EnterpriseId!);
        }
    }

    static void Apply(ZoneUser user, UserRequest request)
    {
        // Department belongs to staff, enterprise to enterprise users; nothing else keeps either.
        user.DepartmentId = request.Role == Roles.Staff ? request.DepartmentId : null;
        user.IsDepartmentHead = request.Role == Roles.Staff && request.IsDepartmentHead;
        user.EnterpriseId = request.Role == Roles.Enterprise ? request.EnterpriseId : null;
    }

    static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new IdentityException(result.Errors.Select(e => e.Description).ToList());
    }
}

/// <summary>Identity refused (password rules, duplicate name): its messages are already in the user's language.</summary>
public sealed class IdentityException(IReadOnlyList<string> messages) : DomainException("Identity")
{
    public IReadOnlyList<string> Messages { get; } = messages;

    public override string LocalizedMessage(System.Globalization.CultureInfo culture) => string.Join(" ", Messages);
}
