using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform;
using TechZone.Platform.Calendar;
using TechZone.Platform.Identity;

namespace TechZone.Enterprises;

/// <summary>
/// Qualifications (资质): the admin's list of types, and the qualifications each enterprise holds, with their status
/// today (valid, expiring within 90 days, expired). Staff with the write grant record them; everyone who may see the
/// enterprise reads them.
/// </summary>
public sealed class QualificationService(ZoneDb db, CurrentUser current, IAuthorizationService authorization, ZoneTime time,
    IEnumerable<IEnterpriseChangeListener> listeners)
{
    // ---- Types (admin) ----

    /// <summary>The types in list order, with how many qualifications use each; <paramref name="activeOnly"/> for pickers.</summary>
    public async Task<IReadOnlyList<QualificationTypeItem>> ListTypesAsync(bool chinese, bool activeOnly = false, CancellationToken ct = default)
    {
        var types = db.Set<QualificationType>().AsNoTracking();
        if (activeOnly) types = types.Where(t => t.IsActive);
        var rows = await types.OrderBy(t => t.SortOrder).ThenBy(t => t.Id)
            .Select(t => new { Type = t, HeldBy = db.Set<EnterpriseQualification>().Count(q => q.QualificationTypeId == t.Id) })
            .ToListAsync(ct);
        return rows.Select(r => ToItem(r.Type, r.HeldBy, chinese)).ToList();
    }

    public async Task<QualificationTypeItem> CreateTypeAsync(QualificationTypeRequest request, bool chinese, CancellationToken ct = default)
    {
        RequireAdmin();
        var code = await CheckTypeAsync(request, null, ct);
        var type = new QualificationType { Code = code };
        Apply(type, request);
        db.Add(type);
        await SaveTypeAsync(code, ct);
        return ToItem(type, 0, chinese);
    }

    /// <summary>Changes a type; the version must be the one the admin saw (409 otherwise).</summary>
    public async Task<QualificationTypeItem?> UpdateTypeAsync(int id, QualificationTypeRequest request, bool chinese, CancellationToken ct = default)
    {
        RequireAdmin();
        var type = await db.Set<QualificationType>().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (type is null) return null;
        if (request.Version is not { } version) throw new DomainException("VersionRequired");
        if (type.Version != version) throw new ConflictException("ConcurrencyConflict");
        type.Code = await CheckTypeAsync(request, id, ct);
        Apply(type, request);
        await SaveTypeAsync(type.Code, ct);
        return ToItem(type, await db.Set<EnterpriseQualification>().CountAsync(q => q.QualificationTypeId == id, ct), chinese);
    }

    /// <summary>Deletes a type nobody holds; one in use is deactivated instead (409 explains).</summary>
    public async Task<bool> DeleteTypeAsync(int id, long? version = null, CancellationToken ct = default)
    {
        RequireAdmin();
        var type = await db.Set<QualificationType>().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (type is null) return false;
        if (version is { } v && v != type.Version) throw new ConflictException("ConcurrencyConflict");
        var held = await db.Set<EnterpriseQualification>().CountAsync(q => q.QualificationTypeId == id, ct);
        if (held > 0) throw new EnterpriseConflictException("QualificationTypeInUse", type.DisplayName(Platform.Localization.ZoneCultures.IsChinese), held);
        db.Remove(type);
        await SaveTypeAsync(type.Code, ct);
        return true;
    }

    // ---- An enterprise's qualifications ----

    /// <summary>An enterprise's qualifications, latest first; null when the caller may not see the enterprise.</summary>
    public async Task<IReadOnlyList<QualificationItem>?> ListAsync(int enterpriseId, bool chinese, CancellationToken ct = default)
    {
        if (!await EnterpriseScope.VisibleAsync(db, current, enterpriseId, ct)) return null;
        var rows = await db.Set<EnterpriseQualification>().AsNoTracking().Include(q => q.Type)
            .Where(q => q.EnterpriseId == enterpriseId)
            .OrderByDescending(q => q.IssuedOn).ThenByDescending(q => q.Id)
            .ToListAsync(ct);
        var today = time.Today;
        return rows.Select(q => ToItem(q, chinese, today)).ToList();
    }

    /// <summary>Bulk read for other modules (chain health): which of the enterprises hold a qualification valid today. Internal callers only.</summary>
    public async Task<IReadOnlySet<int>> QualifiedAsync(IReadOnlyCollection<int> enterpriseIds, CancellationToken ct = default)
    {
        if (!current.IsInternal || enterpriseIds.Count == 0) return new HashSet<int>();
        var ids = enterpriseIds.Distinct().ToList();
        var today = time.Today;
        var held = await db.Set<EnterpriseQualification>().AsNoTracking()
            .Where(q => ids.Contains(q.EnterpriseId) && (q.ExpiresOn == null || q.ExpiresOn >= today))
            .Select(q => q.EnterpriseId).Distinct().ToListAsync(ct);
        return held.ToHashSet();
    }

    /// <summary>The signed-in enterprise user's own qualifications.</summary>
    public Task<IReadOnlyList<QualificationItem>?> ListMineAsync(bool chinese, CancellationToken ct = default) =>
        current.EnterpriseId is { } id ? ListAsync(id, chinese, ct) : Task.FromResult<IReadOnlyList<QualificationItem>?>(null);

    /// <summary>Records a qualification; null when the enterprise does not exist.</summary>
    public async Task<QualificationItem?> AddAsync(int enterpriseId, QualificationRequest request, bool chinese, CancellationToken ct = default)
    {
        await EnterpriseScope.RequireWriteAsync(authorization, current);
        if (!await db.Enterprises.AnyAsync(e => e.Id == enterpriseId, ct)) return null;
        var qualification = new EnterpriseQualification { EnterpriseId = enterpriseId };
        await ApplyAsync(qualification, request, ct);
        db.Add(qualification);
        foreach (var listener in listeners) listener.Changed(enterpriseId);
        await db.SaveChangesAsync(ct);
        return ToItem(qualification, chinese, time.Today);
    }

    /// <summary>Changes a qualification; the version must be the one the editor saw (409 otherwise).</summary>
    public async Task<QualificationItem?> UpdateAsync(int enterpriseId, int qualificationId, QualificationRequest request, bool chinese, CancellationToken ct = default)
    {
        await EnterpriseScope.RequireWriteAsync(authorization, current);
        var qualification = await db.Set<EnterpriseQualification>().SingleOrDefaultAsync(q => q.Id == qualificationId && q.EnterpriseId == enterpriseId, ct);
        if (qualification is null) return null;
        if (request.Version is not { } version) throw new DomainException("VersionRequired");
        if (qualification.Version != version) throw new ConflictException("ConcurrencyConflict");
        await ApplyAsync(qualification, request, ct);
        foreach (var listener in listeners) listener.Changed(enterpriseId);
        await SaveAsync(ct);
        return ToItem(qualification, chinese, time.Today);
    }

    /// <summary>Removes a qualification recorded in error (an expired one stays: it is history). A given version must be current.</summary>
    public async Task<bool> RemoveAsync(int enterpriseId, int qualificationId, long? version = null, CancellationToken ct = default)
    {
        await EnterpriseScope.RequireWriteAsync(authorization, current);
        var qualification = await db.Set<EnterpriseQualification>().SingleOrDefaultAsync(q => q.Id == qualificationId && q.EnterpriseId == enterpriseId, ct);
        if (qualification is null) return false;
        if (version is { } v && v != qualification.Version) throw new ConflictException("ConcurrencyConflict");
        db.Remove(qualification);
        foreach (var listener in listeners) listener.Changed(enterpriseId);
        await SaveAsync(ct);
        return true;
    }

    /// <summary>Every qualification held (of one enterprise when given), by type code, for a policy engine; an enterprise user's own only.</summary>
    public async Task<IReadOnlyList<QualificationHeld>> HeldAsync(int? enterpriseId = null, CancellationToken ct = default)
    {
        var rows = db.Set<EnterpriseQualification>().AsNoTracking();
        if (!current.IsInternal && current.IsAuthenticated) rows = rows.Where(q => q.EnterpriseId == current.EnterpriseId);
        if (enterpriseId is { } id) rows = rows.Where(q => q.EnterpriseId == id);
        return await rows.Select(q => new QualificationHeld(q.EnterpriseId, q.Type!.Code, q.IssuedOn, q.ExpiresOn)).ToListAsync(ct);
    }

    /// <summary>The expiry a new qualification gets by default: its type's validity, ending the day before the anniversary.</summary>
    public static DateOnly? DefaultExpiry(DateOnly issuedOn, int? validityYears) =>
        validityYears is { } years ? issuedOn.AddYears(years).AddDays(-1) : null;

    async Task ApplyAsync(EnterpriseQualification qualification, QualificationRequest request, CancellationToken ct)
    {
        if (request.TypeId is not { } typeId || request.IssuedOn is not { } issued) throw new EnterpriseRuleException("QualificationIncomplete");
        var type = await db.Set<QualificationType>().SingleOrDefaultAsync(t => t.Id == typeId, ct)
            ?? throw new EnterpriseRuleException("UnknownQualificationType", typeId);
        // A type taken out of use is no longer awarded; a qualification that already has it may keep it.
        if (!type.IsActive && qualification.QualificationTypeId != typeId)
            throw new EnterpriseRuleException("QualificationTypeInactive", type.DisplayName(Platform.Localization.ZoneCultures.IsChinese));
        if (issued > time.Today) throw new EnterpriseRuleException("QualificationIssuedInFuture");
        var expires = request.ExpiresOn ?? DefaultExpiry(issued, type.ValidityYears);
        if (expires < issued) throw new EnterpriseRuleException("QualificationExpiresBeforeIssued", Format(expires.Value), Format(issued));
        if (await db.Set<EnterpriseQualification>().AnyAsync(q => q.EnterpriseId == qualification.EnterpriseId && q.QualificationTypeId == typeId
                && q.IssuedOn == issued && q.Id != qualification.Id, ct))
            throw new EnterpriseConflictException("DuplicateQualification", type.DisplayName(Platform.Localization.ZoneCultures.IsChinese), Format(issued));

        qualification.QualificationTypeId = typeId;
        qualification.Type = type;
        qualification.CertificateNumber = request.CertificateNumber?.Trim() ?? "";
        qualification.IssuedOn = issued;
        qualification.ExpiresOn = expires;
        qualification.Note = request.Note?.Trim() ?? "";
    }

    async Task<string> CheckTypeAsync(QualificationTypeRequest request, int? id, CancellationToken ct)
    {
        var code = request.Code.Trim().ToLowerInvariant();
        if (code == "" || string.IsNullOrWhiteSpace(request.Name)) throw new EnterpriseRuleException("QualificationTypeIncomplete");
        if (await db.Set<QualificationType>().AnyAsync(t => t.Code == code && t.Id != id, ct))
            throw new EnterpriseConflictException("DuplicateQualificationType", code);
        return code;
    }

    static void Apply(QualificationType type, QualificationTypeRequest request)
    {
        type.Name = request.Name.Trim();
        type.NameEn = request.NameEn?.Trim() ?? "";
        type.ValidityYears = request.ValidityYears;
        type.IsActive = request.IsActive;
        type.SortOrder = request.SortOrder;
    }

    void RequireAdmin()
    {
        if (!current.IsAdmin) throw new EnterpriseForbiddenException();
    }

    async Task SaveTypeAsync(string code, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("ConcurrencyConflict");
        }
        catch (DbUpdateException)
        {
            // Two admins adding one code at once: the unique index refuses the second.
            db.ChangeTracker.Clear();
            if (await db.Set<QualificationType>().AnyAsync(t => t.Code == code, ct)) throw new EnterpriseConflictException("DuplicateQualificationType", code);
            throw;
        }
    }

    async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("ConcurrencyConflict");
        }
    }

    static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    static QualificationTypeItem ToItem(QualificationType t, int heldBy, bool chinese) =>
        new(t.Id, t.Code, t.DisplayName(chinese), t.Name, t.NameEn, t.ValidityYears, t.IsActive, t.SortOrder, heldBy, t.Version);

    static QualificationItem ToItem(EnterpriseQualification q, bool chinese, DateOnly today) =>
        new(q.Id, q.QualificationTypeId, q.Type?.Code ?? "", q.Type?.DisplayName(chinese) ?? "", q.CertificateNumber, q.IssuedOn, q.ExpiresOn,
            EnterpriseQualification.StatusOn(q.ExpiresOn, today), q.Note, q.Version);
}
