using System.ComponentModel.DataAnnotations;
using TechZone.Platform.Resources;

namespace TechZone.Platform.Tokens;

/// <summary>Issue a token to a user; also the model of the issue form.</summary>
public sealed record IssueTokenRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(64, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string UserName { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(100, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string Name { get; set; } = "";

    [Range(1, 366, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public int ExpiresInDays { get; set; } = 90;
}

/// <summary>The issued token: <see cref="Secret"/> appears here once and is never shown again.</summary>
public sealed record IssuedToken(int Id, string Name, string UserName, DateTime ExpiresUtc, string Secret);

public sealed record TokenItem(int Id, string Name, string UserName, string Prefix, DateTime CreatedUtc, DateTime ExpiresUtc,
    DateTime? RevokedUtc, DateTime? LastUsedUtc, bool Active);
