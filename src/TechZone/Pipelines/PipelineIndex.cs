using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
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
    /// <summary>The index and the clearance of every network, at one registry version.</summary>
    public sealed record State(ConflictIndex Index, IReadOnlyDictionary<int, double> Clearances);

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
            var clearances = await db.Set<PipeNetwork>().AsNoTracking().ToDictionaryAsync(n => n.Id, n => n.ClearanceM, ct);
            ConflictIndex index;
            if (state is null)
            {
                var watch = Stopwatch.StartNew();
                var rows = new List<IndexedSegment>();
                await foreach (var s in Rows(db.Set<PipeSegment>().Where(s => s.Status != PipeStatus.Removed)).AsAsyncEnumerable().WithCancellation(ct))
                    if (ToIndexed(s.Id, s.NetworkId, s.OwnerEnterpriseId, s.OwnerUtilityId, s.Wkb) is { } seg) rows.Add(seg);
                index = ConflictIndex.Build(rows, version);
                log.LogInformation("Pipeline conflict index loaded: {Count} pipe segments in {Ms} ms", rows.Count, watch.ElapsedMilliseconds);
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
            current = state = new State(index, clearances);
            return state;
        }
        finally
        {
            gate.Release();
        }
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
