using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
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

    // Resource strings and parsed templates per language, looked up once: an explanation names ~2,000 criteria, and a
    // ResourceManager lookup (and a template parse) for each was most of its time.
    static readonly ConcurrentDictionary<(string Culture, string Key), string?> strings = new();
    static readonly ConcurrentDictionary<(string Culture, string Key), CompositeFormat> formats = new();

    static class EnumText<T> where T : struct, Enum
    {
        public static readonly ConcurrentDictionary<(string Culture, string Prefix, T Value), string> Cache = new();
    }

    static string? Resource(string key, CultureInfo culture) =>
        strings.GetOrAdd((culture.Name, key), static (k, c) => PolicyStrings.ResourceManager.GetString(k.Key, c), culture);

    /// <summary>A resource string without placeholders (a unit).</summary>
    static string S(string key) => Resource(key, Culture) ?? key;

    static string Text<T>(string key, T value) where T : struct, Enum
    {
        var culture = Culture;
        return EnumText<T>.Cache.GetOrAdd((culture.Name, key, value),
            static (k, c) => PolicyStrings.ResourceManager.GetString(k.Prefix + "_" + k.Value, c) ?? k.Value.ToString(), culture);
    }

    static CompositeFormat Format(string key, CultureInfo culture) =>
        formats.GetOrAdd((culture.Name, key), static (k, c) => CompositeFormat.Parse(Resource(k.Key, c) ?? k.Key), culture);

    static string F<T0>(string key, T0 a) { var c = Culture; return string.Format(c, Format(key, c), a); }
    static string F<T0, T1>(string key, T0 a, T1 b) { var c = Culture; return string.Format(c, Format(key, c), a, b); }
    static string F<T0, T1, T2>(string key, T0 a, T1 b, T2 d) { var c = Culture; return string.Format(c, Format(key, c), a, b, d); }

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
        return (fen / 1_000_000m).ToString("#,0.##", culture) + Resource("Unit_Wan", culture);
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
    public static string Wan(long? fen) => fen is { } f ? (f / 1_000_000m).ToString("#,0.##", Culture) + S("Unit_Wan") : "—";

    /// <summary>A value in its unit: money in 万元, a share as a percentage, a count as is.</summary>
    public static string Value(double value, ValueUnit unit) => unit switch
    {
        ValueUnit.Money => Number(value / 1_000_000, 2, true, S("Unit_Wan")),
        ValueUnit.Share => Number(value * 100, 2, false, "%"),
        ValueUnit.Points => Number(value, 1, false, S("Unit_Points")),
        ValueUnit.Years => Number(value, 1, false, S("Unit_Years")),
        _ => Number(value, 2, true, ""),
    };

    /// <summary>
    /// What <c>value.ToString("#,0.##")</c> (grouped, 2 decimals), <c>"0.##"</c> or <c>"0.#"</c> writes, followed by the
    /// suffix, without parsing a custom format each time. The custom format takes 15 significant digits and rounds them
    /// half away from zero; a non-negative value of at most 12 digits whose scaled fraction is clearly not one half
    /// rounds the same from the double itself. Anything else (negative, huge, NaN, near a half) takes the custom format.
    /// </summary>
    static string Number(double value, int decimals, bool grouped, string suffix)
    {
        var culture = Culture;
        var scale = decimals == 2 ? 100 : 10;
        var x = value * scale;
        if (double.IsNegative(value) || !(x < 1e12)) return Slow();
        var floor = Math.Floor(x);
        var fraction = x - floor;
        if (Math.Abs(fraction - 0.5) <= x * 1e-13 + 1e-9) return Slow();
        var n = (long)floor + (fraction > 0.5 ? 1 : 0);

        Span<char> text = stackalloc char[48];
        var whole = n / scale;
        if (!whole.TryFormat(text, out var length, grouped ? "N0" : default, culture)) return Slow();
        if (n % scale is var part and > 0)
        {
            var separator = culture.NumberFormat.NumberDecimalSeparator;
            if (length + separator.Length + 2 > text.Length) return Slow();
            separator.CopyTo(text[length..]);
            length += separator.Length;
            if (decimals == 2)
            {
                text[length++] = (char)('0' + part / 10);
                if (part % 10 != 0) text[length++] = (char)('0' + part % 10);
            }
            else text[length++] = (char)('0' + part);
        }
        return string.Concat(text[..length], suffix);

        string Slow() => value.ToString(grouped ? "#,0.##" : decimals == 2 ? "0.##" : "0.#", culture) + suffix;
    }

    /// <summary>"研发费用 / 营业收入（近3年合计）".</summary>
    public static string Describe(FactExpression e)
    {
        if (e.Metrics.Count == 1 && !e.IsRatio && e.Years <= 1 && e.YearOffset >= 0) return Metric(e.Metrics[0]); // most criteria
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
        var children = new List<CriterionExplanation>(t.Children.Count);
        foreach (var c in t.Children) children.Add(Explain(c, names));
        string text;
        string? gap = null;
        switch (node)
        {
            case GroupNode g:
                text = F(g.Operator == GroupOperator.All ? "Explain_All" : "Explain_Any", children.Count(c => c.Outcome == SupportPolicies.Outcome.Pass), children.Count);
                break;
            case NotNode:
                text = S("Explain_Not");
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
