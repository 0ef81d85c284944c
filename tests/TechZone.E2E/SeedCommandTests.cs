using System.Diagnostics;

namespace TechZone.E2E;

/// <summary>The <c>seed --scale</c> command as an operator runs it.</summary>
public sealed class SeedCommandTests
{
    [Fact]
    public async Task ScaleSeed_InProduction_WithoutTheFirstAdminsPassword_SaysWhatToSet_InOneLine()
    {
        var file = Path.Combine(Path.GetTempPath(), $"techzone-seed-{Guid.NewGuid():N}.db");
        var start = new ProcessStartInfo("dotnet", [AppProcess.AppDll, "seed", "--scale", "10"])
        {
            WorkingDirectory = AppProcess.AppDirectory,
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__TechZone"] = $"Data Source={file}";
        start.Environment["Admin__InitialPassword"] = "";
        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);
            var error = await stderr;
            Assert.Equal(1, process.ExitCode);
            Assert.Contains("seed: No administrator exists. Set Admin:InitialPassword", error);
            // One line an operator reads, not a stack trace.
            Assert.DoesNotContain("   at ", error + await stdout);
        }
        finally
        {
            foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
        }
    }
}
