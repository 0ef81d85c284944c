using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechZone.Platform.Identity;

namespace TechZone.Platform.Files;

sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.ToTable("platform_files");
        // Ids are made in code (version 7: time-ordered, so inserts stay at the end of the index).
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.FileName).HasMaxLength(FileNames.MaxLength);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64).IsFixedLength(false);
        b.HasIndex(x => x.Sha256);
        b.HasIndex(x => x.EnterpriseId);
        b.HasIndex(x => x.UploadedByUserId);
        // Enterprise is another module's entity: an index only, no foreign key, so Platform does not depend on it.
        b.HasOne<ZoneUser>().WithMany().HasForeignKey(x => x.UploadedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class StoredFileContentConfiguration : IEntityTypeConfiguration<StoredFileContent>
{
    public void Configure(EntityTypeBuilder<StoredFileContent> b)
    {
        b.ToTable("platform_file_contents");
        b.HasKey(x => x.FileId);
        b.Property(x => x.Content).IsRequired();
        b.HasOne<StoredFile>().WithOne().HasForeignKey<StoredFileContent>(x => x.FileId).OnDelete(DeleteBehavior.Cascade);
    }
}
