using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Api;
using TechZone.Platform.Identity;

namespace TechZone.Platform.Inbox;

/// <summary>
/// The to-do inbox (待办): the one Platform contract through which modules put work in front of people and take it
/// away again. <see cref="OpenAsync"/> and <see cref="CompleteAsync"/> save the caller's scoped ZoneDb, so
/// changes the module has pending are saved with the item, in one transaction.
/// </summary>
public sealed class InboxService(ZoneDb db, CurrentUser current)
{
    /// <summary>
    /// Opens the item named by SourceModule + SourceKey, or updates it if it exists (and reopens it if it was
    /// done): calling twice never makes two items. Returns the item's id.
    /// </summary>
    public async Task<long> OpenAsync(InboxItemRequest request, CancellationToken ct = default)
    {
        Validate(request);
        for (var attempt = 1; ; attempt++)
        {
            var item = await db.Set<InboxItem>()
                .SingleOrDefaultAsync(i => i.SourceModule == request.SourceModule && i.SourceKey == request.SourceKey, ct);
            if (item is null)
            {
                item = new InboxItem { SourceModule = request.SourceModule, SourceKey = request.SourceKey, CreatedUtc = DateTime.UtcNow };
                db.Add(item);
            }
            Apply(item, request);
            try
            {
                await db.SaveChangesAsync(ct);
                return item.Id;
            }
            // Another request opened the same key between our read and our insert: update that one instead.
            // Not inside a caller's transaction, which the failed insert has spoiled (PostgreSQL).
            catch (DbUpdateException) when (attempt == 1 && db.Entry(item).State == EntityState.Added && db.Database.CurrentTransaction is null)
            {
                db.Entry(item).State = EntityState.Detached;
            }
        }
    }

    /// <summary>
    /// Opens (or updates and reopens) many items of one module with one read and one save — for sweeps inside the
    /// caller's transaction. The same rules as <see cref="OpenAsync"/>, one item per SourceKey.
    /// </summary>
    public async Task OpenManyAsync(string sourceModule, IReadOnlyList<InboxItemRequest> requests, CancellationToken ct = default)
    {
        if (requests.Count == 0) return;
        foreach (var r in requests)
        {
            Validate(r);
            if (r.SourceModule != sourceModule) throw new ArgumentException($"'{r.SourceKey}' is not of module {sourceModule}.", nameof(requests));
        }
        var keys = requests.Select(r => r.SourceKey).Distinct().ToList();
        var existing = await db.Set<InboxItem>().Where(i => i.SourceModule == sourceModule && keys.Contains(i.SourceKey))
            .ToDictionaryAsync(i => i.SourceKey, StringComparer.Ordinal, ct);
        var now = DateTime.UtcNow;
        foreach (var r in requests)
        {
            if (!existing.TryGetValue(r.SourceKey, out var item))
            {
                item = new InboxItem { SourceModule = sourceModule, SourceKey = r.SourceKey, CreatedUtc = now };
                db.Add(item);
                existing[r.SourceKey] = item;
            }
            Apply(item, r);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The request's fields onto its item, which is (re)opened.</summary>
    static void Apply(InboxItem item, InboxItemRequest r)
    {
        item.UserId = r.UserId;
        item.DepartmentId = r.DepartmentId;
        item.Title = r.Title.Trim();
        item.TitleEn = r.TitleEn.Trim();
        item.Link = r.Link;
        item.DueUtc = AsUtc(r.DueUtc);
        item.DoneUtc = null;
    }

    /// <summary>Marks the module's item done. False if there is no open item with that key (so calling twice is harmless).</summary>
    public async Task<bool> CompleteAsync(string sourceModule, string sourceKey, CancellationToken ct = default)
    {
        var item = await db.Set<InboxItem>()
            .SingleOrDefaultAsync(i => i.SourceModule == sourceModule && i.SourceKey == sourceKey && i.DoneUtc == null, ct);
        if (item is null) return false;
        item.DoneUtc = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// The current user's open items, their own and their department's: those with a due date first, soonest
    /// (so the overdue ones) on top, then undated ones oldest first.
    /// </summary>
    public async Task<PagedResult<InboxEntry>> ListMineAsync(int? page, int? pageSize, bool chinese, CancellationToken ct = default)
    {
        var (p, size) = Paging.Normalize(page, pageSize);
        if (current.UserId is not { } userId) return new PagedResult<InboxEntry>([], 0, p, size);

        var open = db.Set<InboxItem>().AsNoTracking().Where(i => i.DoneUtc == null);
        // Built per case: comparing with a null parameter would match every department-less row.
        open = current.DepartmentId is { } departmentId
            ? open.Where(i => i.UserId == userId || i.DepartmentId == departmentId)
            : open.Where(i => i.UserId == userId);

        var total = await open.CountAsync(ct);
        var rows = await open
            .OrderBy(i => i.DueUtc == null).ThenBy(i => i.DueUtc).ThenBy(i => i.CreatedUtc).ThenBy(i => i.Id)
            .Skip((p - 1) * size).Take(size)
            .ToListAsync(ct);
        var now = DateTime.UtcNow;
        var items = rows.Select(i => new InboxEntry(i.Id, i.DisplayTitle(chinese), i.Link, AsUtc(i.DueUtc), i.IsOverdue(now),
            i.DepartmentId is not null, i.SourceModule, AsUtc(i.CreatedUtc))).ToList();
        return new PagedResult<InboxEntry>(items, total, p, size);
    }

    static void Validate(InboxItemRequest request)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.SourceModule);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.SourceKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Title);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.SourceModule.Length, InboxLimits.SourceModule);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.SourceKey.Length, InboxLimits.SourceKey);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.Title.Length, InboxLimits.Title);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.TitleEn.Length, InboxLimits.Title);
        if (string.IsNullOrEmpty(request.UserId) == (request.DepartmentId is null))
            throw new DomainException("InboxRecipient");
        LocalLink.Require(request.Link);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.Link.Length, InboxLimits.Link);
    }

    /// <summary>SQLite gives times back without a kind and PostgreSQL refuses local ones: times are UTC everywhere.</summary>
    internal static DateTime? AsUtc(DateTime? value) => value is { } v ? AsUtc(v) : null;

    internal static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
