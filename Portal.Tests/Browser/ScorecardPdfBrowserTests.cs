using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Core.Programs;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// The sponsor downloads PDFs from the pages: the 42-program portfolio (made in the background while the page stays
/// usable) and Atlas's scorecard, each saved through the browser and read back as a PDF.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ScorecardPdfBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task The_sponsor_downloads_the_portfolio_and_atlas_scorecard_as_pdfs_while_the_page_stays_responsive()
    {
        var atlas = await PortalUi.ProgramIdAsync(fixture, "Atlas");
        await PortalUi.AddProgramsForTheSponsorAsync(fixture, 40);

        var sponsor = await fixture.SignInAsync("sponsor@portal.local");
        await Expect(sponsor).ToHaveURLAsync(new Regex("/portfolio$"));
        await sponsor.GetByTestId("pdf-start").ClickAsync();
        // While the PDF is made the page still answers: the filter narrows the table.
        await sponsor.GetByTestId("portfolio-filter").FillAsync("atlas");
        await Expect(sponsor.GetByTestId("portfolio-row")).ToHaveCountAsync(1);
        var portfolioPdf = await DownloadAsync(sponsor, "portfolio-scorecard-");
        await BrowserFixture.ScreenshotAsync(sponsor, "portfolio-pdf-ready");
        var portfolioText = await PdfTools.TextAsync(portfolioPdf);
        Assert.Contains("42 programs, worst first", portfolioText);
        Assert.Contains("Page 1 of", portfolioText);

        await sponsor.GetByTestId("open-scorecard").First.ClickAsync();
        await Expect(sponsor).ToHaveURLAsync(new Regex($"/programs/{atlas}/scorecard$"));
        await BrowserFixture.WaitForInteractiveAsync(sponsor);
        await Expect(sponsor.GetByTestId("score-headline")).ToBeVisibleAsync(); // the scorecard, not the portfolio still on screen
        await sponsor.GetByTestId("pdf-start").ClickAsync();
        var pdf = await DownloadAsync(sponsor, "scorecard-atlas-");
        await BrowserFixture.ScreenshotAsync(sponsor, "scorecard-pdf-ready");

        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5));
        Assert.Contains("Atlas: PPM and ERP financial integration", await PdfTools.TextAsync(pdf));

        var subscription = sponsor.GetByTestId("report-subscription");
        await subscription.ScrollIntoViewIfNeededAsync();
        await sponsor.GetByTestId("report-day").SelectOptionAsync("Wednesday");
        await sponsor.GetByTestId("report-subscribe").ClickAsync();
        await Expect(subscription).ToContainTextAsync("You get this scorecard every Wednesday");
        await BrowserFixture.ScreenshotAsync(sponsor, "scorecard-weekly-subscription");

        await PortalUi.OpenAsync(sponsor, "/reports");
        await BrowserFixture.ScreenshotAsync(sponsor, "reports-page");
        await Expect(sponsor.GetByTestId("report-file")).ToHaveCountAsync(2);
        await Expect(sponsor.GetByTestId("report-subscriptions")).ToContainTextAsync("every Wednesday");
        await BrowserFixture.ScreenshotAsync(sponsor, "reports-page");
    }

    /// <summary>Waits for the background job to finish, then saves the offered file through the browser's download.</summary>
    private static async Task<byte[]> DownloadAsync(IPage page, string namePrefix)
    {
        var ready = page.GetByTestId("pdf-ready");
        await Expect(ready).ToContainTextAsync(namePrefix, new() { Timeout = 60_000 });
        var download = await page.RunAndWaitForDownloadAsync(() => ready.ClickAsync());
        Assert.StartsWith(namePrefix, download.SuggestedFilename);
        Assert.EndsWith(".pdf", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), "portal-tests", $"download-{Guid.NewGuid():N}.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await download.SaveAsAsync(path);
        return await File.ReadAllBytesAsync(path);
    }
}
