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
        await Assertions.Expect(page.GetByTestId("portfolio-row")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".portal-nav")).ToContainTextAsync("Users");
        await BrowserFixture.ScreenshotAsync(page, "portfolio-admin");
    }

    [BrowserFact]
    public async Task Portfolio_and_users_pages_render_at_phone_width()
    {
        var page = await fixture.SignInAsync("admin@portal.local", width: 390, height: 844);

        await Assertions.Expect(page.GetByTestId("portfolio-row")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("form.portal-logout button")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "portfolio-narrow");

        await PortalUi.OpenAsync(page, "/admin/users");
        await Assertions.Expect(PortalUi.UserRow(page, "admin@portal.local")).ToBeAttachedAsync();
        await Assertions.Expect(page.GetByTestId("new-user")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "admin-users-narrow");
    }

    [BrowserFact]
    public async Task Users_page_lists_the_demo_accounts()
    {
        var page = await fixture.SignInAsync("admin@portal.local");
        await PortalUi.OpenAsync(page, "/admin/users");

        await Assertions.Expect(page.GetByTestId("users-grid").Locator("tr.rz-data-row")).ToHaveCountAsync(7);
        await Assertions.Expect(PortalUi.UserRow(page, "viewer@portal.local")).ToContainTextAsync("Jordan Blake");
        await BrowserFixture.ScreenshotAsync(page, "admin-users");
    }
}
