using Portal.Core.Common;

namespace Portal.Core.Integration;

/// <summary>One sync run as it arrives on the wire, before checking: dates are text so "with an offset" can be checked.</summary>
public sealed record SyncRunReport(
    string? RunId, string? Connection, string? StartedAt, string? FinishedAt, string? Status,
    long? RecordsRead, long? RecordsWritten, long? RecordsFailed, long? Retries, long? DeadLettered,
    string? ErrorCode, string? ErrorMessage, string? ReplayOf);

/// <summary>
/// One run of a connection's sync, reported by the integration platform. Immutable once stored: a run is identified by
/// its connection and run id, re-sending the same content is a harmless duplicate and different content under a stored
/// run id is refused (<see cref="SameContentAs"/>).
/// </summary>
public sealed class SyncRun
{
    public const int MaxErrorCodeLength = 100;
    public const int MaxErrorMessageLength = 4000;
    public const long MaxRecords = 1_000_000_000_000;
    public const int MaxRetries = 10_000;
    /// <summary>A run longer than a month is a reporting error, not a sync.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(31);

    private SyncRun() { }

    public long Id { get; private set; }
    public int ConnectionId { get; private set; }
    public string RunId { get; private set; } = string.Empty;
    public DateTimeOffset StartedUtc { get; private set; }
    public DateTimeOffset FinishedUtc { get; private set; }
    public SyncRunStatus Status { get; private set; }
    public long RecordsRead { get; private set; }
    public long RecordsWritten { get; private set; }
    public long RecordsFailed { get; private set; }
    public int Retries { get; private set; }
    public long DeadLettered { get; private set; }
    public string? ErrorCode { get; private set; }
    public string? ErrorMessage { get; private set; }
    public string? ReplayOf { get; private set; }
    public DateTimeOffset ReceivedUtc { get; private set; }

    public TimeSpan Duration => FinishedUtc - StartedUtc;
    public bool IsSuccess => Status is SyncRunStatus.Succeeded or SyncRunStatus.Partial;

    /// <summary>
    /// Checks a reported run on its own (every broken rule, not the first). The connection key is only checked for shape
    /// here; the caller resolves it to <paramref name="connectionId"/> (0 while unknown).
    /// </summary>
    public static Result<SyncRun> Record(SyncRunReport report, int connectionId, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        TelemetryRules.Id(errors, "runId", report.RunId);
        TelemetryRules.ConnectionKey(errors, report.Connection);
        var started = TelemetryRules.Timestamp(errors, "startedAt", report.StartedAt, now);
        var finished = TelemetryRules.Timestamp(errors, "finishedAt", report.FinishedAt, now);
        if (started is { } s && finished is { } f)
        {
            if (f < s)
                errors.Add("finishedAt", $"finishedAt {report.FinishedAt} is before startedAt {report.StartedAt}.");
            else if (f - s > MaxDuration)
                errors.Add("finishedAt", $"The run lasts more than {MaxDuration.TotalDays:0} days ({report.StartedAt} to {report.FinishedAt}).");
        }
        if (!IntegrationNames.TryParseRunStatus(report.Status, out var status))
            errors.Add("status", report.Status is null
                ? "status is required: succeeded, failed or partial."
                : $"status '{TelemetryRules.Clip(report.Status)}' is not one of succeeded, failed, partial.");
        var read = TelemetryRules.Count(errors, "recordsRead", report.RecordsRead, MaxRecords);
        var written = TelemetryRules.Count(errors, "recordsWritten", report.RecordsWritten, MaxRecords);
        var failed = TelemetryRules.Count(errors, "recordsFailed", report.RecordsFailed, MaxRecords);
        var retries = TelemetryRules.Count(errors, "retries", report.Retries, MaxRetries);
        var deadLettered = TelemetryRules.Count(errors, "deadLettered", report.DeadLettered, MaxRecords);
        var errorCode = TelemetryRules.Optional(errors, "errorCode", report.ErrorCode, MaxErrorCodeLength);
        var errorMessage = TelemetryRules.Optional(errors, "errorMessage", report.ErrorMessage, MaxErrorMessageLength);
        var replayOf = TelemetryRules.Optional(errors, "replayOf", report.ReplayOf, TelemetryRules.MaxIdLength);
        if (replayOf is not null && replayOf == report.RunId)
            errors.Add("replayOf", "A run cannot be a replay of itself.");
        if (errors.Any)
            return Result<SyncRun>.Failure(errors.ToList());

        return Result<SyncRun>.Success(new SyncRun
        {
            ConnectionId = connectionId,
            RunId = report.RunId!,
            StartedUtc = started!.Value,
            FinishedUtc = finished!.Value,
            Status = status,
            RecordsRead = read,
            RecordsWritten = written,
            RecordsFailed = failed,
            Retries = (int)retries,
            DeadLettered = deadLettered,
            ErrorCode = errorCode,
            ErrorMessage = errorMessage,
            ReplayOf = replayOf,
            ReceivedUtc = now.ToUniversalTime(),
        });
    }

    /// <summary>Binds a checked run to the connection its key resolved to.</summary>
    public void AssignTo(int connectionId) => ConnectionId = connectionId;

    /// <summary>Same run as reported (the receipt time is not part of what was reported).</summary>
    public bool SameContentAs(SyncRun other) =>
        ConnectionId == other.ConnectionId && RunId == other.RunId && StartedUtc == other.StartedUtc && FinishedUtc == other.FinishedUtc
        && Status == other.Status && RecordsRead == other.RecordsRead && RecordsWritten == other.RecordsWritten
        && RecordsFailed == other.RecordsFailed && Retries == other.Retries && DeadLettered == other.DeadLettered
        && ErrorCode == other.ErrorCode && ErrorMessage == other.ErrorMessage && ReplayOf == other.ReplayOf;

    /// <summary>For test data and demo seeding: a run with the given outcome, already checked.</summary>
    public static SyncRun Create(int connectionId, string runId, DateTimeOffset started, DateTimeOffset finished, SyncRunStatus status,
        long read, long written, long failed, DateTimeOffset received, string? errorCode = null, string? errorMessage = null,
        int retries = 0, long deadLettered = 0, string? replayOf = null) => new()
    {
        ConnectionId = connectionId, RunId = runId, StartedUtc = started.ToUniversalTime(), FinishedUtc = finished.ToUniversalTime(),
        Status = status, RecordsRead = read, RecordsWritten = written, RecordsFailed = failed, Retries = retries, DeadLettered = deadLettered,
        ErrorCode = errorCode, ErrorMessage = errorMessage, ReplayOf = replayOf, ReceivedUtc = received.ToUniversalTime(),
    };
}
