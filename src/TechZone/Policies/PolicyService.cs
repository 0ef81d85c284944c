using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform;
using TechZone.Platform.Calendar;
using TechZone.Platform.Identity;

namespace TechZone.SupportPolicies;

/// <summary>
/// The policy catalog: policies, their dated versions and items. A published version is immutable: a change is a new
/// draft version (copied from the latest), edited and published in its turn. Staff with the module's write grant
/// write; staff with the read grant and enterprises read (enterprises see published versions only).
/// </summary>
public sealed class PolicyService(ZoneDb db, CurrentUser current, IAuthorizationService authorization, ZoneTime time, TimeProvider clock,
    PolicyEngineService engine, Platform.Files.FileService files)
{
    DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<bool> CanWriteAsync() =>
        current.IsInternal && (await authorization.AuthorizeAsync(current.Principal, PolicyPolicies.Write)).Succeeded;

    async Task RequireWriteAsync()
    {
        if (!await CanWriteAsync()) throw new PolicyForbiddenException();
    }

    // ---------------------------------------------------------------- reading

    public async Task<IReadOnlyList<PolicySummary>> ListAsync(bool chinese, CancellationToken ct = default)
    {
        var today = time.Today;
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => chinese || d.NameEn == "" ? d.Name : d.NameEn, ct);
        var policies = await db.Set<Policy>().AsNoTracking().Include(p => p.Versions).ThenInclude(v => v.Items)
            .AsSplitQuery().OrderBy(p => p.Id).ToListAsync(ct);
        return policies
            .Where(p => current.IsInternal || p.Versions.Any(v => v.State == VersionState.Published))
            .Select(p =>
            {
                var shown = InForce(p.Versions, today) ?? p.Versions.Where(v => current.IsInternal || v.State == VersionState.Published).MaxBy(v => v.Number);
                return new PolicySummary(p.Id, p.Code, p.DisplayTitle(chinese), p.IssuingBody,
                    p.DepartmentId is { } d ? departments.GetValueOrDefault(d) : null, p.BudgetFen, shown?.DocumentNumber, shown?.EffectiveFrom,
                    p.Versions.Count(v => current.IsInternal || v.State == VersionState.Published),
                    current.IsInternal && p.Versions.Any(v => v.State == VersionState.Draft), shown?.Items.Count ?? 0);
            }).ToList();
    }

    /// <summary>The published version in force on a day: the latest one begun by then and not ended.</summary>
    public static PolicyVersion? InForce(IEnumerable<PolicyVersion> versions, DateOnly on) =>
        versions.Where(v => v.State == VersionState.Published && v.EffectiveFrom <= on && (v.EffectiveUntil is null || v.EffectiveUntil >= on))
            .OrderByDescending(v => v.EffectiveFrom).ThenByDescending(v => v.Number).FirstOrDefault();

    public async Task<PolicyDetail?> GetAsync(int id, bool chinese, CancellationToken ct = default)
    {
        var p = await db.Set<Policy>().AsNoTracking().Include(x => x.Versions).ThenInclude(v => v.Items).AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return null;
        var versions = p.Versions.Where(v => current.IsInternal || v.State == VersionState.Published).OrderByDescending(v => v.Number).ToList();
        if (versions.Count == 0) return null;
        var department = p.DepartmentId is { } d
            ? await db.Departments.AsNoTracking().Where(x => x.Id == d).Select(x => chinese || x.NameEn == "" ? x.Name : x.NameEn).FirstOrDefaultAsync(ct)
            : null;
        var inForce = InForce(p.Versions, time.Today);
        return new PolicyDetail(p.Id, p.Code, p.Title, p.TitleEn, p.IssuingBody, p.DepartmentId, department, p.BudgetFen, p.Version,
            versions.Select(v => new VersionDetail(v.Id, v.Number, v.DocumentNumber, v.PublishedOn, v.EffectiveFrom, v.EffectiveUntil, v.SourceText,
                v.State, PolicyTime.Utc(v.PublishedUtc), v.PublishedBy, v.Version, v.Id == inForce?.Id,
                v.Items.OrderBy(i => i.SortOrder).ThenBy(i => i.Id).Select(ToDetail).ToList())).ToList(),
            await CanWriteAsync());
    }

    static ItemDetail ToDetail(PolicyItem i) => new(i.Id, i.Code, i.Title, i.TitleEn, i.Description, CriteriaDocument.Parse(i.CriteriaJson),
        i.BenefitJson is { } b ? BenefitRule.Parse(b) : null, i.WindowOpensOn, i.WindowClosesOn, i.NoApplication, i.SortOrder, i.Version,
        ApplicationForm.Parse(i.FormJson));

    // ---------------------------------------------------------------- writing

    public async Task<int> CreateAsync(PolicyRequest request, CancellationToken ct = default)
    {
        await RequireWriteAsync();
        var code = request.Code.Trim();
        if (await db.Set<Policy>().AnyAsync(p => p.Code == code, ct)) throw new PolicyConflictException("DuplicateCode", code);
        await CheckDepartmentAsync(request.DepartmentId, ct);
        var today = time.Today;
        var policy = new Policy { Code = code, CreatedUtc = Now };
        Apply(policy, request);
        // Responsible by default: the creator's department (its staff then review the applications and pay).
        policy.DepartmentId ??= current.DepartmentId;
        policy.Versions.Add(new PolicyVersion { Number = 1, DocumentNumber = "", PublishedOn = today, EffectiveFrom = today });
        db.Add(policy);
        await SaveAsync(ct);
        return policy.Id;
    }

    public async Task<bool> UpdateAsync(int id, PolicyRequest request, CancellationToken ct = default)
    {
        await RequireWriteAsync();
        var policy = await db.Set<Policy>().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (policy is null) return false;
        CheckVersion(policy, policy.Version, request.Version);
        await CheckDepartmentAsync(request.DepartmentId, ct);
        Apply(policy, request);
        await SaveAsync(ct);
        return true;
    }

    static void Apply(Policy policy, PolicyRequest request)
    {
        policy.Title = request.Title.Trim();
        policy.TitleEn = request.TitleEn?.Trim() ?? "";
        policy.IssuingBody = request.IssuingBody.Trim();
        policy.DepartmentId = request.DepartmentId;
        policy.BudgetFen = request.BudgetFen;
    }

    async Task CheckDepartmentAsync(int? departmentId, CancellationToken ct)
    {
        if (departmentId is { } d && !await db.Departments.AnyAsync(x => x.Id == d, ct)) throw new PolicyRuleException("DepartmentNotFound");
    }

    /// <summary>Starts a new draft version from the latest one (its document data and items copied); one draft at a time.</summary>
    public async Task<int?> NewVersionAsync(int policyId, CancellationToken ct = default)
    {
        await RequireWriteAsync();
        var policy = await db.Set<Policy>().Include(p => p.Versions).ThenInclude(v => v.Items).AsSplitQuery().SingleOrDefaultAsync(p => p.Id == policyId, ct);
        if (policy is null) return null;
        if (policy.Versions.Any(v => v.State == VersionState.Draft)) throw new PolicyConflictException("DraftExists");
        var latest = policy.Versions.MaxBy(v => v.Number)!;
        var draft = new PolicyVersion
        {
            PolicyId = policy.Id, Number = latest.Number + 1, DocumentNumber = latest.DocumentNumber, PublishedOn = time.Today,
            EffectiveFrom = time.Today, SourceText = latest.SourceText,
            Items = latest.Items.Select(i => new PolicyItem
            {
                Code = i.Code, Title = i.Title, TitleEn = i.TitleEn, Description = i.Description, CriteriaJson = i.CriteriaJson,
                BenefitJson = i.BenefitJson, WindowOpensOn = i.WindowOpensOn, WindowClosesOn = i.WindowClosesOn,
                NoApplication = i.NoApplication, SortOrder = i.SortOrder, FormJson = i.FormJson,
            }).ToList(),
        };
        db.Add(draft);
        await SaveAsync(ct);
        return draft.Id;
    }

    async Task<PolicyVersion?> DraftAsync(int policyId, int versionId, CancellationToken ct)
    {
        var version = await db.Set<PolicyVersion>().Include(v => v.Items).SingleOrDefaultAsync(v => v.Id == versionId && v.PolicyId == policyId, ct);
        version?.RequireDraft();
        return version;
    }

    public async Task<bool> UpdateVersionAsync(int policyId, int versionId, VersionRequest request, CancellationToken ct = default)
    {
        await RequireWriteAsync();
        var version = await DraftAsync(policyId, versionId, ct);
        if (version is null) return false;
        CheckVersion(version, version.Version, request.Version);
        if (request.EffectiveUntil is { } until && until < request.EffectiveFrom) throw new PolicyRuleException("EffectiveRange");
        version.DocumentNumber = request.DocumentNumber.Trim();
        version.PublishedOn = request.PublishedOn!.Value;
        version.EffectiveFrom = request.EffectiveFrom!.Value;
        version.EffectiveUntil = request.EffectiveUntil;
        version.SourceText = request.SourceText?.Trim() ?? "";
        await SaveAsync(ct);
        return true;
    }

    /// <summary>Adds an item to a draft version (or changes one when <paramref name="itemId"/> is given); returns the item's id, 0 when not found.</summary>
    public async Task<int> SaveItemAsync(int policyId, int versionId, int? itemId, ItemRequest request, CancellationToken ct = default)
    {
        await RequireWriteAsync();
        var version = await DraftAsync(policyId, versionId, ct);
        if (version is null) return 0;
        var item = itemId is { } iid ? version.Items.SingleOrDefault(i => i.Id == iid) : new PolicyItem();
        if (item is null) return 0;
        if (itemId is not null) CheckVersion(item, item.Version, request.Version);
        var code = request.Code.Trim();
        if (version.Items.Any(i => i.Code == code && i != item)) throw new PolicyConflictException("DuplicateItemCode", code);
        var criteria = request.Criteria ?? throw new PolicyRuleException("CriteriaInvalid");
        PolicyValidation.Check(criteria);
        if (request.Benefit is { } benefit) PolicyValidation.Check(benefit);
        if (request.WindowOpensOn is { } open && request.WindowClosesOn is { } close && close < open) throw new PolicyRuleException("WindowRange");
        if (request.Form is { } form) FulfillmentValidation.Check(form, files.AllowedExtensions);

        item.Code = code;
        item.Title = request.Title.Trim();
        item.TitleEn = request.TitleEn?.Trim() ?? "";
        item.Description = request.Description?.Trim() ?? "";
        item.CriteriaJson = criteria.ToJson();
        item.BenefitJson = request.Benefit?.ToJson();
        item.WindowOpensOn = request.WindowOpensOn;
        item.WindowClosesOn = request.WindowClosesOn;
        item.NoApplication = request.NoApplication;
        item.FormJson = request.Form?.ToJson();
        item.SortOrder = request.SortOrder;
        if (item.CriteriaJson.Length > PolicyLimits.CriteriaJson) throw new PolicyRuleException("CriteriaTooLarge");
        if (itemId is null) version.Items.Add(item);
        await SaveAsync(ct);
        return item.Id;
    }

    public async Task<bool> DeleteItemAsync(int policyId, int versionId, int itemId, CancellationToken ct = default)
    {
        await RequireWriteAsync();
        var version = await DraftAsync(policyId, versionId, ct);
        var item = version?.Items.SingleOrDefault(i => i.Id == itemId);
        if (item is null) return false;
        db.Remove(item);
        await SaveAsync(ct);
        return true;
    }

    /// <summary>
    /// Publishes a draft: from now on it never changes. It needs a document number and at least one item; its
    /// policy's items are then re-evaluated against every enterprise and newly matched enterprises are notified.
    /// </summary>
    public async Task<EvaluationReport?> PublishAsync(int policyId, int versionId, long? seen, CancellationToken ct = default)
    {
        await RequireWriteAsync();
        var version = await DraftAsync(policyId, versionId, ct);
        if (version is null) return null;
        CheckVersion(version, version.Version, seen);
        if (version.DocumentNumber.Trim() == "") throw new PolicyRuleException("DocumentNumberRequired");
        if (version.Items.Count == 0) throw new PolicyRuleException("NoItems");
        foreach (var item in version.Items) PolicyValidation.Check(CriteriaDocument.Parse(item.CriteriaJson));
        version.State = VersionState.Published;
        version.PublishedUtc = Now;
        version.PublishedBy = current.UserName;
        await SaveAsync(ct);
        return await engine.EvaluatePolicyAsync(policyId, ct);
    }

    static void CheckVersion(object entity, long actual, long? seen)
    {
        if (seen is not { } v) throw new DomainException("VersionRequired");
        if (v != actual) throw new ConflictException("ConcurrencyConflict");
    }

    async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new ConflictException("ConcurrencyConflict");
        }
    }
}
