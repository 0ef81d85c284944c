using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Calendar;
using TechZone.Platform.Seeding;
using TechZone.Platform.Zone;

namespace TechZone.Demands;

/// <summary>
/// Ten demands per enterprise of a scaled zone (on average: each is raised by a randomly drawn enterprise), raised
/// over the last two years in id order as in a live zone, and routed by the zone's rules: most answered and closed
/// (many rated), the recent ones open with their deadlines, some overdue. Written in batches through
/// <see cref="BulkWriter"/>, with their parts and history.
/// </summary>
sealed class DemandScaleData : IScaleData
{
    public int Order => 40;

    public const int PerEnterprise = 10;
    const int Batch = 20_000;

    public async Task SeedAsync(ZoneDb db, ScaleContext context, CancellationToken ct)
    {
        var services = context.Services;
        var setup = services.GetRequiredService<DemandSetupService>();
        var time = services.GetRequiredService<ZoneTime>();
        var calendar = await services.GetRequiredService<WorkCalendar>().SnapshotAsync(ct);
        var tree = await setup.CategoriesAsync(ct);
        var leaves = tree.InTreeOrder().Where(c => !tree.InTreeOrder(c.Id).Any()).Select(c => c.Id).ToArray();
        var fallback = await db.Departments.AsNoTracking().OrderBy(d => d.Id).Select(d => d.Id).FirstAsync(ct);
        var enterprises = await services.GetRequiredService<IEnterpriseDirectory>().SearchAsync(null, context.Enterprises + 1000);

        // Routing and SLAs depend only on (category, park): worked out once per pair.
        var routes = new Dictionary<(int, int?), (int Department, int Days)>();
        async Task<(int Department, int Days)> RouteAsync(int category, int? park)
        {
            if (routes.TryGetValue((category, park), out var known)) return known;
            var department = await setup.RouteAsync(category, park, ct) ?? fallback;
            return routes[(category, park)] = (department, await setup.SlaDaysAsync(department, category, ct));
        }

        var random = new Random(1_000_000);
        var now = DateTime.UtcNow;
        var nextDemand = (int)await BulkWriter.NextIdAsync<Demand>(db, ct);
        var nextPart = (int)await BulkWriter.NextIdAsync<DemandPart>(db, ct);
        var nextEvent = await BulkWriter.NextIdAsync<DemandEvent>(db, ct);
        var total = (long)enterprises.Count * PerEnterprise;
        var demands = new List<Demand>(Batch);
        long written = 0;
        // The FTS5 index row by row (its insert trigger) cost eight times the rest of the load; built once at the
        // end from the table it is much cheaper. The trigger's own definition is kept and put back.
        var ftsTrigger = db.Database.IsSqlite()
            ? await db.Database.SqlQuery<string>($"SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND name = 'demands_title_fts_insert'").SingleOrDefaultAsync(ct)
            : null;
        if (ftsTrigger is not null) await db.Database.ExecuteSqlRawAsync("DROP TRIGGER demands_title_fts_insert", ct);
        var start = now.AddYears(-2);
        var step = (now - start).TotalMinutes / total;
        for (long i = 0; i < total; i++)
        {
            var enterprise = enterprises[random.Next(enterprises.Count)];
            var category = leaves[random.Next(leaves.Length)];
            var (department, days) = await RouteAsync(category, enterprise.ParkId);
            // Later ids are raised later, as the service assigns them.
            var raised = start.AddMinutes((i + random.NextDouble()) * step);
            var d = new Demand
            {
                Id = nextDemand++, EnterpriseId = enterprise.Id, ParkId = enterprise.ParkId, CategoryId = category,
                Title = "诉求" + (i % PerEnterprise + 1) + "：" + tree.Path(category, true), Description = "规模测试生成的诉求内容。",
                Channel = (DemandChannel)random.Next(4), RaisedByName = "system", RaisedUtc = raised,
            };
            d.RefreshSearchKey(); // the bulk writer bypasses ZoneDb, which would do it
            var part = new DemandPart
            {
                Id = nextPart++, DemandId = d.Id, DepartmentId = department, AssignedUtc = raised, SlaDays = days,
                DueUtc = time.StartOfDayUtc(calendar.AddWorkingDays(time.DateOf(raised), days).AddDays(1)),
            };
            d.Parts.Add(part);
            d.Events.Add(new DemandEvent { Id = nextEvent++, DemandId = d.Id, Kind = DemandEventKind.Raised, AtUtc = raised });
            d.Events.Add(new DemandEvent { Id = nextEvent++, DemandId = d.Id, Kind = DemandEventKind.Assigned, AtUtc = raised, DepartmentId = department });
            // Older than a month: nearly all answered and closed. Recent ones: some still open.
            var age = (now - raised).TotalDays;
            if (age > 30 ? random.Next(100) < 97 : random.Next(100) < 40)
            {
                var answered = raised.AddHours(random.Next(4, 24 * 20));
                if (answered > now) answered = now;
                part.Status = PartStatus.Answered;
                part.Answer = "已协调解决。";
                part.AnsweredUtc = answered;
                d.Events.Add(new DemandEvent { Id = nextEvent++, DemandId = d.Id, Kind = DemandEventKind.Answered, AtUtc = answered, DepartmentId = department, Note = part.Answer });
                d.Status = DemandStatus.Closed;
                d.ClosedUtc = answered;
                if (random.Next(10) < 7)
                {
                    d.Rating = 1 + Math.Min(4, (int)Math.Round(random.NextDouble() * 2 + 2.5));
                    d.RatedUtc = answered;
                }
                d.Events.Add(new DemandEvent { Id = nextEvent++, DemandId = d.Id, Kind = DemandEventKind.Closed, AtUtc = answered });
            }
            else
            {
                part.Status = random.Next(2) == 0 ? PartStatus.Assigned : PartStatus.InProgress;
                d.Status = DemandStatus.Assigned;
                d.Recompute();
            }
            demands.Add(d);
            if (demands.Count == Batch) await FlushAsync();
        }
        await FlushAsync();
        if (ftsTrigger is not null)
        {
            await db.Database.ExecuteSqlRawAsync(ftsTrigger, ct);
            await db.Database.ExecuteSqlRawAsync("INSERT INTO demands_title_fts(demands_title_fts) VALUES ('rebuild')", ct);
            context.Progress("demand titles indexed", written);
        }
        await BulkWriter.ResetIdentityAsync<Demand>(db, ct);
        await BulkWriter.ResetIdentityAsync<DemandPart>(db, ct);
        await BulkWriter.ResetIdentityAsync<DemandEvent>(db, ct);

        async Task FlushAsync()
        {
            if (demands.Count == 0) return;
            await BulkWriter.WriteAsync(db, demands, ct);
            await BulkWriter.WriteAsync(db, demands.SelectMany(d => d.Parts), ct);
            await BulkWriter.WriteAsync(db, demands.SelectMany(d => d.Events), ct);
            written += demands.Count;
            if (written % 100_000 == 0 || written == total) context.Progress("demands", written);
            demands.Clear();
        }
    }
}
