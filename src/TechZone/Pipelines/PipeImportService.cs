using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Pipelines.Gis;

namespace TechZone.Pipelines;

/// <summary>
/// The registry's file import and export. Import: a GeoJSON, GeoPackage, zipped Shapefile or CSV is checked feature by
/// feature (dry run, nothing written), then on confirmation written in one transaction — a feature whose code is in
/// the registry becomes that segment's next version, any other a new segment. Export: the current registry (filtered by
/// network and owner) as GeoJSON (WGS84) or GeoPackage (zone CRS), with the column names the import reads back.
/// </summary>
public sealed class PipeImportService(ZoneDb db, PipelineAccessService access, RegistryService registry, PipeFileResolver resolver,
    GeoJsonFileWriter geoJson, GeoPackageFileWriter geoPackage, TimeProvider clock)
{
    /// <summary>The most features one export writes (filter by network or owner for more).</summary>
    public const int MaxExport = 200_000;

    /// <summary>
    /// Checks a file (<paramref name="dryRun"/>) or imports it: every feature must pass, unless <paramref name="validOnly"/>
    /// asks for the passing ones alone. Refused with the count and nothing written when a feature fails.
    /// </summary>
    public async Task<PipeFileReport> ImportAsync(PipeFileUpload upload, bool dryRun, bool validOnly, bool chinese, CancellationToken ct = default)
    {
        await access.RequireWriteAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var stamp = now.ToString("yyMMddHHmmssfff", CultureInfo.InvariantCulture);
        var file = await resolver.ReadAsync(upload, new PipeFileDefaults(
            PipeAttribute.Network | PipeAttribute.Material | PipeAttribute.Size | PipeAttribute.StartDepth | PipeAttribute.EndDepth | PipeAttribute.Owner,
            null, QualityLevel.RecordsOnly, index => $"IMP{stamp}-{index:D5}"), ct);
        if (file.Refusal is not null || dryRun) return await resolver.ReportAsync(file, chinese, ct: ct);

        var failing = file.Problems.Count(p => p.Value.Count > 0);
        if (failing > 0 && !validOnly) throw new PipelineRuleException("ImportProblems", failing);
        var valid = file.Features.Where(f => file.Problems[f.FeatureIndex].Count == 0).ToList();
        if (valid.Count == 0) throw new PipelineRuleException("AsBuiltEmpty");
        // Two features of the file with one code would write the segment twice.
        if (valid.GroupBy(f => f.Code, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new PipelineConflictException("CodeTaken", twice.Key);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await registry.WriteFeaturesAsync(valid, PipelineLabels.Text("Import_Reason", CultureInfo.CurrentUICulture, upload.FileName), now, ct);
        // A concurrent import or edit took one of the new codes, or changed a segment this one updates: nothing is written.
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { throw new PipelineConflictException("Stale"); }
        await tx.CommitAsync(ct);
        return await resolver.ReportAsync(file, chinese, valid.Count, ct);
    }

    /// <summary>The registry now as a file: "geojson" (WGS84, RFC 7946) or "gpkg" (zone CRS). Null for an unknown format.</summary>
    public async Task<(byte[] Content, string ContentType, string FileName)?> ExportAsync(string format, int? networkId, string? owner, bool chinese, CancellationToken ct = default)
    {
        await access.RequireReadAsync();
        if (format is not ("geojson" or "gpkg")) return null;
        var q = db.Set<PipeSegment>().AsNoTracking().Where(s => s.Status != PipeStatus.Removed);
        if (networkId is { } n) q = q.Where(s => s.NetworkId == n);
        if (await registry.OwnerMatchesAsync(owner, ct) is ({ } enterpriseIds, { } utilityIds))
            q = q.Where(s => enterpriseIds.Contains(s.OwnerEnterpriseId ?? 0) || utilityIds.Contains(s.OwnerUtilityId ?? 0));
        var rows = await q.OrderBy(s => s.Code).Take(MaxExport).ToListAsync(ct);
        var networks = await db.Set<PipeNetwork>().AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var owners = await registry.OwnerNamesAsync(rows.Select(s => (s.OwnerEnterpriseId, s.OwnerUtilityId)), true, ct);
        var zh = PipelineLabels.Chinese;
        // The column names and values the import reads back (PipeAttributeAliases; labels of status and quality).
        var features = rows.Select((s, i) => new GisFeature(i + 1, null, PipeGeometry.FromWkb(s.Wkb), new Dictionary<string, object?>
        {
            ["编号"] = s.Code, ["管线类型"] = networks.GetValueOrDefault(s.NetworkId), ["材质"] = s.Material, ["管径"] = s.DiameterMm, ["断面"] = s.Section,
            ["起点埋深"] = s.DepthStartM, ["终点埋深"] = s.DepthEndM, ["压力"] = s.PressureClass, ["权属单位"] = owners[(s.OwnerEnterpriseId, s.OwnerUtilityId)].Name,
            ["建设年代"] = s.BuildYear, ["状态"] = PipelineLabels.Text("PipeStatus_" + s.Status, zh), ["数据质量"] = PipelineLabels.Text("Quality_" + s.Quality, zh),
        }));
        using var output = new MemoryStream();
        var name = $"{PipelineLabels.Text("Export_FileName", chinese ? zh : PipelineLabels.English)}-{clock.GetUtcNow():yyyyMMdd}";
        if (format == "geojson")
        {
            geoJson.Write(output, features);
            return (output.ToArray(), "application/geo+json", name + ".geojson");
        }
        geoPackage.Write(output, features);
        return (output.ToArray(), "application/geopackage+sqlite3", name + ".gpkg");
    }
}
