using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.Web.Features.Notifications;

/// <summary>Sends the outbox's due emails one by one; a failure is recorded on that email and retried later, never thrown.</summary>
public sealed class EmailOutboxService(IDbContextFactory<PortalDbContext> dbFactory, IEmailSender sender, IOptions<SmtpOptions> smtp, TimeProvider clock,
    ILogger<EmailOutboxService> logger)
{
    private const int BatchSize = 50;

    public sealed record OutboxRun(int Sent, int Failed, int GaveUp);

    public async Task<OutboxRun> SendDueAsync(CancellationToken ct)
    {
        if (!smtp.Value.IsEnabled)
            return new OutboxRun(0, 0, 0);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var due = await db.OutgoingEmails.Where(e => e.NextAttemptUtc != null && e.NextAttemptUtc <= now)
            .OrderBy(e => e.NextAttemptUtc).Take(BatchSize).ToListAsync(ct);
        int sent = 0, failed = 0, gaveUp = 0;
        foreach (var email in due)
        {
            try
            {
                await sender.SendAsync(email.ToAddress, email.Subject, email.Body, ct);
                email.MarkSent(clock.GetUtcNow());
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                email.MarkFailed(e.Message, clock.GetUtcNow());
                if (email.GaveUp) gaveUp++; else failed++;
                logger.LogWarning(e, "Sending email {Id} failed (attempt {Attempts})", email.Id, email.Attempts);
            }
            // Saved after each send, so a crash mid-batch does not send the earlier ones again.
            await db.SaveChangesAsync(ct);
        }
        return new OutboxRun(sent, failed, gaveUp);
    }
}
