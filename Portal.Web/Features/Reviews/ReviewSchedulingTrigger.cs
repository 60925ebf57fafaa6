using Portal.Web.Jobs;
using Quartz;

namespace Portal.Web.Features.Reviews;

/// <summary>
/// Asks the scheduler to run the review scheduling job now, so the reviews appear right after the actual go-live is saved.
/// If the scheduler cannot take the request the periodic run schedules them instead; the save itself never fails for it.
/// </summary>
public sealed class ReviewSchedulingTrigger(ISchedulerFactory schedulers, ILogger<ReviewSchedulingTrigger> logger)
{
    public async Task TriggerAsync(CancellationToken ct = default)
    {
        try
        {
            var scheduler = await schedulers.GetScheduler(ct);
            await scheduler.TriggerJob(AdoptionReviewSchedulingJob.Key, ct);
        }
        catch (Exception e) when (e is SchedulerException or InvalidOperationException)
        {
            logger.LogWarning(e, "Could not trigger review scheduling; the periodic run will pick the change up");
        }
    }
}
