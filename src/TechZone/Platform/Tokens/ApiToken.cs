namespace TechZone.Platform.Tokens;

/// <summary>
/// A personal access token an admin issued to a user for API clients. Only the SHA-256 of the secret is kept;
/// the secret is shown once, when issued.
/// </summary>
public class ApiToken
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>The first characters of the secret, so people can tell their tokens apart.</summary>
    public string Prefix { get; set; } = "";

    public string SecretHash { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime ExpiresUtc { get; set; }
    public DateTime? RevokedUtc { get; set; }
    public string? RevokedBy { get; set; }
    public DateTime? LastUsedUtc { get; set; }

    public bool IsActive(DateTime now) => RevokedUtc is null && ExpiresUtc > now;
}
