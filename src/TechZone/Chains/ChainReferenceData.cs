using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Seeding;

namespace TechZone.Chains;

/// <summary>
/// What the module needs in every environment: the default pipeline stages (线索 → 接洽 → 考察 → 洽谈 → 签约 → 注册落地 →
/// 开工 → 投产), the default milestone template (拿地, 开工, 主体完工, 竣工, 投产) and the settings row. Inserted only where
/// the table is empty, so an edited pipeline is never undone.
/// </summary>
sealed class ChainReferenceData : IReferenceData
{
    public static readonly (string Code, string Name, string NameEn, bool Signed, bool Landing)[] Stages =
    [
        ("lead", "线索", "Lead", false, false),
        ("contact", "接洽", "Contact", false, false),
        ("visit", "考察", "Site visit", false, false),
        ("negotiate", "洽谈", "Negotiation", false, false),
        ("signed", "签约", "Signed", true, false),
        ("registered", "注册落地", "Registered", true, true),
        ("construction", "开工", "Construction", true, false),
        ("production", "投产", "In production", true, false),
    ];

    public static readonly (string Name, string NameEn, int Months)[] Milestones =
    [
        ("拿地", "Land acquired", 0),
        ("开工", "Construction start", 4),
        ("主体完工", "Structure complete", 14),
        ("竣工", "Completion", 22),
        ("投产", "Production", 26),
    ];

    public async Task SeedAsync(ZoneDb db, CancellationToken ct)
    {
        if (!await db.Set<LeadStage>().AnyAsync(ct))
            db.AddRange(Stages.Select((s, i) => new LeadStage
            {
                Code = s.Code, Name = s.Name, NameEn = s.NameEn, SortOrder = (i + 1) * 10, IsSigned = s.Signed, IsLanding = s.Landing,
            }));
        if (!await db.Set<MilestoneTemplate>().AnyAsync(ct))
            db.AddRange(Milestones.Select((m, i) => new MilestoneTemplate { Name = m.Name, NameEn = m.NameEn, SortOrder = (i + 1) * 10, MonthsAfterStart = m.Months }));
        if (!await db.Set<ChainSettings>().AnyAsync(ct))
            db.Add(new ChainSettings());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance seeded the same rows at the same moment (the stage codes are unique): theirs stand.
            db.ChangeTracker.Clear();
        }
    }
}
