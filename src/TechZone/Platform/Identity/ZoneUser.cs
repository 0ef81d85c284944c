using Microsoft.AspNetCore.Identity;

namespace TechZone.Platform.Identity;

/// <summary>A person who signs in: zone staff, a leader, an admin, or an enterprise's representative.</summary>
public class ZoneUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>Staff only: the department the user works in.</summary>
    public int? DepartmentId { get; set; }

    /// <summary>Staff only: heads receive escalations of their department.</summary>
    public bool IsDepartmentHead { get; set; }

    /// <summary>Enterprise users only: the one enterprise whose records they may see.</summary>
    public int? EnterpriseId { get; set; }

    public bool IsDisabled { get; set; }

    /// <summary>"zh-CN" or "en"; applied at sign-in so the choice follows the user across browsers.</summary>
    public string? PreferredCulture { get; set; }

    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;
}
