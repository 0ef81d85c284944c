using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Inbox;
using TechZone.Platform.Zone;

namespace TechZone.Demands;

/// <summary>
/// 亮灯督办: the board of traffic lights per department, and the escalation of overdue parts to the department's head.
/// </summary>
public sealed class SupervisionService(ZoneDb db, DemandService demands, InboxService inbox, NotificationService notifications,
    TimeProvider clock, ILogger<SupervisionService> log)
{
    /// <summary>How many red (and yellow) demands the board lists; the counts cover all of them.</summary>
    public const int BoardRows = 100;

    public async Task<SupervisionBoard> BoardAsync(bool chinese, CancellationToken ct = default)
    {
        var lights = await demands.LightsAsync(ct);
        var departments = await DepartmentLightsAsync(lights, chinese, ct);
        var all = db.Set<Demand>().AsNoTracking();
        var overdue = await demands.SummariesAsync(all.Where(d => d.DueUtc != null && d.DueUtc < lights.Now)
            .OrderBy(d => d.DueUtc).ThenBy(d => d.Id).Take(BoardRows), lights, chinese, ct);
        var dueSoon = await demands.SummariesAsync(all.Where(d => d.DueUtc != null && d.DueUtc >= lights.Now && d.DueUtc <= lights.YellowUntil)
            .OrderBy(d => d.DueUtc).ThenBy(d => d.Id).Take(BoardRows), lights, chinese, ct);
        return new SupervisionBoard(departments, overdue, dueSoon);
    }

    /// <summary>Only the counts per department (the home card), without the board's lists.</summary>
    public async Task<IReadOnlyList<DepartmentLights>> DepartmentLightsAsync(bool chinese, CancellationToken ct = default) =>
        await DepartmentLightsAsync(await demands.LightsAsync(ct), chinese, ct);

    async Task<IReadOnlyList<DepartmentLights>> DepartmentLightsAsync(DemandLights lights, bool chinese, CancellationToken ct)
    {
        var open = OpenParts();
        var counts = await open.GroupBy(p => p.DepartmentId).Select(g => new
        {
            DepartmentId = g.Key,
            Red = g.Count(p => p.DueUtc < lights.Now),
            Yellow = g.Count(p => p.DueUtc >= lights.Now && p.DueUtc <= lights.YellowUntil),
            Green = g.Count(p => p.DueUtc > lights.YellowUntil),
        }).ToListAsync(ct);
        var names = await demands.DepartmentNamesAsync(chinese, ct);
        return names.Select(n => counts.FirstOrDefault(c => c.DepartmentId == n.Key) is { } c
                ? new DepartmentLights(n.Key, n.Value, c.Green, c.Yellow, c.Red)
                : new DepartmentLights(n.Key, n.Value, 0, 0, 0))
            .OrderByDescending(d => d.Red).ThenByDescending(d => d.Yellow).ThenBy(d => d.DepartmentName, StringComparer.Ordinal).ToList();
    }

    IQueryable<DemandPart> OpenParts() => db.Set<DemandPart>().AsNoTracking()
        // Open statuses listed (IN), not excluded, so that the (Status, DueUtc) index answers it.
        .Where(p => (p.Status == PartStatus.Assigned || p.Status == PartStatus.InProgress)
            && p.Demand!.Status != DemandStatus.Closed && p.Demand.Status != DemandStatus.Rejected);

    /// <summary>
    /// Escalates every open part past its deadline that was not escalated yet: marks it, tells the department's
    /// heads and puts it in their inboxes. Safe on several instances: the part's version lets only one of them
    /// escalate it. Returns how many parts were escalated.
    /// </summary>
    public async Task<int> EscalateOverdueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Set<DemandPart>()
            .Where(p => p.EscalatedUtc == null && p.Status != PartStatus.Answered && p.DueUtc < now
                && p.Demand!.Status != DemandStatus.Closed && p.Demand.Status != DemandStatus.Rejected)
            .OrderBy(p => p.DueUtc).Take(500)
            .Include(p => p.Demand)
            .ToListAsync(ct);
        var escalated = 0;
        foreach (var part in due)
        {
            var d = part.Demand!;
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                part.EscalatedUtc = now;
                db.Add(new DemandEvent { DemandId = d.Id, Kind = DemandEventKind.Escalated, AtUtc = now, DepartmentId = part.DepartmentId });
                await db.SaveChangesAsync(ct);
                var heads = await demands.HeadsAsync(part.DepartmentId, ct);
                var title = (Text("Inbox_Escalation", true, d), Text("Inbox_Escalation", false, d));
                foreach (var head in heads)
                    await inbox.OpenAsync(new InboxItemRequest(Modules.Demands, DemandService.EscalationKey(part.Id, head),
                        title.Item1, title.Item2, $"/demands/{d.Id}", DbTime.Utc(part.DueUtc), UserId: head), ct);
                await notifications.NotifyAsync(heads, new NotificationMessage(
                    Text("Notify_Overdue_Title", true, d), Text("Notify_Overdue_Title", false, d),
                    Text("Notify_Overdue_Body", true, d), Text("Notify_Overdue_Body", false, d), $"/demands/{d.Id}"),
                    alsoEmail: true, alsoSms: true, ct: ct);
                await tx.CommitAsync(ct);
                escalated++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another instance escalated (or someone answered) it first.
                db.ChangeTracker.Clear();
            }
        }
        if (escalated > 0) log.LogInformation("Escalated {Count} overdue demand parts", escalated);
        return escalated;
    }

    static string Text(string key, bool chinese, Demand d) => DemandService.Text(key, chinese, d);
}

/// <summary>Runs the escalation sweep every few minutes (<c>Demands:EscalationMinutes</c>, default 5; 0 turns it off).</summary>
sealed class EscalationWorker(IServiceScopeFactory scopes, IConfiguration config, ILogger<EscalationWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = config.GetValue("Demands:EscalationMinutes", 5.0);
        if (minutes <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SupervisionService>().EscalateOverdueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(ex, "Escalating overdue demands failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
