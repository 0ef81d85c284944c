using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TechZone.Enterprises;
using TechZone.Platform.Identity;
using TechZone.Platform.Zone;

namespace TechZone.Data;

/// <summary>
/// The one DbContext. Each provider has a subclass (<see cref="SqliteZoneDb"/>, <see cref="PostgresZoneDb"/>)
/// only so that each keeps its own migration set; the model is the same.
/// </summary>
public abstract class ZoneDb(DbContextOptions options) : IdentityDbContext<ZoneUser>(options), IDataProtectionKeyContext
{
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<DepartmentGrant> DepartmentGrants => Set<DepartmentGrant>();
    public DbSet<Park> Parks => Set<Park>();
    public DbSet<Enterprise> Enterprises => Set<Enterprise>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

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
    }
}

public sealed class SqliteZoneDb(DbContextOptions<SqliteZoneDb> options) : ZoneDb(options);

public sealed class PostgresZoneDb(DbContextOptions<PostgresZoneDb> options) : ZoneDb(options);
