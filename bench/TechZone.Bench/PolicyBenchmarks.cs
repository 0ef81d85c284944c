using BenchmarkDotNet.Attributes;
using RulesEngine.Models;
using TechZone.Enterprises;
using TechZone.SupportPolicies;
using TechZone.SupportPolicies.Engine;

namespace TechZone.Bench;

/// <summary>
/// The zone the benchmark evaluates: 100,000 generated enterprises with 15 metrics over three fiscal years (3% of
/// figures unknown), and 300 random AND-rules with 1,659 criteria in all, each a comparison on one fact. Deterministic.
/// </summary>
public static class BenchData
{
    public const int Enterprises = 100_000, Rules = 300, Criteria = 1_659, Year = 2025;
    static readonly FactMetric[] Metrics = Enum.GetValues<FactMetric>();

    public static (FactMatrix Matrix, List<EngineItem> Items, List<double?[]> Rows) Build()
    {
        var random = new Random(20261201);
        var traits = new List<EnterpriseTraits>(Enterprises);
        var facts = new List<EnterpriseFactRow>(Enterprises * Metrics.Length * 3);
        var rows = new List<double?[]>(Enterprises);
        string[] parks = ["huayuan", "bolonghu", "haiyang"];
        for (var id = 1; id <= Enterprises; id++)
        {
            traits.Add(new EnterpriseTraits(id, "E" + id, "", parks[random.Next(3)], random.Next(10, 80).ToString(), (SizeClass)random.Next(4),
                new DateOnly(random.Next(1990, 2024), 1 + random.Next(12), 1 + random.Next(28)), EnterpriseStatus.Operating));
            var scale = Math.Exp(random.NextDouble() * 8); // revenue from ~1万 to ~30亿 (log-uniform)
            var current = new double?[Metrics.Length];
            for (var year = Year - 2; year <= Year; year++)
                foreach (var m in Metrics)
                {
                    if (random.Next(100) < 3) continue; // unknown, never zero
                    var value = (long)(m switch
                    {
                        FactMetric.Employees or FactMetric.SciTechPersonnel => 3 + scale * random.Next(1, 20),
                        FactMetric.InventionPatents or FactMetric.UtilityModelPatents or FactMetric.DesignPatents or FactMetric.SoftwareCopyrights
                            or FactMetric.IntegratedCircuitLayouts or FactMetric.Trademarks => random.Next(0, 60),
                        _ => scale * 1_000_000 * (1 + random.NextDouble() * 9),
                    });
                    facts.Add(new EnterpriseFactRow(id, year, m, value, random.Next(10) < 7));
                    if (year == Year) current[(int)m] = value;
                }
            rows.Add(current);
        }
        var matrix = FactMatrix.Build(traits, facts, [], Year - 9, Year);

        // Criteria per rule: 5 or 6 (1,659 in all), thresholds at a random quantile so that rules match some enterprises.
        var counts = Enumerable.Repeat(Criteria / Rules, Rules).ToArray();
        for (var extra = Criteria - counts.Sum(); extra > 0; extra--) counts[random.Next(Rules)]++;
        var sorted = Metrics.Select(m => rows.Where(r => r[(int)m] is not null).Select(r => r[(int)m]!.Value).Order().ToArray()).ToArray();
        var items = new List<EngineItem>(Rules);
        for (var k = 0; k < Rules; k++)
        {
            var root = new GroupNode();
            for (var c = 0; c < counts[k]; c++)
            {
                var m = Metrics[random.Next(Metrics.Length)];
                var op = (CompareOperator)random.Next(4); // ≥ > ≤ <
                var q = op is CompareOperator.AtLeast or CompareOperator.GreaterThan ? random.NextDouble() * 0.3 : 0.7 + random.NextDouble() * 0.3;
                var values = sorted[(int)m];
                root.Children.Add(new CompareNode
                {
                    Label = $"c{c}", Reference = $"bench rule {k} clause {c}", Expression = new FactExpression { Metrics = [m] }, Operator = op,
                    Value = values[(int)(q * (values.Length - 1))],
                });
            }
            var benefit = new BenefitRule { Kind = BenefitKind.Percentage, Rate = 0.05, Basis = new FactExpression { Metrics = [FactMetric.RdExpense] }, CapFen = 5_000_000_00 };
            items.Add(new EngineItem(k + 1, new CriteriaDocument { Root = root }, benefit, false, Year));
        }
        return (matrix, items, rows);
    }

    /// <summary>The same rules as RulesEngine workflows: a criterion holds only on a known value, as the engine's "eligible" does.</summary>
    public static RulesEngine.RulesEngine RulesEngineFor(IReadOnlyList<EngineItem> items)
    {
        var workflows = items.Select(i => new Workflow
        {
            WorkflowName = "item" + i.ItemId,
            Rules = [new Rule
            {
                RuleName = "r" + i.ItemId, RuleExpressionType = RuleExpressionType.LambdaExpression,
                Expression = string.Join(" && ", ((GroupNode)i.Criteria.Root).Children.Cast<CompareNode>().Select(c =>
                {
                    var field = $"input1.{c.Expression.Metrics[0]}";
                    var op = c.Operator switch { CompareOperator.AtLeast => ">=", CompareOperator.GreaterThan => ">", CompareOperator.AtMost => "<=", _ => "<" };
                    return $"({field} != null && {field}.Value {op} {c.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)})";
                })),
            }],
        }).ToArray();
        return new RulesEngine.RulesEngine(workflows, new ReSettings());
    }

    public static Input ToInput(double?[] r) => new()
    {
        Revenue = r[0], TotalCosts = r[1], TotalAssets = r[2], TaxPaid = r[3], Employees = r[4], SciTechPersonnel = r[5], RdExpense = r[6],
        RdExpenseInChina = r[7], HighTechRevenue = r[8], InventionPatents = r[9], UtilityModelPatents = r[10], DesignPatents = r[11],
        SoftwareCopyrights = r[12], IntegratedCircuitLayouts = r[13], Trademarks = r[14],
    };

    /// <summary>One enterprise's figures of the fiscal year, as RulesEngine reads them.</summary>
    public sealed class Input
    {
        public double? Revenue { get; set; }
        public double? TotalCosts { get; set; }
        public double? TotalAssets { get; set; }
        public double? TaxPaid { get; set; }
        public double? Employees { get; set; }
        public double? SciTechPersonnel { get; set; }
        public double? RdExpense { get; set; }
        public double? RdExpenseInChina { get; set; }
        public double? HighTechRevenue { get; set; }
        public double? InventionPatents { get; set; }
        public double? UtilityModelPatents { get; set; }
        public double? DesignPatents { get; set; }
        public double? SoftwareCopyrights { get; set; }
        public double? IntegratedCircuitLayouts { get; set; }
        public double? Trademarks { get; set; }
    }
}

/// <summary>TechZone's engine: full evaluation, one enterprise with explanations, re-scoring after one item is published.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class EngineBenchmarks
{
    FactMatrix matrix = default!;
    List<EngineItem> items = default!;
    PolicyLabels.LabelContext labels = default!;
    int row;

    [GlobalSetup]
    public void Setup()
    {
        (matrix, items, _) = BenchData.Build();
        labels = new PolicyLabels.LabelContext(new Dictionary<string, string>(), new Dictionary<string, string>(), new Dictionary<string, string>());
        row = BenchData.Enterprises / 2;
    }

    [Benchmark(Description = "Full: 300 items x 100,000 enterprises")]
    public ItemResult[] Full() => PolicyEvaluator.EvaluateAll(matrix, items);

    [Benchmark(Description = "One enterprise x 300 items, explained in words")]
    public int OneEnterpriseExplained()
    {
        var n = 0;
        foreach (var item in items)
        {
            var x = PolicyEvaluator.Explain(matrix, item, row);
            n += PolicyLabels.Explain(x.Root, labels).Children.Count;
        }
        return n;
    }

    /// <summary>The engine's share of the line above: verdicts and traces, no words (PolicyLabels makes the words).</summary>
    [Benchmark(Description = "One enterprise x 300 items, traces only (no words)")]
    public int OneEnterpriseTraces()
    {
        var n = 0;
        foreach (var item in items) n += PolicyEvaluator.Explain(matrix, item, row).Root.Children.Count;
        return n;
    }

    [Benchmark(Description = "Re-score 100,000 after one item is published")]
    public ItemResult[] OneItem() => PolicyEvaluator.EvaluateAll(matrix, [items[0]]);
}

/// <summary>The same 300 rules on the same 100,000 enterprises with Microsoft's RulesEngine, row by row.</summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
public class RulesEngineBenchmarks
{
    RulesEngine.RulesEngine engine = default!;
    List<BenchData.Input> inputs = default!;
    List<string> workflows = default!;

    [GlobalSetup]
    public void Setup()
    {
        var (_, items, rows) = BenchData.Build();
        engine = BenchData.RulesEngineFor(items);
        inputs = rows.Select(BenchData.ToInput).ToList();
        workflows = items.Select(i => "item" + i.ItemId).ToList();
    }

    [Benchmark(Description = "RulesEngine: 300 rules x 100,000 enterprises")]
    public async Task<int> Full()
    {
        var eligible = 0;
        foreach (var input in inputs)
            foreach (var wf in workflows)
                if ((await engine.ExecuteAllRulesAsync(wf, input))[0].IsSuccess) eligible++;
        return eligible;
    }
}
