using System.Numerics;
using TechZone.Enterprises;
using TechZone.SupportPolicies;
using TechZone.SupportPolicies.Engine;

namespace TechZone.Tests.Policies.Engine;

/// <summary>
/// The engine's full evaluation (blocks spread over the cores, benefits computed a block at a time) against its
/// explanation of one row at a time, on random data with every kind of criterion and benefit: the same verdict and the
/// same benefit for every row, benefits in row order one per eligible row, and the same results run after run.
/// </summary>
public sealed class PolicyEvaluatorTests
{
    const int Year = 2025;
    static readonly FactMetric[] Metrics = Enum.GetValues<FactMetric>();
    static readonly string[] Parks = ["huayuan", "bolonghu", "haiyang"];

    /// <summary>5,000 enterprises: two full blocks and a part block. 10% of figures unknown, some enterprises with no park, industry or size.</summary>
    static FactMatrix RandomMatrix(Random random, int count = 5_000)
    {
        var traits = new List<EnterpriseTraits>();
        var facts = new List<EnterpriseFactRow>();
        var held = new List<QualificationHeld>();
        for (var id = 1; id <= count; id++)
        {
            traits.Add(new EnterpriseTraits(id, "E" + id, "", random.Next(5) == 0 ? null : Parks[random.Next(3)],
                random.Next(8) == 0 ? null : random.Next(60, 70).ToString(), random.Next(8) == 0 ? null : (SizeClass)random.Next(4),
                random.Next(10) == 0 ? null : new DateOnly(random.Next(2015, 2025), 1 + random.Next(12), 1 + random.Next(28)), EnterpriseStatus.Operating));
            var scale = Math.Exp(random.NextDouble() * 6);
            for (var year = Year - 4; year <= Year; year++)
                foreach (var m in Metrics)
                {
                    if (random.Next(10) == 0) continue;
                    // Small odd numbers now and then, so that a 50% benefit lands on half a fen and must round half to even.
                    var value = random.Next(6) == 0 ? 2 * random.Next(0, 20) + 1 : (long)(scale * random.Next(1, 1_000) * (m <= FactMetric.TaxPaid ? 10_000 : 1));
                    facts.Add(new EnterpriseFactRow(id, year, m, value, random.Next(3) > 0));
                }
            if (random.Next(3) == 0)
                held.Add(new QualificationHeld(id, "hnte", new DateOnly(random.Next(2020, 2026), 6, 1), random.Next(2) == 0 ? null : new DateOnly(2025, 6, 30)));
        }
        return FactMatrix.Build(traits, facts, held, Year - 9, Year);
    }

    static FactExpression RandomExpression(Random random)
    {
        var e = new FactExpression { Metrics = [Metrics[random.Next(Metrics.Length)]] };
        if (random.Next(4) == 0) e.Metrics.Add(Metrics[random.Next(Metrics.Length)]);
        if (random.Next(3) == 0) e.Per = [Metrics[random.Next(Metrics.Length)]];
        if (random.Next(3) == 0) { e.Years = random.Next(2, 4); e.Aggregate = (YearAggregate)random.Next(4); }
        if (random.Next(4) == 0) e.YearOffset = -1;
        return e;
    }

    static double RandomThreshold(Random random, FactExpression e) =>
        e.IsRatio ? random.NextDouble() * 2 : Math.Exp(random.NextDouble() * 6) * random.Next(1, 1_000) * (e.Metrics[0] <= FactMetric.TaxPaid ? 10_000 : 1);

    static CriterionNode RandomNode(Random random, int depth)
    {
        var kind = depth >= 2 ? random.Next(5) : random.Next(8);
        switch (kind)
        {
            case 0 or 1:
            {
                var e = RandomExpression(random);
                var op = (CompareOperator)random.Next(6);
                var value = RandomThreshold(random, e);
                return new CompareNode { Expression = e, Operator = op, Value = value, Upper = op == CompareOperator.Between ? value * (1 + random.NextDouble() * 3) : null };
            }
            case 2:
                return new QualificationNode { TypeCode = random.Next(4) == 0 ? "none" : "hnte", YearOffset = -random.Next(2) };
            case 3:
                return random.Next(3) switch
                {
                    0 => new MembershipNode { Field = MembershipField.Park, Values = [Parks[random.Next(3)], "elsewhere"] },
                    1 => new MembershipNode { Field = MembershipField.Industry, Values = [random.Next(60, 70).ToString(), random.Next(60, 70).ToString()] },
                    _ => new MembershipNode { Field = MembershipField.SizeClass, Values = [((SizeClass)random.Next(4)).ToString()] },
                };
            case 4:
                return new RegisteredNode { MinYears = random.Next(0, 8) };
            case 5:
                return new NotNode { Child = RandomNode(random, depth + 1) };
            case 6:
                return new ScoreNode
                {
                    Threshold = random.Next(10, 60),
                    Indicators = Enumerable.Range(0, random.Next(1, 4)).Select(_ => new ScoreIndicator
                    {
                        MustScore = random.Next(3) == 0,
                        Alternatives = Enumerable.Range(0, random.Next(1, 3)).Select(_ =>
                        {
                            var e = RandomExpression(random);
                            return new ScoreAlternative
                            {
                                Expression = e,
                                Bands = Enumerable.Range(0, random.Next(1, 4)).Select(_ => new ScoreBand { Min = RandomThreshold(random, e), Points = random.Next(5, 40) }).ToList(),
                            };
                        }).ToList(),
                    }).ToList(),
                };
            default:
                return new GroupNode
                {
                    Operator = random.Next(2) == 0 ? GroupOperator.All : GroupOperator.Any,
                    Children = Enumerable.Range(0, random.Next(0, 4)).Select(_ => RandomNode(random, depth + 1)).ToList(),
                };
        }
    }

    static BenefitRule? RandomBenefit(Random random)
    {
        var cap = random.Next(2) == 0 ? (long?)random.Next(1, 1_000_000) : null;
        return random.Next(7) switch
        {
            0 => null,
            1 => new BenefitRule { Kind = BenefitKind.Fixed, AmountFen = random.Next(1, 10_000_000), CapFen = cap },
            2 => new BenefitRule { Kind = BenefitKind.Percentage, Rate = 0.5, Basis = new FactExpression { Metrics = [Metrics[random.Next(Metrics.Length)]] } },
            3 => new BenefitRule { Kind = BenefitKind.Percentage, Rate = random.NextDouble() * 0.2, Basis = RandomExpression(random), CapFen = cap },
            4 => new BenefitRule { Kind = BenefitKind.PerHead, AmountFen = random.Next(1, 100_000), Basis = new FactExpression { Metrics = [FactMetric.Employees] }, CapFen = cap },
            5 => new BenefitRule
            {
                Kind = BenefitKind.Tiered, Basis = RandomExpression(random), CapFen = cap,
                Tiers = Enumerable.Range(0, random.Next(0, 4)).Select(_ => new BenefitTier { Min = random.Next(3) == 0 ? 0 : Math.Exp(random.NextDouble() * 10), AmountFen = random.Next(1, 5_000_000) }).ToList(),
            },
            _ => new BenefitRule { Kind = BenefitKind.PerHead, AmountFen = 100 }, // no basis: unknown benefit
        };
    }

    static List<EngineItem> RandomItems(Random random, int count) =>
        Enumerable.Range(1, count).Select(k => new EngineItem(k, new CriteriaDocument
        {
            // Mostly a root AND of several criteria (the near-miss case), now and then any other root.
            Root = random.Next(5) == 0 ? RandomNode(random, 0)
                : new GroupNode { Children = Enumerable.Range(0, random.Next(2, 6)).Select(_ => RandomNode(random, 1)).ToList() },
        }, RandomBenefit(random), random.Next(4) == 0, Year - random.Next(2))).ToList();

    [Fact]
    public void EvaluateAll_AgreesWithExplain_OnEveryRow_VerdictAndBenefit()
    {
        var random = new Random(5);
        var matrix = RandomMatrix(random);
        var items = RandomItems(random, 60);
        var results = PolicyEvaluator.EvaluateAll(matrix, items);

        var seen = new Dictionary<Verdict, int>();
        for (var k = 0; k < items.Count; k++)
        {
            var r = results[k];
            var eligible = r.Eligible.Sum(w => BitOperations.PopCount(w));
            Assert.Equal(items[k].Benefit is null ? 0 : eligible, r.BenefitFen.Length);
            var next = 0;
            for (var row = 0; row < matrix.Count; row++)
            {
                var x = PolicyEvaluator.Explain(matrix, items[k], row);
                var verdict = r.VerdictOf(row);
                Assert.True(x.Verdict == verdict, $"item {k + 1}, row {row}: explained {x.Verdict}, evaluated {verdict}");
                seen[verdict] = seen.GetValueOrDefault(verdict) + 1;
                if (verdict != Verdict.Eligible || items[k].Benefit is null) continue;
                var benefit = r.BenefitFen[next++];
                Assert.True((x.BenefitFen ?? -1) == benefit, $"item {k + 1}, row {row}: explained {x.BenefitFen}, evaluated {benefit}");
            }
        }
        // The data exercises every verdict, so agreement means something.
        Assert.All(Enum.GetValues<Verdict>(), v => Assert.True(seen.GetValueOrDefault(v) > 100, $"{v}: {seen.GetValueOrDefault(v)}"));
    }

    [Fact]
    public void EvaluateAll_GivesTheSameResults_RunAfterRun()
    {
        var random = new Random(6);
        var matrix = RandomMatrix(random);
        var items = RandomItems(random, 40);
        var first = PolicyEvaluator.EvaluateAll(matrix, items);
        for (var run = 0; run < 3; run++)
        {
            var again = PolicyEvaluator.EvaluateAll(matrix, items);
            for (var k = 0; k < items.Count; k++)
            {
                Assert.Equal(first[k].Eligible, again[k].Eligible);
                Assert.Equal(first[k].Ineligible, again[k].Ineligible);
                Assert.Equal(first[k].NearMiss, again[k].NearMiss);
                Assert.Equal(first[k].BenefitFen, again[k].BenefitFen);
            }
        }
    }

    [Fact]
    public void Benefits_RoundHalfToEven_AreCapped_AndUnknownBasisIsMinusOne()
    {
        // Revenue 1, 3, 5, 7 fen, one unknown, then 1,001: at 50% that is 0.5, 1.5, 2.5, 3.5, unknown, 500.5 (capped at 400).
        long?[] revenue = [1, 3, 5, 7, null, 1_001];
        var traits = revenue.Select((_, i) => new EnterpriseTraits(i + 1, "E", "", null, null, null, null, EnterpriseStatus.Operating)).ToList();
        var facts = revenue.Select((v, i) => (v, i)).Where(p => p.v is not null)
            .Select(p => new EnterpriseFactRow(p.i + 1, Year, FactMetric.Revenue, p.v!.Value, true)).ToList();
        var matrix = FactMatrix.Build(traits, facts, [], Year - 9, Year);
        var item = new EngineItem(1, new CriteriaDocument(), // an empty AND: everyone is eligible
            new BenefitRule { Kind = BenefitKind.Percentage, Rate = 0.5, Basis = new FactExpression { Metrics = [FactMetric.Revenue] }, CapFen = 400 }, false, Year);

        var result = PolicyEvaluator.EvaluateAll(matrix, [item])[0];

        Assert.Equal([0L, 2, 2, 4, -1, 400], result.BenefitFen);
        Assert.Equal([0L, 2, 2, 4, -1, 400], Enumerable.Range(0, revenue.Length).Select(row => PolicyEvaluator.Explain(matrix, item, row).BenefitFen ?? -1));
    }
}
