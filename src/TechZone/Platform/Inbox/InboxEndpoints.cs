using Microsoft.AspNetCore.Http.HttpResults;
using TechZone.Platform.Api;
using TechZone.Platform.Identity;
using TechZone.Platform.Localization;

namespace TechZone.Platform.Inbox;

static class InboxEndpoints
{
    public static void MapInboxEndpoints(this IEndpointRouteBuilder app)
    {
        var inbox = app.MapGroup("/api/v1/inbox").WithTags("Inbox");
        inbox.MapGet("/", ListInbox).RequireAuthorization(Policies.SignedIn);

        var notifications = app.MapGroup("/api/v1/notifications").WithTags("Notifications");
        notifications.MapGet("/", ListNotifications).RequireAuthorization(Policies.SignedIn);
        notifications.MapGet("/unread-count", CountUnread).RequireAuthorization(Policies.SignedIn);
        notifications.MapPost("/{id:long}/read", MarkRead).RequireAuthorization(Policies.SignedIn);
        notifications.MapPost("/read-all", MarkAllRead).RequireAuthorization(Policies.SignedIn);
    }

    static async Task<Ok<PagedResult<InboxEntry>>> ListInbox(int? page, int? pageSize, InboxService inbox, CancellationToken ct) =>
        TypedResults.Ok(await inbox.ListMineAsync(page, pageSize, ZoneCultures.IsChinese, ct));

    static async Task<Ok<PagedResult<NotificationEntry>>> ListNotifications(int? page, int? pageSize, NotificationService notifications, CancellationToken ct) =>
        TypedResults.Ok(await notifications.ListMineAsync(page, pageSize, ZoneCultures.IsChinese, ct));

    static async Task<Ok<UnreadCount>> CountUnread(NotificationService notifications, CancellationToken ct) =>
        TypedResults.Ok(new UnreadCount(await notifications.UnreadCountAsync(ct)));

    static async Task<Results<NoContent, NotFound>> MarkRead(long id, NotificationService notifications, CancellationToken ct) =>
        await notifications.MarkReadAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    static async Task<Ok<MarkedRead>> MarkAllRead(NotificationService notifications, CancellationToken ct) =>
        TypedResults.Ok(new MarkedRead(await notifications.MarkAllReadAsync(ct)));
}
