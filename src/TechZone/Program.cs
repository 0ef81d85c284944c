using TechZone.Chains;
using TechZone.Demands;
using TechZone.Enterprises;
using TechZone.Pipelines;
using TechZone.Platform;
using TechZone.Platform.Audit;
using TechZone.Platform.Seeding;
using TechZone.Space;
using TechZone.SupportPolicies;

var builder = WebApplication.CreateBuilder(args);

builder.AddPlatform();
builder.AddEnterprises();
builder.AddDemands();
builder.AddChains();
builder.AddSpace();
builder.AddPolicies();
builder.AddPipelines();

var app = builder.Build();

// Commands that use the app's configuration and database but serve nothing.
if (args is ["audit", "verify", ..])
    return await AuditCommand.VerifyAsync(app.Services);
if (args is ["seed", "--scale", ..])
    return await ScaleSeed.RunAsync(app, args);

app.UsePlatform();
app.MapPlatform();
app.MapEnterprises();
app.MapDemands();
app.MapChains();
app.MapSpace();
app.MapPolicies();
app.MapPipelines();

await app.InitializeDatabaseAsync();
app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("TechZone is running at {Urls}", string.Join(", ", app.Urls)));
await app.RunAsync();
return 0;

/// <summary>Entry point; public so that tests can start the app with WebApplicationFactory.</summary>
public partial class Program;
