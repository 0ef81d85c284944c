using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Enterprises;
using TechZone.SupportPolicies.Engine;
using TechZone.SupportPolicies.Resources;

namespace TechZone.SupportPolicies;

/// <summary>Display text for the module's enums, values and explanations, in the current UI language.</summary>
public static class PolicyLabels
{
    static CultureInfo Culture => CultureInfo.CurrentUICulture;

    static string Text(string key, object value) =>
        PolicyStrings.ResourceManager.GetString(key + "_" + value, Culture) ?? value.ToString()!;

    static string F(string key, params object?[] args) =>
        string.Format(Culture, PolicyStrings.ResourceManager.GetString(key, Culture) ?? key, args);

    public static string Verdict(Verdict v) => Text("Verdict", v);
    public static string Outcome(Outcome o) => Text("Outcome", o);
    public static string Metric(FactMetric m) => Text("Metric", m);
    public static string Operator(CompareOperator o) => Text("Op", o);
    public static string Aggregate(YearAggregate a) => Text("Aggregate", a);
    public static string Field(MembershipField f) => Text("Field", f);
    public static string Benefit(BenefitKind k) => Text("Benefit", k);
    public static string State(VersionState s) => Text("State", s);
    public static string Award(AwardState s) => Text("AwardState", s);
    public static string Application(ApplicationState s) => Text("AppState", s);
    public static string Step(ApplicationAction s) => Text("Step", s);
    public static string Tranche(TrancheState s) => Text("TrancheState", s);
    public static string Stage(StageKind s) => Text("StageKind", s);
    public static string FieldKind(FormFieldType s) => Text("FieldType", s);
    public static string Objection(ObjectionState s) => Text("ObjectionState", s);

    /// <summary>Money in 万元 in the given language (for notifications written in both).</summary>
    public static string WanIn(long fen, bool chinese)
    {
        var culture = CultureInfo.GetCultureInfo(chinese ? "zh-CN" : "en");
        return (fen / 1_000_000m).ToString("#,0.##", culture) + PolicyStrings.ResourceManager.GetString("Unit_Wan", culture);
    }

    public static MudBlazor.Color VerdictColor(Verdict v) => v switch
    {
        SupportPolicies.Verdict.Eligible => MudBlazor.Color.Success,
        SupportPolicies.Verdict.NearMiss => MudBlazor.Color.Warning,
        SupportPolicies.Verdict.Unknown => MudBlazor.Color.Info,
        _ => MudBlazor.Color.Default,
    };

    public static MudBlazor.Color OutcomeColor(Outcome o) => o switch
    {
        SupportPolicies.Outcome.Pass => MudBlazor.Color.Success,
        SupportPolicies.Outcome.Fail => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Info,
    };

    /// <summary>Money in 万元 with up to two decimals.</summary>
    public static string Wan(long? fen) => fen is { } f ? (f / 1_000_000m).ToString("#,0.##", Culture) + F("Unit_Wan") : "—";

    /// <summary>A value in its unit: money in 万元, a share as a percentage, a count as is.</summary>
    public static string Value(double value, ValueUnit unit) => unit switch
    {
        ValueUnit.Money => (value / 1_000_000).ToString("#,0.##", Culture) + F("Unit_Wan"),
        ValueUnit.Share => (value * 100).ToString("0.##", Culture) + "%",
        ValueUnit.Points => value.ToString("0.#", Culture) + F("Unit_Points"),
        ValueUnit.Years => value.ToString("0.#", Culture) + F("Unit_Years"),
        _ => value.ToString("#,0.##", Culture),
    };

    /// <summary>"研发费用 / 营业收入（近3年合计）".</summary>
    public static string Describe(FactExpression e)
    {
        var name = string.Join(" + ", e.Metrics.Select(Metric));
        if (e.IsRatio) name = (e.Metrics.Count > 1 ? "(" + name + ")" : name) + " / " + string.Join(" + ", e.Per!.Select(Metric));
        var span = e.Years > 1 ? F("Years_Window", e.Years, Aggregate(e.Aggregate)) : "";
        var offset = e.YearOffset < 0 ? F("Years_Offset", -e.YearOffset) : "";
        return name + span + offset;
    }

    static string Symbol(CompareOperator op, bool negate) => (op, negate) switch
    {
        (CompareOperator.AtLeast, false) or (CompareOperator.LessThan, true) => "≥",
        (CompareOperator.AtLeast, true) or (CompareOperator.LessThan, false) => "<",
        (CompareOperator.GreaterThan, false) or (CompareOperator.AtMost, true) => ">",
        (CompareOperator.GreaterThan, true) or (CompareOperator.AtMost, false) => "≤",
        (CompareOperator.Equal, false) => "=",
        (CompareOperator.Equal, true) => "≠",
        _ => "∈",
    };

    /// <summary>What an explanation needs to name things: qualification types and parks in the caller's language.</summary>
    public sealed record LabelContext(IReadOnlyDictionary<string, string> Qualifications, IReadOnlyDictionary<string, string> Parks,
        IReadOnlyDictionary<string, string> Industries);

    public static async Task<LabelContext> ContextAsync(ZoneDb db, QualificationService qualifications, bool chinese, CancellationToken ct)
    {
        var types = (await qualifications.ListTypesAsync(chinese, false, ct)).ToDictionary(t => t.Code, t => t.Name);
        var parks = await db.Parks.AsNoTracking().ToDictionaryAsync(p => p.Code, p => chinese || p.NameEn == "" ? p.Name : p.NameEn, ct);
        var industries = EnterpriseService.Industries(chinese).ToDictionary(i => i.Code, i => i.Name);
        return new LabelContext(types, parks, industries);
    }

    /// <summary>The explanation tree in words: "研发费用 / 营业收入 2.7% &lt; 3%" for a failed criterion, with its clause.</summary>
    public static CriterionExplanation Explain(CriterionTrace t, LabelContext names)
    {
        var node = t.Node;
        var children = t.Children.Select(c => Explain(c, names)).ToList();
        string text;
        string? gap = null;
        switch (node)
        {
            case GroupNode g:
                text = F(g.Operator == GroupOperator.All ? "Explain_All" : "Explain_Any", children.Count(c => c.Outcome == SupportPolicies.Outcome.Pass), children.Count);
                break;
            case NotNode:
                text = F("Explain_Not");
                break;
            case CompareNode c:
            {
                var unit = c.Expression.Unit;
                var what = Describe(c.Expression);
                var threshold = c.Operator == CompareOperator.Between
                    ? Value(c.Value, unit) + " – " + Value(c.Upper ?? 0, unit)
                    : Value(c.Value, unit);
                if (t.Actual is not { } actual) text = F("Explain_CompareUnknown", what, Symbol(c.Operator, false), threshold);
                else if (c.Operator == CompareOperator.Between)
                    text = F(t.Outcome == SupportPolicies.Outcome.Pass ? "Explain_InRange" : "Explain_OutOfRange", what, Value(actual, unit), threshold);
                else text = $"{what} {Value(actual, unit)} {Symbol(c.Operator, t.Outcome == SupportPolicies.Outcome.Fail)} {threshold}";
                break;
            }
            case QualificationNode q:
            {
                var name = names.Qualifications.GetValueOrDefault(q.TypeCode, q.TypeCode);
                text = F(t.Outcome == SupportPolicies.Outcome.Pass ? "Explain_Holds" : "Explain_NotHolds", name);
                break;
            }
            case MembershipNode m:
            {
                var values = string.Join("、", m.Values.Select(v => m.Field switch
                {
                    MembershipField.Park => names.Parks.GetValueOrDefault(v, v),
                    MembershipField.Industry => v + " " + names.Industries.GetValueOrDefault(v, ""),
                    _ => Enum.TryParse<SizeClass>(v, out var s) ? Text("Size", s) : v,
                }));
                text = F(t.Outcome switch { SupportPolicies.Outcome.Pass => "Explain_In", SupportPolicies.Outcome.Fail => "Explain_NotIn", _ => "Explain_InUnknown" },
                    Field(m.Field), values);
                break;
            }
            case RegisteredNode r:
                text = t.Actual is { } years
                    ? F("Explain_Registered", Value(years, ValueUnit.Years), Symbol(CompareOperator.AtLeast, t.Outcome == SupportPolicies.Outcome.Fail), Value(r.MinYears, ValueUnit.Years))
                    : F("Explain_RegisteredUnknown", Value(r.MinYears, ValueUnit.Years));
                break;
            case ScoreNode s:
            {
                var low = t.PointsLow ?? 0;
                var high = t.PointsHigh ?? 0;
                var points = low == high ? Value(low, ValueUnit.Points) : Value(low, ValueUnit.Points) + " – " + Value(high, ValueUnit.Points);
                text = F("Explain_Score", points, Symbol(CompareOperator.AtLeast, t.Outcome == SupportPolicies.Outcome.Fail), Value(s.Threshold, ValueUnit.Points));
                children = (t.Indicators ?? []).Select(i =>
                {
                    var o = i.PointsLow == i.PointsHigh ? (i.Indicator.MustScore && i.PointsHigh <= 0 ? SupportPolicies.Outcome.Fail : SupportPolicies.Outcome.Pass) : SupportPolicies.Outcome.Unknown;
                    var p = i.PointsLow == i.PointsHigh ? Value(i.PointsLow, ValueUnit.Points) : Value(i.PointsLow, ValueUnit.Points) + " – " + Value(i.PointsHigh, ValueUnit.Points);
                    return new CriterionExplanation("", "indicator", i.Indicator.Label, i.Indicator.Reference, null, o,
                        F("Explain_Indicator", i.Indicator.Label, p, Value(i.Indicator.MaxPoints, ValueUnit.Points)), null, []);
                }).ToList();
                break;
            }
            default:
                text = "";
                break;
        }
        var label = node.Label;
        if (t.Outcome == SupportPolicies.Outcome.Fail && node is not GroupNode and not NotNode) gap = label is { Length: > 0 } ? $"{label}：{text}" : text;
        var kind = node switch
        {
            GroupNode g => g.Operator == GroupOperator.All ? "all" : "any",
            NotNode => "not",
            CompareNode => "compare",
            QualificationNode => "qualification",
            MembershipNode => "membership",
            RegisteredNode => "registered",
            _ => "score",
        };
        return new CriterionExplanation(node.Id, kind, label, node.Reference, node.Note, t.Outcome, text, gap, children);
    }

    /// <summary>The failed criteria in words (the gaps of a near-miss).</summary>
    public static IReadOnlyList<string> Gaps(CriterionExplanation e)
    {
        var list = new List<string>();
        void Walk(CriterionExplanation x)
        {
            if (x.Gap is { } g) list.Add(g);
            // Inside an OR that failed every branch failed: the branches are the gap. Inside a NOT the logic is inverted.
            // Only a failed node's children explain it (a branch that failed inside an OR that held is no gap).
            if (x.Outcome == SupportPolicies.Outcome.Fail && x.Kind != "not") foreach (var c in x.Children) Walk(c);
        }
        Walk(e);
        return list;
    }
}
