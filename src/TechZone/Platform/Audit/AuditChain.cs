using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TechZone.Platform.Audit;

/// <summary>The chain's arithmetic: what is hashed and how. Shared by writing and verifying.</summary>
public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static DateTime Truncate(DateTime utc) =>
        new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    public static string ComputeHash(AuditEntry e)
    {
        var content = string.Join('\n',
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            DateTime.SpecifyKind(e.TimestampUtc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            e.UserId ?? "", e.UserName ?? "", e.Kind.ToString(), e.EntityType, e.EntityKey ?? "", e.Changes, e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }

    /// <summary>Links <paramref name="entries"/> after the entry (<paramref name="lastSequence"/>, <paramref name="lastHash"/>).</summary>
    public static void Link(IEnumerable<AuditEntry> entries, long lastSequence, string lastHash)
    {
        foreach (var e in entries)
        {
            e.Sequence = ++lastSequence;
            e.TimestampUtc = Truncate(e.TimestampUtc);
            e.PreviousHash = lastHash;
            e.Hash = lastHash = ComputeHash(e);
        }
    }
}
