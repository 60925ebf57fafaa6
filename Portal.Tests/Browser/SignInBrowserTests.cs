using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// Signing in and out as each demo role, and what each role is refused. Nothing here changes data, so the
/// tests share one server; each opens its own browser context.
/// </summary>
[Trait("Category", "Browser")]
public sealed class SignInBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string[] CommonNavigation = ["Portfolio", "Programs", "My actions", "Reports", "Integration health", "Sync exceptions"];
    private static readonly string[] PmoNavigation = [.. CommonNavigation, "Audit trail"];
    private static readonly string[] AdminNavigation = [.. PmoNavigation, "Admin", "Users", "Jobs"];

    [BrowserTheory]
    [InlineData("admin@portal.local", "Alex Morgan", true, "Atlas", "Harbor")]
    [InlineData("pmo@portal.local", "Priya Natarajan", false, "Atlas", "Harbor")]
    [InlineData("sponsor@portal.local", "Daniel Okafor", false, "Atlas", "Harbor")]
    [InlineData("owner@portal.local", "Mara Lindqvist", false, "Atlas")]
    [InlineData("change@portal.local", "Sofia Reyes", false, "Atlas")]
    [InlineData("it@portal.local", "Tomasz Nowak", false, "Atlas")]
    [InlineData("viewer@portal.local", "Jordan Blake", false, "Atlas")]
    public async Task Each_demo_role_signs_in_to_its_portfolio_and_signs_out(string email, string printedName, bool isAdmin, params string[] programs)
    {
        var page = await fixture.SignInAsync(email);

        await Expect(page).ToHaveURLAsync(new Regex("/portfolio$"));
        await Expect(page.Locator(".portal-user-name")).ToHaveTextAsync(printedName);
        await Expect(page.Locator(".portal-nav .rz-navigation-item-text")).ToHaveTextAsync(isAdmin ? AdminNavigation : email.StartsWith("pmo@") ? PmoNavigation : CommonNavigation);
        await Expect(page.GetByTestId("open-scorecard"))
            .ToHaveTextAsync(programs.Select(p => new Regex("^" + p + ":")));
        if (email.StartsWith("viewer@"))
            await BrowserFixture.ScreenshotAsync(page, "portfolio-viewer"); // the administrator's: ShellBrowserTests

        await page.ClickAsync("form.portal-logout button[type=submit]");

        await Expect(page).ToHaveURLAsync(new Regex(@"/Account/Login\?reason=signedout$"));
        await Expect(page.Locator(".notice")).ToHaveTextAsync("You have signed out.");
        await page.GotoAsync("/portfolio");
        await Expect(page).ToHaveURLAsync(new Regex(@"/Account/Login\?ReturnUrl=%2Fportfolio$"));
        await Expect(page.Locator("#email")).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task Unauthenticated_visit_redirects_to_login_and_returns_to_the_page_after_sign_in()
    {
        var atlas = await PortalUi.ProgramIdAsync(fixture, "Atlas");
        var page = await fixture.NewPageAsync();

        await page.GotoAsync($"/programs/{atlas}");
        await Expect(page).ToHaveURLAsync(new Regex($@"/Account/Login\?ReturnUrl=%2Fprograms%2F{atlas}$"));

        await page.FillAsync("#email", "viewer@portal.local");
        await page.FillAsync("#password", BrowserFixture.DemoPassword);
        await page.ClickAsync("button[type=submit]");

        await Expect(page).ToHaveURLAsync(new Regex($"/programs/{atlas}$"));
        await Expect(page.GetByTestId("program-name")).ToHaveTextAsync(new Regex("^Atlas:"));
    }

    [BrowserTheory]
    [InlineData("viewer@portal.local")]
    [InlineData("pmo@portal.local")]
    public async Task Non_administrator_loading_the_users_page_is_sent_to_access_denied(string email)
    {
        var page = await fixture.SignInAsync(email);

        await page.GotoAsync("/admin/users");

        await Expect(page).ToHaveURLAsync(new Regex(@"/Account/AccessDenied\?ReturnUrl=%2Fadmin%2Fusers$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Access denied");
        await Expect(page.GetByTestId("users-grid")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("new-user")).ToHaveCountAsync(0);
        if (email.StartsWith("viewer@"))
            await BrowserFixture.ScreenshotAsync(page, "access-denied-full-load");
    }

    [BrowserTheory]
    [InlineData("viewer@portal.local")]
    [InlineData("pmo@portal.local")]
    public async Task Non_administrator_navigating_in_app_to_the_users_page_sees_the_access_denied_message(string email)
    {
        var page = await fixture.SignInAsync(email);

        // What a bookmark or pasted link does inside a live circuit: the interactive router handles it.
        await page.EvaluateAsync("() => Blazor.navigateTo('/admin/users')");

        await Expect(page).ToHaveURLAsync(new Regex("/admin/users$"));
        await Expect(page.Locator(".portal-state h1")).ToHaveTextAsync("You do not have access to this page");
        await Expect(page.GetByTestId("users-grid")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("new-user")).ToHaveCountAsync(0);
        if (email.StartsWith("viewer@"))
            await BrowserFixture.ScreenshotAsync(page, "access-denied");
    }

    [BrowserFact]
    public async Task Viewer_opening_a_program_they_are_not_a_member_of_gets_not_found_with_status_404()
    {
        var harbor = await PortalUi.ProgramIdAsync(fixture, "Harbor");
        var page = await fixture.SignInAsync("viewer@portal.local");

        var response = await page.GotoAsync($"/programs/{harbor}");

        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Not found");
        await Expect(page.Locator("body")).Not.ToContainTextAsync("Harbor"); // existence must not leak
        await Expect(page).Not.ToHaveTitleAsync(new Regex("Harbor"));
        await BrowserFixture.ScreenshotAsync(page, "not-found");
    }

    [BrowserFact]
    public async Task Viewer_opens_a_program_they_are_a_member_of_but_cannot_manage_its_members()
    {
        var atlas = await PortalUi.ProgramIdAsync(fixture, "Atlas");
        var page = await fixture.SignInAsync("viewer@portal.local");

        var response = await PortalUi.OpenAsync(page, $"/programs/{atlas}");

        Assert.Equal(200, response!.Status);
        await Expect(page.GetByTestId("program-name")).ToHaveTextAsync(new Regex("^Atlas:"));
        await Expect(page.GetByTestId("members-grid")).ToContainTextAsync("Jordan Blake");
        await Expect(page.GetByTestId("member-save")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("member-add")).ToHaveCountAsync(0);
    }
}
