using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;
using TechZone.Platform.Zone;

namespace TechZone.Demands;

sealed class DemandConfiguration : IEntityTypeConfiguration<Demand>
{
    public void Configure(EntityTypeBuilder<Demand> b)
    {
        b.ToTable("demands_demands");
        b.Property(x => x.Title).HasMaxLength(DemandLimits.Title);
        // Every character may gain a space; the index itself is made by the provider's migration (FTS5 / GIN).
        b.Property(x => x.TitleTokens).HasMaxLength(DemandLimits.Title * 2);
        b.Property(x => x.Description).HasMaxLength(DemandLimits.Text);
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.RaisedByUserId).HasMaxLength(450);
        b.Property(x => x.RaisedByName).HasMaxLength(256);
        b.Property(x => x.RejectReason).HasMaxLength(DemandLimits.Reason);
        b.Property(x => x.RatingComment).HasMaxLength(DemandLimits.Reason);
        // The foreign key to the enterprise is declared in ZoneDb: modules do not see each other's entities.
        b.HasOne<Park>().WithMany().HasForeignKey(x => x.ParkId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Category).WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Parts).WithOne(p => p.Demand).HasForeignKey(p => p.DemandId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(e => e.DemandId).OnDelete(DeleteBehavior.Cascade);
        // The lists: an enterprise's own, newest first; by status and deadline (traffic lights); by category/park for statistics.
        b.HasIndex(x => new { x.EnterpriseId, x.RaisedUtc });
        // The id within it (SQLite's entries end with the rowid; PostgreSQL's include it) lets "open, with a part for
        // this department" read open demands from the index alone and probe the parts, without a read of each row.
        b.HasIndex(x => new { x.Status, x.DueUtc }).IncludeProperties(x => x.Id);
        b.HasIndex(x => x.RaisedUtc);
        b.HasIndex(x => new { x.CategoryId, x.Status });
        b.HasIndex(x => new { x.ParkId, x.Status });
        b.HasIndex(x => x.VisitId);
        // Traffic lights are ranges of DueUtc (red: before now); RaisedUtc beside it sorts a light's list without reading rows.
        b.HasIndex(x => new { x.DueUtc, x.RaisedUtc });
    }

    /// <summary>The title's words as PostgreSQL stores them for its full-text index (a column of the PostgreSQL model only).</summary>
    public const string TitleVector = "TitleVector";

    /// <summary>
    /// PostgreSQL's title index is over a stored tsvector rather than an expression: testing a row against the query
    /// (the index's recheck, or a walk of the ids) then reads the words instead of parsing the title again, which
    /// made a common phrase (产业空间, 47,000 of a million titles) take half a second.
    /// </summary>
    public static void ConfigurePostgres(EntityTypeBuilder<Demand> b)
    {
        b.Property<NpgsqlTsVector>(TitleVector).HasComputedColumnSql("to_tsvector('simple', \"TitleTokens\")", stored: true);
        b.HasIndex(TitleVector).HasMethod("GIN");
    }
}

sealed class DemandPartConfiguration : IEntityTypeConfiguration<DemandPart>
{
    public void Configure(EntityTypeBuilder<DemandPart> b)
    {
        b.ToTable("demands_parts");
        b.Property(x => x.Scope).HasMaxLength(DemandLimits.Reason);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.Answer).HasMaxLength(DemandLimits.Text);
        b.Property(x => x.AnsweredByName).HasMaxLength(256);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        // A department's queue, and the escalation sweep of open parts past their deadline.
        b.HasIndex(x => new { x.DepartmentId, x.Status, x.DueUtc });
        b.HasIndex(x => new { x.Status, x.DueUtc });
        // "Demands with a part for department D" answered from the index alone.
        b.HasIndex(x => new { x.DepartmentId, x.DemandId });
    }
}

sealed class DemandEventConfiguration : IEntityTypeConfiguration<DemandEvent>
{
    public void Configure(EntityTypeBuilder<DemandEvent> b)
    {
        b.ToTable("demands_events");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ByName).HasMaxLength(256);
        b.Property(x => x.Note).HasMaxLength(DemandLimits.Text);
        b.HasIndex(x => new { x.DemandId, x.AtUtc });
    }
}

sealed class DemandCategoryConfiguration : IEntityTypeConfiguration<DemandCategory>
{
    public void Configure(EntityTypeBuilder<DemandCategory> b)
    {
        b.ToTable("demands_categories");
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.NameEn).HasMaxLength(80);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasOne<DemandCategory>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class DemandRouteConfiguration : IEntityTypeConfiguration<DemandRoute>
{
    public void Configure(EntityTypeBuilder<DemandRoute> b)
    {
        b.ToTable("demands_routes");
        b.HasOne<DemandCategory>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Park>().WithMany().HasForeignKey(x => x.ParkId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class DemandSlaConfiguration : IEntityTypeConfiguration<DemandSla>
{
    public void Configure(EntityTypeBuilder<DemandSla> b)
    {
        b.ToTable("demands_slas");
        b.HasOne<DemandCategory>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.DepartmentId, x.CategoryId });
    }
}

sealed class DemandResponseTemplateConfiguration : IEntityTypeConfiguration<DemandResponseTemplate>
{
    public void Configure(EntityTypeBuilder<DemandResponseTemplate> b)
    {
        b.ToTable("demands_response_templates");
        b.Property(x => x.Title).HasMaxLength(DemandLimits.Title);
        b.Property(x => x.Body).HasMaxLength(DemandLimits.Text);
        b.HasOne<DemandCategory>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.SetNull);
    }
}
