using System.Globalization;
using System.Net;
using System.Resources;
using TechZone.Tests.Infrastructure;

namespace TechZone.Tests.Platform;

public class ResourceTests
{
    /// <summary>Every module's strongly typed strings class, found rather than listed, so a new module is checked too.</summary>
    public static TheoryData<Type> ResourceClasses => new(typeof(TechZone.Platform.Resources.PlatformStrings).Assembly.GetTypes()
        .Where(t => t.Namespace?.EndsWith(".Resources", StringComparison.Ordinal) == true && t.Name.EndsWith("Strings", StringComparison.Ordinal)
            && t.GetProperty("ResourceManager") is not null));

    [Theory]
    [MemberData(nameof(ResourceClasses))]
    public void EveryString_ExistsInBothLanguages_AndIsNotEmpty(Type resources)
    {
        var manager = (ResourceManager)resources.GetProperty("ResourceManager")!.GetValue(null)!;
        var english = Entries(manager, CultureInfo.InvariantCulture);
        var chinese = Entries(manager, new CultureInfo("zh-CN"));

        Assert.NotEmpty(english);
        Assert.Equal(english.Keys.Order(), chinese.Keys.Order());
        Assert.All(english, e => Assert.False(string.IsNullOrWhiteSpace(e.Value), e.Key));
        Assert.All(chinese, e => Assert.False(string.IsNullOrWhiteSpace(e.Value), e.Key));
        // Placeholders must match, or string.Format breaks in one language only.
        Assert.All(english, e => Assert.Equal(Placeholders(e.Value), Placeholders(chinese[e.Key])));
    }

    static Dictionary<string, string> Entries(ResourceManager manager, CultureInfo culture)
    {
        var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!;
        return set.Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    static string[] Placeholders(string s) =>
        System.Text.RegularExpressions.Regex.Matches(s, @"\{\d+[^}]*\}").Select(m => m.Value).Order().ToArray();
}

public abstract class LanguageTests(ZoneApp app)
{
    [Fact]
    public async Task SignInPage_IsChineseByDefault_AndEnglishAfterTheSwitch()
    {
        app.SkipIfUnavailable();
        var client = app.Browser();
        var chinese = await client.GetStringAsync("/account/login");
        Assert.Contains("登录", chinese);
        Assert.Contains("lang=\"zh-CN\"", chinese);

        var switched = await client.GetAsync("/culture/set?culture=en&returnUrl=%2Faccount%2Flogin");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/account/login", ZoneApp.Target(switched));

        var english = await client.GetStringAsync("/account/login");
        Assert.Contains("Sign in", english);
        Assert.Contains("lang=\"en\"", english);
    }

    [Fact]
    public async Task CultureSwitch_NeverRedirectsOffSite()
    {
        app.SkipIfUnavailable();
        var response = await app.Browser().GetAsync("/culture/set?culture=en&returnUrl=https%3A%2F%2Fevil.example%2F");
        Assert.Equal("/", ZoneApp.Target(response));
    }

    [Fact]
    public async Task LanguageChoice_IsRememberedForTheUser_AtTheNextSignIn()
    {
        app.SkipIfUnavailable();
        var name = "lang" + Guid.NewGuid().ToString("N")[..8];
        await app.CreateUserAsync(name, TechZone.Platform.Identity.Roles.Leader);
        var first = await app.SignedInAsync(name);
        await first.GetAsync("/culture/set?culture=en&returnUrl=%2F");

        // A new browser (no culture cookie) signs in: the page comes back in English.
        var second = app.Browser();
        var signIn = await ZoneApp.SignInAsync(second, name, ZoneApp.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var home = await second.GetStringAsync("/");
        Assert.Contains("lang=\"en\"", home);
    }
}

[Collection("sqlite")]
public sealed class LanguageTests_Sqlite(SqliteApp app) : LanguageTests(app);

[Collection("postgres")]
public sealed class LanguageTests_Postgres(PostgresApp app) : LanguageTests(app);
