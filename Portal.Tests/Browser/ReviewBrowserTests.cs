using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// Adoption reviews end to end: a PMO lead creates a program, sets its actual go-live in the program dialog and sees the
/// 30/60/90-day reviews the scheduling job creates; the 30-day review gets its measures and is signed by the PMO lead and
/// the sponsor, which completes it.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ReviewBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task A_pmo_lead_sets_go_live_sees_three_reviews_scheduled_and_the_30_day_review_is_completed_by_pmo_and_sponsor()
    {
        var name = "Lumen " + Guid.NewGuid().ToString("N")[..8] + ": PPM and ERP";
        var pmo = await fixture.SignInAsync("pmo@portal.local");
        await PortalUi.OpenAsync(pmo, "/programs");
        await pmo.GetByTestId("new-program").ClickAsync();
        await PortalUi.Dialog(pmo).GetByTestId("program-name").FillAsync(name);
        await PortalUi.Dialog(pmo).GetByTestId("create-program").ClickAsync();
        await Expect(pmo).ToHaveURLAsync(new Regex(@"/programs/\d+$"));
        var programPath = new Uri(pmo.Url).AbsolutePath;
        await pmo.GetByTestId("member-add").ClickAsync();
        await PortalUi.ChooseAsync(pmo, pmo.GetByTestId("member-user"), "Daniel Okafor");
        await PortalUi.ChooseAsync(pmo, pmo.GetByTestId("member-role"), "Executive sponsor");
        await pmo.GetByTestId("member-save").ClickAsync();
        await Expect(pmo.GetByTestId("member-row")).ToHaveCountAsync(2);

        await pmo.GetByTestId("section-reviews").ClickAsync();
        await Expect(pmo.GetByTestId("reviews-empty")).ToContainTextAsync("Set the actual go-live date on the program to schedule the reviews");
        await BrowserFixture.ScreenshotAsync(pmo, "reviews-empty");
        await pmo.GetByTestId("edit-program-link").ClickAsync();
        await Expect(pmo).ToHaveURLAsync(new Regex(Regex.Escape(programPath) + "$"));

        var goLive = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3);
        await pmo.GetByTestId("edit-program").ClickAsync();
        var goLiveInput = PortalUi.Dialog(pmo).GetByTestId("actual-go-live").Locator("input.rz-inputtext");
        await goLiveInput.FillAsync(goLive.ToString("yyyy-MM-dd"));
        await goLiveInput.PressAsync("Tab");
        await PortalUi.Dialog(pmo).GetByTestId("save-program").ClickAsync();
        await Expect(PortalUi.Dialog(pmo)).ToHaveCountAsync(0);

        await PortalUi.OpenAsync(pmo, programPath + "/reviews");
        var cards = pmo.GetByTestId("review-cards").Locator("li.review-card");
        for (var attempt = 0; attempt < 20 && await cards.CountAsync() < 3; attempt++)
        {
            // The scheduling job runs right after the save; until it has, the page says the reviews are being scheduled.
            try { await Expect(cards).ToHaveCountAsync(3, new() { Timeout = 1500 }); }
            catch (PlaywrightException) { await pmo.ReloadAsync(); }
        }
        await Expect(cards).ToHaveCountAsync(3);
        foreach (var day in new[] { 30, 60, 90 })
            await Expect(pmo.GetByTestId($"review-due-{day}")).ToHaveTextAsync(goLive.AddDays(day).ToString("yyyy-MM-dd"));
        await Expect(pmo.GetByTestId("review-30").GetByTestId("review-status")).ToHaveTextAsync("Scheduled");
        await BrowserFixture.ScreenshotAsync(pmo, "reviews-scheduled");

        await pmo.GetByTestId("open-review-30").ClickAsync();
        await Expect(pmo.GetByTestId("sign-review")).ToBeDisabledAsync(); // measures first
        await FillNumberAsync(pmo, "measure-target-users", "140");
        await FillNumberAsync(pmo, "measure-active-users", "98");
        await FillNumberAsync(pmo, "measure-share", "72.5");
        await FillNumberAsync(pmo, "measure-hours", "60");
        await FillNumberAsync(pmo, "measure-meetings-held", "6");
        await FillNumberAsync(pmo, "measure-meetings-used", "7");
        await pmo.GetByTestId("save-measures").ClickAsync();
        await Expect(PortalUi.FieldMessage(pmo, "measure-meetings-used")).ToContainTextAsync("at most that many can have used the shared data");
        await FillNumberAsync(pmo, "measure-meetings-used", "5");
        await pmo.GetByTestId("save-measures").ClickAsync();
        await Expect(pmo.GetByTestId("review-status")).ToHaveTextAsync("In progress");
        await Expect(pmo.GetByTestId("measure-summary")).ToContainTextAsync("70% of target");
        await pmo.GetByTestId("findings-text").FillAsync("Finance analysts still open the reconciliation workbook on close day\nCapital Projects PMs use the PPM commitment report");
        await pmo.GetByTestId("save-findings").ClickAsync();
        await Expect(pmo.GetByTestId("findings-list").Locator("li")).ToHaveCountAsync(2);

        await SignAsync(pmo);
        await Expect(pmo.GetByTestId("review-missing")).ToContainTextAsync("no sponsor sign-off");
        await Expect(pmo.GetByTestId("sign-review")).ToHaveCountAsync(0);
        await Expect(pmo.GetByTestId("signed-by-me")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(pmo, "review-30-pmo-signed");

        var sponsor = await fixture.SignInAsync("sponsor@portal.local");
        await PortalUi.OpenAsync(sponsor, programPath + "/reviews/30");
        await Expect(sponsor.GetByTestId("save-measures")).ToHaveCountAsync(0); // sponsors sign; PMO and change leads record
        await SignAsync(sponsor);
        await Expect(sponsor.GetByTestId("review-status")).ToHaveTextAsync("Completed");

        await PortalUi.OpenAsync(pmo, programPath + "/reviews");
        await Expect(pmo.GetByTestId("review-30").GetByTestId("review-status")).ToHaveTextAsync("Completed");
        await Expect(pmo.GetByTestId("trend-active-users")).ToContainTextAsync("70 %");
        await pmo.GetByTestId("review-trend").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(pmo, "reviews-completed");

        var narrow = await fixture.SignInAsync("pmo@portal.local", width: 400, height: 860);
        await PortalUi.OpenAsync(narrow, programPath + "/reviews");
        await Expect(narrow.GetByTestId("review-trend")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(narrow, "reviews-narrow");
        await PortalUi.OpenAsync(narrow, programPath + "/reviews/30");
        await Expect(narrow.GetByTestId("review-status")).ToHaveTextAsync("Completed");
        await BrowserFixture.ScreenshotAsync(narrow, "review-30-narrow");
    }

    private static async Task FillNumberAsync(IPage page, string testId, string value)
    {
        var input = page.Locator($"input[data-testid='{testId}'], [data-testid='{testId}'] input").First;
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }

    private static async Task SignAsync(IPage page)
    {
        await page.GetByTestId("sign-review").ClickAsync();
        var dialog = page.GetByTestId("signoff-dialog");
        await Expect(dialog).ToContainTextAsync("active users: 98 of 140");
        await dialog.GetByTestId("signoff-password").FillAsync(BrowserFixture.DemoPassword);
        await dialog.GetByTestId("signoff-confirm").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
    }
}
