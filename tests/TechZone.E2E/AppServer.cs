using Microsoft.Playwright;

namespace TechZone.E2E;

public enum Provider { Sqlite, Postgres }

/// <summary>
/// TechZone started as a user starts it (its own process, Development environment, its CSS and scripts served from
/// the build output) on a fresh database, plus a headless Debian Chromium driven by Playwright.
/// </summary>
public abstract class AppServer(Provider provider) : IAsyncLifetime
{
    public const string Password = AppProcess.Password;

    public Provider Provider { get; } = provider;

    /// <summary>Configuration a fixture adds to the app's environment (e.g. a short idle time).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = default!;
    public string? SkipReason { get; private set; }

    AppProcess? app;
    IPlaywright? playwright;
    string? sqliteFile;
    string? postgresServer;
    string? postgresDatabase;

    public static string RepoRoot => AppProcess.RepoRoot;

    public static string ArtifactsDir => Directory.CreateDirectory(Path.Combine(RepoRoot, "artifacts", "screenshots")).FullName;

    static string ChromiumPath => Environment.GetEnvironmentVariable("TECHZONE_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            if (Environment.GetEnvironmentVariable("TECHZONE_REQUIRE_BROWSER") == "1")
                throw new InvalidOperationException($"TECHZONE_REQUIRE_BROWSER=1 but there is no Chromium at {ChromiumPath}.");
            SkipReason = $"No Chromium at {ChromiumPath}: install Debian's chromium package to run the browser tests.";
            return;
        }

        string connection;
        if (Provider == Provider.Sqlite)
        {
            sqliteFile = Path.Combine(Path.GetTempPath(), $"techzone-e2e-{Guid.NewGuid():N}.db");
            connection = $"Data Source={sqliteFile}";
        }
        else
        {
            postgresServer = TestPostgres.Server;
            if (postgresServer is null)
            {
                SkipReason = TestPostgres.NotConfigured;
                return;
            }
            (postgresDatabase, connection) = await TestPostgres.CreateDatabaseAsync(postgresServer, "tz_e2e_");
        }

        await StartAppAsync(connection);

        // Two cores run the app, the database, the browser and the other test module at once: be patient.
        Assertions.SetDefaultExpectTimeout(30_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    async Task StartAppAsync(string connection)
    {
        app = await AppProcess.StartAsync(Provider, connection, Settings);
        BaseUrl = app.BaseUrl;
    }

    /// <summary>How many lines the app has written so far.</summary>
    public int LogLength => app?.LogLength ?? 0;

    /// <summary>The app's warnings and errors (with their indented detail lines) written since a line.</summary>
    public IReadOnlyList<string> LogProblemsSince(int start) => app?.LogProblemsSince(start) ?? [];

    public void SkipIfUnavailable()
    {
        if (SkipReason is not null) Assert.Skip(SkipReason);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        if (app is not null) await app.DisposeAsync();
        if (sqliteFile is not null)
            foreach (var f in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm" })
                try { File.Delete(f); } catch (IOException) { }
        if (postgresDatabase is not null && postgresServer is not null)
            await TestPostgres.DropDatabaseAsync(postgresServer, postgresDatabase);
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteServer() : AppServer(Provider.Sqlite);

public sealed class PostgresServer() : AppServer(Provider.Postgres);

[CollectionDefinition("e2e-sqlite")]
public sealed class SqliteCollection : ICollectionFixture<SqliteServer>;

[CollectionDefinition("e2e-postgres")]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>;
