namespace TechZone.Demands;

/// <summary>
/// A node of the demand category tree (诉求分类). The roots are the seed report's four problem areas (区域活力,
/// 基础设施配套, 创新创业氛围, 承载能力) and policy, talent, financing, approvals, space, other; staff add children.
/// </summary>
public class DemandCategory : Data.IVersioned
{
    public int Id { get; set; }

    /// <summary>Stable key (reference data is matched on it).</summary>
    public string Code { get; set; } = "";

    public int? ParentId { get; set; }

    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";

    public int SortOrder { get; set; }

    /// <summary>An inactive category is kept for old demands but offered no more.</summary>
    public bool IsActive { get; set; } = true;

    public long Version { get; set; }

    public string DisplayName(bool chinese) => chinese || NameEn == "" ? Name : NameEn;
}

/// <summary>
/// A routing rule: demands of this category (and its children), from this park, go to this department. A rule
/// without a park applies to every park; one without a category to every category. The most specific rule wins:
/// the nearest category, then a park-specific rule before a general one.
/// </summary>
public class DemandRoute : Data.IVersioned
{
    public int Id { get; set; }
    public int? CategoryId { get; set; }
    public int? ParkId { get; set; }
    public int DepartmentId { get; set; }
    public long Version { get; set; }
}

/// <summary>
/// A department's deadline (办理时限) for a category, in working days; a row without a category is the department's
/// default. Children of a category inherit its SLA unless they have their own.
/// </summary>
public class DemandSla : Data.IVersioned
{
    public int Id { get; set; }
    public int DepartmentId { get; set; }
    public int? CategoryId { get; set; }
    public int WorkingDays { get; set; }
    public long Version { get; set; }
}

/// <summary>A reusable answer text (答复模板) staff can start an answer from.</summary>
public class DemandResponseTemplate : Data.IVersioned
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";

    /// <summary>Offered first for demands of this category; null for any.</summary>
    public int? CategoryId { get; set; }

    public long Version { get; set; }
}
