using System.Diagnostics;
using Npgsql;

namespace TechZone.E2E;

/// <summary>The <c>seed --scale</c> command as an operator runs it.</summary>
public sealed class SeedCommandTests
{
    static ProcessStartInfo Seed(int enterprises, string provider, string connection) => new("dotnet", [AppProcess.AppDll, "seed", "--scale", enterprises.ToString()])
    {
        WorkingDirectory = AppProcess.AppDirectory,
        RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        Environment = { ["Database__Provider"] = provider, ["ConnectionStrings__TechZone"] = connection },
    };

    static async Task<(int ExitCode, string Output, string Error)> RunAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task ScaleSeed_WritesEveryPartOfTheZone_ForEachEnterprise_AndRefusesASecondRun()
    {
        if (TestPostgres.Server is not { } server) { Assert.Skip(TestPostgres.NotConfigured); return; }
        var (name, connection) = await TestPostgres.CreateDatabaseAsync(server, "techzone_scale_");
        try
        {
            var start = Seed(200, "Postgres", connection);
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            var (exit, output, error) = await RunAsync(start);
            Assert.True(exit == 0, output + error);

            await using var db = new NpgsqlConnection(connection);
            await db.OpenAsync();
            async Task<long> CountAsync(string sql) => Convert.ToInt64(await new NpgsqlCommand(sql, db).ExecuteScalarAsync());
            var enterprises = await CountAsync("SELECT count(*) FROM enterprises_enterprises");
            Assert.True(enterprises >= 200, $"{enterprises} enterprises");
            Assert.True(await CountAsync("SELECT count(*) FROM demands_demands") >= 2_000);
            Assert.True(await CountAsync("SELECT count(*) FROM pipelines_segments") >= 2_000);
            // Five fiscal years of facts (2021–2025; the demo's enterprises report three) for most of them, and qualifications for some.
            Assert.Equal(5, await CountAsync("SELECT count(DISTINCT \"FiscalYear\") FROM enterprises_facts"));
            var reporting = await CountAsync("SELECT count(DISTINCT \"EnterpriseId\") FROM enterprises_facts");
            Assert.True(reporting >= enterprises / 2, $"{reporting} of {enterprises} enterprises have facts");
            Assert.True(await CountAsync("SELECT count(*) FROM enterprises_qualifications") > 0);
            // Visits within the zone's limit (two per enterprise and month), past ones recorded.
            Assert.True(await CountAsync("SELECT count(*) FROM demands_visits") >= 200);
            Assert.True(await CountAsync("SELECT count(*) FROM demands_visits WHERE \"Status\" = 'Recorded' AND \"VisitedOn\" IS NOT NULL") > 0);
            Assert.Equal(0, await CountAsync("""
                SELECT count(*) FROM (SELECT "EnterpriseId" FROM demands_visits WHERE "Status" <> 'Cancelled'
                  GROUP BY "EnterpriseId", date_trunc('month', COALESCE("VisitedOn", "PlannedOn")) HAVING count(*) > 2) AS over
                """));
            // A catalog of 300 items, all published, and the engine's verdicts on them for the generated enterprises.
            Assert.Equal(300, await CountAsync("SELECT count(*) FROM policies_items"));
            Assert.True(await CountAsync("""
                SELECT count(DISTINCT "EnterpriseId") FROM policies_verdicts
                WHERE "EnterpriseId" > (SELECT max("Id") - 200 FROM enterprises_enterprises)
                """) > 0);
            // Buildings with floors and units, and leases of those units.
            Assert.True(await CountAsync("SELECT count(*) FROM space_buildings WHERE \"Geometry\" IS NOT NULL") >= 8 + 4);
            Assert.True(await CountAsync("SELECT count(*) FROM space_units u JOIN space_floors f ON f.\"Id\" = u.\"FloorId\" AND f.\"BuildingId\" = u.\"BuildingId\"") > 100);
            Assert.True(await CountAsync("SELECT count(*) FROM space_lease_units lu JOIN space_leases l ON l.\"Id\" = lu.\"LeaseId\" AND lu.\"StartOn\" = l.\"StartOn\"") > 50);
            // New rows after the seed get the next ids (the sequences were moved past the written ones).
            Assert.True(await CountAsync("SELECT nextval(pg_get_serial_sequence('enterprises_facts', 'Id')::regclass)") > await CountAsync("SELECT max(\"Id\") FROM enterprises_facts"));
            Assert.True(await CountAsync("SELECT nextval(pg_get_serial_sequence('demands_visits', 'Id')::regclass)") > await CountAsync("SELECT max(\"Id\") FROM demands_visits"));
            Assert.True(await CountAsync("SELECT nextval(pg_get_serial_sequence('space_units', 'Id')::regclass)") > await CountAsync("SELECT max(\"Id\") FROM space_units"));

            var again = await RunAsync(start);
            Assert.Equal(1, again.ExitCode);
            Assert.Contains("already holds a scaled zone", again.Error);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(server, name);
        }
    }

    [Fact]
    public async Task ScaleSeed_InProduction_WhereNoDemoZoneIsSeeded_SaysSo_AndWritesNothing()
    {
        var file = Path.Combine(Path.GetTempPath(), $"techzone-seed-{Guid.NewGuid():N}.db");
        var start = Seed(10, "Sqlite", $"Data Source={file}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Admin__InitialPassword"] = "Prod!Secret2026";
        try
        {
            var (exit, output, error) = await RunAsync(start);
            Assert.Equal(1, exit);
            Assert.Contains("seed: the scaled zone builds on the demo zone", error);
            Assert.DoesNotContain("   at ", error + output);
            Assert.DoesNotContain("enterprises (", output);
        }
        finally
        {
            foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
        }
    }

    [Fact]
    public async Task ScaleSeed_InProduction_WithoutTheFirstAdminsPassword_SaysWhatToSet_InOneLine()
    {
        var file = Path.Combine(Path.GetTempPath(), $"techzone-seed-{Guid.NewGuid():N}.db");
        var start = Seed(10, "Sqlite", $"Data Source={file}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Admin__InitialPassword"] = "";
        try
        {
            var (exit, output, error) = await RunAsync(start);
            Assert.Equal(1, exit);
            Assert.Contains("seed: No administrator exists. Set Admin:InitialPassword", error);
            // One line an operator reads, not a stack trace.
            Assert.DoesNotContain("   at ", error + output);
        }
        finally
        {
            foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
        }
    }
}
