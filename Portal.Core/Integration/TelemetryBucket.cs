namespace Portal.Core.Integration;

/// <summary>
/// A connection's runs that finished in one UTC hour, summed. Dashboards and the 24 h / 7 d / 30 d metrics read these
/// instead of raw runs (ADR-022); the rollup adds each stored run to its hour's bucket exactly once, late runs included.
/// </summary>
public class TelemetryBucket
{
    private DurationHistogram? _histogram;

    private TelemetryBucket() { }

    protected TelemetryBucket(int connectionId, DateTimeOffset startUtc)
    {
        ConnectionId = connectionId;
        HourUtc = startUtc;
    }

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
        AddTotals(other);
    }

    /// <summary>Adds another bucket's counts and durations, whatever its period (a day's bucket summing its hours).</summary>
    protected void AddTotals(TelemetryBucket other)
    {
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
/// A connection's runs that finished in one UTC day: the sum of that day's hourly buckets, so the 30 d window reads about 30
/// rows instead of 720 (ADR-026). <see cref="TelemetryBucket.HourUtc"/> is the day's midnight. The rollup adds each chunk to
/// the hours and the days in the same transaction, so both count a run exactly once.
/// </summary>
public sealed class TelemetryDayBucket : TelemetryBucket
{
    private TelemetryDayBucket() : base(0, default) { }

    private TelemetryDayBucket(int connectionId, DateTimeOffset dayUtc) : base(connectionId, dayUtc) { }

    public static DateTimeOffset DayOf(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, 0, 0, 0, TimeSpan.Zero);
    }

    public static TelemetryDayBucket EmptyDay(int connectionId, DateTimeOffset dayUtc) => new(connectionId, DayOf(dayUtc));

    /// <summary>Sums hourly buckets into days per connection.</summary>
    public static IReadOnlyList<TelemetryDayBucket> Summarize(IEnumerable<TelemetryBucket> hours)
    {
        var days = new Dictionary<(int, DateTimeOffset), TelemetryDayBucket>();
        foreach (var hour in hours)
        {
            var key = (hour.ConnectionId, DayOf(hour.HourUtc));
            if (!days.TryGetValue(key, out var day))
                days[key] = day = EmptyDay(key.Item1, key.Item2);
            day.AddHour(hour);
        }
        return days.Values.ToList();
    }

    public void AddHour(TelemetryBucket hour)
    {
        if (hour.ConnectionId != ConnectionId || DayOf(hour.HourUtc) != HourUtc)
            throw new InvalidOperationException($"The bucket of {hour.HourUtc:u} does not belong to the day {HourUtc:u} of connection {ConnectionId}.");
        AddTotals(hour);
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
    /// <summary>Whether the day buckets have been built from the hourly buckets that existed before them (once, ADR-026).</summary>
    public bool DaysBackfilled { get; private set; }

    public static TelemetryRollupState Start(DateTimeOffset now) => new() { UpdatedUtc = now.ToUniversalTime() };
}
