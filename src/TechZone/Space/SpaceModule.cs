using TechZone.Platform.Identity;
using TechZone.Platform.Layout;
using TechZone.Platform.Seeding;
using TechZone.Platform.Zone;
using TechZone.Space.Resources;

namespace TechZone.Space;

/// <summary>Policy names as constants, for page attributes; equal to <see cref="Policies.Read"/> etc.</summary>
public static class SpacePolicies
{
    public const string Read = "module:" + Modules.Space + ":read";
    public const string Write = "module:" + Modules.Space + ":write";
    public const string ReadOrOwn = "module:" + Modules.Space + ":read-or-own";
}

/// <summary>Space and land (楼宇与土地): the table of contents of the module.</summary>
public static class SpaceModule
{
    public static WebApplicationBuilder AddSpace(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<SpaceAccessService>();
        services.AddScoped<OccupancyService>();
        services.AddScoped<SpaceService>();
        services.AddScoped<SurveyService>();
        services.AddScoped<SpaceRequestService>();
        services.AddScoped<LandService>();
        services.AddScoped<SpaceMapService>();
        services.AddScoped<GeoImportService>();
        services.AddScoped<Enterprises.IEnterpriseTimelineSource, SpaceTimelineSource>();
        services.AddSingleton<IDemoData, SpaceDemoData>();
        services.AddSingleton<IScaleData, SpaceScaleData>();

        services.AddNavEntry(new NavEntry(NavGroup.Work, 60, "/space", MudBlazor.Icons.Material.Filled.Apartment,
            Policies.Read(Modules.Space), () => SpaceStrings.Title, "space"));
        services.AddNavEntry(new NavEntry(NavGroup.Work, 61, "/space/surveys", MudBlazor.Icons.Material.Filled.FactCheck,
            Policies.Read(Modules.Space), () => SpaceStrings.Surveys_Title, "space-surveys"));
        services.AddNavEntry(new NavEntry(NavGroup.Work, 62, "/space/requests", MudBlazor.Icons.Material.Filled.ManageSearch,
            Policies.Read(Modules.Space), () => SpaceStrings.Requests_Title, "space-requests"));
        services.AddNavEntry(new NavEntry(NavGroup.Work, 63, "/land", MudBlazor.Icons.Material.Filled.Landscape,
            Policies.Read(Modules.Space), () => SpaceStrings.Land_Title, "land"));
        services.AddNavEntry(new NavEntry(NavGroup.Work, 64, "/space/map", MudBlazor.Icons.Material.Filled.Map,
            Policies.Read(Modules.Space), () => SpaceStrings.Map_Title, "space-map"));
        services.AddNavEntry(new NavEntry(NavGroup.Portal, 50, "/my/space", MudBlazor.Icons.Material.Filled.Apartment,
            Policies.Portal, () => SpaceStrings.My_Title, "my-space"));
        services.AddHomeWidget(new HomeWidget(50, Policies.Read(Modules.Space), typeof(Pages.SpaceCard)));
        return builder;
    }

    public static WebApplication MapSpace(this WebApplication app)
    {
        app.MapSpaceEndpoints();
        return app;
    }
}
