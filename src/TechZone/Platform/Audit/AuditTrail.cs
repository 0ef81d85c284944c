using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TechZone.Data;

namespace TechZone.Platform.Audit;

/// <summary>
/// Appending to the chain. Appends are serialized — across instances on PostgreSQL by a transaction-scoped
/// advisory lock, within the one process that owns a SQLite file by a semaphore — so that two writers never
/// link to the same predecessor.
/// </summary>
public static class AuditTrail
{
    // Any fixed number; names TechZone's audit chain among PostgreSQL advisory locks.
    const long PostgresLockKey = 0x7A_6F6E_6561_7564;
    static readonly SemaphoreSlim SqliteChain = new(1, 1);

    public static async Task<IAsyncDisposable> LockChainAsync(ZoneDb db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey})", ct);
            return NoRelease.Instance;
        }
        await SqliteChain.WaitAsync(ct);
        return new Release(SqliteChain);
    }

    /// <summary>Links the entries after the current end of the chain and adds them to the context (the caller saves).</summary>
    public static async Task AppendAsync(ZoneDb db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0) return;
        var last = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        AuditChain.Link(entries, last?.Sequence ?? 0, last?.Hash ?? AuditChain.Genesis);
        db.AuditEntries.AddRange(entries);
    }

    /// <summary>Adds a security event (sign-in, lockout, token issued ...) to be written by the next save.</summary>
    public static void Security(ZoneDb db, string eventName, string? userName, object? details = null, string? userId = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            TimestampUtc = DateTime.UtcNow,
            UserId = userId ?? db.CurrentUser.UserId,
            UserName = userName ?? db.CurrentUser.UserName,
            Kind = AuditKind.Security,
            EntityType = eventName,
            Changes = JsonSerializer.Serialize(details ?? new { }),
        });

    /// <summary>
    /// Adds the one entry a bulk path writes for a batch: what it wrote (counts, key range) and from which file
    /// (its SHA-256). The rows themselves are saved with <see cref="ZoneDb.AuditRows"/> off.
    /// </summary>
    public static void Batch(ZoneDb db, string table, object details, string? keyRange = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            TimestampUtc = DateTime.UtcNow,
            UserId = db.CurrentUser.UserId,
            UserName = db.CurrentUser.UserName,
            Kind = AuditKind.Bulk,
            EntityType = table,
            EntityKey = keyRange,
            Changes = JsonSerializer.Serialize(details),
        });

    sealed class Release(SemaphoreSlim semaphore) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            semaphore.Release();
            return ValueTask.CompletedTask;
        }
    }

    sealed class NoRelease : IAsyncDisposable
    {
        public static readonly NoRelease Instance = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
