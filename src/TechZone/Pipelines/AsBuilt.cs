namespace TechZone.Pipelines;

/// <summary>Submitted: staff review it; Returned: the applicant submits again; Accepted: in the registry, the request closed.</summary>
public enum AsBuiltStatus { Submitted, Returned, Accepted }

/// <summary>
/// An as-built survey (竣工测量) of an approved excavation: the pipe segments laid or moved, as surveyed after the
/// work, or the applicant's statement that none were (<see cref="NoChange"/>). Acceptance writes the features into
/// the registry as new versions and closes the request; a returned survey stays as history and a new round follows.
/// </summary>
public sealed class AsBuiltSurvey : Data.IVersioned
{
    public int Id { get; set; }
    public int RequestId { get; set; }
    public ExcavationRequest? Request { get; set; }
    /// <summary>1 for the first submission, 2 after a return ...</summary>
    public int Round { get; set; }
    public bool NoChange { get; set; }
    /// <summary>The applicant's note; for <see cref="NoChange"/>, the statement.</summary>
    public string Statement { get; set; } = "";
    public string FileName { get; set; } = "";
    /// <summary>The uploaded file as submitted, kept in the file store.</summary>
    public Guid? FileId { get; set; }
    public string SubmittedByUserId { get; set; } = "";
    public string SubmittedBy { get; set; } = "";
    public DateTime SubmittedUtc { get; set; }
    public AsBuiltStatus Status { get; set; }
    public string ReviewNote { get; set; } = "";
    public string ReviewedBy { get; set; } = "";
    public DateTime? ReviewedUtc { get; set; }
    public long Version { get; set; }

    public List<AsBuiltFeature> Features { get; set; } = [];

    public void Return(string note, string by, DateTime now)
    {
        if (Status != AsBuiltStatus.Submitted) throw new PipelineRuleException("AsBuiltNotSubmitted");
        (Status, ReviewNote, ReviewedBy, ReviewedUtc) = (AsBuiltStatus.Returned, note, by, now);
    }

    public void Accept(string note, string by, DateTime now)
    {
        if (Status != AsBuiltStatus.Submitted) throw new PipelineRuleException("AsBuiltNotSubmitted");
        (Status, ReviewNote, ReviewedBy, ReviewedUtc) = (AsBuiltStatus.Accepted, note, by, now);
    }
}

/// <summary>
/// One surveyed pipe segment of an as-built survey, in the zone CRS, with its attributes resolved against the
/// registry (network, owner). <see cref="ReplacesSegmentId"/>: the existing segment it moves (its code was given);
/// else a new segment. <see cref="SegmentId"/> is set on acceptance.
/// </summary>
public sealed class AsBuiltFeature : IPipeAttributes
{
    public long Id { get; set; }
    public int SurveyId { get; set; }
    public int FeatureIndex { get; set; }
    public string Code { get; set; } = "";
    public int NetworkId { get; set; }
    public string Material { get; set; } = "";
    public int? DiameterMm { get; set; }
    public string? Section { get; set; }
    public double DepthStartM { get; set; }
    public double DepthEndM { get; set; }
    public string? PressureClass { get; set; }
    public int? OwnerEnterpriseId { get; set; }
    public int? OwnerUtilityId { get; set; }
    public int? BuildYear { get; set; }
    public PipeStatus Status { get; set; }
    public QualityLevel Quality { get; set; }
    public byte[] Wkb { get; set; } = [];
    public int? ReplacesSegmentId { get; set; }
    public int? SegmentId { get; set; }
}
