using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Audit;

namespace TechZone.Platform.Seeding;

/// <summary>
/// One module's part of a large generated zone (for load tests and benchmarks). Parts run in <see cref="Order"/>,
/// all in one transaction, and write through <see cref="BulkWriter"/>; they must be deterministic for a given size.
/// </summary>
public interface IScaleData
{
    int Order { get; }
    Task SeedAsync(ZoneDb db, ScaleContext context, CancellationToken ct);
}

/// <summary>The size asked for, the scope's services, and a way to report progress ("enterprises", 100000).</summary>
public sealed record ScaleContext(int Enterprises, IServiceProvider Services, Action<string, long> Progress);

/// <summary>
/// <c>seed --scale N</c>: migrates and seeds the demo zone as a start would, then adds N generated enterprises and
/// what the modules generate for them (10 demands each ...). One transaction: interrupted (Ctrl+C) or failed, it
/// leaves the database as it was. Refuses a database that already holds a scaled zone.
/// </summary>
public static class ScaleSeed
{
    public const int MaxEnterprises = 1_000_000;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args.Length < 3 || !int.TryParse(args[2], out var size) || size is < 1 or > MaxEnterprises)
        {
            Console.Error.WriteLine($"usage: seed --scale N   (N enterprises, 1..{MaxEnterprises})");
            return 2;
        }
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        var ct = stop.Token;

        try
        {
            await app.InitializeDatabaseAsync(ct);
        }
        catch (SetupException e)
        {
            Console.Error.WriteLine("seed: " + e.Message);
            return 1;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZoneDb>();
        // The batch entry each run writes tells a scaled database apart.
        if (await db.AuditEntries.AnyAsync(e => e.Kind == AuditKind.Bulk && e.EntityType == "scale", ct))
        {
            Console.Error.WriteLine("seed: this database already holds a scaled zone; use an empty one.");
            return 1;
        }
        // The generated zone is built on the demo's parks, departments and staff, which a Production start leaves out.
        if (!await db.Parks.AnyAsync(ct))
        {
            Console.Error.WriteLine("seed: the scaled zone builds on the demo zone (its parks, departments and staff), which is not seeded in "
                + "Production or with Demo:Seed=false; run with ASPNETCORE_ENVIRONMENT=Development.");
            return 1;
        }

        var total = Stopwatch.StartNew();
        var step = Stopwatch.StartNew();
        void Progress(string what, long rows)
        {
            Console.WriteLine($"seed: {rows,10:N0} {what} ({step.Elapsed.TotalSeconds:F1} s)");
            step.Restart();
        }

        db.AuditRows = false;
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        // Millions of rows go into B-tree indexes in random key order: with SQLite's default 2 MB page cache every
        // insert reads pages back from disk, so the demand rows slowed down as their indexes grew. 2 GB keeps them in memory.
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000000; PRAGMA temp_store = MEMORY;", ct);
        }
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var context = new ScaleContext(size, scope.ServiceProvider, Progress);
            foreach (var part in scope.ServiceProvider.GetServices<IScaleData>().OrderBy(p => p.Order))
                await part.SeedAsync(db, context, ct);
            AuditTrail.Batch(db, "scale", new { enterprises = size });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("seed: interrupted; nothing was written.");
            return 130;
        }
        // The tables grew by orders of magnitude: the planner needs to know before the first query.
        step.Restart();
        await DatabaseSetup.AnalyzeAsync(db, CancellationToken.None);
        Console.WriteLine($"seed: planner statistics refreshed ({step.Elapsed.TotalSeconds:F1} s)");
        Console.WriteLine($"seed: a zone of {size:N0} enterprises written in {total.Elapsed.TotalSeconds:F1} s");
        return 0;
    }
}
