using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TechZone.Platform.Files;

/// <summary>The file store for attachments: the table of contents of this part of Platform.</summary>
public static class FilesModule
{
    public static IServiceCollection AddFiles(this IServiceCollection services)
    {
        services.AddOptions<FileStoreOptions>().Configure<IConfiguration>(FileStoreOptions.Bind);
        // TryAdd: a real scanner registered before or after this one wins.
        services.TryAddSingleton<IFileScanner, AcceptAllFileScanner>();
        services.AddScoped<FileService>();
        return services;
    }

    public static IEndpointRouteBuilder MapFiles(this IEndpointRouteBuilder app)
    {
        app.MapFileEndpoints();
        return app;
    }
}
