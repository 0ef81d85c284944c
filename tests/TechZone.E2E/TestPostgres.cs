using Npgsql;

namespace TechZone.E2E;

/// <summary>The PostgreSQL server the tests use (TECHZONE_TEST_POSTGRES), and a fresh database on it per fixture.</summary>
public static class TestPostgres
{
    public const string NotConfigured = "PostgreSQL is not configured: set TECHZONE_TEST_POSTGRES to run these tests.";

    /// <summary>The server's connection string, or null when none is configured; with TECHZONE_REQUIRE_POSTGRES=1 (CI) a missing one fails the run.</summary>
    public static string? Server
    {
        get
        {
            var server = Environment.GetEnvironmentVariable("TECHZONE_TEST_POSTGRES");
            if (!string.IsNullOrWhiteSpace(server)) return server;
            if (Environment.GetEnvironmentVariable("TECHZONE_REQUIRE_POSTGRES") == "1")
                throw new InvalidOperationException("TECHZONE_REQUIRE_POSTGRES=1 but TECHZONE_TEST_POSTGRES is not set.");
            return null;
        }
    }

    /// <summary>Creates a database named <paramref name="prefix"/> and a new guid; returns its name and connection string.</summary>
    public static async Task<(string Name, string Connection)> CreateDatabaseAsync(string server, string prefix)
    {
        var name = $"{prefix}{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        return (name, new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString());
    }

    public static async Task DropDatabaseAsync(string server, string name)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    static async Task ExecuteAsync(string server, string sql)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ToString());
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
