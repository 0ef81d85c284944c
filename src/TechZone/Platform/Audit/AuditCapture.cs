using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace TechZone.Platform.Audit;

/// <summary>
/// Turns tracked changes into audit entries: which entities, which fields, and what is never written out
/// (password hashes and stamps are recorded as changed, not their values).
/// </summary>
static class AuditCapture
{
    static readonly HashSet<Type> NotAudited = [typeof(AuditEntry), typeof(DataProtectionKey), typeof(IdentityUserToken<string>)];
    static readonly HashSet<string> Masked = ["PasswordHash", "SecurityStamp"];

    // Sign-in bookkeeping on users; sign-ins and lockouts are audited as security events instead.
    static readonly HashSet<string> Noise = ["AccessFailedCount", "LockoutEnd", "ConcurrencyStamp"];

    public sealed class Pending(EntityEntry entry, AuditKind kind, string? keyBefore, Dictionary<string, object?[]> changes)
    {
        /// <summary>Called after the save: an inserted row's generated values (its key above all) exist only now.</summary>
        public AuditEntry ToEntry(string? userId, string? userName, DateTime now)
        {
            if (kind == AuditKind.Insert)
                foreach (var p in entry.Properties)
                    if (p.CurrentValue is not null && !Derived(p)) changes[p.Metadata.Name] = [null, Value(p.Metadata.Name, p.CurrentValue)];
            return Build(userId, userName, now);
        }

        AuditEntry Build(string? userId, string? userName, DateTime now) => new()
        {
            TimestampUtc = now,
            UserId = userId,
            UserName = userName,
            Kind = kind,
            EntityType = entry.Metadata.GetTableName() ?? entry.Metadata.ClrType.Name,
            // Keys of inserted rows exist only after the insert; others are read before the row may be gone.
            EntityKey = keyBefore ?? KeyOf(entry),
            Changes = JsonSerializer.Serialize(changes),
        };
    }

    /// <summary>A column the database computes from the others (a stored tsvector): the others are the record.</summary>
    static bool Derived(PropertyEntry p) => p.Metadata.GetComputedColumnSql() is not null;

    public static List<Pending> Collect(ChangeTracker tracker)
    {
        var pending = new List<Pending>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (NotAudited.Contains(entry.Metadata.ClrType) || entry.Metadata.IsOwned()) continue;

            var changes = new Dictionary<string, object?[]>();
            foreach (var p in entry.Properties.Where(p => !Derived(p)))
            {
                var name = p.Metadata.Name;
                switch (entry.State)
                {
                    case EntityState.Added:
                        break; // read after the save, when generated values are known

                    case EntityState.Deleted:
                        changes[name] = [Value(name, p.OriginalValue), null];
                        break;
                    default:
                        if (p.IsModified && !Noise.Contains(name) && !Equals(p.OriginalValue, p.CurrentValue))
                            changes[name] = [Value(name, p.OriginalValue), Value(name, p.CurrentValue)];
                        break;
                }
            }
            if (entry.State == EntityState.Modified && changes.Count == 0) continue;

            var kind = entry.State switch
            {
                EntityState.Added => AuditKind.Insert,
                EntityState.Deleted => AuditKind.Delete,
                _ => AuditKind.Update,
            };
            pending.Add(new Pending(entry, kind, entry.State == EntityState.Added ? null : KeyOf(entry), changes));
        }
        return pending;
    }

    static object? Value(string property, object? value) => Masked.Contains(property) && value is not null ? "***" : value switch
    {
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc).ToString("O"),
        Enum e => e.ToString(),
        _ => value,
    };

    static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));
}
