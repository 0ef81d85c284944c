namespace TechZone.Platform.Inbox;

/// <summary>An in-app notification to one user, shown under the bell until read.</summary>
public class Notification
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string Title { get; set; } = "";
    public string TitleEn { get; set; } = "";
    public string Body { get; set; } = "";
    public string BodyEn { get; set; } = "";

    /// <summary>A local path to open, or null.</summary>
    public string? Link { get; set; }

    public DateTime CreatedUtc { get; set; }
    public DateTime? ReadUtc { get; set; }

    public string DisplayTitle(bool chinese) => chinese || string.IsNullOrEmpty(TitleEn) ? Title : TitleEn;
    public string DisplayBody(bool chinese) => chinese || string.IsNullOrEmpty(BodyEn) ? Body : BodyEn;
}
