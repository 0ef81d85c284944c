using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechZone.Data;
using TechZone.Platform.Api;
using TechZone.Platform.Audit;
using TechZone.Platform.Identity;
using TechZone.Platform.Zone;
using TechZone.Tests.Infrastructure;

namespace TechZone.Tests.Platform;

public abstract class AuditTests(ZoneApp app)
{
    Task<List<AuditEntry>> EntriesAsync(Func<IQueryable<AuditEntry>, IQueryable<AuditEntry>> filter) =>
        app.WithScopeAsync(sp => filter(sp.GetRequiredService<ZoneDb>().AuditEntries.AsNoTracking()).OrderBy(e => e.Sequence).ToListAsync());

    [Fact]
    public async Task Update_WritesAnEntry_WithUserAndChangedFieldsOldToNew()
    {
        app.SkipIfUnavailable();
        var code = "a" + Guid.NewGuid().ToString("N")[..10];
        var admin = await app.SignedInAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/v1/departments", new DepartmentRequest { Code = code, Name = "旧名称", NameEn = "Old" }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last());

        var put = await admin.PutAsJsonAsync($"/api/v1/departments/{id}", new DepartmentRequest { Code = code, Name = "新名称", NameEn = "Old", Version = 0 }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);

        var entries = await EntriesAsync(q => q.Where(e => e.EntityType == "platform_departments" && e.EntityKey == id.ToString()));
        Assert.Equal([AuditKind.Insert, AuditKind.Update], entries.Select(e => e.Kind));
        var update = entries[1];
        Assert.Equal("admin", update.UserName);
        Assert.False(string.IsNullOrEmpty(update.UserId));
        var changes = JsonDocument.Parse(update.Changes).RootElement;
        Assert.Equal("旧名称", changes.GetProperty("Name")[0].GetString());
        Assert.Equal("新名称", changes.GetProperty("Name")[1].GetString());
        Assert.False(changes.TryGetProperty("NameEn", out _), "unchanged fields are not recorded");
        Assert.True(DateTime.UtcNow - update.TimestampUtc < TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task SecurityEvents_AreAudited_SignInSuccessFailureAndLockout()
    {
        app.SkipIfUnavailable();
        var name = "sec" + Guid.NewGuid().ToString("N")[..8];
        await app.CreateUserAsync(name, Roles.Leader);
        await app.SignedInAsync(name);
        for (var i = 0; i < 5; i++) await ZoneApp.SignInAsync(app.Browser(), name, "wrong-password");

        var events = await EntriesAsync(q => q.Where(e => e.Kind == AuditKind.Security && e.UserName == name));
        Assert.Contains(events, e => e.EntityType == "SignIn");
        Assert.Equal(4, events.Count(e => e.EntityType == "SignInFailed"));
        Assert.Single(events, e => e.EntityType == "LockedOut");
    }

    [Fact]
    public async Task PasswordHashes_AreNeverWrittenToTheTrail()
    {
        app.SkipIfUnavailable();
        var name = "hash" + Guid.NewGuid().ToString("N")[..8];
        await app.CreateUserAsync(name, Roles.Leader);
        var entries = await EntriesAsync(q => q.Where(e => e.EntityType == "platform_users"));
        var mine = entries.Single(e => e.Changes.Contains(name) && e.Kind == AuditKind.Insert);
        Assert.Equal("***", JsonDocument.Parse(mine.Changes).RootElement.GetProperty("PasswordHash")[1].GetString());
    }

    [Fact]
    public async Task Chain_IsIntact_AndLinksEachEntryToThePrevious()
    {
        app.SkipIfUnavailable();
        var result = await app.WithScopeAsync(sp => sp.GetRequiredService<AuditService>().VerifyAsync());
        Assert.True(result.Intact, result.ProblemText);
        Assert.True(result.Checked > 10);

        var first = await EntriesAsync(q => q.Take(3));
        Assert.Equal(AuditChain.Genesis, first[0].PreviousHash);
        Assert.Equal(first[0].Hash, first[1].PreviousHash);
        Assert.Equal(first[1].Hash, first[2].PreviousHash);
    }

    [Fact]
    public async Task ConcurrentWriters_NeverForkTheChain()
    {
        app.SkipIfUnavailable();
        // Many saves at once, each in its own scope (as requests on several instances would be).
        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ZoneDb>();
            db.Parks.Add(new Park { Code = $"p{Guid.NewGuid():N}"[..20], Name = "并发园区" + i, NameEn = "Park " + i });
            return await db.SaveChangesAsync();
        })));

        var result = await app.WithScopeAsync(sp => sp.GetRequiredService<AuditService>().VerifyAsync());
        Assert.True(result.Intact, $"broken at {result.BrokenAt}: {result.ProblemText}");
        var sequences = await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().AuditEntries.Select(e => e.PreviousHash).ToListAsync());
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
    }

    [Fact]
    public async Task BulkPath_WritesOneEntryForTheBatch_NotOnePerRow()
    {
        app.SkipIfUnavailable();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var before = await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().AuditEntries.LongCountAsync());
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ZoneDb>();
            db.AuditRows = false;
            for (var i = 0; i < 50; i++) db.Parks.Add(new Park { Code = $"b{tag}{i}", Name = $"批量园区{i}", NameEn = $"Bulk {i}" });
            AuditTrail.Batch(db, "platform_parks", new { inserted = 50, source = "parks.xlsx", sha256 = new string('a', 64) }, $"b{tag}0..b{tag}49");
            return await db.SaveChangesAsync();
        });

        var added = await EntriesAsync(q => q.Where(e => e.Sequence > before));
        var batch = Assert.Single(added);
        Assert.Equal(AuditKind.Bulk, batch.Kind);
        Assert.Equal("platform_parks", batch.EntityType);
        Assert.Equal(50, JsonDocument.Parse(batch.Changes).RootElement.GetProperty("inserted").GetInt32());
        Assert.Equal(50, await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Parks.CountAsync(p => p.Code.StartsWith("b" + tag))));
    }

    [Fact]
    public async Task Api_ListsEntries_WithFiltersAndPaging_ForAdminsOnly()
    {
        app.SkipIfUnavailable();
        var admin = await app.SignedInAsync("admin");
        var page = await admin.GetFromJsonAsync<PagedResult<AuditItem>>("/api/v1/audit?kind=Security&pageSize=5", ZoneApp.Json);
        Assert.NotNull(page);
        Assert.True(page.Total >= 1);
        Assert.All(page.Items, i => Assert.Equal(AuditKind.Security, i.Kind));
        Assert.True(page.Items.Count <= 5);

        var leader = await app.SignedInAsync("leader");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync("/api/v1/audit")).StatusCode);
        // No API edits or deletes an entry.
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await admin.DeleteAsync("/api/v1/audit")).StatusCode);
    }
}

[Collection("sqlite")]
public sealed class AuditTests_Sqlite(SqliteApp app) : AuditTests(app);

[Collection("postgres")]
public sealed class AuditTests_Postgres(PostgresApp app) : AuditTests(app);

/// <summary>
/// Tampering is detected. Each test changes the trail by hand, so each has a database of its own
/// (the shared one must stay intact for the other tests).
/// </summary>
public abstract class AuditTamperTests
{
    protected abstract ZoneApp NewApp();

    [Fact]
    public async Task Verify_NamesTheFirstEntryChangedByHand()
    {
        await using var app = NewApp();
        await app.InitializeAsync();
        app.SkipIfUnavailable();

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ZoneDb>();
            var table = db.Model.FindEntityType(typeof(AuditEntry))!.GetTableName();
            var changes = db.Database.IsNpgsql() ? "\"Changes\"" : "Changes";
            var sequence = db.Database.IsNpgsql() ? "\"Sequence\"" : "Sequence";
            // Identifiers cannot be parameters; the forged value is one.
            var sql = "UPDATE " + table + " SET " + changes + " = {0} WHERE " + sequence + " = 5";
            return await db.Database.ExecuteSqlRawAsync(sql, "{\"Name\":[null,\"forged\"]}");
        });

        var result = await app.WithScopeAsync(sp => sp.GetRequiredService<AuditService>().VerifyAsync());
        Assert.False(result.Intact);
        Assert.Equal(5, result.BrokenAt);
        Assert.Equal("Hash", result.Problem);

        // The command line says the same and fails.
        var output = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(output);
        try { Assert.Equal(2, await AuditCommand.VerifyAsync(app.Services)); }
        finally { Console.SetOut(previous); }
        Assert.Contains("BROKEN at entry 5", output.ToString());
    }

    [Fact]
    public async Task Verify_NoticesADeletedEntry()
    {
        await using var app = NewApp();
        await app.InitializeAsync();
        app.SkipIfUnavailable();

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ZoneDb>();
            return await db.AuditEntries.Where(e => e.Sequence == 3).ExecuteDeleteAsync();
        });

        var result = await app.WithScopeAsync(sp => sp.GetRequiredService<AuditService>().VerifyAsync());
        Assert.False(result.Intact);
        Assert.Equal(3, result.BrokenAt);
        Assert.Equal("Missing", result.Problem);
    }
}

public sealed class AuditTamperTests_Sqlite : AuditTamperTests
{
    protected override ZoneApp NewApp() => new SqliteApp();
}

public sealed class AuditTamperTests_Postgres : AuditTamperTests
{
    protected override ZoneApp NewApp() => new PostgresApp();
}
