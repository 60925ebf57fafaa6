namespace Portal.Core.Integration;

/// <summary>
/// What health needs to know about a connection's runs, kept up to date as runs are stored (ADR-026), so status pages read one
/// small row per connection instead of searching millions of raw runs. Runs may arrive in any order and late, so each field is
/// an order-independent fold (latest, earliest, count), except the failures after the last success: those are added when
/// the last success stays, and counted again over the stored runs when a batch moves it.
/// </summary>
public sealed class ConnectionRunState
{
    private ConnectionRunState() { }

    public int ConnectionId { get; private set; }
    /// <summary>Finish of the latest succeeded or partial run.</summary>
    public DateTimeOffset? LastSuccessUtc { get; private set; }
    /// <summary>Finish of the earliest run (health's age before any success).</summary>
    public DateTimeOffset? FirstRunUtc { get; private set; }
    public DateTimeOffset? LastRunUtc { get; private set; }
    /// <summary>Finish of the latest failed run and its error code, what the last failure was about.</summary>
    public DateTimeOffset? LastFailureUtc { get; private set; }
    public string? LastErrorCode { get; private set; }
    /// <summary>Runs that finished after the last success (all failed by definition); all runs while there was no success.</summary>
    public int ConsecutiveFailures { get; private set; }
    public long Runs { get; private set; }

    /// <summary>Health's inputs; the first run only matters (and is only given) while there was no success.</summary>
    public RunHistory History => Runs == 0 ? RunHistory.None
        : new RunHistory(LastSuccessUtc, LastSuccessUtc is null ? FirstRunUtc : null, ConsecutiveFailures);

    public static ConnectionRunState For(int connectionId) => new() { ConnectionId = connectionId };

    /// <summary>
    /// Folds newly stored runs of this connection in. Returns true when they moved the last success: the failures after it
    /// must then be counted over all stored runs (<see cref="CountFailuresAfterLastSuccess"/>), since runs stored earlier
    /// may lie on either side of the new last success.
    /// </summary>
    public bool Record(IEnumerable<SyncRun> runs)
    {
        var previousSuccess = LastSuccessUtc;
        var failuresAfterPrevious = 0;
        foreach (var run in runs)
        {
            if (run.ConnectionId != ConnectionId)
                throw new InvalidOperationException($"Run {run.RunId} belongs to connection {run.ConnectionId}, not {ConnectionId}.");
            Runs++;
            var at = run.FinishedUtc;
            if (FirstRunUtc is null || at < FirstRunUtc)
                FirstRunUtc = at;
            if (LastRunUtc is null || at > LastRunUtc)
                LastRunUtc = at;
            if (run.Status == SyncRunStatus.Failed)
            {
                if (LastFailureUtc is null || at >= LastFailureUtc)
                    (LastFailureUtc, LastErrorCode) = (at, run.ErrorCode);
                if (previousSuccess is null || at > previousSuccess)
                    failuresAfterPrevious++;
            }
            else if (LastSuccessUtc is null || at > LastSuccessUtc)
                LastSuccessUtc = at;
        }
        if (LastSuccessUtc == previousSuccess)
        {
            ConsecutiveFailures += failuresAfterPrevious;
            return false;
        }
        return true;
    }

    /// <param name="storedRunsAfterLastSuccess">Stored runs of the connection (these included) that finished after <see cref="LastSuccessUtc"/>.</param>
    public void CountFailuresAfterLastSuccess(int storedRunsAfterLastSuccess) => ConsecutiveFailures = Math.Max(0, storedRunsAfterLastSuccess);
}
