using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechZone.Enterprises;

sealed class QualificationTypeConfiguration : IEntityTypeConfiguration<QualificationType>
{
    public void Configure(EntityTypeBuilder<QualificationType> b)
    {
        b.ToTable("enterprises_qualification_types");
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.NameEn).HasMaxLength(100);
        b.HasIndex(x => x.Code).IsUnique();
    }
}

sealed class EnterpriseQualificationConfiguration : IEntityTypeConfiguration<EnterpriseQualification>
{
    public void Configure(EntityTypeBuilder<EnterpriseQualification> b)
    {
        b.ToTable("enterprises_qualifications");
        b.Property(x => x.CertificateNumber).HasMaxLength(64);
        b.Property(x => x.Note).HasMaxLength(500);
        b.HasOne(x => x.Type).WithMany().HasForeignKey(x => x.QualificationTypeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        // The registry's "holds qualification X" filter is an EXISTS probe on (type, enterprise) that reads the
        // expiry from the index too, so it stays an index lookup per enterprise at any registry size.
        b.HasIndex(x => new { x.QualificationTypeId, x.EnterpriseId, x.ExpiresOn });
        b.HasIndex(x => x.EnterpriseId);
    }
}
