using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechZone.Data;
using TechZone.Tests.Infrastructure;

namespace TechZone.Tests.Platform;

/// <summary>Every kind of bad input gets the right 4xx, a clear message in the caller's language, and changes nothing.</summary>
public abstract class BadInputTests(ZoneApp app)
{
    /// <summary>Rows in the tables these requests could touch, and the audit trail's length.</summary>
    Task<(int Departments, int Grants, long Audit)> SnapshotAsync() => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<ZoneDb>();
        return (await db.Departments.CountAsync(), await db.DepartmentGrants.CountAsync(), await db.AuditEntries.LongCountAsync());
    });

    async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string body, string language = "zh-CN", string type = "application/json")
    {
        var request = new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8, type) };
        request.Headers.AcceptLanguage.ParseAdd(language);
        return await client.SendAsync(request);
    }

    static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task MalformedJson_Is400_InTheCallersLanguage()
    {
        app.SkipIfUnavailable();
        var admin = await app.SignedInAsync("admin");
        var before = await SnapshotAsync();

        var zh = await SendAsync(admin, HttpMethod.Post, "/api/v1/departments", "{\"code\": \"x1\", \"name\": ");
        Assert.Equal(HttpStatusCode.BadRequest, zh.StatusCode);
        Assert.Contains("JSON", (await ProblemAsync(zh)).GetProperty("detail").GetString());
        Assert.Contains("请求", (await ProblemAsync(await SendAsync(admin, HttpMethod.Post, "/api/v1/departments", "not json"))).GetProperty("title").GetString());

        var en = await SendAsync(admin, HttpMethod.Post, "/api/v1/departments", "{oops", language: "en");
        Assert.Contains("not valid JSON", (await ProblemAsync(en)).GetProperty("detail").GetString());
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task WrongTypes_AndUnknownEnumValues_Are400()
    {
        app.SkipIfUnavailable();
        var admin = await app.SignedInAsync("admin");
        var departmentId = await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Departments.Select(d => d.Id).FirstAsync());
        var before = await SnapshotAsync();

        var wrongType = await SendAsync(admin, HttpMethod.Post, "/api/v1/departments", "{\"code\": 5, \"name\": [1,2]}");
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Contains("$.code", (await ProblemAsync(wrongType)).GetProperty("detail").GetString());

        var unknownAccess = await SendAsync(admin, HttpMethod.Put, $"/api/v1/departments/{departmentId}/grants", "{\"grants\": {\"Enterprises\": \"Omnipotent\"}}");
        Assert.Equal(HttpStatusCode.BadRequest, unknownAccess.StatusCode);
        var numericAccess = await SendAsync(admin, HttpMethod.Put, $"/api/v1/departments/{departmentId}/grants", "{\"grants\": {\"Enterprises\": 2}}");
        Assert.Equal(HttpStatusCode.BadRequest, numericAccess.StatusCode);

        var notANumber = await admin.GetAsync("/api/v1/enterprises?page=abc");
        Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task OverlongStrings_AndMissingFields_AreFieldLevelErrors()
    {
        app.SkipIfUnavailable();
        var admin = await app.SignedInAsync("admin");
        var before = await SnapshotAsync();

        var body = JsonSerializer.Serialize(new { code = "ok-code", name = new string('长', 101), nameEn = "" });
        var response = await SendAsync(admin, HttpMethod.Post, "/api/v1/departments", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ProblemAsync(response)).GetProperty("errors");
        var nameErrors = errors.EnumerateObject().Single(p => p.Name.Equals("name", StringComparison.OrdinalIgnoreCase)).Value;
        Assert.Contains("100", nameErrors[0].GetString());
        Assert.Contains("字符", nameErrors[0].GetString());

        var missing = await SendAsync(admin, HttpMethod.Post, "/api/v1/departments", "{\"name\": \"无代码\"}", language: "en");
        var missingErrors = (await ProblemAsync(missing)).GetProperty("errors");
        Assert.Contains(missingErrors.EnumerateObject(), p => p.Name.Equals("code", StringComparison.OrdinalIgnoreCase)
            && p.Value[0].GetString() == "This field is required.");
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task PageSizeOver200_Is400()
    {
        app.SkipIfUnavailable();
        var leader = await app.SignedInAsync("leader");
        var response = await leader.GetAsync("/api/v1/enterprises?pageSize=500");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ProblemAsync(response)).GetProperty("errors");
        Assert.Contains(errors.EnumerateObject(), p => p.Name.Equals("pageSize", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync("/api/v1/enterprises?pageSize=200")).StatusCode);
    }

    [Fact]
    public async Task BodyOverTheLimit_Is413()
    {
        app.SkipIfUnavailable();
        var admin = await app.SignedInAsync("admin");
        var before = await SnapshotAsync();
        var huge = "{\"code\":\"big\",\"name\":\"" + new string('x', 2 * 1024 * 1024) + "\"}";
        var response = await SendAsync(admin, HttpMethod.Post, "/api/v1/departments", huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("KB", (await ProblemAsync(response)).GetProperty("detail").GetString());
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task ForgedAntiforgeryToken_OnTheSignInForm_Is400()
    {
        app.SkipIfUnavailable();
        var client = app.Browser();
        var fields = ZoneApp.HiddenFields(await client.GetStringAsync("/account/login"));
        fields["__RequestVerificationToken"] = "CfDJ8forged" + new string('A', 100);
        fields["Input.UserName"] = "admin";
        fields["Input.Password"] = ZoneApp.DemoPassword;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/enterprises")).StatusCode);
    }

    [Fact]
    public async Task WriteWithoutTheRightGrantOrRole_Is403_AndChangesNothing()
    {
        app.SkipIfUnavailable();
        var staff = await app.SignedInAsync("service");
        var before = await SnapshotAsync();
        var response = await SendAsync(staff, HttpMethod.Post, "/api/v1/departments", "{\"code\":\"mine\",\"name\":\"我的部门\"}");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task StaleVersion_OnADepartment_Is409_AndTheOtherWriteSurvives()
    {
        app.SkipIfUnavailable();
        var admin = await app.SignedInAsync("admin");
        var code = "v" + Guid.NewGuid().ToString("N")[..8];
        var created = await SendAsync(admin, HttpMethod.Post, "/api/v1/departments", JsonSerializer.Serialize(new { code, name = "原名" }));
        var id = created.Headers.Location!.OriginalString.Split('/').Last();

        var first = await SendAsync(admin, HttpMethod.Put, $"/api/v1/departments/{id}", JsonSerializer.Serialize(new { code, name = "甲改的", version = 0 }));
        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        var second = await SendAsync(admin, HttpMethod.Put, $"/api/v1/departments/{id}", JsonSerializer.Serialize(new { code, name = "乙改的", version = 0 }));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("他人", (await ProblemAsync(second)).GetProperty("detail").GetString());

        var name = await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Departments.Where(d => d.Code == code).Select(d => d.Name).SingleAsync());
        Assert.Equal("甲改的", name);
    }
}

[Collection("sqlite")]
public sealed class BadInputTests_Sqlite(SqliteApp app) : BadInputTests(app);

[Collection("postgres")]
public sealed class BadInputTests_Postgres(PostgresApp app) : BadInputTests(app);
