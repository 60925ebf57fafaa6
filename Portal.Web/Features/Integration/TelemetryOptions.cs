namespace Portal.Web.Features.Integration;

/// <summary>Settings under "Portal:Telemetry": the per-key rate limit of the ingestion API.</summary>
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
}
