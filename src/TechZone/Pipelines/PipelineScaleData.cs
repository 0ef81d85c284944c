using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Pipelines.Gis;
using TechZone.Platform.Seeding;
using TechZone.Platform.Zone;

namespace TechZone.Pipelines;

/// <summary>
/// Ten pipe segments per enterprise of a scaled zone (<c>seed --scale 100000</c>: 1,000,000), for the conflict index's
/// cold start and the check's load test (docs/perf.md, issue 8). Like the benchmark's data: 2–4 vertices, 20–200 m,
/// random bends, spread over a square east of the demo parks sized for the benchmark's density (30 km × 30 km for a
/// million), on every network; a third owned by scaled enterprises, the rest by the demo utilities. Each gets its
/// first version row, all at one new registry version. Written in batches through <see cref="BulkWriter"/>.
/// </summary>
sealed class PipelineScaleData : IScaleData
{
    public int Order => 50;

    public const int PerEnterprise = 10;
    const int Batch = 20_000;

    public async Task SeedAsync(ZoneDb db, ScaleContext context, CancellationToken ct)
    {
        var networks = await db.Set<PipeNetwork>().AsNoTracking().OrderBy(n => n.Id).Select(n => n.Id).ToArrayAsync(ct);
        if (networks.Length == 0) return;
        var utilities = await db.Set<Utility>().AsNoTracking().OrderBy(u => u.Id).Select(u => u.Id).ToArrayAsync(ct);
        var enterprises = (await context.Services.GetRequiredService<IEnterpriseDirectory>().SearchAsync(null, context.Enterprises + 1000))
            .Select(e => e.Id).ToArray();
        if (enterprises.Length == 0) return;

        await db.Set<PipeRegistryState>().Where(s => s.Id == 1).ExecuteUpdateAsync(u => u.SetProperty(s => s.Version, s => s.Version + 1), ct);
        var version = await PipelineIndex.RegistryVersionAsync(db, ct);

        var total = (long)context.Enterprises * PerEnterprise;
        var side = 30_000 * Math.Sqrt(total / 1e6);
        var zone = context.Services.GetRequiredService<ZoneCrs>();
        var (ox, oy) = zone.ToZone(117.2, 39.0);
        var random = new Random(20261202);
        var now = DateTime.UtcNow;
        var nextSegment = (int)await BulkWriter.NextIdAsync<PipeSegment>(db, ct);
        var nextVersion = await BulkWriter.NextIdAsync<PipeSegmentVersion>(db, ct);
        var segments = new List<PipeSegment>(Batch);
        long written = 0;
        for (long i = 0; i < total; i++)
        {
            var n = random.Next(2, 5);
            var points = new NetTopologySuite.Geometries.Coordinate[n];
            double x = ox + random.NextDouble() * side, y = oy + random.NextDouble() * side;
            var angle = random.NextDouble() * Math.PI;
            var step = (20 + random.NextDouble() * 180) / (n - 1);
            for (var k = 0; k < n; k++)
            {
                points[k] = new(x, y);
                angle += (random.NextDouble() - 0.5) * 0.3;
                x += Math.Cos(angle) * step; y += Math.Sin(angle) * step;
            }
            var byEnterprise = utilities.Length == 0 || random.Next(3) == 0;
            var depth = 0.8 + random.NextDouble() * 2.5;
            var s = new PipeSegment
            {
                Id = nextSegment++, Code = $"S-{i + 1:D7}", NetworkId = networks[random.Next(networks.Length)], Material = "PE100",
                DiameterMm = 100 + 50 * random.Next(8), DepthStartM = Math.Round(depth, 2), DepthEndM = Math.Round(depth + (random.NextDouble() - 0.5) * 0.4, 2),
                OwnerEnterpriseId = byEnterprise ? enterprises[random.Next(enterprises.Length)] : null,
                OwnerUtilityId = byEnterprise ? null : utilities[random.Next(utilities.Length)],
                BuildYear = 1995 + random.Next(30), Status = PipeStatus.InService, Quality = (QualityLevel)random.Next(4),
                Revision = 1, ChangedVersion = version, ChangedUtc = now,
            };
            RegistryService.SetGeometry(s, zone.Factory.CreateLineString(points));
            segments.Add(s);
            if (segments.Count == Batch) await FlushAsync();
        }
        await FlushAsync();
        await BulkWriter.ResetIdentityAsync<PipeSegment>(db, ct);
        await BulkWriter.ResetIdentityAsync<PipeSegmentVersion>(db, ct);

        async Task FlushAsync()
        {
            if (segments.Count == 0) return;
            await BulkWriter.WriteAsync(db, segments, ct);
            await BulkWriter.WriteAsync(db, segments.Select(s =>
            {
                var v = new PipeSegmentVersion
                {
                    Id = nextVersion++, SegmentId = s.Id, Revision = 1, MinX = s.MinX, MinY = s.MinY, MaxX = s.MaxX, MaxY = s.MaxY,
                    ValidFromUtc = now, ChangedBy = "scale", Reason = "规模测试生成",
                };
                PipeSegmentVersion.Copy(s, v);
                return v;
            }), ct);
            written += segments.Count;
            if (written % 200_000 == 0 || written == total) context.Progress("pipe segments", written);
            segments.Clear();
        }
    }
}
