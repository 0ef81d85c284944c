using Microsoft.Extensions.DependencyInjection.Extensions;
using TechZone.Enterprises.Resources;
using TechZone.Platform.Identity;
using TechZone.Platform.Layout;
using TechZone.Platform.Seeding;
using TechZone.Platform.Zone;

namespace TechZone.Enterprises;

/// <summary>Policy names as constants, for page attributes; equal to <see cref="Policies.Read"/> etc.</summary>
public static class EnterprisePolicies
{
    public const string Read = "module:" + Modules.Enterprises + ":read";
    public const string Write = "module:" + Modules.Enterprises + ":write";
    public const string ReadOrOwn = "module:" + Modules.Enterprises + ":read-or-own";
}

/// <summary>The enterprise registry: the table of contents of the module.</summary>
public static class EnterprisesModule
{
    public static WebApplicationBuilder AddEnterprises(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<EnterpriseService>();
        services.AddScoped<EnterpriseFactsService>();
        services.AddScoped<QualificationService>();
        // The timeline asks every source; other modules add theirs the same way.
        services.AddScoped<EnterpriseTimelineService>();
        services.AddScoped<IEnterpriseTimelineSource, RegistryTimelineSource>();
        services.AddScoped<EnterpriseImportService>();
        services.AddScoped<EnterpriseCorrectionService>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<IEnterpriseDirectory, EnterpriseDirectory>();
        services.AddSingleton<IReferenceData, EnterpriseSearchKeys>();
        services.AddSingleton<IReferenceData, QualificationTypeSeed>();
        services.AddSingleton<IDemoData, EnterpriseDemoData>();
        services.AddSingleton<IScaleData, EnterpriseScaleData>();
        services.AddSingleton<IDemoData, EnterpriseFactsDemoData>();
        services.AddNavEntry(new NavEntry(NavGroup.Work, 10, "/enterprises", MudBlazor.Icons.Material.Filled.Business,
            Policies.Read(Modules.Enterprises), () => EnterpriseStrings.Title, "enterprises"));
        services.AddNavEntry(new NavEntry(NavGroup.Portal, 10, "/my/enterprise", MudBlazor.Icons.Material.Filled.Storefront,
            Policies.Portal, () => EnterpriseStrings.MyEnterprise_Title, "my-enterprise"));
        services.AddNavEntry(new NavEntry(NavGroup.Admin, 25, "/admin/qualification-types", MudBlazor.Icons.Material.Filled.WorkspacePremium,
            Policies.Admin, () => EnterpriseStrings.QualificationTypes_Title, "qualification-types"));
        services.AddHomeWidget(new HomeWidget(10, Policies.Read(Modules.Enterprises), typeof(Pages.RegistryCard)));
        services.AddHomeWidget(new HomeWidget(10, Policies.Portal, typeof(Pages.MyEnterpriseCard)));
        return builder;
    }

    public static WebApplication MapEnterprises(this WebApplication app)
    {
        app.MapEnterpriseEndpoints();
        app.MapEnterpriseProfileEndpoints();
        app.MapLoadTestReferences();
        return app;
    }
}
