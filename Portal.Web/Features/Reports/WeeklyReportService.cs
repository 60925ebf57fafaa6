using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Core.Notifications;
using Portal.Core.Reports;
using Portal.Data;
using Portal.Data.Auditing;
using Portal.Web.Features.Account;
using Portal.Web.Features.Notifications;

namespace Portal.Web.Features.Reports;

/// <summary>
/// Makes every subscription's due weekly PDF exactly once (the file's unique subscription-and-week key settles races
/// between runs and nodes), catching up the latest missed week after downtime, and only for people who can still see the
/// program. Each file is audited and announced in the app, by email too when SMTP is configured (a link, ADR-024).
/// </summary>
public sealed class WeeklyReportService(IDbContextFactory<PortalDbContext> dbFactory, ReportService reports, INotifier notifier, TimeProvider clock,
    ILogger<WeeklyReportService> logger)
{
    public const string NotificationKind = "weekly-report";

    public sealed record Run(int Generated, int Skipped, int Removed);

    public async Task<Run> RunAsync(CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        List<ReportSubscription> subscriptions;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            subscriptions = await db.ReportSubscriptions.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct);
        int generated = 0, skipped = 0;
        foreach (var subscription in subscriptions)
        {
            if (subscription.DueOn(today) is not { } due)
                continue;
            if (await GenerateAsync(subscription.Id, due, ct)) generated++; else skipped++;
        }
        var removed = await reports.RemoveExpiredAsync(ct);
        return new Run(generated, skipped, removed);
    }

    private async Task<bool> GenerateAsync(int subscriptionId, DateOnly due, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var subscription = await db.ReportSubscriptions.FirstOrDefaultAsync(s => s.Id == subscriptionId, ct);
        if (subscription is null || subscription.DueOn(due) != due)
            return false; // unsubscribed, or another run made it meanwhile
        // Membership is checked now, not when the person subscribed: someone removed from the program gets nothing.
        var user = await UserAsync(db, subscription.UserId, ct);
        var rendered = user is null ? null : await reports.ProgramPdfAsync(subscription.ProgramId, user, ct);
        if (user is null || rendered is null)
        {
            logger.LogInformation("Weekly report {Subscription} skipped: its subscriber can no longer see program {Program}", subscriptionId, subscription.ProgramId);
            return false;
        }
        var title = $"{rendered.Title}, week of {due.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}";
        var now = clock.GetUtcNow();
        var file = ReportFile.Create(ReportScope.Program, subscription.ProgramId, user.Id, title, rendered.FileName, 1, rendered.Bytes, now, (subscription.Id, due)).Value;
        db.ReportFiles.Add(file);
        subscription.MarkGenerated(due);
        db.Audit(new AuditEvent(null, "Weekly report job", ReportSubscriptionService.EntityType, subscription.Id.ToString(CultureInfo.InvariantCulture),
            "Report generated", subscription.ProgramId, NewValues: $"{title} for {user.DisplayName}, {file.SizeBytes} bytes"), now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueKeyViolation())
        {
            return false; // another run or node made this week's file first: exactly once
        }
        await notifier.NotifyAsync(new NotificationRequest(user.Id, subscription.ProgramId, NotificationKind, title,
            $"Your weekly scorecard PDF is ready: {rendered.Title}. It stays available for {ReportFile.RetentionDays} days.", "/reports",
            $"weekly-report:{subscription.Id}:{due:yyyy-MM-dd}"), ct);
        return true;
    }

    private static async Task<CurrentUser?> UserAsync(PortalDbContext db, string userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        if (user is null)
            return null;
        var roles = await db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(ct);
        return new CurrentUser(user.Id, user.DisplayName, roles.ToHashSet());
    }
}
