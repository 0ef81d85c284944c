using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;

namespace TechZone.E2E;

/// <summary>
/// Issue 9's proof that TechZone runs as several instances: a sign-in on one instance holds on the other, the
/// escalation sweep that both run escalates each overdue part once, the policy refresh that both run evaluates
/// marked enterprises in one round, and an instance killed in the middle of a write run loses no write it confirmed.
/// </summary>
[Collection("e2e-postgres")]
public sealed class ClusterTests(Cluster cluster, ITestOutputHelper output) : IClassFixture<Cluster>
{
    [Fact]
    public async Task SignedInThroughOneInstance_IsSignedInOnTheOther_AndTheProxyUsesBoth()
    {
        if (cluster.SkipReason is not null) Assert.Skip(cluster.SkipReason);
        var cookies = new CookieContainer();
        using var a = Client(cluster.A.BaseUrl, cookies);
        await SignInAsync(a, "service");

        // The cookie A issued, sent to B (a cookie is per host, not per port).
        using var b = Client(cluster.B.BaseUrl, cookies);
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync("/api/v1/enterprises?pageSize=1")).StatusCode);
        using var anonymous = new HttpClient { BaseAddress = new Uri(cluster.B.BaseUrl) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/enterprises?pageSize=1")).StatusCode);

        // Round robin through nginx: both instances answer, every answer is the signed-in one.
        using var proxy = Client(cluster.ProxyUrl, cookies);
        var upstreams = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            var response = await proxy.GetAsync("/api/v1/enterprises?pageSize=1");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            upstreams.Add(response.Headers.GetValues("X-Upstream").Single());
        }
        Assert.Equal(2, upstreams.Distinct().Count());
    }

    [Fact]
    public async Task BothInstancesSweep_AndEachOverduePartIsEscalatedOnce()
    {
        if (cluster.SkipReason is not null) Assert.Skip(cluster.SkipReason);
        using var feiteng = Client(cluster.ProxyUrl, new CookieContainer());
        await SignInAsync(feiteng, "feiteng");
        var title = "集群督办" + Guid.NewGuid().ToString("N")[..8];
        var demand = await RaiseAsync(feiteng, "talent-schooling", title);
        var demandId = demand.GetProperty("id").GetInt32();
        var partId = demand.GetProperty("parts")[0].GetProperty("id").GetInt32();

        // Enough overdue parts that a sweep takes several batches (500 each), so that the two instances' rounds,
        // every 0.6 s each, meet: copies of the demand's part, all past their deadline.
        const int count = 1200;
        await using (var db = await OpenAsync())
        {
            var columns = new List<string>();
            await using (var read = new NpgsqlCommand(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'demands_parts' AND column_name <> 'Id'", db))
            await using (var reader = await read.ExecuteReaderAsync())
                while (await reader.ReadAsync()) columns.Add('"' + reader.GetString(0) + '"');
            var list = string.Join(", ", columns);
            await using var write = new NpgsqlCommand($"""
                INSERT INTO demands_parts ({list}) SELECT {list} FROM demands_parts, generate_series(2, {count}) WHERE "Id" = {partId};
                UPDATE demands_parts SET "DueUtc" = now() - interval '1 day', "EscalatedUtc" = NULL WHERE "DemandId" = {demandId};
                """, db);
            await write.ExecuteNonQueryAsync();
        }

        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (await ScalarAsync($"""SELECT count(*) FROM demands_parts WHERE "DemandId" = {demandId} AND "EscalatedUtc" IS NULL""") > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the overdue parts were not escalated within 2 minutes");
            await Task.Delay(500);
        }
        // A few more rounds on both instances: none may escalate anything again.
        await Task.Delay(3000);

        Assert.Equal(count, await ScalarAsync($"""SELECT count(*) FROM demands_events WHERE "DemandId" = {demandId} AND "Kind" = 'Escalated'"""));
        Assert.Equal(count, await ScalarAsync($"""SELECT count(*) FROM platform_outbox_messages WHERE "Channel" = 'Sms' AND "Body" LIKE '%{title}%'"""));
    }

    [Fact]
    public async Task BothInstancesRefreshPolicyVerdicts_AndMarkedEnterprisesAreEvaluatedInOneRoundOnly()
    {
        if (cluster.SkipReason is not null) Assert.Skip(cluster.SkipReason);
        var before = await ScalarAsync("SELECT COALESCE(max(\"Sequence\"), 0) FROM platform_audit_entries");
        await using (var db = await OpenAsync())
        {
            // Every enterprise marked at once, as an import of the zone's facts would: verdicts removed, so that the
            // refresh has to write them again.
            await using var mark = new NpgsqlCommand("""
                DELETE FROM policies_verdicts;
                INSERT INTO policies_stale_enterprises ("EnterpriseId", "MarkedUtc") SELECT "Id", now() FROM enterprises_enterprises;
                """, db);
            await mark.ExecuteNonQueryAsync();
        }

        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (await ScalarAsync("SELECT count(*) FROM policies_stale_enterprises") > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the marked enterprises were not re-evaluated within 2 minutes");
            await Task.Delay(300);
        }
        // More rounds on both instances: none may evaluate them again.
        await Task.Delay(3000);

        // One round wrote the verdicts (one batch entry); the other instance skipped while it ran, then found no marks.
        Assert.Equal(1, await ScalarAsync($"SELECT count(*) FROM platform_audit_entries WHERE \"Sequence\" > {before} AND \"EntityType\" = 'policies_verdicts'"));
        Assert.True(await ScalarAsync("SELECT count(DISTINCT \"EnterpriseId\") FROM policies_verdicts") > 0);
    }

    [Fact]
    public async Task AnInstanceKilledDuringAWriteRun_LosesNoConfirmedWrite()
    {
        if (cluster.SkipReason is not null) Assert.Skip(cluster.SkipReason);
        var cookies = new CookieContainer();
        using var proxy = Client(cluster.ProxyUrl, cookies);
        await SignInAsync(proxy, "feiteng");
        var category = (await RaiseAsync(proxy, "other", "集群写入准备" + Guid.NewGuid().ToString("N")[..8])).GetProperty("categoryId").GetInt32();

        var run = "集群写入" + Guid.NewGuid().ToString("N")[..8];
        var confirmed = new ConcurrentBag<int>();
        var failures = new ConcurrentBag<string>();
        int attempts = 0, afterKill = 0;
        var killed = false;
        using var stop = new CancellationTokenSource();
        async Task Writer(int writer)
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                Interlocked.Increment(ref attempts);
                try
                {
                    var response = await proxy.PostAsJsonAsync("/api/v1/demands",
                        new { categoryId = category, title = $"{run}-{writer}-{i}", description = $"多实例写入测试 {writer}/{i} {Guid.NewGuid()}" });
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        confirmed.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());
                        if (Volatile.Read(ref killed)) Interlocked.Increment(ref afterKill);
                    }
                    else failures.Add($"HTTP {(int)response.StatusCode}");
                }
                catch (HttpRequestException e) { failures.Add(e.Message); }
            }
        }

        var writers = Enumerable.Range(0, 6).Select(Writer).ToList();
        try
        {
            await WaitUntilAsync(() => confirmed.Count >= 30, "30 writes before the kill");
            await cluster.A.KillAsync();
            Volatile.Write(ref killed, true);
            await WaitUntilAsync(() => Volatile.Read(ref afterKill) >= 30, "30 writes after the kill");
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        var written = new HashSet<int>();
        await using (var db = await OpenAsync())
        await using (var read = new NpgsqlCommand("""SELECT "Id" FROM demands_demands WHERE "Title" LIKE @run""", db))
        {
            read.Parameters.AddWithValue("run", run + "-%");
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync()) written.Add(reader.GetInt32(0));
        }
        output.WriteLine($"{attempts} writes tried, {confirmed.Count} confirmed ({afterKill} after the kill), {failures.Count} failed, {written.Count} rows");
        foreach (var f in failures.GroupBy(f => f)) output.WriteLine($"  {f.Count()} × {f.Key}");

        // Every write the cluster confirmed is in the database; a row beyond those is a write whose answer was lost
        // with the instance (committed, not confirmed), never more of them than failed requests.
        var lost = confirmed.Where(id => !written.Contains(id)).ToList();
        Assert.True(lost.Count == 0, $"confirmed but not in the database: demands {string.Join(", ", lost)}");
        Assert.InRange(written.Count - confirmed.Count, 0, failures.Count);

        // The killed instance comes back and serves the same session.
        await cluster.RestartAAsync();
        using var a = Client(cluster.A.BaseUrl, cookies);
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync($"/api/v1/demands/{confirmed.First()}")).StatusCode);
    }

    static HttpClient Client(string baseUrl, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Posts the sign-in form as a browser does (antiforgery token and form name from the page).</summary>
    static async Task SignInAsync(HttpClient client, string user)
    {
        var page = await client.GetStringAsync("/account/login");
        var fields = Regex.Matches(page, "<input[^>]*type=\"hidden\"[^>]*>")
            .Select(m => (Name: Regex.Match(m.Value, "name=\"([^\"]*)\"").Groups[1].Value, Value: Regex.Match(m.Value, "value=\"([^\"]*)\"").Groups[1].Value))
            .Where(f => f.Name != "").DistinctBy(f => f.Name)
            .ToDictionary(f => f.Name, f => WebUtility.HtmlDecode(f.Value));
        fields["Input.UserName"] = user;
        fields["Input.Password"] = AppProcess.Password;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    async Task<JsonElement> RaiseAsync(HttpClient client, string categoryCode, string title)
    {
        var category = await ScalarAsync($"SELECT \"Id\" FROM demands_categories WHERE \"Code\" = '{categoryCode}'");
        var response = await client.PostAsJsonAsync("/api/v1/demands", new { categoryId = category, title, description = "多实例测试 " + Guid.NewGuid() });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<JsonElement>(body);
    }

    async Task<NpgsqlConnection> OpenAsync()
    {
        var db = new NpgsqlConnection(cluster.Connection);
        await db.OpenAsync();
        return db;
    }

    async Task<long> ScalarAsync(string sql)
    {
        await using var db = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not reached within 2 minutes: {what}");
            await Task.Delay(50);
        }
    }
}
