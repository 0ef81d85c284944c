using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechZone.Enterprises;

/// <summary>
/// A correction of its own profile that an enterprise user proposes and the zone's staff accept or reject.
/// Only the fields the user changed are stored; null means "not proposed" (an empty text means "clear it").
/// An enterprise has at most one pending correction: proposing again replaces it.
/// </summary>
public class EnterpriseCorrection : Data.IVersioned
{
    public int Id { get; set; }
    public int EnterpriseId { get; set; }

    public string ProposedByUserId { get; set; } = "";
    public string ProposedByUserName { get; set; } = "";
    public DateTime ProposedUtc { get; set; }

    /// <summary>The enterprise's version the proposer saw: if it changed since, the staff see that it did.</summary>
    public long EnterpriseVersion { get; set; }

    public string? Name { get; set; }
    public string? LegalRepresentative { get; set; }
    public long? RegisteredCapitalFen { get; set; }
    public DateOnly? FoundedOn { get; set; }
    public string? Address { get; set; }
    public string? IndustryCode { get; set; }
    public SizeClass? SizeClass { get; set; }

    /// <summary>The proposer's explanation (what changed, which document shows it).</summary>
    public string Note { get; set; } = "";

    public CorrectionStatus Status { get; set; } = CorrectionStatus.Pending;
    public string? DecidedByUserName { get; set; }
    public DateTime? DecidedUtc { get; set; }
    public string? RejectReason { get; set; }

    public long Version { get; set; }
}

sealed class EnterpriseCorrectionConfiguration : IEntityTypeConfiguration<EnterpriseCorrection>
{
    public void Configure(EntityTypeBuilder<EnterpriseCorrection> b)
    {
        b.ToTable("enterprises_corrections");
        b.Property(x => x.ProposedByUserId).HasMaxLength(450);
        b.Property(x => x.ProposedByUserName).HasMaxLength(256);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.LegalRepresentative).HasMaxLength(50);
        b.Property(x => x.Address).HasMaxLength(200);
        b.Property(x => x.IndustryCode).HasMaxLength(2);
        b.Property(x => x.SizeClass).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.DecidedByUserName).HasMaxLength(256);
        b.Property(x => x.RejectReason).HasMaxLength(500);
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        // At most one pending correction per enterprise, even when two requests race (both databases take this filter).
        b.HasIndex(x => x.EnterpriseId).IsUnique().HasFilter("\"Status\" = 'Pending'").HasDatabaseName("IX_enterprises_corrections_pending");
        b.HasIndex(x => new { x.Status, x.ProposedUtc });
        b.HasIndex(x => new { x.EnterpriseId, x.ProposedUtc });
    }
}
