using TechZone.Data;

namespace TechZone.Chains;

/// <summary>
/// An industry chain (产业链: 芯片, 操作系统 ...): a tree of <see cref="ChainSegment"/>s and the thresholds that classify
/// each segment's health. Reference data with a name in both languages, like departments.
/// </summary>
public class Chain : IVersioned
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";
    public int SortOrder { get; set; }

    /// <summary>A segment with fewer local enterprises than this is missing (建链).</summary>
    public int MissingBelowEnterprises { get; set; } = 1;

    /// <summary>A segment with fewer local enterprises than this is weak (补链).</summary>
    public int WeakBelowEnterprises { get; set; } = 3;

    /// <summary>A segment whose local enterprises' latest revenue adds up to less than this (fen) is weak.</summary>
    public long WeakBelowRevenueFen { get; set; } = 100_000_000_00; // 1 亿元

    /// <summary>A segment without a chain leader (链主) is weak.</summary>
    public bool WeakWithoutLeader { get; set; }

    public long Version { get; set; }

    public List<ChainSegment> Segments { get; set; } = [];

    public string DisplayName(bool chinese) => chinese || NameEn == "" ? Name : NameEn;
}

/// <summary>Where a segment sits along the chain.</summary>
public enum ChainStage
{
    Upstream,
    Midstream,
    Downstream,
}

/// <summary>
/// A link of a chain (环节): EDA and IP, wafer manufacturing ... A segment may have sub-segments to any depth; a
/// sub-segment is in its parent's stage. A segment may override its chain's thresholds (null: the chain's).
/// </summary>
public class ChainSegment : IVersioned
{
    public int Id { get; set; }
    public int ChainId { get; set; }
    public int? ParentId { get; set; }
    public ChainStage Stage { get; set; }
    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";
    public int SortOrder { get; set; }

    public int? MissingBelowEnterprises { get; set; }
    public int? WeakBelowEnterprises { get; set; }
    public long? WeakBelowRevenueFen { get; set; }

    public long Version { get; set; }

    public string DisplayName(bool chinese) => chinese || NameEn == "" ? Name : NameEn;
}

/// <summary>An enterprise's role in a segment.</summary>
public enum ChainRole
{
    /// <summary>链主: the anchor enterprise.</summary>
    Leader,

    /// <summary>重点企业.</summary>
    Key,

    /// <summary>配套企业.</summary>
    Supporting,
}

/// <summary>An enterprise tagged to a segment with its role; one enterprise may sit in several segments and chains.</summary>
public class SegmentTag
{
    public int Id { get; set; }
    public int SegmentId { get; set; }
    public int EnterpriseId { get; set; }
    public ChainRole Role { get; set; }
    public string TaggedBy { get; set; } = "";
    public DateTime TaggedUtc { get; set; }
}

/// <summary>The module's settings (one row): when a lead counts as stalled, when a project turns yellow.</summary>
public class ChainSettings : IVersioned
{
    public int Id { get; set; }

    /// <summary>An active lead with no activity for this many days is stalled.</summary>
    public int StalledAfterDays { get; set; } = 30;

    /// <summary>A key project is yellow when an open milestone is due within this many days.</summary>
    public int YellowWithinDays { get; set; } = 14;

    public long Version { get; set; }
}
