using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Demands.Resources;
using TechZone.Platform;
using TechZone.Platform.Calendar;
using TechZone.Platform.Identity;
using TechZone.Platform.Inbox;
using TechZone.Platform.Zone;

namespace TechZone.Demands;

/// <summary>
/// Visits (走访): the shared calendar, planning with warnings, recording and cancelling. Staff of a department with
/// the Demands write grant plan visits their department leads, and record or cancel the visits their department
/// leads or takes part in; readers see every department's visits. Enforced here, so API and pages agree.
/// </summary>
public sealed class VisitService(ZoneDb db, CurrentUser current, IAuthorizationService authorization, ZoneTime time,
    IEnterpriseDirectory enterprises, InboxService inbox, IVisitDemands demands)
{
    /// <summary>The inbox items of visits belong to this module.</summary>
    public const string InboxModule = "Demands";

    public static string InboxKey(int visitId) => $"visit:{visitId}";

    IQueryable<Visit> Visits => db.Set<Visit>();

    // ---- reading ----------------------------------------------------------------------------------------------

    /// <summary>The visits whose day (visited, else planned) lies in the range (default: this month), by day.</summary>
    public async Task<IReadOnlyList<VisitSummary>> ListAsync(VisitQuery query, bool chinese, CancellationToken ct = default)
    {
        await RequireReadAsync();
        var today = time.Today;
        var from = query.From ?? new DateOnly(today.Year, today.Month, 1);
        var to = query.To ?? from.AddMonths(1).AddDays(-1);
        if (to < from) throw new DemandRuleException("VisitRangeReversed");
        if (to.DayNumber - from.DayNumber > VisitLimits.MaxRangeDays) throw new DemandRuleException("VisitRangeTooLong", VisitLimits.MaxRangeDays);

        // Either date may place a visit in the range; both are indexed, and the day it shows on is decided below.
        var rows = Visits.AsNoTracking().Include(v => v.Participants)
            .Where(v => (v.PlannedOn >= from && v.PlannedOn <= to) || (v.VisitedOn >= from && v.VisitedOn <= to));
        var department = query.Mine == true ? current.DepartmentId ?? -1 : query.DepartmentId;
        if (department is { } d) rows = rows.Where(v => v.LeadDepartmentId == d || v.Participants.Any(p => p.DepartmentId == d));
        if (query.EnterpriseId is { } e) rows = rows.Where(v => v.EnterpriseId == e);
        var visits = (await rows.ToListAsync(ct)).Where(v => v.OnDate >= from && v.OnDate <= to).ToList();
        return await SummariesAsync(visits, chinese, ct);
    }

    /// <summary>One enterprise's visits, latest first: for its profile.</summary>
    public async Task<IReadOnlyList<VisitSummary>> ForEnterpriseAsync(int enterpriseId, bool chinese, int take = 50, CancellationToken ct = default)
    {
        await RequireReadAsync();
        var visits = await Visits.AsNoTracking().Include(v => v.Participants).Where(v => v.EnterpriseId == enterpriseId)
            .OrderByDescending(v => v.PlannedOn).ThenByDescending(v => v.Id).Take(take).ToListAsync(ct);
        return (await SummariesAsync(visits, chinese, ct)).OrderByDescending(v => v.OnDate).ThenByDescending(v => v.Id).ToList();
    }

    async Task<IReadOnlyList<VisitSummary>> SummariesAsync(List<Visit> visits, bool chinese, CancellationToken ct)
    {
        var names = await enterprises.NamesAsync(visits.Select(v => v.EnterpriseId));
        var departments = await DepartmentNamesAsync(chinese, ct);
        return visits.OrderBy(v => v.OnDate).ThenBy(v => v.Id).Select(v => new VisitSummary(v.Id, v.EnterpriseId,
            names.GetValueOrDefault(v.EnterpriseId, "#" + v.EnterpriseId), v.OnDate, v.PlannedOn,
            v.LeadDepartmentId, departments.GetValueOrDefault(v.LeadDepartmentId, ""),
            v.Participants.Select(p => p.DepartmentId).Order().ToList(), v.Status, v.Purpose)).ToList();
    }

    /// <summary>One visit with its record; null when there is none.</summary>
    public async Task<VisitDetail?> GetAsync(int id, bool chinese, CancellationToken ct = default)
    {
        await RequireReadAsync();
        var v = await Visits.AsNoTracking().Include(x => x.Participants).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (v is null) return null;
        var names = await enterprises.NamesAsync([v.EnterpriseId]);
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Id).ToListAsync(ct);
        string Name(int departmentId) => departments.FirstOrDefault(d => d.Id == departmentId)?.DisplayName(chinese) ?? "";
        var canChange = await CanWriteAsync() && (current.IsAdmin || current.DepartmentId is { } mine && v.Involves(mine));
        return new VisitDetail(v.Id, v.EnterpriseId, names.GetValueOrDefault(v.EnterpriseId, "#" + v.EnterpriseId), v.PlannedOn,
            v.LeadDepartmentId, Name(v.LeadDepartmentId),
            departments.Where(d => v.Participants.Any(p => p.DepartmentId == d.Id)).Select(d => new VisitDepartmentItem(d.Id, d.Code, d.DisplayName(chinese))).ToList(),
            v.Purpose, v.PlannedByName, AsUtc(v.PlannedUtc), v.Status,
            v.VisitedOn, v.Attendees, v.Topics, v.Findings, v.FollowUps, v.RecordedByName, AsUtc(v.RecordedUtc),
            v.CancelReason, v.CancelledByName, AsUtc(v.CancelledUtc), v.Version,
            CanRecord: canChange && v.Status != VisitStatus.Cancelled,
            CanCancel: canChange && v.Status == VisitStatus.Planned);
    }

    /// <summary>The demands raised at the visit (see <see cref="IVisitDemands"/>).</summary>
    public async Task<IReadOnlyList<VisitDemandRef>> DemandsAsync(int visitId, CancellationToken ct = default)
    {
        await RequireReadAsync();
        return await demands.ForVisitAsync(visitId, ct);
    }

    /// <summary>Every department, for filters and pickers.</summary>
    public async Task<IReadOnlyList<VisitDepartmentItem>> DepartmentsAsync(bool chinese, CancellationToken ct = default)
    {
        await RequireReadAsync();
        return (await db.Departments.AsNoTracking().OrderBy(d => d.Id).ToListAsync(ct))
            .Select(d => new VisitDepartmentItem(d.Id, d.Code, d.DisplayName(chinese))).ToList();
    }

    /// <summary>Enterprises by name or credit code, for the plan dialog's picker.</summary>
    public async Task<IReadOnlyList<EnterpriseRef>> SearchEnterprisesAsync(string? text, int take = 20)
    {
        await RequireReadAsync();
        return await enterprises.SearchAsync(text, take);
    }

    /// <summary>
    /// This week's visits and the planned visits whose day has come but that are not recorded yet: the caller's
    /// department's for staff, the whole zone's for leaders and admins.
    /// </summary>
    public async Task<VisitWeekSummary> WeekSummaryAsync(CancellationToken ct = default)
    {
        await RequireReadAsync();
        var today = time.Today;
        var (from, to) = (VisitLabels.WeekStart(today), VisitLabels.WeekStart(today).AddDays(6));
        var rows = Visits.AsNoTracking().Where(v => v.Status != VisitStatus.Cancelled);
        var own = current.IsStaff && current.DepartmentId is not null;
        if (own && current.DepartmentId is { } d) rows = rows.Where(v => v.LeadDepartmentId == d || v.Participants.Any(p => p.DepartmentId == d));
        var week = await rows.Where(v => (v.PlannedOn >= from && v.PlannedOn <= to) || (v.VisitedOn >= from && v.VisitedOn <= to))
            .Select(v => new { v.PlannedOn, v.VisitedOn }).ToListAsync(ct);
        var awaiting = await rows.CountAsync(v => v.Status == VisitStatus.Planned && v.PlannedOn <= today, ct);
        return new VisitWeekSummary(week.Count(v => (v.VisitedOn ?? v.PlannedOn) >= from && (v.VisitedOn ?? v.PlannedOn) <= to), awaiting, own);
    }

    // ---- planning ---------------------------------------------------------------------------------------------

    /// <summary>What the planner should know before planning this visit: same-week visits and the monthly limit.</summary>
    public async Task<VisitCheckResult> CheckAsync(VisitCheckRequest request, CancellationToken ct = default)
    {
        await RequireWriteAsync();
        if (request.EnterpriseId is not { } enterpriseId || request.PlannedOn is not { } date) throw new DemandRuleException("VisitIncomplete");
        await EnterpriseNameAsync(enterpriseId);
        return new VisitCheckResult(await WarningsAsync(enterpriseId, date, ct));
    }

    /// <summary>
    /// Plans a visit and opens the planner's to-do to record it (due the day after the visit). With warnings and no
    /// acknowledgement nothing is saved: <see cref="VisitWarningsException"/> (409) carries them.
    /// </summary>
    public async Task<int> PlanAsync(VisitPlanRequest request, CancellationToken ct = default)
    {
        await RequireWriteAsync();
        if (request.EnterpriseId is not { } enterpriseId || request.PlannedOn is not { } date || string.IsNullOrWhiteSpace(request.Purpose))
            throw new DemandRuleException("VisitIncomplete");
        var purpose = request.Purpose.Trim();
        if (purpose.Length > VisitLimits.Purpose) throw new DemandRuleException("VisitIncomplete");
        var today = time.Today;
        if (Math.Abs(date.DayNumber - today.DayNumber) > VisitLimits.PlanWindowDays)
            throw new DemandRuleException("VisitDateOutOfRange", VisitLabels.Date(today.AddDays(-VisitLimits.PlanWindowDays)), VisitLabels.Date(today.AddDays(VisitLimits.PlanWindowDays)));
        var lead = await LeadDepartmentAsync(request.LeadDepartmentId, ct);
        var participants = await ParticipantsAsync(request.DepartmentIds, lead, ct);
        var enterpriseName = await EnterpriseNameAsync(enterpriseId);

        var warnings = await WarningsAsync(enterpriseId, date, ct);
        if (warnings.Count > 0 && !request.AcknowledgeWarnings) throw new VisitWarningsException(warnings);

        var visit = new Visit
        {
            EnterpriseId = enterpriseId, PlannedOn = date, LeadDepartmentId = lead, Purpose = purpose,
            Participants = participants.Select(p => new VisitDepartment { DepartmentId = p }).ToList(),
            PlannedByUserId = current.UserId ?? "", PlannedByName = DisplayName, PlannedUtc = DateTime.UtcNow,
        };
        // The visit and its to-do commit together: a visit is never left without the reminder to record it.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(visit);
        await db.SaveChangesAsync(ct);
        if (current.UserId is { } planner)
            await inbox.OpenAsync(new InboxItemRequest(InboxModule, InboxKey(visit.Id),
                Title(enterpriseName, "zh-CN"), Title(enterpriseName, "en"), $"/visits/{visit.Id}",
                DueUtc: DueUtc(time, date), UserId: planner), ct);
        await tx.CommitAsync(ct);
        return visit.Id;
    }

    /// <summary>A visit's record is due by the end of the day after it.</summary>
    internal static DateTime DueUtc(ZoneTime time, DateOnly plannedOn) => time.StartOfDayUtc(plannedOn.AddDays(2)).AddMinutes(-1);

    internal static string Title(string enterpriseName, string culture) =>
        Truncate(string.Format(CultureInfo.GetCultureInfo(culture), DemandStrings.ResourceManager.GetString(nameof(DemandStrings.Visit_InboxTitle), CultureInfo.GetCultureInfo(culture))!, enterpriseName), InboxLimits.Title);

    static string Truncate(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    async Task<List<VisitWarning>> WarningsAsync(int enterpriseId, DateOnly date, CancellationToken ct)
    {
        var weekFrom = VisitLabels.WeekStart(date);
        var weekTo = weekFrom.AddDays(6);
        var monthFrom = new DateOnly(date.Year, date.Month, 1);
        var monthTo = monthFrom.AddMonths(1).AddDays(-1);
        var from = weekFrom < monthFrom ? weekFrom : monthFrom;
        var to = weekTo > monthTo ? weekTo : monthTo;
        var others = (await Visits.AsNoTracking()
            .Where(v => v.EnterpriseId == enterpriseId && v.Status != VisitStatus.Cancelled
                && ((v.PlannedOn >= from && v.PlannedOn <= to) || (v.VisitedOn >= from && v.VisitedOn <= to)))
            .ToListAsync(ct)).ToList();

        var warnings = new List<VisitWarning>();
        var departments = await DepartmentNamesAsync(null, ct);
        foreach (var v in others.Where(v => v.OnDate >= weekFrom && v.OnDate <= weekTo).OrderBy(v => v.OnDate).ThenBy(v => v.Id))
        {
            var department = departments.GetValueOrDefault(v.LeadDepartmentId, "");
            warnings.Add(new VisitWarning(VisitWarningKind.SameWeek,
                string.Format(CultureInfo.CurrentUICulture, DemandStrings.Visit_Warning_SameWeek, department, VisitLabels.DateWithDay(v.OnDate)),
                v.Id, v.OnDate, department));
        }
        var limit = (await SettingsRowAsync(ct)).MaxVisitsPerEnterprisePerMonth;
        var count = others.Count(v => v.OnDate >= monthFrom && v.OnDate <= monthTo) + 1;
        if (count > limit)
            warnings.Add(new VisitWarning(VisitWarningKind.MonthlyLimit,
                string.Format(CultureInfo.CurrentUICulture, DemandStrings.Visit_Warning_MonthlyLimit, count, VisitLabels.Month(monthFrom), limit),
                Count: count, Limit: limit));
        return warnings;
    }

    /// <summary>Staff lead with their own department; an admin names the lead.</summary>
    async Task<int> LeadDepartmentAsync(int? requested, CancellationToken ct)
    {
        if (!current.IsAdmin)
        {
            if (current.DepartmentId is not { } own || requested is { } other && other != own) throw new DemandForbiddenException();
            return own;
        }
        if ((requested ?? current.DepartmentId) is not { } lead) throw new DemandRuleException("VisitLeadRequired");
        if (!await db.Departments.AnyAsync(d => d.Id == lead, ct)) throw new DemandRuleException("VisitUnknownDepartment", lead);
        return lead;
    }

    async Task<List<int>> ParticipantsAsync(List<int>? requested, int lead, CancellationToken ct)
    {
        var ids = (requested ?? []).Where(id => id != lead).Distinct().ToList();
        if (ids.Count > VisitLimits.Participants) throw new DemandRuleException("VisitTooManyDepartments", VisitLimits.Participants);
        var known = await db.Departments.Where(d => ids.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct);
        if (ids.FirstOrDefault(id => !known.Contains(id)) is var unknown && unknown != 0)
            throw new DemandRuleException("VisitUnknownDepartment", unknown);
        return ids;
    }

    async Task<string> EnterpriseNameAsync(int enterpriseId) =>
        (await enterprises.NamesAsync([enterpriseId])).GetValueOrDefault(enterpriseId)
        ?? throw new DemandRuleException("VisitUnknownEnterprise", enterpriseId);

    // ---- recording and cancelling -----------------------------------------------------------------------------

    /// <summary>Records (or corrects the record of) a visit and completes the planner's to-do. False when there is no such visit.</summary>
    public async Task<bool> RecordAsync(int id, VisitRecordRequest request, CancellationToken ct = default)
    {
        var visit = await ChangeableAsync(id, request.Version, ct);
        if (visit is null) return false;
        if (request.VisitedOn is not { } visitedOn || string.IsNullOrWhiteSpace(request.Attendees) || string.IsNullOrWhiteSpace(request.Topics))
            throw new DemandRuleException("VisitRecordIncomplete");
        visit.Record(visitedOn, time.Today, request.Attendees.Trim(), request.Topics.Trim(), request.Findings?.Trim() ?? "", request.FollowUps?.Trim() ?? "",
            current.UserId, DisplayName, DateTime.UtcNow);
        await SaveClosingTodoAsync(visit.Id, ct);
        return true;
    }

    /// <summary>Cancels a planned visit with a reason and completes the planner's to-do. False when there is no such visit.</summary>
    public async Task<bool> CancelAsync(int id, VisitCancelRequest request, CancellationToken ct = default)
    {
        var visit = await ChangeableAsync(id, request.Version, ct);
        if (visit is null) return false;
        if (string.IsNullOrWhiteSpace(request.Reason)) throw new DemandRuleException("VisitCancelReasonRequired");
        visit.Cancel(request.Reason.Trim(), DisplayName, DateTime.UtcNow);
        await SaveClosingTodoAsync(visit.Id, ct);
        return true;
    }

    /// <summary>The visit, if the caller may change it: write grant, and the caller's department leads or takes part (admin: any).</summary>
    async Task<Visit?> ChangeableAsync(int id, long? version, CancellationToken ct)
    {
        await RequireWriteAsync();
        var visit = await Visits.Include(v => v.Participants).SingleOrDefaultAsync(v => v.Id == id, ct);
        if (visit is null) return null;
        if (!current.IsAdmin && (current.DepartmentId is not { } mine || !visit.Involves(mine))) throw new DemandForbiddenException();
        if (version is { } v)
        {
            if (visit.Version != v) throw new ConflictException("ConcurrencyConflict");
            db.Entry(visit).Property(x => x.Version).OriginalValue = v;
        }
        return visit;
    }

    /// <summary>Saves the visit and completes its to-do in one transaction.</summary>
    async Task SaveClosingTodoAsync(int visitId, CancellationToken ct)
    {
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await inbox.CompleteAsync(InboxModule, InboxKey(visitId), ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("ConcurrencyConflict");
        }
    }

    // ---- settings ---------------------------------------------------------------------------------------------

    public async Task<VisitSettingsItem> SettingsAsync(CancellationToken ct = default)
    {
        await RequireReadAsync();
        var row = await SettingsRowAsync(ct);
        return new VisitSettingsItem(row.MaxVisitsPerEnterprisePerMonth, row.Version);
    }

    /// <summary>Changes the monthly limit (admin only). A given version must be current (else 409).</summary>
    public async Task<VisitSettingsItem> UpdateSettingsAsync(VisitSettingsRequest request, CancellationToken ct = default)
    {
        if (!current.IsAdmin) throw new DemandForbiddenException();
        if (request.MaxVisitsPerEnterprisePerMonth is not { } max || max < 1 || max > VisitLimits.MaxPerMonth)
            throw new DemandRuleException("VisitLimitRange", 1, VisitLimits.MaxPerMonth);
        var row = await db.Set<VisitSettings>().SingleOrDefaultAsync(s => s.Id == 1, ct);
        if (row is null)
        {
            // The defaults read as version 0; the first saved row is version 1, so an editor of the defaults is stale now.
            if (request.Version is { } v && v != 0) throw new ConflictException("ConcurrencyConflict");
            row = new VisitSettings { Version = 1 };
            db.Add(row);
        }
        else if (request.Version is { } v)
        {
            if (row.Version != v) throw new ConflictException("ConcurrencyConflict");
            db.Entry(row).Property(x => x.Version).OriginalValue = v;
        }
        row.MaxVisitsPerEnterprisePerMonth = max;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (db.Entry(row).State == EntityState.Added)
        {
            // Two admins saving the first settings at once: the row exists now, and the later save should see it.
            throw new ConflictException("ConcurrencyConflict");
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("ConcurrencyConflict");
        }
        return new VisitSettingsItem(row.MaxVisitsPerEnterprisePerMonth, row.Version);
    }

    async Task<VisitSettings> SettingsRowAsync(CancellationToken ct) =>
        await db.Set<VisitSettings>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == 1, ct) ?? new VisitSettings();

    // ---- helpers ----------------------------------------------------------------------------------------------

    async Task<Dictionary<int, string>> DepartmentNamesAsync(bool? chinese, CancellationToken ct)
    {
        var zh = chinese ?? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";
        return (await db.Departments.AsNoTracking().ToListAsync(ct)).ToDictionary(d => d.Id, d => d.DisplayName(zh));
    }

    string DisplayName => current.Principal.FindFirst(ZoneClaims.DisplayName)?.Value is { Length: > 0 } name ? name : current.UserName ?? "";

    Task<bool> CanWriteAsync() => Allowed(DemandPolicies.Write);

    async Task<bool> Allowed(string policy) => (await authorization.AuthorizeAsync(current.Principal, policy)).Succeeded;

    async Task RequireReadAsync()
    {
        if (!await Allowed(DemandPolicies.Read)) throw new DemandForbiddenException();
    }

    async Task RequireWriteAsync()
    {
        if (!await CanWriteAsync()) throw new DemandForbiddenException();
    }

    static DateTime AsUtc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    static DateTime? AsUtc(DateTime? value) => value is { } v ? AsUtc(v) : null;
}

/// <summary>A visit planned without acknowledging its warnings (409); the warnings travel with it.</summary>
public sealed class VisitWarningsException(IReadOnlyList<VisitWarning> warnings) : ConflictException("VisitWarnings")
{
    public IReadOnlyList<VisitWarning> Warnings { get; } = warnings;

    public override string LocalizedMessage(CultureInfo culture) =>
        string.Join(" ", new[] { DemandStrings.ResourceManager.GetString("Error_VisitWarnings", culture) ?? Code }.Concat(Warnings.Select(w => w.Message)));
}
