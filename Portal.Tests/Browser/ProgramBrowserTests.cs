using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// A PMO lead runs programs: membership on a program's page, and new programs from /programs. Only the
/// membership test changes a seeded program (it adds the administrator to Atlas); new programs get unique names.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ProgramBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string AtlasName = "Atlas: PPM and ERP financial integration";

    [BrowserFact]
    public async Task Pmo_adds_a_member_with_a_program_role_and_the_members_grid_updates()
    {
        var atlas = await PortalUi.ProgramIdAsync(fixture, "Atlas");
        var pmo = await fixture.SignInAsync("pmo@portal.local");
        await PortalUi.OpenAsync(pmo, $"/programs/{atlas}");
        var members = pmo.GetByTestId("member-row");
        await Expect(members).ToHaveCountAsync(6);
        await Expect(members.Filter(new() { HasText = "Alex Morgan" })).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(pmo, "program-overview");

        await pmo.GetByTestId("member-add").ClickAsync();
        await PortalUi.ChooseAsync(pmo, pmo.GetByTestId("member-user"), "Alex Morgan");
        await PortalUi.ChooseAsync(pmo, pmo.GetByTestId("member-role"), "Process owner");
        await pmo.GetByTestId("member-save").ClickAsync();

        await Expect(members).ToHaveCountAsync(7);
        await Expect(members.Filter(new() { HasText = "Alex Morgan" })).ToContainTextAsync("Process owner");
        await Expect(pmo.Locator(".fact").Filter(new() { HasText = "Members" }).Locator(".fact-value")).ToHaveTextAsync("7");
        await Expect(pmo.Locator(".rz-notification")).ToContainTextAsync("Member saved.");
        await Expect(pmo.GetByTestId("member-save")).ToBeDisabledAsync(); // the form resets for the next member
        await pmo.GetByTestId("members-grid").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(pmo, "program-members");
    }

    [BrowserFact]
    public async Task Pmo_creates_a_program_and_lands_on_its_page_as_its_pmo_lead()
    {
        var name = "Beacon " + Guid.NewGuid().ToString("N")[..8] + ": CRM and billing";
        var pmo = await fixture.SignInAsync("pmo@portal.local");
        await PortalUi.OpenAsync(pmo, "/programs");
        await Expect(pmo.GetByTestId("programs-grid")).ToContainTextAsync(AtlasName);
        await BrowserFixture.ScreenshotAsync(pmo, "programs");

        await pmo.GetByTestId("new-program").ClickAsync();
        await PortalUi.Dialog(pmo).GetByTestId("program-name").FillAsync(name);
        await BrowserFixture.ScreenshotAsync(pmo, "programs-new-dialog");
        await PortalUi.Dialog(pmo).GetByTestId("create-program").ClickAsync();

        await Expect(pmo).ToHaveURLAsync(new Regex(@"/programs/\d+$"));
        await Expect(pmo.Locator("h1[data-testid=program-name]")).ToHaveTextAsync(name);
        var members = pmo.GetByTestId("member-row");
        await Expect(members).ToHaveCountAsync(1);
        await Expect(members).ToContainTextAsync("Priya Natarajan");
        await Expect(members).ToContainTextAsync("PMO lead");
    }

    [BrowserFact]
    public async Task Program_without_a_name_is_refused_next_to_the_name_field()
    {
        var pmo = await fixture.SignInAsync("pmo@portal.local");
        await PortalUi.OpenAsync(pmo, "/programs");
        await pmo.GetByTestId("new-program").ClickAsync();

        await PortalUi.Dialog(pmo).GetByTestId("create-program").ClickAsync();

        await Expect(PortalUi.FieldMessage(pmo, "program-name")).ToHaveTextAsync("Program name is required.");
        await Expect(PortalUi.Dialog(pmo)).ToBeVisibleAsync();
        await Expect(pmo).ToHaveURLAsync(new Regex("/programs$"));
    }

    [BrowserFact]
    public async Task Program_with_an_existing_name_is_refused_next_to_the_name_field()
    {
        var pmo = await fixture.SignInAsync("pmo@portal.local");
        await PortalUi.OpenAsync(pmo, "/programs");
        await pmo.GetByTestId("new-program").ClickAsync();
        await PortalUi.Dialog(pmo).GetByTestId("program-name").FillAsync(AtlasName);

        await PortalUi.Dialog(pmo).GetByTestId("create-program").ClickAsync();

        await Expect(PortalUi.FieldMessage(pmo, "program-name")).ToHaveTextAsync("A program with this name already exists.");
        await Expect(PortalUi.Dialog(pmo).Locator(".form-error")).ToHaveCountAsync(0);
        await Expect(pmo).ToHaveURLAsync(new Regex("/programs$"));
    }

    [BrowserFact]
    public async Task Viewer_gets_no_new_program_button()
    {
        var viewer = await fixture.SignInAsync("viewer@portal.local");
        await PortalUi.OpenAsync(viewer, "/programs");

        await Expect(viewer.GetByTestId("programs-grid")).ToContainTextAsync(AtlasName);
        await Expect(viewer.GetByTestId("new-program")).ToHaveCountAsync(0);
    }
}
