using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechZone.Pipelines;

sealed class PipeNetworkConfiguration : IEntityTypeConfiguration<PipeNetwork>
{
    public void Configure(EntityTypeBuilder<PipeNetwork> b)
    {
        b.ToTable("pipelines_networks");
        b.Property(x => x.Code).HasMaxLength(PipelineLimits.Code);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Name).HasMaxLength(PipelineLimits.Name);
        b.Property(x => x.NameEn).HasMaxLength(PipelineLimits.Name);
        b.Property(x => x.Color).HasMaxLength(7);
    }
}

sealed class UtilityConfiguration : IEntityTypeConfiguration<Utility>
{
    public void Configure(EntityTypeBuilder<Utility> b)
    {
        b.ToTable("pipelines_utilities");
        b.Property(x => x.Name).HasMaxLength(PipelineLimits.Name);
        b.Property(x => x.NameEn).HasMaxLength(PipelineLimits.Name);
        b.HasIndex(x => x.Name).IsUnique();
        b.HasOne<Platform.Zone.Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>The attribute columns a pipe segment, its versions and as-built features share (<see cref="IPipeAttributes"/>).</summary>
static class PipeAttributeColumns
{
    public static void Configure<T>(EntityTypeBuilder<T> b) where T : class, IPipeAttributes
    {
        b.Property<string>(nameof(IPipeAttributes.Code)).HasMaxLength(PipelineLimits.Code);
        b.Property<string>(nameof(IPipeAttributes.Material)).HasMaxLength(PipelineLimits.Name);
        b.Property<string?>(nameof(IPipeAttributes.Section)).HasMaxLength(PipelineLimits.Code);
        b.Property<string?>(nameof(IPipeAttributes.PressureClass)).HasMaxLength(PipelineLimits.Code);
        b.Property<PipeStatus>(nameof(IPipeAttributes.Status)).HasConversion<string>().HasMaxLength(20);
        b.Property<QualityLevel>(nameof(IPipeAttributes.Quality)).HasConversion<string>().HasMaxLength(20);
    }
}

sealed class PipeSegmentConfiguration : IEntityTypeConfiguration<PipeSegment>
{
    public void Configure(EntityTypeBuilder<PipeSegment> b)
    {
        b.ToTable("pipelines_segments");
        PipeAttributeColumns.Configure(b);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.HasOne<PipeNetwork>().WithMany().HasForeignKey(x => x.NetworkId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Utility>().WithMany().HasForeignKey(x => x.OwnerUtilityId).OnDelete(DeleteBehavior.Restrict);
        // The portable bbox query of the map (decision 009); PostGIS adds a GiST index on its geometry column.
        b.HasIndex(x => new { x.MinX, x.MaxX, x.MinY, x.MaxY });
        b.HasIndex(x => x.ChangedVersion);
        b.HasIndex(x => x.OwnerEnterpriseId);
        b.HasIndex(x => x.OwnerUtilityId);
    }
}

sealed class PipeSegmentVersionConfiguration : IEntityTypeConfiguration<PipeSegmentVersion>
{
    public void Configure(EntityTypeBuilder<PipeSegmentVersion> b)
    {
        b.ToTable("pipelines_segment_versions");
        PipeAttributeColumns.Configure(b);
        b.Property(x => x.ChangedBy).HasMaxLength(100);
        b.Property(x => x.Reason).HasMaxLength(PipelineLimits.Name);
        b.HasOne<PipeSegment>().WithMany().HasForeignKey(x => x.SegmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.SegmentId, x.Revision }).IsUnique();
        // "As of a date": versions valid then, by bbox for the map.
        b.HasIndex(x => new { x.ValidFromUtc, x.ValidToUtc });
    }
}

sealed class PipeNodeConfiguration : IEntityTypeConfiguration<PipeNode>
{
    public void Configure(EntityTypeBuilder<PipeNode> b)
    {
        b.ToTable("pipelines_nodes");
        b.Property(x => x.Code).HasMaxLength(PipelineLimits.Code);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasOne<PipeNetwork>().WithMany().HasForeignKey(x => x.NetworkId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.X, x.Y });
    }
}

sealed class PipeRegistryStateConfiguration : IEntityTypeConfiguration<PipeRegistryState>
{
    public void Configure(EntityTypeBuilder<PipeRegistryState> b)
    {
        b.ToTable("pipelines_registry_state");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasData(new PipeRegistryState { Id = 1, Version = 0 });
    }
}

sealed class ExcavationRequestConfiguration : IEntityTypeConfiguration<ExcavationRequest>
{
    public void Configure(EntityTypeBuilder<ExcavationRequest> b)
    {
        b.ToTable("pipelines_excavation_requests");
        b.Property(x => x.Number).HasMaxLength(PipelineLimits.Code);
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.Title).HasMaxLength(PipelineLimits.Name);
        b.Property(x => x.ApplicantName).HasMaxLength(PipelineLimits.Name);
        b.Property(x => x.FiledByUserId).HasMaxLength(450);
        b.Property(x => x.ContactName).HasMaxLength(PipelineLimits.Name);
        b.Property(x => x.ContactPhone).HasMaxLength(PipelineLimits.Code);
        b.Property(x => x.Method).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.PermitNumber).HasMaxLength(PipelineLimits.Code);
        b.Property(x => x.Conditions).HasMaxLength(PipelineLimits.Text);
        b.Property(x => x.DecidedBy).HasMaxLength(100);
        b.HasMany(x => x.Conflicts).WithOne().HasForeignKey(c => c.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Answers).WithOne(a => a.Request).HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.Status);
        b.HasIndex(x => x.ApplicantEnterpriseId);
    }
}

sealed class ExcavationConflictConfiguration : IEntityTypeConfiguration<ExcavationConflict>
{
    public void Configure(EntityTypeBuilder<ExcavationConflict> b)
    {
        b.ToTable("pipelines_excavation_conflicts");
        b.Property(x => x.SegmentCode).HasMaxLength(PipelineLimits.Code);
        b.HasIndex(x => x.RequestId);
    }
}

sealed class OwnerAnswerConfiguration : IEntityTypeConfiguration<OwnerAnswer>
{
    public void Configure(EntityTypeBuilder<OwnerAnswer> b)
    {
        b.ToTable("pipelines_owner_answers");
        b.Property(x => x.Code).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Note).HasMaxLength(PipelineLimits.Text);
        b.Property(x => x.AnsweredBy).HasMaxLength(100);
        b.HasIndex(x => new { x.RequestId, x.OwnerEnterpriseId, x.OwnerUtilityId });
        b.HasIndex(x => new { x.Code, x.DueUtc });
        b.HasIndex(x => x.OwnerEnterpriseId);
    }
}

sealed class AsBuiltSurveyConfiguration : IEntityTypeConfiguration<AsBuiltSurvey>
{
    public void Configure(EntityTypeBuilder<AsBuiltSurvey> b)
    {
        b.ToTable("pipelines_asbuilt_surveys");
        b.Property(x => x.Statement).HasMaxLength(PipelineLimits.Text);
        b.Property(x => x.FileName).HasMaxLength(PipelineLimits.Name);
        b.Property(x => x.SubmittedByUserId).HasMaxLength(450);
        b.Property(x => x.SubmittedBy).HasMaxLength(100);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ReviewNote).HasMaxLength(PipelineLimits.Text);
        b.Property(x => x.ReviewedBy).HasMaxLength(100);
        b.HasOne(x => x.Request).WithMany(r => r.Surveys).HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Features).WithOne().HasForeignKey(f => f.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.RequestId, x.Round }).IsUnique();
        b.HasIndex(x => x.Status);
    }
}

sealed class AsBuiltFeatureConfiguration : IEntityTypeConfiguration<AsBuiltFeature>
{
    public void Configure(EntityTypeBuilder<AsBuiltFeature> b)
    {
        b.ToTable("pipelines_asbuilt_features");
        PipeAttributeColumns.Configure(b);
        b.HasIndex(x => x.SurveyId);
    }
}
