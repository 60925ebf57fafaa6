namespace Portal.Core.Security;

/// <summary>Account policy limits, referenced by Identity configuration and by forms.</summary>
public static class PasswordRules
{
    public const int MinimumLength = 12;
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteSessionLifetime = TimeSpan.FromHours(12);
}
