using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Pipelines.Gis;
using TechZone.Pipelines.Resources;
using TechZone.Platform.Files;
using TechZone.Platform.Zone;

namespace TechZone.Pipelines;

/// <summary>
/// How a pipe file's features become registry entries where the file is silent: the attributes it must have, the
/// owner and quality level to assume, and the code of a feature without one.
/// </summary>
public sealed record PipeFileDefaults(PipeAttribute Required, int? OwnerEnterpriseId, QualityLevel Quality, Func<int, string> Code);

/// <summary>A read pipe file: its refusal, or its features resolved against the registry and the problems of every feature (by index; empty when it passes).</summary>
public sealed record ResolvedPipeFile(string FileName, int FeatureCount, string? Refusal, List<AsBuiltFeature> Features, Dictionary<int, List<string>> Problems);

/// <summary>
/// Reads an uploaded pipe file (GeoJSON, GeoPackage, zipped Shapefile, CSV) through the GIS readers and the import's
/// dry run, then resolves each draft against the registry: network code or name, owner by full name (enterprise or
/// utility), status and quality level by name or label, and the existing pipe segment its code names. Nothing is
/// written. Used by the as-built survey and the registry import.
/// </summary>
public sealed class PipeFileResolver(ZoneDb db, GisFiles files, FileService fileStore, IEnterpriseDirectory enterprises, RegistryService registry, ZoneCrs zoneCrs, TimeProvider clock)
{
    public async Task<ResolvedPipeFile> ReadAsync(PipeFileUpload upload, PipeFileDefaults defaults, CancellationToken ct = default)
    {
        if (upload.Content.Length == 0) throw new PipelineRuleException("AsBuiltEmpty");
        if (upload.Content.Length > fileStore.MaxBytes) throw new FileTooLargeException(fileStore.MaxBytes);
        var culture = CultureInfo.CurrentUICulture;
        GisReadResult file;
        using (var content = new MemoryStream(upload.Content, writable: false))
            file = files.Read(upload.FileName, content, upload.CsvSrid);
        var networks = await db.Set<PipeNetwork>().AsNoTracking().ToListAsync(ct);
        var aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var n in networks)
        {
            aliases.TryAdd(n.Name, n.Code);
            if (n.NameEn.Length > 0) aliases.TryAdd(n.NameEn, n.Code);
        }
        var report = PipeImportCheck.DryRun(file, new PipeImportOptions(networks.Select(n => n.Code).ToList(), aliases, defaults.Required, 0, (decimal)PipelineLimits.MaxDepth));
        if (report.Refusal is { } refusal) return new(upload.FileName, 0, refusal.Text(culture), [], []);

        var networkIds = networks.ToDictionary(n => n.Code, n => n.Id, StringComparer.OrdinalIgnoreCase);
        var problems = report.Problems.GroupBy(p => p.FeatureIndex).ToDictionary(g => g.Key, g => g.Select(p => p.Reason.Text(culture)).ToList());
        var existing = await ExistingAsync(report.Drafts.Select(d => d.ExternalId).OfType<string>().ToList(), ct);
        var owners = new Dictionary<string, (int?, int?)>(StringComparer.Ordinal);
        var features = new List<AsBuiltFeature>();
        foreach (var d in report.Drafts)
        {
            var mine = problems[d.FeatureIndex] = [];
            var replaced = d.ExternalId is { } external && existing.TryGetValue(external, out var e) ? e : null;
            var (ownerEnterprise, ownerUtility) = await OwnerAsync(d.OwnerName, replaced, defaults, owners, mine, culture, ct);
            var f = new AsBuiltFeature
            {
                FeatureIndex = d.FeatureIndex, NetworkId = networkIds[d.NetworkCode], Material = d.Material ?? "", DiameterMm = d.DiameterMm, Section = d.Section,
                DepthStartM = (double)(d.StartDepthM ?? 0), DepthEndM = (double)(d.EndDepthM ?? d.StartDepthM ?? 0), PressureClass = d.PressureClass,
                OwnerEnterpriseId = ownerEnterprise, OwnerUtilityId = ownerUtility, BuildYear = d.BuildYear ?? replaced?.BuildYear ?? clock.GetUtcNow().Year,
                Status = Parse(d.Status, PipeStatus.InService, "PipeStatus_", mine, "Problem_StatusUnknown", culture),
                Quality = QualityOf(d.QualityLevel) ?? Parse(d.QualityLevel, defaults.Quality, "Quality_", mine, "Problem_QualityUnknown", culture),
                Wkb = PipeGeometry.ToWkb(d.Geometry), Code = d.ExternalId ?? defaults.Code(d.FeatureIndex), ReplacesSegmentId = replaced?.Id,
            };
            if (f.Code.Length > PipelineLimits.Code) mine.Add(PipelineLabels.Text("Problem_CodeTooLong", culture, f.Code, PipelineLimits.Code));
            if (f.Material.Length > PipelineLimits.Name) mine.Add(PipelineLabels.Text("Problem_ValueTooLong", culture, f.Material, PipelineLimits.Name));
            if (f.DiameterMm is null && f.Section is null) mine.Add(PipelineLabels.Text("Error_SizeMissing", culture));
            if (replaced is not null && replaced.NetworkId != f.NetworkId) mine.Add(PipelineLabels.Text("Problem_ReplacesOtherNetwork", culture, f.Code));
            if (!zoneCrs.Covers(d.Geometry.EnvelopeInternal)) mine.Add(PipelineLabels.Text("Problem_OutsideZone", culture));
            else if (!d.Geometry.IsValid || d.Geometry.Length <= 0.01) mine.Add(PipelineLabels.Text("Problem_LineInvalid", culture));
            features.Add(f);
        }
        return new(upload.FileName, report.FeatureCount, null, features, problems);
    }

    sealed record Existing(int Id, int NetworkId, int? Enterprise, int? Utility, int? BuildYear);

    async Task<Dictionary<string, Existing>> ExistingAsync(List<string> codes, CancellationToken ct)
    {
        var found = new Dictionary<string, Existing>(StringComparer.OrdinalIgnoreCase);
        // In chunks: a registry import may name tens of thousands of codes, more than one IN list should carry.
        foreach (var chunk in codes.Distinct().Chunk(2000))
            foreach (var s in await db.Set<PipeSegment>().AsNoTracking().Where(s => chunk.Contains(s.Code))
                         .Select(s => new { s.Code, s.Id, s.NetworkId, s.OwnerEnterpriseId, s.OwnerUtilityId, s.BuildYear }).ToListAsync(ct))
                found[s.Code] = new(s.Id, s.NetworkId, s.OwnerEnterpriseId, s.OwnerUtilityId, s.BuildYear);
        return found;
    }

    /// <summary>
    /// The owner named in the file (an enterprise or a utility, by its full name); else the owner of the segment it
    /// replaces; else the default owner (an as-built's applicant).
    /// </summary>
    async Task<(int? Enterprise, int? Utility)> OwnerAsync(string? name, Existing? replaced, PipeFileDefaults defaults, Dictionary<string, (int?, int?)> cache,
        List<string> problems, CultureInfo culture, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            if (replaced is not null) return (replaced.Enterprise, replaced.Utility);
            if (defaults.OwnerEnterpriseId is { } owner) return (owner, null);
            problems.Add(PipelineLabels.Text("Problem_OwnerMissing", culture));
            return (null, null);
        }
        var text = name.Trim();
        if (!cache.TryGetValue(text, out var found))
        {
            if ((await enterprises.SearchAsync(text, 20)).FirstOrDefault(e => e.Name == text) is { } enterprise) found = (enterprise.Id, null);
            else found = (null, await db.Set<Utility>().AsNoTracking().Where(u => u.Name == text || u.NameEn == text).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct));
            cache[text] = found;
        }
        if (found is (null, null)) problems.Add(PipelineLabels.Text("Problem_OwnerNotFound", culture, text));
        return found;
    }

    /// <summary>ASCE 38's quality levels as surveys write them: QL-D records only … QL-A exposed and measured.</summary>
    static QualityLevel? QualityOf(string? text) => text?.Trim().ToUpperInvariant().Replace(" ", "").Replace("_", "-") switch
    {
        "QL-A" or "QLA" => QualityLevel.ExposedAndMeasured,
        "QL-B" or "QLB" => QualityLevel.Geophysics,
        "QL-C" or "QLC" => QualityLevel.SurfaceFeatures,
        "QL-D" or "QLD" => QualityLevel.RecordsOnly,
        _ => null,
    };

    /// <summary>An enum from its name or its label in either language; the default when empty.</summary>
    static T Parse<T>(string? text, T fallback, string labelPrefix, List<string> problems, string problemKey, CultureInfo culture) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        var value = text.Trim();
        if (Enum.TryParse<T>(value, true, out var parsed) && Enum.IsDefined(parsed)) return parsed;
        foreach (var candidate in Enum.GetValues<T>())
            foreach (var c in new[] { PipelineLabels.Chinese, PipelineLabels.English })
                if (string.Equals(PipelineStrings.ResourceManager.GetString(labelPrefix + candidate, c), value, StringComparison.OrdinalIgnoreCase)) return candidate;
        problems.Add(PipelineLabels.Text(problemKey, culture, value));
        return fallback;
    }

    /// <summary>The report of a read file: each feature as it would enter the registry, with its problems (also those the file check refused).</summary>
    public async Task<PipeFileReport> ReportAsync(ResolvedPipeFile file, bool chinese, int imported = 0, CancellationToken ct = default)
    {
        if (file.Refusal is not null) return new(file.FileName, 0, file.Refusal, []);
        var resolved = file.Features.Select(f => f.FeatureIndex).ToHashSet();
        var items = (await ItemsAsync(file.Features, chinese, ct)).Select(i => i with { Problems = file.Problems.GetValueOrDefault(i.FeatureIndex) ?? [] })
            .Concat(file.Problems.Where(p => !resolved.Contains(p.Key)).Select(p => PipeFileFeature.Rejected(p.Key, p.Value)))
            .OrderBy(i => i.FeatureIndex).ToList();
        return new(file.FileName, file.FeatureCount, null, items, imported);
    }

    /// <summary>Features as lists show them: network and owner names, size, length, the code of the segment each replaces.</summary>
    public async Task<List<PipeFileFeature>> ItemsAsync(IReadOnlyList<AsBuiltFeature> features, bool chinese, CancellationToken ct = default)
    {
        if (features.Count == 0) return [];
        var networks = (await db.Set<PipeNetwork>().AsNoTracking().ToListAsync(ct)).ToDictionary(n => n.Id, n => n.DisplayName(chinese));
        var owners = await registry.OwnerNamesAsync(features.Select(f => (f.OwnerEnterpriseId, f.OwnerUtilityId)), chinese, ct);
        var replaced = features.Where(f => f.ReplacesSegmentId is not null).Select(f => f.ReplacesSegmentId!.Value).Distinct().ToList();
        var codes = new Dictionary<int, string>();
        foreach (var chunk in replaced.Chunk(2000))
            foreach (var s in await db.Set<PipeSegment>().AsNoTracking().Where(s => chunk.Contains(s.Id)).Select(s => new { s.Id, s.Code }).ToListAsync(ct))
                codes[s.Id] = s.Code;
        return features.OrderBy(f => f.FeatureIndex).Select(f => new PipeFileFeature(f.FeatureIndex, f.Code, networks.GetValueOrDefault(f.NetworkId, ""), f.Material,
            PipelineLabels.Size(f.DiameterMm, f.Section), f.DepthStartM, f.DepthEndM, owners[(f.OwnerEnterpriseId, f.OwnerUtilityId)].Name,
            f.ReplacesSegmentId is { } r ? codes.GetValueOrDefault(r) : null, Math.Round(PipeGeometry.FromWkb(f.Wkb).Length, 2), f.SegmentId, [])).ToList();
    }
}
