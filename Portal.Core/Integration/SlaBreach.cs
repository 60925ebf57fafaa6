namespace Portal.Core.Integration;

public enum SlaKind
{
    /// <summary>No succeeded or partial run within the freshness SLA.</summary>
    Freshness = 1,
    /// <summary>Failed runs over the last 24 hours above the error-rate SLA.</summary>
    ErrorRate = 2,
}

/// <summary>
/// One breach of a connection's freshness or error-rate SLA: open (no end) while it lasts. At most one open breach per
/// connection and kind, so evaluating again changes nothing until the situation does (ADR-022).
/// </summary>
public sealed class SlaBreach
{
    public const int MaxCauseLength = 300;

    private SlaBreach() { }

    public long Id { get; private set; }
    public int ConnectionId { get; private set; }
    public SlaKind Kind { get; private set; }
    public DateTimeOffset StartUtc { get; private set; }
    public DateTimeOffset? EndUtc { get; private set; }
    public string Cause { get; private set; } = string.Empty;

    public bool IsOpen => EndUtc is null;

    public TimeSpan DurationAt(DateTimeOffset now) => (EndUtc ?? now) - StartUtc;

    public static SlaBreach Open(int connectionId, SlaKind kind, DateTimeOffset startUtc, string cause) => new()
    {
        ConnectionId = connectionId, Kind = kind, StartUtc = startUtc.ToUniversalTime(),
        Cause = cause.Length > MaxCauseLength ? cause[..MaxCauseLength] : cause,
    };

    /// <summary>Ends the breach; an end before the start (a success reported late) is clamped to the start.</summary>
    public void Close(DateTimeOffset endUtc) => EndUtc = endUtc < StartUtc ? StartUtc : endUtc.ToUniversalTime();
}

/// <summary>
/// Decides what the ledger should do for one connection and kind, given whether the SLA is breached now. Pure, so the
/// job stays idempotent: the same inputs give "nothing to do" the second time.
/// </summary>
public static class SlaRules
{
    public sealed record Decision(SlaBreach? ToOpen, DateTimeOffset? CloseAt);

    /// <summary>
    /// Freshness: breached when the age of the last success (or, before any, of the first run) exceeds the SLA; the breach
    /// starts when the SLA ran out and ends at the next success.
    /// </summary>
    public static Decision Freshness(Connection connection, RunHistory history, SlaBreach? open, DateTimeOffset now)
    {
        if (!history.HasRuns)
            return new Decision(null, null);
        var sla = TimeSpan.FromMinutes(connection.FreshnessSlaMinutes);
        var since = history.LastSuccessUtc ?? history.FirstRunUtc!.Value;
        var breached = now - since > sla;
        if (breached && open is null)
        {
            var cause = history.LastSuccessUtc is null
                ? $"No successful run since the first run; freshness SLA {IntegrationNames.Describe(sla)}."
                : $"No successful run for more than {IntegrationNames.Describe(sla)} (freshness SLA); last success {since:yyyy-MM-dd HH:mm} UTC.";
            return new Decision(SlaBreach.Open(connection.Id, SlaKind.Freshness, since + sla, cause), null);
        }
        if (!breached && open is not null)
            return new Decision(null, history.LastSuccessUtc ?? now);
        return new Decision(null, null);
    }

    /// <summary>Error rate: breached while failed runs of the last 24 hours exceed the SLA percentage; starts and ends when observed.</summary>
    public static Decision ErrorRate(Connection connection, TelemetryMetrics last24Hours, SlaBreach? open, DateTimeOffset now)
    {
        var rate = last24Hours.ErrorRate;
        var breached = rate is { } r && (decimal)r > connection.ErrorRateSlaPercent;
        if (breached && open is null)
            return new Decision(SlaBreach.Open(connection.Id, SlaKind.ErrorRate, now,
                $"{rate:0.##}% of runs failed in the last 24 h ({last24Hours.Failed} of {last24Hours.Runs}); error-rate SLA {connection.ErrorRateSlaPercent:0.##}%."), null);
        if (!breached && open is not null)
            return new Decision(null, now);
        return new Decision(null, null);
    }
}
