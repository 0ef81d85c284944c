using TechZone.Enterprises;

namespace TechZone.SupportPolicies;

/// <summary>
/// The criteria of the seeded policies, encoded from the official texts. Money in fen (1万元 = 1,000,000 fen), shares
/// as fractions. What a machine cannot check from the registry is said in the item's description and the node's note.
/// </summary>
public static class PolicyCatalogSeed
{
    public const long Wan = 1_000_000;
    public const long Yi = 10_000 * Wan;

    public const string Hnte = "国科发火〔2016〕32号";
    public const string TechSme2017 = "国科发政〔2017〕115号";
    public const string TechSme2022 = "国科发政〔2022〕67号";

    internal static FactExpression Fact(FactMetric m, int years = 1, YearAggregate agg = YearAggregate.Sum, int offset = 0) =>
        new() { Metrics = [m], Years = years, Aggregate = agg, YearOffset = offset };

    internal static FactExpression Share(FactMetric part, FactMetric whole, int years = 1) =>
        new() { Metrics = [part], Per = [whole], Years = years };

    internal static CompareNode Cmp(string label, string reference, FactExpression e, CompareOperator op, double value, double? upper = null, string? note = null) =>
        new() { Label = label, Reference = reference, Expression = e, Operator = op, Value = value, Upper = upper, Note = note };

    internal static GroupNode All(string label, string reference, params CriterionNode[] children) =>
        new() { Operator = GroupOperator.All, Label = label, Reference = reference, Children = [.. children] };

    internal static GroupNode Any(string label, string reference, params CriterionNode[] children) =>
        new() { Operator = GroupOperator.Any, Label = label, Reference = reference, Children = [.. children] };

    internal static CriteriaDocument Doc(CriterionNode root) => new() { Root = root };

    /// <summary>高新技术企业认定管理办法 第十一条: the conditions the registry's facts can check.</summary>
    public static CriteriaDocument HighTech()
    {
        var rd3 = Share(FactMetric.RdExpense, FactMetric.Revenue, years: 3);
        var revenue = Fact(FactMetric.Revenue);
        return Doc(All("高新技术企业认定条件", Hnte + " 第十一条",
            new RegisteredNode { Label = "注册成立一年以上", Reference = Hnte + " 第十一条（一）", MinYears = 1 },
            WithNote(Any("拥有核心知识产权", Hnte + " 第十一条（二）",
                Cmp("发明专利", Hnte + " 第十一条（二）", Fact(FactMetric.InventionPatents), CompareOperator.AtLeast, 1),
                Cmp("集成电路布图设计专有权", Hnte + " 第十一条（二）", Fact(FactMetric.IntegratedCircuitLayouts), CompareOperator.AtLeast, 1),
                Cmp("实用新型专利", Hnte + " 第十一条（二）", Fact(FactMetric.UtilityModelPatents), CompareOperator.AtLeast, 1),
                Cmp("软件著作权", Hnte + " 第十一条（二）", Fact(FactMetric.SoftwareCopyrights), CompareOperator.AtLeast, 1),
                Cmp("外观设计专利", Hnte + " 第十一条（二）", Fact(FactMetric.DesignPatents), CompareOperator.AtLeast, 1)),
                "须对主要产品（服务）在技术上发挥核心支持作用，且属于《国家重点支持的高新技术领域》（第十一条（三））：由评审专家判断。"),
            Cmp("科技人员占职工总数比例不低于10%", Hnte + " 第十一条（四）", Share(FactMetric.SciTechPersonnel, FactMetric.Employees), CompareOperator.AtLeast, 0.10),
            Any("近三个会计年度研究开发费用占同期销售收入比例（按最近一年销售收入分档）", Hnte + " 第十一条（五）",
                All("最近一年销售收入5,000万元（含）以下：不低于5%", Hnte + " 第十一条（五）1",
                    Cmp("最近一年销售收入 ≤ 5,000万元", Hnte + " 第十一条（五）1", revenue, CompareOperator.AtMost, 5_000 * Wan),
                    Cmp("研发费用占销售收入 ≥ 5%", Hnte + " 第十一条（五）1", rd3, CompareOperator.AtLeast, 0.05)),
                All("最近一年销售收入5,000万元至2亿元（含）：不低于4%", Hnte + " 第十一条（五）2",
                    Cmp("5,000万元 < 最近一年销售收入 ≤ 2亿元", Hnte + " 第十一条（五）2", revenue, CompareOperator.Between, 5_000 * Wan + 1, 2 * Yi),
                    Cmp("研发费用占销售收入 ≥ 4%", Hnte + " 第十一条（五）2", rd3, CompareOperator.AtLeast, 0.04)),
                All("最近一年销售收入2亿元以上：不低于3%", Hnte + " 第十一条（五）3",
                    Cmp("最近一年销售收入 > 2亿元", Hnte + " 第十一条（五）3", revenue, CompareOperator.GreaterThan, 2 * Yi),
                    Cmp("研发费用占销售收入 ≥ 3%", Hnte + " 第十一条（五）3", rd3, CompareOperator.AtLeast, 0.03))),
            Cmp("境内研究开发费用占全部研究开发费用比例不低于60%", Hnte + " 第十一条（五）", Share(FactMetric.RdExpenseInChina, FactMetric.RdExpense, years: 3),
                CompareOperator.AtLeast, 0.60),
            Cmp("近一年高新技术产品（服务）收入占同期总收入比例不低于60%", Hnte + " 第十一条（六）", Share(FactMetric.HighTechRevenue, FactMetric.Revenue),
                CompareOperator.AtLeast, 0.60, note: "办法以总收入为分母；登记库只有营业收入，总收入更大时实际比例更低，评审时以总收入复核。")));
    }

    static CriterionNode WithNote(CriterionNode node, string note)
    {
        node.Note = note;
        return node;
    }

    /// <summary>科技型中小企业评价办法 第六条（二）（五）、第七条（一）、附件评价指标, of the given text.</summary>
    public static CriteriaDocument TechSme(string document)
    {
        var ip = new ScoreIndicator
        {
            Label = "科技成果指标", Reference = document + " 附件 三", Alternatives =
            [
                new() { Expression = Fact(FactMetric.InventionPatents), Bands = [new() { Min = 1, Points = 30 }] },
                new() { Expression = Fact(FactMetric.IntegratedCircuitLayouts), Bands = [new() { Min = 1, Points = 30 }] },
                new()
                {
                    Expression = new() { Metrics = [FactMetric.UtilityModelPatents, FactMetric.DesignPatents, FactMetric.SoftwareCopyrights] },
                    Bands = [new() { Min = 1, Points = 6 }, new() { Min = 2, Points = 12 }, new() { Min = 3, Points = 18 }, new() { Min = 4, Points = 24 }],
                },
            ],
        };
        var score = new ScoreNode
        {
            Label = "综合评价得分不低于60分，且科技人员指标得分不得为0分", Reference = document + " 第六条（五）", Threshold = 60,
            Note = "Ⅰ类知识产权按发明专利、集成电路布图设计计；Ⅱ类按实用新型、外观设计、软件著作权计（不含商标）。知识产权须与主要产品相关、在有效期内：由评价机构核实。",
            Indicators =
            [
                new()
                {
                    Label = "科技人员指标", Reference = document + " 附件 一", MustScore = true,
                    Alternatives = [new() { Expression = Share(FactMetric.SciTechPersonnel, FactMetric.Employees), Bands = Bands((0.10, 4), (0.15, 8), (0.20, 12), (0.25, 16), (0.30, 20)) }],
                },
                new()
                {
                    Label = "研发投入指标", Reference = document + " 附件 二",
                    Alternatives =
                    [
                        new() { Expression = Share(FactMetric.RdExpense, FactMetric.Revenue), Bands = Bands((0.02, 10), (0.03, 20), (0.04, 30), (0.05, 40), (0.06, 50)) },
                        new() { Expression = Share(FactMetric.RdExpense, FactMetric.TotalCosts), Bands = Bands((0.10, 10), (0.15, 20), (0.20, 30), (0.25, 40), (0.30, 50)) },
                    ],
                },
                ip,
            ],
        };
        return Doc(All("科技型中小企业条件", document + " 第六条",
            Cmp("职工总数不超过500人", document + " 第六条（二）", Fact(FactMetric.Employees), CompareOperator.AtMost, 500),
            Cmp("年销售收入不超过2亿元", document + " 第六条（二）", Fact(FactMetric.Revenue), CompareOperator.AtMost, 2 * Yi),
            Cmp("资产总额不超过2亿元", document + " 第六条（二）", Fact(FactMetric.TotalAssets), CompareOperator.AtMost, 2 * Yi),
            Any("评价得分达标，或直接确认", document + " 第六条（五）、第七条",
                new QualificationNode { Label = "拥有有效期内高新技术企业资格证书（直接确认）", Reference = document + " 第七条（一）", TypeCode = "hnte" },
                score)));
    }

    static List<ScoreBand> Bands(params (double Min, double Points)[] bands) => bands.Select(b => new ScoreBand { Min = b.Min, Points = b.Points }).ToList();

    const string Zone = "滨海高新区";

    /// <summary>信创企业发展支持: 信创 industries in the zone's parks, of a scale and R&amp;D intensity; 10% of R&amp;D, capped.</summary>
    public static CriteriaDocument Xinchuang() => Doc(All("信创企业发展支持条件", Zone + "信创产业扶持办法 第四条",
        new MembershipNode { Label = "属于信创相关行业（计算机通信电子、软件信息技术、互联网）", Reference = Zone + "信创产业扶持办法 第四条（一）", Field = MembershipField.Industry, Values = ["39", "64", "65"] },
        new MembershipNode { Label = "注册在区内园区", Reference = Zone + "信创产业扶持办法 第四条（二）", Field = MembershipField.Park, Values = ["huayuan", "bolonghu", "haiyang"] },
        Cmp("上年度营业收入不低于5,000万元", Zone + "信创产业扶持办法 第四条（三）", Fact(FactMetric.Revenue), CompareOperator.AtLeast, 5_000 * Wan),
        Cmp("研发费用占营业收入比例不低于5%", Zone + "信创产业扶持办法 第四条（四）", Share(FactMetric.RdExpense, FactMetric.Revenue), CompareOperator.AtLeast, 0.05)));

    public static BenefitRule XinchuangBenefit() => new()
    {
        Kind = BenefitKind.Percentage, Rate = 0.10, Basis = Fact(FactMetric.RdExpense), CapFen = 500 * Wan,
    };

    /// <summary>人才培训补贴: per S&amp;T staff member, for enterprises up to 3,000 employees with enough S&amp;T staff.</summary>
    public static CriteriaDocument Training() => Doc(All("人才培训补贴条件", Zone + "信创人才培训补贴实施细则 第三条",
        Cmp("科技人员不少于20人", Zone + "信创人才培训补贴实施细则 第三条（一）", Fact(FactMetric.SciTechPersonnel), CompareOperator.AtLeast, 20),
        Cmp("科技人员占职工总数比例不低于30%", Zone + "信创人才培训补贴实施细则 第三条（二）", Share(FactMetric.SciTechPersonnel, FactMetric.Employees), CompareOperator.AtLeast, 0.30),
        Cmp("职工总数不超过3,000人", Zone + "信创人才培训补贴实施细则 第三条（三）", Fact(FactMetric.Employees), CompareOperator.AtMost, 3_000)));

    public static BenefitRule TrainingBenefit() => new()
    {
        Kind = BenefitKind.PerHead, AmountFen = 1_000 * 100, Basis = Fact(FactMetric.SciTechPersonnel), CapFen = 50 * Wan,
    };

    /// <summary>房租补贴: young small enterprises with R&amp;D in the parks.</summary>
    public static CriteriaDocument Rent() => Doc(All("科技型小微企业房租补贴条件", Zone + "科技企业房租补贴办法 第五条",
        new NotNode { Label = "成立未满5年", Reference = Zone + "科技企业房租补贴办法 第五条（一）", Child = new RegisteredNode { Label = "成立满5年", Reference = Zone + "科技企业房租补贴办法 第五条（一）", MinYears = 5 } },
        new MembershipNode { Label = "小型或微型企业", Reference = Zone + "科技企业房租补贴办法 第五条（二）", Field = MembershipField.SizeClass, Values = ["Small", "Micro"] },
        new MembershipNode { Label = "租用区内园区楼宇", Reference = Zone + "科技企业房租补贴办法 第五条（三）", Field = MembershipField.Park, Values = ["huayuan", "bolonghu", "haiyang"] },
        Cmp("研发费用不低于50万元", Zone + "科技企业房租补贴办法 第五条（四）", Fact(FactMetric.RdExpense), CompareOperator.AtLeast, 50 * Wan)));

    public static BenefitRule RentBenefit() => new() { Kind = BenefitKind.Fixed, AmountFen = 20 * Wan };

    /// <summary>纳税贡献奖励: by tax paid in the fiscal year (tiered).</summary>
    public static CriteriaDocument Tax() => Doc(All("纳税贡献奖励条件", Zone + "促进经济发展奖励办法 第八条",
        Cmp("年度实缴税金不低于500万元", Zone + "促进经济发展奖励办法 第八条（一）", Fact(FactMetric.TaxPaid), CompareOperator.AtLeast, 500 * Wan),
        Cmp("年度营业收入不低于1亿元", Zone + "促进经济发展奖励办法 第八条（二）", Fact(FactMetric.Revenue), CompareOperator.AtLeast, Yi)));

    public static BenefitRule TaxBenefit() => new()
    {
        Kind = BenefitKind.Tiered, Basis = Fact(FactMetric.TaxPaid),
        Tiers = [new() { Min = 500 * Wan, AmountFen = 10 * Wan }, new() { Min = 2_000 * Wan, AmountFen = 50 * Wan }, new() { Min = 10_000 * Wan, AmountFen = 100 * Wan }],
    };

    /// <summary>高新技术企业认定奖励 (免申即享): holds the recognition at the year's end; verified revenue of the year before.</summary>
    public static CriteriaDocument HighTechAward() => Doc(All("高新技术企业认定奖励条件", Zone + "高新技术企业培育奖励办法 第六条",
        new QualificationNode { Label = "年末持有有效期内高新技术企业证书", Reference = Zone + "高新技术企业培育奖励办法 第六条（一）", TypeCode = "hnte" },
        new MembershipNode { Label = "注册在区内园区", Reference = Zone + "高新技术企业培育奖励办法 第六条（二）", Field = MembershipField.Park, Values = ["huayuan", "bolonghu", "haiyang"] },
        Cmp("上一年度营业收入不低于1,000万元（经核实）", Zone + "高新技术企业培育奖励办法 第六条（三）", Fact(FactMetric.Revenue, offset: -1), CompareOperator.AtLeast, 1_000 * Wan)));

    public static BenefitRule HighTechAwardBenefit() => new() { Kind = BenefitKind.Fixed, AmountFen = 20 * Wan };
}
