using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechZone.SupportPolicies;

sealed class PolicyConfiguration : IEntityTypeConfiguration<Policy>
{
    public void Configure(EntityTypeBuilder<Policy> b)
    {
        b.ToTable("policies_policies");
        b.Property(x => x.Code).HasMaxLength(PolicyLimits.Code);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Title).HasMaxLength(PolicyLimits.Title);
        b.Property(x => x.TitleEn).HasMaxLength(PolicyLimits.Title);
        b.Property(x => x.IssuingBody).HasMaxLength(PolicyLimits.Title);
        b.HasMany(x => x.Versions).WithOne(v => v.Policy).HasForeignKey(v => v.PolicyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Platform.Zone.Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class PolicyVersionConfiguration : IEntityTypeConfiguration<PolicyVersion>
{
    public void Configure(EntityTypeBuilder<PolicyVersion> b)
    {
        b.ToTable("policies_versions");
        b.Property(x => x.DocumentNumber).HasMaxLength(PolicyLimits.DocumentNumber);
        b.Property(x => x.SourceText).HasMaxLength(PolicyLimits.SourceText);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.PublishedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.PolicyId, x.Number }).IsUnique();
        b.HasMany(x => x.Items).WithOne(i => i.PolicyVersion).HasForeignKey(i => i.PolicyVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class PolicyItemConfiguration : IEntityTypeConfiguration<PolicyItem>
{
    public void Configure(EntityTypeBuilder<PolicyItem> b)
    {
        b.ToTable("policies_items");
        b.Property(x => x.Code).HasMaxLength(PolicyLimits.Code);
        b.Property(x => x.Title).HasMaxLength(PolicyLimits.Title);
        b.Property(x => x.TitleEn).HasMaxLength(PolicyLimits.Title);
        b.Property(x => x.Description).HasMaxLength(PolicyLimits.Description);
        b.Property(x => x.CriteriaJson).HasMaxLength(PolicyLimits.CriteriaJson);
        b.Property(x => x.BenefitJson).HasMaxLength(PolicyLimits.BenefitJson);
        b.Property(x => x.FormJson).HasMaxLength(PolicyLimits.FormJson);
        b.HasIndex(x => new { x.PolicyVersionId, x.Code }).IsUnique();
    }
}

sealed class PolicyVerdictConfiguration : IEntityTypeConfiguration<PolicyVerdict>
{
    public void Configure(EntityTypeBuilder<PolicyVerdict> b)
    {
        b.ToTable("policies_verdicts");
        b.HasKey(x => new { x.PolicyItemId, x.EnterpriseId });
        b.Property(x => x.Verdict).HasConversion<byte>();
        b.HasIndex(x => x.EnterpriseId);
        b.HasIndex(x => new { x.PolicyItemId, x.Verdict });
        b.HasOne<PolicyItem>().WithMany().HasForeignKey(x => x.PolicyItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class PolicyStaleEnterpriseConfiguration : IEntityTypeConfiguration<PolicyStaleEnterprise>
{
    public void Configure(EntityTypeBuilder<PolicyStaleEnterprise> b)
    {
        b.ToTable("policies_stale_enterprises");
        b.HasIndex(x => x.EnterpriseId);
    }
}

sealed class PolicyPushConfiguration : IEntityTypeConfiguration<PolicyPush>
{
    public void Configure(EntityTypeBuilder<PolicyPush> b)
    {
        b.ToTable("policies_pushes");
        b.HasKey(x => new { x.PolicyItemId, x.EnterpriseId });
        b.HasOne<PolicyItem>().WithMany().HasForeignKey(x => x.PolicyItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
