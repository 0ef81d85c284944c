using System.ComponentModel.DataAnnotations;
using TechZone.Platform.Resources;

namespace TechZone.Space;

/// <summary>A parcel with its per-mu indicators and, when low-efficiency, why.</summary>
public sealed record ParcelItem(int Id, string Number, int ParkId, string ParkName, decimal AreaM2, decimal AreaMu, LandUse LandUse,
    int? HolderId, string? HolderName, DateOnly? AcquiredOn, ParcelStatus Status, double PlotRatio,
    long? TaxPerMuFen, long? OutputPerMuFen, bool LowEfficiency, IReadOnlyList<string> Reasons, int OpenCases, string? Geometry, long Version);

public sealed record ParcelDetail(ParcelItem Parcel, IReadOnlyList<CaseItem> Cases, IReadOnlyList<ParcelEnterprise> Enterprises, int FiscalYear);

/// <summary>An enterprise counted on a parcel (its holder, or a tenant of a building on it) and its verified figures.</summary>
public sealed record ParcelEnterprise(int EnterpriseId, string Name, bool Holder, long? TaxFen, long? RevenueFen);

public sealed record ParcelQuery
{
    public int? ParkId { get; init; }
    public bool? LowEfficiency { get; init; }
    public string? Search { get; init; }
}

public sealed record ParcelRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(50, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string Number { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public int? ParkId { get; set; }

    /// <summary>Area in m²; or give <see cref="AreaMu"/>.</summary>
    [Range(0.01, SpaceLimits.MaxArea, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public decimal? AreaM2 { get; set; }

    [Range(0.01, 15_000, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public decimal? AreaMu { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public LandUse? LandUse { get; set; }

    public int? HolderId { get; set; }
    public DateOnly? AcquiredOn { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public ParcelStatus? Status { get; set; }

    [Range(0, 20, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public double? PlotRatio { get; set; }

    public string? Geometry { get; set; }
    public long? Version { get; set; }
}

public sealed record ThresholdsItem(long MinTaxPerMuFen, int MaxIdleYears, double MinPlotRatio, int FiscalYear, long Version);

public sealed record ThresholdsRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [Range(0, 100_000_000_000, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public long? MinTaxPerMuFen { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [Range(1, 50, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public int? MaxIdleYears { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [Range(0, 20, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public double? MinPlotRatio { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [Range(2000, 2100, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public int? FiscalYear { get; set; }

    public long? Version { get; set; }
}

public sealed record CaseItem(int Id, int ParcelId, string ParcelNumber, DisposalKind Kind, CaseStatus Status, string Owner, DateOnly OpenedOn,
    DateOnly? DueOn, DateOnly? ClosedOn, string Reason, string Outcome, IReadOnlyList<StepItem> Steps, string CreatedByName, long Version);

public sealed record StepItem(int Id, int Order, string Title, DateOnly? DueOn, DateOnly? DoneOn, string Note, string DoneByName);

public sealed record CaseRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public DisposalKind? Kind { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(100, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string Owner { get; set; } = "";

    public DateOnly? DueOn { get; set; }

    [StringLength(SpaceLimits.Note, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? Reason { get; set; }
}

public sealed record StepDoneRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public DateOnly? DoneOn { get; set; }

    [StringLength(SpaceLimits.Note, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? Note { get; set; }
}

/// <summary>Closes a case: completed (a completed reserve takes the parcel back: reserved, no holder) or abandoned.</summary>
public sealed record CaseCloseRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public bool? Completed { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(SpaceLimits.Note, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string Outcome { get; set; } = "";

    /// <summary>For a completed change of use: the new land use.</summary>
    public LandUse? NewLandUse { get; set; }

    public long? Version { get; set; }
}

// ---- GeoJSON import -------------------------------------------------------------------------------------------------

public enum ImportKind { Parcels, Buildings }

public sealed record GeoImportRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public ImportKind? Kind { get; set; }

    /// <summary>A GeoJSON FeatureCollection (WGS84 lon/lat).</summary>
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public string GeoJson { get; set; } = "";

    /// <summary>False (default): a dry run that writes nothing. True: write the valid features.</summary>
    public bool Confirm { get; set; }
}

public enum FeatureAction { Create, Update, Skip }

/// <summary>One feature of the file: what it is, what would happen to it, and the problems that stop it.</summary>
public sealed record FeatureReport(int Index, string Key, FeatureAction Action, IReadOnlyList<string> Problems);

public sealed record GeoImportReport(ImportKind Kind, bool Written, int Total, int Valid, int Invalid, IReadOnlyList<FeatureReport> Features);
