using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using TechZone.Chains.Resources;
using TechZone.Data;
using TechZone.Enterprises;
using TechZone.Platform.Calendar;
using TechZone.Platform.Identity;
using TechZone.Platform.Localization;
using TechZone.Platform.Zone;

namespace TechZone.Chains;

/// <summary>
/// The enterprise profile's view of the chains: where the enterprise is tagged, the lead it came from (with that
/// lead's history, so nothing is lost when a lead lands) and its key projects' milestones. Only for readers of the
/// module: an enterprise's own portal never shows investment work.
/// </summary>
sealed class ChainTimelineSource(ZoneDb db, CurrentUser current, IAuthorizationService authorization, ZoneTime time, LeadService leads, ProjectService projects)
    : IEnterpriseTimelineSource
{
    public async Task<IReadOnlyList<TimelineEvent>> EventsAsync(int enterpriseId, CancellationToken ct)
    {
        if (!current.IsInternal || !(await authorization.AuthorizeAsync(current.Principal, ChainPolicies.Read)).Succeeded) return [];
        var chinese = ZoneCultures.IsChinese;
        var culture = CultureInfo.CurrentUICulture;
        var events = new List<TimelineEvent>();

        var tags = await (from t in db.Set<SegmentTag>().AsNoTracking()
                          join s in db.Set<ChainSegment>() on t.SegmentId equals s.Id
                          join c in db.Set<Chain>() on s.ChainId equals c.Id
                          where t.EnterpriseId == enterpriseId
                          select new { t.Role, t.TaggedUtc, t.TaggedBy, Segment = s, Chain = c }).ToListAsync(ct);
        events.AddRange(tags.Select(t => new TimelineEvent(time.DateOf(t.TaggedUtc), "chain.tagged",
            string.Format(culture, ChainStrings.Timeline_Tagged, t.Chain.DisplayName(chinese), t.Segment.DisplayName(chinese), ChainLabels.Role(t.Role)),
            t.TaggedBy, $"/chains/{t.Chain.Id}?segment={t.Segment.Id}", Modules.Chains, t.TaggedUtc)));

        foreach (var (lead, stages) in await leads.OfEnterpriseAsync(enterpriseId, chinese, ct))
            events.AddRange(lead.Events.Where(e => e.Kind != LeadEventKind.Updated).Select(e => new TimelineEvent(time.DateOf(e.AtUtc), "lead." + e.Kind.ToString().ToLowerInvariant(),
                string.Format(culture, ChainStrings.Timeline_Lead, ChainLabels.Event(e.Kind), e.ToStageId is { } to ? stages.GetValueOrDefault(to) ?? "" : ""),
                string.Join(" · ", new[] { e.Note, e.ByUserName }.Where(x => x != "")), $"/leads/{lead.Id}", Modules.Chains, e.AtUtc)));

        foreach (var project in await projects.OfEnterpriseAsync(enterpriseId, chinese, ct))
            events.AddRange(project.Milestones.Where(m => m.ActualOn is not null).Select(m => new TimelineEvent(m.ActualOn!.Value, "project.milestone",
                string.Format(culture, ChainStrings.Timeline_Milestone, project.Name, m.Name), m.Note == "" ? null : m.Note, $"/projects/{project.Id}", Modules.Chains)));
        return events;
    }
}
