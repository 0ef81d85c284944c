using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using TechZone.Data;
using TechZone.Demands;
using TechZone.Platform.Background;
using TechZone.Platform.Inbox;
using TechZone.Tests.Infrastructure;

namespace TechZone.Tests.Platform;

/// <summary>Background rounds once across instances (the PostgreSQL lock), and the escalation sweep in batches.</summary>
public abstract class PeriodicWorkTests(ZoneApp app)
{
    Task<T> Db<T>(Func<ZoneDb, Task<T>> query) => app.WithScopeAsync(sp => query(sp.GetRequiredService<ZoneDb>()));

    [Fact]
    public async Task TheSweep_EscalatesMoreThanOneBatch_EachPartOnce_WithEventInboxItemAndNotification()
    {
        app.SkipIfUnavailable();
        var feiteng = await app.SignedInAsync("feiteng");
        var category = await Db(db => db.Set<DemandCategory>().Where(c => c.Code == "talent-schooling").Select(c => c.Id).SingleAsync());
        var response = await feiteng.PostAsJsonAsync("/api/v1/demands", new
        {
            categoryId = category, title = "批量督办" + Guid.NewGuid().ToString("N")[..8], description = "批量督办测试" + Guid.NewGuid(),
        }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var demand = JsonSerializer.Deserialize<DemandDetail>(await response.Content.ReadAsStringAsync(), ZoneApp.Json)!;
        var first = demand.Parts[0];

        // More overdue parts than one batch holds, all on this demand (the talent department's head gets them).
        var count = SupervisionService.EscalationBatch + 20;
        var yesterday = DateTime.UtcNow.AddDays(-1);
        await Db(async db =>
        {
            await db.Set<DemandPart>().Where(p => p.Id == first.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.DueUtc, yesterday));
            for (var i = 1; i < count; i++)
                db.Add(new DemandPart { DemandId = demand.Id, DepartmentId = first.DepartmentId, AssignedUtc = yesterday.AddDays(-10), DueUtc = yesterday, SlaDays = 1 });
            return await db.SaveChangesAsync();
        });

        var escalated = await app.WithScopeAsync(sp => sp.GetRequiredService<SupervisionService>().EscalateOverdueAsync());

        Assert.True(escalated >= count, $"{escalated} escalated, at least {count} expected");
        var parts = await Db(db => db.Set<DemandPart>().Where(p => p.DemandId == demand.Id).Select(p => new { p.Id, p.EscalatedUtc }).ToListAsync());
        Assert.Equal(count, parts.Count);
        Assert.All(parts, p => Assert.NotNull(p.EscalatedUtc));
        Assert.Equal(count, await Db(db => db.Set<DemandEvent>().CountAsync(e => e.DemandId == demand.Id && e.Kind == DemandEventKind.Escalated)));
        var head = await Db(db => db.Users.Where(u => u.UserName == "talent").Select(u => u.Id).SingleAsync());
        var keys = parts.Select(p => $"demand-escalation:{p.Id}:{head}").ToList();
        Assert.Equal(count, await Db(db => db.Set<InboxItem>().CountAsync(i => i.UserId == head && keys.Contains(i.SourceKey) && i.DoneUtc == null)));
        Assert.Equal(count, await Db(db => db.Set<Notification>().CountAsync(n => n.UserId == head && n.Link == $"/demands/{demand.Id}"
            && n.BodyEn.Contains(demand.Title) && n.BodyEn.Contains("passed its deadline"))));
        Assert.Equal(count, await Db(db => db.Set<OutboxMessage>().CountAsync(m => m.Recipient == head && m.Channel == OutboxChannel.Sms && m.Body.Contains(demand.Title))));

        // A second sweep finds nothing of it left.
        await app.WithScopeAsync(sp => sp.GetRequiredService<SupervisionService>().EscalateOverdueAsync());
        Assert.Equal(count, await Db(db => db.Set<DemandEvent>().CountAsync(e => e.DemandId == demand.Id && e.Kind == DemandEventKind.Escalated)));
    }
}

[Collection("sqlite")]
public sealed class PeriodicWorkTests_Sqlite(SqliteApp app) : PeriodicWorkTests(app);

[Collection("postgres")]
public sealed class PeriodicWorkTests_Postgres(PostgresApp app) : PeriodicWorkTests(app)
{
    [Fact]
    public async Task ARound_IsSkipped_WhileAnotherInstanceHoldsItsLock()
    {
        app.SkipIfUnavailable();
        var worker = app.Services.GetServices<IHostedService>().OfType<PeriodicWork>().Single(w => w is EscalationWorker);
        var connection = await app.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<ZoneDb>().Database.GetConnectionString()!));

        // "Another instance": a session of its own holding the work's lock.
        await using (var other = new NpgsqlConnection(connection))
        {
            await other.OpenAsync();
            await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({worker.LockKey})", other))
                await take.ExecuteNonQueryAsync();
            Assert.False(await worker.RunOnceAsync());
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({worker.LockKey})", other);
            await release.ExecuteNonQueryAsync();
        }
        Assert.True(await worker.RunOnceAsync());
        // The round let go of its lock: another session gets it at once.
        await using var again = new NpgsqlConnection(connection);
        await again.OpenAsync();
        await using var check = new NpgsqlCommand($"SELECT pg_try_advisory_lock({worker.LockKey})", again);
        Assert.True((bool)(await check.ExecuteScalarAsync())!);
    }
}
