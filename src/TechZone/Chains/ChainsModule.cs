using Microsoft.Extensions.DependencyInjection.Extensions;
using TechZone.Chains.Resources;
using TechZone.Platform.Identity;
using TechZone.Platform.Layout;
using TechZone.Platform.Seeding;
using TechZone.Platform.Zone;

namespace TechZone.Chains;

/// <summary>Policy names as constants, for page attributes; equal to <see cref="Policies.Read"/> etc.</summary>
public static class ChainPolicies
{
    public const string Read = "module:" + Modules.Chains + ":read";
    public const string Write = "module:" + Modules.Chains + ":write";
}

/// <summary>Chains and investment (产业链招商): chain maps with gap analysis, the lead pipeline, key projects.</summary>
public static class ChainsModule
{
    public static WebApplicationBuilder AddChains(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<ChainService>();
        services.AddScoped<LeadService>();
        services.AddScoped<ProjectService>();
        services.AddScoped<Enterprises.IEnterpriseTimelineSource, ChainTimelineSource>();
        services.AddSingleton<IReferenceData, ChainReferenceData>();
        services.AddSingleton<IDemoData, ChainDemoData>();
        services.AddNavEntry(new NavEntry(NavGroup.Work, 50, "/chains", MudBlazor.Icons.Material.Filled.AccountTree,
            Policies.Read(Modules.Chains), () => ChainStrings.Chains_Title, "chains"));
        services.AddNavEntry(new NavEntry(NavGroup.Work, 51, "/leads", MudBlazor.Icons.Material.Filled.ViewKanban,
            Policies.Read(Modules.Chains), () => ChainStrings.Leads_Title, "leads"));
        services.AddNavEntry(new NavEntry(NavGroup.Work, 52, "/projects", MudBlazor.Icons.Material.Filled.Flag,
            Policies.Read(Modules.Chains), () => ChainStrings.Projects_Title, "projects"));
        services.AddNavEntry(new NavEntry(NavGroup.Work, 53, "/chains/settings", MudBlazor.Icons.Material.Filled.Tune,
            Policies.Write(Modules.Chains), () => ChainStrings.Settings_Title, "chain-settings"));
        services.AddHomeWidget(new HomeWidget(50, Policies.Read(Modules.Chains), typeof(Pages.ChainsCard)));
        return builder;
    }

    public static WebApplication MapChains(this WebApplication app)
    {
        app.MapChainEndpoints();
        return app;
    }
}
