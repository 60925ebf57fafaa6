using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Core.Programs;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// The executive sponsor's path: sign in, land on the portfolio (here 42 programs, some with very long names), open Atlas's
/// scorecard, read its red and amber items with their rules, log a sponsorship action and see the sponsorship item move.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ScorecardBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task The_sponsor_lands_on_the_portfolio_reads_atlas_scorecard_and_logs_a_sponsorship_action()
    {
        var atlas = await PortalUi.ProgramIdAsync(fixture, "Atlas");
        await PortalUi.AddProgramsForTheSponsorAsync(fixture, 40);

        var sponsor = await fixture.SignInAsync("sponsor@portal.local");
        await Expect(sponsor).ToHaveURLAsync(new Regex("/portfolio$"));
        var rows = sponsor.GetByTestId("portfolio-row");
        await Expect(rows).ToHaveCountAsync(42);
        await Expect(rows.First).ToHaveAttributeAsync("data-program", new Regex("^Atlas")); // worst first
        await Expect(sponsor.GetByRole(AriaRole.Columnheader, new() { Name = "Integration" })).ToBeVisibleAsync(); // next to Adoption
        await BrowserFixture.ScreenshotAsync(sponsor, "portfolio-sponsor-42-programs");
        await sponsor.GetByTestId("portfolio-filter").FillAsync("harbor");
        await Expect(rows).ToHaveCountAsync(1);
        await sponsor.GetByTestId("portfolio-filter").FillAsync("");
        await Expect(rows).ToHaveCountAsync(42); // the cleared filter has re-rendered before a row is clicked
        await Expect(rows.First).ToHaveAttributeAsync("data-program", new Regex("^Atlas"));

        await rows.First.GetByTestId("open-scorecard").ClickAsync();
        await Expect(sponsor).ToHaveURLAsync(new Regex($"/programs/{atlas}/scorecard$"));
        await BrowserFixture.WaitForInteractiveAsync(sponsor);
        var training = Item(sponsor, "Training completion");
        await Expect(training).ToHaveAttributeAsync("data-status", "red");
        await Expect(training).ToContainTextAsync("Financial analysts at 77.7% (7 of 9), threshold 90%");
        await Expect(training).ToHaveAttributeAsync("title", new Regex("90% \\(the program's training threshold\\)"));
        await Expect(Item(sponsor, "UAT critical scenarios")).ToHaveAttributeAsync("data-status", "red");
        await Expect(Item(sponsor, "UAT coverage")).ToHaveAttributeAsync("data-status", "amber");
        await Expect(Item(sponsor, "Overdue workarounds")).ToContainTextAsync("Manual commitment report");
        await Expect(Item(sponsor, "Silent months")).ToHaveAttributeAsync("data-status", "amber");
        // Integration next to adoption at the top: Atlas's PO commitments feed is failing; it is not live, so adoption has no data.
        await Expect(sponsor.GetByTestId("score-pair-integration-health")).ToHaveAttributeAsync("data-status", "red");
        await Expect(sponsor.GetByTestId("score-pair-integration-health")).ToContainTextAsync("worst: Purchase-order commitments from ERP");
        await Expect(sponsor.GetByTestId("score-pair-adoption")).ToHaveAttributeAsync("data-status", "none");
        await Expect(sponsor.GetByTestId("score-headline")).ToContainTextAsync("Red");
        await Expect(sponsor.GetByTestId("score-legend")).ToContainTextAsync("Green from 15% to 25% of the total implementation budget");
        var cadenceBefore = await Item(sponsor, "Sponsorship actions").GetByTestId("score-value").TextContentAsync();
        await BrowserFixture.ScreenshotAsync(sponsor, "scorecard-atlas");

        await sponsor.GetByTestId("log-sponsorship").ClickAsync();
        await Expect(sponsor).ToHaveURLAsync(new Regex($"/programs/{atlas}/sponsorship$"));
        await BrowserFixture.WaitForInteractiveAsync(sponsor);
        await sponsor.GetByTestId("sponsorship-save").ClickAsync();
        await Expect(sponsor.Locator(".validation-message")).ToContainTextAsync(["Choose what kind of action it was.", "Note is required."]);
        await sponsor.GetByTestId("sponsorship-kind").GetByText("Governance meeting that used the shared data").ClickAsync();
        await sponsor.GetByTestId("sponsorship-note").FillAsync("Month-end review chaired on the live commitment dashboard; the reconciliation workbook was not opened.");
        await sponsor.GetByTestId("sponsorship-save").ClickAsync();
        await Expect(sponsor.GetByTestId("sponsorship-entry").First).ToContainTextAsync("Month-end review chaired on the live commitment dashboard");
        await BrowserFixture.ScreenshotAsync(sponsor, "sponsorship-log");

        await PortalUi.OpenAsync(sponsor, $"/programs/{atlas}/scorecard");
        await Expect(Item(sponsor, "Sponsorship actions").GetByTestId("score-value")).Not.ToHaveTextAsync(cadenceBefore!);
        await Expect(Item(sponsor, "Sponsorship actions")).ToContainTextAsync(new Regex($"last on {DateTime.UtcNow:d MMM yyyy}"));

        var narrow = await fixture.SignInAsync("sponsor@portal.local", width: 400, height: 860);
        await BrowserFixture.ScreenshotAsync(narrow, "portfolio-sponsor-narrow");
        await PortalUi.OpenAsync(narrow, $"/programs/{atlas}/scorecard");
        await Expect(Item(narrow, "Training completion")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(narrow, "scorecard-atlas-narrow");
    }

    private static ILocator Item(IPage page, string name) => page.Locator($"[data-testid=score-item][data-name='{name}']");
}
