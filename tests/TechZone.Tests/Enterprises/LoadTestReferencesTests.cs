using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using TechZone.Tests.Infrastructure;

namespace TechZone.Tests.Enterprises;

/// <summary>The load test's anonymous references exist only when configured.</summary>
public sealed class LoadTestReferencesTests
{
    sealed class BenchApp() : ZoneApp(Provider.Sqlite)
    {
        protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Bench:Endpoints", "true");
    }

    [Fact]
    public async Task WithBenchEndpoints_TheTrivialAnswerAndABareEnterprisePage_AnswerWithoutSignIn()
    {
        await using var app = new BenchApp();
        await app.InitializeAsync();
        var client = app.CreateClient();
        Assert.Equal("ok", await client.GetStringAsync("/bench/trivial"));
        var first = await client.GetFromJsonAsync<JsonElement[]>("/bench/enterprises", ZoneApp.Json);
        var second = await client.GetFromJsonAsync<JsonElement[]>("/bench/enterprises?page=2", ZoneApp.Json);
        Assert.Equal(20, first!.Length);
        Assert.Equal(20, second!.Length);
        // Pages of the id order, one after the other.
        var ids = first.Concat(second).Select(e => e.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(40, ids.Distinct().Count());
    }
}

[Collection("sqlite")]
public sealed class LoadTestReferencesOffTests(SqliteApp app)
{
    [Fact]
    public async Task ByDefault_ThereAreNoBenchEndpoints()
    {
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/bench/trivial")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/bench/enterprises")).StatusCode);
    }
}
