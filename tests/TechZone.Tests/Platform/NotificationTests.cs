using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechZone.Data;
using TechZone.Platform.Api;
using TechZone.Platform.Identity;
using TechZone.Platform.Inbox;
using TechZone.Tests.Infrastructure;

namespace TechZone.Tests.Platform;

/// <summary>In-app notifications, their API and page, and the e-mail/SMS outbox with its drainer.</summary>
public abstract class NotificationTests(ZoneApp app)
{
    static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];

    static NotificationMessage Message(string title = "新诉求已交办") =>
        new(title, "A new demand was assigned", "请在 3 个工作日内处理。", "Please handle it within 3 working days.", "/demands/9");

    Task<int> NotifyAsync(IEnumerable<string> userIds, NotificationMessage message, bool email = false, bool sms = false) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<NotificationService>().NotifyAsync(userIds, message, email, sms));

    Task<List<Notification>> NotificationsOf(string userId) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Set<Notification>().AsNoTracking().Where(n => n.UserId == userId).ToListAsync());

    Task<List<OutboxMessage>> OutboxOf(string userId) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Recipient == userId).OrderBy(m => m.Id).ToListAsync());

    static async Task<int> UnreadOf(HttpClient client) =>
        (await client.GetFromJsonAsync<UnreadCount>("/api/v1/notifications/unread-count"))!.Count;

    [Fact]
    public async Task MarkRead_ChangesTheUnreadCount_ButAnotherUsersNotificationIs404()
    {
        app.SkipIfUnavailable();
        var alice = await app.CreateUserAsync(Unique("a"), Roles.Staff);
        var bob = await app.CreateUserAsync(Unique("b"), Roles.Enterprise);
        // Alice twice in the list: still one notification.
        Assert.Equal(2, await NotifyAsync([alice.Id, alice.Id, bob.Id], Message()));

        var asAlice = await app.SignedInAsync(alice.UserName!);
        var asBob = await app.SignedInAsync(bob.UserName!);
        Assert.Equal(1, await UnreadOf(asAlice));
        Assert.Equal(1, await UnreadOf(asBob));

        var list = (await asAlice.GetFromJsonAsync<PagedResult<NotificationEntry>>("/api/v1/notifications"))!;
        var mine = Assert.Single(list.Items);
        Assert.Equal("新诉求已交办", mine.Title);
        Assert.Equal("/demands/9", mine.Link);
        Assert.False(mine.IsRead);

        var bobs = Assert.Single(await NotificationsOf(bob.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await asAlice.PostAsync($"/api/v1/notifications/{bobs.Id}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await asAlice.PostAsync("/api/v1/notifications/999999999/read", null)).StatusCode);
        Assert.Equal(1, await UnreadOf(asBob));
        Assert.Null(Assert.Single(await NotificationsOf(bob.Id)).ReadUtc);

        Assert.Equal(HttpStatusCode.NoContent, (await asAlice.PostAsync($"/api/v1/notifications/{mine.Id}/read", null)).StatusCode);
        Assert.Equal(0, await UnreadOf(asAlice));
        var readAt = Assert.Single(await NotificationsOf(alice.Id)).ReadUtc;
        Assert.NotNull(readAt);
        // Again: harmless, and the first read time stays.
        Assert.Equal(HttpStatusCode.NoContent, (await asAlice.PostAsync($"/api/v1/notifications/{mine.Id}/read", null)).StatusCode);
        Assert.Equal(readAt, Assert.Single(await NotificationsOf(alice.Id)).ReadUtc);
        Assert.True(Assert.Single((await asAlice.GetFromJsonAsync<PagedResult<NotificationEntry>>("/api/v1/notifications"))!.Items).IsRead);
    }

    [Fact]
    public async Task MarkAllRead_MarksOnlyTheCallersOwn()
    {
        app.SkipIfUnavailable();
        var alice = await app.CreateUserAsync(Unique("a"), Roles.Staff);
        var bob = await app.CreateUserAsync(Unique("b"), Roles.Staff);
        for (var i = 0; i < 3; i++) await NotifyAsync([alice.Id], Message("通知" + i));
        await NotifyAsync([bob.Id], Message());

        var asAlice = await app.SignedInAsync(alice.UserName!);
        var response = await asAlice.PostAsync("/api/v1/notifications/read-all", null);
        Assert.Equal(3, (await response.Content.ReadFromJsonAsync<MarkedRead>())!.Count);
        Assert.Equal(0, await UnreadOf(asAlice));
        Assert.Equal(1, await UnreadOf(await app.SignedInAsync(bob.UserName!)));

        // Newest first, in the reader's language, paged.
        var page = (await asAlice.GetFromJsonAsync<PagedResult<NotificationEntry>>("/api/v1/notifications?pageSize=2&culture=en"))!;
        Assert.Equal(3, page.Total);
        Assert.Equal(2, page.Items.Count);
        Assert.All(page.Items, n => Assert.Equal("A new demand was assigned", n.Title));
        Assert.True(page.Items[0].Id > page.Items[1].Id);
    }

    [Fact]
    public async Task Api_WithoutSignIn_Returns401_AndThePageRedirectsToSignIn()
    {
        app.SkipIfUnavailable();
        var client = app.Browser();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/notifications")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/notifications/unread-count")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/api/v1/notifications/read-all", null)).StatusCode);
        var page = await client.GetAsync("/notifications");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", ZoneApp.Target(page));
    }

    [Fact]
    public async Task PageAndBell_ShowTheUnreadNotifications()
    {
        app.SkipIfUnavailable();
        var user = await app.CreateUserAsync(Unique("u"), Roles.Leader);
        await NotifyAsync([user.Id], Message("园区停电检修通知"));
        await NotifyAsync([user.Id], Message("政策申报提醒"));
        var client = await app.SignedInAsync(user.UserName!);

        var page = await client.GetStringAsync("/notifications");
        Assert.Contains("园区停电检修通知", page);
        Assert.Contains("政策申报提醒", page);
        Assert.Contains("data-read=\"false\"", page);
        // The bell in the app bar carries the count, on every page.
        var home = await client.GetStringAsync("/");
        Assert.Contains("data-testid=\"notification-bell\"", home);
        Assert.Contains("通知：2 条未读", home);
    }

    [Fact]
    public async Task Notify_WithEmailAndSms_QueuesOutboxRows_InEachUsersLanguage_InTheSameSave()
    {
        app.SkipIfUnavailable();
        var chinese = await app.CreateUserAsync(Unique("zh"), Roles.Staff);
        var english = await app.CreateUserAsync(Unique("en"), Roles.Staff);
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ZoneUser>>();
            var user = (await users.FindByIdAsync(english.Id))!;
            user.PreferredCulture = "en";
            return await users.UpdateAsync(user);
        });

        await NotifyAsync([chinese.Id, english.Id], Message(), email: true, sms: true);

        var zh = await OutboxOf(chinese.Id);
        Assert.Equal(new[] { OutboxChannel.Email, OutboxChannel.Sms }, zh.Select(m => m.Channel).Order());
        Assert.All(zh, m => Assert.Equal("新诉求已交办", m.Subject));
        Assert.All(zh, m => Assert.Null(m.SentUtc));
        var en = await OutboxOf(english.Id);
        Assert.Equal(2, en.Count);
        Assert.All(en, m => Assert.Equal("A new demand was assigned", m.Subject));
        Assert.All(en, m => Assert.Equal("Please handle it within 3 working days.", m.Body));

        // No channel asked for: a notification only.
        var quiet = await app.CreateUserAsync(Unique("q"), Roles.Staff);
        await NotifyAsync([quiet.Id], Message());
        Assert.Empty(await OutboxOf(quiet.Id));
        Assert.Single(await NotificationsOf(quiet.Id));
    }

    [Fact]
    public async Task Notify_WithAnOffSiteLink_OrAnUnknownUser_WritesNothing()
    {
        app.SkipIfUnavailable();
        var user = await app.CreateUserAsync(Unique("u"), Roles.Staff);
        var offSite = await Assert.ThrowsAsync<TechZone.Platform.DomainException>(() =>
            NotifyAsync([user.Id], Message() with { Link = "https://evil.example/" }, email: true));
        Assert.Equal("LinkNotLocal", offSite.Code);
        await Assert.ThrowsAsync<ArgumentException>(() => NotifyAsync([user.Id, "no-such-user"], Message(), email: true));
        Assert.Empty(await NotificationsOf(user.Id));
        Assert.Empty(await OutboxOf(user.Id));
    }

    [Fact]
    public async Task Drainer_WithoutASender_DrainsNothing()
    {
        app.SkipIfUnavailable();
        var user = await app.CreateUserAsync(Unique("u"), Roles.Staff);
        await NotifyAsync([user.Id], Message(), email: true);
        var result = await app.WithScopeAsync(sp => sp.GetRequiredService<OutboxDrainer>().DrainAsync(100));
        Assert.Equal(new OutboxDrainResult(0, 0), result);
        var message = Assert.Single(await OutboxOf(user.Id));
        Assert.Null(message.SentUtc);
        Assert.Equal(0, message.Attempts);
    }

    [Fact]
    public async Task Drainer_SendsThroughRegisteredSenders_AndRecordsAFailingSendersError()
    {
        app.SkipIfUnavailable();
        var email = new FakeSender(OutboxChannel.Email);
        var sms = new FakeSender(OutboxChannel.Sms, fail: "SMS gateway is down");
        await using var host = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Outbox:IntervalSeconds", "0");
            b.ConfigureTestServices(s =>
            {
                s.AddSingleton<IOutboxSender>(email);
                s.AddSingleton<IOutboxSender>(sms);
            });
        });
        var user = await app.CreateUserAsync(Unique("u"), Roles.Staff);
        await NotifyAsync([user.Id], Message(), email: true, sms: true);

        async Task<OutboxDrainResult> Drain()
        {
            await using var scope = host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<OutboxDrainer>().DrainAsync(10_000);
        }

        var first = await Drain();
        Assert.True(first.Sent >= 1 && first.Failed >= 1, first.ToString());
        Assert.Contains(email.Sent, m => m.Recipient == user.Id && m.Subject == "新诉求已交办");

        var rows = await OutboxOf(user.Id);
        var sent = rows.Single(m => m.Channel == OutboxChannel.Email);
        Assert.NotNull(sent.SentUtc);
        Assert.Equal(1, sent.Attempts);
        Assert.Null(sent.LastError);
        var failed = rows.Single(m => m.Channel == OutboxChannel.Sms);
        Assert.Null(failed.SentUtc);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("SMS gateway is down", failed.LastError);
        Assert.True(failed.NextAttemptUtc > DateTime.UtcNow, "a failed message waits before its retry");

        // A second run sends nothing again: the sent one is done, the failed one is backing off.
        await Drain();
        Assert.Single(email.Sent, m => m.Recipient == user.Id);
        Assert.Equal(1, (await OutboxOf(user.Id)).Single(m => m.Channel == OutboxChannel.Sms).Attempts);
    }

    sealed class FakeSender(OutboxChannel channel, string? fail = null) : IOutboxSender
    {
        public ConcurrentQueue<OutboxMessage> Sent { get; } = new();
        public OutboxChannel Channel => channel;

        public Task SendAsync(OutboxMessage message, CancellationToken ct)
        {
            if (fail is not null) throw new InvalidOperationException(fail);
            Sent.Enqueue(message);
            return Task.CompletedTask;
        }
    }
}

[Collection("sqlite")]
public sealed class NotificationTests_Sqlite(SqliteApp app) : NotificationTests(app);

[Collection("postgres")]
public sealed class NotificationTests_Postgres(PostgresApp app) : NotificationTests(app);
