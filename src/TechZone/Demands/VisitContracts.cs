using System.ComponentModel.DataAnnotations;
using TechZone.Platform.Resources;

namespace TechZone.Demands;

/// <summary>One visit on the calendar: where it sits (<see cref="OnDate"/>), who leads and who takes part.</summary>
public sealed record VisitSummary(int Id, int EnterpriseId, string EnterpriseName, DateOnly OnDate, DateOnly PlannedOn,
    int LeadDepartmentId, string LeadDepartmentName, IReadOnlyList<int> ParticipantIds, VisitStatus Status, string Purpose);

/// <summary>A visit with its record or cancellation. <see cref="CanRecord"/> and <see cref="CanCancel"/> are for the caller.</summary>
public sealed record VisitDetail(int Id, int EnterpriseId, string EnterpriseName, DateOnly PlannedOn,
    int LeadDepartmentId, string LeadDepartmentName, IReadOnlyList<VisitDepartmentItem> Participants, string Purpose,
    string PlannedByName, DateTime PlannedUtc, VisitStatus Status,
    DateOnly? VisitedOn, string Attendees, string Topics, string Findings, string FollowUps, string RecordedByName, DateTime? RecordedUtc,
    string CancelReason, string CancelledByName, DateTime? CancelledUtc, long Version, bool CanRecord, bool CanCancel);

/// <summary>A department as the visits calendar shows it (filters, legend, pickers).</summary>
public sealed record VisitDepartmentItem(int Id, string Code, string Name);

public enum VisitWarningKind
{
    /// <summary>Another visit to the same enterprise in the same ISO week (Monday to Sunday).</summary>
    SameWeek,

    /// <summary>The enterprise's visits in the calendar month, this one included, would exceed the configured limit.</summary>
    MonthlyLimit,
}

/// <summary>
/// Something a planner should know before saving (not a refusal), in the caller's language. For
/// <see cref="VisitWarningKind.SameWeek"/>, the other visit; for <see cref="VisitWarningKind.MonthlyLimit"/>, the count and the limit.
/// </summary>
public sealed record VisitWarning(VisitWarningKind Kind, string Message, int? VisitId = null, DateOnly? OnDate = null,
    string? DepartmentName = null, int? Count = null, int? Limit = null);

public sealed record VisitCheckResult(IReadOnlyList<VisitWarning> Warnings);

/// <summary>A draft visit to check for warnings before it is planned.</summary>
public sealed record VisitCheckRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public int? EnterpriseId { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public DateOnly? PlannedOn { get; set; }
}

/// <summary>
/// A visit to plan: the model of the plan dialog. The lead is the planner's department (an admin names one);
/// <see cref="DepartmentIds"/> are the others taking part. If the check finds warnings the planner must
/// acknowledge them (<see cref="AcknowledgeWarnings"/>), else nothing is saved (409 with the warnings).
/// </summary>
public sealed record VisitPlanRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public int? EnterpriseId { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public DateOnly? PlannedOn { get; set; }

    public int? LeadDepartmentId { get; set; }

    public List<int>? DepartmentIds { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(VisitLimits.Purpose, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string Purpose { get; set; } = "";

    public bool AcknowledgeWarnings { get; set; }
}

/// <summary>What happened at a visit: the model of the record form. Recording again corrects the record.</summary>
public sealed record VisitRecordRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public DateOnly? VisitedOn { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(VisitLimits.Attendees, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string Attendees { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(VisitLimits.Topics, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string Topics { get; set; } = "";

    [StringLength(VisitLimits.Findings, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? Findings { get; set; }

    [StringLength(VisitLimits.FollowUps, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? FollowUps { get; set; }

    /// <summary>When given, the visit must still be at this version (the one the user looked at).</summary>
    public long? Version { get; set; }
}

public sealed record VisitCancelRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(VisitLimits.CancelReason, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string Reason { get; set; } = "";

    public long? Version { get; set; }
}

/// <summary>The calendar's range and filters; without dates, the current month. <see cref="Mine"/>: the caller's department leads or takes part.</summary>
public sealed record VisitQuery
{
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public int? DepartmentId { get; init; }
    public int? EnterpriseId { get; init; }
    public bool? Mine { get; init; }
}

public sealed record VisitSettingsItem(int MaxVisitsPerEnterprisePerMonth, long Version);

public sealed record VisitSettingsRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [Range(1, VisitLimits.MaxPerMonth, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public int? MaxVisitsPerEnterprisePerMonth { get; set; }

    public long? Version { get; set; }
}

/// <summary>The home card's numbers: visits this week and planned visits whose day has come but that are not recorded.</summary>
public sealed record VisitWeekSummary(int ThisWeek, int AwaitingRecord, bool OwnDepartment);

/// <summary>A demand raised at a visit, as the visit's page lists it.</summary>
public sealed record VisitDemandRef(int Id, string Title, string Status);

/// <summary>
/// The demands raised at a visit (诉求 whose VisitId is the visit). Implemented by the demands side; until then a
/// default that knows of none is registered with TryAddScoped.
/// </summary>
public interface IVisitDemands
{
    Task<IReadOnlyList<VisitDemandRef>> ForVisitAsync(int visitId, CancellationToken ct);
}

/// <summary>The demands raised at a visit, for the visit's page.</summary>
sealed class VisitDemands(TechZone.Data.ZoneDb db) : IVisitDemands
{
    public async Task<IReadOnlyList<VisitDemandRef>> ForVisitAsync(int visitId, CancellationToken ct) =>
        (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Set<Demand>().Where(d => d.VisitId == visitId).OrderBy(d => d.Id).Select(d => new { d.Id, d.Title, d.Status }), ct))
        .Select(d => new VisitDemandRef(d.Id, d.Title, DemandLabels.Status(d.Status))).ToList();
}

/// <summary>Column sizes shared by the entity, the contracts and the forms.</summary>
public static class VisitLimits
{
    public const int Purpose = 500;
    public const int Attendees = 1000;
    public const int Topics = 2000;
    public const int Findings = 4000;
    public const int FollowUps = 2000;
    public const int CancelReason = 500;
    public const int Participants = 10;
    public const int MaxPerMonth = 31;

    /// <summary>How far from today a visit may be planned (after the fact, or ahead).</summary>
    public const int PlanWindowDays = 366;

    /// <summary>The longest range the calendar API returns at once.</summary>
    public const int MaxRangeDays = 400;
}
