using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechZone.Enterprises;

sealed class EnterpriseFactConfiguration : IEntityTypeConfiguration<EnterpriseFact>
{
    public void Configure(EntityTypeBuilder<EnterpriseFact> b)
    {
        b.ToTable("enterprises_facts");
        b.Property(x => x.Metric).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.SourceNote).HasMaxLength(260);
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        b.Property(x => x.VerifiedBy).HasMaxLength(256);
        // One figure per enterprise, year and metric; also the path of the profile's facts table.
        b.HasIndex(x => new { x.EnterpriseId, x.FiscalYear, x.Metric }).IsUnique();
        // What the Policies module asks: "verified revenue of 2025 at least 1亿" runs on this index alone.
        b.HasIndex(x => new { x.FiscalYear, x.Metric, x.Source, x.Value });
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
    }
}
