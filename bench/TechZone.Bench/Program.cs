using System.Diagnostics;
using BenchmarkDotNet.Running;
using TechZone.Bench;
using TechZone.SupportPolicies.Engine;

// `verify`: checks that TechZone's engine and RulesEngine give the same verdicts on the benchmark's data, and prints
// the memory the verdicts take. `verify-pipelines`: the pipelines check's cold start, p50/p95 against a bare STRtree
// and PostGIS, and identical conflict sets (PipelineBenchmarks.cs). Anything else goes to BenchmarkDotNet (e.g. --filter '*').
if (args is ["verify-pipelines", ..])
    return await PipelineVerify.RunAsync();
if (args is ["verify", ..])
{
    var (matrix, items, rows) = BenchData.Build();
    GC.Collect();
    var before = GC.GetTotalMemory(true);
    var results = PolicyEvaluator.EvaluateAll(matrix, items);
    var after = GC.GetTotalMemory(true);
    Console.WriteLine($"matrix: {matrix.Bytes / 1e6:0.0} MB of columns; verdicts of {items.Count} items x {matrix.Count:N0}: " +
        $"{results.Sum(r => r.Bytes) / 1e6:0.0} MB (bitsets and benefits), {(after - before) / 1e6:0.0} MB managed heap growth");
    var eligible = results.Sum(r => (long)r.Eligible.Sum(w => System.Numerics.BitOperations.PopCount(w)));
    var near = results.Sum(r => (long)r.NearMiss.Sum(w => System.Numerics.BitOperations.PopCount(w)));
    Console.WriteLine($"eligible verdicts: {eligible:N0}; near-miss: {near:N0}; criteria: {items.Sum(i => i.Criteria.LeafCount):N0}");

    var engine = BenchData.RulesEngineFor(items);
    var clock = Stopwatch.StartNew();
    long disagree = 0, agree = 0;
    for (var r = 0; r < rows.Count; r++)
    {
        var input = BenchData.ToInput(rows[r]);
        for (var k = 0; k < items.Count; k++)
        {
            var theirs = (await engine.ExecuteAllRulesAsync("item" + items[k].ItemId, input))[0].IsSuccess;
            var ours = (results[k].Eligible[r >> 6] & (1UL << (r & 63))) != 0;
            if (theirs == ours) agree++; else disagree++;
        }
    }
    Console.WriteLine($"RulesEngine agreement: {agree:N0} verdicts agree, {disagree:N0} disagree (one pass took {clock.Elapsed.TotalSeconds:0.0} s)");
    return disagree == 0 ? 0 : 1;
}
BenchmarkSwitcher.FromAssembly(typeof(BenchData).Assembly).Run(args);
return 0;
