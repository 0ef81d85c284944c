using TechZone.Data;

namespace TechZone.Chains;

/// <summary>
/// A key project (重点项目): an investor enterprise's project in a chain segment, tracked by its milestones
/// (拿地, 开工, 主体完工, 竣工, 投产). Its status light is computed from the milestones, see <see cref="ProjectStatusRule"/>.
/// </summary>
public class KeyProject : IVersioned
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public int EnterpriseId { get; set; }
    public int? SegmentId { get; set; }
    public long? InvestmentFen { get; set; }
    public string Note { get; set; } = "";
    public long Version { get; set; }
    public List<ProjectMilestone> Milestones { get; set; } = [];
}

/// <summary>A milestone with its planned date, its actual date once done, and progress notes.</summary>
public class ProjectMilestone : IVersioned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";
    public int SortOrder { get; set; }
    public DateOnly PlannedOn { get; set; }
    public DateOnly? ActualOn { get; set; }
    public string Note { get; set; } = "";
    public long Version { get; set; }

    public string DisplayName(bool chinese) => chinese || NameEn == "" ? Name : NameEn;
}

/// <summary>The milestones a new project starts with (configurable): name and months after the project's start.</summary>
public class MilestoneTemplate : IVersioned
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";
    public int SortOrder { get; set; }
    public int MonthsAfterStart { get; set; }
    public long Version { get; set; }
}

/// <summary>A key project's traffic light.</summary>
public enum ProjectLight
{
    Green,
    Yellow,
    Red,
}

/// <summary>
/// The status rule, from slippage: red when a milestone is past its planned date and not done; yellow when a milestone
/// not yet done is due within <see cref="ChainSettings.YellowWithinDays"/> days (today included); green otherwise.
/// </summary>
public static class ProjectStatusRule
{
    public static ProjectLight Light(IEnumerable<(DateOnly Planned, DateOnly? Actual)> milestones, DateOnly today, int yellowWithinDays)
    {
        var light = ProjectLight.Green;
        foreach (var (planned, actual) in milestones)
        {
            if (actual is null && planned < today) return ProjectLight.Red;
            if (actual is null && planned <= today.AddDays(yellowWithinDays)) light = ProjectLight.Yellow;
        }
        return light;
    }
}
