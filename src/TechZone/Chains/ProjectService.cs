using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Calendar;
using TechZone.Platform.Identity;
using TechZone.Platform.Zone;

namespace TechZone.Chains;

/// <summary>
/// Key projects (重点项目) and their milestones. A project's light follows <see cref="ProjectStatusRule"/>: red when a
/// milestone is past its planned date and not done, yellow when one is due within the configured days, else green.
/// </summary>
public sealed class ProjectService(ZoneDb db, CurrentUser current, IAuthorizationService authorization, ZoneTime time, IEnterpriseDirectory directory)
{
    /// <summary>The leaders' page: every key project, red first, with counts by light.</summary>
    public async Task<ProjectOverview> OverviewAsync(bool chinese, CancellationToken ct = default)
    {
        await ChainAccess.RequireReadAsync(authorization, current);
        var projects = await ToSummariesAsync(await db.Set<KeyProject>().AsNoTracking().Include(p => p.Milestones).ToListAsync(ct), chinese, ct);
        var ordered = projects.OrderByDescending(p => p.Light).ThenByDescending(p => p.InvestmentFen ?? 0).ThenBy(p => p.Id).ToList();
        return new ProjectOverview(ordered.Count(p => p.Light == ProjectLight.Green), ordered.Count(p => p.Light == ProjectLight.Yellow),
            ordered.Count(p => p.Light == ProjectLight.Red), ordered);
    }

    public async Task<ProjectSummary?> GetAsync(int id, bool chinese, CancellationToken ct = default)
    {
        await ChainAccess.RequireReadAsync(authorization, current);
        var project = await db.Set<KeyProject>().AsNoTracking().Include(p => p.Milestones).SingleOrDefaultAsync(p => p.Id == id, ct);
        return project is null ? null : (await ToSummariesAsync([project], chinese, ct))[0];
    }

    /// <summary>The key projects in any of the segments (a segment page).</summary>
    internal async Task<IReadOnlyList<ProjectSummary>> OfSegmentsAsync(IReadOnlyCollection<int> segmentIds, bool chinese, CancellationToken ct) =>
        await ToSummariesAsync(await db.Set<KeyProject>().AsNoTracking().Include(p => p.Milestones)
            .Where(p => p.SegmentId != null && segmentIds.Contains(p.SegmentId.Value)).ToListAsync(ct), chinese, ct);

    /// <summary>The key projects of an investor enterprise (its timeline).</summary>
    internal async Task<IReadOnlyList<ProjectSummary>> OfEnterpriseAsync(int enterpriseId, bool chinese, CancellationToken ct) =>
        await ToSummariesAsync(await db.Set<KeyProject>().AsNoTracking().Include(p => p.Milestones)
            .Where(p => p.EnterpriseId == enterpriseId).ToListAsync(ct), chinese, ct);

    async Task<IReadOnlyList<ProjectSummary>> ToSummariesAsync(IReadOnlyList<KeyProject> projects, bool chinese, CancellationToken ct)
    {
        var settings = await db.Set<ChainSettings>().AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(ct) ?? new ChainSettings();
        var names = await directory.NamesAsync(projects.Select(p => p.EnterpriseId));
        var segmentIds = projects.Where(p => p.SegmentId != null).Select(p => p.SegmentId!.Value).Distinct().ToList();
        var segments = await (from s in db.Set<ChainSegment>().AsNoTracking()
                              join c in db.Set<Chain>() on s.ChainId equals c.Id
                              where segmentIds.Contains(s.Id)
                              select new { Segment = s, Chain = c }).ToDictionaryAsync(x => x.Segment.Id, ct);
        var today = time.Today;
        return projects.Select(p =>
        {
            var seg = p.SegmentId is { } sid ? segments.GetValueOrDefault(sid) : null;
            var milestones = p.Milestones.OrderBy(m => m.SortOrder).ThenBy(m => m.PlannedOn).ThenBy(m => m.Id).Select(m =>
            {
                var state = m.ActualOn is not null ? MilestoneState.Done
                    : m.PlannedOn < today ? MilestoneState.Late
                    : m.PlannedOn <= today.AddDays(settings.YellowWithinDays) ? MilestoneState.DueSoon
                    : MilestoneState.Planned;
                var late = m.ActualOn is { } done ? done.DayNumber - m.PlannedOn.DayNumber : today.DayNumber - m.PlannedOn.DayNumber;
                return new MilestoneItem(m.Id, m.DisplayName(chinese), m.Name, m.NameEn, m.SortOrder, m.PlannedOn, m.ActualOn, m.Note, state, Math.Max(0, late), m.Version);
            }).ToList();
            var light = ProjectStatusRule.Light(p.Milestones.Select(m => (m.PlannedOn, m.ActualOn)), today, settings.YellowWithinDays);
            return new ProjectSummary(p.Id, p.Name, p.EnterpriseId, names.GetValueOrDefault(p.EnterpriseId) ?? "", p.SegmentId, seg?.Segment.DisplayName(chinese),
                seg?.Chain.Id, seg?.Chain.DisplayName(chinese), p.InvestmentFen, light, p.Note, milestones, p.Version);
        }).ToList();
    }

    /// <summary>How many projects are red and yellow (the home card).</summary>
    public async Task<(int Red, int Yellow, int Total)> CountsAsync(CancellationToken ct = default)
    {
        var overview = await OverviewAsync(true, ct);
        return (overview.Red, overview.Yellow, overview.Projects.Count);
    }

    // ---- writing ----

    /// <summary>Adds a key project; its milestones come from the template, planned from the start date (today by default).</summary>
    public async Task<int> CreateAsync(ProjectRequest request, CancellationToken ct = default)
    {
        await ChainAccess.RequireWriteAsync(authorization, current);
        var project = new KeyProject();
        await ApplyAsync(project, request, ct);
        var start = request.StartOn ?? time.Today;
        var template = await db.Set<MilestoneTemplate>().AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(ct);
        project.Milestones = template.Select((t, i) => new ProjectMilestone
        {
            Name = t.Name, NameEn = t.NameEn, SortOrder = (i + 1) * 10, PlannedOn = start.AddMonths(t.MonthsAfterStart),
        }).ToList();
        db.Add(project);
        await ChainAccess.SaveAsync(db, ct);
        return project.Id;
    }

    public async Task<bool> UpdateAsync(int id, ProjectRequest request, CancellationToken ct = default)
    {
        await ChainAccess.RequireWriteAsync(authorization, current);
        var project = await db.Set<KeyProject>().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (project is null) return false;
        ChainAccess.CheckVersion(db, project, request.Version);
        await ApplyAsync(project, request, ct);
        await ChainAccess.SaveAsync(db, ct);
        return true;
    }

    async Task ApplyAsync(KeyProject project, ProjectRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Name)) throw new ChainRuleException("ProjectNameRequired");
        if (request.EnterpriseId is not { } enterpriseId) throw new ChainRuleException("EnterpriseRequired");
        if (!(await directory.NamesAsync([enterpriseId])).ContainsKey(enterpriseId)) throw new ChainRuleException("UnknownEnterprise", enterpriseId);
        if (request.SegmentId is { } segmentId && !await db.Set<ChainSegment>().AnyAsync(s => s.Id == segmentId, ct))
            throw new ChainRuleException("UnknownSegment");
        if (request.InvestmentFen < 0) throw new ChainRuleException("NegativeAmount");
        project.Name = request.Name.Trim();
        project.EnterpriseId = enterpriseId;
        project.SegmentId = request.SegmentId;
        project.InvestmentFen = request.InvestmentFen;
        project.Note = request.Note?.Trim() ?? "";
    }

    /// <summary>Adds a milestone to a project; false when there is no such project.</summary>
    public async Task<bool> AddMilestoneAsync(int projectId, MilestoneRequest request, CancellationToken ct = default)
    {
        await ChainAccess.RequireWriteAsync(authorization, current);
        if (!await db.Set<KeyProject>().AnyAsync(p => p.Id == projectId, ct)) return false;
        var milestone = new ProjectMilestone { ProjectId = projectId };
        Apply(milestone, request);
        db.Add(milestone);
        await ChainAccess.SaveAsync(db, ct);
        return true;
    }

    /// <summary>Changes a milestone: its dates (done once it has an actual date) and progress notes.</summary>
    public async Task<bool> UpdateMilestoneAsync(int projectId, int milestoneId, MilestoneRequest request, CancellationToken ct = default)
    {
        await ChainAccess.RequireWriteAsync(authorization, current);
        var milestone = await db.Set<ProjectMilestone>().SingleOrDefaultAsync(m => m.Id == milestoneId && m.ProjectId == projectId, ct);
        if (milestone is null) return false;
        ChainAccess.CheckVersion(db, milestone, request.Version);
        Apply(milestone, request);
        await ChainAccess.SaveAsync(db, ct);
        return true;
    }

    public async Task<bool> RemoveMilestoneAsync(int projectId, int milestoneId, CancellationToken ct = default)
    {
        await ChainAccess.RequireWriteAsync(authorization, current);
        var milestone = await db.Set<ProjectMilestone>().SingleOrDefaultAsync(m => m.Id == milestoneId && m.ProjectId == projectId, ct);
        if (milestone is null) return false;
        db.Remove(milestone);
        await ChainAccess.SaveAsync(db, ct);
        return true;
    }

    void Apply(ProjectMilestone m, MilestoneRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.PlannedOn is not { } planned) throw new ChainRuleException("MilestoneIncomplete");
        if (request.ActualOn > time.Today) throw new ChainRuleException("ActualInFuture");
        m.Name = request.Name.Trim();
        m.NameEn = request.NameEn?.Trim() ?? "";
        m.PlannedOn = planned;
        m.ActualOn = request.ActualOn;
        m.Note = request.Note?.Trim() ?? "";
        m.SortOrder = request.SortOrder;
    }

    // ---- template ----

    public async Task<IReadOnlyList<MilestoneTemplateItem>> TemplateAsync(CancellationToken ct = default)
    {
        await ChainAccess.RequireReadAsync(authorization, current);
        return await db.Set<MilestoneTemplate>().AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Id)
            .Select(t => new MilestoneTemplateItem(t.Id, t.Name, t.NameEn, t.SortOrder, t.MonthsAfterStart, t.Version)).ToListAsync(ct);
    }

    /// <summary>Replaces the template (new projects use it; existing projects keep their milestones).</summary>
    public async Task SetTemplateAsync(MilestoneTemplateRequest request, CancellationToken ct = default)
    {
        await ChainAccess.RequireWriteAsync(authorization, current);
        var entries = request.Milestones ?? [];
        if (entries.Count == 0 || entries.Any(e => string.IsNullOrWhiteSpace(e.Name))) throw new ChainRuleException("MilestoneIncomplete");
        if (entries.Any(e => e.MonthsAfterStart < 0)) throw new ChainRuleException("NegativeAmount");
        db.RemoveRange(await db.Set<MilestoneTemplate>().ToListAsync(ct));
        db.AddRange(entries.Select((e, i) => new MilestoneTemplate { Name = e.Name.Trim(), NameEn = e.NameEn?.Trim() ?? "", SortOrder = (i + 1) * 10, MonthsAfterStart = e.MonthsAfterStart }));
        await ChainAccess.SaveAsync(db, ct);
    }
}
