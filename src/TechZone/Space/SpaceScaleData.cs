using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Enterprises;
using TechZone.Platform.Calendar;
using TechZone.Platform.Seeding;
using TechZone.Platform.Zone;

namespace TechZone.Space;

/// <summary>
/// The building stock of a scaled zone: one building per <see cref="EnterprisesPerBuilding"/> enterprises, spread over
/// the parks on a grid inside each park's outline (so that the map draws them), every floor recorded with its units
/// (as the demo's, <see cref="SpaceDemoData.NewUnit"/>), and about two units in three leased, each to an enterprise of
/// the building's park, some leases ending within 90 days. Written through <see cref="BulkWriter"/>.
/// </summary>
sealed class SpaceScaleData : IScaleData
{
    public int Order => 50;

    public const int EnterprisesPerBuilding = 50;

    static readonly (BuildingType Type, string Kind, int MinFloors, int MaxFloors, int MinUnits, int MaxUnits, int Weight)[] Kinds =
    [
        (BuildingType.Office, "写字楼", 8, 24, 4, 8, 5),
        (BuildingType.RnD, "研发楼", 4, 12, 3, 6, 4),
        (BuildingType.Industrial, "厂房", 1, 4, 1, 3, 3),
        (BuildingType.Lab, "实验楼", 3, 6, 2, 4, 1),
        (BuildingType.Apartment, "人才公寓", 10, 20, 6, 10, 1),
    ];

    static readonly string[] Owners =
    [
        "天津海泰控股集团有限公司", "天津滨海高新区资产管理有限公司", "天津渤龙湖投资发展有限公司", "天津滨海海洋科技园投资有限公司",
        "天津未来科技城开发有限公司", "天津滨海高新区科技企业孵化器有限公司",
    ];

    public async Task SeedAsync(ZoneDb db, ScaleContext context, CancellationToken ct)
    {
        var parks = await db.Parks.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        if (parks.Count == 0) return;
        var outlines = await db.Set<ParkBoundary>().AsNoTracking().Where(b => b.MinLon != null).ToDictionaryAsync(b => b.ParkId, ct);
        var enterprises = await context.Services.GetRequiredService<IEnterpriseDirectory>().SearchAsync(null, context.Enterprises + 1000);
        var tenantsOf = enterprises.Where(e => e.ParkId is not null).GroupBy(e => e.ParkId!.Value).ToDictionary(g => g.Key, g => g.Select(e => e.Id).ToArray());
        var today = context.Services.GetRequiredService<ZoneTime>().Today;
        var random = new Random(3_000_000);

        var nextBuilding = (int)await BulkWriter.NextIdAsync<Building>(db, ct);
        var nextFloor = (int)await BulkWriter.NextIdAsync<Floor>(db, ct);
        var nextUnit = (int)await BulkWriter.NextIdAsync<Unit>(db, ct);
        var nextLease = (int)await BulkWriter.NextIdAsync<Lease>(db, ct);
        var count = Math.Max(1, context.Enterprises / EnterprisesPerBuilding);
        // Each park's buildings on a square grid inside its outline, in cells of at most 0.0015° × 0.001°.
        var perPark = (count + parks.Count - 1) / parks.Count;
        var side = (int)Math.Ceiling(Math.Sqrt(perPark));
        var weights = Kinds.Sum(k => k.Weight);

        var buildings = new List<Building>();
        var floors = new List<Floor>();
        var units = new List<Unit>();
        var leases = new List<Lease>();
        for (var i = 0; i < count; i++)
        {
            var park = parks[i % parks.Count];
            var slot = i / parks.Count;
            var roll = random.Next(weights);
            var kind = Kinds.First(k => (roll -= k.Weight) < 0);
            var road = ZoneRoads.Names[random.Next(ZoneRoads.Names.Length)];
            var b = new Building
            {
                Id = nextBuilding++, ParkId = park.Id, Type = kind.Type, Owner = Owners[random.Next(Owners.Length)],
                // The slot makes the name unique in the park.
                Name = $"{road}{slot + 1}号{kind.Kind}", Address = $"天津市滨海高新区{park.Name}{road}{slot + 1}号",
                FloorCount = random.Next(kind.MinFloors, kind.MaxFloors + 1),
            };
            if (outlines.TryGetValue(park.Id, out var outline))
            {
                var cellLon = Math.Min(0.0015, (outline.MaxLon!.Value - outline.MinLon!.Value) / side);
                var cellLat = Math.Min(0.001, (outline.MaxLat!.Value - outline.MinLat!.Value) / side);
                Geo.Apply(b, Geo.Box(outline.MinLon.Value + slot % side * cellLon + cellLon * 0.15, outline.MinLat!.Value + slot / side * cellLat + cellLat * 0.15,
                    cellLon * 0.7, cellLat * 0.7));
            }
            var perFloor = random.Next(kind.MinUnits, kind.MaxUnits + 1);
            var tenants = tenantsOf.GetValueOrDefault(park.Id, []);
            for (var level = 1; level <= b.FloorCount; level++)
            {
                var floor = new Floor { Id = nextFloor++, BuildingId = b.Id, Level = level, Name = SpaceLabels.FloorName(level) };
                floors.Add(floor);
                for (var n = 1; n <= perFloor; n++)
                {
                    var u = SpaceDemoData.NewUnit(kind.Type, random);
                    (u.Id, u.BuildingId, u.FloorId, u.Number) = (nextUnit++, b.Id, floor.Id, $"{level}{n:00}");
                    b.LeasableAreaDm2 += u.AreaDm2;
                    units.Add(u);
                    if (tenants.Length == 0 || random.Next(100) >= 62) continue;
                    var start = today.AddDays(-random.Next(60, 1400));
                    var end = random.Next(100) < 15 ? today.AddDays(random.Next(5, 85)) : start.AddYears(random.Next(3, 6)).AddDays(-1);
                    if (end < today) end = today.AddDays(random.Next(100, 700));
                    var lease = new Lease
                    {
                        Id = nextLease++, EnterpriseId = tenants[random.Next(tenants.Length)], StartOn = start, EndOn = end, AreaDm2 = u.AreaDm2,
                        RentFen = u.AskingRentFen - random.Next(0, 5) * 100,
                    };
                    lease.Units.Add(new LeaseUnit { LeaseId = lease.Id, UnitId = u.Id, StartOn = start, EndOn = end });
                    leases.Add(lease);
                }
            }
            b.GrossAreaDm2 = (long)(b.LeasableAreaDm2 * 1.25);
            buildings.Add(b);
        }
        await BulkWriter.WriteAsync(db, buildings, ct);
        await BulkWriter.WriteAsync(db, floors, ct);
        await BulkWriter.WriteAsync(db, units, ct);
        await BulkWriter.WriteAsync(db, leases, ct);
        await BulkWriter.WriteAsync(db, leases.SelectMany(l => l.Units), ct);
        await BulkWriter.ResetIdentityAsync<Building>(db, ct);
        await BulkWriter.ResetIdentityAsync<Floor>(db, ct);
        await BulkWriter.ResetIdentityAsync<Unit>(db, ct);
        await BulkWriter.ResetIdentityAsync<Lease>(db, ct);
        context.Progress($"buildings ({floors.Count:N0} floors, {units.Count:N0} units, {leases.Count:N0} leases)", buildings.Count);
    }
}
