using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Api;
using TechZone.Platform.Identity;
using TechZone.Platform.Localization;

namespace TechZone.Platform.Inbox;

/// <summary>In-app notifications (the bell), and the e-mail/SMS copies they may ask for.</summary>
public sealed class NotificationService(ZoneDb db, CurrentUser current)
{
    /// <summary>
    /// Notifies each user once (duplicates in <paramref name="userIds"/> are ignored) and, for each channel asked
    /// for, queues an outbox message in the user's own language. One SaveChanges for all of it, together with
    /// whatever the calling module has pending. Returns how many users were notified.
    /// </summary>
    public Task<int> NotifyAsync(IEnumerable<string> userIds, NotificationMessage message,
        bool alsoEmail = false, bool alsoSms = false, CancellationToken ct = default) =>
        NotifyEachAsync([(userIds.ToList(), message)], alsoEmail, alsoSms, ct);

    /// <summary>
    /// Many messages, each to its own users, with one read of the users' languages and one SaveChanges — for sweeps
    /// that notify thousands at once. The same rules as <see cref="NotifyAsync"/>; returns the notifications made.
    /// </summary>
    public async Task<int> NotifyEachAsync(IReadOnlyList<(IReadOnlyList<string> UserIds, NotificationMessage Message)> batch,
        bool alsoEmail = false, bool alsoSms = false, CancellationToken ct = default)
    {
        foreach (var (_, message) in batch)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(message.Title);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(Math.Max(message.Title.Length, message.TitleEn.Length), InboxLimits.Title);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(Math.Max(message.Body.Length, message.BodyEn.Length), InboxLimits.Body);
            if (message.Link is not null)
            {
                LocalLink.Require(message.Link);
                ArgumentOutOfRangeException.ThrowIfGreaterThan(message.Link.Length, InboxLimits.Link);
            }
        }

        var all = batch.SelectMany(b => b.UserIds).Distinct(StringComparer.Ordinal).ToList();
        if (all.Count == 0) return 0;
        var cultures = await db.Users.AsNoTracking().Where(u => all.Contains(u.Id))
            .Select(u => new { u.Id, u.PreferredCulture }).ToDictionaryAsync(u => u.Id, u => u.PreferredCulture, ct);
        var unknown = all.FirstOrDefault(id => !cultures.ContainsKey(id));
        if (unknown is not null) throw new ArgumentException($"No user has the id '{unknown}'.", nameof(batch));

        var now = DateTime.UtcNow;
        var made = 0;
        foreach (var (userIds, message) in batch)
            foreach (var userId in userIds.Distinct(StringComparer.Ordinal))
            {
                db.Add(new Notification
                {
                    UserId = userId, Title = message.Title, TitleEn = message.TitleEn, Body = message.Body, BodyEn = message.BodyEn,
                    Link = message.Link, CreatedUtc = now,
                });
                var chinese = ZoneCultures.Normalize(cultures[userId]) == ZoneCultures.Chinese;
                var subject = chinese || message.TitleEn == "" ? message.Title : message.TitleEn;
                var body = chinese || message.BodyEn == "" ? message.Body : message.BodyEn;
                if (alsoEmail) db.Add(Outbox(OutboxChannel.Email, userId, subject, body, now));
                if (alsoSms) db.Add(Outbox(OutboxChannel.Sms, userId, subject, body, now));
                made++;
            }
        await db.SaveChangesAsync(ct);
        return made;
    }

    static OutboxMessage Outbox(OutboxChannel channel, string userId, string subject, string body, DateTime now) =>
        new() { Channel = channel, Recipient = userId, Subject = subject, Body = body, CreatedUtc = now };

    /// <summary>The current user's notifications, newest first.</summary>
    public async Task<PagedResult<NotificationEntry>> ListMineAsync(int? page, int? pageSize, bool chinese, CancellationToken ct = default)
    {
        var (p, size) = Paging.Normalize(page, pageSize);
        if (current.UserId is not { } userId) return new PagedResult<NotificationEntry>([], 0, p, size);

        var mine = db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId);
        var total = await mine.CountAsync(ct);
        var rows = await mine.OrderByDescending(n => n.CreatedUtc).ThenByDescending(n => n.Id)
            .Skip((p - 1) * size).Take(size).ToListAsync(ct);
        var items = rows.Select(n => new NotificationEntry(n.Id, n.DisplayTitle(chinese), n.DisplayBody(chinese), n.Link,
            InboxService.AsUtc(n.CreatedUtc), n.ReadUtc is not null)).ToList();
        return new PagedResult<NotificationEntry>(items, total, p, size);
    }

    public async Task<int> UnreadCountAsync(CancellationToken ct = default) =>
        current.UserId is { } userId
            ? await db.Set<Notification>().CountAsync(n => n.UserId == userId && n.ReadUtc == null, ct)
            : 0;

    /// <summary>
    /// Marks one of the current user's notifications read (again is harmless). False if there is no such
    /// notification of theirs: another user's answers exactly like a missing one.
    /// </summary>
    public async Task<bool> MarkReadAsync(long id, CancellationToken ct = default)
    {
        if (current.UserId is not { } userId) return false;
        var notification = await db.Set<Notification>().SingleOrDefaultAsync(n => n.Id == id && n.UserId == userId, ct);
        if (notification is null) return false;
        if (notification.ReadUtc is null)
        {
            notification.ReadUtc = DateTime.UtcNow;
            await db.SaveChangesAsync(ct);
        }
        return true;
    }

    /// <summary>Marks all the current user's unread notifications read; returns how many.</summary>
    public async Task<int> MarkAllReadAsync(CancellationToken ct = default)
    {
        if (current.UserId is not { } userId) return 0;
        var now = DateTime.UtcNow;
        return await db.Set<Notification>().Where(n => n.UserId == userId && n.ReadUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadUtc, now), ct);
    }
}
