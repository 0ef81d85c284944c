using System.Text.Json;
using System.Text.Json.Serialization;
using TechZone.Enterprises;

namespace TechZone.SupportPolicies;

/// <summary>
/// The eligibility criteria of a policy item as a typed rule tree, stored as JSON (schema version
/// <see cref="CriteriaDocument.CurrentSchema"/>, docs/decisions/008-policy-criteria.md). Every node carries the clause
/// of the official text it encodes. Thresholds are in base units: money in fen, shares as fractions (0.6 = 60%),
/// counts as counts. Missing data is unknown, never zero: each node is true, false or unknown.
/// </summary>
public sealed class CriteriaDocument
{
    public const int CurrentSchema = 1;

    public int Schema { get; set; } = CurrentSchema;
    public CriterionNode Root { get; set; } = new GroupNode();

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static CriteriaDocument Parse(string json)
    {
        var doc = JsonSerializer.Deserialize<CriteriaDocument>(json, Json) ?? throw new PolicyRuleException("CriteriaInvalid");
        if (doc.Schema != CurrentSchema) throw new PolicyRuleException("CriteriaSchema", doc.Schema);
        return doc;
    }

    public CriteriaDocument Clone() => Parse(ToJson());

    /// <summary>Every node, depth first.</summary>
    public IEnumerable<CriterionNode> Nodes() => Walk(Root);

    static IEnumerable<CriterionNode> Walk(CriterionNode node)
    {
        yield return node;
        var children = node switch { GroupNode g => g.Children, NotNode n when n.Child is not null => [n.Child], _ => [] };
        foreach (var child in children)
            foreach (var n in Walk(child)) yield return n;
    }

    /// <summary>The leaf criteria (what near-miss and the explanation count).</summary>
    public int LeafCount => Nodes().Count(n => n is not GroupNode and not NotNode);
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(GroupNode), "group")]
[JsonDerivedType(typeof(NotNode), "not")]
[JsonDerivedType(typeof(CompareNode), "compare")]
[JsonDerivedType(typeof(QualificationNode), "qualification")]
[JsonDerivedType(typeof(MembershipNode), "membership")]
[JsonDerivedType(typeof(RegisteredNode), "registered")]
[JsonDerivedType(typeof(ScoreNode), "score")]
public abstract class CriterionNode
{
    /// <summary>Stable within the document, so an explanation names the criterion it explains.</summary>
    public string Id { get; set; } = NewId();

    /// <summary>What the criterion says in words (科技人员占比不低于10%); optional for groups.</summary>
    public string Label { get; set; } = "";

    /// <summary>The legal reference it encodes: document and clause (国科发火〔2016〕32号 第十一条（四）).</summary>
    public string Reference { get; set; } = "";

    /// <summary>What a machine cannot check of this clause, for the reviewer (核心知识产权须与主要产品相关).</summary>
    public string? Note { get; set; }

    public static string NewId() => Guid.NewGuid().ToString("N")[..8];
}

public enum GroupOperator
{
    /// <summary>AND: every child must hold.</summary>
    All,

    /// <summary>OR: at least one child must hold.</summary>
    Any,
}

public sealed class GroupNode : CriterionNode
{
    public GroupOperator Operator { get; set; } = GroupOperator.All;
    public List<CriterionNode> Children { get; set; } = [];
}

public sealed class NotNode : CriterionNode
{
    public CriterionNode? Child { get; set; }
}

public enum CompareOperator
{
    AtLeast,
    GreaterThan,
    AtMost,
    LessThan,
    Equal,

    /// <summary>Value ≤ x ≤ Upper (both inclusive).</summary>
    Between,
}

/// <summary>How a fact over several fiscal years becomes one value.</summary>
public enum YearAggregate
{
    /// <summary>Total over the years (a ratio divides the totals: 近三个会计年度研发费用总额 / 销售收入总额).</summary>
    Sum,

    /// <summary>Average over the years.</summary>
    Average,

    /// <summary>The smallest year: "each year at least …".</summary>
    Min,

    /// <summary>The largest year: "each year at most …".</summary>
    Max,
}

/// <summary>
/// A value computed from facts: the sum of <see cref="Metrics"/> (one metric, usually), divided by the sum of
/// <see cref="Per"/> when given (a derived ratio), over <see cref="Years"/> fiscal years ending at the reference year
/// plus <see cref="YearOffset"/> (0 = the fiscal year evaluated, −1 = the one before).
/// </summary>
public sealed class FactExpression
{
    public List<FactMetric> Metrics { get; set; } = [FactMetric.Revenue];
    public List<FactMetric>? Per { get; set; }
    public int YearOffset { get; set; }
    public int Years { get; set; } = 1;
    public YearAggregate Aggregate { get; set; } = YearAggregate.Sum;

    public bool IsRatio => Per is { Count: > 0 };

    /// <summary>Money (fen), a share (fraction) or a count: how thresholds are entered and shown.</summary>
    public ValueUnit Unit => IsRatio ? ValueUnit.Share
        : Metrics.All(IsMoney) ? ValueUnit.Money
        : ValueUnit.Count;

    static bool IsMoney(FactMetric m) => m is FactMetric.Revenue or FactMetric.TotalCosts or FactMetric.TotalAssets or FactMetric.TaxPaid
        or FactMetric.RdExpense or FactMetric.RdExpenseInChina or FactMetric.HighTechRevenue;

    /// <summary>A key equal for equal expressions, so an evaluation computes each once.</summary>
    [JsonIgnore]
    public string Key => $"{string.Join('+', Metrics)}/{string.Join('+', Per ?? [])}@{YearOffset}x{Years}{Aggregate}";
}

public enum ValueUnit
{
    Money,
    Share,
    Count,
    Points,
    Years,
}

/// <summary>A comparison (or range) on a fact expression: 科技人员 / 职工总数 ≥ 10%.</summary>
public sealed class CompareNode : CriterionNode
{
    public FactExpression Expression { get; set; } = new();
    public CompareOperator Operator { get; set; } = CompareOperator.AtLeast;
    public double Value { get; set; }
    public double? Upper { get; set; }
}

/// <summary>Holds a valid qualification (资质) of a type on the last day of the reference year plus <see cref="YearOffset"/>.</summary>
public sealed class QualificationNode : CriterionNode
{
    /// <summary>The qualification type's code (hnte, tech-sme, little-giant ...).</summary>
    public string TypeCode { get; set; } = "hnte";
    public int YearOffset { get; set; }
}

public enum MembershipField
{
    /// <summary>Park code (huayuan ...); an enterprise outside every park is not in any.</summary>
    Park,

    /// <summary>GB/T 4754-2017 division (39, 65 ...); unknown when not classified.</summary>
    Industry,

    /// <summary>Size class (Large, Medium, Small, Micro); unknown when not classified.</summary>
    SizeClass,
}

/// <summary>Park, industry division or size class is one of <see cref="Values"/>.</summary>
public sealed class MembershipNode : CriterionNode
{
    public MembershipField Field { get; set; }
    public List<string> Values { get; set; } = [];
}

/// <summary>Registered (成立) at least <see cref="MinYears"/> years before the end of the reference year.</summary>
public sealed class RegisteredNode : CriterionNode
{
    public int MinYears { get; set; } = 1;
}

/// <summary>
/// A scoring table (评价指标): each indicator scores points by bands; the points add up and must reach
/// <see cref="Threshold"/>. An indicator with several alternatives scores the best of them (the enterprise chooses:
/// 研发投入 by revenue or by costs). An unknown value scores between 0 and the alternative's best, so the total is
/// true, false or unknown accordingly.
/// </summary>
public sealed class ScoreNode : CriterionNode
{
    public List<ScoreIndicator> Indicators { get; set; } = [];
    public double Threshold { get; set; } = 60;
}

public sealed class ScoreIndicator
{
    public string Label { get; set; } = "";
    public string Reference { get; set; } = "";

    /// <summary>The indicator must score more than 0 (科技人员指标得分不得为0分).</summary>
    public bool MustScore { get; set; }

    public List<ScoreAlternative> Alternatives { get; set; } = [];

    [JsonIgnore]
    public double MaxPoints => Alternatives.Count == 0 ? 0 : Alternatives.Max(a => a.MaxPoints);
}

public sealed class ScoreAlternative
{
    public FactExpression Expression { get; set; } = new();

    /// <summary>Bands by lower bound (inclusive); the highest band the value reaches gives the points; below all, 0.</summary>
    public List<ScoreBand> Bands { get; set; } = [];

    [JsonIgnore]
    public double MaxPoints => Bands.Count == 0 ? 0 : Bands.Max(b => b.Points);

    public double PointsFor(double value)
    {
        double points = 0, best = double.NegativeInfinity;
        foreach (var band in Bands)
            if (value >= band.Min && band.Min > best) { best = band.Min; points = band.Points; }
        return points;
    }
}

public sealed class ScoreBand
{
    public double Min { get; set; }
    public double Points { get; set; }
}

public enum BenefitKind
{
    /// <summary>A fixed amount.</summary>
    Fixed,

    /// <summary>A percentage of a fact, capped.</summary>
    Percentage,

    /// <summary>An amount per head of a count (employees, S&amp;T personnel), capped.</summary>
    PerHead,

    /// <summary>An amount by band of a fact.</summary>
    Tiered,
}

/// <summary>What an eligible enterprise receives; amounts in fen.</summary>
public sealed class BenefitRule
{
    public BenefitKind Kind { get; set; }
    public long AmountFen { get; set; }

    /// <summary>For <see cref="BenefitKind.Percentage"/>: the fraction (0.1 = 10%).</summary>
    public double Rate { get; set; }

    public FactExpression? Basis { get; set; }
    public long? CapFen { get; set; }

    /// <summary>For <see cref="BenefitKind.Tiered"/>: the highest tier whose Min the basis reaches pays its amount.</summary>
    public List<BenefitTier> Tiers { get; set; } = [];

    public string ToJson() => JsonSerializer.Serialize(this, CriteriaDocument.Json);

    public static BenefitRule Parse(string json) =>
        JsonSerializer.Deserialize<BenefitRule>(json, CriteriaDocument.Json) ?? throw new PolicyRuleException("BenefitInvalid");
}

public sealed class BenefitTier
{
    public double Min { get; set; }
    public long AmountFen { get; set; }
}
