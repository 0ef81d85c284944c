using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TechZone.Data;
using TechZone.Platform.Identity;

namespace TechZone.Platform.Files;

/// <summary>
/// The file store for attachments. Modules keep a stored file's id on their own records; pages upload through
/// <see cref="SaveAsync"/> in-process, API clients through POST /api/v1/files.
/// </summary>
public sealed class FileService(ZoneDb db, CurrentUser current, IOptions<FileStoreOptions> options, IFileScanner scanner)
{
    public long MaxBytes => options.Value.MaxBytes;

    public IReadOnlySet<string> AllowedExtensions => options.Value.AllowedExtensions;

    /// <summary>
    /// Checks and stores a file uploaded by the current user. Refused (with nothing written) if its extension is
    /// not allowed, it is empty or too large, its claimed type or first bytes do not fit the extension, or the
    /// scanner finds it infected. A file an enterprise user uploads belongs to their enterprise; the zone's own
    /// people may give one enterprise access with <paramref name="forEnterpriseId"/>.
    /// </summary>
    public async Task<StoredFileInfo> SaveAsync(Stream content, string fileName, string? contentType = null,
        int? forEnterpriseId = null, CancellationToken ct = default)
    {
        var userId = current.UserId ?? throw new InvalidOperationException("Only a signed-in user can upload a file.");
        var name = FileNames.Clean(fileName);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (name.Length == 0 || extension.Length == 0 || !options.Value.AllowedExtensions.Contains(extension))
            throw new DomainException("FileTypeNotAllowed", extension, string.Join(" ", options.Value.AllowedExtensions.Order()));

        var bytes = await ReadAtMostAsync(content, options.Value.MaxBytes, ct);
        if (bytes.Length == 0) throw new DomainException("FileEmpty", name);
        if (!FileTypes.ClaimFits(extension, contentType) || !FileTypes.ContentFits(extension, bytes))
            throw new DomainException("FileContentMismatch", name, extension);

        using (var scan = new MemoryStream(bytes, writable: false))
        {
            var verdict = await scanner.ScanAsync(scan, name, ct);
            if (!verdict.Clean) throw new DomainException("FileInfected", name, verdict.Reason ?? "");
        }

        var file = new StoredFile
        {
            Id = Guid.CreateVersion7(),
            FileName = name,
            ContentType = FileTypes.ContentTypeOf(extension),
            Size = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            UploadedByUserId = userId,
            UploadedUtc = DateTime.UtcNow,
            EnterpriseId = current.IsInternal ? forEnterpriseId : current.EnterpriseId,
        };
        db.Add(file);
        db.Add(new StoredFileContent { FileId = file.Id, Content = bytes });
        await db.SaveChangesAsync(ct);
        return StoredFileInfo.From(file);
    }

    /// <summary>A file's metadata, or null if it does not exist or the current user may not read it.</summary>
    public async Task<StoredFileInfo?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var file = await db.Set<StoredFile>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
        return file is not null && CanRead(file) ? StoredFileInfo.From(file) : null;
    }

    /// <summary>
    /// A file to download, or null if it does not exist or the current user may not read it: readers are the
    /// uploader, the zone's own people (admin, leaders, staff) and, for a file of an enterprise, that enterprise's
    /// users. Null either way, so another enterprise's file is indistinguishable from a missing one.
    /// </summary>
    public async Task<StoredFileDownload?> OpenAsync(Guid id, CancellationToken ct = default)
    {
        var info = await GetAsync(id, ct);
        if (info is null) return null;
        var content = await db.Set<StoredFileContent>().AsNoTracking()
            .Where(c => c.FileId == id).Select(c => c.Content).SingleAsync(ct);
        return new StoredFileDownload(info, content);
    }

    bool CanRead(StoredFile file) =>
        current.UserId is { } userId
        && (file.UploadedByUserId == userId
            || current.IsInternal
            || (file.EnterpriseId is { } enterprise && current.IsEnterprise && current.EnterpriseId == enterprise));

    /// <summary>Reads the whole stream, but refuses as soon as it passes <paramref name="max"/> bytes rather than reading on.</summary>
    static async Task<byte[]> ReadAtMostAsync(Stream content, long max, CancellationToken ct)
    {
        if (content.CanSeek && content.Length - content.Position > max) throw new FileTooLargeException(max);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max) throw new FileTooLargeException(max);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}

/// <summary>A file over <c>Files:MaxBytes</c>: 413, as a server says for a body too large.</summary>
public sealed class FileTooLargeException(long maxBytes)
    : DomainException("FileTooLarge", Math.Round(maxBytes / 1024d / 1024d, 1))
{
    public override int Status => StatusCodes.Status413PayloadTooLarge;
}
