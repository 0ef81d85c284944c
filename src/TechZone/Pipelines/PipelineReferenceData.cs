using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Seeding;

namespace TechZone.Pipelines;

/// <summary>
/// The network types every zone starts with (an admin changes names, clearances and colours afterwards). Clearances are
/// typical horizontal safety distances for excavation beside a pipe (gas and heating widest, telecom narrowest);
/// colours follow the usual utility drawing code.
/// </summary>
public sealed class PipelineReferenceData : IReferenceData
{
    public static readonly (string Code, string Name, string NameEn, double Clearance, string Color)[] Networks =
    [
        ("water", "给水", "Water supply", 1.5, "#1e88e5"),
        ("rainwater", "雨水", "Rainwater", 1.5, "#00897b"),
        ("sewage", "污水", "Sewage", 1.5, "#6d4c41"),
        ("gas", "燃气", "Gas", 5.0, "#fdd835"),
        ("power", "电力", "Power", 2.0, "#e53935"),
        ("telecom", "通信", "Telecom", 1.0, "#43a047"),
        ("heating", "热力", "Heating", 3.0, "#fb8c00"),
        ("industrial", "工业", "Industrial", 4.0, "#8e24aa"),
    ];

    public async Task SeedAsync(ZoneDb db, CancellationToken ct)
    {
        var existing = await db.Set<PipeNetwork>().Select(n => n.Code).ToListAsync(ct);
        var order = 0;
        foreach (var (code, name, nameEn, clearance, color) in Networks)
        {
            order++;
            if (existing.Contains(code)) continue;
            db.Add(new PipeNetwork { Code = code, Name = name, NameEn = nameEn, ClearanceM = clearance, Color = color, SortOrder = order });
        }
        await db.SaveChangesAsync(ct);
    }
}
