using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechZone.Platform.Identity;

namespace TechZone.Platform.Zone;

sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> b)
    {
        b.ToTable("platform_departments");
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.NameEn).HasMaxLength(100);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasMany(x => x.Grants).WithOne().HasForeignKey(g => g.DepartmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany<ZoneUser>().WithOne().HasForeignKey(u => u.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class DepartmentGrantConfiguration : IEntityTypeConfiguration<DepartmentGrant>
{
    public void Configure(EntityTypeBuilder<DepartmentGrant> b)
    {
        b.ToTable("platform_department_grants");
        b.Property(x => x.Module).HasMaxLength(40);
        b.Property(x => x.Access).HasConversion<string>().HasMaxLength(10);
        b.HasIndex(x => new { x.DepartmentId, x.Module }).IsUnique();
    }
}

sealed class ParkConfiguration : IEntityTypeConfiguration<Park>
{
    public void Configure(EntityTypeBuilder<Park> b)
    {
        b.ToTable("platform_parks");
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.NameEn).HasMaxLength(100);
        b.HasIndex(x => x.Code).IsUnique();
    }
}
