using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Core.Notifications;
using Portal.Core.Programs;
using Portal.Core.Reviews;
using Portal.Data;
using Portal.Data.Auditing;
using Portal.Web.Features.Notifications;

namespace Portal.Web.Features.Reviews;

/// <summary>
/// Reminders for adoption reviews and reinforcement actions. Every notice carries a dedupe key per review (or action) and
/// due date, so a second run, or a run after downtime, tells each person once. A review that is already overdue when the
/// job runs gets the overdue notice only: a "due in 7 days" reminder would be wrong by then.
/// </summary>
public sealed class ReviewReminderService(IDbContextFactory<PortalDbContext> dbFactory, INotifier notifier, TimeProvider clock)
{
    public const string ReviewReminderKind = "review-reminder";
    public const string ReviewOverdueKind = "review-overdue";
    public const string ActionReminderKind = "action-reminder";
    public const string ActionOverdueKind = "action-overdue";

    /// <summary>Reinforcement action owners hear this many days before the due date.</summary>
    public const int ActionReminderDays = 2;

    public sealed record ReminderRun(int Due, int Overdue, int Notified);

    public async Task<ReminderRun> RemindReviewsAsync(CancellationToken ct)
    {
        var today = Today;
        var horizon = today.AddDays(AdoptionReview.DueSoonDays);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var reviews = (await db.AdoptionReviews.AsNoTracking().Where(r => r.DueDate <= horizon).ToListAsync(ct))
            .Where(r => !r.IsCompleted).ToList();
        if (reviews.Count == 0)
            return new ReminderRun(0, 0, 0);
        var programs = await ProgramsAsync(db, reviews.Select(r => r.ProgramId), ct);
        int due = 0, overdue = 0, notified = 0;
        foreach (var review in reviews)
        {
            var program = programs[review.ProgramId];
            var isOverdue = review.DueDate < today;
            if (isOverdue) overdue++; else due++;
            var link = $"/programs/{program.Id}/reviews/{review.Day}";
            var told = 0;
            foreach (var member in program.Members.Where(m => m.Role is ProgramRole.PmoLead or ProgramRole.ExecutiveSponsor))
            {
                var request = isOverdue
                    ? new NotificationRequest(member.UserId, program.Id, ReviewOverdueKind, $"Overdue: {review.Day}-day adoption review",
                        $"{program.Name}: the {review.Title} is not completed. Record the measures and sign it (PMO lead and sponsor).", link, review.OverdueKey)
                    : new NotificationRequest(member.UserId, program.Id, ReviewReminderKind, $"Due soon: {review.Day}-day adoption review",
                        $"{program.Name}: the {review.Title}. Gather active users, the share of work in the new process, reconciliation hours and " +
                        "governance meetings before the review.", link, review.ReminderKey);
                if (await notifier.NotifyAsync(request, ct))
                    told++;
            }
            notified += told;
            if (isOverdue && told > 0)
                await AuditAsync(ReviewService.ReviewEntity, review.Id, "OverdueNotified", program.Id, $"{review.Title}; notified {told}", ct);
        }
        return new ReminderRun(due, overdue, notified);
    }

    public async Task<ReminderRun> RemindActionsAsync(CancellationToken ct)
    {
        var today = Today;
        var horizon = today.AddDays(ActionReminderDays);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actions = await db.ReinforcementActions.AsNoTracking().Where(a => a.Status == ActionStatus.Open && a.DueDate <= horizon).ToListAsync(ct);
        if (actions.Count == 0)
            return new ReminderRun(0, 0, 0);
        var programs = await ProgramsAsync(db, actions.Select(a => a.ProgramId), ct);
        var days = await db.AdoptionReviews.AsNoTracking().IgnoreAutoIncludes().Where(r => actions.Select(a => a.AdoptionReviewId).Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.Day, ct);
        var owners = actions.Select(a => a.OwnerUserId).Distinct().ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => owners.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
        int due = 0, overdue = 0, notified = 0;
        foreach (var action in actions)
        {
            var program = programs[action.ProgramId];
            var isOverdue = action.DueDate < today;
            if (isOverdue) overdue++; else due++;
            if (!accounts.Contains(action.OwnerUserId))
                continue;
            var link = $"/programs/{program.Id}/reviews/{days.GetValueOrDefault(action.AdoptionReviewId, 30)}";
            var request = isOverdue
                ? new NotificationRequest(action.OwnerUserId, program.Id, ActionOverdueKind, $"Overdue: reinforcement action for {action.Team}",
                    $"{program.Name}: '{action.Action}' for {action.Team} was due {action.DueDate:yyyy-MM-dd}. Close it with a note on what was done.", link,
                    action.OverdueKey)
                : new NotificationRequest(action.OwnerUserId, program.Id, ActionReminderKind, $"Due soon: reinforcement action for {action.Team}",
                    $"{program.Name}: '{action.Action}' for {action.Team} is due {action.DueDate:yyyy-MM-dd}.", link, action.ReminderKey);
            if (await notifier.NotifyAsync(request, ct))
            {
                notified++;
                if (isOverdue)
                    await AuditAsync(ReviewService.ActionEntity, action.Id, "OverdueNotified", program.Id, $"due {action.DueDate:yyyy-MM-dd}; owner notified", ct);
            }
        }
        return new ReminderRun(due, overdue, notified);
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static async Task<Dictionary<int, PortalProgram>> ProgramsAsync(PortalDbContext db, IEnumerable<int> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Programs.AsNoTracking().Include(p => p.Members).Where(p => list.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
    }

    private async Task AuditAsync(string entity, int id, string action, int programId, string newValues, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Audit(new AuditEvent(null, "System", entity, id.ToString(), action, programId, null, newValues), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }
}
