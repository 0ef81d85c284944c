using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechZone.SupportPolicies;

sealed class PolicyStageConfiguration : IEntityTypeConfiguration<PolicyStage>
{
    public void Configure(EntityTypeBuilder<PolicyStage> b)
    {
        b.ToTable("policies_stages");
        b.Property(x => x.Name).HasMaxLength(FulfillmentLimits.StageName);
        b.Property(x => x.NameEn).HasMaxLength(FulfillmentLimits.StageName);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(x => new { x.PolicyId, x.Number }).IsUnique();
        b.HasOne<Policy>().WithMany().HasForeignKey(x => x.PolicyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Platform.Zone.Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class PolicyAwardConfiguration : IEntityTypeConfiguration<PolicyAward>
{
    public void Configure(EntityTypeBuilder<PolicyAward> b)
    {
        b.ToTable("policies_awards");
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.DecidedBy).HasMaxLength(256);
        b.Property(x => x.DropReason).HasMaxLength(FulfillmentLimits.Reason);
        // One award per policy item (by code, across versions), enterprise and fiscal year: a second proposal or application cannot pay twice.
        b.Property(x => x.ItemCode).HasMaxLength(PolicyLimits.Code);
        b.HasIndex(x => new { x.PolicyId, x.ItemCode, x.EnterpriseId, x.FiscalYear }).IsUnique();
        b.HasIndex(x => new { x.PolicyId, x.State });
        b.HasIndex(x => x.EnterpriseId);
        b.HasOne<Policy>().WithMany().HasForeignKey(x => x.PolicyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PolicyItem>().WithMany().HasForeignKey(x => x.PolicyItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PolicyApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Tranches).WithOne(t => t.Award).HasForeignKey(t => t.AwardId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class PolicyTrancheConfiguration : IEntityTypeConfiguration<PolicyTranche>
{
    public void Configure(EntityTypeBuilder<PolicyTranche> b)
    {
        b.ToTable("policies_tranches");
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.PaidBy).HasMaxLength(256);
        b.HasIndex(x => new { x.PolicyId, x.State });
    }
}

sealed class PolicyApplicationConfiguration : IEntityTypeConfiguration<PolicyApplication>
{
    public void Configure(EntityTypeBuilder<PolicyApplication> b)
    {
        b.ToTable("policies_applications");
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.PrecheckVerdict).HasConversion<byte>();
        b.Property(x => x.AnswersJson).HasMaxLength(FulfillmentLimits.AnswersJson);
        b.Property(x => x.AttachmentsJson).HasMaxLength(FulfillmentLimits.AttachmentsJson);
        b.HasIndex(x => new { x.PolicyId, x.State, x.StageNumber });
        b.HasIndex(x => new { x.EnterpriseId, x.PolicyItemId });
        b.HasOne<Policy>().WithMany().HasForeignKey(x => x.PolicyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PolicyItem>().WithMany().HasForeignKey(x => x.PolicyItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class PolicyApplicationRevisionConfiguration : IEntityTypeConfiguration<PolicyApplicationRevision>
{
    public void Configure(EntityTypeBuilder<PolicyApplicationRevision> b)
    {
        b.ToTable("policies_application_revisions");
        b.Property(x => x.PrecheckVerdict).HasConversion<byte>();
        b.Property(x => x.AnswersJson).HasMaxLength(FulfillmentLimits.AnswersJson);
        b.Property(x => x.AttachmentsJson).HasMaxLength(FulfillmentLimits.AttachmentsJson);
        b.Property(x => x.SubmittedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.ApplicationId, x.Revision }).IsUnique();
        b.HasOne<PolicyApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class PolicyApplicationStepConfiguration : IEntityTypeConfiguration<PolicyApplicationStep>
{
    public void Configure(EntityTypeBuilder<PolicyApplicationStep> b)
    {
        b.ToTable("policies_application_steps");
        b.Property(x => x.Action).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Comment).HasMaxLength(FulfillmentLimits.Reason);
        b.Property(x => x.UserName).HasMaxLength(256);
        b.HasIndex(x => x.ApplicationId);
        b.HasOne<PolicyApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class PolicyObjectionConfiguration : IEntityTypeConfiguration<PolicyObjection>
{
    public void Configure(EntityTypeBuilder<PolicyObjection> b)
    {
        b.ToTable("policies_objections");
        b.Property(x => x.Name).HasMaxLength(FulfillmentLimits.ObjectorName);
        b.Property(x => x.Contact).HasMaxLength(FulfillmentLimits.Contact);
        b.Property(x => x.Text).HasMaxLength(FulfillmentLimits.ObjectionText);
        b.Property(x => x.SourceHash).HasMaxLength(64);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Resolution).HasMaxLength(FulfillmentLimits.Reason);
        b.Property(x => x.ResolvedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.ApplicationId, x.State });
        b.HasIndex(x => new { x.SourceHash, x.LodgedUtc });
        b.HasOne<PolicyApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
