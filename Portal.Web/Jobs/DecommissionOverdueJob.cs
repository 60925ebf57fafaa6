using Portal.Web.Features.Decommissioning;
using Quartz;

namespace Portal.Web.Jobs;

/// <summary>
/// Hourly: workarounds past their decommission date notify their owner and escalate to the sponsors. Safe to run again
/// and after downtime: the dedupe key is per workaround and due date, not per day.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DecommissionOverdueJob(DecommissionOverdueService overdue) : IJob
{
    public static readonly JobKey Key = new("decommission-overdue-detection", "change");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var run = await overdue.DetectAsync(cancellationToken);
        context.Result = run.Overdue == 0
            ? "No overdue workarounds."
            : $"{run.Overdue} overdue workaround{(run.Overdue == 1 ? "" : "s")}; {run.Notified} new notification{(run.Notified == 1 ? "" : "s")}.";
    }
}
