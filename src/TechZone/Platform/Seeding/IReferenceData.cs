using TechZone.Data;

namespace TechZone.Platform.Seeding;

/// <summary>
/// Reference data that every environment needs, Production included (the official holiday calendar ...), inserted
/// at each start where missing. It must be idempotent, must not undo an admin's edits, and must tolerate another
/// instance seeding at the same moment.
/// </summary>
public interface IReferenceData
{
    Task SeedAsync(ZoneDb db, CancellationToken ct);
}
