using System.ComponentModel.DataAnnotations;

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

public sealed record DepartmentItem(int Id, string Code, string Name, int Members, IReadOnlyDictionary<string, ModuleAccess> Grants);

/// <summary>The full set of a department's grants; modules not named get no access.</summary>
public sealed record SetGrantsRequest([Required] Dictionary<string, ModuleAccess> Grants);
