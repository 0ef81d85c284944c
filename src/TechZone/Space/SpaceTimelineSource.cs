using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Enterprises;
using TechZone.Platform.Calendar;
using TechZone.Platform.Identity;
using TechZone.Platform.Zone;
using TechZone.Space.Resources;

namespace TechZone.Space;

/// <summary>What Space adds to an enterprise's timeline: leases begun and ended, space requests raised.</summary>
sealed class SpaceTimelineSource(ZoneDb db, CurrentUser current, ZoneTime time) : IEnterpriseTimelineSource
{
    public async Task<IReadOnlyList<TimelineEvent>> EventsAsync(int enterpriseId, CancellationToken ct)
    {
        var portal = current.IsEnterprise && !current.IsInternal;
        var today = time.Today;
        var leases = await db.Set<Lease>().AsNoTracking().Include(l => l.Units).Where(l => l.EnterpriseId == enterpriseId)
            .OrderByDescending(l => l.StartOn).Take(100).ToListAsync(ct);
        var unitIds = leases.SelectMany(l => l.Units.Select(u => u.UnitId)).Distinct().ToList();
        var units = await db.Set<Unit>().AsNoTracking().Where(u => unitIds.Contains(u.Id))
            .Join(db.Set<Building>(), u => u.BuildingId, b => b.Id, (u, b) => new { u.Id, u.BuildingId, Label = b.Name + " " + u.Number }).ToDictionaryAsync(x => x.Id, ct);
        var events = new List<TimelineEvent>();
        foreach (var l in leases)
        {
            var where = string.Join("、", l.Units.Select(u => units.TryGetValue(u.UnitId, out var x) ? x.Label : ""));
            var link = portal ? "/my/space" : l.Units.Select(u => units.TryGetValue(u.UnitId, out var x) ? $"/space/buildings/{x.BuildingId}" : null).FirstOrDefault(x => x is not null) ?? "/space/leases";
            var detail = $"{SpaceLabels.M2(Area.M2(l.AreaDm2))} · {SpaceLabels.Date(l.StartOn)} – {SpaceLabels.Date(l.EndOn)}";
            if (l.StartOn <= today) events.Add(new TimelineEvent(l.StartOn, "LeaseStarted", string.Format(SpaceStrings.Timeline_LeaseStarted, where), detail, link, Modules.Space));
            if (l.EndOn < today) events.Add(new TimelineEvent(l.EndOn, "LeaseEnded", string.Format(SpaceStrings.Timeline_LeaseEnded, where), detail, link, Modules.Space));
        }
        var requests = await db.Set<SpaceRequest>().AsNoTracking().Where(r => r.EnterpriseId == enterpriseId).OrderByDescending(r => r.Id).Take(100)
            .Select(r => new { r.Id, r.CreatedUtc, r.MinAreaDm2, r.MaxAreaDm2 }).ToListAsync(ct);
        foreach (var r in requests)
        {
            var at = DateTime.SpecifyKind(r.CreatedUtc, DateTimeKind.Utc);
            events.Add(new TimelineEvent(time.DateOf(at), "SpaceRequested",
                string.Format(SpaceStrings.Timeline_Requested, Area.M2(r.MinAreaDm2).ToString("0.##"), Area.M2(r.MaxAreaDm2).ToString("0.##")),
                null, portal ? "/my/space" : $"/space/requests/{r.Id}", Modules.Space, at));
        }
        return events;
    }
}
