using System.ComponentModel.DataAnnotations;
using TechZone.Platform.Api;
using TechZone.Platform.Resources;

namespace TechZone.Demands;

/// <summary>Column sizes shared by entities, validation and pages.</summary>
public static class DemandLimits
{
    public const int Title = 100;
    public const int Text = 4000;
    public const int Reason = 500;
}

/// <summary>The traffic light of an open demand or part: red is past its deadline (亮灯督办).</summary>
public enum DemandLight
{
    None,
    Green,
    Yellow,
    Red,
}

/// <summary>A demand raised by an enterprise in its portal (its own enterprise) or by staff on its behalf.</summary>
public sealed record RaiseDemandRequest
{
    /// <summary>Required from staff; an enterprise user always raises for its own enterprise.</summary>
    public int? EnterpriseId { get; init; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public int? CategoryId { get; init; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(DemandLimits.Title, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? Title { get; init; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(DemandLimits.Text, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? Description { get; init; }

    /// <summary>How staff received it (phone, visit ...); an enterprise's own demand is always the portal.</summary>
    public DemandChannel? Channel { get; init; }

    public int? VisitId { get; init; }
}

/// <summary>Send a part (or an unrouted demand) to a department; a reason is required when it moves away from one.</summary>
public sealed record AssignRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public int? DepartmentId { get; init; }

    [StringLength(DemandLimits.Reason, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? Reason { get; init; }

    public long? Version { get; init; }
}

/// <summary>A further part for another department, with what that department is asked to do.</summary>
public sealed record SplitRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public int? DepartmentId { get; init; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(DemandLimits.Reason, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? Scope { get; init; }
}

public sealed record AnswerRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(DemandLimits.Text, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? Answer { get; init; }

    public long? Version { get; init; }
}

/// <summary>A reason, required (reject, reopen) or optional (close).</summary>
public sealed record ReasonRequest
{
    [StringLength(DemandLimits.Reason, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? Reason { get; init; }

    public long? Version { get; init; }
}

public sealed record RateRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [Range(1, 5, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public int? Rating { get; init; }

    [StringLength(DemandLimits.Reason, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? Comment { get; init; }
}

/// <summary>What the demand lists can be sorted by.</summary>
public enum DemandSort
{
    Raised,
    Due,
}

/// <summary>Filters of the demand lists. An enterprise user's list is always its own enterprise's.</summary>
public sealed record DemandQuery
{
    [StringLength(100, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? Search { get; set; }

    public DemandStatus? Status { get; set; }

    /// <summary>Open demands only (neither closed nor rejected).</summary>
    public bool? Open { get; set; }

    /// <summary>A category and its children.</summary>
    public int? CategoryId { get; set; }

    /// <summary>Demands with a part for this department.</summary>
    public int? DepartmentId { get; set; }

    public int? ParkId { get; set; }
    public int? EnterpriseId { get; set; }
    public DemandLight? Light { get; set; }
    public DemandSort? Sort { get; set; }
    public bool? Descending { get; set; }

    [Range(1, int.MaxValue, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public int? Page { get; set; }

    [Range(1, Paging.MaxPageSize, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public int? PageSize { get; set; }
}

/// <summary>A row of a demand list.</summary>
public sealed record DemandSummary(int Id, string Title, int EnterpriseId, string EnterpriseName, string CategoryName,
    DemandStatus Status, DemandLight Light, DateTime? DueUtc, DateTime RaisedUtc, DemandChannel Channel, IReadOnlyList<string> Departments);

/// <summary>One demand with its parts and history, and what the caller may do with it.</summary>
public sealed record DemandDetail(int Id, string Title, string Description, int EnterpriseId, string EnterpriseName,
    int CategoryId, string CategoryName, string? ParkName, DemandChannel Channel, int? VisitId, string RaisedByName, DateTime RaisedUtc,
    DemandStatus Status, DemandLight Light, DateTime? DueUtc, DateTime? ClosedUtc, string RejectReason,
    int? Rating, string RatingComment, int ReopenCount, DemandRef? PossibleDuplicate, long Version,
    IReadOnlyList<DemandPartItem> Parts, IReadOnlyList<DemandEventItem> Events, DemandActions Actions);

public sealed record DemandRef(int Id, string Title, DemandStatus Status);

public sealed record DemandPartItem(int Id, int DepartmentId, string DepartmentName, string Scope, PartStatus Status,
    DateTime AssignedUtc, DateTime DueUtc, int SlaDays, DemandLight Light, string Answer, DateTime? AnsweredUtc, string AnsweredByName,
    bool? AnsweredOnTime, bool Escalated, long Version, bool CanAct);

public sealed record DemandEventItem(DemandEventKind Kind, DateTime AtUtc, string ByName, string? DepartmentName, string Note);

/// <summary>What the caller may do now; pages show only these buttons, the service checks again.</summary>
public sealed record DemandActions(bool Assign, bool Split, bool Reject, bool Close, bool Rate, bool Reopen, DateTime? ReopenUntilUtc, bool ClearDuplicate);

/// <summary>A category for pickers: its path ("基础设施配套 / 交通出行") tells where it sits in the tree.</summary>
public sealed record DemandCategoryItem(int Id, string Code, int? ParentId, string Name, string NameEn, string Path, int SortOrder, bool IsActive, long Version);

public sealed record DemandCategoryRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(50, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? Name { get; init; }

    [StringLength(80, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? NameEn { get; init; }

    public int? ParentId { get; init; }
    public int? SortOrder { get; init; }
    public bool? IsActive { get; init; }
    public long? Version { get; init; }
}

public sealed record DemandRouteItem(int Id, int? CategoryId, string? CategoryName, int? ParkId, string? ParkName, int DepartmentId, string DepartmentName, long Version);

public sealed record DemandRouteRequest
{
    public int? CategoryId { get; init; }
    public int? ParkId { get; init; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public int? DepartmentId { get; init; }
}

public sealed record DemandSlaItem(int Id, int DepartmentId, string DepartmentName, int? CategoryId, string? CategoryName, int WorkingDays, long Version);

public sealed record DemandSlaRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public int? DepartmentId { get; init; }

    public int? CategoryId { get; init; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [Range(1, 365, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public int? WorkingDays { get; init; }
}

public sealed record ResponseTemplateItem(int Id, string Title, string Body, int? CategoryId, string? CategoryName, long Version);

public sealed record ResponseTemplateRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(DemandLimits.Title, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? Title { get; init; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(DemandLimits.Text, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? Body { get; init; }

    public int? CategoryId { get; init; }
    public long? Version { get; init; }
}

/// <summary>The supervision board (亮灯督办): per department, its open parts by light, and the red and yellow demands.</summary>
public sealed record SupervisionBoard(IReadOnlyList<DepartmentLights> Departments, IReadOnlyList<DemandSummary> Overdue, IReadOnlyList<DemandSummary> DueSoon);

public sealed record DepartmentLights(int DepartmentId, string DepartmentName, int Green, int Yellow, int Red);

public sealed record DemandStatsQuery
{
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
}

/// <summary>The statistics page: where demands come from and go to, and how well they are served.</summary>
public sealed record DemandStatistics(DateOnly? From, DateOnly? To, int Total, int Open, int Closed, int Rejected,
    double? OnTimeRate, double? AverageRating, int RatedCount, double? AverageWorkingDaysToClose,
    IReadOnlyList<StatRow> ByCategory, IReadOnlyList<StatRow> ByDepartment, IReadOnlyList<StatRow> ByPark, IReadOnlyList<StatRow> TopProblems);

/// <summary>One row of a breakdown: its count, how many still open, on-time answers out of answered, and satisfaction.</summary>
public sealed record StatRow(string Name, int Count, int Open, int AnsweredOnTime, int Answered, double? AverageRating, int Enterprises);

/// <summary>The steps of the loop a person takes from a dialog.</summary>
public enum DemandAction
{
    Answer,
    Reassign,
    Assign,
    Split,
    Reject,
    Close,
    Rate,
    Reopen,
}
