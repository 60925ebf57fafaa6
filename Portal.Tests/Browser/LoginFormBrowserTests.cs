using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// Bad input on the login form. The lockout test locks owner@ for good on this class's own server, so no
/// other test in this class signs in as owner@; the others use different accounts.
/// </summary>
[Trait("Category", "Browser")]
public sealed class LoginFormBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Empty_fields_show_a_message_next_to_each_field()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await BrowserFixture.ScreenshotAsync(page, "login");

        await page.ClickAsync("button[type=submit]");

        await Expect(PortalUi.AccountFieldMessage(page, "email")).ToHaveTextAsync("Enter your work email.");
        await Expect(PortalUi.AccountFieldMessage(page, "password")).ToHaveTextAsync("Enter your password.");
        await Expect(page.GetByTestId("login-error")).ToHaveCountAsync(0);
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login$"));
    }

    [BrowserFact]
    public async Task Malformed_email_is_explained_next_to_the_email_field()
    {
        var page = await fixture.NewPageAsync();

        await PortalUi.SubmitLoginAsync(page, "viewer-at-portal.local", "whatever-it-is");

        await Expect(PortalUi.AccountFieldMessage(page, "email")).ToHaveTextAsync("Enter an email address like name@company.com.");
        await Expect(PortalUi.AccountFieldMessage(page, "password")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task Wrong_password_says_the_email_or_password_is_not_correct()
    {
        var page = await fixture.NewPageAsync();

        await PortalUi.SubmitLoginAsync(page, "it@portal.local", "not-the-right-password");

        await Expect(page.GetByTestId("login-error")).ToHaveTextAsync("The email or password is not correct.");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login$"));
        await Expect(page.Locator("#email")).ToHaveValueAsync("it@portal.local");
        await BrowserFixture.ScreenshotAsync(page, "login-error");
    }

    [BrowserFact]
    public async Task Unknown_email_gets_the_same_message_as_a_wrong_password()
    {
        var page = await fixture.NewPageAsync();

        await PortalUi.SubmitLoginAsync(page, "nobody@portal.local", BrowserFixture.DemoPassword);

        await Expect(page.GetByTestId("login-error")).ToHaveTextAsync("The email or password is not correct.");
    }

    [BrowserFact]
    public async Task Five_wrong_passwords_lock_the_account_and_then_even_the_right_one_is_refused()
    {
        const string email = "owner@portal.local";
        var page = await fixture.NewPageAsync();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await PortalUi.SubmitLoginAsync(page, email, $"wrong-password-{attempt}");
            await Expect(page.GetByTestId("login-error")).ToHaveTextAsync("The email or password is not correct.");
        }

        await PortalUi.SubmitLoginAsync(page, email, "wrong-password-5");
        await Expect(page.GetByTestId("login-error"))
            .ToHaveTextAsync(new Regex(@"^This account is locked until \d{2}:\d{2} UTC after 5 failed sign-ins\."));
        await BrowserFixture.ScreenshotAsync(page, "login-locked");

        await PortalUi.SubmitLoginAsync(page, email, BrowserFixture.DemoPassword);
        await Expect(page.GetByTestId("login-error")).ToContainTextAsync("This account is locked");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login$"));
    }
}
