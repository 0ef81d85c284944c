using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Seeding;
using static TechZone.SupportPolicies.PolicyCatalogSeed;

namespace TechZone.SupportPolicies;

/// <summary>
/// The demo catalog: the national recognitions (高新技术企业, 科技型中小企业 2017 and its 2022 revision) and five zone
/// policies, published, then evaluated once against the demo zone so that lists, counts and the calculator show
/// eligible, near-miss and unknown verdicts from the first start (and 飞腾, 麒麟 get their policy push).
/// </summary>
sealed class PolicyDemoData : IDemoData
{
    public int Order => 50;

    public IReadOnlyList<DemoAccount> Accounts => [];

    public async Task SeedAsync(ZoneDb db, IServiceProvider services, CancellationToken ct)
    {
        var economy = await db.Departments.Where(d => d.Code == "economy").Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
        var talent = await db.Departments.Where(d => d.Code == "talent").Select(d => (int?)d.Id).FirstOrDefaultAsync(ct) ?? economy;
        var published = new DateTime(2026, 1, 5, 2, 0, 0, DateTimeKind.Utc);

        PolicyVersion V(int number, string doc, DateOnly on, DateOnly from, DateOnly? until, string source, params PolicyItem[] items) => new()
        {
            Number = number, DocumentNumber = doc, PublishedOn = on, EffectiveFrom = from, EffectiveUntil = until, SourceText = source,
            State = VersionState.Published, PublishedUtc = published, PublishedBy = "economy", Items = [.. items],
        };
        PolicyItem I(string code, string title, string titleEn, string description, CriteriaDocument criteria, BenefitRule? benefit = null,
            bool noApplication = false, DateOnly? opens = null, DateOnly? closes = null) => new()
        {
            Code = code, Title = title, TitleEn = titleEn, Description = description, CriteriaJson = criteria.ToJson(), BenefitJson = benefit?.ToJson(),
            NoApplication = noApplication, WindowOpensOn = opens, WindowClosesOn = closes,
        };

        var policies = new List<Policy>
        {
            new()
            {
                Code = "hnte", Title = "高新技术企业认定管理办法", TitleEn = "Administrative Measures for the Recognition of High-Tech Enterprises",
                IssuingBody = "科技部 财政部 国家税务总局", DepartmentId = economy,
                Versions = [V(1, Hnte, new(2016, 1, 29), new(2016, 1, 1), null, HnteText,
                    I("hnte-recognition", "高新技术企业认定（条件预检）", "High-tech enterprise recognition (pre-check)",
                        "按第十一条可由登记数据核对的条件预检。第十一条（三）技术领域、（七）创新能力评价（须70分以上）、（八）安全质量环境记录须由评审专家核实。", HighTech()))],
            },
            new()
            {
                Code = "tech-sme", Title = "科技型中小企业评价办法", TitleEn = "Evaluation Measures for Technology-Based SMEs",
                IssuingBody = "科技部 财政部 国家税务总局", DepartmentId = economy,
                Versions =
                [
                    V(1, TechSme2017, new(2017, 5, 3), new(2017, 5, 3), new(2022, 6, 12), TechSmeText,
                        I("tech-sme", "科技型中小企业评价（入库预检）", "Technology-based SME evaluation (pre-check)",
                            "第六条（一）居民企业、（三）产品和服务类别、（四）诚信记录须由评价机构核实。", TechSme(TechSme2017))),
                    V(2, TechSme2022, new(2022, 6, 13), new(2022, 6, 13), null, TechSmeText,
                        I("tech-sme", "科技型中小企业评价（入库预检）", "Technology-based SME evaluation (pre-check)",
                            "第六条（一）居民企业、（三）产品和服务类别、（四）诚信记录须由评价机构核实。", TechSme(TechSme2022))),
                ],
            },
            new()
            {
                Code = "xinchuang", Title = "滨海高新区信创产业扶持办法", TitleEn = "Binhai High-tech Zone Xinchuang Industry Support Measures",
                IssuingBody = "滨海高新区管委会", DepartmentId = economy, BudgetFen = 5_000 * Wan,
                Versions = [V(1, "津滨高新发〔2025〕12号", new(2025, 3, 1), new(2025, 3, 1), new(2027, 12, 31), "第四条 在区内注册的信创企业……按上年度研发费用的10%给予支持，最高500万元。",
                    I("xinchuang-rd", "信创企业研发投入支持", "Xinchuang R&D support", "按上年度研发费用的10%给予支持，单个企业最高500万元。",
                        Xinchuang(), XinchuangBenefit(), opens: new(2026, 3, 1), closes: new(2026, 12, 31)))],
            },
            new()
            {
                Code = "talent-training", Title = "滨海高新区信创人才培训补贴实施细则", TitleEn = "Binhai High-tech Zone Xinchuang Talent Training Subsidy Rules",
                IssuingBody = "滨海高新区管委会", DepartmentId = talent, BudgetFen = 1_000 * Wan,
                Versions = [V(1, "津滨高新人〔2025〕3号", new(2025, 4, 1), new(2025, 4, 1), null, "第三条 ……按科技人员每人1,000元给予培训补贴，单个企业最高50万元。",
                    I("training-subsidy", "信创人才培训补贴", "Xinchuang talent training subsidy", "按科技人员每人1,000元，单个企业最高50万元。",
                        Training(), TrainingBenefit()))],
            },
            new()
            {
                Code = "rent-subsidy", Title = "滨海高新区科技企业房租补贴办法", TitleEn = "Binhai High-tech Zone Rent Subsidy for Technology Enterprises",
                IssuingBody = "滨海高新区管委会", DepartmentId = economy, BudgetFen = 2_000 * Wan,
                Versions = [V(1, "津滨高新发〔2024〕30号", new(2024, 6, 1), new(2024, 6, 1), null, "第五条 成立未满5年的科技型小微企业……每年给予20万元房租补贴。",
                    I("rent-subsidy", "科技型小微企业房租补贴", "Rent subsidy for small technology enterprises", "每年20万元。", Rent(), RentBenefit()))],
            },
            new()
            {
                Code = "tax-reward", Title = "滨海高新区促进经济发展奖励办法", TitleEn = "Binhai High-tech Zone Economic Contribution Rewards",
                IssuingBody = "滨海高新区管委会", DepartmentId = economy, BudgetFen = 10_000 * Wan,
                Versions = [V(1, "津滨高新发〔2025〕5号", new(2025, 1, 15), new(2025, 1, 15), null, "第八条 年度实缴税金500万元以上且营业收入1亿元以上的企业，按纳税规模分档奖励。",
                    I("tax-reward", "纳税贡献奖励", "Tax contribution reward", "实缴税金500万元起奖10万元，2,000万元起50万元，1亿元起100万元。", Tax(), TaxBenefit()))],
            },
            new()
            {
                Code = "hnte-award", Title = "滨海高新区高新技术企业培育奖励办法", TitleEn = "Binhai High-tech Zone High-Tech Enterprise Award",
                IssuingBody = "滨海高新区管委会", DepartmentId = economy, BudgetFen = 3_000 * Wan,
                Versions = [V(1, "津滨高新科〔2025〕8号", new(2025, 2, 20), new(2025, 2, 20), null, "第六条 年末持有有效高新技术企业证书的区内企业，经核实的上年度营业收入1,000万元以上的，给予20万元奖励，免申即享。",
                    I("hnte-award", "高新技术企业认定奖励（免申即享）", "High-tech enterprise award (no application)", "按经核实的数据直接兑现，无需申报。",
                        HighTechAward(), HighTechAwardBenefit(), noApplication: true))],
            },
        };
        var now = DateTime.UtcNow;
        foreach (var p in policies) p.CreatedUtc = now;
        db.AddRange(policies);
        await db.SaveChangesAsync(ct);

        // In the seed's scope, so in its transaction.
        await services.GetRequiredService<PolicyEngineService>().EvaluateAllAsync(ct);
    }

    const string HnteText = """
        第十一条 认定为高新技术企业须同时满足以下条件：
        （一）企业申请认定时须注册成立一年以上；
        （二）企业通过自主研发、受让、受赠、并购等方式，获得对其主要产品（服务）在技术上发挥核心支持作用的知识产权的所有权；
        （三）对企业主要产品（服务）发挥核心支持作用的技术属于《国家重点支持的高新技术领域》规定的范围；
        （四）企业从事研发和相关技术创新活动的科技人员占企业当年职工总数的比例不低于10%；
        （五）企业近三个会计年度（实际经营期不满三年的按实际经营时间计算，下同）的研究开发费用总额占同期销售收入总额的比例符合如下要求：
        1. 最近一年销售收入小于5,000万元（含）的企业，比例不低于5%；
        2. 最近一年销售收入在5,000万元至2亿元（含）的企业，比例不低于4%；
        3. 最近一年销售收入在2亿元以上的企业，比例不低于3%。
        其中，企业在中国境内发生的研究开发费用总额占全部研究开发费用总额的比例不低于60%；
        （六）近一年高新技术产品（服务）收入占企业同期总收入的比例不低于60%；
        （七）企业创新能力评价应达到相应要求；
        （八）企业申请认定前一年内未发生重大安全、重大质量事故或严重环境违法行为。
        """;

    const string TechSmeText = """
        第六条 科技型中小企业须同时满足以下条件：
        （一）在中国境内（不包括港、澳、台地区）注册的居民企业。
        （二）职工总数不超过500人、年销售收入不超过2亿元、资产总额不超过2亿元。
        （三）企业提供的产品和服务不属于国家规定的禁止、限制和淘汰类。
        （四）企业在填报上一年及当年内未发生重大安全、重大质量事故和严重环境违法、科研严重失信行为，且企业未列入经营异常名录和严重违法失信企业名单。
        （五）企业根据科技型中小企业评价指标进行综合评价所得分值不低于60分，且科技人员指标得分不得为0分。
        第七条 符合第六条第（一）～（四）项条件的企业，若同时符合下列条件中的一项，则可直接确认符合科技型中小企业条件：
        （一）企业拥有有效期内高新技术企业资格证书；……
        评价指标：科技人员指标（满分20分）：30%（含）以上20分，25%–30% 16分，20%–25% 12分，15%–20% 8分，10%–15% 4分，10%以下0分。
        研发投入指标（满分50分），企业从研发费用总额占销售收入总额的比例（6%以上50分，5%–6% 40分，4%–5% 30分，3%–4% 20分，2%–3% 10分）
        或占成本费用支出总额的比例（30%以上50分，25%–30% 40分，20%–25% 30分，15%–20% 20分，10%–15% 10分）中选择一个。
        科技成果指标（满分30分）：1项及以上Ⅰ类知识产权30分；Ⅱ类知识产权4项及以上24分，3项18分，2项12分，1项6分；没有知识产权0分。
        """;
}
