using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Identity;

namespace TechZone.Platform.Seeding;

/// <summary>
/// Startup: migrate, make sure the roles, the reference data and a first admin exist, and on an empty non-Production
/// database seed the demo zone. In Production the first admin's password must come from configuration (Admin:InitialPassword).
/// </summary>
public static class DatabaseInitializer
{
    public static async Task InitializeDatabaseAsync(this WebApplication app, CancellationToken ct = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<ZoneDb>();
        var config = services.GetRequiredService<IConfiguration>();
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("TechZone.Startup");

        await DatabaseSetup.MigrateAsync(db, ct);

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));

        // Reference data (the official holiday calendar ...) in every environment; each part inserts only what is missing.
        foreach (var reference in services.GetServices<IReferenceData>())
            await reference.SeedAsync(db, ct);

        var demo = !app.Environment.IsProduction() && config.GetValue("Demo:Seed", true);
        var parts = services.GetServices<IDemoData>().OrderBy(p => p.Order).ToList();
        if (demo && !await db.Users.AnyAsync(ct))
        {
            // One transaction: a start that fails half-way leaves an empty database, seeded again next time.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var part in parts)
                await part.SeedAsync(db, services, ct);
            await tx.CommitAsync(ct);
            log.LogInformation("Demo zone seeded");
        }

        await EnsureAdminAsync(services, config, app.Environment, log);

        if (demo)
            PrintDemoAccounts(log, parts.SelectMany(p => p.Accounts), config["Demo:Password"] ?? "");
    }

    static async Task EnsureAdminAsync(IServiceProvider services, IConfiguration config, IWebHostEnvironment env, ILogger log)
    {
        var users = services.GetRequiredService<UserManager<ZoneUser>>();
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0) return;

        var password = config["Admin:InitialPassword"];
        if (string.IsNullOrWhiteSpace(password))
        {
            if (env.IsProduction())
                throw new SetupException(
                    "No administrator exists. Set Admin:InitialPassword (for example the environment variable Admin__InitialPassword) to create the first one.");
            password = config["Demo:Password"];
        }
        var admin = new ZoneUser { UserName = config["Admin:UserName"] ?? "admin", DisplayName = "系统管理员" };
        var result = await users.CreateAsync(admin, password!);
        if (!result.Succeeded)
            throw new SetupException("Could not create the first administrator: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(admin, Roles.Admin);
        log.LogInformation("Created the first administrator {UserName}", admin.UserName);
    }

    static void PrintDemoAccounts(ILogger log, IEnumerable<DemoAccount> accounts, string password)
    {
        var lines = accounts.Select(a => $"  {a.UserName,-16} {a.Role,-11} {a.Description}");
        log.LogInformation("Demo accounts (password {Password}):\n{Accounts}", password, string.Join('\n', lines));
    }
}

/// <summary>A start that configuration must fix (no first administrator's password): said in one line, not a stack trace.</summary>
public sealed class SetupException(string message) : InvalidOperationException(message);
