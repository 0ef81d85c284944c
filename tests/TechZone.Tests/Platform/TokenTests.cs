using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using TechZone.Enterprises;
using TechZone.Platform.Api;
using TechZone.Platform.Tokens;
using TechZone.Tests.Infrastructure;

namespace TechZone.Tests.Platform;

public abstract class TokenTests(ZoneApp app)
{
    async Task<IssuedToken> IssueAsync(string userName, int days = 30)
    {
        var admin = await app.SignedInAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/v1/tokens", new IssueTokenRequest { UserName = userName, Name = "client " + Guid.NewGuid().ToString("N")[..6], ExpiresInDays = days }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<IssuedToken>(ZoneApp.Json))!;
    }

    HttpClient ApiClient(string secret)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    [Fact]
    public async Task TokenClient_ListsAndPages_AsItsUser()
    {
        app.SkipIfUnavailable();
        var token = await IssueAsync("service");
        var client = ApiClient(token.Secret);

        var first = await client.GetFromJsonAsync<PagedResult<EnterpriseSummary>>("/api/v1/enterprises?page=1&pageSize=5", ZoneApp.Json);
        var second = await client.GetFromJsonAsync<PagedResult<EnterpriseSummary>>("/api/v1/enterprises?page=2&pageSize=5", ZoneApp.Json);
        Assert.Equal(5, first!.Items.Count);
        Assert.Equal(first.Total, second!.Total);
        Assert.Empty(first.Items.Select(i => i.Id).Intersect(second.Items.Select(i => i.Id)));
        // The token acts as its user: "service" is no admin.
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/users")).StatusCode);
    }

    [Fact]
    public async Task RevokedToken_Gets401_AsDoesAnUnknownOne()
    {
        app.SkipIfUnavailable();
        var token = await IssueAsync("leader");
        var client = ApiClient(token.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/enterprises")).StatusCode);

        var admin = await app.SignedInAsync("admin");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/tokens/{token.Id}")).StatusCode);

        var refused = await client.GetAsync("/api/v1/enterprises");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiClient("tz_not-a-real-token").GetAsync("/api/v1/enterprises")).StatusCode);
    }

    [Fact]
    public async Task ExpiredToken_Gets401()
    {
        app.SkipIfUnavailable();
        var token = await IssueAsync("leader");
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TechZone.Data.ZoneDb>();
            var stored = await db.Set<ApiToken>().FindAsync(token.Id);
            stored!.ExpiresUtc = DateTime.UtcNow.AddMinutes(-1);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiClient(token.Secret).GetAsync("/api/v1/enterprises")).StatusCode);
    }

    [Fact]
    public async Task Issue_ToUnknownUser_IsALocalized400_AndIssuesNothing()
    {
        app.SkipIfUnavailable();
        var admin = await app.SignedInAsync("admin");
        var before = (await admin.GetFromJsonAsync<List<TokenItem>>("/api/v1/tokens", ZoneApp.Json))!.Count;
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tokens")
        {
            Content = JsonContent.Create(new IssueTokenRequest { UserName = "nobody-at-all", Name = "x", ExpiresInDays = 5 }, options: ZoneApp.Json),
        };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var response = await admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("不存在", problem.GetProperty("detail").GetString());
        Assert.Equal(before, (await admin.GetFromJsonAsync<List<TokenItem>>("/api/v1/tokens", ZoneApp.Json))!.Count);
    }

    [Fact]
    public async Task TokensPage_AndApi_AreAdminOnly()
    {
        app.SkipIfUnavailable();
        var leader = await app.SignedInAsync("leader");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync("/api/v1/tokens")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await leader.GetAsync("/admin/tokens")).StatusCode);
    }
}

[Collection("sqlite")]
public sealed class TokenTests_Sqlite(SqliteApp app) : TokenTests(app);

[Collection("postgres")]
public sealed class TokenTests_Postgres(PostgresApp app) : TokenTests(app);
