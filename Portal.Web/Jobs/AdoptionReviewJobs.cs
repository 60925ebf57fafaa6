using Portal.Web.Features.Reviews;
using Quartz;

namespace Portal.Web.Jobs;

/// <summary>
/// Hourly and right after an actual go-live is saved: every live program gets its 30/60/90-day reviews, moved with the
/// go-live while nothing is recorded on them. Reconciles from the database, so a restart loses nothing.
/// </summary>
[DisallowConcurrentExecution]
public sealed class AdoptionReviewSchedulingJob(ReviewSchedulingService scheduling) : IJob
{
    public static readonly JobKey Key = new("adoption-review-scheduling", "change");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var run = await scheduling.ReconcileAsync(cancellationToken);
        context.Result = $"{run.Programs} program{(run.Programs == 1 ? "" : "s")} checked; {run.Scheduled} scheduled, {run.Moved} moved, {run.Removed} removed.";
    }
}

/// <summary>Hourly: PMO leads and sponsors hear 7 days before a review is due and once it is overdue (once per review and due date).</summary>
[DisallowConcurrentExecution]
public sealed class AdoptionReviewRemindersJob(ReviewReminderService reminders) : IJob
{
    public static readonly JobKey Key = new("adoption-review-reminders", "change");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var run = await reminders.RemindReviewsAsync(cancellationToken);
        context.Result = $"{run.Due} review{(run.Due == 1 ? "" : "s")} due soon, {run.Overdue} overdue; {run.Notified} new notification{(run.Notified == 1 ? "" : "s")}.";
    }
}

/// <summary>Hourly: reinforcement action owners hear 2 days before the due date and once it is overdue (once per action and due date).</summary>
[DisallowConcurrentExecution]
public sealed class ActionRemindersJob(ReviewReminderService reminders) : IJob
{
    public static readonly JobKey Key = new("action-reminders", "change");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var run = await reminders.RemindActionsAsync(cancellationToken);
        context.Result = $"{run.Due} action{(run.Due == 1 ? "" : "s")} due soon, {run.Overdue} overdue; {run.Notified} new notification{(run.Notified == 1 ? "" : "s")}.";
    }
}
