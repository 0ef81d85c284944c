using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechZone.Data;
using TechZone.Enterprises;
using TechZone.Platform.Audit;
using TechZone.SupportPolicies;
using TechZone.Tests.Enterprises;
using TechZone.Tests.Infrastructure;

namespace TechZone.Tests.Policies;

/// <summary>
/// The policy engine on the seeded catalog: the national criteria give the verdicts the official texts give for
/// worked cases (each test cites its clause), the calculator explains every verdict, versions are dated and
/// immutable, pushes go out once, and an enterprise sees its own verdicts only.
/// </summary>
public abstract class PolicyTests(ZoneApp app)
{
    const string Api = "/api/v1/policies";
    const long Wan = 1_000_000;

    static int FiscalYear => ProfileTestKit.Today.Year - 1;

    async Task<CalculatorResult> CalculatorAsync(HttpClient client, int? enterpriseId = null, int? year = null)
    {
        var url = $"{Api}/calculator?" + (enterpriseId is { } id ? $"enterpriseId={id}&" : "") + (year is { } y ? $"fiscalYear={y}" : "");
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<CalculatorResult>(ZoneApp.Json))!;
    }

    static CalculatorEntry Entry(CalculatorResult r, string code) => r.Entries.Single(e => e.ItemCode == code);

    /// <summary>An enterprise registered on <paramref name="founded"/> with the given figures in each listed year.</summary>
    async Task<int> EnterpriseAsync(DateOnly founded, Dictionary<int, Dictionary<FactMetric, long>> years, string? industry = "65", int? parkId = null, SizeClass? size = null)
    {
        var admin = await app.SignedInAsync("admin");
        var e = await ProfileTestKit.CreateEnterpriseAsync(admin, new { foundedOn = founded, industryCode = industry, parkId, sizeClass = size, status = EnterpriseStatus.Operating });
        foreach (var (year, figures) in years)
        {
            var response = await admin.PutAsJsonAsync($"/api/v1/enterprises/{e.Id}/facts",
                new { fiscalYear = year, figures = figures.Select(f => new { metric = f.Key, value = f.Value }) }, ZoneApp.Json);
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }
        return e.Id;
    }

    /// <summary>Three years of the same figures: revenue, R&amp;D share, S&amp;T share of 100 employees, every other 高企 condition comfortably met.</summary>
    static Dictionary<int, Dictionary<FactMetric, long>> HighTechYears(long revenueFen, double rdShare, int sciTech = 30, bool highTech = true)
    {
        var d = new Dictionary<int, Dictionary<FactMetric, long>>();
        for (var y = FiscalYear - 2; y <= FiscalYear; y++)
        {
            var rd = (long)Math.Round(revenueFen * rdShare);
            d[y] = new()
            {
                [FactMetric.Revenue] = revenueFen, [FactMetric.RdExpense] = rd, [FactMetric.RdExpenseInChina] = rd,
                [FactMetric.Employees] = 100, [FactMetric.SciTechPersonnel] = sciTech, [FactMetric.InventionPatents] = 2,
                [FactMetric.TotalAssets] = revenueFen, [FactMetric.TotalCosts] = revenueFen * 8 / 10,
            };
            if (highTech) d[y][FactMetric.HighTechRevenue] = revenueFen * 7 / 10;
        }
        return d;
    }

    [Fact]
    public async Task DemoZone_Feiteng_HasEligibleUnknownAndIneligible_Kylin_NearMissesTheTrainingSubsidy()
    {
        app.SkipIfUnavailable();
        var feiteng = await CalculatorAsync(await app.SignedInAsync("feiteng"));
        Assert.Equal("飞腾信息技术有限公司", feiteng.EnterpriseName);
        Assert.Equal(Verdict.Eligible, Entry(feiteng, "hnte-recognition").Verdict);
        Assert.Equal(Verdict.Eligible, Entry(feiteng, "xinchuang-rd").Verdict);
        Assert.True(Entry(feiteng, "xinchuang-rd").BenefitFen > 0);
        // 2025's tax has not been reported yet: unknown, never read as 0.
        var tax = Entry(feiteng, "tax-reward");
        Assert.Equal(Verdict.Unknown, tax.Verdict);
        Assert.Contains(tax.Explanation.Children, c => c.Outcome == Outcome.Unknown);
        // 1,600 employees: not a 科技型中小企业 (第六条（二）).
        Assert.Equal(Verdict.Ineligible, Entry(feiteng, "tech-sme").Verdict);

        var kylin = await CalculatorAsync(await app.SignedInAsync("kylin"));
        var training = Entry(kylin, "training-subsidy");
        Assert.Equal(Verdict.NearMiss, training.Verdict);
        Assert.Single(training.Gaps);
        Assert.Contains("3,000", training.Gaps[0]);

        // The stored verdicts (what staff count and push) agree with the calculator.
        var stored = await (await app.SignedInAsync("economy")).GetFromJsonAsync<List<VerdictRow>>($"{Api}/enterprises/{kylin.EnterpriseId}/verdicts", ZoneApp.Json);
        Assert.Contains(stored!, v => v.Verdict == Verdict.NearMiss);
        var standings = await (await app.SignedInAsync("economy")).GetFromJsonAsync<List<ItemStanding>>($"{Api}/standings", ZoneApp.Json);
        Assert.Contains(standings!, s => s.Eligible > 0 && s.EstimatedTotalFen > 0);
    }

    [Fact]
    public async Task Calculator_OfAnotherEnterprise_Returns404_AndStaffSeeAny()
    {
        app.SkipIfUnavailable();
        var kylinId = await ProfileTestKit.IdOfAsync(app, "麒麟软件有限公司");
        var feiteng = await app.SignedInAsync("feiteng");
        Assert.Equal(HttpStatusCode.NotFound, (await feiteng.GetAsync($"{Api}/calculator?enterpriseId={kylinId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await feiteng.GetAsync($"{Api}/enterprises/{kylinId}/verdicts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await feiteng.GetAsync($"{Api}/standings")).StatusCode);
        var staff = await CalculatorAsync(await app.SignedInAsync("economy"), kylinId);
        Assert.Equal(kylinId, staff.EnterpriseId);
    }

    /// <summary>国科发火〔2016〕32号 第十一条（五）: the R&amp;D share over three years, banded by the latest year's revenue.</summary>
    [Theory]
    [InlineData(5_000, 0.050, Verdict.Eligible)]   // 5,000万元（含）: band 1, 5% — just meets
    [InlineData(5_000, 0.049, Verdict.NearMiss)]   // band 1 needs 5%: 4.9% is just below
    [InlineData(5_001, 0.040, Verdict.Eligible)]   // above 5,000万元: band 2, 4% suffices
    [InlineData(20_000, 0.039, Verdict.NearMiss)]  // 2亿元（含） still band 2: 3.9% < 4%
    [InlineData(20_001, 0.030, Verdict.Eligible)]  // above 2亿元: band 3, 3%
    [InlineData(20_001, 0.029, Verdict.NearMiss)]  // 2.9% < 3%
    public async Task HighTech_RdShareBands_FollowClause11_5(long revenueWan, double share, Verdict expected)
    {
        app.SkipIfUnavailable();
        var id = await EnterpriseAsync(new DateOnly(2015, 3, 1), HighTechYears(revenueWan * Wan, share));
        var entry = Entry(await CalculatorAsync(await app.SignedInAsync("economy"), id), "hnte-recognition");
        Assert.Equal(expected, entry.Verdict);
        if (expected == Verdict.NearMiss) Assert.Contains(entry.Gaps, g => g.Contains('<') && g.Contains('%'));
        Assert.Equal(PolicyCatalogSeed.Hnte, entry.DocumentNumber);
    }

    /// <summary>第十一条（四）: S&amp;T personnel at least 10% of employees; （一）registered over one year; missing data is unknown.</summary>
    [Fact]
    public async Task HighTech_SciTechShare_Registration_AndMissingData()
    {
        app.SkipIfUnavailable();
        var economy = await app.SignedInAsync("economy");
        var exactly = await EnterpriseAsync(new DateOnly(2015, 3, 1), HighTechYears(3_000 * Wan, 0.06, sciTech: 10));
        Assert.Equal(Verdict.Eligible, Entry(await CalculatorAsync(economy, exactly), "hnte-recognition").Verdict);
        var below = await EnterpriseAsync(new DateOnly(2015, 3, 1), HighTechYears(3_000 * Wan, 0.06, sciTech: 9));
        var nearly = Entry(await CalculatorAsync(economy, below), "hnte-recognition");
        Assert.Equal(Verdict.NearMiss, nearly.Verdict);
        Assert.Contains(nearly.Gaps, g => g.Contains("9%") && g.Contains("10%"));

        // Founded in the fiscal year's last month: not registered a year by its end (第十一条（一）).
        var young = await EnterpriseAsync(new DateOnly(FiscalYear, 12, 1), HighTechYears(3_000 * Wan, 0.06));
        Assert.Equal(Verdict.NearMiss, Entry(await CalculatorAsync(economy, young), "hnte-recognition").Verdict);

        // No high-tech revenue reported: unknown, not a fail (第十一条（六）).
        var missing = await EnterpriseAsync(new DateOnly(2015, 3, 1), HighTechYears(3_000 * Wan, 0.06, highTech: false));
        var unknown = Entry(await CalculatorAsync(economy, missing), "hnte-recognition");
        Assert.Equal(Verdict.Unknown, unknown.Verdict);
        Assert.Contains(unknown.Explanation.Children, c => c.Outcome == Outcome.Unknown && c.Reference.Contains("第十一条（六）"));
    }

    /// <summary>
    /// 科技型中小企业评价办法: a verdict for 2021 uses 国科发政〔2017〕115号, one for 2023 its 2022 revision; size limits of
    /// 第六条（二）; and the score of 第六条（五） with the S&amp;T indicator that may not score 0.
    /// </summary>
    [Fact]
    public async Task TechSme_UsesTheVersionInForce_AndScoresByTheAnnex()
    {
        app.SkipIfUnavailable();
        Dictionary<FactMetric, long> Small(long employees, long sciTech) => new()
        {
            [FactMetric.Employees] = employees, [FactMetric.SciTechPersonnel] = sciTech, [FactMetric.Revenue] = 5_000 * Wan,
            [FactMetric.TotalAssets] = 4_000 * Wan, [FactMetric.RdExpense] = 300 * Wan, [FactMetric.TotalCosts] = 4_500 * Wan,
            [FactMetric.InventionPatents] = 1,
        };
        var economy = await app.SignedInAsync("economy");
        // 30% S&T (20 points) + 6% R&D (50) + an invention patent (30) = 100 ≥ 60.
        var id = await EnterpriseAsync(new DateOnly(2012, 1, 1), new() { [2021] = Small(100, 30), [2023] = Small(100, 30) });
        var y2021 = Entry(await CalculatorAsync(economy, id, 2021), "tech-sme");
        var y2023 = Entry(await CalculatorAsync(economy, id, 2023), "tech-sme");
        Assert.Equal(Verdict.Eligible, y2021.Verdict);
        Assert.Equal(Verdict.Eligible, y2023.Verdict);
        Assert.Equal(PolicyCatalogSeed.TechSme2017, y2021.DocumentNumber);
        Assert.Equal(PolicyCatalogSeed.TechSme2022, y2023.DocumentNumber);
        Assert.NotEqual(y2021.PolicyVersionId, y2023.PolicyVersionId);

        // 501 employees: just above 第六条（二）.
        var big = await EnterpriseAsync(new DateOnly(2012, 1, 1), new() { [2023] = Small(501, 200) });
        var tooBig = Entry(await CalculatorAsync(economy, big, 2023), "tech-sme");
        Assert.Equal(Verdict.NearMiss, tooBig.Verdict);
        Assert.Contains(tooBig.Gaps, g => g.Contains("501") && g.Contains("500"));

        // 9% S&T scores 0 on 科技人员指标, which 第六条（五） does not allow, whatever the other 80 points.
        var few = await EnterpriseAsync(new DateOnly(2012, 1, 1), new() { [2023] = Small(100, 9) });
        var zero = Entry(await CalculatorAsync(economy, few, 2023), "tech-sme");
        Assert.Equal(Verdict.NearMiss, zero.Verdict);
    }

    /// <summary>
    /// Worked cases of 国科发政〔2022〕67号 for fiscal year 2023, of 100 employees, 5,000万元 revenue and 4,000万元 assets unless
    /// stated: 第六条（二）'s limits include their value (不超过); 第六条（五）'s 60 points include 60; each annex band
    /// includes its lower bound (30%（含）以上 …); 研发投入指标 takes the better of its two ratios (附件 二); 科技成果指标
    /// counts Ⅰ类 (发明专利) above any number of Ⅱ类 (附件 三).
    /// </summary>
    [Theory]
    // S&T 20% (12) + R&D 4% of revenue (30) + 3 Ⅱ类 (18) = 60: exactly the threshold.
    [InlineData(20, 200, 4_500, 0, 3, 5_000, 4_000, Verdict.Eligible)]
    // … with 2 Ⅱ类 (12): 54 < 60.
    [InlineData(20, 200, 4_500, 0, 2, 5_000, 4_000, Verdict.NearMiss)]
    // S&T 25% (16) + R&D 4% (30) + 2 Ⅱ类 (12) = 58; 25% counts in the 16-point band, 24% would not.
    [InlineData(25, 200, 4_500, 0, 2, 5_000, 4_000, Verdict.NearMiss)]
    // S&T 30% (20) + R&D 2.5% of revenue (10) but 25% of costs (40) = 60: the better ratio counts.
    // (Every figure is reported, so no indicator is unknown: an unreported patent count would make a score short of 60 unknown, not a fail.)
    [InlineData(30, 125, 500, 0, 0, 5_000, 4_000, Verdict.Eligible)]
    // … and with costs making it only 2.5% of costs too: 20 + 10 = 30.
    [InlineData(30, 125, 5_000, 0, 0, 5_000, 4_000, Verdict.NearMiss)]
    // S&T 10% (4, the lowest band that scores) + R&D 6% (50) + 1 发明专利 (30, however few Ⅱ类) = 84.
    [InlineData(10, 300, 4_500, 1, 0, 5_000, 4_000, Verdict.Eligible)]
    // Revenue and assets of exactly 2亿元: within 第六条（二）.
    [InlineData(30, 1_200, 15_000, 1, 0, 20_000, 20_000, Verdict.Eligible)]
    // Revenue 2亿元 and 1万元: over.
    [InlineData(30, 1_201, 15_000, 1, 0, 20_001, 20_000, Verdict.NearMiss)]
    public async Task TechSme2022_WorkedCases(long sciTech, long rdWan, long costsWan, long inventions, long typeTwo, long revenueWan, long assetsWan, Verdict expected)
    {
        app.SkipIfUnavailable();
        var figures = new Dictionary<FactMetric, long>
        {
            [FactMetric.Employees] = 100, [FactMetric.SciTechPersonnel] = sciTech, [FactMetric.Revenue] = revenueWan * Wan,
            [FactMetric.TotalAssets] = assetsWan * Wan, [FactMetric.RdExpense] = rdWan * Wan, [FactMetric.TotalCosts] = costsWan * Wan,
            [FactMetric.InventionPatents] = inventions, [FactMetric.IntegratedCircuitLayouts] = 0,
            [FactMetric.SoftwareCopyrights] = typeTwo, [FactMetric.UtilityModelPatents] = 0, [FactMetric.DesignPatents] = 0,
        };
        var id = await EnterpriseAsync(new DateOnly(2012, 1, 1), new() { [2023] = figures });
        var entry = Entry(await CalculatorAsync(await app.SignedInAsync("economy"), id, 2023), "tech-sme");
        Assert.Equal(PolicyCatalogSeed.TechSme2022, entry.DocumentNumber);
        Assert.Equal(expected, entry.Verdict);
        Assert.Contains(PolicyCatalogSeed.TechSme2022, string.Join(" ", Flatten(entry.Explanation).Select(c => c.Reference)));
    }

    /// <summary>第七条（一）: a valid 高新技术企业 certificate confirms a 科技型中小企业 directly, whatever the score; an expired one does not.</summary>
    [Fact]
    public async Task TechSme2022_ValidHighTechCertificate_ConfirmsDirectly()
    {
        app.SkipIfUnavailable();
        var weak = new Dictionary<FactMetric, long>
        {
            [FactMetric.Employees] = 100, [FactMetric.SciTechPersonnel] = 10, [FactMetric.Revenue] = 5_000 * Wan,
            [FactMetric.TotalAssets] = 4_000 * Wan, [FactMetric.RdExpense] = 100 * Wan, [FactMetric.TotalCosts] = 4_500 * Wan,
            [FactMetric.InventionPatents] = 0, [FactMetric.IntegratedCircuitLayouts] = 0,
            [FactMetric.SoftwareCopyrights] = 0, [FactMetric.UtilityModelPatents] = 0, [FactMetric.DesignPatents] = 0,
        };
        var service = await app.SignedInAsync("service");
        var hnte = await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Set<QualificationType>().Where(t => t.Code == "hnte").Select(t => t.Id).SingleAsync());
        async Task<CalculatorEntry> WithCertificateAsync(string issuedOn)
        {
            var id = await EnterpriseAsync(new DateOnly(2012, 1, 1), new() { [2023] = weak });
            var added = await service.PostAsJsonAsync($"{ProfileTestKit.Api}/{id}/qualifications", new { typeId = hnte, certificateNumber = "GR2022120" + id, issuedOn }, ZoneApp.Json);
            Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
            return Entry(await CalculatorAsync(await app.SignedInAsync("economy"), id, 2023), "tech-sme");
        }

        // 4 + 10 + 0 = 14 points, far below 60; the certificate (2022-06-01, three years) is valid through 2023.
        var valid = await WithCertificateAsync("2022-06-01");
        Assert.Equal(Verdict.Eligible, valid.Verdict);
        Assert.Contains(Flatten(valid.Explanation), c => c.Outcome == Outcome.Pass && c.Reference.Contains("第七条（一）"));
        // Issued 2019-06-01, it expired in May 2022.
        var expired = await WithCertificateAsync("2019-06-01");
        Assert.NotEqual(Verdict.Eligible, expired.Verdict);
    }

    static IEnumerable<CriterionExplanation> Flatten(CriterionExplanation e) => [e, .. e.Children.SelectMany(Flatten)];

    [Fact]
    public async Task PublishedVersion_IsImmutable_NewVersionPublishes_AndPushGoesOutOnce()
    {
        app.SkipIfUnavailable();
        var economy = await app.SignedInAsync("economy");
        var code = "t" + Guid.NewGuid().ToString("N")[..8];
        var created = await economy.PostAsJsonAsync(Api, new { code, title = "测试政策" + code, issuingBody = "管委会", budgetFen = 100 * Wan }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var policy = (await created.Content.ReadFromJsonAsync<PolicyDetail>(ZoneApp.Json))!;
        var draft = policy.Versions.Single();
        var criteria = new CriteriaDocument
        {
            Root = new GroupNode
            {
                Children =
                [
                    new CompareNode { Label = "职工不少于1,000人", Reference = "测试办法 第二条", Expression = new() { Metrics = [FactMetric.Employees] }, Value = 1_000 },
                    new MembershipNode { Label = "信创行业", Reference = "测试办法 第三条", Field = MembershipField.Industry, Values = ["39", "65"] },
                ],
            },
        };
        var item = new { code = "item-1", title = "测试条款" + code, criteria, benefit = new BenefitRule { Kind = BenefitKind.Fixed, AmountFen = 10 * Wan } };
        var added = await economy.PostAsJsonAsync($"{Api}/{policy.Id}/versions/{draft.Id}/items", item, CriteriaDocument.Json);
        Assert.True(added.StatusCode == HttpStatusCode.OK, await added.Content.ReadAsStringAsync());

        // Without a document number it cannot be published (and stays a draft).
        Assert.Equal(HttpStatusCode.BadRequest, (await economy.PostAsync($"{Api}/{policy.Id}/versions/{draft.Id}/publish?version={draft.Version}", null)).StatusCode);
        var meta = await economy.PutAsJsonAsync($"{Api}/{policy.Id}/versions/{draft.Id}",
            new { documentNumber = "测〔2026〕1号", publishedOn = "2024-01-01", effectiveFrom = "2024-01-01", version = draft.Version }, ZoneApp.Json);
        Assert.True(meta.StatusCode == HttpStatusCode.OK, await meta.Content.ReadAsStringAsync());
        var v = (await meta.Content.ReadFromJsonAsync<PolicyDetail>(ZoneApp.Json))!.Versions.Single();
        var published = await economy.PostAsync($"{Api}/{policy.Id}/versions/{v.Id}/publish?version={v.Version}", null);
        Assert.True(published.StatusCode == HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        var report = (await published.Content.ReadFromJsonAsync<EvaluationReport>(ZoneApp.Json))!;
        Assert.True(report.Eligible >= 2, report.ToString());

        // Immutable: changing the published item is refused.
        var itemId = (await economy.GetFromJsonAsync<PolicyDetail>($"{Api}/{policy.Id}", ZoneApp.Json))!.Versions.Single().Items.Single().Id;
        var edit = await economy.PutAsJsonAsync($"{Api}/{policy.Id}/versions/{v.Id}/items/{itemId}", item, CriteriaDocument.Json);
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);

        // 飞腾 (1,600 employees, industry 39) was told once; a full re-evaluation tells nobody again.
        async Task<int> PushesAsync() => await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Set<TechZone.Platform.Inbox.Notification>()
            .CountAsync(n => n.Title.Contains("测试条款" + code)));
        var once = await PushesAsync();
        Assert.True(once >= 1);
        Assert.Equal(HttpStatusCode.OK, (await economy.PostAsync($"{Api}/evaluate", null)).StatusCode);
        Assert.Equal(once, await PushesAsync());

        // A new version is a copy in draft; the published one is untouched.
        var next = await economy.PostAsync($"{Api}/{policy.Id}/versions", null);
        var detail = (await next.Content.ReadFromJsonAsync<PolicyDetail>(ZoneApp.Json))!;
        Assert.Equal([VersionState.Draft, VersionState.Published], detail.Versions.Select(x => x.State));
        Assert.Single(detail.Versions[0].Items);
        Assert.Equal(HttpStatusCode.Conflict, (await economy.PostAsync($"{Api}/{policy.Id}/versions", null)).StatusCode);
    }

    [Fact]
    public async Task Push_TellsOnlyEnterprisesWithPortalUsers_AndOneWithoutIsToldOnceItHasOne()
    {
        app.SkipIfUnavailable();
        // An item only this test's enterprise meets: 987,654 employees.
        var enterprise = await EnterpriseAsync(new DateOnly(2015, 1, 1), new() { [FiscalYear] = new() { [FactMetric.Employees] = 987_654 } });
        var economy = await app.SignedInAsync("economy");
        var code = "p" + Guid.NewGuid().ToString("N")[..8];
        var policy = (await (await economy.PostAsJsonAsync(Api, new { code, title = "推送测试" + code, issuingBody = "管委会" }, ZoneApp.Json))
            .Content.ReadFromJsonAsync<PolicyDetail>(ZoneApp.Json))!;
        var draft = policy.Versions.Single();
        var criteria = new CriteriaDocument
        {
            Root = new GroupNode
            {
                Children = [new CompareNode { Label = "职工不少于987,654人", Reference = "测试办法 第二条", Expression = new() { Metrics = [FactMetric.Employees] }, Value = 987_654 }],
            },
        };
        var added = await economy.PostAsJsonAsync($"{Api}/{policy.Id}/versions/{draft.Id}/items",
            new { code = "item-1", title = "推送条款" + code, criteria }, CriteriaDocument.Json);
        Assert.True(added.StatusCode == HttpStatusCode.OK, await added.Content.ReadAsStringAsync());
        var meta = await economy.PutAsJsonAsync($"{Api}/{policy.Id}/versions/{draft.Id}",
            new { documentNumber = "测〔2026〕2号", publishedOn = "2024-01-01", effectiveFrom = "2024-01-01", version = draft.Version }, ZoneApp.Json);
        var v = (await meta.Content.ReadFromJsonAsync<PolicyDetail>(ZoneApp.Json))!.Versions.Single();
        var published = await economy.PostAsync($"{Api}/{policy.Id}/versions/{v.Id}/publish?version={v.Version}", null);
        Assert.True(published.StatusCode == HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        Assert.Equal(1, (await published.Content.ReadFromJsonAsync<EvaluationReport>(ZoneApp.Json))!.Eligible);

        async Task<(int Pushes, int Notifications)> CountsAsync() => await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ZoneDb>();
            var item = db.Set<PolicyItem>().Where(i => i.Title == "推送条款" + code).Select(i => i.Id);
            return (await db.Set<PolicyPush>().CountAsync(p => p.EnterpriseId == enterprise && item.Contains(p.PolicyItemId)),
                await db.Set<TechZone.Platform.Inbox.Notification>().CountAsync(n => n.Title.Contains("推送条款" + code)));
        });
        // Eligible, but nobody to tell: no push is recorded as done.
        Assert.Equal((0, 0), await CountsAsync());

        // Its first portal user is told at the next evaluation, once.
        await app.CreateUserAsync("push" + code, TechZone.Platform.Identity.Roles.Enterprise, enterpriseId: enterprise);
        Assert.Equal(HttpStatusCode.OK, (await economy.PostAsync($"{Api}/evaluate", null)).StatusCode);
        Assert.Equal((1, 1), await CountsAsync());
        Assert.Equal(HttpStatusCode.OK, (await economy.PostAsync($"{Api}/evaluate", null)).StatusCode);
        Assert.Equal((1, 1), await CountsAsync());
    }

    [Fact]
    public async Task Writes_NeedThePoliciesWriteGrant_AndBadCriteriaAreRefusedInTheCallersLanguage()
    {
        app.SkipIfUnavailable();
        var body = new { code = "x" + Guid.NewGuid().ToString("N")[..6], title = "无权", issuingBody = "管委会" };
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync("service")).PostAsJsonAsync(Api, body, ZoneApp.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync("feiteng")).PostAsJsonAsync(Api, body, ZoneApp.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync("service")).PostAsync($"{Api}/evaluate", null)).StatusCode);

        var economy = await app.SignedInAsync("economy");
        var policy = (await (await economy.PostAsJsonAsync(Api, body, ZoneApp.Json)).Content.ReadFromJsonAsync<PolicyDetail>(ZoneApp.Json))!;
        var noReference = new CriteriaDocument { Root = new GroupNode { Children = [new CompareNode { Label = "营收", Expression = new(), Value = 1 }] } };
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Api}/{policy.Id}/versions/{policy.Versions[0].Id}/items")
        {
            Content = JsonContent.Create(new { code = "a", title = "条款", criteria = noReference }, options: CriteriaDocument.Json),
        };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var response = await economy.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("legal reference", await ProfileTestKit.DetailAsync(response));
        var after = await economy.GetFromJsonAsync<PolicyDetail>($"{Api}/{policy.Id}", ZoneApp.Json);
        Assert.Empty(after!.Versions[0].Items);
    }

    [Fact]
    public async Task ChangedFacts_MarkTheEnterpriseStale_AndTheRefreshUpdatesItsVerdicts()
    {
        app.SkipIfUnavailable();
        var id = await EnterpriseAsync(new DateOnly(2015, 3, 1), HighTechYears(3_000 * Wan, 0.06, sciTech: 9), parkId: null);
        Assert.True(await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Set<PolicyStaleEnterprise>().AnyAsync(s => s.EnterpriseId == id)));
        var admin = await app.SignedInAsync("admin");
        await admin.PutAsJsonAsync($"/api/v1/enterprises/{id}/facts", new { fiscalYear = FiscalYear, figures = new[] { new { metric = FactMetric.SciTechPersonnel, value = 40L } } }, ZoneApp.Json);
        await app.WithScopeAsync(sp => sp.GetRequiredService<PolicyEngineService>().RefreshStaleAsync());
        var verdicts = await (await app.SignedInAsync("economy")).GetFromJsonAsync<List<VerdictRow>>($"{Api}/enterprises/{id}/verdicts", ZoneApp.Json);
        var hnteItem = await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Set<PolicyItem>().Where(i => i.Code == "hnte-recognition").Select(i => i.Id).SingleAsync());
        Assert.Contains(verdicts!, v => v.Verdict is Verdict.Eligible or Verdict.NearMiss);
        Assert.False(await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Set<PolicyStaleEnterprise>().AnyAsync(s => s.EnterpriseId == id)));
        Assert.True(hnteItem > 0);
    }

    [Fact]
    public async Task ItemList_ExportsAsXlsx_AndTheExportIsAudited()
    {
        app.SkipIfUnavailable();
        var economy = await app.SignedInAsync("economy");
        var standings = await economy.GetFromJsonAsync<List<ItemStanding>>($"{Api}/standings", ZoneApp.Json);
        var item = standings!.First(s => s.Eligible > 0);
        var list = await economy.GetFromJsonAsync<PagedResult<VerdictRow>>($"{Api}/items/{item.ItemId}/verdicts?verdict=Eligible", ZoneApp.Json);
        Assert.Equal(item.Eligible, list!.Total);
        var file = await economy.GetAsync($"{Api}/items/{item.ItemId}/verdicts/export?verdict=Eligible");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        var bytes = await file.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);
        Assert.True(await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().AuditEntries
            .AnyAsync(a => a.EntityType == "Export" && a.Changes.Contains("policy verdicts") && a.UserName == "economy")));
    }
}

public sealed record PagedResult<T>(List<T> Items, int Total, int Page, int PageSize);

[Collection("sqlite")]
public sealed class PolicyTests_Sqlite(SqliteApp app) : PolicyTests(app);

[Collection("postgres")]
public sealed class PolicyTests_Postgres(PostgresApp app) : PolicyTests(app);
