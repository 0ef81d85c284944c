using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using TechZone.Enterprises;

namespace TechZone.SupportPolicies.Engine;

/// <summary>One policy item as the engine sees it: its criteria, its benefit, and the fiscal year it is evaluated for.</summary>
public sealed record EngineItem(int ItemId, CriteriaDocument Criteria, BenefitRule? Benefit, bool VerifiedOnly, int FiscalYear);

/// <summary>
/// An item's verdicts over the whole matrix as bitsets (bit i = row i): eligible, ineligible, near-miss; unknown is
/// neither eligible nor ineligible. Benefits are kept for eligible rows only, in row order (the k-th amount is the k-th
/// eligible row's; −1 where the basis is unknown), so they cost 8 bytes per eligible verdict and nothing for the rest;
/// empty when the item has no benefit rule.
/// </summary>
public sealed class ItemResult(int itemId, int words)
{
    public int ItemId { get; } = itemId;
    public ulong[] Eligible { get; } = new ulong[words];
    public ulong[] Ineligible { get; } = new ulong[words];
    public ulong[] NearMiss { get; } = new ulong[words];
    public long[] BenefitFen { get; internal set; } = [];

    public Verdict VerdictOf(int row)
    {
        var (w, b) = (row >> 6, 1UL << (row & 63));
        return (Eligible[w] & b) != 0 ? Verdict.Eligible
            : (NearMiss[w] & b) != 0 ? Verdict.NearMiss
            : (Ineligible[w] & b) != 0 ? Verdict.Ineligible
            : Verdict.Unknown;
    }

    public long Bytes => (Eligible.Length * 3L) * 8 + BenefitFen.Length * 8L;
}

/// <summary>Pass, fail or unknown of one criterion for one enterprise, with the value it looked at.</summary>
public sealed record CriterionTrace(CriterionNode Node, Outcome Outcome, double? Actual, IReadOnlyList<CriterionTrace> Children,
    double? PointsLow = null, double? PointsHigh = null, IReadOnlyList<IndicatorTrace>? Indicators = null);

public sealed record IndicatorTrace(ScoreIndicator Indicator, double? Actual, double PointsLow, double PointsHigh);

/// <summary>One enterprise's verdict on one item with the per-criterion explanation.</summary>
public sealed record ItemExplanation(int ItemId, Verdict Verdict, long? BenefitFen, CriterionTrace Root);

/// <summary>
/// The columnar evaluation: rows are taken a block at a time (so the columns a block reads stay in cache), each
/// criterion is evaluated over the block into two bitsets (true, false; unknown is neither), groups combine bitsets
/// word by word, and near-miss (the root's children: exactly one false, none unknown) is counted with two bitsets.
/// Explanations use the same code on a block of one row, so they can never disagree with the stored verdicts.
/// </summary>
public static class PolicyEvaluator
{
    public const int BlockRows = 2048;

    /// <summary>
    /// Evaluates every item over every row of the matrix, in two passes over the blocks, each spread over the cores
    /// (a block's words belong to it alone, so the workers share nothing and take no lock). The first pass writes the
    /// verdict bitsets and counts each block's eligible rows per item; those counts place every block's benefits in
    /// one array per item, sized exactly, which the second pass fills. Results do not depend on the order blocks run in.
    /// </summary>
    public static ItemResult[] EvaluateAll(FactMatrix m, IReadOnlyList<EngineItem> items)
    {
        var results = items.Select(i => new ItemResult(i.ItemId, m.Words)).ToArray();
        var blocks = (m.Count + BlockRows - 1) / BlockRows;
        var n = items.Count;
        if (blocks == 0 || n == 0) return results;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };

        // Pass 1: verdicts; eligible[b * n + k] = item k's eligible rows in block b.
        var eligible = new int[blocks * n];
        Parallel.For(0, blocks, parallel, () => new Worker(m), (b, _, worker) =>
        {
            var (start, len) = (b * BlockRows, Math.Min(BlockRows, m.Count - b * BlockRows));
            worker.Reset(start, len);
            for (var k = 0; k < n; k++)
                eligible[b * n + k] = EvaluateBlock(items[k], worker.For(items[k]), results[k]);
            return worker;
        }, _ => { });

        // Where each block's benefits start in its item's array: the eligible rows of the blocks before it.
        var offset = new int[blocks * n];
        for (var k = 0; k < n; k++)
        {
            if (items[k].Benefit is null) continue;
            var total = 0;
            for (var b = 0; b < blocks; b++)
            {
                offset[b * n + k] = total;
                total += eligible[b * n + k];
            }
            results[k].BenefitFen = GC.AllocateUninitializedArray<long>(total); // pass 2 writes every element
        }

        // Pass 2: benefits of the eligible rows, straight into place.
        if (items.Any(i => i.Benefit is not null))
            Parallel.For(0, blocks, parallel, () => new Worker(m), (b, _, worker) =>
            {
                var (start, len) = (b * BlockRows, Math.Min(BlockRows, m.Count - b * BlockRows));
                worker.Reset(start, len);
                for (var k = 0; k < n; k++)
                    if (items[k].Benefit is { } rule && eligible[b * n + k] > 0)
                    {
                        var c = worker.For(items[k]);
                        BlockBenefits(rule, c, results[k].Eligible.AsSpan(start >> 6, c.Words),
                            results[k].BenefitFen.AsSpan(offset[b * n + k], eligible[b * n + k]), worker.Amounts);
                    }
                return worker;
            }, _ => { });
        return results;
    }

    /// <summary>One worker's block contexts (facts as they are, and verified figures only) and scratch buffer.</summary>
    sealed class Worker(FactMatrix m)
    {
        readonly BlockContext plain = new(m, false);
        readonly BlockContext verified = new(m, true);
        public readonly double[] Amounts = new double[BlockRows];

        public void Reset(int start, int length)
        {
            plain.Reset(start, length);
            verified.Reset(start, length);
        }

        public BlockContext For(EngineItem item)
        {
            var c = item.VerifiedOnly ? verified : plain;
            c.Year = item.FiscalYear;
            return c;
        }
    }

    /// <summary>One row's verdict on one item, with every criterion's outcome and value.</summary>
    public static ItemExplanation Explain(FactMatrix m, EngineItem item, int row)
    {
        var c = new BlockContext(m, item.VerifiedOnly);
        c.Reset(row, 1);
        c.Year = item.FiscalYear;
        var traces = new List<CriterionTrace>(1);
        var (t, f, near) = EvaluateRoot(item.Criteria.Root, c, traces);
        var verdict = (t[0] & 1) != 0 ? Verdict.Eligible : (near & 1) != 0 ? Verdict.NearMiss : (f[0] & 1) != 0 ? Verdict.Ineligible : Verdict.Unknown;
        long? benefit = verdict == Verdict.Eligible && item.Benefit is { } rule ? Benefit(rule, c, 0) is var b && b >= 0 ? b : null : null;
        return new ItemExplanation(item.ItemId, verdict, benefit, traces[0]);
    }

    /// <summary>Writes the block's verdict words into the result; returns how many of its rows are eligible.</summary>
    static int EvaluateBlock(EngineItem item, BlockContext c, ItemResult result)
    {
        var (t, f, _) = EvaluateRoot(item.Criteria.Root, c, null);
        var words = c.Words;
        // Blocks start at multiples of 64 rows, so a block's words are the result's words.
        var w0 = c.Start >> 6;
        var count = 0;
        for (var w = 0; w < words; w++)
        {
            result.Eligible[w0 + w] = t[w];
            result.Ineligible[w0 + w] = f[w];
            result.NearMiss[w0 + w] = c.NearWord(w);
            count += BitOperations.PopCount(t[w]);
        }
        c.Return(t);
        c.Return(f);
        return count;
    }

    /// <summary>The root, with near-miss: a root AND of two or more children nearly holds when exactly one child is false and none unknown.</summary>
    static (ulong[] T, ulong[] F, ulong Near0) EvaluateRoot(CriterionNode root, BlockContext c, List<CriterionTrace>? trace)
    {
        c.ClearNear();
        if (root is not GroupNode { Operator: GroupOperator.All, Children.Count: >= 2 } group)
        {
            var (t1, f1) = Evaluate(root, c, trace);
            return (t1, f1, 0);
        }
        var words = c.Words;
        var t = c.Ones();
        var f = c.Zeros();
        var fail0 = c.Ones();
        var fail1 = c.Zeros();
        var known = c.Ones();
        var children = trace is null ? null : new List<CriterionTrace>(group.Children.Count);
        foreach (var child in group.Children)
        {
            var (ct, cf) = Evaluate(child, c, children);
            for (var w = 0; w < words; w++)
            {
                t[w] &= ct[w];
                f[w] |= cf[w];
                fail1[w] = (fail1[w] & ~cf[w]) | (fail0[w] & cf[w]);
                fail0[w] &= ~cf[w];
                known[w] &= ct[w] | cf[w];
            }
            c.Return(ct);
            c.Return(cf);
        }
        for (var w = 0; w < words; w++) c.SetNear(w, fail1[w] & known[w]);
        c.Return(fail0);
        c.Return(fail1);
        c.Return(known);
        trace?.Add(new CriterionTrace(group, OutcomeOf(t, f), null, children!));
        return (t, f, c.NearWord(0));
    }

    static Outcome OutcomeOf(ulong[] t, ulong[] f) => (t[0] & 1) != 0 ? Outcome.Pass : (f[0] & 1) != 0 ? Outcome.Fail : Outcome.Unknown;

    /// <summary>Evaluates a node over the block: (true bits, false bits), both rented from the context.</summary>
    static (ulong[] T, ulong[] F) Evaluate(CriterionNode node, BlockContext c, List<CriterionTrace>? trace)
    {
        switch (node)
        {
            case GroupNode g:
            {
                var words = c.Words;
                var all = g.Operator == GroupOperator.All;
                // AND: true where all true, false where any false. OR: the dual.
                var t = all ? c.Ones() : c.Zeros();
                var f = all ? c.Zeros() : c.Ones();
                var children = trace is null ? null : new List<CriterionTrace>(g.Children.Count);
                foreach (var child in g.Children)
                {
                    var (ct, cf) = Evaluate(child, c, children);
                    if (all)
                        for (var w = 0; w < words; w++) { t[w] &= ct[w]; f[w] |= cf[w]; }
                    else
                        for (var w = 0; w < words; w++) { t[w] |= ct[w]; f[w] &= cf[w]; }
                    c.Return(ct);
                    c.Return(cf);
                }
                if (g.Children.Count == 0) Array.Clear(f); // an empty AND holds; an empty OR holds nowhere
                c.Mask(t);
                c.Mask(f);
                trace?.Add(new CriterionTrace(g, OutcomeOf(t, f), null, children!));
                return (t, f);
            }
            case NotNode n:
            {
                var children = trace is null ? null : new List<CriterionTrace>(1);
                var (ct, cf) = n.Child is { } child ? Evaluate(child, c, children) : (c.Zeros(), c.Zeros());
                trace?.Add(new CriterionTrace(n, OutcomeOf(cf, ct), null, children!));
                return (cf, ct);
            }
            case CompareNode cmp:
            {
                var values = c.Values(cmp.Expression);
                var t = c.Zeros();
                var f = c.Zeros();
                Compare(values, cmp.Operator, cmp.Value, cmp.Upper ?? double.PositiveInfinity, t, f);
                trace?.Add(new CriterionTrace(cmp, OutcomeOf(t, f), double.IsNaN(values[0]) ? null : values[0], []));
                return (t, f);
            }
            case QualificationNode q:
            {
                var t = c.Zeros();
                c.CopyBits(c.Holding(q.TypeCode, new DateOnly(c.Year + q.YearOffset, 12, 31)), t);
                var f = c.Ones();
                for (var w = 0; w < c.Words; w++) f[w] &= ~t[w];
                c.Mask(f);
                trace?.Add(new CriterionTrace(q, OutcomeOf(t, f), null, []));
                return (t, f);
            }
            case MembershipNode mem:
            {
                var t = c.Zeros();
                var f = c.Zeros();
                var m = c.Matrix;
                int[] column; HashSet<int> wanted;
                switch (mem.Field)
                {
                    case MembershipField.Park:
                        column = m.Park;
                        wanted = mem.Values.Select(v => Array.IndexOf(m.ParkCodes, v)).Where(i => i >= 0).ToHashSet();
                        break;
                    case MembershipField.Industry:
                        column = m.Industry;
                        wanted = mem.Values.Select(v => int.TryParse(v, out var i) ? i : -2).ToHashSet();
                        break;
                    default:
                        column = m.Size;
                        wanted = mem.Values.Select(v => Enum.TryParse<SizeClass>(v, out var s) ? (int)s : -2).ToHashSet();
                        break;
                }
                // Outside every park is a known "no"; an unclassified industry or size is unknown.
                var parkField = mem.Field == MembershipField.Park;
                for (var i = 0; i < c.Length; i++)
                {
                    var v = column[c.Start + i];
                    if (wanted.Contains(v)) t[i >> 6] |= 1UL << (i & 63);
                    else if (v >= 0 || parkField) f[i >> 6] |= 1UL << (i & 63);
                }
                trace?.Add(new CriterionTrace(mem, OutcomeOf(t, f), null, []));
                return (t, f);
            }
            case RegisteredNode reg:
            {
                var t = c.Zeros();
                var f = c.Zeros();
                var end = new DateOnly(c.Year, 12, 31);
                var latest = end.AddYears(-reg.MinYears).DayNumber;
                for (var i = 0; i < c.Length; i++)
                {
                    var founded = c.Matrix.Founded[c.Start + i];
                    if (founded < 0) continue;
                    if (founded <= latest) t[i >> 6] |= 1UL << (i & 63);
                    else f[i >> 6] |= 1UL << (i & 63);
                }
                double? years = null;
                if (trace is not null && c.Matrix.Founded[c.Start] is var fd and >= 0)
                    years = Math.Floor((end.DayNumber - fd) / 365.2425 * 10) / 10;
                trace?.Add(new CriterionTrace(reg, OutcomeOf(t, f), years, []));
                return (t, f);
            }
            case ScoreNode s:
                return Score(s, c, trace);
            default:
                throw new PolicyRuleException("CriteriaInvalid");
        }
    }

    static (ulong[] T, ulong[] F) Score(ScoreNode s, BlockContext c, List<CriterionTrace>? trace)
    {
        var len = c.Length;
        var low = new double[len];
        var high = new double[len];
        var failed = c.Zeros();
        var unsure = c.Zeros();
        var indicators = trace is null ? null : new List<IndicatorTrace>(s.Indicators.Count);
        foreach (var indicator in s.Indicators)
        {
            var lo = new double[len];
            var hi = new double[len];
            double? shown = null;
            foreach (var alt in indicator.Alternatives)
            {
                var values = c.Values(alt.Expression);
                var max = alt.MaxPoints;
                for (var i = 0; i < len; i++)
                {
                    var v = values[i];
                    var (l, h) = double.IsNaN(v) ? (0.0, max) : (alt.PointsFor(v), alt.PointsFor(v));
                    if (l > lo[i]) lo[i] = l;
                    if (h > hi[i]) hi[i] = h;
                }
                if (shown is null && !double.IsNaN(values[0])) shown = values[0];
            }
            for (var i = 0; i < len; i++)
            {
                low[i] += lo[i];
                high[i] += hi[i];
                if (!indicator.MustScore) continue;
                if (hi[i] <= 0) failed[i >> 6] |= 1UL << (i & 63);
                else if (lo[i] <= 0) unsure[i >> 6] |= 1UL << (i & 63);
            }
            indicators?.Add(new IndicatorTrace(indicator, shown, lo[0], hi[0]));
        }
        var t = c.Zeros();
        var f = c.Zeros();
        for (var i = 0; i < len; i++)
        {
            var bit = 1UL << (i & 63);
            var w = i >> 6;
            if ((failed[w] & bit) != 0 || high[i] < s.Threshold) f[w] |= bit;
            else if ((unsure[w] & bit) == 0 && low[i] >= s.Threshold) t[w] |= bit;
        }
        c.Return(failed);
        c.Return(unsure);
        trace?.Add(new CriterionTrace(s, OutcomeOf(t, f), null, [], low[0], high[0], indicators));
        return (t, f);
    }

    /// <summary>An eligible row's benefit in fen; −1 when the fact it is computed from is unknown.</summary>
    static long Benefit(BenefitRule rule, BlockContext c, int i)
    {
        double basis = 0;
        if (rule.Kind != BenefitKind.Fixed)
        {
            if (rule.Basis is null) return -1;
            basis = c.Values(rule.Basis)[i];
            if (double.IsNaN(basis)) return -1;
        }
        double amount = rule.Kind switch
        {
            BenefitKind.Fixed => rule.AmountFen,
            BenefitKind.Percentage => basis * rule.Rate,
            BenefitKind.PerHead => basis * rule.AmountFen,
            _ => Tier(rule.Tiers, basis),
        };
        return Fen(amount, rule.CapFen);
    }

    /// <summary>An amount capped, not below 0, rounded to the fen (half to even).</summary>
    static long Fen(double amount, long? cap)
    {
        if (cap is { } c && amount > c) amount = c;
        return (long)Math.Round(Math.Max(0, amount));
    }

    /// <summary>The amount of the highest tier the basis reaches (the first listed among equal minimums); 0 below all.</summary>
    static double Tier(List<BenefitTier> tiers, double basis)
    {
        BenefitTier? best = null;
        foreach (var t in tiers)
            if (basis >= t.Min && (best is null || t.Min > best.Min)) best = t;
        return best?.AmountFen ?? 0;
    }

    /// <summary>
    /// The block's eligible rows' benefits, in row order, into <paramref name="into"/> (one per eligible bit), with the
    /// arithmetic of <see cref="Benefit"/>. A percentage or per-head amount is computed over the whole block's basis
    /// four rows at a time, then picked out for the eligible rows.
    /// </summary>
    static void BlockBenefits(BenefitRule rule, BlockContext c, ReadOnlySpan<ulong> eligible, Span<long> into, double[] scratch)
    {
        if (rule.Kind == BenefitKind.Fixed || rule.Basis is null)
        {
            into.Fill(Benefit(rule, c, 0)); // the same for every row: the amount, or −1 without a basis
            return;
        }
        var basis = c.Values(rule.Basis);
        var n = 0;
        if (rule.Kind == BenefitKind.Tiered)
        {
            for (var w = 0; w < eligible.Length; w++)
                for (var bits = eligible[w]; bits != 0; bits &= bits - 1)
                {
                    var b = basis[(w << 6) + BitOperations.TrailingZeroCount(bits)];
                    into[n++] = double.IsNaN(b) ? -1 : Fen(Tier(rule.Tiers, b), rule.CapFen);
                }
            return;
        }
        var amounts = scratch.AsSpan(0, c.Length);
        Amounts(basis, rule.Kind == BenefitKind.Percentage ? rule.Rate : rule.AmountFen, rule.CapFen ?? double.PositiveInfinity, amounts);
        for (var w = 0; w < eligible.Length; w++)
            for (var bits = eligible[w]; bits != 0; bits &= bits - 1)
            {
                var i = (w << 6) + BitOperations.TrailingZeroCount(bits);
                into[n++] = double.IsNaN(basis[i]) ? -1 : (long)amounts[i];
            }
    }

    /// <summary>
    /// basis × factor, at most cap, at least 0, rounded half to even: <see cref="Fen"/> without the conversion, four at a
    /// time (the NaN of an unknown basis stays NaN and is never read).
    /// </summary>
    static void Amounts(ReadOnlySpan<double> basis, double factor, double cap, Span<double> into)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var (f, c) = (Vector256.Create(factor), Vector256.Create(cap));
            ref var from = ref MemoryMarshal.GetReference(basis);
            ref var to = ref MemoryMarshal.GetReference(into);
            for (; i + 4 <= basis.Length; i += 4)
                Vector256.Round(Vector256.Max(Vector256.Min(Vector256.LoadUnsafe(ref from, (nuint)i) * f, c), Vector256<double>.Zero))
                    .StoreUnsafe(ref to, (nuint)i);
        }
        for (; i < basis.Length; i++) into[i] = Math.Round(Math.Max(0, Math.Min(basis[i] * factor, cap)));
    }

    // ------------------------------------------------------------------ comparison kernel

    interface ICompare
    {
        static abstract Vector256<double> Pass(Vector256<double> x, Vector256<double> a, Vector256<double> b);
        static abstract bool Pass(double x, double a, double b);
    }

    struct AtLeast : ICompare
    {
        public static Vector256<double> Pass(Vector256<double> x, Vector256<double> a, Vector256<double> b) => Vector256.GreaterThanOrEqual(x, a);
        public static bool Pass(double x, double a, double b) => x >= a;
    }

    struct GreaterThan : ICompare
    {
        public static Vector256<double> Pass(Vector256<double> x, Vector256<double> a, Vector256<double> b) => Vector256.GreaterThan(x, a);
        public static bool Pass(double x, double a, double b) => x > a;
    }

    struct AtMost : ICompare
    {
        public static Vector256<double> Pass(Vector256<double> x, Vector256<double> a, Vector256<double> b) => Vector256.LessThanOrEqual(x, a);
        public static bool Pass(double x, double a, double b) => x <= a;
    }

    struct LessThan : ICompare
    {
        public static Vector256<double> Pass(Vector256<double> x, Vector256<double> a, Vector256<double> b) => Vector256.LessThan(x, a);
        public static bool Pass(double x, double a, double b) => x < a;
    }

    struct EqualTo : ICompare
    {
        public static Vector256<double> Pass(Vector256<double> x, Vector256<double> a, Vector256<double> b) => Vector256.Equals(x, a);
        public static bool Pass(double x, double a, double b) => x == a;
    }

    struct Between : ICompare
    {
        public static Vector256<double> Pass(Vector256<double> x, Vector256<double> a, Vector256<double> b) =>
            Vector256.GreaterThanOrEqual(x, a) & Vector256.LessThanOrEqual(x, b);
        public static bool Pass(double x, double a, double b) => x >= a && x <= b;
    }

    static void Compare(ReadOnlySpan<double> v, CompareOperator op, double a, double b, ulong[] t, ulong[] f)
    {
        switch (op)
        {
            case CompareOperator.AtLeast: Compare<AtLeast>(v, a, b, t, f); break;
            case CompareOperator.GreaterThan: Compare<GreaterThan>(v, a, b, t, f); break;
            case CompareOperator.AtMost: Compare<AtMost>(v, a, b, t, f); break;
            case CompareOperator.LessThan: Compare<LessThan>(v, a, b, t, f); break;
            case CompareOperator.Equal: Compare<EqualTo>(v, a, b, t, f); break;
            default: Compare<Between>(v, a, b, t, f); break;
        }
    }

    /// <summary>Four doubles at a time: pass bits and known (not NaN) bits, shifted into the words; NaN is neither pass nor fail.</summary>
    static void Compare<T>(ReadOnlySpan<double> v, double a, double b, ulong[] t, ulong[] f) where T : struct, ICompare
    {
        var n = v.Length;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var va = Vector256.Create(a);
            var vb = Vector256.Create(b);
            ref var start = ref MemoryMarshal.GetReference(v);
            for (; i + 16 <= n; i += 16)
            {
                ulong pass = 0, known = 0;
                for (var k = 0; k < 16; k += 4)
                {
                    var x = Vector256.LoadUnsafe(ref start, (nuint)(i + k));
                    pass |= (ulong)T.Pass(x, va, vb).ExtractMostSignificantBits() << k;
                    known |= (ulong)Vector256.Equals(x, x).ExtractMostSignificantBits() << k;
                }
                var shift = i & 63;
                t[i >> 6] |= pass << shift;
                f[i >> 6] |= (known & ~pass) << shift;
            }
        }
        for (; i < n; i++)
        {
            var x = v[i];
            if (double.IsNaN(x)) continue;
            if (T.Pass(x, a, b)) t[i >> 6] |= 1UL << (i & 63);
            else f[i >> 6] |= 1UL << (i & 63);
        }
    }

    // ------------------------------------------------------------------ block context

    /// <summary>
    /// The rows of one block and the buffers that evaluating it needs: bitsets rented and returned, expression values
    /// computed once per block (for each distinct expression), qualification bitsets per (type, day).
    /// </summary>
    sealed class BlockContext(FactMatrix m, bool verifiedOnly)
    {
        public FactMatrix Matrix => m;
        public int Start { get; private set; }
        public int Length { get; private set; }
        public int Words { get; private set; }
        public int Year { get; set; }

        readonly Stack<ulong[]> free = new();
        readonly Stack<double[]> freeValues = new();
        readonly Dictionary<(string, int), double[]> values = [];
        readonly Dictionary<(string, int), ulong[]> holding = [];
        ulong[] near = new ulong[(BlockRows + 63) >> 6];

        public void Reset(int start, int length)
        {
            Start = start;
            Length = length;
            var words = (length + 63) >> 6;
            if (words != Words)
            {
                free.Clear();
                freeValues.Clear();
                near = new ulong[words];
            }
            Words = words;
            foreach (var buffer in values.Values) freeValues.Push(buffer);
            values.Clear();
        }

        public ulong[] Zeros()
        {
            if (free.TryPop(out var bits)) { Array.Clear(bits); return bits; }
            return new ulong[Words];
        }

        public ulong[] Ones()
        {
            var bits = free.TryPop(out var b) ? b : new ulong[Words];
            Array.Fill(bits, ulong.MaxValue);
            Mask(bits);
            return bits;
        }

        public void Return(ulong[] bits)
        {
            if (bits.Length == Words) free.Push(bits);
        }

        /// <summary>Clears the bits past the block's last row.</summary>
        public void Mask(ulong[] bits)
        {
            var tail = Length & 63;
            if (tail != 0) bits[Words - 1] &= (1UL << tail) - 1;
        }

        public void ClearNear() => Array.Clear(near);
        public void SetNear(int w, ulong bits) => near[w] = bits;
        public ulong NearWord(int w) => near[w];

        public ulong[] Holding(string code, DateOnly on)
        {
            var key = (code, on.DayNumber);
            if (!holding.TryGetValue(key, out var bits)) holding[key] = bits = m.Holding(code, on);
            return bits;
        }

        /// <summary>Copies the block's bits out of a whole-matrix bitset.</summary>
        public void CopyBits(ulong[] whole, ulong[] block)
        {
            for (var i = 0; i < Length; i++)
            {
                var r = Start + i;
                if ((whole[r >> 6] & (1UL << (r & 63))) != 0) block[i >> 6] |= 1UL << (i & 63);
            }
        }

        /// <summary>The expression's value for each row of the block; NaN where unknown (or, verified-only, not verified).</summary>
        public ReadOnlySpan<double> Values(FactExpression e)
        {
            if (!verifiedOnly && e.Metrics.Count == 1 && !e.IsRatio && e.Years == 1)
            {
                var column = m.Column(e.Metrics[0], Year + e.YearOffset);
                if (column is not null) return column.AsSpan(Start, Length);
            }
            var key = (e.Key, Year);
            if (values.TryGetValue(key, out var cached)) return cached.AsSpan(0, Length);
            var result = freeValues.TryPop(out var buffer) && buffer.Length >= Length ? buffer : new double[Length];
            Compute(e, result.AsSpan(0, Length));
            values[key] = result;
            return result.AsSpan(0, Length);
        }

        /// <summary>The sum of some metrics in one year, NaN where any of them is unknown.</summary>
        void YearSum(List<FactMetric> metrics, int year, Span<double> into)
        {
            into.Clear();
            foreach (var metric in metrics)
            {
                var column = m.Column(metric, year);
                if (column is null) { into.Fill(double.NaN); return; }
                var part = column.AsSpan(Start, Length);
                TensorPrimitives.Add(into, part, into);
                if (verifiedOnly)
                {
                    var v = m.Verified(metric, year);
                    for (var i = 0; i < Length; i++)
                    {
                        var r = Start + i;
                        if (v is null || (v[r >> 6] & (1UL << (r & 63))) == 0) into[i] = double.NaN;
                    }
                }
            }
        }

        void Compute(FactExpression e, Span<double> result)
        {
            var len = Length;
            var last = Year + e.YearOffset;
            var first = last - Math.Max(1, e.Years) + 1;
            Span<double> num = new double[len];
            Span<double> den = e.IsRatio ? new double[len] : default;
            if (first == last)
            {
                YearSum(e.Metrics, last, num);
                if (!e.IsRatio) { num.CopyTo(result); return; }
                YearSum(e.Per!, last, den);
                Divide(num, den, result);
                return;
            }

            // Several years: years before the enterprise was founded do not count (实际经营期不满三年的按实际经营时间计算).
            var yearNum = new double[len];
            var yearDen = e.IsRatio ? new double[len] : null;
            var counted = new int[len];
            var byYear = e.Aggregate is YearAggregate.Min or YearAggregate.Max;
            if (byYear) result.Fill(double.NaN);
            for (var year = first; year <= last; year++)
            {
                YearSum(e.Metrics, year, yearNum);
                if (yearDen is not null) YearSum(e.Per!, year, yearDen);
                var yearEnd = new DateOnly(year, 12, 31).DayNumber;
                for (var i = 0; i < len; i++)
                {
                    var founded = m.Founded[Start + i];
                    if (founded > yearEnd && year != last) continue; // founded after this year: it does not count
                    counted[i]++;
                    if (byYear)
                    {
                        var v = yearDen is null ? yearNum[i] : yearDen[i] == 0 ? double.NaN : yearNum[i] / yearDen[i];
                        result[i] = counted[i] == 1 ? v : double.IsNaN(v) || double.IsNaN(result[i]) ? double.NaN
                            : e.Aggregate == YearAggregate.Min ? Math.Min(result[i], v) : Math.Max(result[i], v);
                    }
                    else
                    {
                        num[i] += yearNum[i];
                        if (yearDen is not null) den[i] += yearDen[i];
                    }
                }
            }
            if (byYear) return;
            if (e.IsRatio) Divide(num, den, result);
            else
                for (var i = 0; i < len; i++)
                    result[i] = e.Aggregate == YearAggregate.Average && counted[i] > 0 ? num[i] / counted[i] : num[i];
        }

        static void Divide(ReadOnlySpan<double> num, ReadOnlySpan<double> den, Span<double> into)
        {
            TensorPrimitives.Divide(num, den, into);
            // A share of nothing is unknown, not infinite.
            for (var i = 0; i < into.Length; i++)
                if (den[i] == 0) into[i] = double.NaN;
        }
    }
}
