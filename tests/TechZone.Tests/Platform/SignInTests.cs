using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TechZone.Platform.Identity;
using TechZone.Tests.Infrastructure;

namespace TechZone.Tests.Platform;

public abstract class SignInTests(ZoneApp app)
{
    [Fact]
    public async Task SignIn_WithDemoPassword_RedirectsHomeAndOpensHomePage()
    {
        app.SkipIfUnavailable();
        var client = app.Browser();
        var response = await ZoneApp.SignInAsync(client, "leader", ZoneApp.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", ZoneApp.Target(response));
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task SignIn_WithReturnUrl_GoesBackThere_ButNeverOffSite()
    {
        app.SkipIfUnavailable();
        var client = app.Browser();
        var page = await client.GetStringAsync("/account/login?returnUrl=%2Fenterprises");
        var fields = ZoneApp.HiddenFields(page);
        fields["Input.UserName"] = "service";
        fields["Input.Password"] = ZoneApp.DemoPassword;
        var response = await client.PostAsync("/account/login?returnUrl=%2Fenterprises", new FormUrlEncodedContent(fields));
        Assert.Equal("/enterprises", ZoneApp.Target(response));

        var other = app.Browser();
        page = await other.GetStringAsync("/account/login");
        fields = ZoneApp.HiddenFields(page);
        fields["Input.UserName"] = "service";
        fields["Input.Password"] = ZoneApp.DemoPassword;
        response = await other.PostAsync("/account/login?returnUrl=%2F%2Fevil.example", new FormUrlEncodedContent(fields));
        Assert.Equal("/", ZoneApp.Target(response));
    }

    [Fact]
    public async Task SignIn_WithWrongPassword_Returns401AndStaysSignedOut()
    {
        app.SkipIfUnavailable();
        var client = app.Browser();
        var response = await ZoneApp.SignInAsync(client, "leader", "wrong-password");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("login-error", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/enterprises")).StatusCode);
    }

    [Fact]
    public async Task SignIn_UnknownUser_LooksLikeWrongPassword()
    {
        app.SkipIfUnavailable();
        var response = await ZoneApp.SignInAsync(app.Browser(), "nobody-" + Guid.NewGuid().ToString("N")[..6], "whatever1A!");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_AfterFiveFailures_IsLockedOut_EvenWithTheRightPassword()
    {
        app.SkipIfUnavailable();
        var name = "lock" + Guid.NewGuid().ToString("N")[..8];
        await app.CreateUserAsync(name, Roles.Leader);

        for (var i = 0; i < 4; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await ZoneApp.SignInAsync(app.Browser(), name, "wrong-password")).StatusCode);
        // The fifth failure locks the account.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await ZoneApp.SignInAsync(app.Browser(), name, "wrong-password")).StatusCode);

        var right = await ZoneApp.SignInAsync(app.Browser(), name, ZoneApp.DemoPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Contains("login-error", await right.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignIn_DisabledAccount_Fails()
    {
        app.SkipIfUnavailable();
        var name = "off" + Guid.NewGuid().ToString("N")[..8];
        var user = await app.CreateUserAsync(name, Roles.Leader);
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ZoneUser>>();
            var stored = (await users.FindByNameAsync(name))!;
            stored.IsDisabled = true;
            return await users.UpdateAsync(stored);
        });

        Assert.Equal(HttpStatusCode.Unauthorized, (await ZoneApp.SignInAsync(app.Browser(), name, ZoneApp.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        app.SkipIfUnavailable();
        var client = await app.SignedInAsync("leader");
        var home = await client.GetStringAsync("/");
        var fields = ZoneApp.HiddenFields(home);
        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/enterprises")).StatusCode);
    }

    [Fact]
    public async Task SignOut_WithoutAntiforgeryToken_IsRefused()
    {
        app.SkipIfUnavailable();
        var client = await app.SignedInAsync("leader");
        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/enterprises")).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_WithRightCurrentPassword_ChangesIt()
    {
        app.SkipIfUnavailable();
        var name = "pw" + Guid.NewGuid().ToString("N")[..8];
        await app.CreateUserAsync(name, Roles.Leader);
        var client = await app.SignedInAsync(name);

        var page = await client.GetStringAsync("/account/password");
        var fields = ZoneApp.HiddenFields(page);
        fields["Input.Current"] = "wrong-one";
        fields["Input.New"] = "NewPass!2027";
        fields["Input.Confirm"] = "NewPass!2027";
        var refused = await client.PostAsync("/account/password", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        fields["Input.Current"] = ZoneApp.DemoPassword;
        var changed = await client.PostAsync("/account/password", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("password-changed", await changed.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, (await ZoneApp.SignInAsync(app.Browser(), name, ZoneApp.DemoPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ZoneApp.SignInAsync(app.Browser(), name, "NewPass!2027")).StatusCode);
    }
}

[Collection("sqlite")]
public sealed class SignInTests_Sqlite(SqliteApp app) : SignInTests(app);

[Collection("postgres")]
public sealed class SignInTests_Postgres(PostgresApp app) : SignInTests(app);
