using Microsoft.Extensions.DependencyInjection.Extensions;
using TechZone.Platform.Identity;
using TechZone.Platform.Layout;
using TechZone.Platform.Seeding;
using TechZone.Platform.Zone;
using TechZone.SupportPolicies.Resources;

namespace TechZone.SupportPolicies;

/// <summary>Policy names as constants, for page attributes; equal to <see cref="Platform.Identity.Policies.Read"/> etc.</summary>
public static class PolicyPolicies
{
    public const string Read = "module:" + Modules.Policies + ":read";
    public const string Write = "module:" + Modules.Policies + ":write";
    public const string ReadOrOwn = "module:" + Modules.Policies + ":read-or-own";
}

/// <summary>Policies (政策兑现): catalog, eligibility engine, policy calculator, push. The table of contents of the module.</summary>
public static class PoliciesModule
{
    public static WebApplicationBuilder AddPolicies(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<PolicyService>();
        services.AddScoped<PolicyEngineService>();
        services.AddScoped<FulfillmentAccess>();
        services.AddScoped<AwardService>();
        services.AddScoped<ApplicationService>();
        services.AddScoped<Enterprises.IEnterpriseChangeListener, PolicyChangeListener>();
        services.AddHostedService<PolicyRefreshWorker>();
        services.AddSingleton<IDemoData, PolicyDemoData>();
        services.AddSingleton<IScaleData, PolicyScaleData>();
        services.AddNavEntry(new NavEntry(NavGroup.Work, 40, "/policies", MudBlazor.Icons.Material.Filled.Policy,
            PolicyPolicies.Read, () => PolicyStrings.Title, "policies"));
        services.AddNavEntry(new NavEntry(NavGroup.Portal, 30, "/my/policies", MudBlazor.Icons.Material.Filled.Calculate,
            Platform.Identity.Policies.Portal, () => PolicyStrings.Calculator_Title, "my-policies"));
        return builder;
    }

    public static WebApplication MapPolicies(this WebApplication app)
    {
        app.MapPolicyEndpoints();
        app.MapFulfillmentEndpoints();
        return app;
    }
}
