namespace TechZone.Enterprises;

/// <summary>
/// One figure of one enterprise for one fiscal year (营业收入 2025 ...). A figure that has no row is unknown, never
/// zero. Each figure says where it came from and, once staff have checked it against a document, who verified it
/// when: policies that pay without an application (免申即享) rely on verified figures only.
/// </summary>
public class EnterpriseFact : Data.IVersioned
{
    public int Id { get; set; }
    public int EnterpriseId { get; set; }
    public int FiscalYear { get; set; }
    public FactMetric Metric { get; set; }

    /// <summary>Money in fen (1 yuan = 100 fen), like <see cref="Enterprise.RegisteredCapitalFen"/>; people and IP as counts.</summary>
    public long Value { get; set; }

    public FactSource Source { get; set; } = FactSource.Declared;

    /// <summary>For an imported figure, the file it came from; kept when the figure is verified.</summary>
    public string? SourceNote { get; set; }

    /// <summary>Who wrote the current value (the enterprise's user, a staff member, the importer) and when.</summary>
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedUtc { get; set; }

    /// <summary>Set exactly when <see cref="Source"/> is <see cref="FactSource.Verified"/>.</summary>
    public string? VerifiedBy { get; set; }
    public DateTime? VerifiedUtc { get; set; }

    /// <summary>Starts at 1, so that an editor can say "I saw no figure" with version 0.</summary>
    public long Version { get; set; } = 1;

    /// <summary>A new value: recorded by <paramref name="by"/>, and no longer verified (nobody has checked the new value).</summary>
    public void Record(long value, FactSource source, string? note, string by, DateTime nowUtc)
    {
        Value = value;
        Source = source;
        SourceNote = note;
        RecordedBy = by;
        RecordedUtc = nowUtc;
        VerifiedBy = null;
        VerifiedUtc = null;
    }

    /// <summary>Staff vouch for the value as it stands; who recorded it and from which file stay as they were.</summary>
    public void Verify(string by, DateTime nowUtc)
    {
        Source = FactSource.Verified;
        VerifiedBy = by;
        VerifiedUtc = nowUtc;
    }
}

/// <summary>
/// The figures kept per fiscal year: those of the statistical report and of 高新技术企业认定 (high-tech enterprise
/// recognition). Money metrics are in fen; the rest are counts. The order is the order of the facts table.
/// </summary>
public enum FactMetric
{
    /// <summary>营业收入.</summary>
    Revenue,

    /// <summary>成本费用总额.</summary>
    TotalCosts,

    /// <summary>资产总额.</summary>
    TotalAssets,

    /// <summary>实缴税金.</summary>
    TaxPaid,

    /// <summary>从业人员 (employees, year average or year end as the report asks).</summary>
    Employees,

    /// <summary>科技人员 (S&amp;T personnel).</summary>
    SciTechPersonnel,

    /// <summary>研发费用.</summary>
    RdExpense,

    /// <summary>境内研发费用: the part of <see cref="RdExpense"/> spent in China.</summary>
    RdExpenseInChina,

    /// <summary>高新技术产品（服务）收入.</summary>
    HighTechRevenue,

    /// <summary>发明专利 (granted, held).</summary>
    InventionPatents,

    /// <summary>实用新型专利.</summary>
    UtilityModelPatents,

    /// <summary>外观设计专利.</summary>
    DesignPatents,

    /// <summary>软件著作权.</summary>
    SoftwareCopyrights,

    /// <summary>集成电路布图设计专有权.</summary>
    IntegratedCircuitLayouts,

    /// <summary>注册商标.</summary>
    Trademarks,
}

/// <summary>Where a figure stands.</summary>
public enum FactSource
{
    /// <summary>Reported (by the enterprise from its portal, or keyed in by staff from what it reported); not yet checked.</summary>
    Declared,

    /// <summary>Taken from a file (its name is the figure's source note); not yet checked.</summary>
    Imported,

    /// <summary>Checked by staff against a document; who and when are recorded.</summary>
    Verified,
}

/// <summary>What the metrics are: money or a count, and which group of the facts table they belong to.</summary>
public static class FactMetrics
{
    public static readonly IReadOnlyList<FactMetric> All = Enum.GetValues<FactMetric>();

    public static bool IsMoney(FactMetric metric) => metric is FactMetric.Revenue or FactMetric.TotalCosts or FactMetric.TotalAssets
        or FactMetric.TaxPaid or FactMetric.RdExpense or FactMetric.RdExpenseInChina or FactMetric.HighTechRevenue;

    public static bool IsPeople(FactMetric metric) => metric is FactMetric.Employees or FactMetric.SciTechPersonnel;

    public static bool IsIntellectualProperty(FactMetric metric) => !IsMoney(metric) && !IsPeople(metric);

    /// <summary>
    /// A part can never exceed its whole: (part, whole) pairs checked whenever both are known. High-tech revenue is
    /// not among them: 高企认定 measures it against total income (总收入), which can exceed operating revenue.
    /// </summary>
    public static readonly IReadOnlyList<(FactMetric Part, FactMetric Whole)> Parts =
    [
        (FactMetric.SciTechPersonnel, FactMetric.Employees),
        (FactMetric.RdExpenseInChina, FactMetric.RdExpense),
    ];
}
