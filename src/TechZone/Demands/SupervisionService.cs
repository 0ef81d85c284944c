using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Background;
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
        var names = await demands.DepartmentNamesAsync(chinese, ct);
        var departmentIds = names.Keys.ToList();
        // A part is open while its status is, except in a rejected demand (rejecting leaves the parts as they were;
        // a closed demand has only answered parts, since only an answered demand closes). Joining every open part
        // to its demand cost 0.1–0.6 s at a million demands; the open parts alone come from the (DepartmentId,
        // Status, DueUtc) index — the departments listed, so that it is a few seeks — and the rejected demands'
        // open parts, found from the demands' side, are taken off.
        var parts = db.Set<DemandPart>().AsNoTracking()
            .Where(p => departmentIds.Contains(p.DepartmentId) && (p.Status == PartStatus.Assigned || p.Status == PartStatus.InProgress));
        var open = await CountAsync(parts, lights, ct);
        var rejected = await CountAsync(db.Set<Demand>().AsNoTracking().Where(d => d.Status == DemandStatus.Rejected)
            .SelectMany(d => d.Parts).Where(p => p.Status == PartStatus.Assigned || p.Status == PartStatus.InProgress), lights, ct);
        return names.Select(n =>
            {
                var (green, yellow, red) = open.GetValueOrDefault(n.Key);
                var (greenOff, yellowOff, redOff) = rejected.GetValueOrDefault(n.Key);
                return new DepartmentLights(n.Key, n.Value, green - greenOff, yellow - yellowOff, red - redOff);
            })
            .OrderByDescending(d => d.Red).ThenByDescending(d => d.Yellow).ThenBy(d => d.DepartmentName, StringComparer.Ordinal).ToList();
    }

    static async Task<Dictionary<int, (int Green, int Yellow, int Red)>> CountAsync(IQueryable<DemandPart> parts, DemandLights lights, CancellationToken ct) =>
        (await parts.GroupBy(p => p.DepartmentId).Select(g => new
        {
            DepartmentId = g.Key,
            Red = g.Count(p => p.DueUtc < lights.Now),
            Yellow = g.Count(p => p.DueUtc >= lights.Now && p.DueUtc <= lights.YellowUntil),
            Green = g.Count(p => p.DueUtc > lights.YellowUntil),
        }).ToListAsync(ct)).ToDictionary(c => c.DepartmentId, c => (c.Green, c.Yellow, c.Red));

    /// <summary>How many overdue parts one transaction of the sweep escalates.</summary>
    public const int EscalationBatch = 500;

    /// <summary>
    /// Escalates every open part past its deadline that was not escalated yet: marks it, tells the department's
    /// heads and puts it in their inboxes. Works in batches of <see cref="EscalationBatch"/>, each one transaction
    /// with a few statements (not a round trip per part), so that a backlog of tens of thousands does not hold the
    /// database for long. Safe against concurrent answers: the parts' versions make a batch that raced one retry.
    /// Returns how many parts were escalated.
    /// </summary>
    public async Task<int> EscalateOverdueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var heads = new Dictionary<int, List<string>>();
        int escalated = 0, conflicts = 0;
        while (true)
        {
            var batch = await db.Set<DemandPart>()
                .Where(p => p.EscalatedUtc == null && p.Status != PartStatus.Answered && p.DueUtc < now
                    && p.Demand!.Status != DemandStatus.Closed && p.Demand.Status != DemandStatus.Rejected)
                .OrderBy(p => p.DueUtc).ThenBy(p => p.Id).Take(EscalationBatch)
                .Include(p => p.Demand)
                .ToListAsync(ct);
            if (batch.Count == 0) break;
            try
            {
                await EscalateBatchAsync(batch, now, heads, ct);
                escalated += batch.Count;
                conflicts = 0;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone answered or reassigned a part of the batch meanwhile: read the batch again. A part that
                // keeps changing leaves the rest to the next round.
                if (++conflicts == 3) { log.LogWarning("Escalation stopped after repeated conflicts; the next round continues"); break; }
            }
            db.ChangeTracker.Clear();
        }
        if (escalated > 0) log.LogInformation("Escalated {Count} overdue demand parts", escalated);
        return escalated;
    }

    async Task EscalateBatchAsync(List<DemandPart> batch, DateTime now, Dictionary<int, List<string>> heads, CancellationToken ct)
    {
        var missing = batch.Select(p => p.DepartmentId).Distinct().Where(id => !heads.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            var found = await db.Users.AsNoTracking()
                .Where(u => u.DepartmentId != null && missing.Contains(u.DepartmentId.Value) && u.IsDepartmentHead && !u.IsDisabled)
                .Select(u => new { DepartmentId = u.DepartmentId!.Value, u.Id }).ToListAsync(ct);
            foreach (var id in missing) heads[id] = found.Where(f => f.DepartmentId == id).Select(f => f.Id).ToList();
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var items = new List<InboxItemRequest>();
        var messages = new List<(IReadOnlyList<string>, NotificationMessage)>();
        foreach (var part in batch)
        {
            var d = part.Demand!;
            part.EscalatedUtc = now;
            db.Add(new DemandEvent { DemandId = d.Id, Kind = DemandEventKind.Escalated, AtUtc = now, DepartmentId = part.DepartmentId });
            var partHeads = heads[part.DepartmentId];
            foreach (var head in partHeads)
                items.Add(new InboxItemRequest(Modules.Demands, DemandService.EscalationKey(part.Id, head),
                    Text("Inbox_Escalation", true, d), Text("Inbox_Escalation", false, d), $"/demands/{d.Id}", DbTime.Utc(part.DueUtc), UserId: head));
            messages.Add((partHeads, new NotificationMessage(
                Text("Notify_Overdue_Title", true, d), Text("Notify_Overdue_Title", false, d),
                Text("Notify_Overdue_Body", true, d), Text("Notify_Overdue_Body", false, d), $"/demands/{d.Id}")));
        }
        await db.SaveChangesAsync(ct);
        await inbox.OpenManyAsync(Modules.Demands, items, ct);
        await notifications.NotifyEachAsync(messages, alsoEmail: true, alsoSms: true, ct: ct);
        await tx.CommitAsync(ct);
    }

    static string Text(string key, bool chinese, Demand d) => DemandService.Text(key, chinese, d);
}

/// <summary>Runs the escalation sweep every few minutes (<c>Demands:EscalationMinutes</c>, default 5; 0 turns it off).</summary>
sealed class EscalationWorker(IServiceScopeFactory scopes, IConfiguration config, ILogger<EscalationWorker> log) : PeriodicWork(scopes, log)
{
    protected override TimeSpan Period => TimeSpan.FromMinutes(config.GetValue("Demands:EscalationMinutes", 5.0));
    protected override bool RunsAtStart => true;
    protected override string What => "Escalating overdue demands";

    protected override Task RoundAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<SupervisionService>().EscalateOverdueAsync(ct);
}
