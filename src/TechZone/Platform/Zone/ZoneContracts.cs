using System.ComponentModel.DataAnnotations;
using TechZone.Platform.Resources;

namespace TechZone.Platform.Zone;

public sealed record ZoneCounts(int Parks, int Departments, int Users);

/// <summary>What the home page shows a user: who they are and, by role, the zone's counts or their department's grants.</summary>
public sealed record HomeSummary(
    string DisplayName,
    string Role,
    string? DepartmentName,
    bool IsHead,
    ZoneCounts? Zone,
    IReadOnlyDictionary<string, ModuleAccess>? Grants);

public sealed record ParkItem(int Id, string Code, string Name);

public sealed record DepartmentItem(int Id, string Code, string Name, string NameZh, string NameEn, int Members,
    IReadOnlyDictionary<string, ModuleAccess> Grants, long Version);

/// <summary>The full set of a department's grants; modules not named get no access. A given version must be current.</summary>
public sealed record SetGrantsRequest(
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    Dictionary<string, ModuleAccess> Grants,
    long? Version = null);

/// <summary>A department's names; the model of the department form. <see cref="Version"/> is required to update.</summary>
public sealed record DepartmentRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(40, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    [RegularExpression("^[a-z][a-z0-9-]*$", ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Code))]
    public string Code { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(100, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string Name { get; set; } = "";

    [StringLength(100, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string NameEn { get; set; } = "";

    public long? Version { get; set; }
}
