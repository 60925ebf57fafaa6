using System.Text;
using Microsoft.Playwright;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// UAT end to end on the demo program: Atlas's Pilot UAT shows its gap against the gate; a change lead records a result
/// and the rates follow; a test-tool file with a bad row is refused with line and column, and nothing of it is imported.
/// </summary>
[Trait("Category", "Browser")]
public sealed class UatBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Recording_a_result_moves_the_rates_and_a_file_with_a_bad_row_imports_nothing()
    {
        var atlas = await PortalUi.ProgramIdAsync(fixture, "Atlas");
        var change = await fixture.SignInAsync("change@portal.local");
        await PortalUi.OpenAsync(change, $"/programs/{atlas}");
        await change.GetByTestId("section-uat").ClickAsync();
        var coverage = change.GetByTestId("uat-rate-coverage");
        await Expect(coverage).ToContainTextAsync("90%");
        await Expect(coverage).ToHaveAttributeAsync("data-met", "false");
        await Expect(change.GetByTestId("uat-rate-critical")).ToContainTextAsync("COM-007, INV-004");
        await Expect(change.GetByTestId("uat-failure-area")).ToHaveCountAsync(3);
        await BrowserFixture.ScreenshotAsync(change, "uat-pilot-gap");

        var row = change.Locator("[data-testid=uat-scenario][data-key=PRJ-013]");
        await PortalUi.ChooseAsync(change, change.GetByTestId("uat-filter-area"), "Projects");
        await Expect(row.GetByTestId("uat-status")).ToHaveTextAsync("Not run");
        await row.GetByTestId("uat-record").ClickAsync();
        var dialog = change.GetByTestId("uat-record-dialog");
        await dialog.GetByTestId("uat-record-tester").FillAsync("");
        await dialog.GetByTestId("uat-record-save").ClickAsync();
        await Expect(PortalUi.FieldMessage(change, "uat-record-tester")).ToHaveTextAsync("Tester is required.");
        await dialog.GetByTestId("uat-record-tester").FillAsync("Dana Kowalski");
        await BrowserFixture.ScreenshotAsync(change, "uat-record-dialog");
        await dialog.GetByTestId("uat-record-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(row.GetByTestId("uat-status")).ToHaveTextAsync("Pass");
        await Expect(coverage).ToContainTextAsync("91.6%");
        await Expect(coverage).ToContainTextAsync("55 of 60 scenarios executed");

        await change.GetByTestId("uat-import").ClickAsync();
        var csv = "scenario_key,cycle,status,tester,executed_at,notes,defect\n" +
                  "PRJ-015,Pilot UAT,Pass,Eli Haddad,2026-11-20T10:00:00Z,,\n" +
                  "PRJ-099,Pilot UAT,Pass,Eli Haddad,2026-11-20T10:05:00Z,,\n" +
                  "TIM-013,Pilot UAT,Passed,Eli Haddad,20/11/2026,,\n";
        await change.GetByTestId("uat-import-file").SetInputFilesAsync(new FilePayload { Name = "results.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        var errors = change.GetByTestId("uat-import-error");
        await Expect(errors).ToHaveCountAsync(2);
        await Expect(errors.Nth(0)).ToContainTextAsync("3scenario_keyUnknown scenario key 'PRJ-099'");
        await Expect(errors.Nth(1)).ToContainTextAsync("4executed_at'20/11/2026' is not a date");
        await Expect(change.GetByTestId("uat-import-errors")).ToContainTextAsync("Nothing was imported.");
        await Expect(coverage).ToContainTextAsync("55 of 60 scenarios executed"); // PRJ-015 from line 2 was not imported either
        await BrowserFixture.ScreenshotAsync(change, "uat-import-errors");

        await change.SetViewportSizeAsync(400, 900);
        await BrowserFixture.ScreenshotAsync(change, "uat-narrow");
        await change.GetByTestId("uat-scenarios").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(change, "uat-narrow-scenarios");
        await change.SetViewportSizeAsync(1366, 900);
        await change.GetByTestId("uat-scenarios").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(change, "uat-scenarios");
        await change.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_program_without_uat_shows_what_to_do_first()
    {
        var harbor = await PortalUi.ProgramIdAsync(fixture, "Harbor");
        var pmo = await fixture.SignInAsync("pmo@portal.local");
        await PortalUi.OpenAsync(pmo, $"/programs/{harbor}/uat");

        await Expect(pmo.GetByTestId("uat-empty")).ToContainTextAsync("No UAT scenarios yet");
        await Expect(pmo.GetByTestId("uat-add-scenario")).ToBeVisibleAsync();
        await Expect(pmo.GetByTestId("uat-import")).ToHaveCountAsync(0); // nothing to import results into yet
        await BrowserFixture.ScreenshotAsync(pmo, "uat-empty");
        await pmo.Context.CloseAsync();
    }
}
