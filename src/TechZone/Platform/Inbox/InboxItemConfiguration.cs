using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechZone.Platform.Identity;
using TechZone.Platform.Zone;

namespace TechZone.Platform.Inbox;

sealed class InboxItemConfiguration : IEntityTypeConfiguration<InboxItem>
{
    public void Configure(EntityTypeBuilder<InboxItem> b)
    {
        // An item is for one user or for one department, never both or neither.
        b.ToTable("platform_inbox_items", t => t.HasCheckConstraint("CK_platform_inbox_items_recipient",
            "(\"UserId\" IS NULL) <> (\"DepartmentId\" IS NULL)"));
        b.Property(x => x.Title).HasMaxLength(InboxLimits.Title);
        b.Property(x => x.TitleEn).HasMaxLength(InboxLimits.Title);
        b.Property(x => x.Link).HasMaxLength(InboxLimits.Link);
        b.Property(x => x.SourceModule).HasMaxLength(InboxLimits.SourceModule);
        b.Property(x => x.SourceKey).HasMaxLength(InboxLimits.SourceKey);
        b.HasIndex(x => new { x.SourceModule, x.SourceKey }).IsUnique();
        // "My open items" reads by recipient and open state.
        b.HasIndex(x => new { x.UserId, x.DoneUtc });
        b.HasIndex(x => new { x.DepartmentId, x.DoneUtc });
        b.HasOne<ZoneUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
