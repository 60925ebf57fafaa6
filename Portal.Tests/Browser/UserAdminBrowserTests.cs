using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// An administrator creates, locks, unlocks and resets users on /admin/users; the user, in a browser context
/// of their own, lives with the outcome. Every test creates its own uniquely named user.
/// </summary>
[Trait("Category", "Browser")]
public sealed class UserAdminBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string OwnPassword = "correct horse battery staple";

    [BrowserFact]
    public async Task New_user_must_replace_the_temporary_password_before_using_Portal()
    {
        var admin = await OpenUsersPageAsync();
        var email = PortalUi.UniqueEmail("newcomer");
        await admin.GetByTestId("new-user").ClickAsync();
        var dialog = PortalUi.Dialog(admin);
        await dialog.GetByTestId("user-email").FillAsync(email);
        await dialog.GetByTestId("user-name").FillAsync("Nora Newcomer");
        await PortalUi.CheckRoleAsync(dialog, "Change lead");
        await BrowserFixture.ScreenshotAsync(admin, "admin-new-user-dialog");
        await dialog.GetByTestId("create-user").ClickAsync();
        await Expect(admin.GetByTestId("temp-password")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(admin, "admin-temporary-password");
        var temporary = await PortalUi.ReadTemporaryPasswordAsync(admin);
        var row = PortalUi.UserRow(admin, email);
        await Expect(row).ToContainTextAsync("Nora Newcomer");
        await Expect(row).ToContainTextAsync("Change lead");
        await Expect(row.Locator(".rz-badge")).ToHaveTextAsync("Temp. password");

        var user = await PortalUi.SubmitLoginInNewContextAsync(fixture, email, temporary);
        await Expect(user).ToHaveURLAsync(new Regex(@"/Account/ChangePassword\?required=true$"));
        await Expect(user.Locator(".notice")).ToContainTextAsync("Choose your own before you continue.");
        await BrowserFixture.ScreenshotAsync(user, "change-password-required");

        await user.GotoAsync("/portfolio");
        await Expect(user).ToHaveURLAsync(new Regex(@"/Account/ChangePassword\?required=true$"));

        await PortalUi.ChangePasswordAsync(user, temporary, "too-short");
        await Expect(PortalUi.AccountFieldMessage(user, "new")).ToHaveTextAsync("The new password must be at least 12 characters.");
        await Expect(PortalUi.AccountFieldMessage(user, "current")).ToHaveCountAsync(0);

        await PortalUi.ChangePasswordAsync(user, temporary, OwnPassword);
        await Expect(user).ToHaveURLAsync(new Regex(@"/Account/Profile\?changed=true$"));
        await Expect(user.Locator(".notice")).ToHaveTextAsync("Your password was changed.");
        await Expect(user.GetByTestId("profile-email")).ToHaveTextAsync(email);
        await Expect(user.GetByTestId("profile-roles")).ToHaveTextAsync(new Regex("^(Change lead, Viewer|Viewer, Change lead)$"));

        await PortalUi.OpenAsync(user, "/portfolio");
        await Expect(user).ToHaveURLAsync(new Regex("/portfolio$"));
        await Expect(user.Locator(".portal-user-name")).ToHaveTextAsync("Nora Newcomer");
        await Expect(user.Locator(".portal-state h2")).ToHaveTextAsync("No programs yet");
    }

    [BrowserFact]
    public async Task Wrong_current_password_is_refused_next_to_its_field()
    {
        var admin = await OpenUsersPageAsync();
        var email = PortalUi.UniqueEmail("mistyped");
        var temporary = await PortalUi.CreateUserAsync(admin, email, "Milo Mistyped");
        var user = await PortalUi.SubmitLoginInNewContextAsync(fixture, email, temporary);
        await Expect(user).ToHaveURLAsync(new Regex(@"/Account/ChangePassword\?required=true$"));

        await PortalUi.ChangePasswordAsync(user, "not-the-temporary-one", OwnPassword);

        await Expect(PortalUi.AccountFieldMessage(user, "current")).ToHaveTextAsync("The current password is not correct.");
        await Expect(PortalUi.AccountFieldMessage(user, "new")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task Locked_user_cannot_sign_in_until_an_administrator_unlocks_them()
    {
        var admin = await OpenUsersPageAsync();
        var email = PortalUi.UniqueEmail("locked");
        var temporary = await PortalUi.CreateUserAsync(admin, email, "Lena Locked");
        var row = PortalUi.UserRow(admin, email);

        await row.Locator("button[title='Lock']").ClickAsync();
        await Expect(PortalUi.Dialog(admin)).ToContainTextAsync("Lock Lena Locked?");
        await PortalUi.ConfirmAsync(admin, "Lock");
        await Expect(row.Locator(".rz-badge")).ToHaveTextAsync("Locked");
        await Expect(admin.Locator(".rz-notification")).ToContainTextAsync("Lena Locked locked.");

        var user = await PortalUi.SubmitLoginInNewContextAsync(fixture, email, temporary);
        await Expect(user.GetByTestId("login-error")).ToHaveTextAsync("This account is locked. Ask an administrator to unlock it.");

        await row.Locator("button[title='Unlock']").ClickAsync();
        await Expect(row.Locator(".rz-badge")).ToHaveTextAsync("Temp. password");
        await Expect(row.Locator("button[title='Lock']")).ToBeVisibleAsync();

        await PortalUi.SubmitLoginAsync(user, email, temporary);
        await Expect(user).ToHaveURLAsync(new Regex(@"/Account/ChangePassword\?required=true$"));
    }

    [BrowserFact]
    public async Task Password_reset_replaces_the_users_password_with_a_new_temporary_one()
    {
        var admin = await OpenUsersPageAsync();
        var email = PortalUi.UniqueEmail("forgetful");
        var first = await PortalUi.CreateUserAsync(admin, email, "Fern Forgetful");
        var user = await PortalUi.SubmitLoginInNewContextAsync(fixture, email, first);
        await Expect(user).ToHaveURLAsync(new Regex(@"/Account/ChangePassword\?required=true$"));
        await PortalUi.ChangePasswordAsync(user, first, OwnPassword);
        await Expect(user).ToHaveURLAsync(new Regex(@"/Account/Profile\?changed=true$"));

        await PortalUi.OpenAsync(admin, "/admin/users");
        var row = PortalUi.UserRow(admin, email);
        await Expect(row.Locator(".rz-badge")).ToHaveTextAsync("Active");
        await row.Locator("button[title='Reset password']").ClickAsync();
        await Expect(PortalUi.Dialog(admin)).ToContainTextAsync("Reset the password of Fern Forgetful?");
        await PortalUi.ConfirmAsync(admin, "Reset");
        var second = await PortalUi.ReadTemporaryPasswordAsync(admin);
        Assert.NotEqual(first, second);
        await Expect(row.Locator(".rz-badge")).ToHaveTextAsync("Temp. password");

        var again = await PortalUi.SubmitLoginInNewContextAsync(fixture, email, OwnPassword);
        await Expect(again.GetByTestId("login-error")).ToHaveTextAsync("The email or password is not correct.");

        await PortalUi.SubmitLoginAsync(again, email, second);
        await Expect(again).ToHaveURLAsync(new Regex(@"/Account/ChangePassword\?required=true$"));
    }

    [BrowserFact]
    public async Task Duplicate_email_is_refused_next_to_the_email_field()
    {
        var admin = await OpenUsersPageAsync();
        await admin.GetByTestId("new-user").ClickAsync();
        var dialog = PortalUi.Dialog(admin);
        await dialog.GetByTestId("user-email").FillAsync("pmo@portal.local");
        await dialog.GetByTestId("user-name").FillAsync("Second Priya");

        await dialog.GetByTestId("create-user").ClickAsync();

        await Expect(PortalUi.FieldMessage(admin, "user-email")).ToHaveTextAsync("A user with this email already exists.");
        await Expect(dialog.Locator(".form-error")).ToHaveCountAsync(0); // in place, not in a banner
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(admin.GetByTestId("temp-password")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(admin, "admin-new-user-duplicate");
    }

    [BrowserFact]
    public async Task Empty_new_user_form_shows_a_message_next_to_each_required_field()
    {
        var admin = await OpenUsersPageAsync();
        await admin.GetByTestId("new-user").ClickAsync();

        await PortalUi.Dialog(admin).GetByTestId("create-user").ClickAsync();

        await Expect(PortalUi.FieldMessage(admin, "user-email")).ToHaveTextAsync("Enter the user's work email.");
        await Expect(PortalUi.FieldMessage(admin, "user-name")).ToHaveTextAsync("Enter the printed name.");
    }

    [BrowserFact]
    public async Task Role_checklist_lists_each_role_once()
    {
        var admin = await OpenUsersPageAsync();
        await admin.GetByTestId("new-user").ClickAsync();

        var roles = PortalUi.Dialog(admin).Locator(".role-checklist .rz-checkbox[role=checkbox]");

        await Expect(roles).ToHaveCountAsync(7);
        await Expect(roles.Filter(new() { HasText = "PmoLead" })).ToHaveCountAsync(0);
    }

    private async Task<IPage> OpenUsersPageAsync()
    {
        var admin = await fixture.SignInAsync("admin@portal.local");
        await PortalUi.OpenAsync(admin, "/admin/users");
        await Expect(PortalUi.UserRow(admin, "admin@portal.local")).ToBeVisibleAsync();
        return admin;
    }
}
