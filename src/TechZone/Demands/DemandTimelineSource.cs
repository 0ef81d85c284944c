using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Demands.Resources;
using TechZone.Enterprises;
using TechZone.Platform.Calendar;
using TechZone.Platform.Identity;

namespace TechZone.Demands;

/// <summary>
/// What the demand loop and the visits add to an enterprise's timeline: demands raised, closed or rejected, and
/// (for the zone's own people: findings are internal) visits recorded. The most recent ones; the lists hold the rest.
/// </summary>
sealed class DemandTimelineSource(ZoneDb db, CurrentUser current, ZoneTime time) : IEnterpriseTimelineSource
{
    const int MostRecent = 100;

    public async Task<IReadOnlyList<TimelineEvent>> EventsAsync(int enterpriseId, CancellationToken ct)
    {
        var portal = current.IsEnterprise;
        var events = new List<TimelineEvent>();
        var demands = await db.Set<Demand>().AsNoTracking().Where(d => d.EnterpriseId == enterpriseId)
            .OrderByDescending(d => d.RaisedUtc).Take(MostRecent)
            .Select(d => new { d.Id, d.Title, d.RaisedUtc, d.Status, d.ClosedUtc, d.Rating }).ToListAsync(ct);
        foreach (var d in demands)
        {
            var link = portal ? $"/my/demands/{d.Id}" : $"/demands/{d.Id}";
            var raised = DbTime.Utc(d.RaisedUtc);
            events.Add(new TimelineEvent(time.DateOf(raised), "DemandRaised", string.Format(DemandStrings.Timeline_DemandRaised, d.Title),
                $"#{d.Id}", link, "Demands", raised));
            if (d.ClosedUtc is { } closedAt && d.Status is DemandStatus.Closed or DemandStatus.Rejected)
            {
                var closed = DbTime.Utc(closedAt);
                var title = d.Status == DemandStatus.Closed ? DemandStrings.Timeline_DemandClosed : DemandStrings.Timeline_DemandRejected;
                events.Add(new TimelineEvent(time.DateOf(closed), "Demand" + d.Status, string.Format(title, d.Title),
                    d.Rating is { } r ? string.Format(DemandStrings.Timeline_Rating, r) : null, link, "Demands", closed));
            }
        }
        if (!portal)
        {
            var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.DisplayName(Platform.Localization.ZoneCultures.IsChinese), ct);
            var visits = await db.Set<Visit>().AsNoTracking().Where(v => v.EnterpriseId == enterpriseId && v.Status == VisitStatus.Recorded)
                .OrderByDescending(v => v.VisitedOn).Take(MostRecent)
                .Select(v => new { v.Id, v.VisitedOn, v.PlannedOn, v.LeadDepartmentId, v.Purpose }).ToListAsync(ct);
            events.AddRange(visits.Select(v => new TimelineEvent(v.VisitedOn ?? v.PlannedOn, "Visited",
                string.Format(DemandStrings.Timeline_Visited, departments.GetValueOrDefault(v.LeadDepartmentId, "")), v.Purpose, $"/visits/{v.Id}", "Demands")));
        }
        return events;
    }
}
