using System.Text;
using Microsoft.Playwright;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// The gate end to end on the demo program: the PMO lead is refused completing the Pilot technical milestone,
/// records the missing evidence, the process owner and the sponsor sign it off (password re-entered), the change
/// lead closes the training and UAT gaps by importing the LMS export and the retest results, and the PMO lead then
/// completes the milestone.
/// </summary>
[Trait("Category", "Browser")]
public sealed class PairedMilestoneBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Outcome = "At least one financial outcome attributable to the new visibility documented";

    [BrowserFact]
    public async Task Pmo_lead_is_refused_then_meets_the_criterion_with_sign_offs_and_completes_the_milestone()
    {
        var atlas = await PortalUi.ProgramIdAsync(fixture, "Atlas");
        var pmo = await fixture.SignInAsync("pmo@portal.local");
        await PortalUi.OpenAsync(pmo, $"/programs/{atlas}");
        await Expect(pmo.GetByTestId("current-phase")).ToHaveTextAsync("Pilot");
        await BrowserFixture.ScreenshotAsync(pmo, "program-phases");

        var pilot = pmo.GetByTestId("phase-Pilot");
        await pilot.GetByRole(AriaRole.Button, new() { Name = "Complete" }).ClickAsync();
        var refusal = pmo.GetByTestId("gate-refusal");
        await Expect(refusal).ToContainTextAsync($"Evidence missing: {Outcome}");
        await Expect(refusal).ToContainTextAsync("Sign-off missing: Finance process owner");
        await Expect(refusal).ToContainTextAsync("Sign-off missing: Executive sponsor");
        await Expect(refusal).ToContainTextAsync("Training completion 77.7% < 90% for Financial analysts");
        await Expect(refusal).ToContainTextAsync("UAT coverage 90% < 100%");
        await BrowserFixture.ScreenshotAsync(pmo, "gate-refusal");

        await refusal.GetByRole(AriaRole.Button, new() { Name = "Open the change milestone" }).ClickAsync();
        var criterion = pmo.Locator("article.criterion").Filter(new() { HasText = Outcome });
        await criterion.GetByTestId("evidence").FillAsync("Pilot week 6: early payment discount of EUR 18,400 captured on PO 4500-2291 thanks to the commitment view.");
        await criterion.GetByTestId("save-evidence").ClickAsync();
        await Expect(criterion.Locator(".unmet-list")).Not.ToContainTextAsync("Evidence missing");

        var changeMilestoneUrl = pmo.Url;
        await SignAsync("owner@portal.local", changeMilestoneUrl, wrongPasswordFirst: true);
        await SignAsync("sponsor@portal.local", changeMilestoneUrl, wrongPasswordFirst: false);

        await PortalUi.OpenAsync(pmo, $"/programs/{atlas}");
        await Expect(pilot.Locator(".status-chip").Nth(1)).Not.ToHaveTextAsync("Met"); // training and UAT still short
        await CloseTrainingAndUatGapsAsync(atlas);

        await PortalUi.OpenAsync(pmo, $"/programs/{atlas}");
        await Expect(pilot.Locator(".status-chip").Nth(1)).ToHaveTextAsync("Met");
        await pilot.GetByRole(AriaRole.Button, new() { Name = "Complete" }).ClickAsync();
        await Expect(pilot.Locator(".status-chip").First).ToHaveTextAsync("Complete");

        await pilot.GetByTestId("close-phase").ClickAsync();
        await Expect(pmo.GetByTestId("current-phase")).ToHaveTextAsync("Go-Live");
        await BrowserFixture.ScreenshotAsync(pmo, "program-phases-after-complete");
    }

    /// <summary>The two analysts finish the data-quality course and the failed, blocked and unrun Pilot scenarios pass on retest.</summary>
    private async Task CloseTrainingAndUatGapsAsync(int atlas)
    {
        var change = await fixture.SignInAsync("change@portal.local");
        await PortalUi.OpenAsync(change, $"/programs/{atlas}/training");
        await change.GetByTestId("open-training-import").ClickAsync();
        await UploadUntilImportedAsync(change, "training-import-file", DemoPilotGaps.LmsExport(DateTime.UtcNow), "training-import-result", "Imported 2 rows");

        await PortalUi.OpenAsync(change, $"/programs/{atlas}/uat");
        await change.GetByTestId("uat-import").ClickAsync();
        await UploadUntilImportedAsync(change, "uat-import-file", DemoPilotGaps.UatRetest(DateTime.UtcNow), "uat-import-result", "Imported 9 rows");
        await Expect(change.GetByTestId("uat-rate-coverage")).ToContainTextAsync("60 of 60 scenarios executed");
        await change.Context.CloseAsync();
    }

    /// <summary>
    /// A file set on an InputFile the moment its panel renders can land before Blazor has hooked the input up, and is then
    /// never read; setting it again is harmless because the imports are idempotent.
    /// </summary>
    private static async Task UploadUntilImportedAsync(IPage page, string inputTestId, string csv, string resultTestId, string expected)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.GetByTestId(inputTestId)
                .SetInputFilesAsync(new FilePayload { Name = "export.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
            try
            {
                await Expect(page.GetByTestId(resultTestId)).ToContainTextAsync(expected, new() { Timeout = 10_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
    }

    private async Task SignAsync(string email, string url, bool wrongPasswordFirst)
    {
        var signer = await fixture.SignInAsync(email);
        await PortalUi.OpenAsync(signer, new Uri(url).PathAndQuery);
        var criterion = signer.Locator("article.criterion").Filter(new() { HasText = Outcome });
        await criterion.GetByTestId("sign-off").ClickAsync();
        var dialog = signer.GetByTestId("signoff-dialog");
        if (wrongPasswordFirst)
        {
            await dialog.GetByTestId("signoff-password").FillAsync("not-my-password-123");
            await dialog.GetByTestId("signoff-confirm").ClickAsync();
            await Expect(dialog).ToContainTextAsync("The password is not correct.");
            await BrowserFixture.ScreenshotAsync(signer, "signoff-wrong-password");
        }
        await dialog.GetByTestId("signoff-password").FillAsync(BrowserFixture.DemoPassword);
        await dialog.GetByTestId("signoff-confirm").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(criterion.Locator(".signoff-list")).ToContainTextAsync(email.StartsWith("owner") ? "Mara Lindqvist" : "Daniel Okafor");
        await Expect(signer.GetByTestId("milestone-history")).ToContainTextAsync("SignedOff");
        if (!wrongPasswordFirst)
            await BrowserFixture.ScreenshotAsync(signer, "milestone-signed");
        await signer.Context.CloseAsync();
    }
}
