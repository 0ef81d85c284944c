using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Calendar;
using TechZone.Platform.Seeding;
using TechZone.Platform.Zone;

namespace TechZone.Demands;

/// <summary>
/// Visits of a scaled zone, <see cref="PerEnterprise"/> per enterprise on average, on working days over the last two
/// years and the coming month, within the zone's limit (at most two per enterprise and month, one per week): past ones
/// recorded with the demo's scenarios (a few cancelled, the last week's partly awaiting their record), coming ones
/// planned by the Enterprise Service Bureau. Led and joined by departments as in the demo. Written through
/// <see cref="BulkWriter"/>; no inbox items (the planners are departments here, not users).
/// </summary>
sealed class VisitScaleData : IScaleData
{
    public int Order => 45; // after the demands, which take the enterprises' random draws first

    public const int PerEnterprise = 2;
    const int Batch = 20_000;

    public async Task SeedAsync(ZoneDb db, ScaleContext context, CancellationToken ct)
    {
        var time = context.Services.GetRequiredService<ZoneTime>();
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, ct);
        if (!departments.TryGetValue("service", out var service)) return;
        var leads = VisitDemoData.Leads(departments, service);
        var others = departments.Values.Where(d => d.Id != service.Id).OrderBy(d => d.Id).ToList();
        var enterprises = await context.Services.GetRequiredService<IEnterpriseDirectory>().SearchAsync(null, context.Enterprises + 1000);
        var today = time.Today;
        var first = today.AddDays(-730);
        var days = (today.AddDays(30).DayNumber - first.DayNumber) + 1;

        var random = new Random(2_000_000);
        var nextVisit = (int)await BulkWriter.NextIdAsync<Visit>(db, ct);
        var perMonth = new Dictionary<(int, int), int>();
        var perWeek = new HashSet<(int, int)>();
        // The demo's visits count towards the limit too.
        foreach (var v in await db.Set<Visit>().AsNoTracking().Where(v => v.Status != VisitStatus.Cancelled)
                     .Select(v => new { v.EnterpriseId, v.PlannedOn, v.VisitedOn }).ToListAsync(ct))
        {
            var on = v.VisitedOn ?? v.PlannedOn;
            perMonth[(v.EnterpriseId, on.Year * 12 + on.Month)] = perMonth.GetValueOrDefault((v.EnterpriseId, on.Year * 12 + on.Month)) + 1;
            perWeek.Add((v.EnterpriseId, VisitLabels.WeekStart(on).DayNumber));
        }
        var batch = new List<Visit>(Batch);
        long written = 0, total = (long)enterprises.Count * PerEnterprise;
        for (long i = 0; i < total; i++)
        {
            var enterprise = enterprises[random.Next(enterprises.Count)];
            var on = first.AddDays(random.Next(days));
            if (on.DayOfWeek == DayOfWeek.Saturday) on = on.AddDays(-1);
            else if (on.DayOfWeek == DayOfWeek.Sunday) on = on.AddDays(1);
            var month = on.Year * 12 + on.Month;
            var week = VisitLabels.WeekStart(on).DayNumber;
            // The limit the planner is warned about holds: a drawn day that would break it is left out.
            if (perMonth.GetValueOrDefault((enterprise.Id, month)) >= VisitSettings.DefaultMaxVisitsPerEnterprisePerMonth || !perWeek.Add((enterprise.Id, week)))
                continue;
            perMonth[(enterprise.Id, month)] = perMonth.GetValueOrDefault((enterprise.Id, month)) + 1;

            var past = on < today;
            var lead = past ? VisitDemoData.Pick(leads, random) : service;
            var scenario = VisitDemoData.Scenarios[random.Next(VisitDemoData.Scenarios.Length)];
            var visit = new Visit
            {
                Id = nextVisit++, EnterpriseId = enterprise.Id, PlannedOn = on, LeadDepartmentId = lead.Id, Purpose = scenario.Purpose,
                PlannedByName = lead.Name, PlannedUtc = time.StartOfDayUtc(on.AddDays(-random.Next(3, 15))).AddHours(9 + random.Next(8)),
            };
            if (random.Next(3) > 0)
                visit.Participants.Add(new VisitDepartment { VisitId = visit.Id, DepartmentId = others[random.Next(others.Count)].Id });
            if (visit.Participants.Any(p => p.DepartmentId == lead.Id)) visit.Participants.Clear();
            if (visit.PlannedUtc > DateTime.UtcNow) visit.PlannedUtc = DateTime.UtcNow.AddHours(-1);

            var awaiting = past && on >= today.AddDays(-6) && random.Next(3) == 0;
            if (past && !awaiting)
            {
                if (random.Next(25) == 0)
                    visit.Cancel(VisitDemoData.CancelReasons[random.Next(VisitDemoData.CancelReasons.Length)], lead.Name, visit.PlannedUtc.AddDays(1));
                else
                {
                    var recorded = time.StartOfDayUtc(on.AddDays(1)).AddHours(10 + random.Next(6));
                    if (recorded > DateTime.UtcNow) recorded = DateTime.UtcNow;
                    visit.Record(on, today, VisitDemoData.Attendees(lead, random), scenario.Topics, scenario.Findings, scenario.FollowUps, "", lead.Name, recorded);
                }
            }
            else if (!past && random.Next(30) == 0)
                visit.Cancel(VisitDemoData.CancelReasons[random.Next(VisitDemoData.CancelReasons.Length)], lead.Name, DateTime.UtcNow.AddHours(-2));
            batch.Add(visit);
            if (batch.Count == Batch) await FlushAsync();
        }
        await FlushAsync();
        await BulkWriter.ResetIdentityAsync<Visit>(db, ct);

        async Task FlushAsync()
        {
            if (batch.Count == 0) return;
            await BulkWriter.WriteAsync(db, batch, ct);
            await BulkWriter.WriteAsync(db, batch.SelectMany(v => v.Participants), ct);
            written += batch.Count;
            context.Progress("visits", written);
            batch.Clear();
        }
    }
}
