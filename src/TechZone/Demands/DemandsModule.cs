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
        services.AddScoped<DemandService>();
        services.AddScoped<DemandSetupService>();
        services.AddScoped<SupervisionService>();
        services.AddScoped<DemandStatisticsService>();
        services.AddHostedService<EscalationWorker>();
        services.AddSingleton<IReferenceData, DemandCategories>();
        services.AddSingleton<IReferenceData, DemandSearchTokens>();
        services.AddSingleton<IDemoData, DemandDemoData>();
        services.AddSingleton<IScaleData, DemandScaleData>();
        services.AddSingleton<IScaleData, VisitScaleData>();
        services.AddNavEntry(new NavEntry(NavGroup.Work, 20, "/demands", MudBlazor.Icons.Material.Filled.Forum,
            Policies.Read(Modules.Demands), () => DemandStrings.Title, "demands"));
        services.AddNavEntry(new NavEntry(NavGroup.Work, 21, "/demands/board", MudBlazor.Icons.Material.Filled.Traffic,
            Policies.Read(Modules.Demands), () => DemandStrings.Board_Title, "demand-board"));
        services.AddNavEntry(new NavEntry(NavGroup.Work, 22, "/demands/statistics", MudBlazor.Icons.Material.Filled.BarChart,
            Policies.Read(Modules.Demands), () => DemandStrings.Stats_Title, "demand-statistics"));
        services.AddNavEntry(new NavEntry(NavGroup.Admin, 40, "/admin/demands", MudBlazor.Icons.Material.Filled.AltRoute,
            Policies.Admin, () => DemandStrings.Setup_Title, "demand-setup"));
        services.AddNavEntry(new NavEntry(NavGroup.Portal, 20, "/my/demands", MudBlazor.Icons.Material.Filled.Forum,
            Policies.Portal, () => DemandStrings.My_Title, "my-demands"));
        services.AddHomeWidget(new HomeWidget(20, Policies.Read(Modules.Demands), typeof(Pages.DemandsCard)));
        services.AddHomeWidget(new HomeWidget(20, Policies.Portal, typeof(Pages.MyDemandsCard)));

        // ---- Visits (走访) ----
        services.AddScoped<VisitService>();
        services.AddScoped<IVisitDemands, VisitDemands>();
        services.AddScoped<Enterprises.IEnterpriseTimelineSource, DemandTimelineSource>();
        services.AddSingleton<IDemoData, VisitDemoData>();
        services.AddNavEntry(new NavEntry(NavGroup.Work, 30, "/visits", MudBlazor.Icons.Material.Filled.EventNote,
            Policies.Read(Modules.Demands), () => DemandStrings.Visits_Title, "visits"));
        services.AddHomeWidget(new HomeWidget(30, Policies.Read(Modules.Demands), typeof(Pages.VisitWeekCard)));
        // ---- end of Visits ----

        return builder;
    }

    public static WebApplication MapDemands(this WebApplication app)
    {
        app.MapDemandEndpoints();
        app.MapVisitEndpoints(); // Visits (走访)
        return app;
    }
}
