namespace TechZone.Platform.Layout;

/// <summary>Where a navigation entry sits in the drawer.</summary>
public enum NavGroup { Work, Portal, Admin }

/// <summary>One link in the drawer, shown only to users whom <see cref="Policy"/> admits. Modules register their own.</summary>
public sealed record NavEntry(NavGroup Group, int Order, string Href, string Icon, string Policy, Func<string> Label, string Key);

/// <summary>A card on the home page, shown only to users whom <see cref="Policy"/> admits. Modules register their own.</summary>
public sealed record HomeWidget(int Order, string Policy, Type Component);

public static class ShellRegistration
{
    public static IServiceCollection AddNavEntry(this IServiceCollection services, NavEntry entry) => services.AddSingleton(entry);
    public static IServiceCollection AddHomeWidget(this IServiceCollection services, HomeWidget widget) => services.AddSingleton(widget);
}
