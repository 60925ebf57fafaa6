using Portal.Web.Features.Integration;
using Quartz;

namespace Portal.Web.Jobs;

/// <summary>
/// Every minute: rolls new sync runs into hourly buckets (exactly once, in bounded chunks, catching up after downtime),
/// then brings the SLA-breach ledger up to date. Both steps are idempotent, so a re-run or a missed firing is harmless.
/// </summary>
[DisallowConcurrentExecution]
public sealed class TelemetryRollupJob(TelemetryRollupService rollup, SlaBreachService breaches) : IJob
{
    public static readonly JobKey Key = new("telemetry-rollup", "integration");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var run = await rollup.RollUpAsync(cancellationToken);
        var sla = await breaches.EvaluateAsync(cancellationToken);
        context.Result = $"{run.Runs:N0} run{(run.Runs == 1 ? "" : "s")} rolled up in {run.Chunks} chunk{(run.Chunks == 1 ? "" : "s")}"
            + (run.CaughtUp ? "" : " (more to catch up next run)")
            + $"; SLA breaches: {sla.Opened} opened, {sla.Closed} closed, {sla.Open} open.";
    }
}

/// <summary>Hourly: prunes raw runs past the retention period that are already rolled up, in small batches.</summary>
[DisallowConcurrentExecution]
public sealed class TelemetryRetentionJob(TelemetryRollupService rollup) : IJob
{
    public static readonly JobKey Key = new("telemetry-retention", "integration");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var run = await rollup.PruneAsync(cancellationToken);
        context.Result = $"{run.Deleted:N0} raw run{(run.Deleted == 1 ? "" : "s")} pruned in {run.Statements} statement{(run.Statements == 1 ? "" : "s")}"
            + (run.Done ? "." : "; more next run.");
    }
}
