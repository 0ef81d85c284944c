using Microsoft.Playwright;

namespace TechZone.E2E;

/// <summary>
/// One person's browser: a fresh context (cookies of its own) that records every failed script or stylesheet,
/// every page error and every error response, so a test fails on a page that lost its styles or threw.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public static readonly ViewportSize Desktop = new() { Width = 1366, Height = 900 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    readonly AppServer server;
    readonly IBrowserContext context;
    readonly List<string> problems = [];
    readonly List<string> consoleErrors = [];
    readonly int logStart;
    public IPage Page { get; }

    BrowserSession(AppServer server, IBrowserContext context, IPage page)
    {
        this.server = server;
        this.context = context;
        Page = page;
        logStart = server.LogLength;
        page.Console += (_, message) => { if (message.Type == "error") lock (consoleErrors) consoleErrors.Add(message.Text); };
        page.PageError += (_, error) => problems.Add("page error: " + error);
        page.RequestFailed += (_, request) =>
        {
            // A navigation away can abort a pending fetch; only assets that did not load count.
            if (request.ResourceType is "script" or "stylesheet" or "font" or "image")
                problems.Add($"failed to load {request.ResourceType} {request.Url}: {request.Failure}");
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType is "script" or "stylesheet" or "font" or "image")
                problems.Add($"{response.Status} for {response.Request.ResourceType} {response.Url}");
        };
    }

    public static async Task<BrowserSession> OpenAsync(AppServer server, ViewportSize? viewport = null, string locale = "zh-CN")
    {
        var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl,
            ViewportSize = viewport ?? Desktop,
            Locale = locale,
        });
        context.SetDefaultTimeout(30_000);
        return new BrowserSession(server, context, await context.NewPageAsync());
    }

    public static async Task<BrowserSession> SignedInAsync(AppServer server, string user, ViewportSize? viewport = null, string locale = "zh-CN")
    {
        var session = await OpenAsync(server, viewport, locale);
        await session.SignInAsync(user);
        return session;
    }

    public async Task SignInAsync(string user, string password = AppServer.Password)
    {
        await Page.GotoAsync("/account/login");
        await Page.GetByTestId("username").FillAsync(user);
        await Page.GetByTestId("password").FillAsync(password);
        await Page.GetByTestId("sign-in").ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/account/login"));
        await WaitForInteractiveAsync();
    }

    /// <summary>Waits until the Blazor circuit is up, so clicks reach .NET handlers.</summary>
    public async Task WaitForInteractiveAsync()
    {
        await Page.Locator(".mud-layout[data-interactive=true]").WaitForAsync();
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>Opens a MudSelect and picks the option with this text (once more if the first click did not open it).</summary>
    public async Task SelectAsync(ILocator select, string option)
    {
        var item = Page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true });
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await select.ClickAsync();
            try
            {
                await item.WaitForAsync(new() { Timeout = 3000 });
                await item.ClickAsync();
                // A single choice closes the list with a server round trip; until it has, its overlay takes the next
                // click. A multiple choice keeps the list open: then go on after a moment.
                try { await item.WaitForAsync(new() { State = WaitForSelectorState.Hidden, Timeout = 3_000 }); }
                catch (TimeoutException) { }
                return;
            }
            catch (TimeoutException) when (attempt < 2) { }
        }
    }

    /// <summary>
    /// Fills a text field and leaves it (Blazor takes the value on change), then checks the field still shows it: a
    /// field re-rendered meanwhile (a closing popover nearby re-renders its form) can come back empty. Fills again then.
    /// </summary>
    public async Task FillAndLeaveAsync(ILocator field, string value)
    {
        for (var attempt = 1; ; attempt++)
        {
            await field.FillAsync(value);
            await field.PressAsync("Tab");
            try
            {
                await Assertions.Expect(field).ToHaveValueAsync(value, new() { Timeout = 3_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3) { }
        }
    }

    /// <summary>Types into a MudAutocomplete's text box and picks the suggestion with this text.</summary>
    public async Task PickAsync(ILocator input, string text, string option)
    {
        // The suggestion list re-renders while the search runs: a click can land on a list that is being replaced,
        // so pick again until the field shows the choice.
        // A search typed before the field is wired up is never run: then clear it and type again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await input.FillAsync("");
                await input.FillAsync(text);
                await Page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option }).First.ClickAsync(new() { Timeout = 10_000 });
                await Assertions.Expect(input).ToHaveValueAsync(option, new() { Timeout = 5000 });
                return;
            }
            catch (Exception e) when ((e is PlaywrightException or TimeoutException) && attempt < 4) { }
        }
    }

    /// <summary>
    /// Chooses a file in a Blazor file input and waits until the page shows it. A file set before Blazor has wired the
    /// input up (its script marks the element) is never seen by the app, so wait for the mark first; a page that
    /// re-renders the input can drop the mark again, so check it on every attempt.
    /// </summary>
    public async Task ChooseFileAsync(ILocator input, string path, ILocator shown)
    {
        string state = "";
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var element = await input.ElementHandleAsync();
            try
            {
                await Page.WaitForFunctionAsync("el => el._blazorInputFileNextFileId !== undefined", element, new() { Timeout = 15_000 });
            }
            catch (TimeoutException) { } // set it all the same: the state below says what was wrong
            await element.SetInputFilesAsync(path);
            try
            {
                await shown.WaitForAsync(new() { Timeout = 20_000 });
                return;
            }
            catch (TimeoutException)
            {
                state = await element.EvaluateAsync<string>("el => `input connected=${el.isConnected}, files=${el.files.length}, next id=${el._blazorInputFileNextFileId}`");
                TestContext.Current.TestOutputHelper?.WriteLine($"  choose file attempt {attempt}: not shown ({state})");
            }
        }
        Assert.Fail($"The page did not take the file {Path.GetFileName(path)} ({state}) on {Page.Url}");
    }

    /// <summary>The keys of the navigation entries this user can see.</summary>
    public async Task<string[]> NavigationAsync()
    {
        // The menu authorizes its entries after it first renders (and again when the circuit starts): read the
        // entries in one step, once the menu says they are all there.
        var entries = await Page.WaitForFunctionAsync("""
            () => {
              const nav = document.querySelector('[data-testid=nav][data-nav-ready=true]');
              return nav && [...nav.querySelectorAll('[data-nav]')].map(e => e.getAttribute('data-nav'));
            }
            """);
        var keys = await entries.JsonValueAsync<string[]>();
        return keys.Order().ToArray();
    }

    public async Task ScreenshotAsync(string name, bool fullPage = true) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(AppServer.ArtifactsDir, $"{server.Provider.ToString().ToLowerInvariant()}-{name}.png"),
            FullPage = fullPage,
        });

    /// <summary>Fails if the Blazor error banner shows or any asset failed to load.</summary>
    public async Task AssertHealthyAsync()
    {
        var banner = Page.Locator("#blazor-error-ui");
        if (await banner.CountAsync() > 0)
            Assert.False(await banner.IsVisibleAsync(), "Blazor's error banner is visible on " + Page.Url);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        var styled = await Page.EvaluateAsync<bool>("() => [...document.styleSheets].some(s => (s.href || '').includes('MudBlazor'))");
        Assert.True(styled, "MudBlazor's stylesheet is not loaded on " + Page.Url);
    }

    public async ValueTask DisposeAsync()
    {
        await WriteDiagnosticsAsync();
        await context.CloseAsync();
    }

    /// <summary>
    /// What the test's output shows if it fails: where the page was, what it said, and what the app logged meanwhile,
    /// since a timeout alone does not tell a slow machine from a refused form.
    /// </summary>
    async Task WriteDiagnosticsAsync()
    {
        var output = TestContext.Current.TestOutputHelper;
        if (output is null) return;
        try
        {
            output.WriteLine($"[{server.Provider}] page at {Page.Url}");
            var alerts = await Page.Locator(".mud-alert:visible, .mud-snackbar:visible, .validation-message:visible, #blazor-error-ui:visible, #components-reconnect-modal:visible")
                .AllInnerTextsAsync().WaitAsync(TimeSpan.FromSeconds(5));
            foreach (var alert in alerts) output.WriteLine("  shows: " + alert.ReplaceLineEndings(" "));
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException) { output.WriteLine("  (page not readable: " + e.Message + ")"); }
        lock (consoleErrors) foreach (var error in consoleErrors) output.WriteLine("  console: " + error);
        foreach (var line in server.LogProblemsSince(logStart)) output.WriteLine("  app: " + line);
    }
}
