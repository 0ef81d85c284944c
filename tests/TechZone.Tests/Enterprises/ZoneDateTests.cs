using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TechZone.Enterprises;
using TechZone.Tests.Infrastructure;

namespace TechZone.Tests.Enterprises;

/// <summary>"Today" in the registry is the zone's date (Asia/Shanghai), not UTC's.</summary>
[Collection("sqlite")]
public sealed class ZoneDateTests(SqliteApp app)
{
    /// <summary>18:00 UTC on 1 December is 02:00 on 2 December in Tianjin.</summary>
    sealed class EveningUtc : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 12, 1, 18, 0, 0, TimeSpan.Zero);
    }

    [Fact]
    public async Task Create_FoundedOnTheZonesToday_WhileUtcIsStillYesterday_IsAccepted_AndTheDayAfterIsRefused()
    {
        await using var evening = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new EveningUtc())));
        var admin = evening.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var signIn = await ZoneApp.SignInAsync(admin, "admin", ZoneApp.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        object Enterprise(DateOnly foundedOn) => new
        {
            creditCode = CreditCode.Make("120116", Random.Shared.NextInt64(10_000_000, 29_999_999)),
            name = "时区" + Guid.NewGuid().ToString("N")[..8] + "有限公司", legalRepresentative = "王五",
            address = "滨海高新区1号", industryCode = "65", sizeClass = "Small", registeredCapitalFen = 100_000_000L, foundedOn,
        };

        var today = await admin.PostAsJsonAsync("/api/v1/enterprises", Enterprise(new DateOnly(2026, 12, 2)), ZoneApp.Json);
        Assert.Equal(HttpStatusCode.Created, today.StatusCode);
        var tomorrow = await admin.PostAsJsonAsync("/api/v1/enterprises", Enterprise(new DateOnly(2026, 12, 3)), ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, tomorrow.StatusCode);
        Assert.Contains("FoundedInFuture", await tomorrow.Content.ReadAsStringAsync());
    }
}
