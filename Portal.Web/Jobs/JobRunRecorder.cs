using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Operations;
using Portal.Data;
using Portal.Web.Hosting;
using Quartz;

namespace Portal.Web.Jobs;

/// <summary>Writes each firing's start and outcome to the JobRuns table, so the Jobs page shows them on every node.</summary>
public sealed class JobRunRecorder(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock, IOptions<PortalOptions> options,
    ILogger<JobRunRecorder> logger) : IJobListener
{
    public string Name => "portal-job-run-recorder";

    private string Node => options.Value.NodeName ?? Environment.MachineName;

    public async ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.JobRuns.Add(new JobRun(context.JobDetail.Key.Group, context.JobDetail.Key.Name, context.FireInstanceId, Node, clock.GetUtcNow(),
            context.ScheduledFireTimeUtc));
        await db.SaveChangesAsync(cancellationToken);
    }

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var run = await db.JobRuns.FirstOrDefaultAsync(r => r.FireInstanceId == context.FireInstanceId, cancellationToken);
            if (run is null)
                return;
            var message = jobException?.Message ?? context.Result as string;
            run.Finish(jobException is null, message, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The job's own work is done; losing its history row must not turn into a job failure.
            logger.LogWarning(ex, "Could not record the outcome of job {Job}", context.JobDetail.Key);
        }
    }

    public ValueTask JobProgressChanged(IJobExecutionContext context, Quartz.Extensibility.FireInstanceProgress progress, CancellationToken cancellationToken = default) =>
        ValueTask.CompletedTask;
}
