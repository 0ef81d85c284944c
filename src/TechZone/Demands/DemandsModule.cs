using Microsoft.Extensions.DependencyInjection.Extensions;
using TechZone.Platform.Identity;
using TechZone.Platform.Zone;

namespace TechZone.Demands;

/// <summary>Policy names as constants, for page attributes; equal to <see cref="Policies.Read"/> etc.</summary>
public static class DemandPolicies
{
    public const string Read = "module:" + Modules.Demands + ":read";
    public const string Write = "module:" + Modules.Demands + ":write";
    public const string ReadOrOwn = "module:" + Modules.Demands + ":read-or-own";
}

/// <summary>Visits (走访) and demands (诉求): the table of contents of the module.</summary>
public static class DemandsModule
{
    public static WebApplicationBuilder AddDemands(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        return builder;
    }

    public static WebApplication MapDemands(this WebApplication app)
    {
        return app;
    }
}
