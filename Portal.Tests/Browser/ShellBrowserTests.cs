using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

[Trait("Category", "Browser")]
public sealed class ShellBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Administrator_signs_in_and_sees_portfolio_and_admin_navigation()
    {
        var page = await fixture.SignInAsync("admin@portal.local");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Portfolio");
        await Assertions.Expect(page.GetByTestId("portfolio-programs").Locator(".program-card")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".portal-nav")).ToContainTextAsync("Users");
        await BrowserFixture.ScreenshotAsync(page, "portfolio-admin");
    }
}
