namespace TechZone.Demands;

/// <summary>
/// A visit (走访) of zone staff to an enterprise: planned by a department (the lead) with others taking part, then
/// recorded (who was there, what was discussed, what was found, what follows) or cancelled with a reason.
/// Dates are the zone's calendar dates.
/// </summary>
public class Visit : Data.IVersioned
{
    public int Id { get; set; }

    /// <summary>The enterprise visited (enterprises_enterprises); names come through <see cref="Platform.Zone.IEnterpriseDirectory"/>.</summary>
    public int EnterpriseId { get; set; }

    public DateOnly PlannedOn { get; set; }

    public int LeadDepartmentId { get; set; }

    /// <summary>Departments taking part besides the lead.</summary>
    public List<VisitDepartment> Participants { get; set; } = [];

    public string Purpose { get; set; } = "";

    public string PlannedByUserId { get; set; } = "";
    public string PlannedByName { get; set; } = "";
    public DateTime PlannedUtc { get; set; }

    public VisitStatus Status { get; set; } = VisitStatus.Planned;

    public string CancelReason { get; set; } = "";
    public string CancelledByName { get; set; } = "";
    public DateTime? CancelledUtc { get; set; }

    /// <summary>The day the visit took place; may differ from <see cref="PlannedOn"/>.</summary>
    public DateOnly? VisitedOn { get; set; }

    /// <summary>Who took part, from the zone and from the enterprise (free text).</summary>
    public string Attendees { get; set; } = "";
    public string Topics { get; set; } = "";
    public string Findings { get; set; } = "";
    public string FollowUps { get; set; } = "";
    public string RecordedByUserId { get; set; } = "";
    public string RecordedByName { get; set; } = "";
    public DateTime? RecordedUtc { get; set; }

    public long Version { get; set; }

    /// <summary>Where the visit sits on the calendar: the day it took place once recorded, else the planned day.</summary>
    public DateOnly OnDate => VisitedOn ?? PlannedOn;

    /// <summary>True when <paramref name="departmentId"/> leads or takes part.</summary>
    public bool Involves(int departmentId) => LeadDepartmentId == departmentId || Participants.Any(p => p.DepartmentId == departmentId);

    public void Record(DateOnly visitedOn, DateOnly today, string attendees, string topics, string findings, string followUps,
        string? userId, string? userName, DateTime nowUtc)
    {
        if (Status == VisitStatus.Cancelled) throw new DemandConflictException("VisitCancelled");
        if (visitedOn > today) throw new DemandRuleException("VisitRecordInFuture");
        VisitedOn = visitedOn;
        Attendees = attendees;
        Topics = topics;
        Findings = findings;
        FollowUps = followUps;
        RecordedByUserId = userId ?? "";
        RecordedByName = userName ?? "";
        RecordedUtc = nowUtc;
        Status = VisitStatus.Recorded;
    }

    public void Cancel(string reason, string? userName, DateTime nowUtc)
    {
        if (Status == VisitStatus.Recorded) throw new DemandConflictException("VisitAlreadyRecorded");
        if (Status == VisitStatus.Cancelled) throw new DemandConflictException("VisitCancelled");
        CancelReason = reason;
        CancelledByName = userName ?? "";
        CancelledUtc = nowUtc;
        Status = VisitStatus.Cancelled;
    }
}

public enum VisitStatus
{
    Planned,
    Recorded,
    Cancelled,
}

/// <summary>A department taking part in a visit it does not lead.</summary>
public class VisitDepartment
{
    public int VisitId { get; set; }
    public int DepartmentId { get; set; }
}

/// <summary>The visits module's settings: one row (Id 1); without it the defaults apply.</summary>
public class VisitSettings : Data.IVersioned
{
    public const int DefaultMaxVisitsPerEnterprisePerMonth = 2;

    public int Id { get; set; } = 1;

    /// <summary>Visits to one enterprise in a calendar month, across departments, before the planner is warned.</summary>
    public int MaxVisitsPerEnterprisePerMonth { get; set; } = DefaultMaxVisitsPerEnterprisePerMonth;

    public long Version { get; set; }
}
