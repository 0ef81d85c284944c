using TechZone.Platform.Resources;

namespace TechZone.Platform.Zone;

/// <summary>Localized names of modules and access levels.</summary>
public static class ModuleLabels
{
    public static string Name(string module) =>
        PlatformStrings.ResourceManager.GetString("Module_" + module, PlatformStrings.Culture) ?? module;

    public static string Access(ModuleAccess? access) => access switch
    {
        ModuleAccess.Write => PlatformStrings.Access_Write,
        ModuleAccess.Read => PlatformStrings.Access_Read,
        _ => PlatformStrings.Access_None,
    };
}
