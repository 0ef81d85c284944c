namespace TechZone.Platform.Inbox;

public enum OutboxChannel
{
    Email = 1,
    Sms = 2,
}

/// <summary>
/// An e-mail or SMS to send, written in the same SaveChanges as the notification it belongs to, so that a
/// message is never sent for a change that was rolled back, nor lost for one that was saved.
/// <see cref="OutboxDrainer"/> hands it to the registered <see cref="IOutboxSender"/>s.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }
    public OutboxChannel Channel { get; set; }

    /// <summary>The user id; the sender looks up the address or phone number when it sends.</summary>
    public string Recipient { get; set; } = "";

    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime? SentUtc { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }

    /// <summary>
    /// Not before this time: a drainer's claim (so two instances never send the same message at once) or the
    /// back-off after a failure. Null means ready now.
    /// </summary>
    public DateTime? NextAttemptUtc { get; set; }
}
