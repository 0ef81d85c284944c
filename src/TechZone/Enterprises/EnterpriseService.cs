using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Api;
using TechZone.Platform.Identity;

namespace TechZone.Enterprises;

/// <summary>The enterprise registry's use cases. Data scope is enforced here, so API and pages agree.</summary>
public sealed class EnterpriseService(ZoneDb db, CurrentUser current)
{
    /// <summary>The registry list, for the zone's own people (the caller's module grant is checked by policy).</summary>
    public async Task<PagedResult<EnterpriseSummary>> SearchAsync(EnterpriseQuery query, bool chinese)
    {
        var (page, pageSize) = Paging.Normalize(query.Page, query.PageSize);
        var rows = db.Enterprises.AsNoTracking();
        if (!current.IsInternal)
            rows = rows.Where(e => e.Id == current.EnterpriseId);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim();
            rows = rows.Where(e => e.Name.Contains(s) || e.CreditCode.StartsWith(s.ToUpperInvariant()));
        }
        if (query.ParkId is { } park)
            rows = rows.Where(e => e.ParkId == park);

        var total = await rows.CountAsync();
        var items = await rows.OrderBy(e => e.Name).ThenBy(e => e.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(e => new EnterpriseSummary(e.Id, e.CreditCode, e.Name, e.ParkId,
                e.Park == null ? null : chinese || e.Park.NameEn == "" ? e.Park.Name : e.Park.NameEn))
            .ToListAsync();
        return new PagedResult<EnterpriseSummary>(items, total, page, pageSize);
    }

    /// <summary>
    /// One enterprise. An enterprise user asking for another enterprise gets null, exactly as for one that does
    /// not exist, so the answer reveals nothing.
    /// </summary>
    public async Task<EnterpriseDetail?> GetAsync(int id, bool chinese)
    {
        if (!current.IsInternal && current.EnterpriseId != id) return null;
        return await db.Enterprises.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new EnterpriseDetail(e.Id, e.CreditCode, e.Name, e.ParkId,
                e.Park == null ? null : chinese || e.Park.NameEn == "" ? e.Park.Name : e.Park.NameEn, e.CreatedUtc))
            .SingleOrDefaultAsync();
    }

    /// <summary>The signed-in enterprise user's own enterprise.</summary>
    public Task<EnterpriseDetail?> GetMineAsync(bool chinese) =>
        current.EnterpriseId is { } id ? GetAsync(id, chinese) : Task.FromResult<EnterpriseDetail?>(null);
}
