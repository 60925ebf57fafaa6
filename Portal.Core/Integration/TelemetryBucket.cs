namespace Portal.Core.Integration;

/// <summary>
/// A connection's runs that finished in one UTC hour, summed. Dashboards and the 24 h / 7 d / 30 d metrics read these
/// instead of raw runs (ADR-022); the rollup adds each stored run to its hour's bucket exactly once, late runs included.
/// </summary>
public sealed class TelemetryBucket
{
    private DurationHistogram? _histogram;

    private TelemetryBucket() { }

    public long Id { get; private set; }
    public int ConnectionId { get; private set; }
    /// <summary>Start of the hour (UTC) the runs finished in.</summary>
    public DateTimeOffset HourUtc { get; private set; }
    public long Runs { get; private set; }
    public long Succeeded { get; private set; }
    public long Failed { get; private set; }
    public long Partial { get; private set; }
    public long DurationMillisecondsSum { get; private set; }
    public long RecordsRead { get; private set; }
    public long RecordsWritten { get; private set; }
    public long RecordsFailed { get; private set; }
    public long Retries { get; private set; }
    public long DeadLettered { get; private set; }
    public long Replays { get; private set; }
    /// <summary><see cref="DurationHistogram.Encode"/> of the hour's durations.</summary>
    public string DurationHistogramText { get; private set; } = string.Empty;

    public DurationHistogram Durations => _histogram ??= DurationHistogram.Decode(DurationHistogramText);

    public static DateTimeOffset HourOf(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    public static TelemetryBucket Empty(int connectionId, DateTimeOffset hourUtc) =>
        new() { ConnectionId = connectionId, HourUtc = HourOf(hourUtc) };

    /// <summary>Sums runs into buckets per connection and hour of finish.</summary>
    public static IReadOnlyList<TelemetryBucket> Summarize(IEnumerable<SyncRun> runs)
    {
        var buckets = new Dictionary<(int, DateTimeOffset), TelemetryBucket>();
        foreach (var run in runs)
        {
            var key = (run.ConnectionId, HourOf(run.FinishedUtc));
            if (!buckets.TryGetValue(key, out var bucket))
                buckets[key] = bucket = Empty(key.Item1, key.Item2);
            bucket.AddWithoutEncoding(run);
        }
        foreach (var bucket in buckets.Values)
            bucket.DurationHistogramText = bucket.Durations.Encode(); // once per bucket, not once per run
        return buckets.Values.ToList();
    }

    public void Add(SyncRun run)
    {
        AddWithoutEncoding(run);
        DurationHistogramText = Durations.Encode();
    }

    private void AddWithoutEncoding(SyncRun run)
    {
        if (run.ConnectionId != ConnectionId || HourOf(run.FinishedUtc) != HourUtc)
            throw new InvalidOperationException($"Run {run.RunId} does not belong to the bucket of connection {ConnectionId} at {HourUtc:u}.");
        Runs++;
        switch (run.Status)
        {
            case SyncRunStatus.Succeeded: Succeeded++; break;
            case SyncRunStatus.Failed: Failed++; break;
            default: Partial++; break;
        }
        DurationMillisecondsSum += (long)Math.Round(run.Duration.TotalMilliseconds);
        RecordsRead += run.RecordsRead;
        RecordsWritten += run.RecordsWritten;
        RecordsFailed += run.RecordsFailed;
        Retries += run.Retries;
        DeadLettered += run.DeadLettered;
        if (run.ReplayOf is not null)
            Replays++;
        Durations.Add(run.Duration);
    }

    /// <summary>Adds another summary of the same connection and hour (the rollup merging a chunk into the stored bucket).</summary>
    public void Merge(TelemetryBucket other)
    {
        if (other.ConnectionId != ConnectionId || other.HourUtc != HourUtc)
            throw new InvalidOperationException("Only buckets of the same connection and hour merge.");
        Runs += other.Runs;
        Succeeded += other.Succeeded;
        Failed += other.Failed;
        Partial += other.Partial;
        DurationMillisecondsSum += other.DurationMillisecondsSum;
        RecordsRead += other.RecordsRead;
        RecordsWritten += other.RecordsWritten;
        RecordsFailed += other.RecordsFailed;
        Retries += other.Retries;
        DeadLettered += other.DeadLettered;
        Replays += other.Replays;
        Durations.Merge(other.Durations);
        DurationHistogramText = Durations.Encode();
    }
}

/// <summary>
/// How far the rollup has read: every stored run with an id at or below <see cref="LastRunId"/> is in a bucket, none above.
/// One row; advanced in the same transaction as the bucket writes with a compare-and-set, so a run is counted once even if
/// two rollups race (ADR-022).
/// </summary>
public sealed class TelemetryRollupState
{
    public const int SingletonId = 1;

    private TelemetryRollupState() { }

    public int Id { get; private set; } = SingletonId;
    public long LastRunId { get; private set; }
    public DateTimeOffset UpdatedUtc { get; private set; }

    public static TelemetryRollupState Start(DateTimeOffset now) => new() { UpdatedUtc = now.ToUniversalTime() };
}
