using Microsoft.EntityFrameworkCore;
using TechZone.Data;

namespace TechZone.Enterprises;

/// <summary>
/// The load test's two references (bench/load/run.sh, issue 9), against which every busy path is reported as a
/// ratio: a constant answer (what the machine can serve at all) and a bare EF Core paged query of the enterprise
/// table (the ceiling of a database-backed list: no sign-in, no grants, no filter). Anonymous, so they are mapped
/// only with <c>Bench:Endpoints=true</c>.
/// </summary>
static class LoadTestReferences
{
    public const int PageSize = 20;

    public static void MapLoadTestReferences(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Bench:Endpoints", false)) return;
        var bench = app.MapGroup("/bench").AllowAnonymous().ExcludeFromDescription();
        bench.MapGet("/trivial", () => "ok");
        bench.MapGet("/enterprises", async (ZoneDb db, int page = 1) =>
        {
            // Computed outside the query: EF compiles an expression argument into a delegate on every execution.
            var skip = (Math.Max(page, 1) - 1) * PageSize;
            return await db.Enterprises.AsNoTracking().OrderBy(e => e.Id).Skip(skip).Take(PageSize)
                .Select(e => new { e.Id, e.CreditCode, e.Name, e.ParkId, e.Status }).ToListAsync();
        });
    }
}
