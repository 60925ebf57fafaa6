using Portal.Web.Features.Reports;
using Quartz;

namespace Portal.Web.Jobs;

/// <summary>
/// Hourly: makes the weekly scorecard PDFs that are due and removes expired report files. Safe to run again and after
/// downtime: a subscription's week is made once, whenever the job next runs.
/// </summary>
[DisallowConcurrentExecution]
public sealed class WeeklyReportJob(WeeklyReportService weekly) : IJob
{
    public static readonly JobKey Key = new("weekly-scorecard-reports", "reports");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var run = await weekly.RunAsync(cancellationToken);
        context.Result = $"{run.Generated} weekly report{(run.Generated == 1 ? "" : "s")} made, {run.Skipped} skipped (no longer a member); " +
                         $"{run.Removed} expired file{(run.Removed == 1 ? "" : "s")} removed.";
    }
}
