using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TechZone.Data;
using TechZone.Platform.Identity;
using TechZone.Platform.Seeding;

namespace TechZone.Tests.Infrastructure;

public enum Provider { Sqlite, Postgres }

/// <summary>
/// The whole app on a real database of its own: a temporary SQLite file, or a fresh PostgreSQL database on the
/// server named by TECHZONE_TEST_POSTGRES. Demo data is seeded as on a developer's first run.
/// </summary>
public abstract class ZoneApp(Provider provider) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoPassword = "TechZone!2026";

    public Provider Provider { get; } = provider;
    public bool Available { get; private set; } = true;
    string? connection;
    string? sqliteFile;
    string? postgresDatabase;

    public async ValueTask InitializeAsync()
    {
        if (Provider == Provider.Sqlite)
        {
            sqliteFile = Path.Combine(Path.GetTempPath(), $"techzone-test-{Guid.NewGuid():N}.db");
            connection = $"Data Source={sqliteFile}";
        }
        else
        {
            var server = TestDatabases.PostgresServer;
            if (server is null) { Available = false; return; }
            postgresDatabase = $"tz_test_{Guid.NewGuid():N}";
            await TestDatabases.CreatePostgresDatabaseAsync(server, postgresDatabase);
            connection = new NpgsqlConnectionStringBuilder(server) { Database = postgresDatabase }.ToString();
        }
        // Building the host migrates and seeds.
        _ = Services;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:TechZone", connection);
        builder.UseSetting("Demo:Password", DemoPassword);
        // Tests run the escalation sweep themselves, when they mean to.
        builder.UseSetting("Demands:EscalationMinutes", "0");
        // ... and the policy engine's refresh of changed enterprises (a background write would race their counts).
        builder.UseSetting("Policies:RefreshSeconds", "0");
        // ... and the sweep of overdue owner answers to excavation requests.
        builder.UseSetting("Pipelines:EscalationMinutes", "0");
        Configure(builder);
    }

    /// <summary>Settings of a test's own app, on top of the ones every test app has.</summary>
    protected virtual void Configure(IWebHostBuilder builder) { }

    public void SkipIfUnavailable()
    {
        if (!Available)
            Assert.Skip("PostgreSQL is not configured: set TECHZONE_TEST_POSTGRES to a server connection string to run these tests.");
    }

    /// <summary>JSON as the API speaks it: web defaults, enums as names.</summary>
    public static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A browser-like client signed in through the real sign-in form.</summary>
    public async Task<HttpClient> SignedInAsync(string userName, string password = DemoPassword)
    {
        var client = Browser();
        var response = await SignInAsync(client, userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Posts the sign-in form as a browser would (antiforgery token and Blazor form name included).</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password)
    {
        var page = await client.GetStringAsync("/account/login");
        var fields = HiddenFields(page);
        fields["Input.UserName"] = userName;
        fields["Input.Password"] = password;
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(fields));
    }

    /// <summary>A redirect's target as a local path and query, whether the Location header is absolute or not.</summary>
    public static string? Target(HttpResponseMessage response) =>
        response.Headers.Location is not { } location ? null
        : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    public static Dictionary<string, string> HiddenFields(string html) =>
        Regex.Matches(html, "<input[^>]*type=\"hidden\"[^>]*>")
            .Select(m => (Name: Regex.Match(m.Value, "name=\"([^\"]*)\"").Groups[1].Value, Value: Regex.Match(m.Value, "value=\"([^\"]*)\"").Groups[1].Value))
            .Where(f => f.Name != "")
            .GroupBy(f => f.Name).ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Value));

    /// <summary>Runs code against the app's services in a scope of its own (for arranging data).</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task<ZoneUser> CreateUserAsync(string userName, string role, int? departmentId = null, int? enterpriseId = null) =>
        WithScopeAsync(sp => PlatformDemoData.Create(sp.GetRequiredService<UserManager<ZoneUser>>(), userName, userName, role, DemoPassword,
            departmentId, enterpriseId: enterpriseId));

    public override async ValueTask DisposeAsync()
    {
        if (Available) await base.DisposeAsync();
        if (sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm" })
                try { File.Delete(f); } catch (IOException) { }
        }
        if (postgresDatabase is not null && TestDatabases.PostgresServer is { } server)
            await TestDatabases.DropPostgresDatabaseAsync(server, postgresDatabase);
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteApp() : ZoneApp(Provider.Sqlite);

public sealed class PostgresApp() : ZoneApp(Provider.Postgres);

[CollectionDefinition("sqlite")]
public sealed class SqliteCollection : ICollectionFixture<SqliteApp>;

[CollectionDefinition("postgres")]
public sealed class PostgresCollection : ICollectionFixture<PostgresApp>;

/// <summary>Where the PostgreSQL tests find their server. With TECHZONE_REQUIRE_POSTGRES=1 (CI) a missing server fails the run.</summary>
public static class TestDatabases
{
    public static string? PostgresServer
    {
        get
        {
            var value = Environment.GetEnvironmentVariable("TECHZONE_TEST_POSTGRES");
            if (string.IsNullOrWhiteSpace(value) && Environment.GetEnvironmentVariable("TECHZONE_REQUIRE_POSTGRES") == "1")
                throw new InvalidOperationException("TECHZONE_REQUIRE_POSTGRES=1 but TECHZONE_TEST_POSTGRES is not set.");
            return string.IsNullOrWhiteSpace(value) ? null : value;
        }
    }

    public static async Task CreatePostgresDatabaseAsync(string server, string name)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ToString());
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    public static async Task DropPostgresDatabaseAsync(string server, string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ToString());
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
