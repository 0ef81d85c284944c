namespace TechZone.Platform.Files;

/// <summary>
/// Checks an upload for malware before it is stored. The default accepts everything; a deployment with a
/// scanner (ClamAV, a vendor's engine) registers its own implementation, which replaces the default.
/// </summary>
public interface IFileScanner
{
    /// <summary>Scans the whole stream (positioned at its start); the caller rewinds it afterwards.</summary>
    Task<FileScanResult> ScanAsync(Stream content, string fileName, CancellationToken ct = default);
}

/// <summary>No scanner configured: every file is clean.</summary>
sealed class AcceptAllFileScanner : IFileScanner
{
    public Task<FileScanResult> ScanAsync(Stream content, string fileName, CancellationToken ct = default) =>
        Task.FromResult(FileScanResult.Ok);
}
