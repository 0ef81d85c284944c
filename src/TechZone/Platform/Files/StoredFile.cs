namespace TechZone.Platform.Files;

/// <summary>
/// An uploaded attachment's metadata. Its bytes are in <see cref="StoredFileContent"/>, in the database rather
/// than on a local disk, so that every instance behind the proxy can serve every file.
/// </summary>
public class StoredFile
{
    public Guid Id { get; set; }

    /// <summary>The uploader's file name, without any folder, for the download.</summary>
    public string FileName { get; set; } = "";

    /// <summary>The type the extension stands for (not what the client claimed), served with the download.</summary>
    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    /// <summary>SHA-256 of the content, 64 lower-case hex digits.</summary>
    public string Sha256 { get; set; } = "";

    public string UploadedByUserId { get; set; } = "";
    public DateTime UploadedUtc { get; set; }

    /// <summary>The enterprise whose users may read the file (besides the uploader and the zone's own people); null for none.</summary>
    public int? EnterpriseId { get; set; }
}

/// <summary>The bytes of a <see cref="StoredFile"/>, in a table of their own so that listing files never loads them.</summary>
public class StoredFileContent
{
    public Guid FileId { get; set; }
    public byte[] Content { get; set; } = [];
}
