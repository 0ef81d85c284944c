using System.ComponentModel.DataAnnotations;
using TechZone.Platform.Resources;

namespace TechZone.Platform.Identity;

public sealed record UserQuery(string? Search = null, string? Role = null, int? DepartmentId = null, int? Page = null, int? PageSize = null);

public sealed record UserItem(string Id, string UserName, string DisplayName, string Role, int? DepartmentId, string? DepartmentName,
    bool IsDepartmentHead, int? EnterpriseId, string? EnterpriseName, bool IsDisabled, bool IsLockedOut, string Version);

/// <summary>A user's role and scope; the model of the user form. <see cref="Version"/> is empty for a new user.</summary>
public sealed record UserRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(64, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    [RegularExpression(@"^[A-Za-z0-9._@+\-]+$", ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_UserName))]
    public string UserName { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(100, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [AllowedValues(Roles.Admin, Roles.Leader, Roles.Staff, Roles.Enterprise, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Role))]
    public string Role { get; set; } = Roles.Staff;

    public int? DepartmentId { get; set; }
    public bool IsDepartmentHead { get; set; }
    public int? EnterpriseId { get; set; }

    /// <summary>Required for a new user; ignored on update (use reset password).</summary>
    [StringLength(128, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? Password { get; set; }

    [StringLength(64)]
    public string? Version { get; set; }
}

public sealed record ResetPasswordRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(128, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string NewPassword { get; set; } = "";
}
