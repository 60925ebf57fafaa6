using System.Text.RegularExpressions;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// A lost circuit must be visible to the user. Portal serves ASP.NET Core 9's blazor.web.js (ADR-002), which
/// drives #components-reconnect-modal through CSS classes; this checks that it really does in Chromium.
/// The test stops this class's server, so the class must hold this one test only.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ReconnectBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Stopping_the_server_shows_the_reconnect_dialog_with_a_readable_message()
    {
        var page = await fixture.SignInAsync("admin@portal.local");
        var modal = page.Locator("#components-reconnect-modal");
        await Expect(modal).ToBeHiddenAsync();

        await fixture.Server.StopAsync();

        await Expect(modal).ToHaveClassAsync(new Regex(@"\bcomponents-reconnect-(show|failed|rejected)\b"));
        await Expect(modal).ToBeVisibleAsync();
        var message = modal.Locator("p:visible");
        await Expect(message).ToHaveCountAsync(1);
        await Expect(message).ToHaveTextAsync(new Regex("Connection to Portal lost|could not reconnect|session on the server has ended"));
        await BrowserFixture.ScreenshotAsync(page, "reconnect");
    }
}
