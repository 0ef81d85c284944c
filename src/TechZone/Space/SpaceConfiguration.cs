using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechZone.Platform.Zone;

namespace TechZone.Space;

// Foreign keys to enterprises are declared in ZoneDb: modules do not see each other's entities.

sealed class BuildingConfiguration : IEntityTypeConfiguration<Building>
{
    public void Configure(EntityTypeBuilder<Building> b)
    {
        b.ToTable("space_buildings");
        b.Property(x => x.Name).HasMaxLength(SpaceLimits.Name);
        b.Property(x => x.Owner).HasMaxLength(SpaceLimits.Name);
        b.Property(x => x.Address).HasMaxLength(SpaceLimits.Address);
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(x => new { x.ParkId, x.Name }).IsUnique();
        b.HasIndex(x => new { x.MinLon, x.MaxLon, x.MinLat, x.MaxLat });
        b.HasIndex(x => x.ParcelId);
        b.HasIndex(x => x.ManagerEnterpriseId);
        b.HasOne<Park>().WithMany().HasForeignKey(x => x.ParkId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Parcel>().WithMany().HasForeignKey(x => x.ParcelId).OnDelete(DeleteBehavior.SetNull);
    }
}

sealed class FloorConfiguration : IEntityTypeConfiguration<Floor>
{
    public void Configure(EntityTypeBuilder<Floor> b)
    {
        b.ToTable("space_floors");
        b.Property(x => x.Name).HasMaxLength(50);
        b.HasIndex(x => new { x.BuildingId, x.Level }).IsUnique();
        b.HasOne<Building>().WithMany().HasForeignKey(x => x.BuildingId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.ToTable("space_units");
        b.Property(x => x.Number).HasMaxLength(50);
        b.Property(x => x.Use).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(x => new { x.BuildingId, x.Number }).IsUnique();
        b.HasIndex(x => x.FloorId);
        b.HasOne<Building>().WithMany().HasForeignKey(x => x.BuildingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Floor>().WithMany().HasForeignKey(x => x.FloorId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class LeaseConfiguration : IEntityTypeConfiguration<Lease>
{
    public void Configure(EntityTypeBuilder<Lease> b)
    {
        b.ToTable("space_leases");
        b.Property(x => x.Note).HasMaxLength(SpaceLimits.Note);
        b.HasIndex(x => x.EnterpriseId);
        b.HasIndex(x => x.EndOn);
        b.HasMany(x => x.Units).WithOne().HasForeignKey(x => x.LeaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SpaceRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.SetNull);
    }
}

sealed class LeaseUnitConfiguration : IEntityTypeConfiguration<LeaseUnit>
{
    public void Configure(EntityTypeBuilder<LeaseUnit> b)
    {
        b.ToTable("space_lease_units");
        b.HasKey(x => new { x.LeaseId, x.UnitId });
        // The overlap check: a unit's leases by date.
        b.HasIndex(x => new { x.UnitId, x.StartOn, x.EndOn });
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class ParkBoundaryConfiguration : IEntityTypeConfiguration<ParkBoundary>
{
    public void Configure(EntityTypeBuilder<ParkBoundary> b)
    {
        b.ToTable("space_park_boundaries");
        b.HasKey(x => x.ParkId);
        b.Property(x => x.ParkId).ValueGeneratedNever();
        b.HasOne<Park>().WithOne().HasForeignKey<ParkBoundary>(x => x.ParkId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class SurveyCampaignConfiguration : IEntityTypeConfiguration<SurveyCampaign>
{
    public void Configure(EntityTypeBuilder<SurveyCampaign> b)
    {
        b.ToTable("space_survey_campaigns");
        b.Property(x => x.Name).HasMaxLength(SpaceLimits.Name);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.CreatedByName).HasMaxLength(100);
        b.HasMany(x => x.Buildings).WithOne().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class SurveyCampaignBuildingConfiguration : IEntityTypeConfiguration<SurveyCampaignBuilding>
{
    public void Configure(EntityTypeBuilder<SurveyCampaignBuilding> b)
    {
        b.ToTable("space_survey_campaign_buildings");
        b.HasKey(x => new { x.CampaignId, x.BuildingId });
        b.HasIndex(x => x.BuildingId);
        b.HasOne<Building>().WithMany().HasForeignKey(x => x.BuildingId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class SurveyRecordConfiguration : IEntityTypeConfiguration<SurveyRecord>
{
    public void Configure(EntityTypeBuilder<SurveyRecord> b)
    {
        b.ToTable("space_survey_records");
        b.Property(x => x.Usage).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ActualUserName).HasMaxLength(SpaceLimits.Name);
        b.Property(x => x.Note).HasMaxLength(SpaceLimits.Note);
        b.Property(x => x.RecordedByName).HasMaxLength(100);
        b.HasIndex(x => new { x.CampaignId, x.UnitId }).IsUnique();
        b.HasIndex(x => x.UnitId);
        b.HasIndex(x => new { x.CampaignId, x.BuildingId });
        b.HasOne<SurveyCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class SpaceRequestConfiguration : IEntityTypeConfiguration<SpaceRequest>
{
    public void Configure(EntityTypeBuilder<SpaceRequest> b)
    {
        b.ToTable("space_requests");
        b.Property(x => x.LeadName).HasMaxLength(SpaceLimits.Name);
        b.Property(x => x.Use).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Note).HasMaxLength(SpaceLimits.Note);
        b.Property(x => x.CreatedByName).HasMaxLength(100);
        b.HasIndex(x => x.EnterpriseId);
        b.HasIndex(x => x.Status);
        b.HasOne<Park>().WithMany().HasForeignKey(x => x.ParkId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Offers).WithOne().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class SpaceOfferConfiguration : IEntityTypeConfiguration<SpaceOffer>
{
    public void Configure(EntityTypeBuilder<SpaceOffer> b)
    {
        b.ToTable("space_offers");
        b.Property(x => x.Note).HasMaxLength(SpaceLimits.Note);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.SentByName).HasMaxLength(100);
        b.HasIndex(x => x.UnitId);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Lease>().WithMany().HasForeignKey(x => x.LeaseId).OnDelete(DeleteBehavior.SetNull);
    }
}

sealed class ParcelConfiguration : IEntityTypeConfiguration<Parcel>
{
    public void Configure(EntityTypeBuilder<Parcel> b)
    {
        b.ToTable("space_parcels");
        b.Property(x => x.Number).HasMaxLength(50);
        b.Property(x => x.LandUse).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Ignore(x => x.AreaMu);
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => x.HolderId);
        b.HasIndex(x => new { x.MinLon, x.MaxLon, x.MinLat, x.MaxLat });
        b.HasOne<Park>().WithMany().HasForeignKey(x => x.ParkId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class LandThresholdsConfiguration : IEntityTypeConfiguration<LandThresholds>
{
    public void Configure(EntityTypeBuilder<LandThresholds> b)
    {
        b.ToTable("space_land_thresholds");
        b.Property(x => x.Id).ValueGeneratedNever();
    }
}

sealed class DisposalCaseConfiguration : IEntityTypeConfiguration<DisposalCase>
{
    public void Configure(EntityTypeBuilder<DisposalCase> b)
    {
        b.ToTable("space_disposal_cases");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Owner).HasMaxLength(100);
        b.Property(x => x.Reason).HasMaxLength(SpaceLimits.Note);
        b.Property(x => x.Outcome).HasMaxLength(SpaceLimits.Note);
        b.Property(x => x.CreatedByName).HasMaxLength(100);
        b.HasIndex(x => x.ParcelId);
        b.HasOne<Parcel>().WithMany().HasForeignKey(x => x.ParcelId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Steps).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class DisposalStepConfiguration : IEntityTypeConfiguration<DisposalStep>
{
    public void Configure(EntityTypeBuilder<DisposalStep> b)
    {
        b.ToTable("space_disposal_steps");
        b.Property(x => x.Title).HasMaxLength(SpaceLimits.Name);
        b.Property(x => x.Note).HasMaxLength(SpaceLimits.Note);
        b.Property(x => x.DoneByName).HasMaxLength(100);
    }
}
