using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// The connection page of the demo's failing connection once the rollup job has run: metrics, trend charts, the open
/// freshness breach in the ledger, the run history filtered to failed runs; and the program overview's integration fact.
/// </summary>
[Trait("Category", "Browser")]
public sealed class IntegrationTelemetryBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task The_connection_page_shows_trends_a_breach_and_filtered_runs()
    {
        var it = await fixture.SignInAsync("it@portal.local");
        // The rollup job runs every minute; the breach appears after its first run.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            await PortalUi.OpenAsync(it, "/integration/connections/po-commitments");
            await Expect(it.GetByTestId("connection-metrics")).ToBeVisibleAsync();
            if (await it.GetByTestId("breach-row").CountAsync() > 0 || DateTime.UtcNow > deadline)
                break;
            await Task.Delay(3000);
        }
        var freshness = it.GetByTestId("breach-row").Filter(new() { HasText = "Freshness" }).First;
        await Expect(freshness).ToContainTextAsync("ongoing");
        await Expect(it.GetByTestId("trend-charts").Locator("figure")).ToHaveCountAsync(4);
        await Expect(it.GetByTestId("trend-charts").Locator("figure").Last.Locator("svg").First).ToBeVisibleAsync();
        await Expect(it.GetByTestId("metric-error-rate")).ToContainTextAsync("%");
        await BrowserFixture.ScreenshotAsync(it, "integration-connection-trends");
        await it.GetByTestId("breaches").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(it, "integration-connection-breaches");

        await it.GetByTestId("run-status-filter").ClickAsync();
        await it.GetByRole(AriaRole.Option, new() { Name = "Failed" }).ClickAsync();
        var rows = it.GetByTestId("run-row");
        await Expect(rows.Filter(new() { HasNotTextRegex = new Regex("failed", RegexOptions.IgnoreCase) })).ToHaveCountAsync(0);
        await Expect(rows.First).ToBeVisibleAsync();
        await Expect(it.GetByTestId("run-history")).ToContainTextAsync(new Regex(@"\d+ runs?"));

        var narrow = await fixture.SignInAsync("it@portal.local", width: 400, height: 860);
        await PortalUi.OpenAsync(narrow, "/integration/connections/po-commitments");
        await Expect(narrow.GetByTestId("breach-row").First).ToBeVisibleAsync();
        await narrow.GetByTestId("trend-charts").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(narrow, "integration-connection-trends-narrow");
        await narrow.GetByTestId("breaches").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(narrow, "integration-connection-breaches-narrow");

        var pmo = await fixture.SignInAsync("pmo@portal.local");
        await PortalUi.OpenAsync(pmo, "/programs");
        await pmo.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Atlas") }).First.ClickAsync();
        await Expect(pmo.GetByTestId("overview-integration-counts")).ToContainTextAsync("1 failing");
        await Expect(pmo.GetByTestId("overview-integration-worst")).ToContainTextAsync("Purchase-order commitments from ERP");
        await BrowserFixture.ScreenshotAsync(pmo, "program-overview-integration");
    }
}
