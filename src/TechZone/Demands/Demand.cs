namespace TechZone.Demands;

/// <summary>
/// An enterprise's demand (诉求): a problem it wants the zone to solve, followed from receipt to its satisfaction.
/// The work is done in <see cref="Parts"/>, one per responsible department; the demand's own status follows them.
/// </summary>
public class Demand : Data.IVersioned, Platform.Text.ISearchKeyed
{
    public int Id { get; set; }

    public int EnterpriseId { get; set; }

    /// <summary>The enterprise's park when the demand was raised, kept for statistics by park.</summary>
    public int? ParkId { get; set; }

    public int CategoryId { get; set; }
    public DemandCategory? Category { get; set; }

    public string Title { get; set; } = "";

    /// <summary>The title as the full-text index reads it (<see cref="Platform.Text.TextTokens"/>); ZoneDb keeps it current.</summary>
    public string TitleTokens { get; set; } = "";

    public void RefreshSearchKey() => TitleTokens = Platform.Text.TextTokens.Index(Title);
    public string Description { get; set; } = "";

    public DemandChannel Channel { get; set; }

    /// <summary>The visit at which the demand was raised, if any.</summary>
    public int? VisitId { get; set; }

    public string RaisedByUserId { get; set; } = "";
    public string RaisedByName { get; set; } = "";
    public DateTime RaisedUtc { get; set; }

    public DemandStatus Status { get; set; } = DemandStatus.Received;

    /// <summary>
    /// The earliest deadline among the parts still open; null when none is open. Kept on the demand so that lists
    /// filter and sort by traffic light with an index, at a million rows.
    /// </summary>
    public DateTime? DueUtc { get; set; }

    /// <summary>When it was closed or rejected; the enterprise may reopen within <see cref="DemandRules.ReopenDays"/> days after.</summary>
    public DateTime? ClosedUtc { get; set; }

    public string RejectReason { get; set; } = "";

    /// <summary>The enterprise's satisfaction, 1–5, and its comment.</summary>
    public int? Rating { get; set; }
    public string RatingComment { get; set; } = "";
    public DateTime? RatedUtc { get; set; }

    public int ReopenCount { get; set; }

    /// <summary>An open demand that looked the same when this one was raised (same enterprise or park, category, similar text).</summary>
    public int? PossibleDuplicateOfId { get; set; }

    public long Version { get; set; }

    public List<DemandPart> Parts { get; set; } = [];
    public List<DemandEvent> Events { get; set; } = [];

    public bool IsOpen => Status is not (DemandStatus.Closed or DemandStatus.Rejected);

    /// <summary>
    /// Open, as a condition the database can answer from the (Status, DueUtc) index: an IN list of the open
    /// statuses, where "not closed and not rejected" made it read every demand.
    /// </summary>
    public static readonly System.Linq.Expressions.Expression<Func<Demand, bool>> OpenInDb = d =>
        d.Status == DemandStatus.Received || d.Status == DemandStatus.Assigned || d.Status == DemandStatus.InProgress
        || d.Status == DemandStatus.Answered || d.Status == DemandStatus.Reopened;

    /// <summary>
    /// Brings status and deadline in line with the parts: answered when every part is, in progress when any is
    /// worked on or answered, assigned otherwise (a reopened demand stays reopened until a department acts).
    /// </summary>
    public void Recompute()
    {
        if (!IsOpen) { DueUtc = null; return; }
        var open = Parts.Where(p => p.Status != PartStatus.Answered).ToList();
        DueUtc = open.Count == 0 ? null : open.Min(p => p.DueUtc);
        if (Parts.Count == 0) Status = DemandStatus.Received;
        else if (open.Count == 0) Status = DemandStatus.Answered;
        else if (Parts.Any(p => p.Status != PartStatus.Assigned)) Status = DemandStatus.InProgress;
        else if (Status != DemandStatus.Reopened) Status = DemandStatus.Assigned;
    }
}

/// <summary>The share of a demand one department answers, with its own deadline (SLA) and answer.</summary>
public class DemandPart : Data.IVersioned
{
    public int Id { get; set; }
    public int DemandId { get; set; }
    public Demand? Demand { get; set; }

    public int DepartmentId { get; set; }

    /// <summary>What this department is asked to do, when a demand is split; empty means the whole demand.</summary>
    public string Scope { get; set; } = "";

    public PartStatus Status { get; set; } = PartStatus.Assigned;

    public DateTime AssignedUtc { get; set; }

    /// <summary>The end of the last working day of the department's SLA for the category.</summary>
    public DateTime DueUtc { get; set; }

    public int SlaDays { get; set; }

    public string Answer { get; set; } = "";
    public DateTime? AnsweredUtc { get; set; }
    public string AnsweredByName { get; set; } = "";

    /// <summary>When the overdue part was escalated to the department head (once per deadline).</summary>
    public DateTime? EscalatedUtc { get; set; }

    public long Version { get; set; }
}

/// <summary>One step in a demand's history: who did what, when, and why.</summary>
public class DemandEvent
{
    public long Id { get; set; }
    public int DemandId { get; set; }
    public DemandEventKind Kind { get; set; }
    public DateTime AtUtc { get; set; }
    public string ByName { get; set; } = "";

    /// <summary>The department concerned (assigned to, answering ...), if any.</summary>
    public int? DepartmentId { get; set; }

    /// <summary>A reason, an answer, a comment: what the step said.</summary>
    public string Note { get; set; } = "";
}

/// <summary>受理 → 交办 → 处置 → 反馈 → 办结, plus 退回 (rejected, with reason) and 重新办理 (reopened).</summary>
public enum DemandStatus
{
    Received,
    Assigned,
    InProgress,
    Answered,
    Closed,
    Rejected,
    Reopened,
}

public enum PartStatus
{
    Assigned,
    InProgress,
    Answered,
}

/// <summary>How the demand reached the zone.</summary>
public enum DemandChannel
{
    Portal,
    Phone,
    Visit,
    Other,
}

public enum DemandEventKind
{
    Raised,
    Assigned,
    Reassigned,
    Split,
    Started,
    Answered,
    Rejected,
    Closed,
    Rated,
    Reopened,
    Escalated,
    DuplicateCleared,
}

/// <summary>Rules of the loop that are the issue's, not configuration.</summary>
public static class DemandRules
{
    /// <summary>The enterprise may reopen a closed or rejected demand within this many days.</summary>
    public const int ReopenDays = 15;

    /// <summary>A department's SLA when neither its category nor its default is configured.</summary>
    public const int DefaultSlaDays = 10;

    /// <summary>Yellow when at most this many working days remain before the deadline.</summary>
    public const int YellowWorkingDays = 2;
}
