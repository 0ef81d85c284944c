using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Zone;

namespace TechZone.Enterprises;

/// <summary>The registry as the platform sees it: names for linking enterprise users.</summary>
sealed class EnterpriseDirectory(ZoneDb db) : IEnterpriseDirectory
{
    public async Task<IReadOnlyDictionary<int, string>> NamesAsync(IEnumerable<int> ids)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Enterprises.AsNoTracking().Where(e => wanted.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name);
    }

    public async Task<IReadOnlyList<EnterpriseRef>> SearchAsync(string? text, int take)
    {
        var rows = db.Enterprises.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var s = text.Trim();
            rows = rows.Where(e => e.Name.Contains(s) || e.CreditCode.StartsWith(s.ToUpperInvariant()));
        }
        return await rows.OrderBy(e => e.Name).Take(take).Select(e => new EnterpriseRef(e.Id, e.Name, e.CreditCode)).ToListAsync();
    }
}
