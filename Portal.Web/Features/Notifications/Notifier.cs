using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Notifications;
using Portal.Data;

namespace Portal.Web.Features.Notifications;

/// <summary>How features tell a person something: an in-app notification, and an email when SMTP is configured.</summary>
public interface INotifier
{
    /// <summary>
    /// Creates the notification unless its recipient already has one with the same dedupe key. Returns true when it was
    /// created, false when it was a repeat. An email is only queued here; <see cref="EmailOutboxService"/> sends it.
    /// </summary>
    Task<bool> NotifyAsync(NotificationRequest request, CancellationToken ct = default);
}

public sealed class Notifier(IDbContextFactory<PortalDbContext> dbFactory, IOptions<SmtpOptions> smtp, TimeProvider clock, ILogger<Notifier> logger) : INotifier
{
    public async Task<bool> NotifyAsync(NotificationRequest request, CancellationToken ct = default)
    {
        var created = Notification.Create(request, clock.GetUtcNow());
        if (!created.Succeeded)
            throw new ArgumentException($"Invalid notification: {string.Join("; ", created.Errors.Select(e => $"{e.Field}: {e.Message}"))}", nameof(request));
        var notification = created.Value;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var seen = await db.Notifications.AsNoTracking().Where(n => n.RecipientUserId == notification.RecipientUserId && n.DedupeKey == notification.DedupeKey)
            .Select(n => new { n.RecipientUserId, n.DedupeKey }).ToListAsync(ct);
        if (Notification.IsDuplicate(request, seen.Select(s => (s.RecipientUserId, s.DedupeKey))))
            return false;
        var email = smtp.Value.IsEnabled
            ? await db.Users.AsNoTracking().Where(u => u.Id == notification.RecipientUserId).Select(u => u.Email).FirstOrDefaultAsync(ct)
            : null;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Notifications.Add(notification);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueKeyViolation())
        {
            // Another run of the same job got there first: the recipient is notified once, which is the point.
            return false;
        }
        if (!string.IsNullOrWhiteSpace(email))
        {
            db.OutgoingEmails.Add(new OutgoingEmail(notification.Id, email, notification.Title, EmailBody(notification), clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        logger.LogInformation("Notified {Recipient} ({Kind}, {Key})", notification.RecipientUserId, notification.Kind, notification.DedupeKey);
        return true;
    }

    private string EmailBody(Notification n)
    {
        var link = smtp.Value.PublicBaseUrl is { Length: > 0 } baseUrl ? baseUrl.TrimEnd('/') + n.Link : n.Link;
        return $"{n.Body}\n\nOpen in Portal: {link}\n\nYou receive this because you take part in a program in Portal.";
    }
}
