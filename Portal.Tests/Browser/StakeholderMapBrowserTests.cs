using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// The change lead works on Atlas's stakeholder map: assesses a group into a hotspot and sees it ranked first, then imports a CSV
/// with a bad row and sees each problem by line and column with nothing imported. Screenshots for people to look at.
/// </summary>
[Trait("Category", "Browser")]
public sealed class StakeholderMapBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Change_lead_assesses_a_group_into_a_hotspot_and_a_csv_with_a_bad_row_imports_nothing()
    {
        var atlas = await PortalUi.ProgramIdAsync(fixture, "Atlas");
        var change = await fixture.SignInAsync("change@portal.local");
        await PortalUi.OpenAsync(change, $"/programs/{atlas}");
        await change.GetByTestId("section-stakeholders").ClickAsync();
        await Expect(change.Locator("h1")).ToHaveTextAsync("Stakeholder map");
        await BrowserFixture.WaitForInteractiveAsync(change);
        var hotspots = change.GetByTestId("hotspot");
        await Expect(hotspots.First).ToHaveAttributeAsync("data-name", "Financial analysts");
        await Expect(change.GetByTestId("groups-assessed")).ToHaveTextAsync("6 of 6");
        await BrowserFixture.ScreenshotAsync(change, "stakeholder-map");
        await ElementScreenshotAsync(change.GetByTestId("influence-impact-grid"), "stakeholder-grid");
        await ElementScreenshotAsync(change.GetByTestId("group-table"), "stakeholder-groups");

        // PMO analysts turn out to be strongly against it: influence 5, impact 5.
        await change.Locator("[data-testid=group-row][data-name='PMO analysts']").GetByTestId("assess-group").ClickAsync();
        var dialog = change.GetByTestId("assessment-dialog");
        await dialog.GetByTestId("assess-influence").GetByText("5", new() { Exact = true }).ClickAsync();
        await dialog.GetByTestId("assess-impact").GetByText("5", new() { Exact = true }).ClickAsync();
        await PortalUi.ChooseAsync(change, dialog.GetByTestId("assess-current"), "Strong resistance");
        await PortalUi.ChooseAsync(change, dialog.GetByTestId("assess-type"), "PM workload");
        await dialog.GetByTestId("assess-notes").FillAsync("Monthly pack team fears the PMO reporting role disappears.");
        await Expect(dialog.GetByTestId("assess-preview")).ToHaveTextAsync("This makes PMO analysts a resistance hotspot (score 50).");
        await BrowserFixture.ScreenshotAsync(change, "stakeholder-assessment-dialog");
        await dialog.GetByTestId("assess-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(hotspots.First).ToHaveAttributeAsync("data-name", "PMO analysts");
        await Expect(hotspots.First).ToContainTextAsync("Strong resistance");
        await Expect(change.Locator("[data-testid=grid-bubble][data-name='PMO analysts'] title")).ToHaveTextAsync(new Regex("influence 5, impact 5, Strong resistance"));

        // Its history shows both assessments.
        await change.Locator("[data-testid=group-row][data-name='PMO analysts']").GetByTestId("group-history").ClickAsync();
        await Expect(change.GetByTestId("history-row")).ToHaveCountAsync(2);
        await BrowserFixture.ScreenshotAsync(change, "stakeholder-history");
        await change.Keyboard.PressAsync("Escape");
        await Expect(change.GetByTestId("history-dialog")).ToHaveCountAsync(0);

        // A file with one good and one bad row: every problem listed by line and column, nothing imported.
        await change.GetByTestId("open-import").ClickAsync();
        var csv = "email,name,title,group,process_area,influence,impact,current_support,target_support\n" +
                  "new.analyst@atlas-demo.example.com,New Analyst,Financial analyst,Financial analysts,Invoices,,,,\n" +
                  "bad.row@atlas-demo.example.com,Bad Row,Buyer,Procurement,Purchase orders,9,3,Neutral,Supportive\n";
        await change.GetByTestId("import-file").SetInputFilesAsync(new FilePayload { Name = "people.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        var errors = change.GetByTestId("import-error");
        await Expect(errors).ToHaveCountAsync(2);
        await Expect(errors.Nth(0)).ToContainTextAsync("3group");
        await Expect(errors.Nth(0)).ToContainTextAsync("Unknown group 'Procurement'");
        await Expect(errors.Nth(1)).ToContainTextAsync("3influence");
        await Expect(errors.Nth(1)).ToContainTextAsync("Influence must be from 1 to 5 (it is 9).");
        await Expect(change.GetByTestId("import-errors")).ToContainTextAsync("Nothing was imported.");
        await BrowserFixture.ScreenshotAsync(change, "stakeholder-import-errors");
        await change.GetByTestId("people-search").FillAsync("new.analyst");
        await change.GetByTestId("people-search").PressAsync("Enter");
        await Expect(change.GetByTestId("people-grid")).ToContainTextAsync("Nobody matches.");

        // A narrow window: everything stacks and stays readable.
        var narrow = await fixture.SignInAsync("change@portal.local", width: 400, height: 860);
        await PortalUi.OpenAsync(narrow, $"/programs/{atlas}/stakeholders");
        await Expect(narrow.GetByTestId("hotspot").First).ToHaveAttributeAsync("data-name", "PMO analysts");
        await BrowserFixture.ScreenshotAsync(narrow, "stakeholder-map-narrow");
        await ElementScreenshotAsync(narrow.GetByTestId("hotspot-list"), "stakeholder-hotspots-narrow");
        await ElementScreenshotAsync(narrow.GetByTestId("group-table"), "stakeholder-groups-narrow");

        // A program with no map yet says how to start.
        var pmo = await fixture.SignInAsync("pmo@portal.local");
        await PortalUi.OpenAsync(pmo, $"/programs/{await PortalUi.ProgramIdAsync(fixture, "Harbor")}/stakeholders");
        await Expect(pmo.GetByTestId("stake-empty")).ToContainTextAsync("No stakeholder groups yet");
        await BrowserFixture.ScreenshotAsync(pmo, "stakeholder-map-empty");
    }

    /// <summary>The app scrolls inside its layout, so a full-page shot stops at the window; parts further down are shot on their own.</summary>
    private static Task ElementScreenshotAsync(ILocator element, string name) =>
        element.ScreenshotAsync(new() { Path = Path.Combine(TestEnvironment.RepositoryRoot, "artifacts", "screenshots", name + ".png"), Animations = ScreenshotAnimations.Disabled });
}
