using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;
using Scalar.AspNetCore;
using TechZone.Data;
using TechZone.Platform.Account;
using TechZone.Platform.Api;
using TechZone.Platform.Calendar;
using TechZone.Platform.Files;
using TechZone.Platform.Identity;
using TechZone.Platform.Inbox;
using TechZone.Platform.Layout;
using TechZone.Platform.Localization;
using TechZone.Platform.Resources;
using TechZone.Platform.Seeding;
using TechZone.Platform.Zone;

namespace TechZone.Platform;

/// <summary>The platform every module stands on: database, identity and roles, to-do inbox, notifications, files, holiday calendar, localization, UI shell, health.</summary>
public static class PlatformModule
{
    const string CookieOrBearer = "CookieOrBearer";

    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        services.AddZoneDb(config, builder.Environment.ContentRootPath);
        services.AddHealthChecks().AddDbContextCheck<ZoneDb>("database", tags: ["ready"]);
        // Keys in the database: every instance behind a proxy can read every other's cookies.
        services.AddDataProtection().SetApplicationName("TechZone").PersistKeysToDbContext<ZoneDb>();

        services.AddLocalization();
        // Write Chinese as characters, not as &#x...; entities: readable pages, a third of the bytes.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddHttpContextAccessor();

        services.AddIdentity<ZoneUser, IdentityRole>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(config.GetValue("Auth:LockoutMinutes", 15));
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = 8;
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<ZoneDb>()
            .AddSignInManager<ZoneSignInManager>()
            .AddClaimsPrincipalFactory<ZoneClaimsFactory>()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddDefaultTokenProviders();

        var idle = TimeSpan.FromMinutes(config.GetValue("Auth:IdleTimeoutMinutes", 30.0));
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "TechZone.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/forbidden";
            o.ExpireTimeSpan = idle;
            o.SlidingExpiration = true;
            // API callers get status codes, not a redirect to an HTML page.
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });
        // How soon a disabled account or a changed password ends other sessions.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthorization(o => o.AddZonePolicies());
        services.AddScoped<IAuthorizationHandler, ModuleRequirementHandler>();
        services.AddSingleton<ModuleGrants>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<LoginService>();
        services.AddScoped<ZoneService>();
        services.AddScoped<Audit.AuditService>();
        services.AddScoped<ScopedRunner>();
        services.AddInbox();
        services.AddFiles();
        services.AddCalendar();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityAuthenticationStateProvider>();
        services.AddCascadingAuthenticationState();

        services.AddApiConventions(config);
        // Behind a reverse proxy (nginx): trust its X-Forwarded-For/-Proto so that links, cookies and logs see the real client.
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in config.GetSection("Proxy:KnownProxies").Get<string[]>() ?? [])
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        });
        services.AddScoped<Tokens.TokenService>();
        services.AddScoped<UserAdminService>();
        services.AddAuthentication(o =>
            {
                // Browsers carry the Identity cookie; API clients a bearer personal access token.
                o.DefaultScheme = o.DefaultAuthenticateScheme = o.DefaultChallengeScheme = o.DefaultForbidScheme = CookieOrBearer;
            })
            .AddPolicyScheme(CookieOrBearer, "Cookie or bearer token", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? Tokens.BearerTokenHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, Tokens.BearerTokenHandler>(Tokens.BearerTokenHandler.SchemeName, null);

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();

        services.AddSingleton<IDemoData, PlatformDemoData>();
        services.AddNavEntry(new NavEntry(NavGroup.Admin, 5, "/admin/users", MudBlazor.Icons.Material.Filled.People,
            Policies.Admin, () => PlatformStrings.Nav_Users, "users"));
        services.AddNavEntry(new NavEntry(NavGroup.Admin, 10, "/admin/departments", MudBlazor.Icons.Material.Filled.AccountTree,
            Policies.Admin, () => PlatformStrings.Nav_Departments, "departments"));
        services.AddNavEntry(new NavEntry(NavGroup.Admin, 40, "/admin/audit", MudBlazor.Icons.Material.Filled.ReceiptLong,
            Policies.Admin, () => PlatformStrings.Nav_Audit, "audit"));
        services.AddNavEntry(new NavEntry(NavGroup.Admin, 30, "/admin/tokens", MudBlazor.Icons.Material.Filled.Key,
            Policies.Admin, () => PlatformStrings.Nav_Tokens, "tokens"));
        return builder;
    }

    static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/health"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        if (app.Configuration.GetValue("Proxy:Enabled", false)) app.UseForwardedHeaders();
        // Language first: error pages and problem details are written in it too.
        app.UseRequestLocalization(ZoneCultures.Options());
        app.UseExceptionHandler();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        // API errors without a body become problem details; a page address that answers an empty error shows the not-found page.
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api") && HttpMethods.IsGet(http.Request.Method),
            pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        // Routing after the status-code pages, so that a re-executed request is routed again.
        app.UseRouting();
        app.UseAuthentication();
        // An API request reads its department's grants once, however many checks it makes (the endpoint's policy,
        // then the module's service); a page's circuit outlives its request, so pages batch where they need it.
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api => api.Use(async (http, next) =>
        {
            using (http.RequestServices.GetRequiredService<ModuleGrants>().Batch()) await next(http);
        }));
        app.UseAuthorization();
        app.Use((http, next) =>
        {
            http.RequestServices.GetRequiredService<CurrentUser>().Set(http.User);
            return next(http);
        });
        app.UseAntiforgery();
        app.UseApiBodyLimit(app.Configuration);
        return app;
    }

    public static WebApplication MapPlatform(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapAccount();
        app.MapZone();
        Audit.AuditEndpoints.MapAudit(app);
        Tokens.TokenEndpoints.MapTokens(app);
        UserEndpoints.MapUsers(app);
        app.MapOpenApi().RequireAuthorization(Policies.SignedIn);
        // The reference UI's script is served by the package itself; no web fonts are fetched (intranet use).
        app.MapScalarApiReference(o => o.WithTitle("TechZone API").DisableDefaultFonts()).RequireAuthorization(Policies.SignedIn);
        app.MapInbox();
        app.MapFiles();
        app.MapCalendar();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
