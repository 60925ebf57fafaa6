namespace Portal.Web.Features.Notifications;

/// <summary>
/// "Portal:Smtp": email for notifications, off unless <see cref="Host"/> and <see cref="From"/> are set. In-app
/// notifications work either way.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Portal:Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? From { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public bool EnableSsl { get; set; } = true;

    /// <summary>The site's address as users reach it ("https://portal.example.com"), so links in emails are absolute.</summary>
    public string? PublicBaseUrl { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}
