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
            var s = text.Trim();
            var code = s.ToUpperInvariant();
            // Pinyin too, as in the registry list: "ft" finds 飞腾.
            var key = Platform.Text.Pinyin.QueryKey(s);
            rows = rows.Where(e => e.Name.Contains(s) || e.CreditCode.StartsWith(code) || (key != "" && e.NameKey.Contains(key)));
            // Sort the matches rather than walk the name index testing every row (see EnterpriseService.Sort).
            return await rows.OrderBy(e => e.NameKey + "").ThenBy(e => e.Id).Take(take)
                .Select(e => new EnterpriseRef(e.Id, e.Name, e.CreditCode, e.ParkId)).ToListAsync();
        }
        return await rows.OrderBy(e => e.NameKey).ThenBy(e => e.Id).Take(take)
            .Select(e => new EnterpriseRef(e.Id, e.Name, e.CreditCode, e.ParkId)).ToListAsync();
    }
}
