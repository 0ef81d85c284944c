using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Api;

namespace TechZone.Platform.Audit;

public sealed record AuditQuery(string? User = null, string? EntityType = null, string? EntityKey = null, AuditKind? Kind = null,
    DateTime? FromUtc = null, DateTime? ToUtc = null, int? Page = null, int? PageSize = null);

public sealed record AuditItem(long Sequence, DateTime TimestampUtc, string? UserName, AuditKind Kind, string EntityType, string? EntityKey, string Changes);

/// <summary>
/// The outcome of checking the chain: intact, or the first entry that does not fit and why
/// (<c>Missing</c>: a gap in the sequence; <c>PreviousHash</c>: not linked to the entry before; <c>Hash</c>: content changed).
/// </summary>
public sealed record AuditVerification(bool Intact, long Checked, long? BrokenAt, string? Problem)
{
    public string ProblemText => Problem switch
    {
        "Missing" => "the entry is missing",
        "PreviousHash" => "its previous-hash does not match the entry before it",
        "Hash" => "its content does not match its hash",
        _ => "",
    };
}

/// <summary>Reading and verifying the audit trail. Nothing here — or anywhere — edits or deletes an entry.</summary>
public sealed class AuditService(ZoneDb db)
{
    public async Task<PagedResult<AuditItem>> SearchAsync(AuditQuery query)
    {
        var (page, pageSize) = Paging.Normalize(query.Page, query.PageSize);
        var rows = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.User)) rows = rows.Where(e => e.UserName != null && e.UserName.Contains(query.User.Trim()));
        if (!string.IsNullOrWhiteSpace(query.EntityType)) rows = rows.Where(e => e.EntityType == query.EntityType);
        if (!string.IsNullOrWhiteSpace(query.EntityKey)) rows = rows.Where(e => e.EntityKey == query.EntityKey);
        if (query.Kind is { } kind) rows = rows.Where(e => e.Kind == kind);
        if (query.FromUtc is { } from) rows = rows.Where(e => e.TimestampUtc >= from);
        if (query.ToUtc is { } to) rows = rows.Where(e => e.TimestampUtc < to);

        var total = await rows.CountAsync();
        var items = await rows.OrderByDescending(e => e.Sequence).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(e => new AuditItem(e.Sequence, e.TimestampUtc, e.UserName, e.Kind, e.EntityType, e.EntityKey, e.Changes))
            .ToListAsync();
        return new PagedResult<AuditItem>(items, total, page, pageSize);
    }

    public async Task<IReadOnlyList<string>> EntityTypesAsync() =>
        await db.AuditEntries.AsNoTracking().Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync();

    /// <summary>Walks the whole chain in order, in pages, and names the first entry that was changed, removed or inserted by hand.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default)
    {
        const int batch = 5000;
        long expected = 1, done = 0;
        var previous = AuditChain.Genesis;
        while (true)
        {
            var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence >= expected)
                .OrderBy(e => e.Sequence).Take(batch).ToListAsync(ct);
            if (entries.Count == 0) return new(true, done, null, null);
            foreach (var e in entries)
            {
                if (e.Sequence != expected) return new(false, done, expected, "Missing");
                if (e.PreviousHash != previous) return new(false, done, e.Sequence, "PreviousHash");
                if (AuditChain.ComputeHash(e) != e.Hash) return new(false, done, e.Sequence, "Hash");
                previous = e.Hash;
                expected++;
                done++;
            }
        }
    }
}
