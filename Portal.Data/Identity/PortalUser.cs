using Microsoft.AspNetCore.Identity;

namespace Portal.Data.Identity;

public sealed class PortalUser : IdentityUser
{
    public const int MaxDisplayNameLength = 100;
    public const int MaxJobTitleLength = 100;

    /// <summary>Printed name, used on sign-offs and in the audit trail.</summary>
    public string DisplayName { get; set; } = string.Empty;
    public string? JobTitle { get; set; }
    public DateTimeOffset CreatedUtc { get; set; }
    public DateTimeOffset? LastSignInUtc { get; set; }

    /// <summary>Set when an administrator creates the account or resets its password: the user picks their own at next sign-in.</summary>
    public bool MustChangePassword { get; set; }
}
