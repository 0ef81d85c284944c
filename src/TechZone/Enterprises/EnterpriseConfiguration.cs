using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechZone.Platform.Identity;

namespace TechZone.Enterprises;

sealed class EnterpriseConfiguration : IEntityTypeConfiguration<Enterprise>
{
    public void Configure(EntityTypeBuilder<Enterprise> b)
    {
        b.ToTable("enterprises_enterprises");
        b.Property(x => x.CreditCode).HasMaxLength(18).IsFixedLength(false);
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasIndex(x => x.CreditCode).IsUnique();
        b.HasIndex(x => x.Name);
        b.HasOne(x => x.Park).WithMany().HasForeignKey(x => x.ParkId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany<ZoneUser>().WithOne().HasForeignKey(u => u.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
    }
}
