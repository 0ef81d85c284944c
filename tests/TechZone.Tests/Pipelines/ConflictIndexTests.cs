using NetTopologySuite.Geometries;
using TechZone.Pipelines;

namespace TechZone.Tests.Pipelines;

/// <summary>
/// The conflict check kernel against NetTopologySuite's own distance on random data: the same conflict set and the
/// same distances, per-network clearances honoured, and changes (moved, added, removed segments) seen by the next check.
/// </summary>
public sealed class ConflictIndexTests
{
    static readonly GeometryFactory F = new TechZone.Pipelines.Gis.ZoneCrs().Factory;
    static readonly Dictionary<int, double> Clearances = new() { [1] = 1.0, [2] = 5.0, [3] = 2.0 };

    static List<IndexedSegment> RandomSegments(Random random, int count, int firstId = 1) =>
        Enumerable.Range(firstId, count).Select(id =>
        {
            double x = random.NextDouble() * 2000, y = random.NextDouble() * 2000;
            var n = random.Next(2, 5);
            var xy = new double[n * 2];
            for (var i = 0; i < n; i++) { xy[2 * i] = x + random.NextDouble() * 60 - 30; xy[2 * i + 1] = y + random.NextDouble() * 60 - 30; }
            return new IndexedSegment(id, random.Next(1, 4), id % 7, 0, xy);
        }).ToList();

    static Geometry RandomArea(Random random)
    {
        double x = random.NextDouble() * 2000, y = random.NextDouble() * 2000, w = 2 + random.NextDouble() * 40, h = 2 + random.NextDouble() * 10;
        return F.CreatePolygon([new(x, y), new(x + w, y), new(x + w, y + h), new(x, y + h), new(x, y)]);
    }

    static Dictionary<int, double> BruteForce(IEnumerable<IndexedSegment> segments, Geometry area) =>
        segments.Select(s => (s, Line: F.CreateLineString(Enumerable.Range(0, s.Xy.Length / 2).Select(i => new Coordinate(s.Xy[2 * i], s.Xy[2 * i + 1])).ToArray())))
            .Select(p => (p.s, Distance: area.Distance(p.Line)))
            .Where(p => p.Distance <= Clearances[p.s.NetworkId])
            .ToDictionary(p => p.s.Id, p => p.Distance);

    [Fact]
    public void Check_FindsExactlyWhatNetTopologySuiteFinds_WithTheSameDistances()
    {
        var random = new Random(8);
        var segments = RandomSegments(random, 5000);
        var index = ConflictIndex.Build(segments, 1);
        var found = 0;
        for (var i = 0; i < 300; i++)
        {
            var area = RandomArea(random);
            var expected = BruteForce(segments, area);
            var actual = index.Check(area, Clearances).ToDictionary(h => h.SegmentId, h => h.DistanceM);
            Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
            foreach (var (id, d) in expected) Assert.Equal(d, actual[id], 6);
            found += actual.Count;
        }
        Assert.True(found > 50, $"only {found} conflicts: the data does not exercise the check");
    }

    [Fact]
    public void With_ChangedAddedAndRemovedSegments_IsSeenByTheNextCheck_AndARebuildGivesTheSame()
    {
        var random = new Random(9);
        var segments = RandomSegments(random, 2000);
        var index = ConflictIndex.Build(segments, 1);
        var moved = segments.Take(300).Select(s => s with { Xy = s.Xy.Select((v, i) => v + (i % 2 == 0 ? 15 : -10)).ToArray() }).ToList();
        var added = RandomSegments(random, 200, firstId: 10_000);
        var removed = segments.Skip(300).Take(100).Select(s => s.Id).ToList();
        var changed = index.With([.. moved, .. added], removed, 2);
        var now = segments.Skip(400).Concat(moved).Concat(added).ToList();
        var rebuilt = ConflictIndex.Build(now, 2);
        Assert.Equal(now.Count, changed.Count);
        for (var i = 0; i < 200; i++)
        {
            var area = RandomArea(random);
            var expected = BruteForce(now, area).Keys.Order().ToList();
            Assert.Equal(expected, changed.Check(area, Clearances).Select(h => h.SegmentId).Order());
            Assert.Equal(expected, rebuilt.Check(area, Clearances).Select(h => h.SegmentId).Order());
        }
    }

    [Theory]
    [InlineData(1, 2)]          // presized far too small: the columns grow
    [InlineData(10_000, 90_000)] // presized too large: the columns are trimmed
    public void Builder_FedRowByRow_GivesTheSameChecksAsBuild(int presizedSegments, int presizedValues)
    {
        var random = new Random(10);
        var segments = RandomSegments(random, 3000);
        var builder = new ConflictIndex.Builder(presizedSegments, presizedValues);
        foreach (var s in segments)
        {
            s.Xy.CopyTo(builder.Reserve(s.Xy.Length));
            builder.Add(s.Id, s.NetworkId, s.OwnerEnterpriseId, s.OwnerUtilityId, s.Xy.Length);
        }
        var fed = builder.Build(7);
        var built = ConflictIndex.Build(segments, 7);
        Assert.Equal((segments.Count, 7L), (fed.Count, fed.Version));
        var found = 0;
        for (var i = 0; i < 200; i++)
        {
            var area = RandomArea(random);
            var expected = BruteForce(segments, area).Keys.Order().ToList();
            Assert.Equal(expected, fed.Check(area, Clearances).Select(h => h.SegmentId).Order());
            Assert.Equal(built.Check(area, Clearances).OrderBy(h => h.SegmentId), fed.Check(area, Clearances).OrderBy(h => h.SegmentId));
            found += expected.Count;
        }
        Assert.True(found > 20, $"only {found} conflicts: the data does not exercise the check");
        // A snapshot built row by row takes changes like any other.
        var moved = fed.With([segments[0] with { Xy = [5000, 5000, 5010, 5000] }], [segments[1].Id], 8);
        Assert.Equal(segments.Count - 1, moved.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(16)]   // one full leaf box
    [InlineData(17)]   // a second, nearly empty one
    [InlineData(257)]  // three levels, the last box of each holding one child
    [InlineData(4000)]
    public void PackedRTree_ReturnsExactlyTheSegmentsWhoseEnvelopeIntersectsTheQuery(int count)
    {
        var random = new Random(count);
        var segments = RandomSegments(random, count);
        var starts = new int[count + 1];
        var coords = new List<double>();
        for (var i = 0; i < count; i++) { starts[i] = coords.Count; coords.AddRange(segments[i].Xy); }
        starts[count] = coords.Count;
        var tree = ConflictIndex.PackedRTree.Build([.. coords], starts, count);
        for (var q = 0; q < 300; q++)
        {
            double x = random.NextDouble() * 2100 - 50, y = random.NextDouble() * 2100 - 50, w = random.NextDouble() * (q % 10 == 0 ? 1500 : 80), h = random.NextDouble() * 80;
            var query = new Envelope(x, x + w, y, y + h);
            var expected = Enumerable.Range(0, count).Where(i => Envelope(segments[i].Xy).Intersects(query)).ToList();
            var found = new List<int>();
            tree.Query(query, found);
            Assert.Equal(expected, found.Order());
        }
        // A query touching a segment's envelope only at its corner still finds it, as NTS's envelopes do.
        var e = Envelope(segments[0].Xy);
        var corner = new List<int>();
        tree.Query(new Envelope(e.MaxX, e.MaxX + 1, e.MaxY, e.MaxY + 1), corner);
        Assert.Contains(0, corner);
    }

    static Envelope Envelope(double[] xy)
    {
        var e = new Envelope();
        for (var i = 0; i < xy.Length; i += 2) e.ExpandToInclude(xy[i], xy[i + 1]);
        return e;
    }

    [Fact]
    public void AreaCrossingAPipe_IsDistanceZero_AndAPipeInsideTheAreaToo()
    {
        var index = ConflictIndex.Build([new(1, 1, 1, 0, [0, 0, 100, 0]), new(2, 1, 1, 0, [40, 40, 45, 41])], 1);
        var area = F.CreatePolygon([new(30, -5), new(50, -5), new(50, 50), new(30, 50), new(30, -5)]);
        var hits = index.Check(area, Clearances);
        Assert.Equal([0.0, 0.0], hits.Select(h => h.DistanceM));
        Assert.Empty(index.Check(area, new Dictionary<int, double> { [2] = 10 })); // networks without a clearance are not checked
    }
}
