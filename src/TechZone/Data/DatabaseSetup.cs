using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using TechZone.Platform.Identity;

namespace TechZone.Data;

/// <summary>Chooses the provider from configuration: <c>Database:Provider</c> = Sqlite (default) or Postgres.</summary>
public static class DatabaseSetup
{
    public const string DefaultSqlite = "Data Source=data/techzone.db";

    public static bool IsPostgres(IConfiguration config) =>
        string.Equals(config["Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase);

    public static IServiceCollection AddZoneDb(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        var connection = config.GetConnectionString("TechZone");
        if (IsPostgres(config))
        {
            if (string.IsNullOrWhiteSpace(connection))
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:TechZone is not set.");
            services.AddPooledDbContextFactory<PostgresZoneDb>(o => o.UseNpgsql(connection).ConfigureWarnings(Warnings));
            services.AddScoped<ZoneDb>(sp => ZoneDb.Rent(sp.GetRequiredService<IDbContextFactory<PostgresZoneDb>>(), sp.GetRequiredService<CurrentUser>()));
        }
        else
        {
            var sqlite = SqliteConnectionIn(contentRoot, string.IsNullOrWhiteSpace(connection) ? DefaultSqlite : connection);
            services.AddPooledDbContextFactory<SqliteZoneDb>(o => o.UseSqlite(sqlite).ConfigureWarnings(Warnings));
            services.AddScoped<ZoneDb>(sp => ZoneDb.Rent(sp.GetRequiredService<IDbContextFactory<SqliteZoneDb>>(), sp.GetRequiredService<CurrentUser>()));
        }
        return services;
    }

    // Large lists count their matches only up to a cap (`Take(n).Count()`), where an order would be wasted work.
    static void Warnings(Microsoft.EntityFrameworkCore.Diagnostics.WarningsConfigurationBuilder w) =>
        w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.RowLimitingOperationWithoutOrderByWarning);

    /// <summary>Resolves a relative SQLite file against the content root and makes sure its folder exists.</summary>
    static string SqliteConnectionIn(string contentRoot, string connection)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection);
        if (builder.DataSource != ":memory:" && builder.Mode != Microsoft.Data.Sqlite.SqliteOpenMode.Memory)
        {
            var path = Path.IsPathRooted(builder.DataSource) ? builder.DataSource : Path.Combine(contentRoot, builder.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }
        builder.DefaultTimeout = 30;
        return builder.ToString();
    }

    /// <summary>
    /// Applies pending migrations; on SQLite also switches to WAL so readers do not block the writer, and refreshes
    /// the planner's statistics of tables whose size changed much (without them SQLite guesses, and at a million
    /// demands it guessed a plan ten times slower). PostgreSQL keeps its statistics itself (autovacuum).
    /// </summary>
    public static async Task MigrateAsync(ZoneDb db, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002;", ct);
        }
    }

    /// <summary>Full planner statistics, after a bulk load has changed the tables' sizes by orders of magnitude.</summary>
    public static Task AnalyzeAsync(ZoneDb db, CancellationToken ct = default) =>
        db.Database.ExecuteSqlRawAsync(db.Database.IsSqlite() ? "PRAGMA analysis_limit=0; ANALYZE;" : "ANALYZE;", ct);
}

/// <summary>Lets <c>dotnet ef</c> build each provider's context without starting the app.</summary>
sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteZoneDb>
{
    public SqliteZoneDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteZoneDb>().UseSqlite("Data Source=design.db").Options);
}

sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresZoneDb>
{
    public PostgresZoneDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresZoneDb>().UseNpgsql("Host=localhost;Database=techzone_design").Options);
}
