using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Core.Programs;
using Portal.Core.SystemOfRecord;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// The system-of-record register end to end: the PMO lead adds a domain with Mara as decision owner, Mara agrees it
/// with her password, and the PMO lead's later change to the escalation path takes it back to Proposed, with Mara's
/// signature still shown, struck through.
/// </summary>
[Trait("Category", "Browser")]
public sealed class SystemOfRecordBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Escalation = "Resource manager proposes, finance process owner decides within 2 working days; unresolved -> steering committee";

    [BrowserFact]
    public async Task Pmo_lead_adds_a_domain_the_owner_agrees_it_and_an_edit_makes_it_proposed_again()
    {
        var atlas = await PortalUi.ProgramIdAsync(fixture, "Atlas");
        var path = $"/programs/{atlas}/system-of-record";
        var pmo = await fixture.SignInAsync("pmo@portal.local");
        await PortalUi.OpenAsync(pmo, $"/programs/{atlas}");
        await pmo.GetByTestId("link-system-of-record").ClickAsync();
        await Expect(pmo.GetByTestId("register-summary")).ToContainTextAsync("4 of 6 domains agreed");
        await BrowserFixture.ScreenshotAsync(pmo, "system-of-record-register");

        await pmo.GetByTestId("add-domain").ClickAsync();
        var dialog = pmo.GetByTestId("entry-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "resources", Exact = true }).ClickAsync();
        await Expect(dialog.GetByTestId("entry-domain")).ToHaveValueAsync("resources");
        await dialog.GetByTestId("entry-save").ClickAsync();
        await Expect(PortalUi.FieldMessage(pmo, "entry-owner")).ToHaveTextAsync("Choose the decision owner: a process owner of this program.");
        await Expect(PortalUi.FieldMessage(pmo, "entry-escalation")).ToHaveTextAsync("Escalation path is required.");
        await PortalUi.ChooseAsync(pmo, dialog.GetByTestId("entry-owner"), "Mara Lindqvist");
        await dialog.GetByTestId("entry-escalation").FillAsync(Escalation);
        await BrowserFixture.ScreenshotAsync(pmo, "system-of-record-dialog");
        await dialog.GetByTestId("entry-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        var row = pmo.GetByTestId("entry-resources");
        await Expect(row.GetByTestId("entry-status")).ToHaveTextAsync("Proposed");
        await Expect(row.GetByTestId("awaits")).ToHaveTextAsync("Awaits Mara Lindqvist's sign-off");
        await Expect(row.GetByTestId("sign-entry")).ToHaveCountAsync(0); // only the decision owner signs

        var owner = await fixture.SignInAsync("owner@portal.local");
        await PortalUi.OpenAsync(owner, path);
        await owner.GetByTestId("entry-resources").GetByTestId("sign-entry").ClickAsync();
        var sign = owner.GetByTestId("signoff-dialog");
        await Expect(sign).ToContainTextAsync("Escalation path: " + Escalation);
        await sign.GetByTestId("signoff-password").FillAsync(BrowserFixture.DemoPassword);
        await sign.GetByTestId("signoff-confirm").ClickAsync();
        await Expect(sign).ToHaveCountAsync(0);
        var agreed = owner.GetByTestId("entry-resources");
        await Expect(agreed.GetByTestId("entry-status")).ToHaveTextAsync("Agreed");
        await Expect(agreed.GetByTestId("entry-signed")).ToContainTextAsync("Mara Lindqvist");
        await Expect(agreed.Locator(".signoff-stale")).ToHaveCountAsync(0);
        await Expect(owner.GetByTestId("register-summary")).ToContainTextAsync("5 of 7 domains agreed");
        await owner.Context.CloseAsync();

        await PortalUi.OpenAsync(pmo, path);
        await pmo.GetByTestId("entry-resources").GetByTestId("edit-entry").ClickAsync();
        dialog = pmo.GetByTestId("entry-dialog");
        await Expect(dialog.GetByTestId("reopen-warning")).ToHaveCountAsync(0);
        await dialog.GetByTestId("entry-escalation").FillAsync(Escalation.Replace("2 working days", "1 working day"));
        await Expect(dialog.GetByTestId("reopen-warning")).ToContainTextAsync("Saving makes this entry Proposed again");
        await Expect(dialog.GetByTestId("entry-save")).ToHaveTextAsync("Save as Proposed");
        await BrowserFixture.ScreenshotAsync(pmo, "system-of-record-edit-warning");
        await dialog.GetByTestId("entry-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        row = pmo.GetByTestId("entry-resources");
        await Expect(row.GetByTestId("entry-status")).ToHaveTextAsync("Proposed");
        await Expect(row.Locator(".signoff-stale")).ToContainTextAsync("Mara Lindqvist");
        await Expect(row.Locator(".signoff-stale")).ToContainTextAsync("Stale: entry changed");
        await BrowserFixture.ScreenshotAsync(pmo, "system-of-record-stale");
        await pmo.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_register_reads_well_in_a_narrow_window_and_explains_itself_when_empty()
    {
        var atlas = await PortalUi.ProgramIdAsync(fixture, "Atlas");
        var harbor = await PortalUi.ProgramIdAsync(fixture, "Harbor");
        var narrow = await fixture.SignInAsync("pmo@portal.local", width: 400, height: 860);
        await PortalUi.OpenAsync(narrow, $"/programs/{atlas}/system-of-record");
        await Expect(narrow.GetByTestId("entry-invoices")).ToContainTextAsync("ERP");
        await BrowserFixture.ScreenshotAsync(narrow, "system-of-record-narrow");
        await narrow.GetByTestId("entry-time").GetByTestId("edit-entry").ClickAsync();
        await Expect(narrow.GetByTestId("entry-dialog")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(narrow, "system-of-record-dialog-narrow");

        await PortalUi.OpenAsync(narrow, $"/programs/{harbor}/system-of-record");
        await Expect(narrow.GetByTestId("register-empty")).ToContainTextAsync("which number is authoritative when the two systems differ");
        await BrowserFixture.ScreenshotAsync(narrow, "system-of-record-empty-narrow");
        await narrow.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_long_register_is_paged()
    {
        var programId = await ProgramWithLongRegisterAsync(60);
        var pmo = await fixture.SignInAsync("pmo@portal.local");
        await PortalUi.OpenAsync(pmo, $"/programs/{programId}/system-of-record");

        await Expect(pmo.GetByTestId("register-table").Locator("tbody tr")).ToHaveCountAsync(25);
        await Expect(pmo.GetByTestId("register-summary")).ToContainTextAsync("0 of 60 domains agreed");
        await pmo.GetByTestId("register-pager").GetByText("3", new() { Exact = true }).ClickAsync();
        await Expect(pmo.GetByTestId("register-table").Locator("tbody tr")).ToHaveCountAsync(10);
        await BrowserFixture.ScreenshotAsync(pmo, "system-of-record-paged");
        await pmo.Context.CloseAsync();
    }

    /// <summary>A program of its own (PMO lead and Mara) whose register holds <paramref name="count"/> custom domains with long names.</summary>
    private async Task<int> ProgramWithLongRegisterAsync(int count)
    {
        await using var db = fixture.Server.Database.CreateContext();
        var pmo = await db.Users.Where(u => u.Email == "pmo@portal.local").Select(u => u.Id).SingleAsync();
        var owner = await db.Users.Where(u => u.Email == "owner@portal.local").Select(u => u.Id).SingleAsync();
        var program = PortalProgram.Create("Register paging " + Guid.NewGuid().ToString("N")[..6], "", ["PPM", "ERP"], null, DateTimeOffset.UtcNow).Value;
        program.SetMember(pmo, ProgramRole.PmoLead, DateTimeOffset.UtcNow);
        program.SetMember(owner, ProgramRole.ProcessOwner, DateTimeOffset.UtcNow);
        db.Programs.Add(program);
        await db.SaveChangesAsync();
        var register = new List<SystemOfRecordEntry>();
        for (var i = 1; i <= count; i++)
            register.Add(SystemOfRecordEntry.Propose(program, new SystemOfRecordDraft($"Intercompany cost allocation keys, ledger group {i:000}", "ERP", owner,
                "Group controlling decides within 5 working days; unresolved -> CFO", ""), register, DateTimeOffset.UtcNow).Value);
        db.SystemOfRecordEntries.AddRange(register);
        await db.SaveChangesAsync();
        return program.Id;
    }
}
