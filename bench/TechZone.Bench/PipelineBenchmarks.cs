using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using Npgsql;
using TechZone.Data;
using TechZone.Pipelines;

namespace TechZone.Bench;

/// <summary>
/// The pipelines benchmark's data: 1,000,000 pipe segments (2–4 vertices, 20–200 m) in a 30 km × 30 km square of the
/// zone CRS, on eight networks with the reference clearances, and 2,000 work areas (trenches 1–3 m × 10–60 m and pits
/// 3–20 m square, at any angle). Deterministic.
/// </summary>
public static class PipeBenchData
{
    public const int Segments = 1_000_000, Areas = 2_000;
    public const double Side = 30_000;
    static readonly TechZone.Pipelines.Gis.ZoneCrs Zone = new();
    static readonly GeometryFactory F = Zone.Factory;

    /// <summary>Network id (1..8) → clearance, as the reference data seeds them.</summary>
    public static readonly Dictionary<int, double> Clearances =
        PipelineReferenceData.Networks.Select((n, i) => (i + 1, n.Clearance)).ToDictionary(p => p.Item1, p => p.Clearance);

    public static List<IndexedSegment> BuildSegments()
    {
        var random = new Random(20261202);
        var (ox, oy) = Zone.ToZone(117.2, 39.0);
        var list = new List<IndexedSegment>(Segments);
        for (var id = 1; id <= Segments; id++)
        {
            var n = random.Next(2, 5);
            var xy = new double[n * 2];
            double x = ox + random.NextDouble() * Side, y = oy + random.NextDouble() * Side;
            var angle = random.NextDouble() * Math.PI;
            var step = (20 + random.NextDouble() * 180) / (n - 1);
            for (var i = 0; i < n; i++)
            {
                xy[2 * i] = x; xy[2 * i + 1] = y;
                angle += (random.NextDouble() - 0.5) * 0.3;
                x += Math.Cos(angle) * step; y += Math.Sin(angle) * step;
            }
            list.Add(new IndexedSegment(id, 1 + random.Next(8), 1 + random.Next(500), 0, xy));
        }
        return list;
    }

    public static List<Geometry> BuildAreas()
    {
        var random = new Random(20261203);
        var (ox, oy) = Zone.ToZone(117.2, 39.0);
        var list = new List<Geometry>(Areas);
        for (var i = 0; i < Areas; i++)
        {
            double cx = ox + random.NextDouble() * Side, cy = oy + random.NextDouble() * Side;
            var trench = i % 2 == 0;
            var (w, h) = trench ? (10 + random.NextDouble() * 50, 1 + random.NextDouble() * 2) : (3 + random.NextDouble() * 17, 3 + random.NextDouble() * 17);
            var a = random.NextDouble() * Math.PI;
            var (s, c) = Math.SinCos(a);
            Coordinate P(double u, double v) => new(cx + u * c - v * s, cy + u * s + v * c);
            list.Add(F.CreatePolygon([P(-w / 2, -h / 2), P(w / 2, -h / 2), P(w / 2, h / 2), P(-w / 2, h / 2), P(-w / 2, -h / 2)]));
        }
        return list;
    }

    public static LineString ToLine(IndexedSegment s) =>
        F.CreateLineString(Enumerable.Range(0, s.Xy.Length / 2).Select(i => new Coordinate(s.Xy[2 * i], s.Xy[2 * i + 1])).ToArray());
}

/// <summary>
/// The baseline: a bare NetTopologySuite STRtree of the pipe segments as LineStrings, asked for the area's envelope
/// buffered by the largest clearance, then NTS's IsWithinDistance with the candidate's clearance and its distance.
/// </summary>
public sealed class BareStrTree
{
    readonly STRtree<(LineString Line, int Id, int Network)> tree = new();

    public BareStrTree(IEnumerable<IndexedSegment> segments)
    {
        foreach (var s in segments)
        {
            var line = PipeBenchData.ToLine(s);
            tree.Insert(line.EnvelopeInternal, (line, s.Id, s.NetworkId));
        }
        tree.Build();
    }

    public List<(int Id, double Distance)> Check(Geometry area, IReadOnlyDictionary<int, double> clearances)
    {
        var max = clearances.Values.Max();
        var env = area.EnvelopeInternal.Copy();
        env.ExpandBy(max);
        var hits = new List<(int, double)>();
        foreach (var (line, id, network) in tree.Query(env))
            if (area.IsWithinDistance(line, clearances[network])) hits.Add((id, area.Distance(line)));
        return hits;
    }
}

/// <summary>PostGIS on the same data: a GiST-indexed geometry(LineString, 4548) table, ST_DWithin per network clearance.</summary>
public sealed class PostGisCheck : IAsyncDisposable
{
    readonly NpgsqlDataSource source;
    readonly NpgsqlConnection connection;
    readonly NpgsqlCommand command;

    PostGisCheck(NpgsqlDataSource source, NpgsqlConnection connection)
    {
        (this.source, this.connection) = (source, connection);
        command = new NpgsqlCommand("""
            SELECT s.id, ST_Distance(s.geom, a.g)
            FROM (SELECT ST_GeomFromWKB(@area, 4548) AS g) a
            JOIN bench_segments s ON s.geom && ST_Expand(a.g, @max)
            JOIN bench_networks n ON n.id = s.network
            WHERE ST_DWithin(s.geom, a.g, n.clearance)
            """, connection);
        command.Parameters.Add(new NpgsqlParameter("area", NpgsqlTypes.NpgsqlDbType.Bytea));
        command.Parameters.Add(new NpgsqlParameter("max", NpgsqlTypes.NpgsqlDbType.Double));
        command.Prepare();
    }

    public static string Server => Environment.GetEnvironmentVariable("TECHZONE_TEST_POSTGRES")
        ?? throw new InvalidOperationException("Set TECHZONE_TEST_POSTGRES to a PostgreSQL server with PostGIS.");

    /// <summary>Creates (once) the bench database with the segments loaded by binary COPY, then connects.</summary>
    public static async Task<PostGisCheck> OpenAsync(IReadOnlyList<IndexedSegment> segments, Action<string> log)
    {
        var db = "tz_bench_pipelines";
        await using (var admin = new NpgsqlConnection(Server))
        {
            await admin.OpenAsync();
            await using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{db}'", admin);
            if (await exists.ExecuteScalarAsync() is null)
                await new NpgsqlCommand($"CREATE DATABASE {db}", admin).ExecuteNonQueryAsync();
        }
        var source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(Server) { Database = db }.ToString());
        var connection = await source.OpenConnectionAsync();
        await new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS postgis", connection).ExecuteNonQueryAsync();
        await using (var count = new NpgsqlCommand("SELECT count(*) FROM bench_segments", connection))
        {
            long have = 0;
            try { have = (long)(await count.ExecuteScalarAsync())!; } catch (PostgresException) { }
            if (have != segments.Count)
            {
                var clock = Stopwatch.StartNew();
                await new NpgsqlCommand("""
                    DROP TABLE IF EXISTS bench_segments; DROP TABLE IF EXISTS bench_networks;
                    CREATE TABLE bench_networks (id int PRIMARY KEY, clearance double precision NOT NULL);
                    CREATE TABLE bench_segments (id int PRIMARY KEY, network int NOT NULL, owner int NOT NULL, wkb bytea NOT NULL);
                    """, connection).ExecuteNonQueryAsync();
                foreach (var (id, clearance) in PipeBenchData.Clearances)
                    await new NpgsqlCommand($"INSERT INTO bench_networks VALUES ({id}, {clearance.ToString(System.Globalization.CultureInfo.InvariantCulture)})", connection).ExecuteNonQueryAsync();
                await using (var copy = await connection.BeginBinaryImportAsync("COPY bench_segments (id, network, owner, wkb) FROM STDIN (FORMAT BINARY)"))
                {
                    foreach (var s in segments)
                    {
                        await copy.StartRowAsync();
                        await copy.WriteAsync(s.Id);
                        await copy.WriteAsync(s.NetworkId);
                        await copy.WriteAsync(s.OwnerEnterpriseId);
                        await copy.WriteAsync(PipeGeometry.ToWkb(PipeBenchData.ToLine(s)), NpgsqlTypes.NpgsqlDbType.Bytea);
                    }
                    await copy.CompleteAsync();
                }
                // The same generated column and GiST index as the app's migration.
                await new NpgsqlCommand("""
                    ALTER TABLE bench_segments ADD COLUMN geom geometry(LineString, 4548) GENERATED ALWAYS AS (ST_GeomFromWKB(wkb, 4548)) STORED;
                    CREATE INDEX ix_bench_segments_geom ON bench_segments USING gist (geom);
                    ANALYZE bench_segments; ANALYZE bench_networks;
                    """, connection) { CommandTimeout = 0 }.ExecuteNonQueryAsync();
                log($"PostGIS: loaded {segments.Count:N0} segments and built the GiST index in {clock.Elapsed.TotalSeconds:0} s");
            }
        }
        return new PostGisCheck(source, connection);
    }

    public async Task<List<(int Id, double Distance)>> CheckAsync(Geometry area, double maxClearance)
    {
        command.Parameters[0].Value = PipeGeometry.ToWkb(area);
        command.Parameters[1].Value = maxClearance;
        var hits = new List<(int, double)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) hits.Add((reader.GetInt32(0), reader.GetDouble(1)));
        return hits;
    }

    public async ValueTask DisposeAsync()
    {
        await command.DisposeAsync();
        await connection.DisposeAsync();
        await source.DisposeAsync();
    }
}

/// <summary>
/// One conflict check per work area, averaged over the 2,000 areas: TechZone's kernel (its real code path: per-network
/// clearances, results with distances and owners), a bare STRtree, and PostGIS over loopback.
/// Run: <c>--filter '*PipelineBenchmarks*' --inProcess</c>; <c>verify-pipelines</c> gives p50/p95 and checks the conflict sets agree.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    List<Geometry> areas = [];
    ConflictIndex index = ConflictIndex.Empty;
    BareStrTree bare = null!;
    PostGisCheck postgis = null!;
    double max;

    [GlobalSetup]
    public void Setup()
    {
        var segments = PipeBenchData.BuildSegments();
        areas = PipeBenchData.BuildAreas();
        index = ConflictIndex.Build(segments, 1);
        bare = new BareStrTree(segments);
        postgis = PostGisCheck.OpenAsync(segments, Console.WriteLine).GetAwaiter().GetResult();
        max = PipeBenchData.Clearances.Values.Max();
    }

    [GlobalCleanup]
    public void Cleanup() => postgis.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = PipeBenchData.Areas)]
    public int BareStrTreeCheck()
    {
        var n = 0;
        foreach (var a in areas) n += bare.Check(a, PipeBenchData.Clearances).Count;
        return n;
    }

    [Benchmark(OperationsPerInvoke = PipeBenchData.Areas)]
    public int TechZoneCheck()
    {
        var n = 0;
        foreach (var a in areas) n += index.Check(a, PipeBenchData.Clearances).Count;
        return n;
    }

    [Benchmark(OperationsPerInvoke = PipeBenchData.Areas)]
    public async Task<int> PostGisDWithin()
    {
        var n = 0;
        foreach (var a in areas) n += (await postgis.CheckAsync(a, max)).Count;
        return n;
    }
}

/// <summary>
/// <c>verify-pipelines</c>: measures the app's cold start (<see cref="PipelineIndex.LoadAsync"/>, the code the app runs at
/// start, on a scaled app database: time and memory), then builds the data and runs the 2,000 checks through all three,
/// reporting p50/p95 per check and whether the conflict sets are identical.
/// </summary>
public static class PipelineVerify
{
    /// <summary>A PostgreSQL app database seeded by <c>seed --scale 100000</c> (1,000,000 pipe segments), for the cold start.</summary>
    const string ZoneDbVariable = "TECHZONE_BENCH_ZONE_DB";

    public static async Task<int> RunAsync()
    {
        // First, in a fresh process, so that the process's memory is the index's and the runtime's, not the bench's data.
        await ColdStartAsync();

        var clock = Stopwatch.StartNew();
        var segments = PipeBenchData.BuildSegments();
        var areas = PipeBenchData.BuildAreas();
        Console.WriteLine($"data: {segments.Count:N0} segments, {areas.Count:N0} work areas ({clock.Elapsed.TotalSeconds:0.0} s)");
        await using var postgis = await PostGisCheck.OpenAsync(segments, Console.WriteLine);
        clock.Restart();
        var index = ConflictIndex.Build(segments, 1);
        Console.WriteLine($"index built from the data in memory (arrays + packed R-tree, no database): {clock.Elapsed.TotalSeconds:0.00} s");
        var bare = new BareStrTree(segments);
        var max = PipeBenchData.Clearances.Values.Max();
        var ours = new double[areas.Count];
        var theirs = new double[areas.Count];
        var pg = new double[areas.Count];
        long differ = 0, total = 0, maxDistanceGap = 0;
        double worstGap = 0;
        for (var pass = 0; pass < 2; pass++) // the first pass warms up (JIT, caches)
            for (var i = 0; i < areas.Count; i++)
            {
                var t0 = Stopwatch.GetTimestamp();
                var a = index.Check(areas[i], PipeBenchData.Clearances);
                var t1 = Stopwatch.GetTimestamp();
                var b = bare.Check(areas[i], PipeBenchData.Clearances);
                var t2 = Stopwatch.GetTimestamp();
                var c = await postgis.CheckAsync(areas[i], max);
                var t3 = Stopwatch.GetTimestamp();
                if (pass == 0) continue;
                (ours[i], theirs[i], pg[i]) = (Ms(t0, t1), Ms(t1, t2), Ms(t2, t3));
                var sa = a.Select(h => h.SegmentId).Order().ToList();
                if (!sa.SequenceEqual(b.Select(h => h.Id).Order()) || !sa.SequenceEqual(c.Select(h => h.Id).Order())) differ++;
                total += sa.Count;
                var byId = c.ToDictionary(h => h.Id, h => h.Distance);
                foreach (var h in a)
                    if (byId.TryGetValue(h.SegmentId, out var d)) worstGap = Math.Max(worstGap, Math.Abs(d - h.DistanceM));
            }
        _ = maxDistanceGap;
        Console.WriteLine($"conflicts found: {total:N0} over {areas.Count:N0} checks; areas whose conflict sets differ: {differ}; largest distance difference vs PostGIS: {worstGap:0.000000} m");
        Console.WriteLine($"TechZone check   p50 {P(ours, 50):0.000} ms  p95 {P(ours, 95):0.000} ms  mean {ours.Average():0.000} ms");
        Console.WriteLine($"bare STRtree     p50 {P(theirs, 50):0.000} ms  p95 {P(theirs, 95):0.000} ms  mean {theirs.Average():0.000} ms");
        Console.WriteLine($"PostGIS DWithin  p50 {P(pg, 50):0.000} ms  p95 {P(pg, 95):0.000} ms  mean {pg.Average():0.000} ms");
        Console.WriteLine($"ratio TechZone / bare STRtree: p50 {P(ours, 50) / P(theirs, 50):0.00}x, p95 {P(ours, 95) / P(theirs, 95):0.00}x");
        return differ == 0 ? 0 : 1;
    }

    /// <summary>The cold start as the app does it: the registry read from the app's database into a new index, timed, with its memory.</summary>
    static async Task ColdStartAsync()
    {
        if (Environment.GetEnvironmentVariable(ZoneDbVariable) is not { Length: > 0 } connection)
        {
            Console.WriteLine($"cold start: skipped; set {ZoneDbVariable} to a PostgreSQL app database seeded by `seed --scale 100000` (docs/perf.md)");
            return;
        }
        var options = new DbContextOptionsBuilder<PostgresZoneDb>().UseNpgsql(connection).Options;
        await using var db = new PostgresZoneDb(options);
        var version = await PipelineIndex.RegistryVersionAsync(db, default); // also opens the model and the connection pool
        GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
        var heapBefore = GC.GetTotalMemory(true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(true);
        var clock = Stopwatch.StartNew();
        var index = await PipelineIndex.LoadAsync(db, version, default);
        var load = clock.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes(true) - allocatedBefore;
        GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
        var heapAfter = GC.GetTotalMemory(true);
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"cold start (PipelineIndex.LoadAsync on the app database): {index.Count:N0} segments read and indexed in {load.TotalSeconds:0.00} s; " +
            $"index heap {(heapAfter - heapBefore) / 1e6:0} MB, allocated during the load {allocated / 1e6:0} MB, " +
            $"process peak working set {process.PeakWorkingSet64 / 1e6:0} MB");
        GC.KeepAlive(index);
    }

    static double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;

    static double P(double[] values, int percentile)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1)];
    }
}
