using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechZone.Platform.Identity;

namespace TechZone.Platform.Inbox;

sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("platform_notifications");
        b.Property(x => x.Title).HasMaxLength(InboxLimits.Title);
        b.Property(x => x.TitleEn).HasMaxLength(InboxLimits.Title);
        b.Property(x => x.Body).HasMaxLength(InboxLimits.Body);
        b.Property(x => x.BodyEn).HasMaxLength(InboxLimits.Body);
        b.Property(x => x.Link).HasMaxLength(InboxLimits.Link);
        // The bell counts unread rows of one user on every page; the list reads one user's newest first.
        b.HasIndex(x => new { x.UserId, x.ReadUtc });
        b.HasIndex(x => new { x.UserId, x.CreatedUtc });
        b.HasOne<ZoneUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
