using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using TechZone.Data;
using TechZone.Pipelines.Gis;
using TechZone.Platform.Seeding;
using TechZone.Platform.Zone;

namespace TechZone.Pipelines;

/// <summary>
/// A street grid of pipes in each demo park (four streets each way, 300 m apart): three or four networks under every
/// street at their usual offsets from the centre line, in 200 m pipe segments with valves and manholes at the joints.
/// Owners are the city's utilities (answered for by 规划建设局) and, for industrial and some telecom lines, the demo
/// enterprises. A few segments carry a second version (a re-survey), so history and "as of a date" show something.
/// </summary>
sealed class PipelineDemoData : IDemoData
{
    public int Order => 60;
    public IReadOnlyList<DemoAccount> Accounts => [];

    // park code → centre (lon, lat), as in Space's demo data
    static readonly Dictionary<string, (double Lon, double Lat)> Centres = new()
    {
        ["huayuan"] = (117.100, 39.080), ["bolonghu"] = (117.460, 39.200), ["haiyang"] = (117.730, 39.170),
    };

    static readonly (string Name, string NameEn)[] Utilities =
    [
        ("天津水务集团有限公司", "Tianjin Water Group"),
        ("天津能源投资集团燃气公司", "Tianjin Energy Gas Company"),
        ("国网天津市电力公司滨海供电分公司", "State Grid Tianjin Binhai Power Supply"),
        ("中国电信天津分公司", "China Telecom Tianjin"),
        ("天津能源投资集团热力公司", "Tianjin Energy Heating Company"),
    ];

    // network code → offset from the street centre line (m), material, diameter, pressure class, utility index (-1: an enterprise)
    static readonly (string Network, double Offset, string Material, int Diameter, string? Pressure, int Utility)[] Layers =
    [
        ("water", -6, "球墨铸铁", 300, "0.6MPa", 0),
        ("rainwater", -2, "钢筋混凝土", 800, null, 0),
        ("sewage", 2, "HDPE双壁波纹管", 500, null, 0),
        ("gas", 6, "PE100", 200, "中压A", 1),
        ("power", 9, "电缆排管", 150, "10kV", 2),
        ("telecom", -9, "PVC通信管", 110, null, 3),
        ("heating", 4, "预制保温钢管", 400, "1.6MPa", 4),
        ("industrial", 11, "不锈钢", 100, "1.0MPa", -1),
    ];

    public async Task SeedAsync(ZoneDb db, IServiceProvider services, CancellationToken ct)
    {
        var parks = await db.Parks.ToDictionaryAsync(p => p.Code, ct);
        if (!Centres.Keys.All(parks.ContainsKey)) return; // a zone that is not the demo zone
        var planning = await db.Departments.Where(d => d.Code == "planning").Select(d => (int?)d.Id).SingleOrDefaultAsync(ct);
        if (planning is null) return;
        var networks = await db.Set<PipeNetwork>().ToDictionaryAsync(n => n.Code, ct);
        var directory = services.GetRequiredService<IEnterpriseDirectory>();
        var zone = services.GetRequiredService<ZoneCrs>();
        var enterprises = (await directory.SearchAsync(null, 400)).Select(e => e.Id).Order().ToList();
        if (enterprises.Count == 0) return;

        db.AuditRows = false;
        var utilities = Utilities.Select(u => new Utility { Name = u.Name, NameEn = u.NameEn, DepartmentId = planning.Value }).ToList();
        db.AddRange(utilities);
        await db.SaveChangesAsync(ct);

        var random = new Random(20261202);
        var version = 1L;
        var created = DateTime.UtcNow.AddYears(-1);
        var segments = new List<PipeSegment>();
        var nodes = new List<PipeNode>();
        var parkNo = 0;
        foreach (var (code, (lon, lat)) in Centres)
        {
            parkNo++;
            var (cx, cy) = zone.ToZone(lon, lat);
            for (var street = 0; street < 8; street++)
            {
                var eastWest = street < 4;
                var along = (street % 4 - 1.5) * 300; // streets at -450, -150, 150, 450 m from the centre
                // Each street carries four networks, chosen by the street so that every network appears in every park.
                var layers = Enumerable.Range(0, 4).Select(k => Layers[(street * 3 + k * 2) % Layers.Length]).ToList();
                foreach (var layer in layers)
                {
                    var network = networks[layer.Network];
                    for (var piece = 0; piece < 6; piece++)
                    {
                        var t0 = -600 + piece * 200.0;
                        var t1 = t0 + 200;
                        Coordinate P(double t) => eastWest
                            ? new Coordinate(cx + t, cy + along + layer.Offset)
                            : new Coordinate(cx + along + layer.Offset, cy + t);
                        // A slight bend mid-way on some pieces, as pipes around obstacles have.
                        var mid = P((t0 + t1) / 2);
                        var bend = random.Next(3) == 0 ? random.NextDouble() * 1.5 - 0.75 : 0;
                        if (eastWest) mid.Y += bend; else mid.X += bend;
                        var line = zone.Factory.CreateLineString([P(t0), mid, P(t1)]);
                        var owner = layer.Utility >= 0 ? (int?)null : enterprises[(parkNo + street) % Math.Min(enterprises.Count, 2)];
                        // Some telecom lines belong to enterprises (private fibre), the rest to the carrier.
                        if (layer.Network == "telecom" && piece % 3 == 0) owner = enterprises[(street + piece) % Math.Min(enterprises.Count, 2)];
                        var depth = layer.Network is "sewage" or "rainwater" ? 2.5 + random.NextDouble() : 1.0 + random.NextDouble() * 0.8;
                        var s = new PipeSegment
                        {
                            Code = $"{code[..2].ToUpperInvariant()}-{layer.Network[..3].ToUpperInvariant()}-{street + 1}{piece + 1:D2}",
                            NetworkId = network.Id, Material = layer.Material, DiameterMm = layer.Diameter, PressureClass = layer.Pressure,
                            DepthStartM = Math.Round(depth, 2), DepthEndM = Math.Round(depth + (random.NextDouble() - 0.5) * 0.4, 2),
                            OwnerEnterpriseId = owner, OwnerUtilityId = owner is null ? utilities[Math.Max(0, layer.Utility)].Id : null,
                            BuildYear = 2008 + random.Next(16), Status = PipeStatus.InService,
                            Quality = (QualityLevel)random.Next(4), Revision = 1, ChangedVersion = version, ChangedUtc = created,
                        };
                        RegistryService.SetGeometry(s, line);
                        segments.Add(s);
                        if (piece > 0)
                        {
                            var p = P(t0);
                            nodes.Add(new PipeNode
                            {
                                Code = $"N-{s.Code}", NetworkId = network.Id, X = p.X, Y = p.Y,
                                Kind = layer.Network is "sewage" or "rainwater" ? NodeKind.Manhole : layer.Network is "water" or "gas" ? NodeKind.Valve : NodeKind.Junction,
                                DepthM = s.DepthStartM, OwnerEnterpriseId = s.OwnerEnterpriseId, OwnerUtilityId = s.OwnerUtilityId,
                            });
                        }
                    }
                }
            }
        }
        db.AddRange(segments);
        db.AddRange(nodes);
        await db.SaveChangesAsync(ct);

        // Version rows: the first version of each, and a re-survey (exposed and measured) of every tenth segment.
        var resurveyed = DateTime.UtcNow.AddDays(-30);
        foreach (var s in segments)
        {
            var v1 = new PipeSegmentVersion { SegmentId = s.Id, Revision = 1, MinX = s.MinX, MinY = s.MinY, MaxX = s.MaxX, MaxY = s.MaxY, ValidFromUtc = created, ChangedBy = "demo", Reason = "建档" };
            PipeSegmentVersion.Copy(s, v1);
            db.Add(v1);
            if (s.Id % 10 != 0) continue;
            v1.ValidToUtc = resurveyed;
            s.Quality = QualityLevel.ExposedAndMeasured;
            s.DepthStartM = Math.Round(s.DepthStartM + 0.15, 2);
            s.Revision = 2;
            s.ChangedUtc = resurveyed;
            var v2 = new PipeSegmentVersion { SegmentId = s.Id, Revision = 2, MinX = s.MinX, MinY = s.MinY, MaxX = s.MaxX, MaxY = s.MaxY, ValidFromUtc = resurveyed, ChangedBy = "demo", Reason = "开挖探测复核" };
            PipeSegmentVersion.Copy(s, v2);
            db.Add(v2);
        }
        await db.Set<PipeRegistryState>().Where(x => x.Id == 1).ExecuteUpdateAsync(u => u.SetProperty(x => x.Version, version), ct);
        await db.SaveChangesAsync(ct);
        Platform.Audit.AuditTrail.Batch(db, "pipelines", new { source = "demo data", segments = segments.Count, nodes = nodes.Count, utilities = utilities.Count });
        await db.SaveChangesAsync(ct);
        db.AuditRows = true;
    }
}
