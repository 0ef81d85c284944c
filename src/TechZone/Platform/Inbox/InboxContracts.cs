namespace TechZone.Platform.Inbox;

/// <summary>
/// What a module asks for when it opens (or updates) a to-do: for exactly one of <see cref="UserId"/> or
/// <see cref="DepartmentId"/>, titled in both languages, linking to a local page.
/// </summary>
public sealed record InboxItemRequest(
    string SourceModule,
    string SourceKey,
    string Title,
    string TitleEn,
    string Link,
    DateTime? DueUtc = null,
    string? UserId = null,
    int? DepartmentId = null);

/// <summary>One open to-do as its recipient sees it, title in the reader's language.</summary>
public sealed record InboxEntry(
    long Id,
    string Title,
    string Link,
    DateTime? DueUtc,
    bool IsOverdue,
    bool ForDepartment,
    string SourceModule,
    DateTime CreatedUtc);

/// <summary>A notification's content in both languages; <see cref="Link"/> is a local path or null.</summary>
public sealed record NotificationMessage(string Title, string TitleEn, string Body, string BodyEn, string? Link = null);

/// <summary>One notification as its recipient sees it, in the reader's language.</summary>
public sealed record NotificationEntry(long Id, string Title, string Body, string? Link, DateTime CreatedUtc, bool IsRead);

public sealed record UnreadCount(int Count);

public sealed record MarkedRead(int Count);

/// <summary>What one <see cref="OutboxDrainer.DrainAsync"/> call did.</summary>
public sealed record OutboxDrainResult(int Sent, int Failed);

/// <summary>Column sizes shared by the entities and the checks in the services.</summary>
public static class InboxLimits
{
    public const int Title = 200;
    public const int Body = 2000;
    public const int Link = 500;
    public const int SourceModule = 40;
    public const int SourceKey = 200;
}

