using Microsoft.AspNetCore.Http.HttpResults;
using TechZone.Platform.Api;
using TechZone.Platform.Identity;

namespace TechZone.Platform.Audit;

static class AuditEndpoints
{
    public static void MapAudit(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(Policies.Admin);
        api.MapGet("/", Search);
        api.MapGet("/verify", Verify);
    }

    static async Task<Ok<PagedResult<AuditItem>>> Search([AsParameters] AuditQuery query, AuditService audit) =>
        TypedResults.Ok(await audit.SearchAsync(query));

    static async Task<Ok<AuditVerification>> Verify(AuditService audit, CancellationToken ct) =>
        TypedResults.Ok(await audit.VerifyAsync(ct));
}

/// <summary><c>dotnet run --project src/TechZone -- audit verify</c>: exit code 0 when the chain is intact, 2 when broken.</summary>
public static class AuditCommand
{
    public static async Task<int> VerifyAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AuditService>().VerifyAsync();
        if (result.Intact)
        {
            Console.WriteLine($"Audit chain intact: {result.Checked} entries verified.");
            return 0;
        }
        Console.WriteLine($"Audit chain BROKEN at entry {result.BrokenAt}: {result.ProblemText}. {result.Checked} entries before it are intact.");
        return 2;
    }
}
