namespace TechZone.SupportPolicies;

// Fulfillment (兑现): awards (免申即享 proposals or the outcome of an application), the applications and their review
// stages, public-notice objections, and the tranches paid out of a policy's budget.

public enum StageKind
{
    /// <summary>受理, 初审, 复审 …: reviewers pass, return or reject.</summary>
    Review,

    /// <summary>公示: shown on the public page for the notice period; open objections block passing it.</summary>
    Notice,

    /// <summary>拨付: the approved award is paid in tranches; the last stage.</summary>
    Disbursement,
}

/// <summary>One review stage of a policy's applications; its reviewers are the staff of its department.</summary>
public class PolicyStage
{
    public int Id { get; set; }
    public int PolicyId { get; set; }

    /// <summary>1, 2, 3 … in the order an application goes through them.</summary>
    public int Number { get; set; }

    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";
    public StageKind Kind { get; set; }
    public int DepartmentId { get; set; }

    /// <summary>For a notice stage: how many days the notice runs (its end day is the start day plus these).</summary>
    public int NoticeDays { get; set; }

    public string DisplayName(bool chinese) => chinese || NameEn == "" ? Name : NameEn;
}

public enum AwardState
{
    /// <summary>A 免申即享 proposal waiting for the lead department.</summary>
    Proposed,
    Approved,
    Dropped,
}

/// <summary>
/// What an enterprise is granted under an item: proposed by the engine for a 免申即享 item (then confirmed or dropped),
/// or approved when its application reaches the disbursement stage. An approved award commits its amount of the budget.
/// </summary>
public class PolicyAward : Data.IVersioned
{
    public int Id { get; set; }
    public int PolicyId { get; set; }
    public int PolicyItemId { get; set; }

    /// <summary>The item's code, stable across versions: one award per policy, item code, enterprise and fiscal year.</summary>
    public string ItemCode { get; set; } = "";

    /// <summary>The version whose item (and criteria) gave the award.</summary>
    public int PolicyVersionId { get; set; }

    public int EnterpriseId { get; set; }
    public int FiscalYear { get; set; }

    /// <summary>The application it came from; null for a 免申即享 award.</summary>
    public int? ApplicationId { get; set; }

    public AwardState State { get; set; }
    public long AmountFen { get; set; }
    public DateTime ProposedUtc { get; set; }
    public DateTime? DecidedUtc { get; set; }
    public string? DecidedBy { get; set; }
    public string? DropReason { get; set; }

    /// <summary>The batch of a bulk confirmation (its audit entry names it).</summary>
    public Guid? BatchId { get; set; }

    public long Version { get; set; }
    public List<PolicyTranche> Tranches { get; set; } = [];
}

public enum TrancheState
{
    Planned,
    Paid,
}

/// <summary>A part of an award's payment (分期拨付): planned on a day, paid on a day.</summary>
public class PolicyTranche : Data.IVersioned
{
    public int Id { get; set; }
    public int AwardId { get; set; }
    public PolicyAward? Award { get; set; }

    /// <summary>Copied from the award, so that the ledger sums a policy's payments with one index.</summary>
    public int PolicyId { get; set; }

    public long AmountFen { get; set; }
    public DateOnly PlannedOn { get; set; }
    public TrancheState State { get; set; }
    public DateOnly? PaidOn { get; set; }
    public string? PaidBy { get; set; }
    public long Version { get; set; }
}

public enum ApplicationState
{
    /// <summary>With the reviewers of its current stage.</summary>
    InReview,

    /// <summary>Returned to the enterprise for more material.</summary>
    Returned,

    Rejected,

    /// <summary>Paid in full: the last stage passed.</summary>
    Completed,
}

/// <summary>An enterprise's application (申报) for an item that is not 免申即享.</summary>
public class PolicyApplication : Data.IVersioned
{
    public int Id { get; set; }
    public int PolicyId { get; set; }
    public int PolicyItemId { get; set; }
    public int PolicyVersionId { get; set; }
    public int EnterpriseId { get; set; }
    public int FiscalYear { get; set; }

    public ApplicationState State { get; set; }

    /// <summary>The <see cref="PolicyStage.Number"/> it is at.</summary>
    public int StageNumber { get; set; }

    /// <summary>1 at the first submission, one more at each resubmission (<see cref="PolicyApplicationRevision"/>).</summary>
    public int Revision { get; set; }

    /// <summary>The current answers to the item's form fields, JSON (key → value).</summary>
    public string AnswersJson { get; set; } = "{}";

    /// <summary>The current attachments, JSON (<see cref="ApplicationAttachment"/> list).</summary>
    public string AttachmentsJson { get; set; } = "[]";

    /// <summary>The engine's verdict when last submitted (the pre-check).</summary>
    public Verdict PrecheckVerdict { get; set; }
    public long? PrecheckBenefitFen { get; set; }

    /// <summary>The amount reviewers approved (the pre-check's estimate unless a reviewer set another).</summary>
    public long? ApprovedFen { get; set; }

    public DateOnly? NoticeStartsOn { get; set; }
    public DateOnly? NoticeEndsOn { get; set; }

    public DateTime SubmittedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public long Version { get; set; }

    public bool IsOpen => State is ApplicationState.InReview or ApplicationState.Returned;
}

/// <summary>One submitted version of an application's answers and attachments: the history keeps every one.</summary>
public class PolicyApplicationRevision
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public int Revision { get; set; }
    public string AnswersJson { get; set; } = "{}";
    public string AttachmentsJson { get; set; } = "[]";
    public Verdict PrecheckVerdict { get; set; }
    public long? PrecheckBenefitFen { get; set; }
    public DateTime SubmittedUtc { get; set; }
    public string SubmittedBy { get; set; } = "";
}

public enum ApplicationAction
{
    Submitted,
    Resubmitted,
    Passed,
    Returned,
    Rejected,
    NoticeStarted,
    ObjectionLodged,
    ObjectionResolved,
    Approved,
    Paid,
    Completed,
}

/// <summary>One step of an application's way (what the enterprise sees as its timeline).</summary>
public class PolicyApplicationStep
{
    public long Id { get; set; }
    public int ApplicationId { get; set; }
    public int StageNumber { get; set; }
    public ApplicationAction Action { get; set; }
    public string Comment { get; set; } = "";
    public string UserName { get; set; } = "";
    public DateTime AtUtc { get; set; }
}

public enum ObjectionState
{
    Open,
    Resolved,
}

/// <summary>An objection (异议) lodged by anyone against an application in public notice.</summary>
public class PolicyObjection : Data.IVersioned
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public string Name { get; set; } = "";
    public string Contact { get; set; } = "";
    public string Text { get; set; } = "";

    /// <summary>SHA-256 of the sender's address, for the rate limit (the address itself is not kept).</summary>
    public string SourceHash { get; set; } = "";

    public DateTime LodgedUtc { get; set; }
    public ObjectionState State { get; set; }
    public string? Resolution { get; set; }
    public string? ResolvedBy { get; set; }
    public DateTime? ResolvedUtc { get; set; }
    public long Version { get; set; }
}
