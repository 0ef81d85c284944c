using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechZone.Platform.Inbox;

sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("platform_outbox_messages");
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Recipient).HasMaxLength(450);
        b.Property(x => x.Subject).HasMaxLength(InboxLimits.Title);
        b.Property(x => x.Body).HasMaxLength(InboxLimits.Body);
        b.Property(x => x.LastError).HasMaxLength(OutboxDrainer.MaxErrorLength);
        // The drainer looks for unsent messages only; sent ones pile up behind them.
        b.HasIndex(x => new { x.SentUtc, x.NextAttemptUtc });
    }
}
