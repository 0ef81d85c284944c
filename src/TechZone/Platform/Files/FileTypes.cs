namespace TechZone.Platform.Files;

/// <summary>
/// What each allowed extension must look like: the content type served for it, the types a client may claim for
/// it, and a check of its first bytes, so that a renamed executable is not stored as a ".pdf".
/// </summary>
static class FileTypes
{
    sealed record Rule(string ContentType, string[] Claimable, Func<ReadOnlyMemory<byte>, bool> Matches);

    static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    static readonly byte[] EmptyZip = [0x50, 0x4B, 0x05, 0x06];
    // Old Office files (.doc, .xls) are OLE compound documents.
    static readonly byte[] Sqlite = "SQLite format 3\0"u8.ToArray();
    static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static readonly Dictionary<string, Rule> Rules = new(StringComparer.Ordinal)
    {
        [".pdf"] = new("application/pdf", ["application/x-pdf"], c => StartsWith(c, Pdf)),
        [".png"] = new("image/png", [], c => StartsWith(c, Png)),
        [".jpg"] = new("image/jpeg", ["image/pjpeg", "image/jpg"], c => StartsWith(c, Jpeg)),
        [".jpeg"] = new("image/jpeg", ["image/pjpeg", "image/jpg"], c => StartsWith(c, Jpeg)),
        [".docx"] = new(Docx, ["application/zip"], c => StartsWith(c, Zip)),
        [".xlsx"] = new(Xlsx, ["application/zip"], c => StartsWith(c, Zip)),
        [".zip"] = new("application/zip", ["application/x-zip-compressed", "application/x-zip", "multipart/x-zip"],
            c => StartsWith(c, Zip) || StartsWith(c, EmptyZip)),
        [".doc"] = new("application/msword", [], c => StartsWith(c, Ole)),
        [".xls"] = new("application/vnd.ms-excel", ["application/msexcel", "application/x-msexcel"], c => StartsWith(c, Ole)),
        // Windows browsers send .csv as Excel's type.
        [".csv"] = new("text/csv", ["application/csv", "text/x-csv", "text/plain", "application/vnd.ms-excel"], IsText),
        [".txt"] = new("text/plain", [], IsText),
        // Survey data (the as-built upload keeps the file as submitted): GeoJSON is text, a GeoPackage is SQLite.
        [".geojson"] = new("application/geo+json", ["application/json", "text/plain"], IsText),
        [".json"] = new("application/json", ["application/geo+json", "text/plain"], IsText),
        [".gpkg"] = new("application/geopackage+sqlite3", ["application/x-sqlite3", "application/vnd.sqlite3"], c => StartsWith(c, Sqlite)),
    };

    /// <summary>The content type to store and serve for an extension; extensions without a rule are served as bytes.</summary>
    public static string ContentTypeOf(string extension) =>
        Rules.TryGetValue(extension, out var rule) ? rule.ContentType : "application/octet-stream";

    /// <summary>
    /// True if a client claiming <paramref name="claimed"/> may send a file of <paramref name="extension"/>.
    /// No claim, or the generic "bytes" claim, is accepted: the content check then decides.
    /// </summary>
    public static bool ClaimFits(string extension, string? claimed)
    {
        var type = claimed?.Split(';')[0].Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(type) || type == "application/octet-stream") return true;
        if (!Rules.TryGetValue(extension, out var rule)) return true;
        return type == rule.ContentType || rule.Claimable.Contains(type);
    }

    /// <summary>True if the content starts the way files of the extension do (extensions without a rule pass).</summary>
    public static bool ContentFits(string extension, ReadOnlyMemory<byte> content) =>
        !Rules.TryGetValue(extension, out var rule) || rule.Matches(content);

    static bool StartsWith(ReadOnlyMemory<byte> content, byte[] signature) => content.Span.StartsWith(signature);

    /// <summary>Text has no NUL bytes in its first 8 KB, unless it is UTF-16 (which starts with a byte-order mark).</summary>
    static bool IsText(ReadOnlyMemory<byte> content)
    {
        var span = content.Span;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return true;
        return !span[..Math.Min(span.Length, 8192)].Contains((byte)0);
    }
}
