using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Zone;

namespace TechZone.Enterprises;

/// <summary>The registry as the platform and other modules see it: names and places, found by name, pinyin or credit code.</summary>
sealed class EnterpriseDirectory(ZoneDb db) : IEnterpriseDirectory
{
    public async Task<IReadOnlyDictionary<int, string>> NamesAsync(IEnumerable<int> ids)
    {
        var wanted = ids.Distinct().ToList();
        // Only the two columns: ToDictionaryAsync's selectors run on materialized rows, which would be whole enterprises.
        return await db.Enterprises.AsNoTracking().Where(e => wanted.Contains(e.Id)).Select(e => new { e.Id, e.Name }).ToDictionaryAsync(e => e.Id, e => e.Name);
    }

    public async Task<IReadOnlyList<EnterpriseRef>> SearchAsync(string? text, int take)
    {
        var rows = db.Enterprises.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            // As the registry list finds them: "ft" finds 飞腾, so do a former name and the start of the credit code.
            var ids = EnterpriseMatch.IdsOf(db, text);
            rows = rows.Where(e => ids.Contains(e.Id));
            // Sort the matches rather than walk the name index testing every row (see EnterpriseService.Sort).
            return await rows.OrderBy(e => e.NameKey + "").ThenBy(e => e.Id).Take(take)
                .Select(e => new EnterpriseRef(e.Id, e.Name, e.CreditCode, e.ParkId)).ToListAsync();
        }
        return await rows.OrderBy(e => e.NameKey).ThenBy(e => e.Id).Take(take)
            .Select(e => new EnterpriseRef(e.Id, e.Name, e.CreditCode, e.ParkId)).ToListAsync();
    }
}
