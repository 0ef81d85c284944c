namespace TechZone.Space;

/// <summary>A land parcel (地块): its number, park, area, use, holder and geometry.</summary>
public class Parcel : Data.IVersioned, IGeoFeature
{
    public int Id { get; set; }
    public string Number { get; set; } = "";
    public int ParkId { get; set; }
    public long AreaDm2 { get; set; }
    public LandUse LandUse { get; set; }
    public int? HolderId { get; set; }
    public DateOnly? AcquiredOn { get; set; }
    public ParcelStatus Status { get; set; }
    /// <summary>容积率 (floor area / land area); compared in memory only, so a double is enough.</summary>
    public double PlotRatio { get; set; }
    public string? Geometry { get; set; }
    public double? MinLon { get; set; }
    public double? MinLat { get; set; }
    public double? MaxLon { get; set; }
    public double? MaxLat { get; set; }
    public long Version { get; set; }

    /// <summary>1 亩 = 666.67 m² (10000/15).</summary>
    public const double SquareMetresPerMu = 10000.0 / 15;

    public double AreaMu => AreaDm2 / 100.0 / SquareMetresPerMu;
}

public enum LandUse { Industrial, RnD, Commercial, Residential, Mixed, Other }

/// <summary>Where a parcel stands: not supplied yet, supplied but not built on (idle), being built, in production, reserved again.</summary>
public enum ParcelStatus { Unallocated, Idle, UnderConstruction, Operating, Reserved }

/// <summary>The lines below which a parcel is low-efficiency (低效用地); one row, edited by staff.</summary>
public class LandThresholds : Data.IVersioned
{
    public int Id { get; set; } = 1;
    /// <summary>亩均税收 line in fen per mu per year (15 万元/亩 = 15_000_000).</summary>
    public long MinTaxPerMuFen { get; set; } = 15_000_000;
    /// <summary>A supplied parcel idle this many years or more is low-efficiency.</summary>
    public int MaxIdleYears { get; set; } = 2;
    public double MinPlotRatio { get; set; } = 1.0;
    /// <summary>The fiscal year whose verified figures the indicators use.</summary>
    public int FiscalYear { get; set; } = 2024;
    public long Version { get; set; }
}

/// <summary>A disposal case (处置) of a parcel: reserve, swap, change of use, or upgrade in place; worked through steps.</summary>
public class DisposalCase : Data.IVersioned
{
    public int Id { get; set; }
    public int ParcelId { get; set; }
    public DisposalKind Kind { get; set; }
    public CaseStatus Status { get; set; }
    public string Owner { get; set; } = "";
    public DateOnly OpenedOn { get; set; }
    public DateOnly? DueOn { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public string Reason { get; set; } = "";
    public string Outcome { get; set; } = "";
    public List<DisposalStep> Steps { get; set; } = [];
    public string CreatedByName { get; set; } = "";
    public long Version { get; set; }
}

public enum DisposalKind { Reserve, Swap, ChangeOfUse, UpgradeInPlace }

public enum CaseStatus { Open, Completed, Abandoned }

public class DisposalStep
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public int Order { get; set; }
    public string Title { get; set; } = "";
    public DateOnly? DueOn { get; set; }
    public DateOnly? DoneOn { get; set; }
    public string Note { get; set; } = "";
    public string DoneByName { get; set; } = "";
}
