using Microsoft.Playwright;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// One Portal server (fresh database, demo data) and one headless Chromium shared by a browser test class.
/// Each test opens its own browser context, so cookies never leak between tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string DemoPassword = "Portal-Demo-2026!";
    private IPlaywright? _playwright;

    public PortalServer Server { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        if (TestEnvironment.ChromiumPath is null && !TestEnvironment.IsCi)
            return; // tests skip themselves
        Server = await PortalServer.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.ChromiumPath ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1366, int height = 860)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the real login form and waits for the interactive portfolio page.</summary>
    public async Task<IPage> SignInAsync(string email, string password = DemoPassword, int width = 1366, int height = 860)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/portfolio");
        await WaitForInteractiveAsync(page);
        return page;
    }

    /// <summary>Waits until the Blazor circuit is connected, so clicks reach the server.</summary>
    public static async Task WaitForInteractiveAsync(IPage page) =>
        await page.WaitForSelectorAsync("body[data-interactive='true']", new() { State = WaitForSelectorState.Attached });

    /// <summary>Saves a screenshot under artifacts/screenshots for people to look at; never asserted on.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(TestEnvironment.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        // Animations finished: a dialog caught mid-fade would look broken when it is not.
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(folder, name + ".png"), FullPage = true, Animations = ScreenshotAnimations.Disabled,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
    }
}
