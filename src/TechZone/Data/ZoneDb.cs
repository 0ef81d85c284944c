using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TechZone.Enterprises;
using TechZone.Platform.Audit;
using TechZone.Platform.Identity;
using TechZone.Platform.Zone;

namespace TechZone.Data;

/// <summary>
/// The one DbContext. Each provider has a subclass (<see cref="SqliteZoneDb"/>, <see cref="PostgresZoneDb"/>)
/// only so that each keeps its own migration set; the model is the same.
/// Every save appends audit entries for what it changed, in the same transaction (see <see cref="SaveChangesAsync(bool, CancellationToken)"/>).
/// Contexts are pooled (building one per request cost more than a small query): a scope rents one through
/// <see cref="Rent"/>, which sets who is acting and turns the audit back on.
/// </summary>
public abstract class ZoneDb(DbContextOptions options) : IdentityDbContext<ZoneUser>(options), IDataProtectionKeyContext
{
    CurrentUser currentUser = new();

    public DbSet<Department> Departments => Set<Department>();
    public DbSet<DepartmentGrant> DepartmentGrants => Set<DepartmentGrant>();
    public DbSet<Park> Parks => Set<Park>();
    public DbSet<Enterprise> Enterprises => Set<Enterprise>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// Off for a bulk path (an import, a scale seed), which writes one <see cref="AuditKind.Bulk"/> entry for the
    /// whole batch through <see cref="AuditTrail.Batch"/> instead of one entry per row.
    /// </summary>
    public bool AuditRows { get; set; } = true;

    public CurrentUser CurrentUser => currentUser;

    /// <summary>
    /// Readies a context from the pool for one scope. A pooled context keeps its fields between scopes, so everything
    /// a scope may change here is set again.
    /// </summary>
    internal static TContext Rent<TContext>(IDbContextFactory<TContext> pool, CurrentUser user) where TContext : ZoneDb
    {
        var db = pool.CreateDbContext();
        db.currentUser = user;
        db.AuditRows = true;
        return db;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // SQLite has no schemas, so tables are named <module>_<entity> on both providers.
        builder.Entity<ZoneUser>().ToTable("platform_users");
        builder.Entity<IdentityRole>().ToTable("platform_roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("platform_user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("platform_user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("platform_user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("platform_user_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("platform_role_claims");
        builder.Entity<DataProtectionKey>().ToTable("platform_data_protection_keys");

        builder.Entity<ZoneUser>(u =>
        {
            u.Property(x => x.DisplayName).HasMaxLength(100);
            u.Property(x => x.PreferredCulture).HasMaxLength(10);
            u.HasIndex(x => x.DepartmentId);
            u.HasIndex(x => x.EnterpriseId);
        });

        builder.ApplyConfigurationsFromAssembly(typeof(ZoneDb).Assembly);

        // Foreign keys between modules live here, in the one place that sees every module's entities.
        builder.Entity<Demands.Demand>().HasOne<Enterprise>().WithMany().HasForeignKey(d => d.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Demands.Visit>().HasOne<Enterprise>().WithMany().HasForeignKey(v => v.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Chains.SegmentTag>().HasOne<Enterprise>().WithMany().HasForeignKey(t => t.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        builder.Entity<Chains.Lead>().HasOne<Enterprise>().WithMany().HasForeignKey(l => l.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Chains.KeyProject>().HasOne<Enterprise>().WithMany().HasForeignKey(p => p.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Chains.Lead>().HasOne<ZoneUser>().WithMany().HasForeignKey(l => l.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Space.Lease>().HasOne<Enterprise>().WithMany().HasForeignKey(l => l.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Space.SpaceRequest>().HasOne<Enterprise>().WithMany().HasForeignKey(r => r.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Space.SurveyRecord>().HasOne<Enterprise>().WithMany().HasForeignKey(r => r.LeaseholderId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Space.SurveyRecord>().HasOne<Enterprise>().WithMany().HasForeignKey(r => r.ActualUserId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Space.Parcel>().HasOne<Enterprise>().WithMany().HasForeignKey(p => p.HolderId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<SupportPolicies.PolicyVerdict>().HasOne<Enterprise>().WithMany().HasForeignKey(v => v.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        builder.Entity<SupportPolicies.PolicyPush>().HasOne<Enterprise>().WithMany().HasForeignKey(v => v.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        builder.Entity<Pipelines.PipeSegment>().HasOne<Enterprise>().WithMany().HasForeignKey(s => s.OwnerEnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Pipelines.PipeNode>().HasOne<Enterprise>().WithMany().HasForeignKey(n => n.OwnerEnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Pipelines.ExcavationRequest>().HasOne<Enterprise>().WithMany().HasForeignKey(r => r.ApplicantEnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Pipelines.OwnerAnswer>().HasOne<Enterprise>().WithMany().HasForeignKey(a => a.OwnerEnterpriseId).OnDelete(DeleteBehavior.Restrict);

        // Every versioned entity uses its Version as the optimistic concurrency token.
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)))
            builder.Entity(type.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct = default)
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
            entry.Entity.Version++;
        foreach (var entry in ChangeTracker.Entries<Platform.Text.ISearchKeyed>().Where(e => e.State is EntityState.Added or EntityState.Modified))
            entry.Entity.RefreshSearchKey();

        var pending = AuditRows ? AuditCapture.Collect(ChangeTracker) : [];
        // Entries added explicitly (security events, bulk batches) are linked into the chain with the rest.
        var explicitEntries = ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList();
        if (pending.Count == 0 && explicitEntries.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);

        foreach (var e in explicitEntries) e.State = EntityState.Detached;
        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        try
        {
            await using var chainLock = await AuditTrail.LockChainAsync(this, ct);
            var result = await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, ct);

            var now = DateTime.UtcNow;
            var entries = pending.Select(p => p.ToEntry(currentUser.UserId, currentUser.UserName, now))
                .Concat(explicitEntries.Select(e => e.Entity)).ToList();
            await AuditTrail.AppendAsync(this, entries, ct);
            await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, ct);

            if (ownTransaction is not null) await ownTransaction.CommitAsync(ct);
            return result;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }
}

/// <summary>An entity updated with optimistic concurrency: a stale <see cref="Version"/> makes the save fail (409).</summary>
public interface IVersioned
{
    long Version { get; set; }
}

public sealed class SqliteZoneDb(DbContextOptions<SqliteZoneDb> options) : ZoneDb(options);

public sealed class PostgresZoneDb(DbContextOptions<PostgresZoneDb> options) : ZoneDb(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        Demands.DemandConfiguration.ConfigurePostgres(builder.Entity<Demands.Demand>());
    }
}
