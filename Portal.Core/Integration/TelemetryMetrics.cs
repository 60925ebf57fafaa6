namespace Portal.Core.Integration;

/// <summary>Figures over a window, summed from hourly buckets (and the runs not yet rolled up).</summary>
public sealed record TelemetryMetrics(long Runs, long Succeeded, long Failed, long Partial, double? SuccessRate, double? ErrorRate,
    double? P50DurationSeconds, double? P95DurationSeconds, double? AverageDurationSeconds, long RecordsRead, long RecordsWritten,
    long RecordsFailed, long Retries, long DeadLettered, long Replays)
{
    /// <summary>
    /// Sums buckets of one connection. Success counts succeeded and partial runs (data moved); the error rate is failed
    /// runs over all runs, the figure the error-rate SLA is compared with.
    /// </summary>
    public static TelemetryMetrics From(IEnumerable<TelemetryBucket> buckets)
    {
        long runs = 0, succeeded = 0, failed = 0, partial = 0, ms = 0, read = 0, written = 0, recordsFailed = 0, retries = 0, dead = 0, replays = 0;
        var durations = new DurationHistogram();
        foreach (var b in buckets)
        {
            runs += b.Runs; succeeded += b.Succeeded; failed += b.Failed; partial += b.Partial; ms += b.DurationMillisecondsSum;
            read += b.RecordsRead; written += b.RecordsWritten; recordsFailed += b.RecordsFailed; retries += b.Retries;
            dead += b.DeadLettered; replays += b.Replays;
            durations.Merge(b.Durations);
        }
        double? Share(long n) => runs == 0 ? null : Math.Round(100.0 * n / runs, 2);
        return new TelemetryMetrics(runs, succeeded, failed, partial, Share(runs - failed), Share(failed),
            durations.Percentile(0.50)?.TotalSeconds, durations.Percentile(0.95)?.TotalSeconds, runs == 0 ? null : ms / 1000.0 / runs,
            read, written, recordsFailed, retries, dead, replays);
    }
}
