using System.Globalization;
using TechZone.Enterprises;
using TechZone.SupportPolicies;
using TechZone.SupportPolicies.Engine;

namespace TechZone.Tests.Policies;

/// <summary>
/// The explanation in words, pinned in both languages (the calculator, near-miss gaps and notifications show these
/// texts), and the number formats checked against the .NET custom formats they stand for.
/// </summary>
public sealed class PolicyLabelsTests
{
    static readonly PolicyLabels.LabelContext Names = new(
        new Dictionary<string, string> { ["hnte"] = "高新技术企业" }, new Dictionary<string, string> { ["huayuan"] = "华苑" },
        new Dictionary<string, string> { ["65"] = "软件和信息技术服务业" });

    /// <summary>A tree with every kind of criterion and outcome, as the engine traces it.</summary>
    static CriterionTrace Tree()
    {
        var revenue = new FactExpression { Metrics = [FactMetric.Revenue] };
        var share = new FactExpression { Metrics = [FactMetric.RdExpense], Per = [FactMetric.Revenue], Years = 3, Aggregate = YearAggregate.Sum };
        var people = new FactExpression { Metrics = [FactMetric.Employees, FactMetric.SciTechPersonnel], YearOffset = -1 };
        var indicator = new ScoreIndicator { Label = "研发投入", MustScore = true, Alternatives = [new ScoreAlternative { Bands = [new ScoreBand { Min = 0, Points = 0 }, new ScoreBand { Min = 1, Points = 50 }] }] };
        CriterionTrace Leaf(CriterionNode n, Outcome o, double? actual) => new(n, o, actual, []);
        return new CriterionTrace(new GroupNode(), Outcome.Fail, null,
        [
            Leaf(new CompareNode { Label = "营收", Expression = revenue, Operator = CompareOperator.AtLeast, Value = 123_456_789 }, Outcome.Pass, 1_234_567_891.5),
            Leaf(new CompareNode { Label = "研发占比", Expression = share, Operator = CompareOperator.AtLeast, Value = 0.03 }, Outcome.Fail, 0.02675),
            Leaf(new CompareNode { Expression = share, Operator = CompareOperator.LessThan, Value = 0.5 }, Outcome.Unknown, null),
            Leaf(new CompareNode { Expression = people, Operator = CompareOperator.Between, Value = 10, Upper = 2_000 }, Outcome.Fail, 2_500.125),
            Leaf(new CompareNode { Expression = people, Operator = CompareOperator.Between, Value = 10, Upper = 2_000 }, Outcome.Pass, 12),
            new CriterionTrace(new NotNode(), Outcome.Pass, null, [Leaf(new QualificationNode { TypeCode = "hnte" }, Outcome.Fail, null)]),
            new CriterionTrace(new GroupNode { Operator = GroupOperator.Any }, Outcome.Pass, null,
            [
                Leaf(new MembershipNode { Field = MembershipField.Park, Values = ["huayuan"] }, Outcome.Pass, null),
                Leaf(new MembershipNode { Field = MembershipField.Industry, Values = ["65"] }, Outcome.Fail, null),
                Leaf(new MembershipNode { Field = MembershipField.SizeClass, Values = ["Small", "Micro"] }, Outcome.Unknown, null),
            ]),
            Leaf(new RegisteredNode { Label = "成立年限", MinYears = 3 }, Outcome.Fail, 2.9),
            Leaf(new RegisteredNode { MinYears = 1 }, Outcome.Unknown, null),
            new CriterionTrace(new ScoreNode { Threshold = 60, Indicators = [indicator] }, Outcome.Unknown, null, [], 45.5, 75,
                [new IndicatorTrace(indicator, null, 10, 40), new IndicatorTrace(indicator, 3, 35.25, 35.25)]),
        ]);
    }

    static List<string> Texts(CriterionExplanation e)
    {
        var list = new List<string>();
        void Walk(CriterionExplanation x, int depth)
        {
            list.Add($"{new string('>', depth)}{x.Outcome} {x.Text}" + (x.Gap is { } g ? $" | gap {g}" : ""));
            foreach (var c in x.Children) Walk(c, depth + 1);
        }
        Walk(e, 0);
        return list;
    }

    static List<string> ExplainIn(string culture)
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return Texts(PolicyLabels.Explain(Tree(), Names));
        }
        finally { CultureInfo.CurrentUICulture = saved; }
    }

    [Fact]
    public void Explain_InEnglish_PinnedText()
    {
        string[] expected = [
            "Fail All of these (4 of 10 met)",
            ">Pass Revenue 1,234.57 (10k yuan) ≥ 123.46 (10k yuan)",
            ">Fail R&D expense / Revenue (last 3 years, total) 2.68% < 3% | gap 研发占比：R&D expense / Revenue (last 3 years, total) 2.68% < 3%",
            ">Unknown R&D expense / Revenue (last 3 years, total): no data (needs < 50%)",
            ">Fail Employees + S&T personnel (1 year(s) before) 2,500.13, outside 10 – 2,000 | gap Employees + S&T personnel (1 year(s) before) 2,500.13, outside 10 – 2,000",
            ">Pass Employees + S&T personnel (1 year(s) before) 12, within 10 – 2,000",
            ">Pass None of this may hold",
            ">>Fail Holds no valid 高新技术企业 | gap Holds no valid 高新技术企业",
            ">Pass Any of these (1 of 3 met)",
            ">>Pass Park is 华苑",
            ">>Fail Industry is not 65 软件和信息技术服务业 | gap Industry is not 65 软件和信息技术服务业",
            ">>Unknown Size class unknown (needs Small、Micro)",
            ">Fail Registered 2.9 yrs < 3 yrs | gap 成立年限：Registered 2.9 yrs < 3 yrs",
            ">Unknown Founding date unknown (needs 1 yrs)",
            ">Unknown Score 45.5 pts – 75 pts ≥ 60 pts",
            ">>Unknown 研发投入: 10 pts – 40 pts of 50 pts",
            ">>Pass 研发投入: 35.3 pts of 50 pts",
        ];
        var actual = ExplainIn("en");
        Assert.True(expected.SequenceEqual(actual), "actual:\n" + string.Join("\n", actual));
    }

    [Fact]
    public void Explain_InChinese_PinnedText()
    {
        string[] expected = [
            "Fail 同时满足以下条件（4/10项满足）",
            ">Pass 营业收入 1,234.57万元 ≥ 123.46万元",
            ">Fail 研发费用 / 营业收入（近3年合计） 2.68% < 3% | gap 研发占比：研发费用 / 营业收入（近3年合计） 2.68% < 3%",
            ">Unknown 研发费用 / 营业收入（近3年合计）：无数据（要求 < 50%）",
            ">Fail 职工总数 + 科技人员（前1年） 2,500.13，不在 10 – 2,000 之内 | gap 职工总数 + 科技人员（前1年） 2,500.13，不在 10 – 2,000 之内",
            ">Pass 职工总数 + 科技人员（前1年） 12，在 10 – 2,000 之内",
            ">Pass 不得满足以下条件",
            ">>Fail 未持有有效的高新技术企业 | gap 未持有有效的高新技术企业",
            ">Pass 满足以下任一条件（1/3项满足）",
            ">>Pass 所在园区属于华苑",
            ">>Fail 所属行业不属于65 软件和信息技术服务业 | gap 所属行业不属于65 软件和信息技术服务业",
            ">>Unknown 企业规模未知（要求小型、微型）",
            ">Fail 成立 2.9年 < 3年 | gap 成立年限：成立 2.9年 < 3年",
            ">Unknown 成立日期未知（要求满1年）",
            ">Unknown 评分 45.5分 – 75分 ≥ 60分",
            ">>Unknown 研发投入：10分 – 40分（满分50分）",
            ">>Pass 研发投入：35.3分（满分50分）",
        ];
        var actual = ExplainIn("zh-CN");
        Assert.True(expected.SequenceEqual(actual), "actual:\n" + string.Join("\n", actual));
    }

    /// <summary>Values in every unit read exactly as the custom formats "#,0.##", "0.##" and "0.#" write them.</summary>
    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public void Value_WritesWhatTheCustomFormatsWrite(string name)
    {
        var culture = CultureInfo.GetCultureInfo(name);
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            var random = new Random(5);
            // Halfway cases (1.005 is stored just below 1.005, 0.125 exactly), integers, negatives, tiny and huge values.
            List<double> values = [0, -0.0, 1.005, 2.675, 0.125, 0.135, 1.115, 0.5, 0.05, 0.45, 0.95, 9.995, 99.995, 999_999.995, -1.005, -0.001,
                -2.5, 1e-9, 1e15, 1.5e17, 123_456_789_012.345, double.MaxValue, 1.0 / 3, 2.0 / 3];
            for (var i = 0; i < 20_000; i++)
            {
                var scale = Math.Pow(10, random.Next(-4, 14));
                var v = random.NextDouble() * scale;
                values.Add(random.Next(4) switch { 0 => Math.Round(v, 3), 1 => Math.Round(v) + 0.5 / Math.Pow(10, random.Next(1, 4)), 2 => -v, _ => v });
            }
            var (wan, points, years) = (PolicyLabels.Value(0, ValueUnit.Money)[1..], PolicyLabels.Value(0, ValueUnit.Points)[1..], PolicyLabels.Value(0, ValueUnit.Years)[1..]);
            foreach (var v in values)
            {
                Assert.Equal((v / 1_000_000).ToString("#,0.##", culture) + wan, PolicyLabels.Value(v, ValueUnit.Money));
                Assert.Equal((v * 100).ToString("0.##", culture) + "%", PolicyLabels.Value(v, ValueUnit.Share));
                Assert.Equal(v.ToString("0.#", culture) + points, PolicyLabels.Value(v, ValueUnit.Points));
                Assert.Equal(v.ToString("0.#", culture) + years, PolicyLabels.Value(v, ValueUnit.Years));
                Assert.Equal(v.ToString("#,0.##", culture), PolicyLabels.Value(v, ValueUnit.Count));
            }
        }
        finally { CultureInfo.CurrentUICulture = saved; }
    }
}
