using Microsoft.Playwright;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// The decommissioning register end to end on the demo data: Mara records the shutdown evidence of her reconciliation
/// workbook and signs it; the sponsor sees the overdue manual commitment report on the bell and on /notifications.
/// </summary>
[Trait("Category", "Browser")]
public sealed class DecommissioningBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Evidence = "Workbook archived read-only at https://intranet.example/archive/recon-2027; edit access removed for all 14 finance analysts.";

    [BrowserFact]
    public async Task An_owner_records_evidence_and_signs_and_the_sponsor_sees_the_overdue_escalation()
    {
        var atlas = await PortalUi.ProgramIdAsync(fixture, "Atlas");
        var owner = await fixture.SignInAsync("owner@portal.local");
        await PortalUi.OpenAsync(owner, $"/programs/{atlas}");
        await owner.GetByTestId("section-decommissioning").ClickAsync();
        await Expect(owner.GetByTestId("decom-summary")).ToContainTextAsync("1 of 3 decommissioned.");
        await Expect(owner.GetByTestId("summary-overdue")).ToHaveTextAsync("1 overdue");
        var workbook = owner.GetByTestId("workaround-monthly-reconciliation-workbook");
        await Expect(workbook.GetByTestId("workaround-status")).ToHaveTextAsync("Scheduled");
        await Expect(owner.GetByTestId("workaround-manual-commitment-report").GetByTestId("workaround-status")).ToHaveTextAsync("Overdue");
        await Expect(owner.GetByTestId("workaround-manual-commitment-report").GetByTestId("workaround-slips")).ToHaveTextAsync("moved 1 time");
        await Expect(workbook.GetByTestId("move-date")).ToHaveCountAsync(0); // owners record evidence; keepers move dates
        await BrowserFixture.ScreenshotAsync(owner, "decommissioning-register");

        await workbook.GetByTestId("record-evidence").ClickAsync();
        var dialog = owner.GetByTestId("evidence-dialog");
        await dialog.GetByTestId("evidence-save").ClickAsync();
        await Expect(PortalUi.FieldMessage(owner, "evidence-text")).ToHaveTextAsync("Evidence of shutdown is required.");
        await dialog.GetByTestId("evidence-text").FillAsync(Evidence);
        await BrowserFixture.ScreenshotAsync(owner, "decommissioning-evidence-dialog");
        await dialog.GetByTestId("evidence-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(workbook.GetByTestId("awaits")).ToHaveTextAsync("Awaits Mara Lindqvist's sign-off");

        await workbook.GetByTestId("sign-workaround").ClickAsync();
        var sign = owner.GetByTestId("signoff-dialog");
        await Expect(sign).ToContainTextAsync("Evidence of shutdown: " + Evidence);
        await sign.GetByTestId("signoff-password").FillAsync(BrowserFixture.DemoPassword);
        await sign.GetByTestId("signoff-confirm").ClickAsync();
        await Expect(sign).ToHaveCountAsync(0);
        await Expect(workbook.GetByTestId("workaround-status")).ToHaveTextAsync("Decommissioned");
        await Expect(workbook.GetByTestId("workaround-evidence")).ToContainTextAsync("Signed by Mara Lindqvist");
        await Expect(owner.GetByTestId("decom-summary")).ToContainTextAsync("2 of 3 decommissioned.");
        await BrowserFixture.ScreenshotAsync(owner, "decommissioning-signed");

        var sponsor = await fixture.SignInAsync("sponsor@portal.local");
        await Expect(sponsor.GetByTestId("notification-count")).ToHaveTextAsync("1");
        await sponsor.GetByTestId("notification-bell").ClickAsync();
        var menu = sponsor.GetByTestId("notification-menu");
        await Expect(menu.GetByTestId("notification-item")).ToContainTextAsync("Escalated: Manual commitment report is overdue");
        await BrowserFixture.ScreenshotAsync(sponsor, "notifications-bell");
        await menu.GetByTestId("notification-see-all").ClickAsync();
        await sponsor.WaitForURLAsync("**/notifications");
        var item = sponsor.GetByTestId("notification");
        await Expect(item).ToHaveCountAsync(1);
        await Expect(item).ToContainTextAsync("(owner Mara Lindqvist) was due to be decommissioned");
        await BrowserFixture.ScreenshotAsync(sponsor, "notifications-page");
        await sponsor.GetByTestId("mark-all-read").ClickAsync();
        await Expect(sponsor.GetByTestId("notification-count")).ToHaveCountAsync(0);
        await sponsor.GetByTestId("filter-unread").ClickAsync();
        await Expect(sponsor.GetByTestId("notifications-empty")).ToContainTextAsync("Nothing unread");

        await item.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await PortalUi.OpenAsync(sponsor, "/notifications");
        await sponsor.GetByTestId("notification-title").ClickAsync(); // the deep link
        await sponsor.WaitForURLAsync($"**/programs/{atlas}/decommissioning");
        await Expect(sponsor.GetByTestId("add-workaround")).ToHaveCountAsync(0);

        var narrow = await fixture.SignInAsync("owner@portal.local", width: 400, height: 860);
        await PortalUi.OpenAsync(narrow, $"/programs/{atlas}/decommissioning");
        await Expect(narrow.GetByTestId("workaround-table")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(narrow, "decommissioning-narrow");
        await narrow.GetByTestId("notification-bell").ClickAsync();
        await Expect(narrow.GetByTestId("notification-menu")).ToContainTextAsync("Overdue: Manual commitment report");
        await BrowserFixture.ScreenshotAsync(narrow, "notifications-bell-narrow");
    }

    [BrowserFact]
    public async Task A_pmo_lead_lists_a_workaround_and_moving_its_date_needs_a_reason_and_counts_a_slip()
    {
        var harbor = await PortalUi.ProgramIdAsync(fixture, "Harbor");
        var pmo = await fixture.SignInAsync("pmo@portal.local");
        await PortalUi.OpenAsync(pmo, $"/programs/{harbor}/decommissioning");
        await Expect(pmo.GetByTestId("register-empty")).ToContainTextAsync("No legacy workarounds listed yet");
        await BrowserFixture.ScreenshotAsync(pmo, "decommissioning-empty");

        await pmo.GetByTestId("add-workaround").ClickAsync();
        var dialog = pmo.GetByTestId("workaround-dialog");
        await dialog.GetByTestId("workaround-save").ClickAsync();
        await Expect(PortalUi.FieldMessage(pmo, "workaround-name")).ToHaveTextAsync("Name is required.");
        await Expect(PortalUi.FieldMessage(pmo, "workaround-owner")).ToHaveTextAsync("Choose the owner: a member of this program who will switch it off.");
        await dialog.GetByTestId("workaround-name").FillAsync("Utilisation reconciliation spreadsheet kept by the resource managers of every region");
        await dialog.GetByTestId("workaround-area").FillAsync("Resource management");
        await PortalUi.ChooseAsync(pmo, dialog.GetByTestId("workaround-owner"), "Priya Natarajan");
        await dialog.GetByTestId("workaround-replaced-by").FillAsync("Utilisation report in the PSA, fed by HCM time entries");
        await Expect(dialog.Locator(".validation-message")).ToHaveCountAsync(0); // the messages go as fields are filled, moving the button
        await BrowserFixture.ScreenshotAsync(pmo, "decommissioning-add-dialog");
        await dialog.GetByTestId("workaround-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        var row = pmo.Locator("[data-testid^='workaround-utilisation']");
        await Expect(row.GetByTestId("workaround-status")).ToHaveTextAsync("Active");

        await row.GetByTestId("move-date").ClickAsync();
        var set = pmo.GetByTestId("move-date-dialog");
        await set.GetByTestId("new-date").Locator("input.rz-inputtext").FillAsync(DateTime.UtcNow.AddDays(40).ToString("yyyy-MM-dd"));
        await set.GetByTestId("new-date").Locator("input.rz-inputtext").PressAsync("Tab");
        await set.GetByTestId("move-save").ClickAsync();
        await Expect(set).ToHaveCountAsync(0);
        await Expect(row.GetByTestId("workaround-status")).ToHaveTextAsync("Scheduled");

        await row.GetByTestId("move-date").ClickAsync();
        var move = pmo.GetByTestId("move-date-dialog");
        await move.GetByTestId("new-date").Locator("input.rz-inputtext").FillAsync(DateTime.UtcNow.AddDays(70).ToString("yyyy-MM-dd"));
        await move.GetByTestId("new-date").Locator("input.rz-inputtext").PressAsync("Tab");
        await move.GetByTestId("move-save").ClickAsync();
        await Expect(PortalUi.FieldMessage(pmo, "move-reason")).ToHaveTextAsync("Give the reason for moving the date; every move is audited and counted as a slip.");
        await move.GetByTestId("move-reason").FillAsync("HCM time entries arrive a month later than planned.");
        await Expect(move.Locator(".validation-message")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(pmo, "decommissioning-move-dialog");
        await move.GetByTestId("move-save").ClickAsync();
        await Expect(move).ToHaveCountAsync(0);
        await Expect(row.GetByTestId("workaround-slips")).ToHaveTextAsync("moved 1 time");
        await Expect(pmo.GetByTestId("summary-slips")).ToHaveTextAsync("1 date slip so far");
        await BrowserFixture.ScreenshotAsync(pmo, "decommissioning-harbor");
    }
}
