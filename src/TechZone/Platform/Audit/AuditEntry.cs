namespace TechZone.Platform.Audit;

public enum AuditKind { Insert, Update, Delete, Bulk, Security }

/// <summary>
/// One link of the append-only, hash-chained audit trail. <see cref="Hash"/> is the SHA-256 of this entry's
/// content and <see cref="PreviousHash"/>, so changing or deleting any entry breaks the chain from there on.
/// </summary>
public class AuditEntry
{
    /// <summary>Position in the chain, 1, 2, 3 ... assigned under the chain lock; also the primary key.</summary>
    public long Sequence { get; set; }

    /// <summary>UTC, truncated to milliseconds so that both databases store it exactly.</summary>
    public DateTime TimestampUtc { get; set; }

    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public AuditKind Kind { get; set; }

    /// <summary>The table changed (e.g. enterprises_enterprises), or for a security event its name (e.g. SignInFailed).</summary>
    public string EntityType { get; set; } = "";

    public string? EntityKey { get; set; }

    /// <summary>JSON: changed fields as {"Field": [old, new]}, or a bulk batch's or security event's details.</summary>
    public string Changes { get; set; } = "{}";

    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}
