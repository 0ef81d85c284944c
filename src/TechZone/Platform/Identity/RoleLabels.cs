using TechZone.Platform.Resources;

namespace TechZone.Platform.Identity;

public static class RoleLabels
{
    public static string Name(string role) => role switch
    {
        Roles.Admin => PlatformStrings.Role_Admin,
        Roles.Leader => PlatformStrings.Role_Leader,
        Roles.Staff => PlatformStrings.Role_Staff,
        Roles.Enterprise => PlatformStrings.Role_Enterprise,
        _ => role,
    };
}
