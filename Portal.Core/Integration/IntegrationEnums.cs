namespace Portal.Core.Integration;

/// <summary>How data moves over a connection (shared/PRODUCT.md, "Integration side").</summary>
public enum IntegrationPattern
{
    Api = 1,
    Event = 2,
    Batch = 3,
}

/// <summary>Outcome of one sync run as the integration platform reports it.</summary>
public enum SyncRunStatus
{
    Succeeded = 1,
    Failed = 2,
    /// <summary>Data moved but some records failed; counts as a success for freshness (ADR-020).</summary>
    Partial = 3,
}

/// <summary>Health of a connection, derived from its runs and the clock; never stored.</summary>
public enum ConnectionStatus
{
    Unknown = 0,
    Healthy = 1,
    Late = 2,
    Failing = 3,
}

public static class IntegrationNames
{
    public static string DisplayName(this IntegrationPattern pattern) => pattern switch
    {
        IntegrationPattern.Api => "API",
        IntegrationPattern.Event => "Event",
        IntegrationPattern.Batch => "Batch",
        _ => pattern.ToString(),
    };

    /// <summary>Worst first: what needs attention comes before what is fine.</summary>
    public static int Severity(this ConnectionStatus status) => status switch
    {
        ConnectionStatus.Failing => 0,
        ConnectionStatus.Late => 1,
        ConnectionStatus.Unknown => 2,
        _ => 3,
    };

    /// <summary>The wire names of run statuses (lower case), as the ingestion API reads and writes them.</summary>
    public static bool TryParseRunStatus(string? text, out SyncRunStatus status)
    {
        status = text switch
        {
            "succeeded" => SyncRunStatus.Succeeded,
            "failed" => SyncRunStatus.Failed,
            "partial" => SyncRunStatus.Partial,
            _ => 0,
        };
        return status != 0;
    }

    public static string WireName(this SyncRunStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>"47 min", "3 h 5 min", "2 d 4 h": short enough for a status tile.</summary>
    public static string Describe(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
            span = TimeSpan.Zero;
        if (span < TimeSpan.FromMinutes(1))
            return span.TotalSeconds < 1 ? "0 min" : $"{(int)span.TotalSeconds} s";
        if (span < TimeSpan.FromHours(1))
            return $"{(int)span.TotalMinutes} min";
        if (span < TimeSpan.FromDays(2))
            return span.Minutes == 0 ? $"{(int)span.TotalHours} h" : $"{(int)span.TotalHours} h {span.Minutes} min";
        return span.Hours == 0 ? $"{(int)span.TotalDays} d" : $"{(int)span.TotalDays} d {span.Hours} h";
    }
}
