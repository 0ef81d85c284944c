namespace TechZone.Platform.Inbox;

/// <summary>
/// A to-do (待办) waiting for one user or for a whole department. Modules open and complete items through
/// <see cref="InboxService"/>, finding their own item again by <see cref="SourceModule"/> + <see cref="SourceKey"/>.
/// </summary>
public class InboxItem
{
    public long Id { get; set; }

    /// <summary>The one user the item is for; null when it is for a department.</summary>
    public string? UserId { get; set; }

    /// <summary>The department whose members all see the item; null when it is for a user.</summary>
    public int? DepartmentId { get; set; }

    public string Title { get; set; } = "";
    public string TitleEn { get; set; } = "";

    /// <summary>A local path ("/demands/42") where the work is done.</summary>
    public string Link { get; set; } = "";

    public DateTime? DueUtc { get; set; }

    /// <summary>The module that owns the item (e.g. "Demands").</summary>
    public string SourceModule { get; set; } = "";

    /// <summary>What the module uses to find and close its item (e.g. "demand:42:answer"); unique per module.</summary>
    public string SourceKey { get; set; } = "";

    public DateTime CreatedUtc { get; set; }
    public DateTime? DoneUtc { get; set; }

    public string DisplayTitle(bool chinese) => chinese || string.IsNullOrEmpty(TitleEn) ? Title : TitleEn;

    public bool IsOverdue(DateTime nowUtc) => DoneUtc is null && DueUtc is { } due && due < nowUtc;
}
