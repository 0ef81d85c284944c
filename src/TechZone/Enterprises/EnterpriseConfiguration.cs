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
        b.Property(x => x.NameKey).HasMaxLength(1000);
        b.Property(x => x.NameTokens).HasMaxLength(400);
        // The list's default order (pinyin, then name, then id) read straight from the index, no sort, and a name
        // search with no other filter as an index-only scan: SQLite's index entries end with the rowid (the id);
        // PostgreSQL's include it (an annotation SQLite ignores).
        b.HasIndex(x => new { x.NameKey, x.Name }).IncludeProperties(x => x.Id);
        b.Property(x => x.LegalRepresentative).HasMaxLength(50);
        b.Property(x => x.Address).HasMaxLength(200);
        b.Property(x => x.IndustryCode).HasMaxLength(2);
        b.Property(x => x.SizeClass).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(x => x.CreditCode).IsUnique();
        b.HasIndex(x => x.Name);
        b.HasIndex(x => x.IndustryCode);
        b.HasIndex(x => x.Status);
        b.HasOne(x => x.Park).WithMany().HasForeignKey(x => x.ParkId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany<ZoneUser>().WithOne().HasForeignKey(u => u.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.FormerNames).WithOne().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.StatusChanges).WithOne().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Contacts).WithOne().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class EnterpriseFormerNameConfiguration : IEntityTypeConfiguration<EnterpriseFormerName>
{
    public void Configure(EntityTypeBuilder<EnterpriseFormerName> b)
    {
        b.ToTable("enterprises_former_names");
        b.Property(x => x.Name).HasMaxLength(200);
        // Former names are searched too, so "who was 某某 before" finds the enterprise.
        b.HasIndex(x => x.Name);
    }
}

sealed class EnterpriseStatusChangeConfiguration : IEntityTypeConfiguration<EnterpriseStatusChange>
{
    public void Configure(EntityTypeBuilder<EnterpriseStatusChange> b)
    {
        b.ToTable("enterprises_status_changes");
        b.Property(x => x.From).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.To).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.ByUserName).HasMaxLength(256);
    }
}

sealed class EnterpriseContactConfiguration : IEntityTypeConfiguration<EnterpriseContact>
{
    public void Configure(EntityTypeBuilder<EnterpriseContact> b)
    {
        b.ToTable("enterprises_contacts");
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.Title).HasMaxLength(50);
        b.Property(x => x.Phone).HasMaxLength(30);
        b.Property(x => x.Email).HasMaxLength(100);
    }
}
