using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Audit;
using TechZone.Platform.Seeding;

namespace TechZone.Enterprises;

/// <summary>
/// Facts for 2023–2025 and qualifications for the demo enterprises: 2023 imported from the zone's statistics file
/// (mostly verified since), 2024 mostly verified, 2025 declared and not yet checked; some figures unknown. High-tech
/// recognitions spread over the last six years, so some are valid, some expiring, some expired (a few renewed).
/// Deterministic (a seeded Random) and written as one audited batch per table, so seeding stays fast.
/// </summary>
sealed class EnterpriseFactsDemoData : IDemoData
{
    public int Order => 11;

    public IReadOnlyList<DemoAccount> Accounts => [];

    public const string StatisticsFile = "2023年度滨海高新区企业统计数据.xlsx";

    const long Wan = 1_000_000; // 1 万元 in fen

    // The named enterprises' 2025 scale: revenue (万元), employees, R&D share of revenue, S&T share of staff, and IP held
    // (invention, utility model, design, software copyright, IC layout, trademark); -1 = not reported (unknown).
    static readonly Dictionary<string, (long RevenueWan, int Employees, double Rd, double SciTech, int[] Ip, string? User)> Named = new()
    {
        ["飞腾信息技术有限公司"] = (300_000, 1_600, 0.25, 0.72, [460, 60, 5, 120, 85, 40], "feiteng"),
        ["麒麟软件有限公司"] = (150_000, 3_500, 0.30, 0.78, [310, 20, 10, 950, 0, 150], "kylin"),
        ["紫光云技术有限公司"] = (80_000, 1_200, 0.15, 0.61, [205, 40, 12, 620, 0, 90], null),
        ["天津中环半导体股份有限公司"] = (3_000_000, 14_000, 0.06, 0.18, [610, 930, 20, 30, 12, 120], null),
        ["曙光信息产业股份有限公司"] = (1_400_000, 3_900, 0.10, 0.46, [1_230, 510, 80, 1_500, -1, 300], null),
        ["三六零数字安全科技集团有限公司"] = (200_000, 1_500, 0.20, 0.60, [150, 10, 5, 410, 0, 200], null),
        ["中国长城科技集团股份有限公司天津分公司"] = (50_000, 300, 0.05, 0.30, [12, 30, 4, 15, -1, -1], null),
        ["华为技术有限公司天津鲲鹏生态创新中心"] = (-1, 85, 0, 0.70, [-1, -1, -1, -1, -1, -1], null),
        ["云账户（天津）共享经济信息咨询有限公司"] = (600_000, 2_000, 0.03, 0.35, [40, 5, 2, 260, 0, 180], null),
        ["易生支付有限公司"] = (60_000, 600, 0.08, 0.40, [25, 8, 0, 90, 0, 35], null),
        ["天津先进技术研究院"] = (15_000, 400, 0.35, 0.80, [120, 80, 6, 60, 3, 10], null),
    };

    // (type code, years before this year it was issued, month, day); a type's usual validity gives the expiry. The annual
    // ones (瞪羚, 独角兽) were announced in the last twelve months, so they are valid whenever the demo is seeded.
    static readonly Dictionary<string, (string Type, int YearsAgo, int Month, int Day)[]> NamedQualifications = new()
    {
        ["飞腾信息技术有限公司"] = [("hnte", 6, 11, 30), ("hnte", 3, 12, 8), ("little-giant", 2, 7, 15)],
        ["麒麟软件有限公司"] = [("hnte", 4, 11, 20), ("hnte", 1, 11, 20), ("srdi", 2, 5, 10)],
        ["紫光云技术有限公司"] = [("hnte", 2, 12, 1), ("gazelle", 0, 9, 1)],
        ["天津中环半导体股份有限公司"] = [("hnte", 2, 11, 15), ("little-giant", 3, 8, 1)],
        ["曙光信息产业股份有限公司"] = [("hnte", 1, 12, 5)],
        ["三六零数字安全科技集团有限公司"] = [("hnte", 2, 12, 10), ("atse", 1, 6, 30)],
        ["云账户（天津）共享经济信息咨询有限公司"] = [("hnte", 2, 12, 1), ("unicorn", 0, 3, 15)],
        ["易生支付有限公司"] = [("hnte", 3, 11, 1)],
        ["天津先进技术研究院"] = [("hnte", 1, 12, 1)],
    };

    // Industries whose enterprises commonly hold 高新技术企业 (electronics, software, internet, pharma, materials, equipment, R&D ...).
    static readonly HashSet<string> TechIndustries = ["39", "65", "64", "27", "26", "35", "34", "40", "38", "73", "74", "75"];

    public async Task SeedAsync(ZoneDb db, IServiceProvider services, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now.AddHours(8));
        var types = await db.Set<QualificationType>().ToDictionaryAsync(t => t.Code, ct);
        var enterprises = await db.Enterprises.AsNoTracking().OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.Name, e.Status, e.SizeClass, e.IndustryCode, e.CreditCode }).ToListAsync(ct);

        var facts = new List<EnterpriseFact>();
        var qualifications = new List<EnterpriseQualification>();
        var random = new Random(2025);
        foreach (var e in enterprises)
        {
            if (Named.TryGetValue(e.Name, out var n))
            {
                AddYears(facts, e.Id, DemoYears, n.RevenueWan, n.Employees, n.Rd, n.SciTech, n.Ip, n.User, new Random(e.Id * 31), now, named: true);
                foreach (var (code, ago, month, day) in NamedQualifications.GetValueOrDefault(e.Name) ?? [])
                {
                    // A date later this year has not come yet: then it was the year before.
                    var issued = new DateOnly(today.Year - ago, month, day);
                    Qualify(qualifications, types, e.Id, code, issued > today ? issued.AddYears(-1) : issued, null, random);
                }
                continue;
            }
            Generated(e.Id, e.Status, e.SizeClass, e.IndustryCode, DemoYears, types, random, now, today, facts, qualifications);
        }

        // One batch entry per save: the chain links the entries of a save one after another.
        db.AuditRows = false;
        db.AddRange(facts);
        AuditTrail.Batch(db, "enterprises_facts", new { source = "demo data", facts = facts.Count, years = "2023-2025" });
        await db.SaveChangesAsync(ct);
        db.AddRange(qualifications);
        AuditTrail.Batch(db, "enterprises_qualifications", new { source = "demo data", qualifications = qualifications.Count });
        await db.SaveChangesAsync(ct);
        db.AuditRows = true;
    }

    /// <summary>The fiscal years the demo's enterprises report (the scaled zone's report five).</summary>
    const int DemoYears = 3;

    /// <summary>
    /// The facts and qualifications of one generated enterprise, the demo's few hundred and the scaled zone's many
    /// alike: a size-class scale, the R&amp;D and S&amp;T shares of its industry, some figures unknown; 高新技术企业 for
    /// close to half of the technology ones (some expired, some renewed), 科技型中小企业, 专精特新, 瞪羚, 雏鹰 for fewer.
    /// Facts for <paramref name="years"/> fiscal years ending in 2025.
    /// </summary>
    internal static void Generated(int id, EnterpriseStatus status, SizeClass? size, string? industryCode, int years,
        IReadOnlyDictionary<string, QualificationType> types, Random random, DateTime now, DateOnly today,
        List<EnterpriseFact> facts, List<EnterpriseQualification> qualifications)
    {
        // Prospects have not reported yet, and one in six others has not either.
        if (status == EnterpriseStatus.Prospect || random.Next(6) == 0) return;
        var revenueWan = size switch
        {
            SizeClass.Large => random.Next(50_000, 500_000),
            SizeClass.Medium => random.Next(5_000, 50_000),
            SizeClass.Micro => random.Next(50, 500),
            _ => random.Next(500, 5_000),
        };
        var tech = industryCode is { } industry && TechIndustries.Contains(industry);
        var employees = Math.Max(3, (int)(revenueWan / random.Next(40, 120)));
        int[] ip = [random.Next(0, 40), random.Next(0, 60), random.Next(0, 10), random.Next(0, 80), industryCode == "39" ? random.Next(0, 10) : -1, random.Next(0, 30)];
        AddYears(facts, id, years, revenueWan, employees, tech ? 0.03 + random.NextDouble() * 0.12 : random.NextDouble() * 0.03,
            tech ? 0.1 + random.NextDouble() * 0.5 : random.NextDouble() * 0.15, ip, null, random, now, named: false);

        if (tech && random.Next(100) < 45)
        {
            // Certificates come in the year's last months; three years later they lapse unless renewed.
            var issued = new DateOnly(today.Year - random.Next(0, 6), random.Next(10, 13), random.Next(1, 29));
            if (issued > today) issued = issued.AddYears(-1);
            Qualify(qualifications, types, id, "hnte", issued, null, random);
            if (issued.AddYears(3) <= today && random.Next(100) < 60)
                Qualify(qualifications, types, id, "hnte", issued.AddYears(3), null, random);
        }
        if (size is not SizeClass.Large && random.Next(100) < 30)
        {
            // 科技型中小企业 is evaluated every year and holds until the year's end.
            var year = today.Year - random.Next(0, 3);
            var issued = new DateOnly(year, random.Next(4, 9), random.Next(1, 29));
            if (issued <= today) Qualify(qualifications, types, id, "tech-sme", issued, new DateOnly(year, 12, 31), random);
        }
        if (tech && random.Next(100) < 10) Qualify(qualifications, types, id, "srdi", new DateOnly(today.Year - random.Next(1, 4), 6, random.Next(1, 29)), null, random);
        if (tech && random.Next(100) < 5) Qualify(qualifications, types, id, "gazelle", new DateOnly(today.Year - 1, 9, random.Next(1, 29)), null, random);
        if (random.Next(100) < 4) Qualify(qualifications, types, id, "eaglet", new DateOnly(today.Year - random.Next(1, 3), 9, random.Next(1, 29)), null, random);
    }

    /// <summary>
    /// The years ending in 2025 at the given scale, a little smaller each year back: 2023 and before imported from the
    /// statistics file (mostly verified since), 2024 mostly verified, 2025 declared (by the portal user when there is one).
    /// </summary>
    static void AddYears(List<EnterpriseFact> facts, int enterpriseId, int years, long revenueWan, int employees, double rd, double sciTech, int[] ip,
        string? user, Random random, DateTime now, bool named)
    {
        var scale = 1.0;
        for (var year = 2025; year > 2025 - years; year--)
        {
            var recorded = Min(new DateTime(year + 1, 4, random.Next(1, 29), random.Next(1, 9), random.Next(60), 0, DateTimeKind.Utc), now);
            var verified = Min(new DateTime(year + 1, 6, random.Next(1, 29), random.Next(1, 9), random.Next(60), 0, DateTimeKind.Utc), now);
            var (source, note, by) = year switch
            {
                <= 2023 => (FactSource.Imported, StatisticsFile, "service"),
                _ => (FactSource.Declared, (string?)null, user ?? "service.staff"),
            };
            var verify = year switch { <= 2023 => random.Next(10) < 8, 2024 => named || random.Next(10) < 6, _ => false };
            // Unknown stays unknown: a generated enterprise leaves one figure in ten out.
            bool Known() => named || random.Next(10) != 0;

            void Add(FactMetric metric, long value)
            {
                // Statements quote amounts in 万元 to two decimals (100 yuan).
                if (FactMetrics.IsMoney(metric)) value = value / 10_000 * 10_000;
                var fact = new EnterpriseFact { EnterpriseId = enterpriseId, FiscalYear = year, Metric = metric };
                fact.Record(value, source, note, by, recorded);
                if (verify) fact.Verify("service", verified);
                facts.Add(fact);
            }

            var revenue = revenueWan < 0 ? (long?)null : (long)(revenueWan * scale * Wan);
            if (revenue is { } r)
            {
                if (Known()) Add(FactMetric.Revenue, r);
                if (Known()) Add(FactMetric.TotalCosts, (long)(r * (0.80 + random.NextDouble() * 0.15)));
                if (Known()) Add(FactMetric.TotalAssets, (long)(r * (1.0 + random.NextDouble())));
                // 2025 tax records come from the tax bureau later in the year: not declared yet.
                if (year < 2025 && Known()) Add(FactMetric.TaxPaid, (long)(r * (0.03 + random.NextDouble() * 0.05)));
                var rdExpense = (long)(r * rd);
                if (rd > 0 && Known())
                {
                    Add(FactMetric.RdExpense, rdExpense);
                    Add(FactMetric.RdExpenseInChina, (long)(rdExpense * (0.9 + random.NextDouble() * 0.1)));
                }
                if (rd > 0.03 && Known()) Add(FactMetric.HighTechRevenue, (long)(r * (0.6 + random.NextDouble() * 0.35)));
            }
            var staff = Math.Max(1, (int)(employees * scale));
            if (Known())
            {
                Add(FactMetric.Employees, staff);
                Add(FactMetric.SciTechPersonnel, (int)(staff * sciTech));
            }
            FactMetric[] ipMetrics = [FactMetric.InventionPatents, FactMetric.UtilityModelPatents, FactMetric.DesignPatents,
                FactMetric.SoftwareCopyrights, FactMetric.IntegratedCircuitLayouts, FactMetric.Trademarks];
            for (var i = 0; i < ipMetrics.Length; i++)
                if (ip[i] >= 0 && Known()) Add(ipMetrics[i], (long)Math.Round(ip[i] * scale));

            scale *= 0.82 + random.NextDouble() * 0.15;
        }
    }

    static void Qualify(List<EnterpriseQualification> list, IReadOnlyDictionary<string, QualificationType> types, int enterpriseId, string code,
        DateOnly issued, DateOnly? expires, Random random)
    {
        if (!types.TryGetValue(code, out var type)) return;
        list.Add(new EnterpriseQualification
        {
            EnterpriseId = enterpriseId,
            QualificationTypeId = type.Id,
            IssuedOn = issued,
            ExpiresOn = expires ?? QualificationService.DefaultExpiry(issued, type.ValidityYears),
            CertificateNumber = code switch
            {
                "hnte" => $"GR{issued.Year}12{random.Next(0, 1_000_000):D6}",
                "tech-sme" => $"{issued.Year}12011600{random.Next(0, 10_000):D4}",
                _ => "",
            },
        });
    }

    static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
