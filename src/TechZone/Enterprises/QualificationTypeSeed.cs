using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Seeding;

namespace TechZone.Enterprises;

/// <summary>
/// The qualification types zones commonly track, with their usual validity: 高新技术企业 and 技术先进型服务企业 are
/// recognised for three years; 科技型中小企业 is evaluated every year; 专精特新 and its "小巨人" tier for three years; the
/// growth tiers (雏鹰, 瞪羚, 独角兽) are announced yearly. Seeded into an empty table only, so that an admin's later
/// edits, deactivations and deletions stick.
/// </summary>
sealed class QualificationTypeSeed(ILogger<QualificationTypeSeed> log) : IReferenceData
{
    public static readonly (string Code, string Name, string NameEn, int? ValidityYears)[] Types =
    [
        ("hnte", "高新技术企业", "High and New Technology Enterprise", 3),
        ("tech-sme", "科技型中小企业", "Technology-based SME", 1),
        ("srdi", "专精特新中小企业", "Specialized and Innovative SME", 3),
        ("little-giant", "专精特新“小巨人”企业", "“Little Giant” Specialized and Innovative Enterprise", 3),
        ("eaglet", "雏鹰企业", "Eaglet Enterprise", 1),
        ("gazelle", "瞪羚企业", "Gazelle Enterprise", 1),
        ("unicorn", "独角兽企业", "Unicorn Enterprise", 1),
        ("atse", "技术先进型服务企业", "Advanced Technology Service Enterprise", 3),
    ];

    public async Task SeedAsync(ZoneDb db, CancellationToken ct)
    {
        if (await db.Set<QualificationType>().AnyAsync(ct)) return;
        db.AddRange(Types.Select((t, i) => new QualificationType
        {
            Code = t.Code, Name = t.Name, NameEn = t.NameEn, ValidityYears = t.ValidityYears, SortOrder = (i + 1) * 10,
        }));
        try
        {
            await db.SaveChangesAsync(ct);
            log.LogInformation("Seeded {Count} qualification types", Types.Length);
        }
        catch (DbUpdateException)
        {
            // Another instance starting at the same moment added them first (unique code).
            db.ChangeTracker.Clear();
        }
    }
}
