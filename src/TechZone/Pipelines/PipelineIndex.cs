using System.Buffers.Binary;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using TechZone.Data;

namespace TechZone.Pipelines;

/// <summary>
/// The app's conflict index: one <see cref="ConflictIndex"/> snapshot per instance, loaded at start and kept coherent
/// with the database by the registry version (<see cref="PipeRegistryState"/>): before each check it reads that one
/// row and, when another instance (or this one) changed the registry, loads only the segments changed since. So a
/// change committed anywhere is seen by the next check everywhere, without LISTEN/NOTIFY plumbing.
/// </summary>
public sealed class PipelineIndex(ILogger<PipelineIndex> log)
{
    /// <summary>The index and every network's clearance and names, at one registry version (a network's change bumps it).</summary>
    public sealed record State(ConflictIndex Index, IReadOnlyDictionary<int, PipeNetwork> Networks)
    {
        /// <summary>Each network's clearance, as the check reads it (once per registry version, not per check).</summary>
        public IReadOnlyDictionary<int, double> Clearances { get; } = Networks.ToDictionary(n => n.Key, n => n.Value.ClearanceM);
    }

    readonly SemaphoreSlim gate = new(1, 1);
    volatile State? current;

    /// <summary>The index as of the database's registry version now (loading or catching up first if needed).</summary>
    public async Task<State> CurrentAsync(ZoneDb db, CancellationToken ct = default)
    {
        var version = await RegistryVersionAsync(db, ct);
        if (current is { } fresh && fresh.Index.Version >= version) return fresh;
        await gate.WaitAsync(ct);
        try
        {
            var state = current;
            if (state is not null && state.Index.Version >= version) return state;
            var networks = await db.Set<PipeNetwork>().AsNoTracking().ToDictionaryAsync(n => n.Id, ct);
            ConflictIndex index;
            if (state is null)
            {
                var watch = Stopwatch.StartNew();
                index = await LoadAsync(db, version, ct);
                log.LogInformation("Pipeline conflict index loaded: {Count} pipe segments in {Ms} ms", index.Count, watch.ElapsedMilliseconds);
            }
            else
            {
                var since = state.Index.Version;
                var changed = new List<IndexedSegment>();
                var removed = new List<int>();
                await foreach (var s in Rows(db.Set<PipeSegment>().Where(s => s.ChangedVersion > since)).AsAsyncEnumerable().WithCancellation(ct))
                {
                    if (s.Status != PipeStatus.Removed && ToIndexed(s.Id, s.NetworkId, s.OwnerEnterpriseId, s.OwnerUtilityId, s.Wkb) is { } seg) changed.Add(seg);
                    else removed.Add(s.Id);
                }
                index = state.Index.With(changed, removed, version);
            }
            current = state = new State(index, networks);
            return state;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// The cold start: every current pipe segment read into a new index. A million rows, so no EF entity, byte[] or
    /// coordinate array per row: the query EF generates (names, enum conversion, provider SQL) runs on a plain data
    /// reader, each WKB is copied into one reused buffer and decoded straight into the index's flat coordinate array,
    /// which is presized by a first count; the packed R-tree is built once over all envelopes at the end.
    /// </summary>
    public static async Task<ConflictIndex> LoadAsync(ZoneDb db, long version, CancellationToken ct)
    {
        var current = db.Set<PipeSegment>().AsNoTracking().Where(s => s.Status != PipeStatus.Removed);
        var rows = await current.CountAsync(ct);
        var bytes = await current.SumAsync(s => (long)s.Wkb.Length, ct);
        // A WKB LineString is a 9-byte header and 8 bytes per value; a row added meanwhile only makes the arrays grow.
        var builder = new ConflictIndex.Builder(rows, (int)Math.Max(0, (bytes - 9L * rows) / 8));

        var query = current.Select(s => new { s.Id, s.NetworkId, s.OwnerEnterpriseId, s.OwnerUtilityId, s.Wkb });
        var opened = db.Database.GetDbConnection().State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = query.CreateDbCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandTimeout = 0; // a million rows on a busy server may take longer than a query should
            await using var reader = await command.ExecuteReaderAsync(ct);
            var buffer = new byte[1024];
            while (await reader.ReadAsync(ct))
            {
                // The columns in the projection's order; GetBytes copies out of the provider's row buffer.
                var id = reader.GetInt32(0);
                var network = reader.GetInt32(1);
                var ownerEnterprise = reader.IsDBNull(2) ? IndexedSegment.None : reader.GetInt32(2);
                var ownerUtility = reader.IsDBNull(3) ? IndexedSegment.None : reader.GetInt32(3);
                // One call per row where the WKB fits (63 vertices); Microsoft.Data.Sqlite copies the blob out on every call.
                var length = (int)reader.GetBytes(4, 0, buffer, 0, buffer.Length);
                if (length == buffer.Length && reader.GetBytes(4, 0, null, 0, 0) is var full && full > length)
                {
                    buffer = new byte[Math.Max(full, buffer.Length * 2)];
                    length = (int)reader.GetBytes(4, 0, buffer, 0, (int)full);
                }
                var wkb = buffer.AsSpan(0, length);
                var values = LineValues(wkb);
                if (values < 0) continue; // not a 2D LineString: nothing the check could use (the registry writes only those)
                ReadDoubles(wkb[9..], builder.Reserve(values));
                builder.Add(id, network, ownerEnterprise, ownerUtility, values);
            }
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
        return builder.Build(version);
    }

    /// <summary>The number of x,y values of a little-endian 2D WKB LineString (as <see cref="PipeGeometry.ToWkb"/> writes it), or -1.</summary>
    static int LineValues(ReadOnlySpan<byte> wkb)
    {
        if (wkb.Length < 9 || wkb[0] != 1 || BinaryPrimitives.ReadUInt32LittleEndian(wkb[1..]) != 2) return -1;
        var n = BinaryPrimitives.ReadUInt32LittleEndian(wkb[5..]);
        return n >= 2 && wkb.Length == 9 + n * 16L ? (int)n * 2 : -1;
    }

    static void ReadDoubles(ReadOnlySpan<byte> littleEndian, Span<double> into)
    {
        if (BitConverter.IsLittleEndian) MemoryMarshal.Cast<byte, double>(littleEndian[..(into.Length * 8)]).CopyTo(into);
        else for (var i = 0; i < into.Length; i++) into[i] = BinaryPrimitives.ReadDoubleLittleEndian(littleEndian[(i * 8)..]);
    }

    public static Task<long> RegistryVersionAsync(ZoneDb db, CancellationToken ct) =>
        db.Set<PipeRegistryState>().AsNoTracking().Where(s => s.Id == 1).Select(s => s.Version).SingleAsync(ct);

    static IQueryable<Row> Rows(IQueryable<PipeSegment> q) =>
        q.AsNoTracking().Select(s => new Row(s.Id, s.NetworkId, s.OwnerEnterpriseId, s.OwnerUtilityId, s.Status, s.Wkb));

    sealed record Row(int Id, int NetworkId, int? OwnerEnterpriseId, int? OwnerUtilityId, PipeStatus Status, byte[] Wkb);

    public static IndexedSegment? ToIndexed(int id, int network, int? ownerEnterprise, int? ownerUtility, byte[] wkb) =>
        PipeGeometry.LineCoordinates(wkb) is { } xy
            ? new IndexedSegment(id, network, ownerEnterprise ?? IndexedSegment.None, ownerUtility ?? IndexedSegment.None, xy)
            : null;
}

/// <summary>Loads the conflict index when the app starts, so that the first check does not pay for it.</summary>
sealed class PipelineIndexWarmup(IServiceScopeFactory scopes, PipelineIndex index, ILogger<PipelineIndexWarmup> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await index.CurrentAsync(scope.ServiceProvider.GetRequiredService<ZoneDb>(), stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // The first check loads it then; a database still migrating must not stop the app.
            log.LogWarning(ex, "Loading the pipeline conflict index at start failed");
        }
    }
}
