using TechZone.Data;
using TechZone.Enterprises;

namespace TechZone.Chains;

/// <summary>
/// A stage of the investment pipeline (线索 → 接洽 → … → 投产), configurable. <see cref="IsSigned"/> marks the stage from
/// which a lead's investment counts as signed; <see cref="IsLanding"/> the stage at which the company registers in the
/// zone and becomes an enterprise of the registry.
/// </summary>
public class LeadStage : IVersioned
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";
    public int SortOrder { get; set; }
    public bool IsSigned { get; set; }
    public bool IsLanding { get; set; }
    public bool IsActive { get; set; } = true;
    public long Version { get; set; }

    public string DisplayName(bool chinese) => chinese || NameEn == "" ? Name : NameEn;
}

/// <summary>Whether a lead is still worked on.</summary>
public enum LeadStatus
{
    Active,
    Lost,
}

/// <summary>
/// An investment lead (招商线索): a company outside the zone that the zone wants to attract, tagged to the segments it
/// would fill. Once it registers in the zone (<see cref="EnterpriseId"/>) it keeps its history and moves on to 开工/投产.
/// </summary>
public class Lead : IVersioned
{
    public int Id { get; set; }
    public string CompanyName { get; set; } = "";
    public string HqCity { get; set; } = "";
    public SizeClass? SizeClass { get; set; }
    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public string Source { get; set; } = "";
    public int StageId { get; set; }
    public LeadStage? Stage { get; set; }
    public LeadStatus Status { get; set; }
    public string? LostReason { get; set; }

    /// <summary>The staff member who owns the lead (a user id) and the name shown for them.</summary>
    public string OwnerId { get; set; } = "";
    public string OwnerName { get; set; } = "";

    public long? ExpectedInvestmentFen { get; set; }
    public int? ExpectedJobs { get; set; }
    public long? ExpectedTaxFen { get; set; }
    public string NextStep { get; set; } = "";
    public DateOnly? NextStepDueOn { get; set; }

    /// <summary>The enterprise the lead became when it registered in the zone.</summary>
    public int? EnterpriseId { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>The last time anything happened to the lead; idle past the setting means stalled.</summary>
    public DateTime LastActivityUtc { get; set; }

    public long Version { get; set; }

    public List<LeadSegment> Segments { get; set; } = [];
    public List<LeadEvent> Events { get; set; } = [];
}

public class LeadSegment
{
    public int LeadId { get; set; }
    public int SegmentId { get; set; }
}

public enum LeadEventKind
{
    Created,
    Updated,
    Moved,
    Lost,
    Reopened,
    Registered,
}

/// <summary>One step of a lead's history: created, moved from one stage to another, lost (with the reason), registered …</summary>
public class LeadEvent
{
    public long Id { get; set; }
    public int LeadId { get; set; }
    public LeadEventKind Kind { get; set; }
    public int? FromStageId { get; set; }
    public int? ToStageId { get; set; }
    public string Note { get; set; } = "";
    public string ByUserName { get; set; } = "";
    public DateTime AtUtc { get; set; }
}
