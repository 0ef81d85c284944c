using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechZone.Platform.Zone;

namespace TechZone.Demands;

sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    /// <summary>The registry's entity, named rather than referenced: modules meet through contracts, the database through keys.</summary>

    public void Configure(EntityTypeBuilder<Visit> b)
    {
        b.ToTable("demands_visits");
        b.Property(x => x.Purpose).HasMaxLength(VisitLimits.Purpose);
        b.Property(x => x.PlannedByUserId).HasMaxLength(450);
        b.Property(x => x.PlannedByName).HasMaxLength(100);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.CancelReason).HasMaxLength(VisitLimits.CancelReason);
        b.Property(x => x.CancelledByName).HasMaxLength(100);
        b.Property(x => x.Attendees).HasMaxLength(VisitLimits.Attendees);
        b.Property(x => x.Topics).HasMaxLength(VisitLimits.Topics);
        b.Property(x => x.Findings).HasMaxLength(VisitLimits.Findings);
        b.Property(x => x.FollowUps).HasMaxLength(VisitLimits.FollowUps);
        b.Property(x => x.RecordedByUserId).HasMaxLength(450);
        b.Property(x => x.RecordedByName).HasMaxLength(100);
        b.Ignore(x => x.OnDate);
        // The calendar reads a date range; the limit check one enterprise's month.
        b.HasIndex(x => x.PlannedOn);
        b.HasIndex(x => x.VisitedOn);
        b.HasIndex(x => new { x.EnterpriseId, x.PlannedOn });
        b.HasIndex(x => x.LeadDepartmentId);
        // The foreign key to the enterprise is declared in ZoneDb: modules do not see each other's entities.
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.LeadDepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Participants).WithOne().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class VisitDepartmentConfiguration : IEntityTypeConfiguration<VisitDepartment>
{
    public void Configure(EntityTypeBuilder<VisitDepartment> b)
    {
        b.ToTable("demands_visit_departments");
        b.HasKey(x => new { x.VisitId, x.DepartmentId });
        b.HasIndex(x => x.DepartmentId);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class VisitSettingsConfiguration : IEntityTypeConfiguration<VisitSettings>
{
    public void Configure(EntityTypeBuilder<VisitSettings> b)
    {
        b.ToTable("demands_visit_settings");
        b.Property(x => x.Id).ValueGeneratedNever();
    }
}
