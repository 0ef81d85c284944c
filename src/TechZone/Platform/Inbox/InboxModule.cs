using TechZone.Platform.Identity;
using TechZone.Platform.Layout;

namespace TechZone.Platform.Inbox;

/// <summary>To-do inbox, notifications and their e-mail/SMS outbox: the table of contents of this part of Platform.</summary>
public static class InboxModule
{
    public static IServiceCollection AddInbox(this IServiceCollection services)
    {
        services.AddScoped<InboxService>();
        services.AddScoped<NotificationService>();
        services.AddScoped<OutboxDrainer>();
        services.AddHostedService<OutboxWorker>();
        // Per circuit: lets the notifications page tell the bell in the app bar that the count changed.
        services.AddScoped<UnreadBadge>();
        services.AddHomeWidget(new HomeWidget(0, Policies.Internal, typeof(InboxCard)));
        return services;
    }

    public static IEndpointRouteBuilder MapInbox(this IEndpointRouteBuilder app)
    {
        app.MapInboxEndpoints();
        return app;
    }
}

/// <summary>The unread count's change signal within one circuit.</summary>
public sealed class UnreadBadge
{
    public event Func<Task>? Changed;

    public Task NotifyChangedAsync() => Changed?.Invoke() ?? Task.CompletedTask;
}
