using System.ComponentModel.DataAnnotations;
using TechZone.Platform.Resources;

namespace TechZone.Pipelines;

/// <summary>Column sizes and bounds shared by entities, contracts and forms.</summary>
public static class PipelineLimits
{
    public const int Code = 40;
    public const int Name = 200;
    public const int Text = 2000;
    public const double MaxClearance = 100;   // m
    public const double MaxDepth = 60;        // m below ground
    /// <summary>A work area larger than this (m²) is a plan, not an excavation.</summary>
    public const double MaxWorkArea = 1_000_000;
    /// <summary>Calendar days an owner has to answer a request.</summary>
    public const int AnswerDays = 3;
}

// ---- registry -------------------------------------------------------------------------------------------------------

public sealed record NetworkItem(int Id, string Code, string Name, string NameEn, double ClearanceM, string Color, long Version)
{
    public string DisplayName(bool chinese) => chinese || NameEn.Length == 0 ? Name : NameEn;
}

public sealed record NetworkRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(PipelineLimits.Name, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string Name { get; set; } = "";

    [StringLength(PipelineLimits.Name, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? NameEn { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [Range(0.1, PipelineLimits.MaxClearance, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public double? ClearanceM { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [RegularExpression("^#[0-9a-fA-F]{6}$", ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public string Color { get; set; } = "#607d8b";

    /// <summary>The version the network was read at (409 when someone changed it since).</summary>
    public long Version { get; set; }
}

public sealed record UtilityItem(int Id, string Name, int DepartmentId);

/// <summary>An owner as lists show it: an enterprise (with portal users) or a utility answered for by a department.</summary>
public sealed record OwnerRef(int? EnterpriseId, int? UtilityId, string Name);

public sealed record PipeSegmentItem(int Id, string Code, int NetworkId, string NetworkName, string Material, int? DiameterMm, string? Section,
    double DepthStartM, double DepthEndM, string? PressureClass, OwnerRef Owner, int? BuildYear, PipeStatus Status, QualityLevel Quality,
    double LengthM, string GeometryGeoJson, int Revision, DateTime ChangedUtc);

public sealed record PipeSegmentVersionItem(int Revision, DateTime ValidFromUtc, DateTime? ValidToUtc, string ChangedBy, string Reason,
    string Material, int? DiameterMm, string? Section, double DepthStartM, double DepthEndM, string OwnerName, PipeStatus Status, QualityLevel Quality);

public sealed record PipeSegmentDetail(PipeSegmentItem Segment, IReadOnlyList<PipeSegmentVersionItem> History);

public sealed record SegmentQuery
{
    public int? NetworkId { get; init; }
    /// <summary>Part of the owner's name (enterprise or utility).</summary>
    public string? Owner { get; init; }
    /// <summary>The registry as it was at the end of this day (UTC); today when empty.</summary>
    public DateOnly? AsOf { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

/// <summary>A new pipe segment or a change to one: geometry as a GeoJSON LineString in WGS84 (RFC 7946), CGCS2000 (4490) or, with Srid the zone CRS's (Pipelines:Crs, demo 4548), in zone metres.</summary>
public sealed record PipeSegmentRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(PipelineLimits.Code, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string Code { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public int? NetworkId { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(PipelineLimits.Name, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string Material { get; set; } = "";

    [Range(10, 10_000, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public int? DiameterMm { get; set; }

    [StringLength(PipelineLimits.Code, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? Section { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [Range(0, PipelineLimits.MaxDepth, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public double? DepthStartM { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [Range(0, PipelineLimits.MaxDepth, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public double? DepthEndM { get; set; }

    [StringLength(PipelineLimits.Code, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? PressureClass { get; set; }

    public int? OwnerEnterpriseId { get; set; }
    public int? OwnerUtilityId { get; set; }

    [Range(1900, 2100, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public int? BuildYear { get; set; }

    public PipeStatus Status { get; set; } = PipeStatus.InService;
    public QualityLevel Quality { get; set; } = QualityLevel.RecordsOnly;

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public string Geometry { get; set; } = "";

    /// <summary>4326 (default, as RFC 7946 says), 4490 or the zone CRS's SRID (demo 4548).</summary>
    public int Srid { get; set; } = 4326;

    [StringLength(PipelineLimits.Name, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? Reason { get; set; }

    /// <summary>For a change: the revision it was read at (409 when someone changed it since).</summary>
    public int Revision { get; set; }
}

// ---- excavation requests --------------------------------------------------------------------------------------------

/// <summary>A work area as GeoJSON (Polygon or MultiPolygon, a Feature or a one-feature FeatureCollection), WGS84.</summary>
public sealed record CheckRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public string Area { get; set; } = "";
}

public sealed record ConflictItem(int SegmentId, string SegmentCode, int NetworkId, string NetworkName, double DistanceM, double ClearanceM, OwnerRef Owner);

public sealed record CheckResult(long RegistryVersion, IReadOnlyList<ConflictItem> Conflicts);

public sealed record ExcavationFileRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(PipelineLimits.Name, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string Title { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public string Area { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [Range(0.1, PipelineLimits.MaxDepth, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public double? DepthM { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public ExcavationMethod? Method { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public DateOnly? StartOn { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public DateOnly? EndOn { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(PipelineLimits.Name, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string ContactName { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(PipelineLimits.Code, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string ContactPhone { get; set; } = "";

    /// <summary>Staff filing for an enterprise name it here; an enterprise user files for its own.</summary>
    public int? ApplicantEnterpriseId { get; set; }

    /// <summary>Staff filing for a contractor without an account name it here.</summary>
    [StringLength(PipelineLimits.Name, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? ApplicantName { get; set; }
}

public sealed record OwnerAnswerItem(long Id, OwnerRef Owner, DateTime DueUtc, ResponseCode? Code, string Note, DateTime? AnsweredUtc, string AnsweredBy,
    bool Overdue, bool Escalated, bool CanAnswer);

public sealed record ExcavationSummary(int Id, string Number, string Title, string ApplicantName, ExcavationStatus Status, DateOnly StartOn, DateOnly EndOn,
    int Conflicts, int Answered, int Owners, DateTime FiledUtc, DateOnly? PermitUntil);

public sealed record ExcavationDetail(int Id, string Number, string Title, string ApplicantName, int? ApplicantEnterpriseId, ExcavationStatus Status,
    string AreaGeoJson, double AreaM2, double DepthM, ExcavationMethod Method, DateOnly StartOn, DateOnly EndOn, string ContactName, string ContactPhone,
    DateTime FiledUtc, long CheckedAtVersion, IReadOnlyList<ConflictItem> Conflicts, IReadOnlyList<OwnerAnswerItem> Answers,
    string? PermitNumber, DateOnly? PermitFrom, DateOnly? PermitUntil, string Conditions, string DecidedBy, DateTime? DecidedUtc, long Version, bool CanDecide,
    IReadOnlyList<AsBuiltSurveyItem> Surveys, bool CanSubmitAsBuilt, DateTime? ClosedUtc);

public sealed record ExcavationQuery
{
    public ExcavationStatus? Status { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record AnswerRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public ResponseCode? Code { get; set; }

    [StringLength(PipelineLimits.Text, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? Note { get; set; }
}

public sealed record ApproveRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public DateOnly? PermitFrom { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public DateOnly? PermitUntil { get; set; }

    [StringLength(PipelineLimits.Text, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? Conditions { get; set; }

    public long Version { get; set; }
}

public sealed record RefuseRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(PipelineLimits.Text, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string Reason { get; set; } = "";

    public long Version { get; set; }
}

public sealed record OverdueAnswer(long AnswerId, int RequestId, string Number, string Title, OwnerRef Owner, DateTime DueUtc, bool Escalated);

/// <summary>The board: requests under review, overdue owner answers, approved requests not yet closed (as-built owed) and surveys awaiting review.</summary>
public sealed record PipelineBoard(IReadOnlyList<ExcavationSummary> Open, IReadOnlyList<OverdueAnswer> Overdue, IReadOnlyList<ExcavationSummary> OpenPermits,
    IReadOnlyList<ExcavationSummary> AsBuiltToReview);

// ---- pipe files: as-built surveys and registry imports --------------------------------------------------------------

/// <summary>An uploaded pipe file (an as-built survey, a registry import): its name says its format; a CSV needs the CRS of its coordinates (4326, 4490 or the zone's).</summary>
public sealed record PipeFileUpload(string FileName, byte[] Content, int? CsvSrid = null);

/// <summary>
/// One feature of a pipe file as checked: what it would enter the registry as (code, network, size, owner, the segment
/// it moves or updates) and why it cannot, in the reader's language. A feature the file check already refused has only its problems.
/// </summary>
public sealed record PipeFileFeature(int FeatureIndex, string Code, string NetworkName, string Material, string Size, double DepthStartM, double DepthEndM,
    string OwnerName, string? ReplacesCode, double LengthM, int? SegmentId, IReadOnlyList<string> Problems)
{
    public static PipeFileFeature Rejected(int featureIndex, IReadOnlyList<string> problems) => new(featureIndex, "", "", "", "", 0, 0, "", null, 0, null, problems);
}

/// <summary>
/// The dry run of an upload: the file's refusal, or each feature with its problems; ready when none has any.
/// <see cref="Imported"/>: how many features a registry import wrote (0 for a dry run).
/// </summary>
public sealed record PipeFileReport(string FileName, int FeatureCount, string? Refusal, IReadOnlyList<PipeFileFeature> Features, int Imported = 0)
{
    public bool Ready => Refusal is null && Features.Count > 0 && Features.All(f => f.Problems.Count == 0);
    public int ValidCount => Features.Count(f => f.Problems.Count == 0);
}

// ---- as-built surveys -----------------------------------------------------------------------------------------------

public sealed record AsBuiltSurveyItem(int Id, int Round, AsBuiltStatus Status, bool NoChange, string Statement, string FileName, Guid? FileId,
    string SubmittedBy, DateTime SubmittedUtc, string ReviewNote, string ReviewedBy, DateTime? ReviewedUtc, IReadOnlyList<PipeFileFeature> Features,
    long Version, bool CanReview);

public sealed record AsBuiltReviewRequest
{
    [StringLength(PipelineLimits.Text, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? Note { get; set; }

    /// <summary>The survey's version as read (409 when someone reviewed it since).</summary>
    public long Version { get; set; }
}
