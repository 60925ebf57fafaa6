namespace Portal.Web.Features.Account;

public static class PortalClaims
{
    public const string DisplayName = "portal:display_name";
    public const string MustChangePassword = "portal:must_change_password";
    public const string SignInTime = "portal:auth_time";
}
