using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechZone.Data;
using TechZone.Tests.Infrastructure;

namespace TechZone.Tests.Platform;

public abstract class HealthAndDatabaseTests(ZoneApp app)
{
    [Fact]
    public async Task Health_LiveAndReady_AnswerHealthyWithoutSignIn()
    {
        app.SkipIfUnavailable();
        var client = app.Browser();
        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Migrations_MatchTheModel_AndAreAllApplied()
    {
        app.SkipIfUnavailable();
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ZoneDb>();
            Assert.Equal(app.Provider == Provider.Postgres ? typeof(PostgresZoneDb) : typeof(SqliteZoneDb), db.GetType());
            Assert.False(db.Database.HasPendingModelChanges(), "The model has changed since the last migration of this provider: add one.");
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            return true;
        });
    }

    [Fact]
    public async Task DemoZone_IsSeeded_WithParksDepartmentsAndAccounts()
    {
        app.SkipIfUnavailable();
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ZoneDb>();
            var parks = await db.Parks.Select(p => p.Name).ToListAsync();
            Assert.Subset(parks.ToHashSet(), new HashSet<string> { "华苑科技园", "渤龙湖科技园", "海洋科技园" });
            Assert.True(await db.Departments.CountAsync() >= 6);
            foreach (var user in new[] { "admin", "leader", "investment", "service", "economy", "planning", "safety", "talent", "feiteng", "kylin" })
                Assert.True(await db.Users.AnyAsync(u => u.UserName == user), user);
            return true;
        });
    }
}

[Collection("sqlite")]
public sealed class HealthAndDatabaseTests_Sqlite(SqliteApp app) : HealthAndDatabaseTests(app);

[Collection("postgres")]
public sealed class HealthAndDatabaseTests_Postgres(PostgresApp app) : HealthAndDatabaseTests(app);
