using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Enterprises.Resources;
using TechZone.Platform;
using TechZone.Platform.Calendar;
using TechZone.Platform.Identity;
using TechZone.Platform.Inbox;
using TechZone.Platform.Zone;

namespace TechZone.Enterprises;

/// <summary>
/// Profile corrections: an enterprise user proposes changes to its own profile; staff with the registry's write
/// grant accept them (applied through <see cref="EnterpriseService.UpdateAsync"/>, so the same rules and the same
/// audit apply) or reject them with a reason. The staff's departments get a to-do; the proposer is notified of the
/// decision. An enterprise has at most one pending correction: proposing again replaces it, so the staff always
/// decide on the enterprise's latest word and never work through a queue of outdated ones.
/// </summary>
public sealed class EnterpriseCorrectionService(ZoneDb db, CurrentUser current, EnterpriseService enterprises, InboxService inbox,
    NotificationService notifications, IAuthorizationService authorization, ZoneTime time)
{
    static readonly CultureInfo Chinese = new("zh-CN");

    /// <summary>How many corrections of one enterprise a list shows (the newest).</summary>
    const int ListLimit = 20;

    DateOnly Today => time.Today;

    /// <summary>
    /// Proposes a correction of the current enterprise user's own profile, or replaces its pending one. Only
    /// fields that differ from the profile are kept; a proposal that changes nothing is refused.
    /// </summary>
    public async Task<CorrectionItem> ProposeAsync(CorrectionRequest request, bool chinese, CancellationToken ct = default)
    {
        if (!current.IsEnterprise || current.EnterpriseId is not { } enterpriseId || current.UserId is not { } userId)
            throw new EnterpriseForbiddenException();
        var enterprise = await db.Enterprises.AsNoTracking().SingleOrDefaultAsync(e => e.Id == enterpriseId, ct)
            ?? throw new EnterpriseForbiddenException();

        // The rules of the registry form, checked here too: the service does not trust its caller.
        var name = request.Name?.Trim() ?? "";
        if (name.Length == 0) throw new EnterpriseRuleException("CorrectionNameRequired");
        var industry = string.IsNullOrWhiteSpace(request.IndustryCode) ? null : request.IndustryCode.Trim();
        if (industry is not null && !IndustryCodes.IsKnown(industry)) throw new EnterpriseRuleException("UnknownIndustry", industry);
        if (request.FoundedOn > Today) throw new EnterpriseRuleException("FoundedInFuture");
        if (request.RegisteredCapitalFen < 0) throw new EnterpriseRuleException("NegativeCapital");

        var correction = await db.Set<EnterpriseCorrection>()
            .SingleOrDefaultAsync(c => c.EnterpriseId == enterpriseId && c.Status == CorrectionStatus.Pending, ct);
        var replacing = correction is not null;
        correction ??= new EnterpriseCorrection { EnterpriseId = enterpriseId };
        correction.Name = Changed(name, enterprise.Name);
        correction.LegalRepresentative = Changed(request.LegalRepresentative?.Trim() ?? "", enterprise.LegalRepresentative);
        correction.Address = Changed(request.Address?.Trim() ?? "", enterprise.Address);
        correction.RegisteredCapitalFen = request.RegisteredCapitalFen == enterprise.RegisteredCapitalFen ? null : request.RegisteredCapitalFen;
        correction.FoundedOn = request.FoundedOn == enterprise.FoundedOn ? null : request.FoundedOn;
        correction.IndustryCode = industry == enterprise.IndustryCode ? null : industry;
        correction.SizeClass = request.SizeClass == enterprise.SizeClass ? null : request.SizeClass;
        if (Changes(correction, enterprise, chinese).Count == 0) throw new EnterpriseRuleException("CorrectionEmpty");
        correction.Note = request.Note?.Trim() ?? "";
        correction.ProposedByUserId = userId;
        correction.ProposedByUserName = current.UserName ?? "";
        correction.ProposedUtc = DateTime.UtcNow;
        correction.EnterpriseVersion = enterprise.Version;
        if (!replacing) db.Add(correction);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (!replacing)
        {
            // A second proposal from the same enterprise at the same moment: the unique index keeps one.
            throw new EnterpriseConflictException("CorrectionPending");
        }
        await OpenToDosAsync(correction, enterprise.Name, ct);
        await transaction.CommitAsync(ct);
        return ToItem(correction, enterprise, chinese);
    }

    static string? Changed(string proposed, string current) => proposed == current ? null : proposed;

    /// <summary>
    /// The current enterprise user's pending proposal as the form's model (fields not proposed are null, the name
    /// empty), to start a replacement from; null when none is pending.
    /// </summary>
    public async Task<CorrectionRequest?> PendingOfMineAsync(CancellationToken ct = default)
    {
        if (!current.IsEnterprise || current.EnterpriseId is not { } id) return null;
        var c = await db.Set<EnterpriseCorrection>().AsNoTracking()
            .SingleOrDefaultAsync(x => x.EnterpriseId == id && x.Status == CorrectionStatus.Pending, ct);
        return c is null ? null : new CorrectionRequest
        {
            Name = c.Name ?? "", LegalRepresentative = c.LegalRepresentative, RegisteredCapitalFen = c.RegisteredCapitalFen, FoundedOn = c.FoundedOn,
            Address = c.Address, IndustryCode = c.IndustryCode, SizeClass = c.SizeClass, Note = c.Note,
        };
    }

    /// <summary>The current enterprise user's corrections, newest first.</summary>
    public async Task<IReadOnlyList<CorrectionItem>> ListMineAsync(bool chinese, CancellationToken ct = default) =>
        current.IsEnterprise && current.EnterpriseId is { } id ? await ListAsync(id, chinese, ct) ?? [] : [];

    /// <summary>
    /// One enterprise's corrections, newest first. Null when the enterprise does not exist or the caller may not
    /// see it (an enterprise user asking about another enterprise), so that the two look the same.
    /// </summary>
    public async Task<IReadOnlyList<CorrectionItem>?> ListAsync(int enterpriseId, bool chinese, CancellationToken ct = default)
    {
        if (!current.IsInternal && current.EnterpriseId != enterpriseId) return null;
        var enterprise = await db.Enterprises.AsNoTracking().SingleOrDefaultAsync(e => e.Id == enterpriseId, ct);
        if (enterprise is null) return null;
        var rows = await db.Set<EnterpriseCorrection>().AsNoTracking().Where(c => c.EnterpriseId == enterpriseId)
            .OrderByDescending(c => c.ProposedUtc).ThenByDescending(c => c.Id).Take(ListLimit).ToListAsync(ct);
        return rows.Select(c => ToItem(c, enterprise, chinese)).ToList();
    }

    /// <summary>Every pending correction, oldest first: the staff's work list. Only for the zone's own people.</summary>
    public async Task<IReadOnlyList<CorrectionItem>> ListPendingAsync(bool chinese, CancellationToken ct = default)
    {
        if (!current.IsInternal) return [];
        var rows = await db.Set<EnterpriseCorrection>().AsNoTracking().Where(c => c.Status == CorrectionStatus.Pending)
            .Join(db.Enterprises.AsNoTracking(), c => c.EnterpriseId, e => e.Id, (c, e) => new { c, e })
            .OrderBy(x => x.c.ProposedUtc).ThenBy(x => x.c.Id).ToListAsync(ct);
        return rows.Select(x => ToItem(x.c, x.e, chinese)).ToList();
    }

    /// <summary>The number of pending corrections, for a badge.</summary>
    public Task<int> CountPendingAsync(CancellationToken ct = default) =>
        current.IsInternal ? db.Set<EnterpriseCorrection>().CountAsync(c => c.Status == CorrectionStatus.Pending, ct) : Task.FromResult(0);

    /// <summary>
    /// Accepts a pending correction: the profile is updated through <see cref="EnterpriseService.UpdateAsync"/> (its
    /// checks, version and audit), the correction marked accepted, the to-dos closed and the proposer notified, in
    /// one transaction. 409 when the correction or the profile changed since the decider looked at them. Null when
    /// there is no such correction of this enterprise.
    /// </summary>
    public async Task<CorrectionItem?> AcceptAsync(int enterpriseId, int id, AcceptCorrectionRequest request, bool chinese, CancellationToken ct = default)
    {
        await RequireWriteAsync();
        var correction = await db.Set<EnterpriseCorrection>().SingleOrDefaultAsync(c => c.Id == id && c.EnterpriseId == enterpriseId, ct);
        if (correction is null) return null;
        if (request.Version is not { } version || request.EnterpriseVersion is not { } enterpriseVersion) throw new DomainException("VersionRequired");
        CheckPending(correction, version);
        var enterprise = await db.Enterprises.AsNoTracking().SingleAsync(e => e.Id == enterpriseId, ct);
        if (enterprise.Version != enterpriseVersion) throw new EnterpriseConflictException("CorrectionStale");

        var update = new EnterpriseRequest
        {
            CreditCode = enterprise.CreditCode,
            Name = correction.Name ?? enterprise.Name,
            LegalRepresentative = correction.LegalRepresentative ?? enterprise.LegalRepresentative,
            RegisteredCapitalFen = correction.RegisteredCapitalFen ?? enterprise.RegisteredCapitalFen,
            FoundedOn = correction.FoundedOn ?? enterprise.FoundedOn,
            ParkId = enterprise.ParkId,
            Address = correction.Address ?? enterprise.Address,
            IndustryCode = correction.IndustryCode ?? enterprise.IndustryCode,
            SizeClass = correction.SizeClass ?? enterprise.SizeClass,
            Version = enterpriseVersion,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await enterprises.UpdateAsync(enterpriseId, update);
        return await DecideAsync(correction, CorrectionStatus.Accepted, null, transaction, chinese, ct);
    }

    /// <summary>Rejects a pending correction with a reason the proposer is told; the profile is not touched.</summary>
    public async Task<CorrectionItem?> RejectAsync(int enterpriseId, int id, RejectCorrectionRequest request, bool chinese, CancellationToken ct = default)
    {
        await RequireWriteAsync();
        var correction = await db.Set<EnterpriseCorrection>().SingleOrDefaultAsync(c => c.Id == id && c.EnterpriseId == enterpriseId, ct);
        if (correction is null) return null;
        if (request.Version is not { } version) throw new DomainException("VersionRequired");
        var reason = request.Reason?.Trim() ?? "";
        if (reason.Length == 0) throw new EnterpriseRuleException("CorrectionReasonRequired");
        CheckPending(correction, version);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        return await DecideAsync(correction, CorrectionStatus.Rejected, reason, transaction, chinese, ct);
    }

    void CheckPending(EnterpriseCorrection correction, long version)
    {
        // Replaced by a newer proposal, or decided by someone else, since the decider looked at it.
        if (correction.Version != version) throw new ConflictException("ConcurrencyConflict");
        if (correction.Status != CorrectionStatus.Pending) throw new EnterpriseConflictException("CorrectionDecided");
        db.Entry(correction).Property(c => c.Version).OriginalValue = version;
    }

    async Task<CorrectionItem> DecideAsync(EnterpriseCorrection correction, CorrectionStatus status, string? reason,
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, bool chinese, CancellationToken ct)
    {
        correction.Status = status;
        correction.RejectReason = reason;
        correction.DecidedByUserName = current.UserName;
        correction.DecidedUtc = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);

        foreach (var department in await db.Departments.AsNoTracking().Select(d => d.Id).ToListAsync(ct))
            await inbox.CompleteAsync(Modules.Enterprises, ToDoKey(correction.Id, department), ct);
        if (await db.Users.AnyAsync(u => u.Id == correction.ProposedByUserId, ct))
        {
            var proposed = correction.ProposedUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var (title, titleEn) = Both(status == CorrectionStatus.Accepted ? nameof(EnterpriseStrings.Correction_AcceptedTitle) : nameof(EnterpriseStrings.Correction_RejectedTitle));
            var (body, bodyEn) = Both(status == CorrectionStatus.Accepted ? nameof(EnterpriseStrings.Correction_AcceptedBody) : nameof(EnterpriseStrings.Correction_RejectedBody),
                proposed, current.UserName ?? "", reason ?? "");
            await notifications.NotifyAsync([correction.ProposedByUserId], new NotificationMessage(title, titleEn, body, bodyEn, "/my/enterprise"), ct: ct);
        }
        await transaction.CommitAsync(ct);

        var enterprise = await db.Enterprises.AsNoTracking().SingleAsync(e => e.Id == correction.EnterpriseId, ct);
        return ToItem(correction, enterprise, chinese);
    }

    /// <summary>A to-do for each department that may write the registry (their staff decide), linking to the profile.</summary>
    async Task OpenToDosAsync(EnterpriseCorrection correction, string enterpriseName, CancellationToken ct)
    {
        var departments = await db.DepartmentGrants.AsNoTracking()
            .Where(g => g.Module == Modules.Enterprises && g.Access == ModuleAccess.Write)
            .Select(g => g.DepartmentId).Distinct().ToListAsync(ct);
        var (title, titleEn) = Both(nameof(EnterpriseStrings.Correction_ToDo), enterpriseName);
        foreach (var department in departments)
            await inbox.OpenAsync(new InboxItemRequest(Modules.Enterprises, ToDoKey(correction.Id, department), Clip(title), Clip(titleEn),
                $"/enterprises/{correction.EnterpriseId}", DepartmentId: department), ct);
    }

    static string ToDoKey(int correctionId, int departmentId) => $"correction:{correctionId}:department:{departmentId}";

    static string Clip(string text) => text.Length <= InboxLimits.Title ? text : text[..(InboxLimits.Title - 1)] + "…";

    /// <summary>A message in both languages, for the to-do and the notification (each reader sees their own).</summary>
    static (string Chinese, string English) Both(string key, params object[] arguments) =>
        (string.Format(Chinese, EnterpriseStrings.ResourceManager.GetString(key, Chinese)!, arguments),
         string.Format(CultureInfo.InvariantCulture, EnterpriseStrings.ResourceManager.GetString(key, CultureInfo.InvariantCulture)!, arguments));

    static CorrectionItem ToItem(EnterpriseCorrection c, Enterprise e, bool chinese) =>
        new(c.Id, c.EnterpriseId, e.Name, c.Status, c.ProposedByUserName, AsUtc(c.ProposedUtc), c.Note, Changes(c, e, chinese),
            c.Status == CorrectionStatus.Pending && c.EnterpriseVersion != e.Version, c.Version, e.Version,
            c.DecidedByUserName, c.DecidedUtc is { } d ? AsUtc(d) : null, c.RejectReason);

    static DateTime AsUtc(DateTime value) => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc);

    /// <summary>The proposed fields with the profile's current value beside each, as text in the reader's language.</summary>
    static List<CorrectionChange> Changes(EnterpriseCorrection c, Enterprise e, bool chinese)
    {
        var changes = new List<CorrectionChange>();
        void Add(string field, string label, string current, string proposed) =>
            changes.Add(new CorrectionChange(field, label, current == "" ? "—" : current, proposed == "" ? "—" : proposed));
        string Industry(string? code) => IndustryCodes.Find(code) is { } d ? $"{d.Code} {d.DisplayName(chinese)}" : "";

        if (c.Name is { } name) Add("name", EnterpriseStrings.Name, e.Name, name);
        if (c.LegalRepresentative is { } legal) Add("legalRepresentative", EnterpriseStrings.LegalRepresentative, e.LegalRepresentative, legal);
        if (c.RegisteredCapitalFen is { } capital)
            Add("registeredCapitalFen", EnterpriseStrings.RegisteredCapital, EnterpriseLabels.Capital(e.RegisteredCapitalFen), EnterpriseLabels.Capital(capital));
        if (c.FoundedOn is { } founded) Add("foundedOn", EnterpriseStrings.FoundedOn, EnterpriseLabels.Date(e.FoundedOn), EnterpriseLabels.Date(founded));
        if (c.IndustryCode is { } industry) Add("industryCode", EnterpriseStrings.Industry, Industry(e.IndustryCode), Industry(industry));
        if (c.SizeClass is { } size) Add("sizeClass", EnterpriseStrings.SizeClass, EnterpriseLabels.Size(e.SizeClass), EnterpriseLabels.Size(size));
        if (c.Address is { } address) Add("address", EnterpriseStrings.Address, e.Address, address);
        return changes;
    }

    async Task RequireWriteAsync()
    {
        if (!(await authorization.AuthorizeAsync(current.Principal, EnterprisePolicies.Write)).Succeeded)
            throw new EnterpriseForbiddenException();
    }
}
