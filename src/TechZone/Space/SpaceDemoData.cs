using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Enterprises;
using TechZone.Platform.Audit;
using TechZone.Platform.Calendar;
using TechZone.Platform.Seeding;
using TechZone.Platform.Zone;

namespace TechZone.Space;

/// <summary>
/// Buildings with floors and units in the three parks (at their real places near Tianjin Binhai), leases for the
/// seeded enterprises, one completed survey and one in progress, parcels with geometry — some of them low-efficiency —
/// and one open disposal case. Deterministic: fixed values and a seeded Random.
/// </summary>
sealed class SpaceDemoData : IDemoData
{
    public int Order => 50;
    public IReadOnlyList<DemoAccount> Accounts => [];

    // park code → centre (lon, lat)
    static readonly Dictionary<string, (double Lon, double Lat)> Centres = new()
    {
        ["huayuan"] = (117.100, 39.080), ["bolonghu"] = (117.460, 39.200), ["haiyang"] = (117.730, 39.170),
    };

    // park, name, type, floors as built, floors recorded, units per floor, owner, address, offset in the park (lon, lat)
    static readonly (string Park, string Name, BuildingType Type, int Floors, int Recorded, int PerFloor, string Owner, string Address, double Dx, double Dy)[] Buildings =
    [
        ("huayuan", "海泰信息广场A座", BuildingType.Office, 18, 6, 4, "天津海泰控股集团有限公司", "天津市滨海高新区华苑产业区海泰发展六道6号", -0.006, 0.004),
        ("huayuan", "华苑研发中心3号楼", BuildingType.RnD, 8, 4, 3, "天津海泰控股集团有限公司", "天津市滨海高新区华苑产业区梓苑路12号", 0.004, 0.003),
        ("huayuan", "海泰生物医药实验楼", BuildingType.Lab, 5, 3, 3, "天津滨海高新区资产管理有限公司", "天津市滨海高新区华苑产业区海泰南道9号", 0.002, -0.006),
        ("bolonghu", "渤龙湖总部经济区A8号楼", BuildingType.Office, 12, 4, 4, "天津渤龙湖投资发展有限公司", "天津市滨海高新区渤龙湖科技园渤龙湖西路8号", -0.005, 0.002),
        ("bolonghu", "渤龙湖智能制造厂房1号", BuildingType.Industrial, 2, 2, 2, "天津渤龙湖投资发展有限公司", "天津市滨海高新区渤龙湖科技园创新二路1号", 0.006, -0.004),
        ("haiyang", "信安创业广场5号楼", BuildingType.RnD, 10, 5, 4, "天津滨海海洋科技园投资有限公司", "天津市滨海高新区塘沽海洋科技园信安路5号", -0.004, 0.003),
        ("haiyang", "信安创业广场3号楼", BuildingType.Office, 10, 4, 4, "天津滨海海洋科技园投资有限公司", "天津市滨海高新区塘沽海洋科技园信安路3号", 0.003, 0.004),
        ("haiyang", "海洋科技园人才公寓", BuildingType.Apartment, 15, 3, 4, "天津滨海海洋科技园投资有限公司", "天津市滨海高新区塘沽海洋科技园宁海路16号", 0.005, -0.005),
    ];

    public async Task SeedAsync(ZoneDb db, IServiceProvider services, CancellationToken ct)
    {
        var random = new Random(20261201);
        var today = services.GetRequiredService<ZoneTime>().Today;
        var parks = await db.Parks.ToDictionaryAsync(p => p.Code, ct);
        if (!Centres.Keys.All(parks.ContainsKey)) return; // a zone that is not the demo zone
        var directory = services.GetRequiredService<IEnterpriseDirectory>();
        var all = await directory.SearchAsync(null, 400);
        int? Named(string name) => all.FirstOrDefault(e => e.Name == name)?.Id;
        var tenants = all.Select(e => e.Id).ToList();

        db.AuditRows = false;
        foreach (var (code, (lon, lat)) in Centres)
        {
            var boundary = new ParkBoundary { ParkId = parks[code].Id };
            Geo.Apply(boundary, Geo.Box(lon - 0.02, lat - 0.014, 0.04, 0.028));
            db.Add(boundary);
        }

        // ---- parcels: one per building, plus land that is idle, unallocated or reserved --------------------------
        var facts = services.GetRequiredService<EnterpriseFactsService>();
        var tax = (await facts.VerifiedAsync(2024, FactMetric.TaxPaid, ct: ct)).ToDictionary(f => f.EnterpriseId, f => f.Value);
        const long Line = 15_000_000; // the default 亩均税收 line, 15 万元/亩
        var parcels = new List<Parcel>();
        Parcel AddParcel(string number, string park, double dx, double dy, double w, double h, LandUse use, ParcelStatus status, int? holder,
            string? acquired, double plot, double? muFromTax = null)
        {
            var (lon, lat) = Centres[park];
            var g = Geo.Box(lon + dx, lat + dy, w, h);
            var p = new Parcel
            {
                Number = number, ParkId = parks[park].Id, LandUse = use, Status = status, HolderId = holder, PlotRatio = plot,
                AcquiredOn = acquired is null ? null : DateOnly.Parse(acquired, System.Globalization.CultureInfo.InvariantCulture),
            };
            // A holder's parcel is sized from its verified tax so that the demo shows one parcel on each side of the line.
            var areaM2 = muFromTax is { } factor && holder is { } hid && tax.TryGetValue(hid, out var t) ? t / (Line * factor) * Parcel.SquareMetresPerMu : Geo.AreaM2(g);
            p.AreaDm2 = (long)Math.Round(areaM2 * 100);
            Geo.Apply(p, g);
            parcels.Add(p);
            db.Add(p);
            return p;
        }
        var hy1 = AddParcel("津高新(挂)2015-012", "huayuan", -0.009, 0.001, 0.006, 0.005, LandUse.RnD, ParcelStatus.Operating, Named("天津中环半导体股份有限公司"), "2015-06-18", 1.8, 4);
        var hy2 = AddParcel("津高新(挂)2016-031", "huayuan", 0.001, 0.0, 0.006, 0.005, LandUse.RnD, ParcelStatus.Operating, Named("曙光信息产业股份有限公司"), "2016-09-02", 0.7, 3);
        var hy3 = AddParcel("津高新(挂)2012-007", "huayuan", -0.002, -0.009, 0.008, 0.005, LandUse.RnD, ParcelStatus.Operating, Named("天津先进技术研究院"), "2012-04-20", 1.2, 2);
        var bl1 = AddParcel("津滨高(挂)2017-003", "bolonghu", -0.009, -0.001, 0.007, 0.006, LandUse.Industrial, ParcelStatus.Operating, Named("中国长城科技集团股份有限公司天津分公司"), "2017-11-08", 1.1, 0.4);
        var bl2 = AddParcel("津滨高(挂)2018-015", "bolonghu", 0.002, -0.008, 0.009, 0.006, LandUse.Industrial, ParcelStatus.Operating, null, "2018-05-30", 1.3);
        AddParcel("津滨高(挂)2021-007", "bolonghu", 0.004, 0.003, 0.010, 0.007, LandUse.Industrial, ParcelStatus.Idle, Named("天津腾信数据科技有限公司"), "2021-07-15", 0);
        AddParcel("津滨高(储)2022-011", "bolonghu", -0.015, 0.006, 0.008, 0.005, LandUse.Industrial, ParcelStatus.Reserved, null, null, 0);
        var hk1 = AddParcel("津海科(挂)2014-021", "haiyang", -0.007, 0.0, 0.006, 0.006, LandUse.RnD, ParcelStatus.Operating, Named("飞腾信息技术有限公司"), "2014-10-10", 2.2, 5);
        var hk2 = AddParcel("津海科(挂)2015-009", "haiyang", 0.0, 0.001, 0.006, 0.006, LandUse.RnD, ParcelStatus.Operating, Named("麒麟软件有限公司"), "2015-03-26", 2.0, 3);
        var hk3 = AddParcel("津海科(挂)2016-018", "haiyang", 0.003, -0.008, 0.006, 0.005, LandUse.Residential, ParcelStatus.Operating, null, "2016-12-01", 2.5);
        AddParcel("津海科(挂)2020-015", "haiyang", -0.016, -0.010, 0.010, 0.007, LandUse.Industrial, ParcelStatus.Unallocated, null, null, 0);
        Parcel[] buildingParcels = [hy1, hy2, hy3, bl1, bl2, hk1, hk2, hk3];
        await db.SaveChangesAsync(ct);

        // ---- buildings, floors, units -----------------------------------------------------------------------------
        var units = new List<(Unit Unit, Building Building)>();
        for (var i = 0; i < Buildings.Length; i++)
        {
            var d = Buildings[i];
            var (lon, lat) = Centres[d.Park];
            var b = new Building
            {
                ParkId = parks[d.Park].Id, Name = d.Name, Type = d.Type, FloorCount = d.Floors, Owner = d.Owner, Address = d.Address,
                ParcelId = buildingParcels[i].Id,
            };
            Geo.Apply(b, Geo.Box(lon + d.Dx, lat + d.Dy, 0.0018, 0.0012));
            db.Add(b);
            await db.SaveChangesAsync(ct);
            long leasable = 0;
            for (var level = 1; level <= d.Recorded; level++)
            {
                var floor = new Floor { BuildingId = b.Id, Level = level, Name = SpaceLabels.FloorName(level) };
                db.Add(floor);
                await db.SaveChangesAsync(ct);
                for (var n = 1; n <= d.PerFloor; n++)
                {
                    var u = NewUnit(d.Type, random);
                    (u.BuildingId, u.FloorId, u.Number) = (b.Id, floor.Id, $"{level}{n:00}");
                    leasable += u.AreaDm2;
                    db.Add(u);
                    units.Add((u, b));
                }
            }
            // The floors not recorded yet are as large as the recorded ones.
            b.LeasableAreaDm2 = leasable * d.Floors / d.Recorded;
            b.GrossAreaDm2 = (long)(b.LeasableAreaDm2 * 1.25);
            await db.SaveChangesAsync(ct);
        }

        // ---- leases: about two units in three; some ending within 90 days ---------------------------------------
        var leaseOf = new Dictionary<int, Lease>();
        int? feiteng = Named("飞腾信息技术有限公司"), kylin = Named("麒麟软件有限公司");
        var t = 0;
        foreach (var (u, b) in units)
        {
            int? enterprise = null;
            if (b.Name == "信安创业广场5号楼" && u.Number is "101" or "102") enterprise = feiteng;
            else if (b.Name == "信安创业广场3号楼" && u.Number == "201") enterprise = kylin;
            else if (random.Next(100) < 62 && tenants.Count > 0) enterprise = tenants[(t++ * 7) % tenants.Count];
            if (enterprise is not { } e) continue;
            var start = today.AddDays(-random.Next(60, 1400));
            var end = random.Next(100) < 15 ? today.AddDays(random.Next(5, 85)) : start.AddYears(random.Next(3, 6)).AddDays(-1);
            if (end < today) end = today.AddDays(random.Next(100, 700));
            var lease = new Lease
            {
                EnterpriseId = e, StartOn = start, EndOn = end, AreaDm2 = u.AreaDm2, RentFen = u.AskingRentFen - random.Next(0, 5) * 100,
                Units = [new LeaseUnit { UnitId = u.Id, StartOn = start, EndOn = end }],
            };
            db.Add(lease);
            leaseOf[u.Id] = lease;
        }
        await db.SaveChangesAsync(ct);

        // ---- surveys: one completed half a year ago (华苑, 海洋), one in progress (渤龙湖 and 海泰信息广场A座) -----
        var done = new SurveyCampaign
        {
            Name = $"{today.AddDays(-150).Year}年楼宇利用率摸底调查（华苑、海洋）", SurveyOn = today.AddDays(-150), Status = CampaignStatus.Completed,
            CreatedByName = "规划建设局负责人", CreatedUtc = DateTime.UtcNow.AddDays(-160), CompletedUtc = DateTime.UtcNow.AddDays(-120),
        };
        var current = new SurveyCampaign
        {
            Name = $"{today.Year}年四季度楼宇摸底调查", SurveyOn = today.AddDays(-7), Status = CampaignStatus.InProgress,
            CreatedByName = "规划建设局负责人", CreatedUtc = DateTime.UtcNow.AddDays(-10),
        };
        var built = units.Select(x => x.Building).Distinct().ToList();
        done.Buildings = built.Where(b => b.ParkId != parks["bolonghu"].Id).Select(b => new SurveyCampaignBuilding { BuildingId = b.Id }).ToList();
        // 麒麟 holds the land under 信安创业广场3号楼 and manages the building: its portal users report that building's units.
        var managed = built.Single(b => b.Name == "信安创业广场3号楼");
        managed.ManagerEnterpriseId = kylin;
        current.Buildings = built.Where(b => b.ParkId == parks["bolonghu"].Id || b.Name == "海泰信息广场A座" || b == managed)
            .Select(b => new SurveyCampaignBuilding { BuildingId = b.Id }).ToList();
        db.AddRange(done, current);
        await db.SaveChangesAsync(ct);

        var sublet = 0;
        void Record(SurveyCampaign c, Unit u, Building b, DateTime at)
        {
            var holder = leaseOf.TryGetValue(u.Id, out var l) && l.StartOn <= c.SurveyOn && l.EndOn >= c.SurveyOn ? l.EnterpriseId : (int?)null;
            var r = new SurveyRecord { CampaignId = c.Id, UnitId = u.Id, BuildingId = b.Id, LeaseholderId = holder, RecordedByName = "规划建设局负责人", RecordedUtc = at };
            if (holder is null) r.Usage = UnitUsage.Vacant;
            else
            {
                var roll = random.Next(100);
                r.Usage = roll < 14 ? UnitUsage.IdleLeased : roll < 22 ? UnitUsage.FitOut : UnitUsage.Occupied;
                if (r.Usage != UnitUsage.IdleLeased) r.ActualUserId = holder;
                if (r.Usage == UnitUsage.Occupied && sublet < 2 && roll > 90 && tenants.Count > 1)
                {
                    r.ActualUserId = tenants.First(x => x != holder);
                    r.Subletting = true;
                    r.Note = "现场为其他企业办公，未见租赁备案";
                    sublet++;
                }
            }
            db.Add(r);
        }
        foreach (var (u, b) in units.Where(x => done.Buildings.Any(cb => cb.BuildingId == x.Building.Id)))
            Record(done, u, b, DateTime.UtcNow.AddDays(-140));
        var half = 0;
        foreach (var (u, b) in units.Where(x => current.Buildings.Any(cb => cb.BuildingId == x.Building.Id)))
            if (half++ % 2 == 0) Record(current, u, b, DateTime.UtcNow.AddDays(-3));
        await db.SaveChangesAsync(ct);

        // ---- thresholds and an open reserve case on the idle parcel ----------------------------------------------
        db.Add(new LandThresholds());
        var idle = parcels.Single(p => p.Status == ParcelStatus.Idle);
        db.Add(new DisposalCase
        {
            ParcelId = idle.Id, Kind = DisposalKind.Reserve, Status = CaseStatus.Open, Owner = "规划建设局 土地科", OpenedOn = today.AddDays(-30),
            DueOn = today.AddDays(150), Reason = "出让后超过两年未动工开发", CreatedByName = "规划建设局负责人",
            Steps = SpaceLabels.DefaultSteps(DisposalKind.Reserve).Select((title, i) => new DisposalStep
            {
                Order = i + 1, Title = title, DoneOn = i == 0 ? today.AddDays(-20) : null, DoneByName = i == 0 ? "规划建设局负责人" : "",
                Note = i == 0 ? "现场核查确认未动工" : "",
            }).ToList(),
        });
        AuditTrail.Batch(db, "space", new { source = "demo data", buildings = Buildings.Length, units = units.Count, leases = leaseOf.Count, parcels = parcels.Count });
        await db.SaveChangesAsync(ct);
        db.AuditRows = true;
    }

    internal static Unit NewUnit(BuildingType type, Random r)
    {
        var u = new Unit();
        switch (type)
        {
            case BuildingType.Industrial:
                (u.Use, u.AreaDm2, u.FloorLoadTenths, u.PowerKw, u.AskingRentFen) = (UnitUse.Industrial, r.Next(1200, 3000) * 100L, r.Next(8, 13) * 10, r.Next(4, 9) * 100, r.Next(25, 36) * 100);
                u.Exhaust = r.Next(2) == 0;
                break;
            case BuildingType.Lab:
                (u.Use, u.AreaDm2, u.FloorLoadTenths, u.PowerKw, u.AskingRentFen) = (UnitUse.Lab, r.Next(180, 600) * 100L, r.Next(4, 7) * 10, r.Next(10, 30) * 10, r.Next(60, 81) * 100);
                (u.Exhaust, u.LabSinks, u.CleanRoom) = (true, r.Next(4) > 0, r.Next(3) == 0);
                break;
            case BuildingType.RnD:
                (u.Use, u.AreaDm2, u.FloorLoadTenths, u.PowerKw, u.AskingRentFen) = (UnitUse.RnD, r.Next(200, 900) * 100L + r.Next(100), r.Next(35, 51), r.Next(8, 21) * 10, r.Next(45, 66) * 100);
                u.Exhaust = r.Next(3) == 0;
                break;
            case BuildingType.Apartment:
                (u.Use, u.AreaDm2, u.FloorLoadTenths, u.PowerKw, u.AskingRentFen) = (UnitUse.Residential, r.Next(45, 90) * 100L, 20, 8, r.Next(40, 56) * 100);
                break;
            default:
                (u.Use, u.AreaDm2, u.FloorLoadTenths, u.PowerKw, u.AskingRentFen) = (UnitUse.Office, r.Next(120, 800) * 100L + r.Next(100), r.Next(25, 31), r.Next(5, 13) * 10, r.Next(45, 76) * 100);
                break;
        }
        return u;
    }
}
