using System.Text.RegularExpressions;
using Portal.Core.Programs;
using Portal.Tests.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// Steps that several browser tests share: signing in without assuming where it lands, opening interactive
/// pages, driving Radzen controls, and creating users through the admin UI. Every wait is a Playwright
/// auto-waiting assertion; nothing here sleeps.
/// </summary>
internal static class PortalUi
{
    /// <summary>Submits the login form from a fresh GET, so a message from an earlier attempt can never be mistaken for this one's.</summary>
    public static async Task SubmitLoginAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
    }

    /// <summary>A new browser context (own cookies) that has submitted the login form.</summary>
    public static async Task<IPage> SubmitLoginInNewContextAsync(BrowserFixture fixture, string email, string password)
    {
        var page = await fixture.NewPageAsync();
        await SubmitLoginAsync(page, email, password);
        return page;
    }

    /// <summary>Full page load of an interactive page, then waits for its circuit so clicks reach the server.</summary>
    public static async Task<IResponse?> OpenAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        await BrowserFixture.WaitForInteractiveAsync(page);
        return response;
    }

    /// <summary>Radzen dropdowns render their list in a popup at the end of the body: open it, then click the item.</summary>
    public static async Task ChooseAsync(IPage page, ILocator dropdown, string itemText)
    {
        await dropdown.ClickAsync();
        await page.Locator(".rz-dropdown-item:visible, .rz-multiselect-item:visible").Filter(new() { HasText = itemText }).First.ClickAsync();
        await Expect(dropdown).ToContainTextAsync(itemText);
    }

    public static ILocator Dialog(IPage page) => page.Locator(".rz-dialog");

    /// <summary>The Radzen form field that holds the element with this test id, and the validation message right after it.</summary>
    public static ILocator FieldMessage(IPage page, string testId) =>
        page.Locator($".rz-form-field:has([data-testid='{testId}']) + .validation-message");

    /// <summary>The validation message inside a static account form's field (label, input, message).</summary>
    public static ILocator AccountFieldMessage(IPage page, string inputId) =>
        page.Locator($".field:has(#{inputId}) .validation-message");

    public static string UniqueEmail(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}@example.test";

    /// <summary>
    /// On /admin/users: creates a user through the New user dialog (Viewer is preselected; extra roles by their
    /// display name) and returns the temporary password the dialog shows once.
    /// </summary>
    public static async Task<string> CreateUserAsync(IPage admin, string email, string displayName, params string[] extraRoles)
    {
        await admin.GetByTestId("new-user").ClickAsync();
        var dialog = Dialog(admin);
        await dialog.GetByTestId("user-email").FillAsync(email);
        await dialog.GetByTestId("user-name").FillAsync(displayName);
        foreach (var role in extraRoles)
            await CheckRoleAsync(dialog, role);
        await dialog.GetByTestId("create-user").ClickAsync();
        return await ReadTemporaryPasswordAsync(admin);
    }

    /// <summary>Ticks a role in the roles checklist by its display name and waits until the circuit has applied it.</summary>
    public static async Task CheckRoleAsync(ILocator dialog, string role)
    {
        var box = dialog.Locator(".rz-checkbox[role=checkbox]").Filter(new() { HasText = role + " —" });
        await box.ClickAsync();
        await Expect(box).ToHaveAttributeAsync("aria-checked", "true");
    }

    /// <summary>Reads the one-time password from the Temporary password dialog and closes it.</summary>
    public static async Task<string> ReadTemporaryPasswordAsync(IPage admin)
    {
        var shown = admin.GetByTestId("temp-password");
        await Expect(shown).ToHaveTextAsync(new Regex(@"^\s*\S{16}\s*$"));
        var password = (await shown.TextContentAsync())!.Trim();
        await Dialog(admin).GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Expect(Dialog(admin)).ToHaveCountAsync(0);
        return password;
    }

    public static ILocator UserRow(IPage admin, string email) =>
        admin.GetByTestId("users-grid").Locator("tr.rz-data-row").Filter(new() { HasText = email });

    /// <summary>Answers a Radzen confirm dialog with its OK button (whose text the page configures, e.g. "Lock").</summary>
    public static Task ConfirmAsync(IPage page, string okText) =>
        Dialog(page).GetByRole(AriaRole.Button, new() { Name = okText, Exact = true }).ClickAsync();

    /// <summary>On the change-password page: fills the three fields and submits.</summary>
    public static async Task ChangePasswordAsync(IPage page, string current, string newPassword, string? confirm = null)
    {
        await page.FillAsync("#current", current);
        await page.FillAsync("#new", newPassword);
        await page.FillAsync("#confirm", confirm ?? newPassword);
        await page.ClickAsync("button[type=submit]");
    }

    /// <summary>A seeded program's id, read from the server's own database (names are the demo data's).</summary>
    public static async Task<int> ProgramIdAsync(BrowserFixture fixture, string namePrefix)
    {
        await using var db = fixture.Server.Database.CreateContext();
        return await db.Programs.Where(p => p.Name.StartsWith(namePrefix)).Select(p => p.Id).SingleAsync();
    }

    /// <summary>Adds programs (every fourth with a very long name, every third with a budget) with the demo sponsor and PMO lead as members.</summary>
    public static async Task AddProgramsForTheSponsorAsync(BrowserFixture fixture, int count)
    {
        await using var db = fixture.Server.Database.CreateContext();
        var sponsorId = await db.Users.Where(u => u.Email == "sponsor@portal.local").Select(u => u.Id).SingleAsync();
        var pmoId = await db.Users.Where(u => u.Email == "pmo@portal.local").Select(u => u.Id).SingleAsync();
        for (var i = 1; i <= count; i++)
        {
            var name = i % 4 == 0
                ? $"Program {i:00}: Group-wide consolidation of project commitments, purchase orders and supplier invoices across EMEA and APAC"
                : $"Program {i:00}: {(i % 2 == 0 ? "CRM to ERP order sync" : "PSA time and HCM rates")}";
            var program = new ProgramBuilder().Named(name).WithMember(pmoId, ProgramRole.PmoLead).WithMember(sponsorId, ProgramRole.ExecutiveSponsor).Build();
            if (i % 3 == 0)
                program.SetBudget(1_000_000m, 60_000m + i * 5_000m);
            db.Programs.Add(program);
        }
        await db.SaveChangesAsync();
    }
}
