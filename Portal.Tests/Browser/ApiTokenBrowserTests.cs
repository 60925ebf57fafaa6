using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>Creating a personal API token on the profile page, using it once, and revoking it.</summary>
[Trait("Category", "Browser")]
public sealed class ApiTokenBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task A_token_is_shown_once_listed_usable_and_revocable()
    {
        var page = await fixture.SignInAsync("it@portal.local");
        await page.GotoAsync("/Account/Profile");

        await page.ClickAsync("text=Create token");
        await Expect(PortalUi.AccountFieldMessage(page, "tokenName")).ToHaveTextAsync("Give the token a name, so you can tell it apart later.");

        await page.FillAsync("#tokenName", "Reporting script");
        await page.SelectOptionAsync("#tokenLifetime", "30");
        await page.ClickAsync("text=Create token");

        await Expect(page.GetByTestId("new-token")).ToContainTextAsync("Copy it now: it will not be shown again.");
        var secret = await page.GetByTestId("new-token-secret").InputValueAsync();
        Assert.Matches("^pat_[A-Za-z0-9_-]{43}$", secret);
        var row = page.GetByTestId("token-row").Filter(new() { HasText = "Reporting script" });
        await Expect(row).ToContainTextAsync(secret[..12]);
        await Expect(row).ToContainTextAsync("never");
        await BrowserFixture.ScreenshotAsync(page, "profile-tokens");

        var api = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.Server.BaseAddress.ToString() });
        var me = await api.APIRequest.GetAsync("/api/me", new() { Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + secret } });
        Assert.Equal(200, me.Status);
        Assert.Contains("Tomasz Nowak", await me.TextAsync());

        await page.GotoAsync("/Account/Profile");
        await Expect(page.GetByTestId("new-token")).ToHaveCountAsync(0);
        await Expect(row).ToContainTextAsync(new Regex(@"\d{4}-\d{2}-\d{2}\s*Revoke$"));

        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke Reporting script" }).ClickAsync();

        await Expect(page.Locator(".notice")).ToContainTextAsync("The token was revoked.");
        await Expect(row).ToContainTextAsync("revoked");
        var after = await api.APIRequest.GetAsync("/api/me", new() { Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + secret } });
        Assert.Equal(401, after.Status);
        await api.DisposeAsync();
    }
}
