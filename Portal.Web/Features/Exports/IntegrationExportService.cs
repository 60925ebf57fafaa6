using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Common;
using Portal.Core.Integration;
using Portal.Data;
using Portal.Web.Features.Account;
using Portal.Web.Features.Integration;
using Portal.Web.Features.Milestones;

namespace Portal.Web.Features.Exports;

/// <summary>Why an export was refused: the program is not visible (404), or a parameter is invalid (400 with field errors).</summary>
public sealed record ExportRequest(CsvExport? Export, IReadOnlyList<FieldError> Errors)
{
    public bool NotFound => Export is null && Errors.Count == 0;
}

/// <summary>
/// CSV exports of the integration registers (ADR-025): connections with their current status, sync runs of a bounded period
/// (streamed straight from the database reader, connection by connection, so 200,000 runs never sit in memory) and
/// reconciliation exceptions with state, assignee and age.
/// </summary>
public sealed class IntegrationExportService(IDbContextFactory<PortalDbContext> dbFactory, IntegrationService integration, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> ConnectionColumns =
    [
        "key", "name", "source_system", "target_system", "data_domain", "pattern", "expected_interval_minutes", "freshness_sla_minutes",
        "error_rate_sla_percent", "failure_threshold", "owner", "status", "reason", "last_success_utc", "created_utc",
    ];

    public static readonly IReadOnlyList<string> RunColumns =
    [
        "connection", "run_id", "started_utc", "finished_utc", "duration_seconds", "status", "records_read", "records_written", "records_failed",
        "retries", "dead_lettered", "error_code", "error_message", "replay_of", "received_utc",
    ];

    public static readonly IReadOnlyList<string> ExceptionColumns =
    [
        "exception_id", "connection", "detected_utc", "object_type", "object_key", "source_value", "target_value", "amount_delta", "currency",
        "state", "assignee", "age_days", "resolved_utc", "resolved_by",
    ];

    public async Task<CsvExport?> ConnectionsAsync(int programId, CurrentUser user, CancellationToken ct)
    {
        if (await integration.ListAsync(programId, user, ct) is not { } tiles)
            return null;
        return CsvExport.Of("connections", ConnectionColumns, ConnectionLines(programId, tiles, ct));
    }

    /// <summary>
    /// Runs that finished within the period's whole UTC days, by connection key, then finish time; all the program's connections,
    /// or the one named by <paramref name="connectionKey"/> (a key not in the program is a 400, not an empty file).
    /// </summary>
    public async Task<ExportRequest> SyncRunsAsync(int programId, DateOnly? from, DateOnly? to, string? connectionKey, CurrentUser user, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await MilestoneViews.VisibleProgramAsync(db, programId, user, ct) is null)
            return new ExportRequest(null, []);
        var period = ExportPeriod.Create(from, to, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (!period.Succeeded)
            return new ExportRequest(null, period.Errors);
        var key = string.IsNullOrWhiteSpace(connectionKey) ? null : Connection.NormalizeKey(connectionKey);
        if (key is not null && !await db.Connections.AnyAsync(c => c.ProgramId == programId && c.Key == key, ct))
            return new ExportRequest(null, [new FieldError("connection", $"The program has no connection with the key '{connectionKey!.Trim()}'.")]);
        var p = period.Value;
        return new ExportRequest(new CsvExport("sync-runs", string.Join(',', RunColumns) + "\r\n", RunLines(programId, key, p, ct))
        {
            Covers = $"{(key is null ? "" : key + "-")}{p.From:yyyyMMdd}-{p.To:yyyyMMdd}",
        }, []);
    }

    public async Task<CsvExport?> ExceptionsAsync(int programId, CurrentUser user, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await MilestoneViews.VisibleProgramAsync(db, programId, user, ct) is null
            ? null
            : CsvExport.Of("exceptions", ExceptionColumns, ExceptionLines(programId, ct));
    }

    /// <summary>Age in days to one decimal: an open exception's age now, a resolved one's age when it was resolved.</summary>
    public static decimal AgeDays(DateTimeOffset detectedUtc, DateTimeOffset? resolvedUtc, DateTimeOffset now) =>
        Math.Round((decimal)((resolvedUtc ?? now) - detectedUtc).TotalDays, 1, MidpointRounding.ToZero);

    private async IAsyncEnumerable<string> ConnectionLines(int programId, IReadOnlyList<ConnectionTile> tiles, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connections = await db.Connections.AsNoTracking().Where(c => c.ProgramId == programId).ToDictionaryAsync(c => c.Key, ct);
        var names = await RegisterExportService.NamesAsync(db, connections.Values.Select(c => c.OwnerUserId), ct);
        foreach (var t in tiles.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            if (!connections.TryGetValue(t.Key, out var c))
                continue; // registered between the two reads; the next export has it
            yield return CsvText.Line(c.Key, c.Name, c.SourceSystem, c.TargetSystem, c.DataDomain, c.Pattern, c.ExpectedIntervalMinutes,
                c.FreshnessSlaMinutes, c.ErrorRateSlaPercent, c.ConsecutiveFailureThreshold, names.GetValueOrDefault(c.OwnerUserId, c.OwnerUserId),
                t.Status, t.Reason, t.LastSuccessUtc, c.CreatedUtc);
        }
    }

    private async IAsyncEnumerable<string> RunLines(int programId, string? key, ExportPeriod period, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connections = await db.Connections.AsNoTracking().Where(c => c.ProgramId == programId && (key == null || c.Key == key)).OrderBy(c => c.Key)
            .Select(c => new { c.Id, c.Key }).ToListAsync(ct);
        var (start, end) = (period.StartUtc, period.EndUtc);
        foreach (var c in connections)
        {
            // One reader per connection over the (ConnectionId, FinishedUtc) index; no tracking, so each row is dropped once written.
            var runs = db.SyncRuns.AsNoTracking().Where(r => r.ConnectionId == c.Id && r.FinishedUtc >= start && r.FinishedUtc < end)
                .OrderBy(r => r.FinishedUtc).ThenBy(r => r.Id);
            await foreach (var r in runs.AsAsyncEnumerable().WithCancellation(ct))
                yield return CsvText.Line(c.Key, r.RunId, r.StartedUtc, r.FinishedUtc, Math.Round((decimal)r.Duration.TotalSeconds, 3), r.Status.WireName(),
                    r.RecordsRead, r.RecordsWritten, r.RecordsFailed, r.Retries, r.DeadLettered, r.ErrorCode, r.ErrorMessage, r.ReplayOf, r.ReceivedUtc);
        }
    }

    private async IAsyncEnumerable<string> ExceptionLines(int programId, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connections = await db.Connections.AsNoTracking().Where(c => c.ProgramId == programId).ToDictionaryAsync(c => c.Id, c => c.Key, ct);
        var ids = connections.Keys.ToList();
        var exceptions = await db.ReconciliationExceptions.AsNoTracking().Where(e => ids.Contains(e.ConnectionId))
            .OrderBy(e => e.State).ThenBy(e => e.DetectedUtc).ThenBy(e => e.Id).ToListAsync(ct);
        var names = await RegisterExportService.NamesAsync(db, exceptions.SelectMany(e => new[] { e.AssignedUserId, e.ResolvedByUserId }), ct);
        var now = clock.GetUtcNow();
        foreach (var e in exceptions)
            yield return CsvText.Line(e.ExceptionId, connections[e.ConnectionId], e.DetectedUtc, e.ObjectType, e.ObjectKey, e.SourceValue, e.TargetValue,
                e.AmountDelta, e.Currency, e.State, e.AssignedUserId is { } a ? names.GetValueOrDefault(a, a) : null,
                AgeDays(e.DetectedUtc, e.ResolvedUtc, now), e.ResolvedUtc, e.ResolvedByUserId is { } r ? names.GetValueOrDefault(r, r) : null);
    }
}
