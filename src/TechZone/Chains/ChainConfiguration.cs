using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechZone.Chains;

sealed class ChainConfiguration : IEntityTypeConfiguration<Chain>
{
    public void Configure(EntityTypeBuilder<Chain> b)
    {
        b.ToTable("chains_chains");
        b.Property(x => x.Code).HasMaxLength(32);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.NameEn).HasMaxLength(100);
        b.HasMany(x => x.Segments).WithOne().HasForeignKey(x => x.ChainId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class ChainSegmentConfiguration : IEntityTypeConfiguration<ChainSegment>
{
    public void Configure(EntityTypeBuilder<ChainSegment> b)
    {
        b.ToTable("chains_segments");
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.NameEn).HasMaxLength(100);
        b.Property(x => x.Stage).HasConversion<string>().HasMaxLength(16);
        b.HasOne<ChainSegment>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ChainId, x.ParentId, x.SortOrder });
    }
}

sealed class SegmentTagConfiguration : IEntityTypeConfiguration<SegmentTag>
{
    public void Configure(EntityTypeBuilder<SegmentTag> b)
    {
        b.ToTable("chains_segment_tags");
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.TaggedBy).HasMaxLength(256);
        b.HasOne<ChainSegment>().WithMany().HasForeignKey(x => x.SegmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.SegmentId, x.EnterpriseId }).IsUnique();
        b.HasIndex(x => x.EnterpriseId);
    }
}

sealed class ChainSettingsConfiguration : IEntityTypeConfiguration<ChainSettings>
{
    public void Configure(EntityTypeBuilder<ChainSettings> b) => b.ToTable("chains_settings");
}

sealed class LeadStageConfiguration : IEntityTypeConfiguration<LeadStage>
{
    public void Configure(EntityTypeBuilder<LeadStage> b)
    {
        b.ToTable("chains_lead_stages");
        b.Property(x => x.Code).HasMaxLength(32);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.NameEn).HasMaxLength(50);
    }
}

sealed class LeadConfiguration : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> b)
    {
        b.ToTable("chains_leads");
        b.Property(x => x.CompanyName).HasMaxLength(200);
        b.Property(x => x.HqCity).HasMaxLength(50);
        b.Property(x => x.SizeClass).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.ContactName).HasMaxLength(50);
        b.Property(x => x.ContactPhone).HasMaxLength(30);
        b.Property(x => x.Source).HasMaxLength(100);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.LostReason).HasMaxLength(500);
        b.Property(x => x.OwnerId).HasMaxLength(450);
        b.Property(x => x.OwnerName).HasMaxLength(100);
        b.Property(x => x.NextStep).HasMaxLength(200);
        b.HasOne(x => x.Stage).WithMany().HasForeignKey(x => x.StageId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Segments).WithOne().HasForeignKey(x => x.LeadId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.LeadId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.Status, x.StageId });
        b.HasIndex(x => x.OwnerId);
        b.HasIndex(x => x.EnterpriseId);
    }
}

sealed class LeadSegmentConfiguration : IEntityTypeConfiguration<LeadSegment>
{
    public void Configure(EntityTypeBuilder<LeadSegment> b)
    {
        b.ToTable("chains_lead_segments");
        b.HasKey(x => new { x.LeadId, x.SegmentId });
        b.HasOne<ChainSegment>().WithMany().HasForeignKey(x => x.SegmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.SegmentId);
    }
}

sealed class LeadEventConfiguration : IEntityTypeConfiguration<LeadEvent>
{
    public void Configure(EntityTypeBuilder<LeadEvent> b)
    {
        b.ToTable("chains_lead_events");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.ByUserName).HasMaxLength(256);
        b.HasIndex(x => x.LeadId);
    }
}

sealed class KeyProjectConfiguration : IEntityTypeConfiguration<KeyProject>
{
    public void Configure(EntityTypeBuilder<KeyProject> b)
    {
        b.ToTable("chains_projects");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.HasOne<ChainSegment>().WithMany().HasForeignKey(x => x.SegmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Milestones).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.EnterpriseId);
    }
}

sealed class ProjectMilestoneConfiguration : IEntityTypeConfiguration<ProjectMilestone>
{
    public void Configure(EntityTypeBuilder<ProjectMilestone> b)
    {
        b.ToTable("chains_project_milestones");
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.NameEn).HasMaxLength(50);
        b.Property(x => x.Note).HasMaxLength(1000);
    }
}

sealed class MilestoneTemplateConfiguration : IEntityTypeConfiguration<MilestoneTemplate>
{
    public void Configure(EntityTypeBuilder<MilestoneTemplate> b)
    {
        b.ToTable("chains_milestone_templates");
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.NameEn).HasMaxLength(50);
    }
}
