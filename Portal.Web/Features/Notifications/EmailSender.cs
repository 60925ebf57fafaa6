using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Portal.Web.Features.Notifications;

/// <summary>Sends one email or throws; the outbox decides about retries.</summary>
public interface IEmailSender
{
    Task SendAsync(string to, string subject, string body, CancellationToken ct);
}

/// <summary>System.Net.Mail over the configured SMTP server (no extra package; enough for plain-text notifications).</summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options) : IEmailSender
{
    public async Task SendAsync(string to, string subject, string body, CancellationToken ct)
    {
        var o = options.Value;
        using var client = new SmtpClient(o.Host, o.Port) { EnableSsl = o.EnableSsl, DeliveryMethod = SmtpDeliveryMethod.Network };
        if (!string.IsNullOrEmpty(o.UserName))
            client.Credentials = new NetworkCredential(o.UserName, o.Password);
        using var message = new MailMessage(o.From!, to, subject, body);
        await client.SendMailAsync(message, ct);
    }
}
