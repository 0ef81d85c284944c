using System.Text;
using Microsoft.EntityFrameworkCore;
using TechZone.Data;

namespace TechZone.Platform.Background;

/// <summary>
/// Background work that runs in rounds, once across all instances: every round gets its own DI scope and, on
/// PostgreSQL, a cluster-wide advisory lock named after the work; an instance that does not get the lock skips the
/// round (another instance is doing it). On SQLite there is no lock: one process owns the file by design.
/// A period of zero or less (from configuration) turns the work off.
/// </summary>
public abstract class PeriodicWork(IServiceScopeFactory scopes, ILogger log) : BackgroundService
{
    /// <summary>The time between rounds, from configuration; zero or less turns the work off.</summary>
    protected abstract TimeSpan Period { get; }

    /// <summary>Whether the first round runs at start rather than one period later.</summary>
    protected virtual bool RunsAtStart => false;

    /// <summary>What the work does, for the log ("Escalating overdue demands").</summary>
    protected abstract string What { get; }

    /// <summary>One round, in its own scope (the scope's ZoneDb holds the lock).</summary>
    protected abstract Task RoundAsync(IServiceProvider services, CancellationToken ct);

    /// <summary>Checked once at start: false stops the work (e.g. an outbox without senders).</summary>
    protected virtual bool Enabled(IServiceProvider services) => true;

    /// <summary>The advisory lock key: a stable hash of the work's name, so that every instance uses the same one.</summary>
    public long LockKey => StableKey("TechZone.PeriodicWork:" + GetType().Name);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = Period;
        if (period <= TimeSpan.Zero) return;
        await using (var probe = scopes.CreateAsyncScope())
            if (!Enabled(probe.ServiceProvider)) return;

        using var timer = new PeriodicTimer(period);
        if (!RunsAtStart && !await timer.WaitForNextTickAsync(stoppingToken)) return;
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(ex, "{What} failed; the next round tries again", What);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Runs one round now if this instance gets the lock. False if another instance holds it (skipped).</summary>
    public async Task<bool> RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZoneDb>();
        if (!db.Database.IsNpgsql())
        {
            await RoundAsync(scope.ServiceProvider, ct);
            return true;
        }

        // A session lock on a connection kept open for the whole round: the round may commit several transactions
        // (batches), and the lock goes with the connection if the instance dies.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (!await TryLockAsync(db, LockKey, ct))
            {
                log.LogDebug("{What}: another instance holds the round, skipped", What);
                return false;
            }
            try
            {
                await RoundAsync(scope.ServiceProvider, ct);
                return true;
            }
            finally
            {
                try
                {
                    await db.Database.SqlQueryRaw<bool>("SELECT pg_advisory_unlock({0}) AS \"Value\"", LockKey).SingleAsync(CancellationToken.None);
                }
                catch (Exception ex)
                {
                    // A broken connection has released the lock with the session.
                    log.LogWarning(ex, "{What}: releasing the round's lock failed", What);
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    static Task<bool> TryLockAsync(ZoneDb db, long key, CancellationToken ct) =>
        db.Database.SqlQueryRaw<bool>("SELECT pg_try_advisory_lock({0}) AS \"Value\"", key).SingleAsync(ct);

    /// <summary>FNV-1a over UTF-8: the same on every instance and every run (string.GetHashCode is not).</summary>
    static long StableKey(string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(name)) hash = (hash ^ b) * 1099511628211UL;
        return unchecked((long)hash);
    }
}
