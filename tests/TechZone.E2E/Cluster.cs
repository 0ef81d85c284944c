using System.Diagnostics;

namespace TechZone.E2E;

/// <summary>
/// TechZone as several instances (decision 011): two app processes on one fresh PostgreSQL database and nginx in
/// front of them, configured by the same <c>bench/cluster/nginx.conf</c> the documented setup uses. The escalation
/// sweep and the policy refresh run on both every 0.6 s, so that their rounds meet.
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
        ["Policies__RefreshSeconds"] = "0.6",
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
        server = TestPostgres.Server;
        if (server is null)
        {
            SkipReason = TestPostgres.NotConfigured;
            return;
        }
        if (NginxPath is null)
        {
            SkipReason = "nginx is not installed (apt-get install nginx): the cluster tests put it in front of two instances.";
            return;
        }

        (database, Connection) = await TestPostgres.CreateDatabaseAsync(server, "tz_cluster_");

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
        var process = Process.Start(start)!;
        nginx = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (nginxOutput) nginxOutput.Add(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (nginxOutput) nginxOutput.Add(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        ProxyUrl = $"http://127.0.0.1:{port}";

        if (await AppProcess.WaitUntilReadyAsync(ProxyUrl, () => process.HasExited, TimeSpan.FromSeconds(20))) return;
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
        if (database is not null && server is not null) await TestPostgres.DropDatabaseAsync(server, database);
        if (run is not null) try { Directory.Delete(run, recursive: true); } catch (IOException) { }
    }
}
