using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Enterprises;
using TechZone.Platform.Seeding;
using static TechZone.SupportPolicies.PolicyCatalogSeed;

namespace TechZone.SupportPolicies;

/// <summary>
/// The policy catalog of a scaled zone: zone policies generated until the catalog holds <see cref="Items"/> items in
/// all (the demo's eight included), each item one of the zone's usual kinds of support — R&amp;D grants, revenue
/// milestones, talent, patents, recognitions (some 免申即享), tax contribution, start-ups, park tenancy — with its
/// thresholds drawn from realistic ranges; then the engine evaluates them against every enterprise once, as
/// publishing them would, so that verdict lists and an enterprise's matches are full from the first start.
/// </summary>
sealed class PolicyScaleData : IScaleData
{
    public int Order => 30; // after the enterprises and their facts

    public const int Items = 300;

    // Theme of a policy (zh, en) and the industry divisions (GB/T 4754) its R&D and milestone items aim at.
    static readonly (string Zh, string En, string[] Industries)[] Themes =
    [
        ("支持集成电路产业发展", "Supporting the Integrated Circuit Industry", ["39"]),
        ("促进软件和信息技术服务业发展", "Promoting Software and IT Services", ["64", "65"]),
        ("支持生物医药产业创新发展", "Supporting Innovation in Biomedicine", ["27"]),
        ("加快新材料产业发展", "Accelerating the New Materials Industry", ["26"]),
        ("支持智能装备和机器人产业", "Supporting Intelligent Equipment and Robotics", ["34", "35"]),
        ("促进新能源产业发展", "Promoting the New Energy Industry", ["38"]),
        ("支持科技服务业发展", "Supporting Science and Technology Services", ["73", "74", "75"]),
        ("鼓励制造业企业加大研发投入", "Encouraging R&D Investment in Manufacturing", ["35", "40"]),
        ("培育高成长软件企业", "Fostering High-Growth Software Enterprises", ["65"]),
        ("支持互联网和研发服务人才引进", "Supporting Talent in Internet and R&D Services", ["64", "73"]),
        ("推进医药和仪器领域知识产权创造", "Promoting IP Creation in Medicine and Instruments", ["27", "40"]),
        ("促进信创产业集聚", "Promoting the Xinchuang Cluster", ["39", "65"]),
    ];

    public async Task SeedAsync(ZoneDb db, ScaleContext context, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var existing = await db.Set<PolicyItem>().CountAsync(ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Id, ct);
        int? Department(string code) => departments.TryGetValue(code, out var id) ? id : departments.Values.Cast<int?>().FirstOrDefault();
        var parks = (await db.Parks.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Code, p.Name }).ToListAsync(ct)).Select(p => (p.Code, p.Name)).ToList();
        // The recognitions an award can reward: the zone's configured qualification types.
        var recognitions = (await context.Services.GetRequiredService<QualificationService>().ListTypesAsync(chinese: true, ct: ct))
            .Select(t => new Recognition(t.Code, t.NameZh, t.NameEn)).ToList();
        var random = new Random(300);
        var now = DateTime.UtcNow;

        var policies = new List<Policy>();
        for (var made = 0; existing + made < Items; )
        {
            var n = policies.Count;
            var theme = Themes[n % Themes.Length];
            var year = today.Year - n / Themes.Length % 4;
            var from = new DateOnly(year, 1 + random.Next(6), 1 + random.Next(28));
            if (from > today) from = today.AddDays(-random.Next(1, 60));
            var document = $"津滨高新发〔{from.Year}〕{10 + n}号";
            var title = $"滨海高新区关于{theme.Zh}的若干措施（{from.Year}年）";
            var version = new PolicyVersion
            {
                Number = 1, DocumentNumber = document, PublishedOn = from, EffectiveFrom = from,
                EffectiveUntil = random.Next(3) == 0 ? null : new DateOnly(today.Year + 1 + random.Next(2), 12, 31),
                State = VersionState.Published, PublishedUtc = now, PublishedBy = "economy",
            };
            var count = Math.Min(5 + random.Next(5), Items - existing - made);
            for (var k = 0; k < count; k++)
                version.Items.Add(Item(k, document, theme.Industries, parks, recognitions, today, random));
            version.SourceText = string.Join("\n", version.Items.Select((item, k) => $"第{k + 3}条 {item.Title}：{item.Description}"));
            policies.Add(new Policy
            {
                Code = $"scale-{n + 1}", Title = title, TitleEn = $"Binhai High-tech Zone Measures {theme.En} ({from.Year})",
                IssuingBody = "滨海高新区管委会", DepartmentId = Department(n % 3 == 0 ? "talent" : "economy"),
                BudgetFen = (1_000 + random.Next(20) * 500) * Wan, CreatedUtc = now, Versions = [version],
            });
            made += count;
        }
        db.AddRange(policies);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        context.Progress("policy items", policies.Sum(p => p.Versions.Sum(v => v.Items.Count)));

        // In the seed's transaction; what the verdicts are is the engine's business, not the generator's.
        var report = await context.Services.GetRequiredService<PolicyEngineService>().EvaluateAllAsync(ct);
        context.Progress($"policy verdicts ({report.Eligible:N0} eligible, {report.NearMiss:N0} near-miss, {report.Unknown:N0} unknown)",
            report.Eligible + report.NearMiss + report.Unknown);
    }

    /// <summary>The <paramref name="k"/>-th item of a policy: its kind goes round the list, its numbers are drawn.</summary>
    static PolicyItem Item(int k, string document, string[] industries, List<(string Code, string Name)> parks,
        List<Recognition> recognitions, DateOnly today, Random random)
    {
        string Ref(int clause) => $"{document} 第{k + 3}条（{clause}）";
        // Every item but the recognitions is for the policy's industries: the gate keeps an enterprise's verdicts to the
        // policies meant for it (what a zone's catalog does), and its unknowns to the items it could get.
        MembershipNode Industries() => new() { Label = "属于本办法支持的行业", Reference = Ref(1), Field = MembershipField.Industry, Values = [.. industries] };
        var kind = (k + random.Next(8)) % 8;
        if (kind == 4 && recognitions.Count == 0) kind = 3;
        CriteriaDocument criteria;
        BenefitRule? benefit;
        string code, title, titleEn, description;
        var noApplication = false;
        switch (kind)
        {
            case 0:
            {
                var floor = new[] { 50, 100, 200, 500 }[random.Next(4)];
                var rate = 5 + random.Next(3) * 5;
                var cap = new[] { 100, 200, 300, 500 }[random.Next(4)];
                (code, title, titleEn) = ("rd-grant", "研发投入后补助", "R&D expense grant");
                description = $"上年度研发费用{floor}万元以上的企业，按研发费用的{rate}%给予补助，最高{cap}万元。";
                criteria = Doc(All("研发投入后补助条件", Ref(0), Industries(),
                    Cmp($"上年度研发费用不低于{floor}万元", Ref(2), Fact(FactMetric.RdExpense), CompareOperator.AtLeast, floor * Wan),
                    Cmp("研发费用占营业收入比例不低于3%", Ref(3), Share(FactMetric.RdExpense, FactMetric.Revenue), CompareOperator.AtLeast, 0.03)));
                benefit = new BenefitRule { Kind = BenefitKind.Percentage, Rate = rate / 100.0, Basis = Fact(FactMetric.RdExpense), CapFen = cap * Wan };
                break;
            }
            case 1:
            {
                var yi = new[] { 1, 2, 5, 10, 20 }[random.Next(5)];
                var award = yi switch { 1 => 20, 2 => 50, 5 => 100, 10 => 200, _ => 300 };
                (code, title, titleEn) = ("revenue-milestone", $"营业收入首次突破{yi}亿元奖励", $"Reward for first passing CNY {yi}00 million revenue");
                description = $"上年度营业收入首次达到{yi}亿元的企业，一次性奖励{award}万元。";
                criteria = Doc(All("营业收入跃升奖励条件", Ref(0), Industries(),
                    Cmp($"上年度营业收入不低于{yi}亿元", Ref(2), Fact(FactMetric.Revenue), CompareOperator.AtLeast, yi * Yi),
                    Cmp($"前一年度营业收入低于{yi}亿元", Ref(3), Fact(FactMetric.Revenue, offset: -1), CompareOperator.LessThan, yi * Yi)));
                benefit = new BenefitRule { Kind = BenefitKind.Fixed, AmountFen = award * Wan };
                break;
            }
            case 2:
            {
                var heads = new[] { 20, 50, 100 }[random.Next(3)];
                var yuan = new[] { 1_000, 2_000, 3_000 }[random.Next(3)];
                var cap = new[] { 30, 50, 100 }[random.Next(3)];
                (code, title, titleEn) = ("talent-subsidy", "科技人才引育补贴", "Subsidy for S&T talent");
                description = $"科技人员{heads}人以上、占职工总数30%以上的企业，按每人{yuan:N0}元给予补贴，最高{cap}万元。";
                criteria = Doc(All("科技人才引育补贴条件", Ref(0), Industries(),
                    Cmp($"科技人员不少于{heads}人", Ref(2), Fact(FactMetric.SciTechPersonnel), CompareOperator.AtLeast, heads),
                    Cmp("科技人员占职工总数比例不低于30%", Ref(3), Share(FactMetric.SciTechPersonnel, FactMetric.Employees), CompareOperator.AtLeast, 0.30)));
                benefit = new BenefitRule { Kind = BenefitKind.PerHead, AmountFen = yuan * 100L, Basis = Fact(FactMetric.SciTechPersonnel), CapFen = cap * Wan };
                break;
            }
            case 3:
            {
                var patents = 5 + random.Next(5) * 5;
                var wan = 1 + random.Next(3);
                (code, title, titleEn) = ("patent-grant", "发明专利资助", "Invention patent grant");
                description = $"拥有发明专利{patents}件以上、上年度研发费用100万元以上的企业，按每件{wan}万元资助，最高50万元。";
                criteria = Doc(All("发明专利资助条件", Ref(0), Industries(),
                    Cmp($"发明专利不少于{patents}件", Ref(2), Fact(FactMetric.InventionPatents), CompareOperator.AtLeast, patents),
                    Cmp("上年度研发费用不低于100万元", Ref(3), Fact(FactMetric.RdExpense), CompareOperator.AtLeast, 100 * Wan)));
                benefit = new BenefitRule { Kind = BenefitKind.PerHead, AmountFen = wan * Wan, Basis = Fact(FactMetric.InventionPatents), CapFen = 50 * Wan };
                break;
            }
            case 4:
            {
                var type = recognitions[random.Next(recognitions.Count)];
                var award = new[] { 10, 20, 30, 50 }[random.Next(4)];
                noApplication = random.Next(2) == 0;
                var (park, parkName) = parks.Count > 0 ? parks[random.Next(parks.Count)] : ("", "");
                (code, title, titleEn) = ($"award-{type.Code}", $"{type.Name}认定奖励{(noApplication ? "（免申即享）" : "")}",
                    $"{type.NameEn} award{(noApplication ? " (no application)" : "")}");
                description = $"持有有效期内{type.Name}资质、上年度营业收入500万元以上的区内企业，奖励{award}万元{(noApplication ? "，按核实数据直接兑现，无需申报" : "")}。";
                var conditions = new List<CriterionNode>
                {
                    new QualificationNode { Label = $"持有有效期内{type.Name}资质", Reference = Ref(1), TypeCode = type.Code },
                    Cmp("上年度营业收入不低于500万元", Ref(2), Fact(FactMetric.Revenue), CompareOperator.AtLeast, 500 * Wan),
                };
                // The zone's own award, for its parks' enterprises.
                if (park != "")
                    conditions.Add(new MembershipNode { Label = $"注册在{parkName}", Reference = Ref(3), Field = MembershipField.Park, Values = [park] });
                criteria = Doc(All("资质认定奖励条件", Ref(0), [.. conditions]));
                benefit = new BenefitRule { Kind = BenefitKind.Fixed, AmountFen = award * Wan };
                break;
            }
            case 5:
            {
                var tax = new[] { 200, 500, 1_000 }[random.Next(3)];
                (code, title, titleEn) = ("tax-contribution", "经济贡献奖励", "Economic contribution reward");
                description = $"上一纳税年度（税务部门已确认）实缴税金{tax}万元以上、营业收入1亿元以上的企业按纳税规模分档奖励。";
                criteria = Doc(All("经济贡献奖励条件", Ref(0), Industries(),
                    Cmp($"上一纳税年度实缴税金不低于{tax}万元", Ref(2), Fact(FactMetric.TaxPaid, offset: -1), CompareOperator.AtLeast, tax * Wan),
                    Cmp("年度营业收入不低于1亿元", Ref(3), Fact(FactMetric.Revenue), CompareOperator.AtLeast, Yi)));
                benefit = new BenefitRule
                {
                    Kind = BenefitKind.Tiered, Basis = Fact(FactMetric.TaxPaid, offset: -1),
                    Tiers = [new() { Min = tax * Wan, AmountFen = tax / 50 * Wan }, new() { Min = tax * 5 * Wan, AmountFen = tax / 10 * Wan }],
                };
                break;
            }
            case 6:
            {
                var years = 3 + random.Next(3);
                var award = new[] { 5, 10, 20, 30 }[random.Next(4)];
                (code, title, titleEn) = ("startup-support", "初创科技企业扶持", "Support for young technology enterprises");
                description = $"成立未满{years}年的小微企业，有研发投入的给予{award}万元扶持。";
                criteria = Doc(All("初创科技企业扶持条件", Ref(0), Industries(),
                    new NotNode { Label = $"成立未满{years}年", Reference = Ref(2), Child = new RegisteredNode { Label = $"成立满{years}年", Reference = Ref(2), MinYears = years } },
                    new MembershipNode { Label = "小型或微型企业", Reference = Ref(3), Field = MembershipField.SizeClass, Values = ["Small", "Micro"] },
                    Cmp("上年度研发费用不低于10万元", Ref(4), Fact(FactMetric.RdExpense), CompareOperator.AtLeast, 10 * Wan)));
                benefit = new BenefitRule { Kind = BenefitKind.Fixed, AmountFen = award * Wan };
                break;
            }
            default:
            {
                var (park, parkName) = parks.Count > 0 ? parks[random.Next(parks.Count)] : ("", "");
                var revenue = new[] { 1_000, 3_000, 5_000 }[random.Next(3)];
                (code, title, titleEn) = ("park-tenancy", $"{parkName}入驻企业发展奖励", $"Growth reward for enterprises in the park");
                description = $"注册在{parkName}、上年度营业收入{revenue:N0}万元以上、职工20人以上的企业，奖励10万元。";
                var conditions = new List<CriterionNode>
                {
                    Industries(),
                    Cmp($"上年度营业收入不低于{revenue:N0}万元", Ref(2), Fact(FactMetric.Revenue), CompareOperator.AtLeast, revenue * Wan),
                    Cmp("职工人数不少于20人", Ref(3), Fact(FactMetric.Employees), CompareOperator.AtLeast, 20),
                };
                if (park != "") conditions.Insert(0, new MembershipNode { Label = $"注册在{parkName}", Reference = Ref(4), Field = MembershipField.Park, Values = [park] });
                criteria = Doc(All("入驻企业发展奖励条件", Ref(0), [.. conditions]));
                benefit = new BenefitRule { Kind = BenefitKind.Fixed, AmountFen = 10 * Wan };
                break;
            }
        }
        // Half the industry items are for one park's enterprises (the park's own measures).
        if (kind is not (4 or 7) && parks.Count > 0 && random.Next(2) == 0 && criteria.Root is GroupNode root)
        {
            var (park, parkName) = parks[random.Next(parks.Count)];
            root.Children.Insert(1, new MembershipNode { Label = $"注册在{parkName}", Reference = Ref(1), Field = MembershipField.Park, Values = [park] });
            description += $"限注册在{parkName}的企业。";
        }
        // Half the items have this year's application window; a 免申即享 item has none.
        DateOnly? opens = null, closes = null;
        if (!noApplication && random.Next(2) == 0)
        {
            opens = new DateOnly(today.Year, 1 + random.Next(6), 1);
            closes = new DateOnly(today.Year, 12, 31);
        }
        return new PolicyItem
        {
            Code = $"{code}-{k + 1}", Title = title, TitleEn = titleEn, Description = description, CriteriaJson = criteria.ToJson(),
            BenefitJson = benefit?.ToJson(), NoApplication = noApplication, WindowOpensOn = opens, WindowClosesOn = closes, SortOrder = k,
        };
    }

    sealed record Recognition(string Code, string Name, string NameEn);
}
