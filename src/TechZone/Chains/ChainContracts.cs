using System.ComponentModel.DataAnnotations;
using TechZone.Chains.Resources;
using TechZone.Enterprises;
using TechZone.Platform.Api;
using TechZone.Platform.Resources;

namespace TechZone.Chains;

// Shorthands keep the attribute lines readable.
file static class V
{
    public const string Required = nameof(PlatformStrings.Validation_Required);
    public const string Length = nameof(PlatformStrings.Validation_StringLength);
    public const string Range = nameof(PlatformStrings.Validation_Range);
}

/// <summary>A segment's health: enough local enterprises and revenue (strong), too few (weak), or next to none (missing).</summary>
public enum SegmentHealth
{
    Strong,
    Weak,
    Missing,
}

/// <summary>What the zone does about a segment: 强链 (strong), 补链 (weak), 建链 (missing).</summary>
public enum ChainAction
{
    Strengthen,
    Fill,
    Build,
}

/// <summary>The thresholds that classify a chain's segments.</summary>
public sealed record ChainThresholds(int MissingBelowEnterprises, int WeakBelowEnterprises, long WeakBelowRevenueFen, bool WeakWithoutLeader);

/// <summary>A chain with its thresholds and how many of its segments are strong, weak and missing.</summary>
public sealed record ChainItem(int Id, string Code, string Name, string NameZh, string NameEn, int SortOrder, ChainThresholds Thresholds,
    int Segments, int Strong, int Weak, int Missing, long Version);

/// <summary>
/// A segment's figures, computed live from the registry over the segment and its sub-segments: local enterprises
/// (registered, operating or expanding), their latest known revenue, employees and R&amp;D expense (fen, counts),
/// how many hold a valid qualification, chain leaders, and the active leads tagged to it.
/// </summary>
public sealed record SegmentFigures(int Enterprises, int Leaders, int Qualified, long RevenueFen, long Employees, long RdExpenseFen, int OpenLeads);

/// <summary>A segment's own thresholds; null ones are the chain's.</summary>
public sealed record SegmentOverrides(int? MissingBelowEnterprises, int? WeakBelowEnterprises, long? WeakBelowRevenueFen);

/// <summary>A segment of the map, in tree order (parents before children), with its health and why.</summary>
public sealed record SegmentItem(int Id, int? ParentId, int Depth, ChainStage Stage, string Name, string NameZh, string NameEn, int SortOrder,
    SegmentFigures Figures, SegmentHealth Health, ChainAction Action, IReadOnlyList<string> Reasons, SegmentOverrides Overrides, bool IsEmpty, long Version);

/// <summary>A chain's map: the chain and its segments in tree order.</summary>
public sealed record ChainMap(ChainItem Chain, IReadOnlyList<SegmentItem> Segments);

/// <summary>An enterprise tagged to the segment (or one of its sub-segments), with its figures.</summary>
public sealed record TaggedEnterprise(int EnterpriseId, string Name, ChainRole Role, EnterpriseStatus Status, bool Local, bool Qualified,
    long? RevenueFen, long? Employees, long? RdExpenseFen, int SegmentId, string SegmentName);

/// <summary>One segment as its page shows it: figures, enterprises, open leads and key projects.</summary>
public sealed record SegmentDetail(SegmentItem Segment, int ChainId, string ChainName, ChainThresholds Effective, IReadOnlyList<TaggedEnterprise> Enterprises,
    IReadOnlyList<LeadSummary> Leads, IReadOnlyList<ProjectSummary> Projects);

/// <summary>Where an enterprise sits in the chains: the enterprise profile shows these.</summary>
public sealed record EnterpriseChainTag(int SegmentId, string SegmentName, int ChainId, string ChainName, ChainRole Role);

/// <summary>A segment named with its chain, for pickers and lead tags.</summary>
public sealed record SegmentRef(int Id, string Name, int ChainId, string ChainName);

/// <summary>A new chain.</summary>
public sealed record ChainRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Required)]
    [StringLength(32, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Length)]
    [RegularExpression("^[a-z0-9][a-z0-9-]*$", ErrorMessageResourceType = typeof(ChainStrings), ErrorMessageResourceName = nameof(ChainStrings.Validation_Code))]
    public string Code { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Required)]
    [StringLength(100, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Length)]
    public string Name { get; set; } = "";

    [StringLength(100, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Length)]
    public string? NameEn { get; set; }

    [Range(0, 10_000, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Range)]
    public int SortOrder { get; set; }
}

/// <summary>A chain's thresholds. <see cref="Version"/> is the chain's version the editor saw.</summary>
public sealed record ThresholdsRequest
{
    [Range(0, 10_000, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Range)]
    public int MissingBelowEnterprises { get; set; } = 1;

    [Range(0, 10_000, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Range)]
    public int WeakBelowEnterprises { get; set; } = 3;

    [Range(0, long.MaxValue, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Range)]
    public long WeakBelowRevenueFen { get; set; }

    public bool WeakWithoutLeader { get; set; }

    public long? Version { get; set; }
}

/// <summary>
/// A segment to add or change: rename, move (another parent in the same chain, another stage for a top-level
/// segment, another position), and its own thresholds (null: the chain's).
/// </summary>
public sealed record SegmentRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Required)]
    [StringLength(100, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Length)]
    public string Name { get; set; } = "";

    [StringLength(100, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Length)]
    public string? NameEn { get; set; }

    public ChainStage Stage { get; set; }

    public int? ParentId { get; set; }

    [Range(0, 10_000, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Range)]
    public int SortOrder { get; set; }

    [Range(0, 10_000, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Range)]
    public int? MissingBelowEnterprises { get; set; }

    [Range(0, 10_000, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Range)]
    public int? WeakBelowEnterprises { get; set; }

    [Range(0, long.MaxValue, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Range)]
    public long? WeakBelowRevenueFen { get; set; }

    public long? Version { get; set; }
}

/// <summary>Tags an enterprise to a segment with a role (an existing tag changes its role).</summary>
public sealed record TagRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Required)]
    public int? EnterpriseId { get; set; }

    public ChainRole Role { get; set; } = ChainRole.Supporting;
}

// ---- Investment leads (招商线索) ----------------------------------------------------------------------------------

/// <summary>A pipeline stage as configured.</summary>
public sealed record StageItem(int Id, string Code, string Name, string NameZh, string NameEn, int SortOrder, bool IsSigned, bool IsLanding,
    bool IsActive, long Version);

/// <summary>A lead in lists and on the board. <see cref="IsStalled"/>: active and idle past the setting.</summary>
public sealed record LeadSummary(int Id, string CompanyName, string HqCity, int StageId, string StageName, LeadStatus Status, string OwnerId,
    string OwnerName, long? ExpectedInvestmentFen, string NextStep, DateOnly? NextStepDueOn, bool IsOverdue, bool IsStalled, int IdleDays,
    int? EnterpriseId, IReadOnlyList<SegmentRef> Segments);

/// <summary>A lead's whole record and its history, oldest first.</summary>
public sealed record LeadDetail(int Id, string CompanyName, string HqCity, SizeClass? SizeClass, string ContactName, string ContactPhone, string Source,
    int StageId, string StageName, LeadStatus Status, string? LostReason, string OwnerId, string OwnerName,
    long? ExpectedInvestmentFen, int? ExpectedJobs, long? ExpectedTaxFen, string NextStep, DateOnly? NextStepDueOn, bool IsOverdue, bool IsStalled, int IdleDays,
    int? EnterpriseId, string? EnterpriseName, DateTime CreatedUtc, IReadOnlyList<SegmentRef> Segments, IReadOnlyList<LeadEventItem> History, long Version);

public sealed record LeadEventItem(LeadEventKind Kind, string? FromStage, string? ToStage, string Note, string ByUserName, DateTime AtUtc);

/// <summary>A staff member who may own leads.</summary>
public sealed record OwnerItem(string Id, string Name, string? DepartmentName);

/// <summary>Filters of the lead list.</summary>
public sealed record LeadQuery
{
    [StringLength(100, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Length)]
    public string? Search { get; init; }

    public int? StageId { get; init; }
    public int? SegmentId { get; init; }
    public int? ChainId { get; init; }
    public string? OwnerId { get; init; }
    public LeadStatus? Status { get; init; }
    public bool? Stalled { get; init; }

    [Range(1, int.MaxValue, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Range)]
    public int? Page { get; init; }

    [Range(1, Paging.MaxPageSize, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Range)]
    public int? PageSize { get; init; }
}

/// <summary>A lead as staff enter it. Without an owner the creator owns it. <see cref="Version"/> is required to update.</summary>
public sealed record LeadRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Required)]
    [StringLength(200, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Length)]
    public string CompanyName { get; set; } = "";

    [StringLength(50, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Length)]
    public string? HqCity { get; set; }

    public SizeClass? SizeClass { get; set; }

    [StringLength(50, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Length)]
    public string? ContactName { get; set; }

    [StringLength(30, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Length)]
    [RegularExpression(@"^[0-9+\-() ]*$", ErrorMessageResourceType = typeof(ChainStrings), ErrorMessageResourceName = nameof(ChainStrings.Validation_Phone))]
    public string? ContactPhone { get; set; }

    [StringLength(100, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Length)]
    public string? Source { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Required)]
    [MinLength(1, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Required)]
    public List<int>? SegmentIds { get; set; }

    public string? OwnerId { get; set; }

    [Range(0, long.MaxValue, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Range)]
    public long? ExpectedInvestmentFen { get; set; }

    [Range(0, 1_000_000, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Range)]
    public int? ExpectedJobs { get; set; }

    [Range(0, long.MaxValue, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Range)]
    public long? ExpectedTaxFen { get; set; }

    [StringLength(200, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Length)]
    public string? NextStep { get; set; }

    public DateOnly? NextStepDueOn { get; set; }

    public long? Version { get; set; }
}

/// <summary>Moves a lead to another stage (forward or back), with a note for the history.</summary>
public sealed record MoveLeadRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Required)]
    public int? StageId { get; set; }

    [StringLength(500, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Length)]
    public string? Note { get; set; }

    public long? Version { get; set; }
}

/// <summary>Marks a lead lost (the reason is kept), or reopens it (the reason is the note).</summary>
public sealed record LoseLeadRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Required)]
    [StringLength(500, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Length)]
    public string Reason { get; set; } = "";

    public long? Version { get; set; }
}

/// <summary>
/// Registers the lead's company in the zone (注册落地): only what the lead does not know is asked. The enterprise's
/// name defaults to the lead's company name; it is tagged to the lead's segments with <see cref="Role"/>.
/// </summary>
public sealed record RegisterLeadRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Required)]
    [CreditCode]
    public string CreditCode { get; set; } = "";

    [StringLength(200, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Length)]
    public string? Name { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Required)]
    public int? ParkId { get; set; }

    [StringLength(50, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Length)]
    public string? LegalRepresentative { get; set; }

    [StringLength(200, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Length)]
    public string? Address { get; set; }

    [IndustryCode]
    public string? IndustryCode { get; set; }

    [Range(0, long.MaxValue, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Range)]
    public long? RegisteredCapitalFen { get; set; }

    public DateOnly? FoundedOn { get; set; }

    public ChainRole Role { get; set; } = ChainRole.Supporting;

    public long? Version { get; set; }
}

/// <summary>The board: one column per stage, or one per segment (missing and weak ones first).</summary>
public sealed record LeadBoard(string By, IReadOnlyList<BoardColumn> Columns);

public sealed record BoardColumn(string Key, string Title, int? StageId, int? SegmentId, SegmentHealth? Health, IReadOnlyList<LeadSummary> Leads);

/// <summary>One row of the figures: a staff member's or a chain's leads.</summary>
public sealed record LeadFigureRow(string Key, string Name, int Leads, int Active, int Stalled, int Lost, int Signed, long SignedInvestmentFen, int Landed);

/// <summary>How many leads reached a stage (are at it or went past it), and the share of those reaching the stage before.</summary>
public sealed record StageConversion(int StageId, string Name, int Reached, decimal? FromPrevious);

public sealed record LeadFigures(IReadOnlyList<LeadFigureRow> ByOwner, IReadOnlyList<LeadFigureRow> ByChain, IReadOnlyList<StageConversion> Conversion);

/// <summary>A pipeline stage as the admin of the pipeline edits it. Exactly one active stage is the landing stage.</summary>
public sealed record StageRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Required)]
    [StringLength(32, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Length)]
    [RegularExpression("^[a-z0-9][a-z0-9-]*$", ErrorMessageResourceType = typeof(ChainStrings), ErrorMessageResourceName = nameof(ChainStrings.Validation_Code))]
    public string Code { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Required)]
    [StringLength(50, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Length)]
    public string Name { get; set; } = "";

    [StringLength(50, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Length)]
    public string? NameEn { get; set; }

    [Range(0, 10_000, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Range)]
    public int SortOrder { get; set; }

    public bool IsSigned { get; set; }
    public bool IsLanding { get; set; }
    public bool IsActive { get; set; } = true;
    public long? Version { get; set; }
}

/// <summary>The module's settings.</summary>
public sealed record ChainSettingsItem(int StalledAfterDays, int YellowWithinDays, long Version);

public sealed record ChainSettingsRequest
{
    [Range(1, 3650, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Range)]
    public int StalledAfterDays { get; set; } = 30;

    [Range(0, 365, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Range)]
    public int YellowWithinDays { get; set; } = 14;

    public long? Version { get; set; }
}

// ---- Key projects (重点项目) ---------------------------------------------------------------------------------------

/// <summary>Where a milestone stands: done, late (past its planned date, not done), due soon, or planned.</summary>
public enum MilestoneState
{
    Done,
    Late,
    DueSoon,
    Planned,
}

public sealed record MilestoneItem(int Id, string Name, string NameZh, string NameEn, int SortOrder, DateOnly PlannedOn, DateOnly? ActualOn, string Note,
    MilestoneState State, int DaysLate, long Version);

/// <summary>A key project with its status light and milestones.</summary>
public sealed record ProjectSummary(int Id, string Name, int EnterpriseId, string EnterpriseName, int? SegmentId, string? SegmentName, int? ChainId, string? ChainName,
    long? InvestmentFen, ProjectLight Light, string Note, IReadOnlyList<MilestoneItem> Milestones, long Version);

/// <summary>The leaders' page: every key project, counted by light.</summary>
public sealed record ProjectOverview(int Green, int Yellow, int Red, IReadOnlyList<ProjectSummary> Projects);

/// <summary>A key project. On create, the milestones come from the template, planned from <see cref="StartOn"/>.</summary>
public sealed record ProjectRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Required)]
    [StringLength(200, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Length)]
    public string Name { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Required)]
    public int? EnterpriseId { get; set; }

    public int? SegmentId { get; set; }

    [Range(0, long.MaxValue, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Range)]
    public long? InvestmentFen { get; set; }

    [StringLength(1000, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Length)]
    public string? Note { get; set; }

    public DateOnly? StartOn { get; set; }

    public long? Version { get; set; }
}

/// <summary>A milestone to add or change: planned date, actual date once done, progress notes.</summary>
public sealed record MilestoneRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Required)]
    [StringLength(50, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Length)]
    public string Name { get; set; } = "";

    [StringLength(50, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Length)]
    public string? NameEn { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Required)]
    public DateOnly? PlannedOn { get; set; }

    public DateOnly? ActualOn { get; set; }

    [StringLength(1000, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Length)]
    public string? Note { get; set; }

    [Range(0, 10_000, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Range)]
    public int SortOrder { get; set; }

    public long? Version { get; set; }
}

public sealed record MilestoneTemplateItem(int Id, string Name, string NameEn, int SortOrder, int MonthsAfterStart, long Version);

/// <summary>The whole milestone template at once, in order.</summary>
public sealed record MilestoneTemplateRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Required)]
    [MinLength(1, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Required)]
    public List<MilestoneTemplateEntry>? Milestones { get; set; }
}

public sealed record MilestoneTemplateEntry
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Required)]
    [StringLength(50, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Length)]
    public string Name { get; set; } = "";

    [StringLength(50, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Length)]
    public string? NameEn { get; set; }

    [Range(0, 240, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = V.Range)]
    public int MonthsAfterStart { get; set; }
}
