using System.Numerics;
using TechZone.Enterprises;

namespace TechZone.SupportPolicies.Engine;

/// <summary>
/// Every enterprise's facts loaded once into columns: one array per (metric, fiscal year) with NaN for unknown, a
/// bitset per column of the figures staff verified, and the traits the criteria read (park, industry, size class,
/// founding date, qualifications). Row i is enterprise <see cref="EnterpriseIds"/>[i]. Read-only once built, so one
/// matrix serves any number of evaluations at once.
/// </summary>
public sealed class FactMatrix
{
    public static readonly int MetricCount = Enum.GetValues<FactMetric>().Length;

    public int Count { get; }
    public int[] EnterpriseIds { get; }
    public int FirstYear { get; }
    public int LastYear { get; }

    readonly double[]?[] columns;
    readonly ulong[]?[] verified;
    readonly Dictionary<int, int> rowOf;

    /// <summary>Park code index (into <see cref="ParkCodes"/>), −1 outside every park.</summary>
    internal readonly int[] Park;
    internal readonly string[] ParkCodes;
    /// <summary>GB/T 4754 division as a number, −1 unknown.</summary>
    internal readonly int[] Industry;
    /// <summary>(int)SizeClass, −1 unknown.</summary>
    internal readonly int[] Size;
    /// <summary>Founding date as DateOnly.DayNumber, −1 unknown.</summary>
    internal readonly int[] Founded;

    readonly Dictionary<string, List<(int Row, int Issued, int Expires)>> qualifications;

    FactMatrix(int count, int[] ids, int firstYear, int lastYear, string[] parkCodes)
    {
        Count = count;
        EnterpriseIds = ids;
        FirstYear = firstYear;
        LastYear = lastYear;
        var n = (lastYear - firstYear + 1) * MetricCount;
        columns = new double[]?[n];
        verified = new ulong[]?[n];
        Park = new int[count];
        Industry = new int[count];
        Size = new int[count];
        Founded = new int[count];
        ParkCodes = parkCodes;
        qualifications = new(StringComparer.Ordinal);
        rowOf = new Dictionary<int, int>(count);
        for (var i = 0; i < count; i++) rowOf[ids[i]] = i;
    }

    public int Words => (Count + 63) >> 6;

    public int? RowOf(int enterpriseId) => rowOf.TryGetValue(enterpriseId, out var r) ? r : null;

    public static FactMatrix Build(IReadOnlyList<EnterpriseTraits> enterprises, IEnumerable<EnterpriseFactRow> facts,
        IEnumerable<QualificationHeld> held, int firstYear, int lastYear)
    {
        var parkCodes = enterprises.Select(e => e.ParkCode).Where(c => c is not null).Distinct().Order().ToArray();
        var parkIndex = parkCodes.Select((c, i) => (c, i)).ToDictionary(x => x.c!, x => x.i);
        var m = new FactMatrix(enterprises.Count, enterprises.Select(e => e.Id).ToArray(), firstYear, lastYear, parkCodes!);
        for (var i = 0; i < enterprises.Count; i++)
        {
            var e = enterprises[i];
            m.Park[i] = e.ParkCode is { } p ? parkIndex[p] : -1;
            m.Industry[i] = int.TryParse(e.IndustryCode, out var ind) ? ind : -1;
            m.Size[i] = e.SizeClass is { } s ? (int)s : -1;
            m.Founded[i] = e.FoundedOn is { } f ? f.DayNumber : -1;
        }
        foreach (var f in facts)
        {
            if (f.FiscalYear < firstYear || f.FiscalYear > lastYear || !m.rowOf.TryGetValue(f.EnterpriseId, out var row)) continue;
            var c = m.ColumnIndex(f.Metric, f.FiscalYear);
            var column = m.columns[c] ??= NewUnknown(m.Count);
            column[row] = f.Value;
            if (f.Verified) (m.verified[c] ??= new ulong[m.Words])[row >> 6] |= 1UL << (row & 63);
        }
        foreach (var q in held)
        {
            if (!m.rowOf.TryGetValue(q.EnterpriseId, out var row)) continue;
            if (!m.qualifications.TryGetValue(q.TypeCode, out var list)) m.qualifications[q.TypeCode] = list = [];
            list.Add((row, q.IssuedOn.DayNumber, q.ExpiresOn?.DayNumber ?? int.MaxValue));
        }
        return m;
    }

    static double[] NewUnknown(int count)
    {
        var a = new double[count];
        Array.Fill(a, double.NaN);
        return a;
    }

    int ColumnIndex(FactMetric metric, int year) => (year - FirstYear) * MetricCount + (int)metric;

    /// <summary>The column of a metric in a year; null when nobody has that figure (or the year is outside the matrix).</summary>
    internal double[]? Column(FactMetric metric, int year) =>
        year < FirstYear || year > LastYear ? null : columns[ColumnIndex(metric, year)];

    internal ulong[]? Verified(FactMetric metric, int year) =>
        year < FirstYear || year > LastYear ? null : verified[ColumnIndex(metric, year)];

    /// <summary>Rows holding a valid qualification of the type on the day (issued on or before, not yet expired).</summary>
    internal ulong[] Holding(string typeCode, DateOnly on)
    {
        var bits = new ulong[Words];
        if (!qualifications.TryGetValue(typeCode, out var list)) return bits;
        var day = on.DayNumber;
        foreach (var (row, issued, expires) in list)
            if (issued <= day && day <= expires) bits[row >> 6] |= 1UL << (row & 63);
        return bits;
    }

    /// <summary>Bytes held by the columns and bitsets (for the benchmark's memory line).</summary>
    public long Bytes => columns.Sum(c => (long)(c?.Length ?? 0) * 8) + verified.Sum(v => (long)(v?.Length ?? 0) * 8) + Count * 4L * 5;

    internal static int PopCount(ReadOnlySpan<ulong> bits)
    {
        var n = 0;
        foreach (var w in bits) n += BitOperations.PopCount(w);
        return n;
    }
}
