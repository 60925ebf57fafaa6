using Portal.Core.Common;
using Portal.Core.Integration;

namespace Portal.Web.Features.Integration;

public sealed record ConnectionTile(string Key, string Name, int ProgramId, string ProgramName, string SourceSystem, string TargetSystem,
    string DataDomain, IntegrationPattern Pattern, ConnectionStatus Status, string Reason, DateTimeOffset? LastSuccessUtc);

public sealed record OwnerOption(string UserId, string Name);

/// <summary>A program the user may register connections in, with the integration owners to choose from.</summary>
public sealed record RegistrationTarget(int ProgramId, string ProgramName, IReadOnlyList<OwnerOption> Owners);

public sealed record IntegrationOverview(IReadOnlyList<ConnectionTile> Tiles, IReadOnlyList<RegistrationTarget> CanRegisterIn, int ProgramCount);

public sealed record IngestionKeyView(int Id, string Name, string DisplayPrefix, string Scope, DateTimeOffset CreatedUtc, DateTimeOffset? LastUsedUtc,
    DateTimeOffset? RevokedUtc);

public sealed record ConnectionDetail(
    int Id, string Key, string Name, int ProgramId, string ProgramName, string SourceSystem, string TargetSystem, string DataDomain,
    IntegrationPattern Pattern, int ExpectedIntervalMinutes, int FreshnessSlaMinutes, decimal ErrorRateSlaPercent, int ConsecutiveFailureThreshold,
    string OwnerName, HealthReport Health, IReadOnlyList<IngestionKeyView> Keys, bool CanManage);

public sealed record RunRow(string RunId, DateTimeOffset StartedUtc, DateTimeOffset FinishedUtc, SyncRunStatus Status, long RecordsRead,
    long RecordsWritten, long RecordsFailed, int Retries, long DeadLettered, string? ErrorCode, string? ReplayOf);

public sealed record RunPage(IReadOnlyList<RunRow> Rows, int Total);

/// <summary>
/// Figures over a window, from hourly buckets plus the runs not yet rolled up (ADR-022). Reconciliation exceptions are
/// counted as they stand now, not per window: an exception is open until the queue resolves it.
/// </summary>
public sealed record HealthMetrics(string Window, long Runs, long Succeeded, long Failed, long Partial, double? SuccessRate, double? ErrorRate,
    double? P50DurationSeconds, double? P95DurationSeconds, long RecordsRead, long RecordsWritten, long RecordsFailed, long Retries,
    long DeadLettered, long Replays, int OpenReconciliationExceptions, double? OldestOpenExceptionAgeHours)
{
    public static HealthMetrics From(string window, TelemetryMetrics m, int openExceptions, TimeSpan? oldestAge) =>
        new(window, m.Runs, m.Succeeded, m.Failed, m.Partial, m.SuccessRate, m.ErrorRate, m.P50DurationSeconds, m.P95DurationSeconds,
            m.RecordsRead, m.RecordsWritten, m.RecordsFailed, m.Retries, m.DeadLettered, m.Replays, openExceptions,
            oldestAge is { } age ? Math.Round(age.TotalHours, 1) : null);
}

/// <summary>The metric windows the pages and the API offer.</summary>
public static class MetricWindows
{
    public static readonly IReadOnlyList<(string Name, TimeSpan Span)> All =
        [("24h", TimeSpan.FromHours(24)), ("7d", TimeSpan.FromDays(7)), ("30d", TimeSpan.FromDays(30))];

    public static TimeSpan Span(string name) => All.FirstOrDefault(w => w.Name == name).Span is { Ticks: > 0 } span ? span : All[0].Span;
}

/// <summary>What an integration write came to: done, or why not (the API maps each kind to a status code).</summary>
public enum IntegrationOutcomeKind { Done, NotFound, Forbidden, Invalid }

public sealed record IntegrationOutcome<T>(IntegrationOutcomeKind Kind, T? Value, IReadOnlyList<FieldError> Errors, string Message)
{
    public static IntegrationOutcome<T> Done(T value) => new(IntegrationOutcomeKind.Done, value, [], "");
    public static IntegrationOutcome<T> NotFound(string message) => new(IntegrationOutcomeKind.NotFound, default, [], message);
    public static IntegrationOutcome<T> Forbidden(string message) => new(IntegrationOutcomeKind.Forbidden, default, [], message);
    public static IntegrationOutcome<T> Invalid(IReadOnlyList<FieldError> errors) =>
        new(IntegrationOutcomeKind.Invalid, default, errors, string.Join(" ", errors.Select(e => e.Message)));
}
