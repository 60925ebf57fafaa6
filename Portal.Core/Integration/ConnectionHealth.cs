namespace Portal.Core.Integration;

/// <summary>What health needs to know about a connection's runs; read from the database in a few small queries.</summary>
/// <param name="LastSuccessUtc">When the latest succeeded or partial run finished, or null.</param>
/// <param name="FirstRunUtc">When the earliest run started, or null when there are no runs.</param>
/// <param name="ConsecutiveFailures">Failed runs that finished after the last success.</param>
public sealed record RunHistory(DateTimeOffset? LastSuccessUtc, DateTimeOffset? FirstRunUtc, int ConsecutiveFailures)
{
    public static RunHistory None { get; } = new(null, null, 0);
    public bool HasRuns => FirstRunUtc is not null || LastSuccessUtc is not null;
}

/// <summary>A connection's status with the sentence that explains it ("Last success 47 min ago; expected every 15 min").</summary>
public sealed record HealthReport(ConnectionStatus Status, string Reason, DateTimeOffset? LastSuccessUtc);

/// <summary>
/// The health rules of issue 6 (ADR-020). With age = time since the last success (or, when there was none yet, since the
/// first run) and grace = 10% of the expected interval but at least one minute:
/// Unknown: no runs. Failing: consecutive failures at or above the threshold, or age beyond twice the interval.
/// Late: age beyond interval + grace. Healthy: otherwise. Boundaries belong to the better status ("within").
/// </summary>
public static class ConnectionHealth
{
    public static readonly TimeSpan MinimumGrace = TimeSpan.FromMinutes(1);
    public const double GraceShare = 0.10;

    public static TimeSpan Grace(TimeSpan interval)
    {
        var share = TimeSpan.FromTicks((long)(interval.Ticks * GraceShare));
        return share > MinimumGrace ? share : MinimumGrace;
    }

    public static HealthReport Evaluate(Connection connection, RunHistory history, DateTimeOffset now) =>
        Evaluate(connection.ExpectedInterval, connection.ConsecutiveFailureThreshold, history, now);

    public static HealthReport Evaluate(TimeSpan interval, int failureThreshold, RunHistory history, DateTimeOffset now)
    {
        var expected = $"expected every {IntegrationNames.Describe(interval)}";
        if (!history.HasRuns)
            return new HealthReport(ConnectionStatus.Unknown, $"No runs reported yet; {expected}.", null);

        var since = history.LastSuccessUtc ?? history.FirstRunUtc!.Value;
        var age = now - since;
        if (age < TimeSpan.Zero)
            age = TimeSpan.Zero; // a sender's clock slightly ahead of ours is not a problem of the connection
        var what = history.LastSuccessUtc is null
            ? $"No successful run yet; first run {IntegrationNames.Describe(age)} ago"
            : $"Last success {IntegrationNames.Describe(age)} ago";

        if (history.ConsecutiveFailures >= failureThreshold)
            return new HealthReport(ConnectionStatus.Failing,
                $"{history.ConsecutiveFailures} consecutive failed runs (threshold {failureThreshold}); {Lower(what)}; {expected}.", history.LastSuccessUtc);
        if (age > 2 * interval)
            return new HealthReport(ConnectionStatus.Failing, $"{what}; {expected}.", history.LastSuccessUtc);
        if (age > interval + Grace(interval))
            return new HealthReport(ConnectionStatus.Late, $"{what}; {expected}.", history.LastSuccessUtc);
        if (history.LastSuccessUtc is null)
            return new HealthReport(ConnectionStatus.Unknown, $"{what}; {expected}.", null);
        return new HealthReport(ConnectionStatus.Healthy, $"{what}; {expected}.", history.LastSuccessUtc);
    }

    private static string Lower(string text) => char.ToLowerInvariant(text[0]) + text[1..];
}
