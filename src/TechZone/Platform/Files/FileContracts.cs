namespace TechZone.Platform.Files;

/// <summary>A stored file's metadata, as the uploader and readers see it.</summary>
public sealed record StoredFileInfo(
    Guid Id,
    string FileName,
    string ContentType,
    long Size,
    string Sha256,
    DateTime UploadedUtc,
    int? EnterpriseId)
{
    internal static StoredFileInfo From(StoredFile f) =>
        new(f.Id, f.FileName, f.ContentType, f.Size, f.Sha256, DateTime.SpecifyKind(f.UploadedUtc, DateTimeKind.Utc), f.EnterpriseId);
}

/// <summary>A file to serve: its metadata and its bytes.</summary>
public sealed record StoredFileDownload(StoredFileInfo Info, byte[] Content);

/// <summary>What a virus scanner said about a file; <see cref="Reason"/> names what it found.</summary>
public sealed record FileScanResult(bool Clean, string? Reason = null)
{
    public static readonly FileScanResult Ok = new(true);

    public static FileScanResult Infected(string reason) => new(false, reason);
}

/// <summary>Limits of the file store, from configuration section <c>Files</c>.</summary>
public sealed class FileStoreOptions
{
    public const long DefaultMaxBytes = 20 * 1024 * 1024;

    public static readonly string[] DefaultExtensions =
        [".pdf", ".docx", ".xlsx", ".doc", ".xls", ".png", ".jpg", ".jpeg", ".zip", ".csv", ".txt", ".geojson", ".json", ".gpkg"];

    /// <summary><c>Files:MaxBytes</c>: the largest file accepted.</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>
    /// <c>Files:AllowedExtensions</c>: lower-case, with the dot. Configured as one string (".pdf .png", spaces or
    /// commas between) or as a list.
    /// </summary>
    public IReadOnlySet<string> AllowedExtensions { get; set; } = new HashSet<string>(DefaultExtensions);

    /// <summary>Reads the section by hand: the binder would add configured extensions to the defaults instead of replacing them.</summary>
    internal static void Bind(FileStoreOptions options, IConfiguration config)
    {
        var section = config.GetSection("Files");
        options.MaxBytes = section.GetValue("MaxBytes", DefaultMaxBytes);
        var extensions = section.GetSection("AllowedExtensions");
        var listed = extensions.Value is { } one
            ? one.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : extensions.GetChildren().Select(c => c.Value ?? "").Where(v => v != "").ToArray();
        if (listed.Length > 0)
            options.AllowedExtensions = listed.Select(e => (e.StartsWith('.') ? e : "." + e).ToLowerInvariant()).ToHashSet();
    }
}

/// <summary>The file name as stored: no folders or control characters, at most <see cref="MaxLength"/> characters.</summary>
static class FileNames
{
    public const int MaxLength = 255;

    public static string Clean(string? name)
    {
        // Browsers on Windows have sent full paths; keep only the last part, whichever separator it used.
        var last = (name ?? "").Split('/', '\\')[^1];
        var clean = new string(last.Where(c => !char.IsControl(c)).ToArray()).Trim().TrimEnd('.', ' ');
        if (clean.Length <= MaxLength) return clean;
        var extension = Path.GetExtension(clean);
        return extension.Length >= MaxLength ? clean[..MaxLength] : clean[..(MaxLength - extension.Length)] + extension;
    }
}
