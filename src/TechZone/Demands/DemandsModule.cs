using Microsoft.Extensions.DependencyInjection.Extensions;
using TechZone.Demands.Resources;
using TechZone.Platform.Identity;
using TechZone.Platform.Layout;
using TechZone.Platform.Seeding;
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

        // ---- Visits (走访) ----
        services.AddScoped<VisitService>();
        // The demands side replaces this with the demands whose VisitId is the visit.
        services.TryAddScoped<IVisitDemands, NoVisitDemands>();
        services.AddSingleton<IDemoData, VisitDemoData>();
        services.AddNavEntry(new NavEntry(NavGroup.Work, 30, "/visits", MudBlazor.Icons.Material.Filled.EventNote,
            Policies.Read(Modules.Demands), () => DemandStrings.Visits_Title, "visits"));
        services.AddHomeWidget(new HomeWidget(30, Policies.Read(Modules.Demands), typeof(Pages.VisitWeekCard)));
        // ---- end of Visits ----

        return builder;
    }

    public static WebApplication MapDemands(this WebApplication app)
    {
        app.MapVisitEndpoints(); // Visits (走访)
        return app;
    }
}
