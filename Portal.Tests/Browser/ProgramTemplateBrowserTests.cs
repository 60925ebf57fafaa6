using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// The PMO lead saves the demo program's plan as a template (a taken name is refused next to the field), then
/// starts a new program from it and finds the same phases and milestones on its overview.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ProgramTemplateBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Pmo_saves_atlas_as_a_template_and_creates_a_program_with_the_same_phases_from_it()
    {
        var atlas = await PortalUi.ProgramIdAsync(fixture, "Atlas");
        var templateName = "Atlas plan " + Guid.NewGuid().ToString("N")[..8];
        var programName = "Comet " + Guid.NewGuid().ToString("N")[..8] + ": ERP and HCM";
        var pmo = await fixture.SignInAsync("pmo@portal.local");
        await PortalUi.OpenAsync(pmo, $"/programs/{atlas}");
        var phaseNames = await pmo.Locator(".phase-row .cell-title").AllTextContentsAsync();
        var milestoneNames = await pmo.Locator(".phase-milestone .milestone-name").AllTextContentsAsync();
        Assert.Equal(6, phaseNames.Count);

        await pmo.GetByTestId("save-as-template").ClickAsync();
        var dialog = PortalUi.Dialog(pmo);
        await dialog.GetByTestId("template-name").FillAsync("Technology and change as one program");
        await dialog.GetByTestId("save-template").ClickAsync();
        await Expect(PortalUi.FieldMessage(pmo, "template-name")).ToHaveTextAsync("A template with this name already exists.");
        await BrowserFixture.ScreenshotAsync(pmo, "template-save-dialog-duplicate");
        await dialog.GetByTestId("template-name").FillAsync(templateName);
        await dialog.GetByTestId("template-description").FillAsync("Atlas's plan as it stands in its pilot: PPM and ERP, six phases.");
        // Leave the field so its change reaches the circuit before Save reads the form (under load the click could win).
        await dialog.GetByTestId("template-description").PressAsync("Tab");
        await BrowserFixture.ScreenshotAsync(pmo, "template-save-dialog");
        await dialog.GetByTestId("save-template").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(pmo.Locator(".rz-notification")).ToContainTextAsync("Template saved.");

        await PortalUi.OpenAsync(pmo, "/programs");
        await Expect(pmo.GetByTestId("templates-grid")).ToContainTextAsync(templateName);
        await BrowserFixture.ScreenshotAsync(pmo, "template-programs-list");
        await pmo.GetByTestId("new-program").ClickAsync();
        await dialog.GetByTestId("program-name").FillAsync(programName);
        var picker = dialog.GetByTestId("program-template");
        await Expect(picker).ToContainTextAsync("Technology and change as one program");
        await picker.ClickAsync();
        var item = pmo.Locator(".rz-dropdown-item:visible").Filter(new() { HasText = templateName });
        await Expect(item).ToContainTextAsync("6 phases, 12 milestones · saved by Priya Natarajan");
        await BrowserFixture.ScreenshotAsync(pmo, "template-create-dialog-open");
        await item.ClickAsync();
        await Expect(dialog.GetByTestId("program-template-description")).ToContainTextAsync("Atlas's plan as it stands in its pilot");
        await BrowserFixture.ScreenshotAsync(pmo, "template-create-dialog");
        await dialog.GetByTestId("create-program").ClickAsync();

        await Expect(pmo).ToHaveURLAsync(new Regex(@"/programs/\d+$"));
        await Expect(pmo.Locator("h1[data-testid=program-name]")).ToHaveTextAsync(programName);
        await Expect(pmo.Locator(".phase-row .cell-title")).ToHaveTextAsync(phaseNames.ToArray());
        await Expect(pmo.Locator(".phase-milestone .milestone-name")).ToHaveTextAsync(milestoneNames.ToArray());
        await Expect(pmo.GetByTestId("current-phase")).ToHaveTextAsync("Discovery");
        await BrowserFixture.ScreenshotAsync(pmo, "template-new-program");
    }
}
