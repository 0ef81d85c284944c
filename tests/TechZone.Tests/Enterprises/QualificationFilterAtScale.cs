#pragma warning disable EF1002 // the bulk inserts below interpolate a type id read from the database, not input
using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechZone.Data;
using TechZone.Enterprises;
using TechZone.Platform.Identity;
using TechZone.Tests.Infrastructure;

namespace TechZone.Tests.Enterprises;

/// <summary>
/// A measurement, not a check (set TECHZONE_SCALE=1 to run it): the registry search with the qualification filter on
/// 100,000 more enterprises, a third of them holding 高新技术企业 (valid, expiring or expired), on an app of its own.
/// Writes the query plans and the mean time of a search (count and first page) to artifacts/perf/. See docs/perf.md.
/// </summary>
public sealed class QualificationFilterAtScale
{
    public static TheoryData<Provider> Providers => new(Provider.Sqlite, Provider.Postgres);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Measure(Provider provider)
    {
        if (Environment.GetEnvironmentVariable("TECHZONE_SCALE") != "1") Assert.Skip("A measurement: set TECHZONE_SCALE=1 to run it.");
        await using ZoneApp app = provider == Provider.Sqlite ? new SqliteApp() : new PostgresApp();
        await app.InitializeAsync();
        app.SkipIfUnavailable();
        var output = Path.Combine(Directory.CreateDirectory(Path.Combine(RepoRoot, "artifacts", "perf")).FullName, $"qualification-filter-{provider}.txt".ToLowerInvariant());
        await File.WriteAllTextAsync(output, "");
        void Log(string line) => File.AppendAllText(output, line + "\n");

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ZoneDb>();
            db.Database.SetCommandTimeout(600);
            var hnte = await db.Set<QualificationType>().Where(t => t.Code == "hnte").Select(t => t.Id).SingleAsync();
            // Expiry dates spread over 2022-12-31 .. 2028-06: about 29 % valid today, 5 % expiring, 70 % expired.
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlRawAsync("""
                    INSERT INTO enterprises_enterprises ("CreditCode","Name","NameKey","CreatedUtc","LegalRepresentative","Address","Status","Version")
                    SELECT 'S' || lpad(g::text, 17, '0'), '规模测试企业' || g, 'guimo' || g, now(), '', '', 'Operating', 0 FROM generate_series(1, 100000) g
                    """);
                await db.Database.ExecuteSqlRawAsync($"""
                    INSERT INTO enterprises_qualifications ("EnterpriseId","QualificationTypeId","CertificateNumber","IssuedOn","ExpiresOn","Note","Version")
                    SELECT e."Id", {hnte}, '', DATE '2020-01-01' + (e."Id" % 2000), DATE '2022-12-31' + (e."Id" % 2000), '', 0
                    FROM enterprises_enterprises e WHERE e."CreditCode" LIKE 'S%' AND e."Id" % 3 = 0
                    """);
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync("""
                    WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 100000)
                    INSERT INTO enterprises_enterprises (CreditCode, Name, NameKey, CreatedUtc, LegalRepresentative, Address, Status, Version)
                    SELECT 'S' || printf('%017d', n), '规模测试企业' || n, 'guimo' || n, '2026-01-01 00:00:00', '', '', 'Operating', 0 FROM g
                    """);
                await db.Database.ExecuteSqlRawAsync($"""
                    INSERT INTO enterprises_qualifications (EnterpriseId, QualificationTypeId, CertificateNumber, IssuedOn, ExpiresOn, Note, Version)
                    SELECT e.Id, {hnte}, '', date('2020-01-01', '+' || (e.Id % 2000) || ' days'), date('2022-12-31', '+' || (e.Id % 2000) || ' days'), '', 0
                    FROM enterprises_enterprises e WHERE e.CreditCode LIKE 'S%' AND e.Id % 3 = 0
                    """);
            }
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
            return 0;
        });

        var admin = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.Role, Roles.Admin), new(System.Security.Claims.ClaimTypes.Name, "admin")], "scale"));
        foreach (var status in new QualificationStatus?[] { null, QualificationStatus.Valid, QualificationStatus.Expiring, QualificationStatus.Expired })
        {
            await app.WithScopeAsync(async sp =>
            {
                sp.GetRequiredService<CurrentUser>().Set(admin);
                var db = sp.GetRequiredService<ZoneDb>();
                var hnte = await db.Set<QualificationType>().Where(t => t.Code == "hnte").Select(t => t.Id).SingleAsync();
                var service = sp.GetRequiredService<EnterpriseService>();
                var query = new EnterpriseQuery { QualificationTypeId = status is null ? null : hnte, QualificationStatus = status, PageSize = 20 };
                Log($"== {provider}, qualification filter: {status?.ToString() ?? "none"}");
                foreach (var line in await PlanAsync(db, service, query)) Log(line);
                await service.SearchAsync(query, true);
                const int runs = 10;
                var total = 0;
                var watch = Stopwatch.StartNew();
                for (var i = 0; i < runs; i++) total = (await service.SearchAsync(query, true)).Total;
                Log($"{total} enterprises match; search (count + first page of 20): {watch.Elapsed.TotalMilliseconds / runs:F1} ms mean of {runs}");
                return 0;
            });
        }
    }

    /// <summary>The plan of the count the search runs, with its parameters written in so the planner sees the real values.</summary>
    static async Task<List<string>> PlanAsync(ZoneDb db, EnterpriseService service, EnterpriseQuery query)
    {
        var filter = typeof(EnterpriseService).GetMethod("Filter", BindingFlags.NonPublic | BindingFlags.Instance)!;
        var sql = ((IQueryable<Enterprise>)filter.Invoke(service, [query])!).ToQueryString();
        var pg = db.Database.IsNpgsql();
        var body = string.Join('\n', sql.Split('\n').Where(l => !l.StartsWith(".param") && !l.StartsWith("--")));
        foreach (var line in sql.Split('\n'))
        {
            var m = Regex.Match(line, @"^(?:\.param set |-- )(@\w+)[ =](.*?)( \(DbType.*)?$");
            if (!m.Success) continue;
            var value = m.Groups[2].Value.Replace(" (Nullable = true)", "").Trim();
            if (Regex.Match(value, @"^'(\d{2})/(\d{2})/(\d{4})'$") is { Success: true } us) value = $"'{us.Groups[3].Value}-{us.Groups[1].Value}-{us.Groups[2].Value}'";
            if (pg && Regex.IsMatch(value, @"^'\d{4}-\d{2}-\d{2}'$")) value = "DATE " + value;
            body = Regex.Replace(body, Regex.Escape(m.Groups[1].Value) + @"\b", value);
        }
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = (pg ? "EXPLAIN ANALYZE" : "EXPLAIN QUERY PLAN") + " SELECT count(*) FROM (" + body + ") x";
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add("  " + (pg ? reader.GetString(0) : reader.GetString(3)));
        return lines;
    }

    static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TechZone.slnx"))) dir = dir.Parent;
            return dir!.FullName;
        }
    }
}
