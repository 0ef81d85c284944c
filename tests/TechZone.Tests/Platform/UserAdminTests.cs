using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechZone.Data;
using TechZone.Platform.Api;
using TechZone.Platform.Identity;
using TechZone.Tests.Infrastructure;

namespace TechZone.Tests.Platform;

public abstract class UserAdminTests(ZoneApp app)
{
    Task<int> DepartmentIdAsync(string code) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Departments.Where(d => d.Code == code).Select(d => d.Id).SingleAsync());

    static string NewName() => "u" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task Admin_CreatesAStaffUser_WhoCanSignIn_WithTheirDepartmentsScope()
    {
        app.SkipIfUnavailable();
        var admin = await app.SignedInAsync("admin");
        var name = NewName();
        var response = await admin.PostAsJsonAsync("/api/v1/users", new UserRequest
        {
            UserName = name, DisplayName = "赵六", Role = Roles.Staff, DepartmentId = await DepartmentIdAsync("talent"), Password = "Start!2026x",
        }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<UserItem>(ZoneApp.Json);
        Assert.Equal(Roles.Staff, created!.Role);

        var staff = await app.SignedInAsync(name, "Start!2026x");
        // 人才服务中心 has no Enterprises grant.
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/v1/enterprises")).StatusCode);
    }

    [Fact]
    public async Task StaffWithoutDepartment_OrWeakPassword_IsRefused_AndNothingIsCreated()
    {
        app.SkipIfUnavailable();
        var admin = await app.SignedInAsync("admin");
        var name = NewName();
        var noDepartment = await admin.PostAsJsonAsync("/api/v1/users", new UserRequest { UserName = name, DisplayName = "x", Role = Roles.Staff, Password = "Start!2026x" }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, noDepartment.StatusCode);

        var weak = await admin.PostAsJsonAsync("/api/v1/users", new UserRequest { UserName = name, DisplayName = "x", Role = Roles.Leader, Password = "short" }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);

        Assert.False(await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Users.AnyAsync(u => u.UserName == name)));
    }

    [Fact]
    public async Task Update_WithStaleVersion_Gets409_AndOverwritesNothing()
    {
        app.SkipIfUnavailable();
        var admin = await app.SignedInAsync("admin");
        var user = await app.CreateUserAsync(NewName(), Roles.Leader);
        var current = (await admin.GetFromJsonAsync<UserItem>($"/api/v1/users/{user.Id}", ZoneApp.Json))!;

        var first = await admin.PutAsJsonAsync($"/api/v1/users/{user.Id}", Edit(current, "第一次修改"), ZoneApp.Json);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var stale = await admin.PutAsJsonAsync($"/api/v1/users/{user.Id}", Edit(current, "过期的修改"), ZoneApp.Json);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = JsonDocument.Parse(await stale.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(409, problem.GetProperty("status").GetInt32());

        var after = (await admin.GetFromJsonAsync<UserItem>($"/api/v1/users/{user.Id}", ZoneApp.Json))!;
        Assert.Equal("第一次修改", after.DisplayName);
    }

    static UserRequest Edit(UserItem u, string displayName) => new()
    {
        UserName = u.UserName, DisplayName = displayName, Role = u.Role, DepartmentId = u.DepartmentId,
        IsDepartmentHead = u.IsDepartmentHead, EnterpriseId = u.EnterpriseId, Version = u.Version,
    };

    [Fact]
    public async Task DisablingAUser_EndsTheirAccess_AndResetPassword_LiftsALockout()
    {
        app.SkipIfUnavailable();
        var admin = await app.SignedInAsync("admin");
        var name = NewName();
        var user = await app.CreateUserAsync(name, Roles.Leader);
        for (var i = 0; i < 5; i++) await ZoneApp.SignInAsync(app.Browser(), name, "wrong-password");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await ZoneApp.SignInAsync(app.Browser(), name, ZoneApp.DemoPassword)).StatusCode);

        var reset = await admin.PostAsJsonAsync($"/api/v1/users/{user.Id}/reset-password", new ResetPasswordRequest { NewPassword = "Reset!2026y" }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ZoneApp.SignInAsync(app.Browser(), name, "Reset!2026y")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/users/{user.Id}/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ZoneApp.SignInAsync(app.Browser(), name, "Reset!2026y")).StatusCode);
        var listed = (await admin.GetFromJsonAsync<UserItem>($"/api/v1/users/{user.Id}", ZoneApp.Json))!;
        Assert.True(listed.IsDisabled);
    }

    [Fact]
    public async Task Admin_CannotDisableThemselves()
    {
        app.SkipIfUnavailable();
        var admin = await app.SignedInAsync("admin");
        var me = (await admin.GetFromJsonAsync<PagedResult<UserItem>>("/api/v1/users?search=admin", ZoneApp.Json))!.Items.Single(u => u.UserName == "admin");
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync($"/api/v1/users/{me.Id}/disable", null)).StatusCode);
    }

    [Fact]
    public async Task UsersApi_IsAdminOnly()
    {
        app.SkipIfUnavailable();
        var staff = await app.SignedInAsync("service");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/v1/users")).StatusCode);
    }
}

[Collection("sqlite")]
public sealed class UserAdminTests_Sqlite(SqliteApp app) : UserAdminTests(app);

[Collection("postgres")]
public sealed class UserAdminTests_Postgres(PostgresApp app) : UserAdminTests(app);
