using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechZone.Data;
using TechZone.Enterprises;
using TechZone.Platform.Api;
using TechZone.Platform.Identity;
using TechZone.Platform.Zone;
using TechZone.Tests.Infrastructure;

namespace TechZone.Tests.Platform;

/// <summary>Roles, department grants and enterprise scope, through the API and the pages.</summary>
public abstract class AccessTests(ZoneApp app)
{
    Task<int> EnterpriseIdAsync(string name) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Enterprises.Where(e => e.Name == name).Select(e => e.Id).SingleAsync());

    /// <summary>A department of the test's own, so that changing its grants disturbs no other test.</summary>
    async Task<(int DepartmentId, string UserName)> DepartmentWithUserAsync(params (string Module, ModuleAccess Access)[] grants)
    {
        var code = "t" + Guid.NewGuid().ToString("N")[..10];
        var id = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ZoneDb>();
            var department = new Department
            {
                Code = code, Name = "测试部门" + code, NameEn = "Test " + code,
                Grants = grants.Select(g => new DepartmentGrant { Module = g.Module, Access = g.Access }).ToList(),
            };
            db.Departments.Add(department);
            await db.SaveChangesAsync();
            return department.Id;
        });
        await app.CreateUserAsync(code, Roles.Staff, id);
        return (id, code);
    }

    [Fact]
    public async Task Api_WithoutSignIn_Returns401_AndPageRedirectsToSignIn()
    {
        app.SkipIfUnavailable();
        var client = app.Browser();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/enterprises")).StatusCode);

        var page = await client.GetAsync("/enterprises");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Staff_WithReadGrant_ListsEnterprises_WithPaging()
    {
        app.SkipIfUnavailable();
        var (_, user) = await DepartmentWithUserAsync((Modules.Enterprises, ModuleAccess.Read));
        var client = await app.SignedInAsync(user);

        var page = await client.GetFromJsonAsync<PagedResult<EnterpriseSummary>>("/api/v1/enterprises?page=2&pageSize=5", ZoneApp.Json);
        Assert.NotNull(page);
        Assert.Equal(2, page.Page);
        Assert.Equal(5, page.PageSize);
        Assert.True(page.Total >= 12);
        Assert.Equal(5, page.Items.Count);
    }

    [Fact]
    public async Task Staff_WithoutGrant_Gets403_OnApiAndPage()
    {
        app.SkipIfUnavailable();
        var (_, user) = await DepartmentWithUserAsync((Modules.Talent, ModuleAccess.Write));
        var client = await app.SignedInAsync(user);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/enterprises")).StatusCode);

        var page = await client.GetAsync("/enterprises");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/forbidden", ZoneApp.Target(page));
        var forbidden = await client.GetAsync(page.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("data-testid=\"forbidden\"", await forbidden.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GrantChange_TakesEffectAtOnce_ForASignedInUser()
    {
        app.SkipIfUnavailable();
        var (departmentId, user) = await DepartmentWithUserAsync();
        var staff = await app.SignedInAsync(user);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/v1/enterprises")).StatusCode);

        var admin = await app.SignedInAsync("admin");
        var put = await admin.PutAsJsonAsync($"/api/v1/departments/{departmentId}/grants",
            new SetGrantsRequest(new() { [Modules.Enterprises] = ModuleAccess.Read }), ZoneApp.Json);
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/v1/enterprises")).StatusCode);
    }

    [Fact]
    public async Task Grants_AreAdminOnly_AndUnknownModulesAreRefused()
    {
        app.SkipIfUnavailable();
        var (departmentId, _) = await DepartmentWithUserAsync();
        var leader = await app.SignedInAsync("leader");
        var asLeader = await leader.PutAsJsonAsync($"/api/v1/departments/{departmentId}/grants",
            new SetGrantsRequest(new() { [Modules.Enterprises] = ModuleAccess.Write }), ZoneApp.Json);
        Assert.Equal(HttpStatusCode.Forbidden, asLeader.StatusCode);

        var admin = await app.SignedInAsync("admin");
        var unknown = await admin.PutAsJsonAsync($"/api/v1/departments/{departmentId}/grants",
            new SetGrantsRequest(new() { ["Astrology"] = ModuleAccess.Write }), ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);

        var grants = await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().DepartmentGrants.CountAsync(g => g.DepartmentId == departmentId));
        Assert.Equal(0, grants);
    }

    [Fact]
    public async Task Leader_ReadsEveryModule_ButIsNotAdmin()
    {
        app.SkipIfUnavailable();
        var client = await app.SignedInAsync("leader");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/enterprises")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/departments")).StatusCode);
    }

    [Fact]
    public async Task EnterpriseUser_SeesOwnRecord_AndAnotherEnterprisesAnswers404()
    {
        app.SkipIfUnavailable();
        var feiteng = await EnterpriseIdAsync("飞腾信息技术有限公司");
        var kylin = await EnterpriseIdAsync("麒麟软件有限公司");
        var client = await app.SignedInAsync("feiteng");

        var own = await client.GetFromJsonAsync<EnterpriseDetail>($"/api/v1/enterprises/{feiteng}", ZoneApp.Json);
        Assert.Equal("飞腾信息技术有限公司", own!.Name);
        var mine = await client.GetFromJsonAsync<EnterpriseDetail>("/api/v1/enterprises/mine", ZoneApp.Json);
        Assert.Equal(feiteng, mine!.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/enterprises/{kylin}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/enterprises/999999")).StatusCode);
        // The registry list is for the zone's own people.
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/enterprises")).StatusCode);
    }

    [Fact]
    public async Task EnterpriseUser_OpeningAnotherEnterprisesPage_GetsNotFound()
    {
        app.SkipIfUnavailable();
        var kylin = await EnterpriseIdAsync("麒麟软件有限公司");
        var feiteng = await EnterpriseIdAsync("飞腾信息技术有限公司");
        var client = await app.SignedInAsync("feiteng");

        var other = await client.GetAsync($"/enterprises/{kylin}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.DoesNotContain("麒麟软件有限公司", await other.Content.ReadAsStringAsync());

        var own = await client.GetAsync($"/enterprises/{feiteng}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("飞腾信息技术有限公司", await own.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AdminPage_IsForbiddenToStaff()
    {
        app.SkipIfUnavailable();
        var client = await app.SignedInAsync("service");
        var page = await client.GetAsync("/admin/departments");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/forbidden", ZoneApp.Target(page));
    }

    [Fact]
    public async Task UnknownPage_Returns404Page()
    {
        app.SkipIfUnavailable();
        var client = await app.SignedInAsync("leader");
        var page = await client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("data-testid=\"not-found\"", await page.Content.ReadAsStringAsync());
    }
}

[Collection("sqlite")]
public sealed class AccessTests_Sqlite(SqliteApp app) : AccessTests(app);

[Collection("postgres")]
public sealed class AccessTests_Postgres(PostgresApp app) : AccessTests(app);
