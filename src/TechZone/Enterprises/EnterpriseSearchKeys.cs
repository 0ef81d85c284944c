using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Audit;
using TechZone.Platform.Seeding;

namespace TechZone.Enterprises;

/// <summary>
/// Fills the pinyin key and the indexed name of enterprises that have none (rows written before they existed, or by a
/// bulk path that bypassed the context). Runs at every start; does nothing once every row has its key.
/// </summary>
sealed class EnterpriseSearchKeys(ILogger<EnterpriseSearchKeys> log) : IReferenceData
{
    public async Task SeedAsync(ZoneDb db, CancellationToken ct)
    {
        var filled = 0;
        int? first = null, last = null;
        while (true)
        {
            // After the last batch's ids: a name of punctuation alone has no tokens and would be found again forever.
            var after = last ?? 0;
            var batch = await db.Enterprises.Where(e => e.Id > after && (e.NameKey == "" || e.NameTokens == "")).OrderBy(e => e.Id).Take(1000).ToListAsync(ct);
            if (batch.Count == 0) break;
            foreach (var e in batch) e.RefreshSearchKey();
            first ??= batch[0].Id;
            last = batch[^1].Id;
            filled += batch.Count;
            // A derived column, not a business change: one batch entry instead of an entry per row.
            db.AuditRows = false;
            AuditTrail.Batch(db, "enterprises_enterprises", new { searchKeysFilled = batch.Count }, $"{batch[0].Id}..{batch[^1].Id}");
            await db.SaveChangesAsync(ct);
            db.AuditRows = true;
            db.ChangeTracker.Clear();
        }
        if (filled > 0) log.LogInformation("Filled the pinyin search key of {Count} enterprises ({First}..{Last})", filled, first, last);
    }
}
