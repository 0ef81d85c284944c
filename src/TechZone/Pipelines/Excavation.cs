namespace TechZone.Pipelines;

public enum ExcavationMethod { OpenTrench, Pit, Trenchless, Piling, Other }

/// <summary>
/// UnderReview: owners answer; then staff approve (a permit) or refuse. Approved: the work goes ahead and the
/// as-built survey is owed; Closed only once staff accepted it (the closed loop).
/// </summary>
public enum ExcavationStatus { UnderReview, Approved, Refused, Closed }

/// <summary>An owner's answer to an excavation request (one-call style positive response).</summary>
public enum ResponseCode { Clear, MarkedOnSite, ConflictMeetingRequired, NotOurFacility }

/// <summary>
/// An excavation request (开挖申请): a work area (polygon in the zone CRS, WKB plus bbox), depth, method, dates and
/// contact. Checked against the registry when filed; each owner of a conflicting pipe segment answers; staff decide.
/// </summary>
public sealed class ExcavationRequest : Data.IVersioned
{
    public int Id { get; set; }
    public string Number { get; set; } = "";
    public int? ApplicantEnterpriseId { get; set; }
    public string ApplicantName { get; set; } = "";
    public string FiledByUserId { get; set; } = "";
    public string Title { get; set; } = "";
    public byte[] AreaWkb { get; set; } = [];
    public double MinX { get; set; }
    public double MinY { get; set; }
    public double MaxX { get; set; }
    public double MaxY { get; set; }
    public double DepthM { get; set; }
    public ExcavationMethod Method { get; set; }
    public DateOnly StartOn { get; set; }
    public DateOnly EndOn { get; set; }
    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public ExcavationStatus Status { get; set; }
    public DateTime FiledUtc { get; set; }
    /// <summary>The registry version the conflicts were found at.</summary>
    public long CheckedAtVersion { get; set; }
    public string? PermitNumber { get; set; }
    public DateOnly? PermitFrom { get; set; }
    public DateOnly? PermitUntil { get; set; }
    public string Conditions { get; set; } = "";
    public string DecidedBy { get; set; } = "";
    public DateTime? DecidedUtc { get; set; }
    public DateTime? ClosedUtc { get; set; }
    public long Version { get; set; }

    public List<ExcavationConflict> Conflicts { get; set; } = [];
    public List<OwnerAnswer> Answers { get; set; } = [];
    public List<AsBuiltSurvey> Surveys { get; set; } = [];

    public bool AllAnswered => Answers.All(a => a.Code is not null);

    /// <summary>Approve with a permit: only while under review, once every owner has answered, within sensible dates.</summary>
    public void Approve(string permitNumber, DateOnly from, DateOnly until, string conditions, string by, DateTime now)
    {
        if (Status != ExcavationStatus.UnderReview) throw new PipelineRuleException("NotUnderReview");
        if (!AllAnswered) throw new PipelineRuleException("AnswersMissing", Answers.Count(a => a.Code is null));
        if (until < from) throw new PipelineRuleException("PermitDates");
        Status = ExcavationStatus.Approved;
        (PermitNumber, PermitFrom, PermitUntil, Conditions, DecidedBy, DecidedUtc) = (permitNumber, from, until, conditions, by, now);
    }

    /// <summary>Closes the loop: only an approved request, and only through an accepted as-built survey.</summary>
    public void Close(DateTime now)
    {
        if (Status != ExcavationStatus.Approved) throw new PipelineRuleException("NotApproved");
        (Status, ClosedUtc) = (ExcavationStatus.Closed, now);
    }

    public void Refuse(string reason, string by, DateTime now)
    {
        if (Status != ExcavationStatus.UnderReview) throw new PipelineRuleException("NotUnderReview");
        Status = ExcavationStatus.Refused;
        (Conditions, DecidedBy, DecidedUtc) = (reason, by, now);
    }
}

/// <summary>A pipe segment found within its network's clearance of a request's work area, as found when filed.</summary>
public sealed class ExcavationConflict
{
    public long Id { get; set; }
    public int RequestId { get; set; }
    public int SegmentId { get; set; }
    public string SegmentCode { get; set; } = "";
    public int NetworkId { get; set; }
    public double DistanceM { get; set; }
    public double ClearanceM { get; set; }
    public int? OwnerEnterpriseId { get; set; }
    public int? OwnerUtilityId { get; set; }
}

/// <summary>One owner's answer to one request: open (Code null) until answered; escalated once when overdue.</summary>
public sealed class OwnerAnswer : Data.IVersioned
{
    public long Id { get; set; }
    public int RequestId { get; set; }
    public ExcavationRequest? Request { get; set; }
    public int? OwnerEnterpriseId { get; set; }
    public int? OwnerUtilityId { get; set; }
    public DateTime DueUtc { get; set; }
    public ResponseCode? Code { get; set; }
    public string Note { get; set; } = "";
    public DateTime? AnsweredUtc { get; set; }
    public string AnsweredBy { get; set; } = "";
    public DateTime? EscalatedUtc { get; set; }
    public long Version { get; set; }

    public void Answer(ResponseCode code, string note, string by, DateTime now)
    {
        if (Request is { Status: not ExcavationStatus.UnderReview }) throw new PipelineRuleException("NotUnderReview");
        (Code, Note, AnsweredBy, AnsweredUtc) = (code, note, by, now);
    }
}
