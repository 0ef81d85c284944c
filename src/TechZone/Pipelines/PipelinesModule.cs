using Microsoft.Extensions.DependencyInjection.Extensions;
using TechZone.Pipelines.Gis;
using TechZone.Pipelines.Resources;
using TechZone.Platform.Identity;
using TechZone.Platform.Layout;
using TechZone.Platform.Seeding;
using TechZone.Platform.Zone;

namespace TechZone.Pipelines;

/// <summary>Policy names as constants, for page attributes; equal to <see cref="Policies.Read"/> etc.</summary>
public static class PipelinePolicies
{
    public const string Read = "module:" + Modules.Pipelines + ":read";
    public const string Write = "module:" + Modules.Pipelines + ":write";
    public const string ReadOrOwn = "module:" + Modules.Pipelines + ":read-or-own";
}

/// <summary>Underground pipelines (地下管网): the table of contents of the module.</summary>
public static class PipelinesModule
{
    public static WebApplicationBuilder AddPipelines(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<PipelineAccessService>();
        services.AddScoped<RegistryService>();
        services.AddScoped<ExcavationService>();
        services.AddScoped<AsBuiltService>();
        services.AddScoped<PipeFileResolver>();
        services.AddScoped<PipeImportService>();
        services.AddPipelineGis(builder.Configuration);
        services.AddSingleton<PipelineIndex>();
        services.AddHostedService<PipelineIndexWarmup>();
        services.AddHostedService<PipelineEscalationWorker>();
        services.AddSingleton<IReferenceData, PipelineReferenceData>();
        services.AddSingleton<IReferenceData, RegistryCrsCheck>();
        services.AddSingleton<IDemoData, PipelineDemoData>();
        services.AddSingleton<IScaleData, PipelineScaleData>();

        services.AddNavEntry(new NavEntry(NavGroup.Work, 70, "/pipelines", MudBlazor.Icons.Material.Filled.Route,
            Policies.Read(Modules.Pipelines), () => PipelineStrings.Map_Title, "pipelines"));
        services.AddNavEntry(new NavEntry(NavGroup.Work, 71, "/pipelines/requests", MudBlazor.Icons.Material.Filled.Construction,
            Policies.Read(Modules.Pipelines), () => PipelineStrings.Requests_Title, "pipeline-requests"));
        services.AddNavEntry(new NavEntry(NavGroup.Work, 72, "/pipelines/board", MudBlazor.Icons.Material.Filled.Dashboard,
            Policies.Read(Modules.Pipelines), () => PipelineStrings.Board_Title, "pipeline-board"));
        services.AddNavEntry(new NavEntry(NavGroup.Admin, 50, "/admin/pipelines", MudBlazor.Icons.Material.Filled.Tune,
            Policies.Admin, () => PipelineStrings.Networks_Title, "pipeline-networks"));
        services.AddNavEntry(new NavEntry(NavGroup.Portal, 60, "/my/excavations", MudBlazor.Icons.Material.Filled.Construction,
            Policies.Portal, () => PipelineStrings.My_Title, "my-excavations"));
        return builder;
    }

    public static WebApplication MapPipelines(this WebApplication app)
    {
        app.MapPipelineEndpoints();
        return app;
    }
}
