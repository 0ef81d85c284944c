namespace TechZone.Pipelines;

/// <summary>
/// A network type (给水, 燃气 ...) with the clearance that excavation must keep from its pipes. Admin-editable data,
/// not an enum: a zone may add 中水 or split 电力 by voltage.
/// </summary>
public sealed class PipeNetwork : Data.IVersioned
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";
    /// <summary>Minimum horizontal distance in metres between a work area and a pipe of this network.</summary>
    public double ClearanceM { get; set; }
    /// <summary>The map colour (#rrggbb), by the usual colour code of utility drawings.</summary>
    public string Color { get; set; } = "#607d8b";
    public int SortOrder { get; set; }
    public long Version { get; set; }

    public string DisplayName(bool chinese) => chinese || NameEn.Length == 0 ? Name : NameEn;
}

/// <summary>
/// A utility that owns pipes but has no portal account (天津水务集团 ...): the staff of its responsible department
/// answer excavation requests for it.
/// </summary>
public sealed class Utility
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";
    public int DepartmentId { get; set; }

    public string DisplayName(bool chinese) => chinese || NameEn.Length == 0 ? Name : NameEn;
}

public enum PipeStatus { InService, Planned, UnderConstruction, Abandoned, Removed }

/// <summary>Data quality level (ASCE 38 / PAS 128 style), from weakest to strongest evidence.</summary>
public enum QualityLevel { RecordsOnly, SurfaceFeatures, Geophysics, ExposedAndMeasured }

/// <summary>
/// A pipe segment (管段): a line in the zone's projected CRS (metres), stored as WKB plus its bounding box
/// (docs/decisions/010-pipeline-geometry.md). Owner is an enterprise (with portal users) or a named utility.
/// Every change writes a <see cref="PipeSegmentVersion"/> and bumps the registry version (<see cref="ChangedVersion"/>).
/// </summary>
public sealed class PipeSegment : IPipeAttributes
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public int NetworkId { get; set; }
    public string Material { get; set; } = "";
    public int? DiameterMm { get; set; }
    /// <summary>A box section instead of a diameter, e.g. "2000×1500" (mm).</summary>
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
    public double MinX { get; set; }
    public double MinY { get; set; }
    public double MaxX { get; set; }
    public double MaxY { get; set; }
    /// <summary>1 for the first version; incremented by every change (also the optimistic concurrency token).</summary>
    public int Revision { get; set; }
    /// <summary>The registry version of the last change: the conflict index reloads rows above what it has.</summary>
    public long ChangedVersion { get; set; }
    public DateTime ChangedUtc { get; set; }

    /// <summary>Checked by the conflict index: removed and abandoned-and-removed pipes are not obstacles.</summary>
    public static bool IsObstacle(PipeStatus s) => s is not PipeStatus.Removed;
}

/// <summary>The attributes shared by a pipe segment and its versions (copied on every change).</summary>
public interface IPipeAttributes
{
    string Code { get; set; }
    int NetworkId { get; set; }
    string Material { get; set; }
    int? DiameterMm { get; set; }
    string? Section { get; set; }
    double DepthStartM { get; set; }
    double DepthEndM { get; set; }
    string? PressureClass { get; set; }
    int? OwnerEnterpriseId { get; set; }
    int? OwnerUtilityId { get; set; }
    int? BuildYear { get; set; }
    PipeStatus Status { get; set; }
    QualityLevel Quality { get; set; }
    byte[] Wkb { get; set; }
}

/// <summary>One version of a pipe segment, valid from one change to the next (ValidToUtc null: the current one).</summary>
public sealed class PipeSegmentVersion : IPipeAttributes
{
    public long Id { get; set; }
    public int SegmentId { get; set; }
    public int Revision { get; set; }
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
    public double MinX { get; set; }
    public double MinY { get; set; }
    public double MaxX { get; set; }
    public double MaxY { get; set; }
    public DateTime ValidFromUtc { get; set; }
    public DateTime? ValidToUtc { get; set; }
    public string ChangedBy { get; set; } = "";
    public string Reason { get; set; } = "";

    public static void Copy(IPipeAttributes from, IPipeAttributes to)
    {
        to.Code = from.Code; to.NetworkId = from.NetworkId; to.Material = from.Material; to.DiameterMm = from.DiameterMm;
        to.Section = from.Section; to.DepthStartM = from.DepthStartM; to.DepthEndM = from.DepthEndM; to.PressureClass = from.PressureClass;
        to.OwnerEnterpriseId = from.OwnerEnterpriseId; to.OwnerUtilityId = from.OwnerUtilityId; to.BuildYear = from.BuildYear;
        to.Status = from.Status; to.Quality = from.Quality; to.Wkb = from.Wkb;
    }
}

public enum NodeKind { Valve, Manhole, Junction, Hydrant, Other }

/// <summary>A pipe node (valve, manhole, junction) as a point in the zone CRS.</summary>
public sealed class PipeNode
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public int NetworkId { get; set; }
    public NodeKind Kind { get; set; }
    public double X { get; set; }
    public double Y { get; set; }
    public double? DepthM { get; set; }
    public int? OwnerEnterpriseId { get; set; }
    public int? OwnerUtilityId { get; set; }
}

/// <summary>
/// The one-row registry version, bumped in the transaction of every registry change. The conflict index compares it
/// before each check, so a change made on any instance is seen by the next check on every instance. It also records
/// the CRS the registry's geometries are stored in (<see cref="RegistryCrsCheck"/>).
/// </summary>
public sealed class PipeRegistryState
{
    public int Id { get; set; }
    public long Version { get; set; }

    /// <summary>The EPSG code of the zone CRS every stored geometry is in; null until the first start records it.</summary>
    public int? Srid { get; set; }
}
