using System.Text;
using Microsoft.Playwright;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// The change lead closes Atlas's training gap: an LMS export with a bad row is refused with its line and column and
/// changes nothing; the fixed file brings Financial analysts over the gate. Screenshots for people to look at.
/// </summary>
[Trait("Category", "Browser")]
public sealed class TrainingBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task An_LMS_export_with_a_bad_row_imports_nothing_and_the_fixed_file_updates_the_rates()
    {
        var atlas = await PortalUi.ProgramIdAsync(fixture, "Atlas");
        var change = await fixture.SignInAsync("change@portal.local");
        await PortalUi.OpenAsync(change, $"/programs/{atlas}");
        await change.GetByTestId("section-training").ClickAsync();
        await Expect(change.Locator("h1")).ToHaveTextAsync("Training");
        await BrowserFixture.WaitForInteractiveAsync(change);
        var analysts = change.Locator("[data-testid=audience-rate][data-audience='Financial analysts']");
        await Expect(analysts).ToContainTextAsync("77.7% · 7 of 9 · below threshold");
        await Expect(change.GetByTestId("pending-total")).ToHaveTextAsync("3");
        await BrowserFixture.ScreenshotAsync(change, "training");
        await ElementScreenshotAsync(change.GetByTestId("completion-rates"), "training-rates");
        await ElementScreenshotAsync(change.GetByTestId("course-list"), "training-courses");
        await ElementScreenshotAsync(change.GetByTestId("pending-list"), "training-pending");

        var enrolled = DateTime.UtcNow.AddDays(-30).ToString("yyyy-MM-dd");
        var done = DateTime.UtcNow.ToString("yyyy-MM-dd");
        const string header = "email,course_code,enrolled_date,completed_date,score\n";
        var good = $"rafael.duarte@atlas-demo.example.com,FIN-202,{enrolled},{done},81\nviktor.hale@atlas-demo.example.com,fin-202,{enrolled},{done},\n";
        await change.GetByTestId("open-training-import").ClickAsync();
        await Upload(change, header + good + $"unknown.person@atlas-demo.example.com,FIN-202,{enrolled},31/12/2026,\n");
        var errors = change.GetByTestId("training-import-error");
        await Expect(errors).ToHaveCountAsync(2);
        await Expect(errors.Nth(0)).ToContainTextAsync("4email");
        await Expect(errors.Nth(1)).ToContainTextAsync("4completed_date");
        await Expect(change.GetByTestId("training-import-errors")).ToContainTextAsync("Nothing was imported.");
        await Expect(analysts).ToContainTextAsync("77.7% · 7 of 9");
        await BrowserFixture.ScreenshotAsync(change, "training-import-errors");

        await Upload(change, header + good);
        await Expect(change.GetByTestId("training-import-result")).ToContainTextAsync("Imported 2 rows: 0 added, 2 changed, 0 unchanged.");
        await Expect(analysts).ToContainTextAsync("100% · 9 of 9");
        await Expect(analysts.Locator(".completion-met")).ToHaveCountAsync(1);
        await Expect(change.GetByTestId("pending-total")).ToHaveTextAsync("1");
        await ElementScreenshotAsync(change.GetByTestId("completion-rates"), "training-rates-after-import");

        await Upload(change, header + good);
        await Expect(change.GetByTestId("training-import-result")).ToContainTextAsync("Nothing changed: all 2 rows match what is stored.");

        // A course without code or title: each error next to its field.
        await change.GetByTestId("add-course").ClickAsync();
        await change.GetByTestId("course-save").ClickAsync();
        await Expect(PortalUi.Dialog(change).Locator(".validation-message")).ToHaveCountAsync(3);
        await Expect(PortalUi.Dialog(change)).ToContainTextAsync("Course code is required.");
        await BrowserFixture.ScreenshotAsync(change, "training-course-dialog");
        await change.Keyboard.PressAsync("Escape");

        // A narrow window stacks the bars under their names.
        var narrow = await fixture.SignInAsync("viewer@portal.local", width: 400, height: 860);
        await PortalUi.OpenAsync(narrow, $"/programs/{atlas}/training");
        await Expect(narrow.GetByTestId("add-course")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(narrow, "training-narrow");

        // A program without courses says how to start.
        var pmo = await fixture.SignInAsync("pmo@portal.local");
        await PortalUi.OpenAsync(pmo, $"/programs/{await PortalUi.ProgramIdAsync(fixture, "Harbor")}/training");
        await Expect(pmo.GetByTestId("training-empty")).ToContainTextAsync("No training courses yet");
        await BrowserFixture.ScreenshotAsync(pmo, "training-empty");
    }

    private static Task Upload(IPage page, string csv) => page.GetByTestId("training-import-file")
        .SetInputFilesAsync(new FilePayload { Name = "lms-export.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });

    /// <summary>The app scrolls inside its layout, so a full-page shot stops at the window; parts further down are shot on their own.</summary>
    private static Task ElementScreenshotAsync(ILocator element, string name) =>
        element.ScreenshotAsync(new() { Path = Path.Combine(TestEnvironment.RepositoryRoot, "artifacts", "screenshots", name + ".png"), Animations = ScreenshotAnimations.Disabled });
}
