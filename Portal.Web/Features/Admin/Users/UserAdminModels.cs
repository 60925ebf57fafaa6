using System.ComponentModel.DataAnnotations;
using Portal.Data.Identity;

namespace Portal.Web.Features.Admin.Users;

public sealed record UserRow(
    string Id, string DisplayName, string Email, string? JobTitle, IReadOnlyList<string> Roles,
    bool IsLockedOut, DateTimeOffset? LockoutEnd, DateTimeOffset? LastSignInUtc, bool MustChangePassword, int ProgramCount);

public sealed class NewUserForm
{
    [Required(ErrorMessage = "Enter the user's work email.")]
    [EmailAddress(ErrorMessage = "Enter an email address like name@company.com.")]
    [StringLength(256)]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter the printed name.")]
    [StringLength(PortalUser.MaxDisplayNameLength, ErrorMessage = "The printed name must be at most 100 characters.")]
    public string DisplayName { get; set; } = string.Empty;

    [StringLength(PortalUser.MaxJobTitleLength, ErrorMessage = "The job title must be at most 100 characters.")]
    public string? JobTitle { get; set; }

    public IEnumerable<string> Roles { get; set; } = [];
}

/// <summary>A temporary password, shown to the administrator once; the user must replace it at first sign-in.</summary>
public sealed record TemporaryPassword(string Email, string Password);
