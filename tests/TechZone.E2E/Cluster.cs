using System.Diagnostics;
using System.Net;
using Npgsql;

namespace TechZone.E2E;

/// <summary>
/// TechZone as several instances (decision 011): two app processes on one fresh PostgreSQL database and nginx in
/// front of them, configured by the same <c>bench/cluster/nginx.conf</c> the documented setup uses. The escalation
/// sweep runs on both every 0.6 s, so that their rounds meet.
/// </summary>
public sealed class Cluster : IAsyncLifetime
{
    public string? SkipReason { get; private set; }
    public AppProcess A { get; private set; } = default!;
    public AppProcess B { get; private set; } = default!;
    public string ProxyUrl { get; private set; } = "";

    /// <summary>The cluster's database, for the tests' own counting.</summary>
    public string Connection { get; private set; } = "";

    static readonly Dictionary<string, string> Settings = new()
    {
        ["Demands__EscalationMinutes"] = "0.01",
        ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
    };

    string? server;
    string? database;
    string? run;
    Process? nginx;
    readonly List<string> nginxOutput = [];

    static string? NginxPath => new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists);

    public async ValueTask InitializeAsync()
    {
        server = Environment.GetEnvironmentVariable("TECHZONE_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            if (Environment.GetEnvironmentVariable("TECHZONE_REQUIRE_POSTGRES") == "1")
                throw new InvalidOperationException("TECHZONE_REQUIRE_POSTGRES=1 but TECHZONE_TEST_POSTGRES is not set.");
            SkipReason = "PostgreSQL is not configured: set TECHZONE_TEST_POSTGRES to run the cluster tests.";
            return;
        }
        if (NginxPath is null)
        {
            SkipReason = "nginx is not installed (apt-get install nginx): the cluster tests put it in front of two instances.";
            return;
        }

        database = $"tz_cluster_{Guid.NewGuid():N}";
        await AppServer.Postgres(server, $"CREATE DATABASE \"{database}\"");
        Connection = new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();

        // One after the other: the first migrates and seeds, the second finds the database ready.
        A = await AppProcess.StartAsync(Provider.Postgres, Connection, Settings);
        B = await AppProcess.StartAsync(Provider.Postgres, Connection, Settings);
        await StartNginxAsync();
    }

    /// <summary>Starts instance A again after a test stopped it (on a new port; nginx is pointed at it again).</summary>
    public async Task RestartAAsync()
    {
        await A.DisposeAsync();
        A = await AppProcess.StartAsync(Provider.Postgres, Connection, Settings);
        await StopNginxAsync();
        await StartNginxAsync();
    }

    async Task StartNginxAsync()
    {
        run ??= Directory.CreateTempSubdirectory("techzone-cluster-").FullName;
        // nginx's workers run as nobody and write their temp files below the run directory.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(run, (UnixFileMode)0b111_101_101);
        var port = AppProcess.FreePort();
        var template = await File.ReadAllTextAsync(Path.Combine(AppProcess.RepoRoot, "bench", "cluster", "nginx.conf"));
        var config = Path.Combine(run, "nginx.conf");
        await File.WriteAllTextAsync(config, template.Replace("@RUN@", run)
            .Replace("@PORT_A@", new Uri(A.BaseUrl).Port.ToString()).Replace("@PORT_B@", new Uri(B.BaseUrl).Port.ToString())
            .Replace("@PORT_PROXY@", port.ToString()));
        var start = new ProcessStartInfo(NginxPath!, ["-c", config, "-p", run, "-g", "daemon off;"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        nginx = Process.Start(start)!;
        nginx.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (nginxOutput) nginxOutput.Add(e.Data); };
        nginx.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (nginxOutput) nginxOutput.Add(e.Data); };
        nginx.BeginOutputReadLine();
        nginx.BeginErrorReadLine();
        ProxyUrl = $"http://127.0.0.1:{port}";

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 80; i++)
        {
            if (nginx.HasExited) break;
            try
            {
                if ((await http.GetAsync(ProxyUrl + "/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        string log;
        lock (nginxOutput) log = string.Join('\n', nginxOutput);
        throw new InvalidOperationException($"nginx did not answer on {ProxyUrl}:\n{log}");
    }

    async Task StopNginxAsync()
    {
        if (nginx is null) return;
        if (!nginx.HasExited) nginx.Kill(entireProcessTree: true);
        await nginx.WaitForExitAsync();
        nginx.Dispose();
        nginx = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopNginxAsync();
        if (A is not null) await A.DisposeAsync();
        if (B is not null) await B.DisposeAsync();
        if (database is not null && server is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await AppServer.Postgres(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
        if (run is not null) try { Directory.Delete(run, recursive: true); } catch (IOException) { }
    }
}
