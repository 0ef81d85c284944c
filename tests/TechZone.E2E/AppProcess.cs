using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TechZone.E2E;

/// <summary>
/// One TechZone process, started as a user starts it (the build output, Development environment, demo data) on a
/// loopback port, with its output kept for the test's report.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    public const string Password = "TechZone!2026";

    readonly Process process;
    readonly List<string> output = [];

    public string BaseUrl { get; }

    AppProcess(Process process, string baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Add(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Add(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TechZone.slnx"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("TechZone.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The app's project folder (its content root when started) and the build output the README's test command makes.</summary>
    public static string AppDirectory => Path.Combine(RepoRoot, "src", "TechZone");
    public static string AppDll => Path.Combine(AppDirectory, "bin", "Debug", "net10.0", "TechZone.dll");

    /// <summary>Starts the app on <paramref name="connection"/> and waits until it answers /health/ready.</summary>
    public static async Task<AppProcess> StartAsync(Provider provider, string connection, IReadOnlyDictionary<string, string> settings)
    {
        var dll = AppDll;
        if (!File.Exists(dll)) throw new InvalidOperationException($"Build the app first: {dll} is missing.");

        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", baseUrl])
        {
            WorkingDirectory = AppDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Database__Provider"] = provider.ToString();
        start.Environment["ConnectionStrings__TechZone"] = connection;
        start.Environment["Demo__Password"] = Password;
        start.Environment["Pipelines__EscalationMinutes"] = "0";
        foreach (var (key, value) in settings) start.Environment[key] = value;
        var app = new AppProcess(Process.Start(start)!, baseUrl);

        // The demo zone (enterprises, facts, visits, demands) is seeded before the app is ready: generous on a loaded 2-core machine.
        if (await WaitUntilReadyAsync(baseUrl, () => app.HasExited, TimeSpan.FromSeconds(180))) return app;
        var log = app.Tail(60);
        await app.DisposeAsync();
        throw new InvalidOperationException("TechZone did not become ready:\n" + log);
    }

    /// <summary>Polls <c>/health/ready</c> until it answers 200 (true), the process behind it exits or the time is up (false).</summary>
    public static async Task<bool> WaitUntilReadyAsync(string baseUrl, Func<bool> exited, TimeSpan within)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline && !exited())
        {
            try
            {
                if ((await http.GetAsync(baseUrl + "/health/ready")).StatusCode == HttpStatusCode.OK) return true;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        return false;
    }

    public bool HasExited => process.HasExited;

    /// <summary>How many lines the app has written so far.</summary>
    public int LogLength { get { lock (output) return output.Count; } }

    /// <summary>The last lines the app wrote.</summary>
    public string Tail(int lines)
    {
        lock (output) return string.Join('\n', output.TakeLast(lines));
    }

    /// <summary>The app's warnings and errors (with their indented detail lines) written since a line.</summary>
    public IReadOnlyList<string> LogProblemsSince(int start)
    {
        lock (output)
        {
            var lines = new List<string>();
            var inProblem = false;
            for (var i = Math.Min(start, output.Count); i < output.Count && lines.Count < 80; i++)
            {
                var line = output[i];
                if (line.StartsWith("warn:") || line.StartsWith("fail:") || line.StartsWith("crit:")) inProblem = true;
                else if (!line.StartsWith(' ')) inProblem = false;
                if (inProblem) lines.Add(line);
            }
            return lines;
        }
    }

    /// <summary>Ends the process at once, as a crash or a killed container would: no graceful shutdown.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }
}
