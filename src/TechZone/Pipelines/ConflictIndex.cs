using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace TechZone.Pipelines;

/// <summary>A pipe segment as the conflict index keeps it: ids and its x,y pairs in zone metres, nothing else.</summary>
public readonly record struct IndexedSegment(int Id, int NetworkId, int OwnerEnterpriseId, int OwnerUtilityId, double[] Xy)
{
    public const int None = 0;
}

/// <summary>A pipe segment within its network's clearance of a work area; distance 0 when it crosses the area.</summary>
public readonly record struct ConflictHit(int SegmentId, int NetworkId, int OwnerEnterpriseId, int OwnerUtilityId, double DistanceM, double ClearanceM);

/// <summary>
/// The conflict check kernel: an immutable snapshot of every current pipe segment in columns (ids, networks, owners,
/// one flat coordinate array) under a packed R-tree of their envelopes. A million segments take a few
/// hundred MB as arrays, against several GB as EF entities or NTS geometries. Changes since the snapshot was built
/// live in a small overlay (replaced segments are masked in the base) until there are enough of them to rebuild.
/// Thread-safe: a snapshot is never changed, <see cref="With"/> returns a new one.
/// </summary>
public sealed class ConflictIndex
{
    const int RebuildAfter = 20_000;

    readonly int[] ids, networks, ownerEnterprises, ownerUtilities, starts;
    readonly double[] coords;
    readonly PackedRTree tree;
    readonly HashSet<int> masked;            // base slots superseded by the overlay or removed
    readonly Dictionary<int, int> slotOfId;  // base slot of each id
    readonly IReadOnlyList<IndexedSegment> overlay;

    public long Version { get; }
    public int Count { get; }

    ConflictIndex(int[] ids, int[] networks, int[] ownerEnterprises, int[] ownerUtilities, int[] starts, double[] coords, PackedRTree tree,
        Dictionary<int, int> slotOfId, HashSet<int> masked, IReadOnlyList<IndexedSegment> overlay, long version)
    {
        (this.ids, this.networks, this.ownerEnterprises, this.ownerUtilities, this.starts, this.coords, this.tree) =
            (ids, networks, ownerEnterprises, ownerUtilities, starts, coords, tree);
        (this.slotOfId, this.masked, this.overlay, Version) = (slotOfId, masked, overlay, version);
        Count = ids.Length - masked.Count + overlay.Count;
    }

    public static readonly ConflictIndex Empty = Build([], 0);

    /// <summary>Builds a snapshot of the segments: one pass into arrays, then the packed R-tree.</summary>
    public static ConflictIndex Build(IReadOnlyCollection<IndexedSegment> segments, long version)
    {
        var total = 0;
        foreach (var s in segments) total += s.Xy.Length;
        var builder = new Builder(segments.Count, total);
        foreach (var s in segments) builder.Add(s.Id, s.NetworkId, s.OwnerEnterpriseId, s.OwnerUtilityId, s.Xy);
        return builder.Build(version);
    }

    /// <summary>
    /// Fills the columns of a new snapshot segment by segment (the cold start: a million rows straight from the
    /// database reader into the flat arrays, no object per segment), then packs the R-tree over all their envelopes
    /// at once. Presized from the expected counts; grows if more come, trims if fewer did. Not thread-safe.
    /// </summary>
    public sealed class Builder(int segments, int coordinates)
    {
        int[] ids = new int[segments], networks = new int[segments], ownerE = new int[segments], ownerU = new int[segments], starts = new int[segments + 1];
        double[] coords = new double[coordinates];
        int n, at;

        public int Count => n;

        /// <summary>Room for <paramref name="count"/> x,y values of the next segment, to decode its geometry into; then <see cref="Add(int,int,int,int,int)"/>.</summary>
        public Span<double> Reserve(int count)
        {
            if (at + count > coords.Length) Array.Resize(ref coords, Math.Max(at + count, coords.Length * 2));
            return coords.AsSpan(at, count);
        }

        /// <summary>Adds a segment whose <paramref name="count"/> x,y values were written into <see cref="Reserve"/>'s span.</summary>
        public void Add(int id, int network, int ownerEnterprise, int ownerUtility, int count)
        {
            if (n == ids.Length)
            {
                var grown = Math.Max(16, ids.Length * 2);
                Array.Resize(ref ids, grown); Array.Resize(ref networks, grown); Array.Resize(ref ownerE, grown);
                Array.Resize(ref ownerU, grown); Array.Resize(ref starts, grown + 1);
            }
            (ids[n], networks[n], ownerE[n], ownerU[n], starts[n]) = (id, network, ownerEnterprise, ownerUtility, at);
            at += count;
            n++;
        }

        public void Add(int id, int network, int ownerEnterprise, int ownerUtility, ReadOnlySpan<double> xy)
        {
            xy.CopyTo(Reserve(xy.Length));
            Add(id, network, ownerEnterprise, ownerUtility, xy.Length);
        }

        public ConflictIndex Build(long version)
        {
            if (n < ids.Length)
            {
                Array.Resize(ref ids, n); Array.Resize(ref networks, n); Array.Resize(ref ownerE, n);
                Array.Resize(ref ownerU, n); Array.Resize(ref starts, n + 1);
            }
            if (at < coords.Length) Array.Resize(ref coords, at);
            starts[n] = at;
            var slotOfId = new Dictionary<int, int>(n);
            for (var i = 0; i < n; i++) slotOfId[ids[i]] = i;
            var tree = PackedRTree.Build(coords, starts, n);
            return new ConflictIndex(ids, networks, ownerE, ownerU, starts, coords, tree, slotOfId, [], [], version);
        }
    }

    /// <summary>
    /// A snapshot with these segments changed (replaced or added) and these removed, at a new registry version.
    /// Rebuilds the whole index once the overlay gets large, so queries stay tree-fast.
    /// </summary>
    public ConflictIndex With(IReadOnlyCollection<IndexedSegment> changed, IReadOnlyCollection<int> removed, long version)
    {
        var gone = changed.Select(c => c.Id).Concat(removed).ToHashSet();
        var overlayNow = overlay.Where(o => !gone.Contains(o.Id)).Concat(changed).ToList();
        var maskedNow = new HashSet<int>(masked);
        foreach (var id in gone)
            if (slotOfId.TryGetValue(id, out var slot)) maskedNow.Add(slot);
        if (overlayNow.Count + maskedNow.Count <= RebuildAfter)
            return new ConflictIndex(ids, networks, ownerEnterprises, ownerUtilities, starts, coords, tree, slotOfId, maskedNow, overlayNow, version);

        var all = new List<IndexedSegment>(Count + changed.Count);
        for (var s = 0; s < ids.Length; s++)
            if (!maskedNow.Contains(s)) all.Add(new(ids[s], networks[s], ownerEnterprises[s], ownerUtilities[s], coords[starts[s]..starts[s + 1]]));
        all.AddRange(overlayNow);
        return Build(all, version);
    }

    /// <summary>
    /// Every segment whose network's clearance reaches the work area (a polygon or multipolygon in zone metres):
    /// the tree is asked for the area's envelope buffered by the largest clearance, then each candidate gets the exact
    /// distance test against its own network's clearance. Networks missing from <paramref name="clearances"/> are skipped.
    /// </summary>
    public List<ConflictHit> Check(Geometry area, IReadOnlyDictionary<int, double> clearances)
    {
        var hits = new List<ConflictHit>();
        if (area.IsEmpty || clearances.Count == 0) return hits;
        var maxClearance = clearances.Values.Max();
        var env = area.EnvelopeInternal.Copy();
        env.ExpandBy(maxClearance);
        var prepared = new PreparedArea(area);

        var candidates = new List<int>();
        tree.Query(env, candidates);
        foreach (var slot in candidates)
        {
            if (masked.Count > 0 && masked.Contains(slot)) continue;
            if (!clearances.TryGetValue(networks[slot], out var clearance)) continue;
            var d = prepared.Distance(coords.AsSpan(starts[slot], starts[slot + 1] - starts[slot]), clearance);
            if (d <= clearance) hits.Add(new(ids[slot], networks[slot], ownerEnterprises[slot], ownerUtilities[slot], d, clearance));
        }
        foreach (var o in overlay)
        {
            if (!clearances.TryGetValue(o.NetworkId, out var clearance)) continue;
            if (!EnvelopeOf(o.Xy).Intersects(env)) continue;
            var d = prepared.Distance(o.Xy, clearance);
            if (d <= clearance) hits.Add(new(o.Id, o.NetworkId, o.OwnerEnterpriseId, o.OwnerUtilityId, d, clearance));
        }
        return hits;
    }

    /// <summary>
    /// The ids, ascending, of one network's segments whose envelope intersects <paramref name="view"/>: the map's
    /// in-view query, answered by the tree (a B-tree over bbox columns can bound only one of the four coordinates, and
    /// at a million segments scanned half the table for a street view).
    /// </summary>
    public List<int> InView(Envelope view, int networkId)
    {
        var candidates = new List<int>();
        tree.Query(view, candidates);
        var found = new List<int>();
        foreach (var slot in candidates)
            if (networks[slot] == networkId && !(masked.Count > 0 && masked.Contains(slot))) found.Add(ids[slot]);
        foreach (var o in overlay)
            if (o.NetworkId == networkId && EnvelopeOf(o.Xy).Intersects(view)) found.Add(o.Id);
        found.Sort();
        return found;
    }

    static Envelope EnvelopeOf(ReadOnlySpan<double> xy)
    {
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        for (var i = 0; i < xy.Length; i += 2)
        {
            minX = Math.Min(minX, xy[i]); maxX = Math.Max(maxX, xy[i]);
            minY = Math.Min(minY, xy[i + 1]); maxY = Math.Max(maxY, xy[i + 1]);
        }
        return new Envelope(minX, maxX, minY, maxY);
    }

    /// <summary>
    /// A static R-tree packed over flat arrays, the layout of NetTopologySuite's HPRtree: the segments' envelopes
    /// sorted along a Hilbert curve through their centres (one primitive-key sort), then every <see cref="Fanout"/>
    /// consecutive boxes bounded by a parent box, level by level up to one root. Built at the cold start without an
    /// object per segment (NTS's STRtree took 7.7 s of a 12.8 s cold start for a million, sorting node objects through
    /// comparers, and ~80 MB of them); a query descends only into boxes that intersect, so it returns exactly the
    /// segments whose envelope intersects the query's, as the STRtree did.
    /// </summary>
    internal sealed class PackedRTree
    {
        const int Fanout = 16;
        readonly int[] order;        // segment slots in Hilbert order
        readonly double[][] levels;  // levels[0]: each slot's envelope in that order; then parent boxes; 4 doubles a box (minX, minY, maxX, maxY)

        PackedRTree(int[] order, double[][] levels) => (this.order, this.levels) = (order, levels);

        public static PackedRTree Build(double[] coords, int[] starts, int n)
        {
            var boxes = new double[4 * n];
            double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
            for (var i = 0; i < n; i++)
            {
                var e = EnvelopeOf(coords.AsSpan(starts[i], starts[i + 1] - starts[i]));
                (boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2], boxes[4 * i + 3]) = (e.MinX, e.MinY, e.MaxX, e.MaxY);
                minX = Math.Min(minX, e.MinX); minY = Math.Min(minY, e.MinY); maxX = Math.Max(maxX, e.MaxX); maxY = Math.Max(maxY, e.MaxY);
            }
            // Hilbert index of each centre on a 65,536 × 65,536 grid over the extent.
            var keys = new ulong[n];
            var order = new int[n];
            double sx = maxX > minX ? 65535 / (maxX - minX) : 0, sy = maxY > minY ? 65535 / (maxY - minY) : 0;
            for (var i = 0; i < n; i++)
            {
                var cx = (uint)(((boxes[4 * i] + boxes[4 * i + 2]) / 2 - minX) * sx);
                var cy = (uint)(((boxes[4 * i + 1] + boxes[4 * i + 3]) / 2 - minY) * sy);
                keys[i] = Hilbert(cx, cy);
                order[i] = i;
            }
            Array.Sort(keys, order);
            var leaves = new double[4 * n];
            for (var k = 0; k < n; k++) Array.Copy(boxes, 4 * order[k], leaves, 4 * k, 4);

            var levels = new List<double[]> { leaves };
            for (var count = n; count > 1;)
            {
                var below = levels[^1];
                var parents = (count + Fanout - 1) / Fanout;
                var level = new double[4 * parents];
                for (var p = 0; p < parents; p++)
                {
                    double a = double.MaxValue, b = double.MaxValue, c = double.MinValue, d = double.MinValue;
                    for (int k = p * Fanout, end = Math.Min(count, k + Fanout); k < end; k++)
                    {
                        a = Math.Min(a, below[4 * k]); b = Math.Min(b, below[4 * k + 1]);
                        c = Math.Max(c, below[4 * k + 2]); d = Math.Max(d, below[4 * k + 3]);
                    }
                    (level[4 * p], level[4 * p + 1], level[4 * p + 2], level[4 * p + 3]) = (a, b, c, d);
                }
                levels.Add(level);
                count = parents;
            }
            return new PackedRTree(order, [.. levels]);
        }

        /// <summary>Adds the slot of every segment whose envelope intersects <paramref name="e"/> (touching counts, as in NTS).</summary>
        public void Query(Envelope e, List<int> into)
        {
            if (order.Length > 0) Visit(levels.Length - 1, 0, e.MinX, e.MinY, e.MaxX, e.MaxY, into);
        }

        void Visit(int level, int box, double minX, double minY, double maxX, double maxY, List<int> into)
        {
            var b = levels[level];
            if (b[4 * box] > maxX || b[4 * box + 2] < minX || b[4 * box + 1] > maxY || b[4 * box + 3] < minY) return;
            if (level == 0) { into.Add(order[box]); return; }
            for (int k = box * Fanout, end = Math.Min(levels[level - 1].Length / 4, k + Fanout); k < end; k++)
                Visit(level - 1, k, minX, minY, maxX, maxY, into);
        }

        /// <summary>The distance along a Hilbert curve of order 16 of cell (x, y) (the classic xy2d loop).</summary>
        static ulong Hilbert(uint x, uint y)
        {
            ulong d = 0;
            for (uint s = 1u << 15; s > 0; s >>= 1)
            {
                uint rx = (x & s) > 0 ? 1u : 0u, ry = (y & s) > 0 ? 1u : 0u;
                d += (ulong)s * s * ((3 * rx) ^ ry);
                if (ry == 0)
                {
                    if (rx == 1) { x = 65535 - x; y = 65535 - y; }
                    (x, y) = (y, x);
                }
            }
            return d;
        }
    }

    /// <summary>
    /// A work area ready for many distance tests: its ring edges as flat arrays and a point-in-area locator. The
    /// distance from a polyline is 0 if a vertex lies inside or an edge crosses, else the least edge-to-edge distance.
    /// </summary>
    sealed class PreparedArea
    {
        readonly double[] edges; // x1,y1,x2,y2 per boundary edge
        readonly IndexedPointInAreaLocator locator;
        readonly Envelope envelope;

        public PreparedArea(Geometry area)
        {
            locator = new IndexedPointInAreaLocator(area);
            envelope = area.EnvelopeInternal;
            var list = new List<double>();
            foreach (var ring in Lines(area.Boundary))
            {
                var cs = ring.CoordinateSequence;
                for (var i = 1; i < cs.Count; i++) list.AddRange([cs.GetX(i - 1), cs.GetY(i - 1), cs.GetX(i), cs.GetY(i)]);
            }
            edges = list.ToArray();
        }

        static IEnumerable<LineString> Lines(Geometry g)
        {
            for (var i = 0; i < g.NumGeometries; i++)
                if (g.GetGeometryN(i) is LineString l) yield return l;
        }

        public double Distance(ReadOnlySpan<double> xy, double clearance)
        {
            // Cheap rejection: the segment's envelope is farther than the clearance from the area's envelope.
            double minX = xy[0], maxX = xy[0], minY = xy[1], maxY = xy[1];
            for (var i = 2; i < xy.Length; i += 2)
            {
                if (xy[i] < minX) minX = xy[i]; else if (xy[i] > maxX) maxX = xy[i];
                if (xy[i + 1] < minY) minY = xy[i + 1]; else if (xy[i + 1] > maxY) maxY = xy[i + 1];
            }
            var dx = Math.Max(0, Math.Max(envelope.MinX - maxX, minX - envelope.MaxX));
            var dy = Math.Max(0, Math.Max(envelope.MinY - maxY, minY - envelope.MaxY));
            if (dx * dx + dy * dy > clearance * clearance) return double.PositiveInfinity;

            if (locator.Locate(new Coordinate(xy[0], xy[1])) != Location.Exterior) return 0;
            var best = double.PositiveInfinity;
            for (var i = 2; i < xy.Length; i += 2)
                for (var e = 0; e < edges.Length; e += 4)
                {
                    var d = SegmentDistance(xy[i - 2], xy[i - 1], xy[i], xy[i + 1], edges[e], edges[e + 1], edges[e + 2], edges[e + 3]);
                    if (d < best) { best = d; if (d == 0) return 0; }
                }
            return best;
        }
    }

    /// <summary>Distance between segments AB and CD: 0 if they cross or touch, else the least point-to-segment distance.</summary>
    internal static double SegmentDistance(double ax, double ay, double bx, double by, double cx, double cy, double dx, double dy)
    {
        var d1 = Cross(cx, cy, dx, dy, ax, ay);
        var d2 = Cross(cx, cy, dx, dy, bx, by);
        var d3 = Cross(ax, ay, bx, by, cx, cy);
        var d4 = Cross(ax, ay, bx, by, dx, dy);
        if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return 0;
        return Math.Sqrt(Math.Min(
            Math.Min(PointSegment2(ax, ay, cx, cy, dx, dy), PointSegment2(bx, by, cx, cy, dx, dy)),
            Math.Min(PointSegment2(cx, cy, ax, ay, bx, by), PointSegment2(dx, dy, ax, ay, bx, by))));
    }

    static double Cross(double ax, double ay, double bx, double by, double px, double py) => (bx - ax) * (py - ay) - (by - ay) * (px - ax);

    static double PointSegment2(double px, double py, double ax, double ay, double bx, double by)
    {
        double vx = bx - ax, vy = by - ay, wx = px - ax, wy = py - ay;
        var len2 = vx * vx + vy * vy;
        var t = len2 == 0 ? 0 : Math.Clamp((wx * vx + wy * vy) / len2, 0, 1);
        double ex = wx - t * vx, ey = wy - t * vy;
        return ex * ex + ey * ey;
    }
}
