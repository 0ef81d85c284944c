using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Audit;
using TechZone.Platform.Seeding;

namespace TechZone.Demands;

/// <summary>
/// Fills the indexed title of demands that have none (rows written before the full-text index existed). Runs at
/// every start; does nothing once every demand has its tokens. On SQLite the table's triggers carry each update
/// into the FTS5 index.
/// </summary>
sealed class DemandSearchTokens(ILogger<DemandSearchTokens> log) : IReferenceData
{
    public async Task SeedAsync(ZoneDb db, CancellationToken ct)
    {
        var filled = 0;
        var after = 0;
        while (true)
        {
            // After the last batch's ids: a title of punctuation alone ("？？") has no tokens and would be found again forever.
            var batch = await db.Set<Demand>().Where(d => d.Id > after && d.TitleTokens == "" && d.Title != "").OrderBy(d => d.Id).Take(1000).ToListAsync(ct);
            if (batch.Count == 0) break;
            after = batch[^1].Id;
            foreach (var d in batch) d.RefreshSearchKey();
            filled += batch.Count;
            // A derived column, not a business change: one batch entry instead of an entry per row.
            db.AuditRows = false;
            AuditTrail.Batch(db, "demands_demands", new { titleTokensFilled = batch.Count }, $"{batch[0].Id}..{batch[^1].Id}");
            await db.SaveChangesAsync(ct);
            db.AuditRows = true;
            db.ChangeTracker.Clear();
        }
        if (filled > 0) log.LogInformation("Indexed the titles of {Count} demands", filled);
    }
}
