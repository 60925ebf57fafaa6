namespace Portal.Web.Features.Integration;

/// <summary>Settings under "Portal:Telemetry": the per-key rate limit of the ingestion API, rollup and retention.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Portal:Telemetry";

    /// <summary>
    /// Batches per second per ingestion key, sustained. With batches of 1,000 the default allows 200,000 runs a second per
    /// key: far above what the benchmark sends, so only a runaway sender is throttled.
    /// </summary>
    public int RequestsPerSecond { get; set; } = 200;

    /// <summary>Batches a key may send at once above the sustained rate (a sender catching up after downtime).</summary>
    public int Burst { get; set; } = 400;

    /// <summary>Raw runs older than this many days (by finish) are pruned once rolled up; hourly buckets stay (ADR-022).</summary>
    public int RawRetentionDays { get; set; } = 90;

    /// <summary>Runs the rollup reads per transaction: bounded so catching up after downtime never holds one long transaction.</summary>
    public int RollupChunkSize { get; set; } = 20_000;

    /// <summary>Chunks per rollup run; the rest waits for the next minute.</summary>
    public int RollupMaxChunksPerRun { get; set; } = 50;

    /// <summary>Raw runs deleted per statement by retention, each statement its own short transaction.</summary>
    public int RetentionBatchSize { get; set; } = 5_000;

    /// <summary>Statements per retention run; the rest waits for the next run.</summary>
    public int RetentionMaxBatchesPerRun { get; set; } = 200;
}
