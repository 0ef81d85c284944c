using NetTopologySuite.Geometries;

namespace TechZone.Pipelines.Gis;

/// <summary>
/// A pipe segment as a file describes it, checked but not stored: the import's confirm step turns it into a registry
/// entry. Geometry is in the zone CRS; depths are of the pipe's top at each end, in metres below ground.
/// </summary>
public sealed record PipeSegmentDraft(
    int FeatureIndex,
    LineString Geometry,
    string NetworkCode,
    string? Material,
    int? DiameterMm,
    string? Section,
    decimal? StartDepthM,
    decimal? EndDepthM,
    string? PressureClass,
    string? OwnerName,
    int? BuildYear,
    string? Status,
    string? QualityLevel,
    string? ExternalId);

/// <summary>The attributes of a pipe segment the import reads (and may require).</summary>
[Flags]
public enum PipeAttribute
{
    None = 0,
    Network = 1,
    Material = 2,
    /// <summary>Diameter or section: one of the two.</summary>
    Size = 4,
    StartDepth = 8,
    EndDepth = 16,
    Pressure = 32,
    Owner = 64,
    BuildYear = 128,
    Status = 256,
    QualityLevel = 512,
    ExternalId = 1024,
}

/// <param name="NetworkCodes">The network codes the registry knows (e.g. water, gas).</param>
/// <param name="NetworkAliases">Other names for them (e.g. 燃气 → gas, RQ → gas), matched without case, as the codes are.</param>
/// <param name="Required">Attributes a feature must have; by default network, material, size, both depths and owner.</param>
public sealed record PipeImportOptions(
    IReadOnlyCollection<string> NetworkCodes,
    IReadOnlyDictionary<string, string>? NetworkAliases = null,
    PipeAttribute Required = PipeAttribute.Network | PipeAttribute.Material | PipeAttribute.Size | PipeAttribute.StartDepth | PipeAttribute.EndDepth | PipeAttribute.Owner,
    decimal MinDepthM = 0,
    decimal MaxDepthM = 30,
    int MinBuildYear = 1900);

/// <summary>One reason a feature cannot be imported: the attribute it is about (null for the geometry or the whole feature) and a message.</summary>
public sealed record PipeImportProblem(int FeatureIndex, PipeAttribute Attribute, GisMessage Reason);

/// <summary>
/// The dry run: how many features the file has, which can be imported (the drafts) and why the others cannot; or the
/// file's refusal. Nothing has been written.
/// </summary>
public sealed record PipeImportReport(
    int FeatureCount,
    IReadOnlyList<PipeSegmentDraft> Drafts,
    IReadOnlyList<PipeImportProblem> Problems,
    GisMessage? Refusal)
{
    public int ValidCount => Drafts.Count;
    public int InvalidCount => FeatureCount - Drafts.Count;
    public bool IsRefused => Refusal is not null;

    public IEnumerable<PipeImportProblem> ProblemsOf(int featureIndex) => Problems.Where(p => p.FeatureIndex == featureIndex);
}
