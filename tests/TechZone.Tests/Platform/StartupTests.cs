using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechZone.Data;
using TechZone.Tests.Infrastructure;

namespace TechZone.Tests.Platform;

/// <summary>Production seeds no demo users and will not start without the first admin's password.</summary>
public class ProductionStartupTests
{
    sealed class ProductionApp(string? adminPassword) : WebApplicationFactory<Program>
    {
        public readonly string File = Path.Combine(Path.GetTempPath(), $"techzone-prod-{Guid.NewGuid():N}.db");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:TechZone", $"Data Source={File}");
            builder.UseSetting("Admin:InitialPassword", adminPassword ?? "");
        }
    }

    [Fact]
    public void WithoutAnAdminPassword_ItRefusesToStart()
    {
        using var app = new ProductionApp(null);
        var error = Assert.ThrowsAny<Exception>(() => app.Services);
        Assert.Contains("Admin:InitialPassword", error.ToString());
    }

    [Fact]
    public async Task WithAnAdminPassword_ItCreatesTheAdmin_AndNoDemoData()
    {
        await using var app = new ProductionApp("Prod!Secret2026");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZoneDb>();
        Assert.Equal(["admin"], await db.Users.Select(u => u.UserName).ToListAsync());
        Assert.Equal(0, await db.Enterprises.CountAsync());

        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await ZoneApp.SignInAsync(client, "admin", "Prod!Secret2026")).StatusCode);
    }
}

public abstract class ApiDocumentTests(ZoneApp app)
{
    [Fact]
    public async Task OpenApiDocument_DescribesTheApi()
    {
        app.SkipIfUnavailable();
        var client = await app.SignedInAsync("leader");
        var json = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("\"/api/v1/enterprises\"", json);
        Assert.Contains("\"/api/v1/audit\"", json);
    }

    [Fact]
    public async Task ScalarReference_IsServedByTheApp_WithNothingFromOutside()
    {
        app.SkipIfUnavailable();
        var client = await app.SignedInAsync("leader");
        var page = await client.GetAsync("/scalar");
        if (page.StatusCode == HttpStatusCode.Redirect) page = await client.GetAsync(ZoneApp.Target(page));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("TechZone API", html);
        var external = System.Text.RegularExpressions.Regex.Matches(html, "(src|href)=\"(https?:)?//[^\"]+\"").Select(m => m.Value).ToList();
        Assert.True(external.Count == 0, "external assets: " + string.Join(", ", external));
        var script = System.Text.RegularExpressions.Regex.Match(html, "<script[^>]*src=\"([^\"]+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(script));
        var scriptUrl = script.StartsWith('/') ? script : "/scalar/" + script;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(scriptUrl)).StatusCode);
    }

    [Fact]
    public async Task ApiDocs_NeedASignIn()
    {
        app.SkipIfUnavailable();
        var response = await app.Browser().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", ZoneApp.Target(response));
    }
}

[Collection("sqlite")]
public sealed class ApiDocumentTests_Sqlite(SqliteApp app) : ApiDocumentTests(app);

[Collection("postgres")]
public sealed class ApiDocumentTests_Postgres(PostgresApp app) : ApiDocumentTests(app);
