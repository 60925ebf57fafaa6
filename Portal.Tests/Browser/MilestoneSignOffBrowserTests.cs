using Microsoft.Playwright;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// A sign-off on a whole milestone: the PMO lead requires the sponsor's signature on the Go-Live change milestone, the
/// milestone shows it as unmet, the sponsor signs it with the password re-entered, and the requirement is met.
/// </summary>
[Trait("Category", "Browser")]
public sealed class MilestoneSignOffBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string GoLiveChange = "Executive communications reference new system data";

    [BrowserFact]
    public async Task Pmo_lead_requires_a_whole_milestone_sign_off_and_the_sponsor_signs_it()
    {
        var atlas = await PortalUi.ProgramIdAsync(fixture, "Atlas");
        var pmo = await fixture.SignInAsync("pmo@portal.local");
        await PortalUi.OpenAsync(pmo, $"/programs/{atlas}");
        await pmo.GetByTestId("phase-Go-Live").GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^" + GoLiveChange) }).ClickAsync();
        await BrowserFixture.WaitForInteractiveAsync(pmo);
        var panel = pmo.GetByTestId("milestone-signoff");
        await Expect(panel).ToContainTextAsync("Not required for this milestone to be met");

        await PortalUi.ChooseAsync(pmo, panel.GetByTestId("required-signoffs"), "Executive sponsor");
        await pmo.Keyboard.PressAsync("Escape");
        await panel.GetByTestId("save-required-signoffs").ClickAsync();
        await Expect(panel).ToContainTextAsync("Required before the milestone is met: Executive sponsor.");
        await Expect(panel.GetByTestId("milestone-signoff-missing")).ToHaveTextAsync("Sign-off missing: Executive sponsor (on the whole milestone)");
        await Expect(pmo.GetByTestId("milestone-history")).ToContainTextAsync("SignOffsRequired");
        await BrowserFixture.ScreenshotAsync(pmo, "milestone-signoff-required");
        var milestonePath = new Uri(pmo.Url).PathAndQuery;

        var sponsor = await fixture.SignInAsync("sponsor@portal.local");
        await PortalUi.OpenAsync(sponsor, milestonePath);
        await sponsor.GetByTestId("milestone-signoff").GetByTestId("sign-milestone").ClickAsync();
        var dialog = sponsor.GetByTestId("signoff-dialog");
        await Expect(dialog).ToContainTextAsync(GoLiveChange);
        await BrowserFixture.ScreenshotAsync(sponsor, "milestone-signoff-dialog");
        await dialog.GetByTestId("signoff-password").FillAsync(BrowserFixture.DemoPassword);
        await dialog.GetByTestId("signoff-confirm").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        var signed = sponsor.GetByTestId("milestone-signoff");
        await Expect(signed.Locator(".signoff-list")).ToContainTextAsync("Daniel Okafor · Approved");
        await Expect(signed.GetByTestId("milestone-signoff-met")).ToBeVisibleAsync();
        await Expect(signed.GetByTestId("milestone-signoff-missing")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(sponsor, "milestone-signoff-signed");
        await sponsor.Context.CloseAsync();
    }
}
