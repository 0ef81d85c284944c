namespace TechZone.Platform.Identity;

/// <summary>The four roles. Finer duties (department, head, grants) come from data, not from more roles.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Leader = "Leader";
    public const string Staff = "Staff";
    public const string Enterprise = "Enterprise";

    public static readonly string[] All = [Admin, Leader, Staff, Enterprise];
}

/// <summary>Claim types TechZone adds to a signed-in principal.</summary>
public static class ZoneClaims
{
    public const string DisplayName = "tz:name";
    public const string DepartmentId = "tz:department";
    public const string DepartmentHead = "tz:head";
    public const string EnterpriseId = "tz:enterprise";
}
