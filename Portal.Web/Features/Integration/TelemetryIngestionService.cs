using Microsoft.EntityFrameworkCore;
using Portal.Core.Common;
using Portal.Core.Integration;
using Portal.Data;

namespace Portal.Web.Features.Integration;

public enum IngestKind { Accepted, Forbidden, Invalid }

/// <summary>What a telemetry batch came to: accepted (with how many were already stored), refused as a whole, or invalid items.</summary>
public sealed record IngestOutcome(IngestKind Kind, int Accepted, int Duplicates, IReadOnlyList<ItemError> Errors, string Message)
{
    public static IngestOutcome Done(int accepted, int duplicates) => new(IngestKind.Accepted, accepted, duplicates, [], "");
}

/// <summary>
/// The write path of the ingestion API (ADR-020). A batch is all or nothing: every item is checked (Core rules, the
/// connection and the key's cover, run ids unique in the batch, stored run ids with the same content, replays of known
/// runs) before anything is written; then the new rows go in with one bulk insert in one transaction, committed before the
/// caller answers 200 (runs by <see cref="SyncRunBulkInsert"/>). The database is asked twice per batch: the connections named, and the stored rows with the
/// batch's ids (one query through the unique (connection, id) index).
/// </summary>
public sealed class TelemetryIngestionService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    private readonly SemaphoreSlim _sqliteWriter = new(1, 1);

    /// <summary>The key presented as X-Api-Key, if it exists and is not revoked; its last-used time is kept to the minute.</summary>
    public async Task<IngestionKey?> AuthenticateAsync(string? presented, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(presented) || presented.Length > IngestionKey.MaxPresentedLength)
            return null;
        var hash = IngestionKey.Hash(presented.Trim());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.IngestionKeys.AsNoTracking().FirstOrDefaultAsync(k => k.SecretHash == hash, ct);
        if (key is null || key.IsRevoked)
            return null;
        var now = clock.GetUtcNow();
        if (key.MarkUsed(now))
        {
            // Conditional, so parallel requests in the same minute write once between them.
            var cutoff = now - Portal.Core.Security.PersonalApiToken.LastUsedResolution;
            await db.IngestionKeys.Where(k => k.Id == key.Id && (k.LastUsedUtc == null || k.LastUsedUtc <= cutoff))
                .ExecuteUpdateAsync(u => u.SetProperty(k => k.LastUsedUtc, now), ct);
        }
        return key;
    }

    public Task<IngestOutcome> IngestRunsAsync(IngestionKey key, TelemetryBatch<SyncRunReport> batch, CancellationToken ct) =>
        IngestAsync(key, batch, new Shape<SyncRunReport, SyncRun>(
            "runId", r => r.Connection, r => r.RunId, r => r.ReplayOf,
            (report, now) => SyncRun.Record(report, 0, now),
            (run, id) => run.AssignTo(id), run => run.ConnectionId, run => run.RunId, (a, b) => a.SameContentAs(b),
            db => db.SyncRuns, (set, ids, names) => set.Where(r => ids.Contains(r.ConnectionId) && names.Contains(r.RunId)),
            (db, runs, token) => SyncRunBulkInsert.InsertAsync(db, runs, token)), ct);

    public Task<IngestOutcome> IngestExceptionsAsync(IngestionKey key, TelemetryBatch<ReconciliationExceptionReport> batch, CancellationToken ct) =>
        IngestAsync(key, batch, new Shape<ReconciliationExceptionReport, ReconciliationException>(
            "exceptionId", r => r.Connection, r => r.ExceptionId, _ => null,
            (report, now) => ReconciliationException.Record(report, 0, now),
            (e, id) => e.AssignTo(id), e => e.ConnectionId, e => e.ExceptionId, (a, b) => a.SameContentAs(b),
            db => db.ReconciliationExceptions, (set, ids, names) => set.Where(e => ids.Contains(e.ConnectionId) && names.Contains(e.ExceptionId)),
            InsertTrackedAsync), ct);

    /// <summary>Exceptions arrive in tens, not thousands: EF's insert is fast enough and keeps their decimal mapping in one place.</summary>
    private static async Task InsertTrackedAsync(PortalDbContext db, List<ReconciliationException> exceptions, CancellationToken ct)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.ReconciliationExceptions.AddRange(exceptions);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>How one kind of telemetry record is checked, identified, compared and stored; runs and exceptions differ only here.</summary>
    private sealed record Shape<TReport, TRecord>(
        string IdField, Func<TReport, string?> ConnectionOf, Func<TReport, string?> IdOf, Func<TReport, string?> ReplayOf,
        Func<TReport, DateTimeOffset, Result<TRecord>> Check,
        Action<TRecord, int> Assign, Func<TRecord, int> ConnectionIdOf, Func<TRecord, string> RecordIdOf, Func<TRecord, TRecord, bool> Same,
        Func<PortalDbContext, DbSet<TRecord>> Set, Func<IQueryable<TRecord>, List<int>, List<string>, IQueryable<TRecord>> Stored,
        Func<PortalDbContext, List<TRecord>, CancellationToken, Task> Insert)
        where TRecord : class;

    private async Task<IngestOutcome> IngestAsync<TReport, TRecord>(IngestionKey key, TelemetryBatch<TReport> batch, Shape<TReport, TRecord> shape,
        CancellationToken ct) where TReport : class where TRecord : class
    {
        var now = clock.GetUtcNow();
        var items = batch.Items;
        var errors = new List<ItemError>(batch.Errors);
        var typed = batch.Errors.Select(e => (e.Index, e.Field)).ToHashSet();
        var records = new TRecord?[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } report)
                continue;
            var checkedRecord = shape.Check(report, now);
            if (checkedRecord.Succeeded)
                records[i] = checkedRecord.Value;
            else
                // A field with the wrong type was read as absent: its "is required" would only repeat the type error.
                errors.AddRange(checkedRecord.Errors.Where(e => !typed.Contains((i, e.Field))).Select(e => new ItemError(i, e.Field, e.Message)));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var names = items.Select(r => r is null ? null : shape.ConnectionOf(r)).Where(k => k is not null && Connection.IsValidKey(k)).Distinct().ToList();
        var connections = await db.Connections.AsNoTracking().Where(c => names.Contains(c.Key)).ToDictionaryAsync(c => c.Key, ct);
        var uncovered = connections.Values.Where(c => !key.Covers(c)).Select(c => c.Key).Order().ToList();
        if (uncovered.Count > 0)
            return new IngestOutcome(IngestKind.Forbidden, 0, 0, [],
                $"This ingestion key ({key.DisplayPrefix}…) does not cover the connection{(uncovered.Count == 1 ? "" : "s")} {string.Join(", ", uncovered)}; nothing was stored.");

        var inBatch = new Dictionary<(int, string), int>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } report || shape.ConnectionOf(report) is not { } name || !Connection.IsValidKey(name))
                continue;
            if (!connections.TryGetValue(name, out var connection))
            {
                errors.Add(new ItemError(i, "connection", $"No connection with the key '{name}' is registered."));
                continue;
            }
            if (records[i] is { } record)
                shape.Assign(record, connection.Id);
            if (shape.IdOf(report) is { Length: > 0 } id && !inBatch.TryAdd((connection.Id, id), i))
                errors.Add(new ItemError(i, shape.IdField, $"{shape.IdField} '{TelemetryRules.Clip(id)}' appears more than once in this batch (first at index {inBatch[(connection.Id, id)]})."));
        }

        // SQLite has one writer at a time; batches queue here instead of polling the database's busy lock, which costs
        // throughput and gives a long tail under concurrent senders. PostgreSQL takes them in parallel.
        var serialize = !db.Database.IsNpgsql();
        if (serialize)
            await _sqliteWriter.WaitAsync(ct);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var outcome = await CompareAndSaveAsync(db, items, records, errors, inBatch, connections, shape, attempt, ct);
                if (outcome is not null)
                    return outcome;
                db.ChangeTracker.Clear(); // a concurrent sender stored some of these ids first: compare again against what is there now
            }
        }
        finally
        {
            if (serialize)
                _sqliteWriter.Release();
        }
    }

    private static async Task<IngestOutcome?> CompareAndSaveAsync<TReport, TRecord>(PortalDbContext db, IReadOnlyList<TReport?> items,
        TRecord?[] records, List<ItemError> checkErrors, Dictionary<(int, string), int> inBatch, Dictionary<string, Connection> connections,
        Shape<TReport, TRecord> shape, int attempt, CancellationToken ct) where TReport : class where TRecord : class
    {
        var errors = new List<ItemError>(checkErrors);
        var connectionIds = connections.Values.Select(c => c.Id).ToList();
        var ids = new List<string>(items.Count);
        for (var i = 0; i < items.Count; i++)
            if (items[i] is { } report)
            {
                if (shape.IdOf(report) is { Length: > 0 } id) ids.Add(id);
                if (shape.ReplayOf(report) is { Length: > 0 } replayed) ids.Add(replayed);
            }
        var stored = ids.Count == 0 || connectionIds.Count == 0
            ? []
            : await shape.Stored(shape.Set(db).AsNoTracking(), connectionIds, ids.Distinct().ToList()).ToListAsync(ct);
        var storedById = stored.ToDictionary(r => (shape.ConnectionIdOf(r), shape.RecordIdOf(r)));

        var fresh = new List<TRecord>(items.Count);
        var duplicates = 0;
        for (var i = 0; i < items.Count; i++)
        {
            if (records[i] is not { } record || shape.ConnectionIdOf(record) == 0)
                continue;
            var slot = (shape.ConnectionIdOf(record), shape.RecordIdOf(record));
            if (inBatch.TryGetValue(slot, out var first) && first != i)
                continue; // already refused as a repeat within the batch
            if (storedById.TryGetValue(slot, out var existing))
            {
                if (shape.Same(existing, record))
                    duplicates++;
                else
                    errors.Add(new ItemError(i, shape.IdField, $"{shape.IdField} '{TelemetryRules.Clip(slot.Item2)}' is already stored for this connection with different content; a stored record never changes."));
            }
            else
                fresh.Add(record);
            if (shape.ReplayOf(items[i]!) is { Length: > 0 } replayed
                && !inBatch.ContainsKey((slot.Item1, replayed)) && !storedById.ContainsKey((slot.Item1, replayed)))
                errors.Add(new ItemError(i, "replayOf", $"replayOf '{TelemetryRules.Clip(replayed)}' is not a run of this connection, neither stored nor in this batch."));
        }
        if (errors.Count > 0)
            return new IngestOutcome(IngestKind.Invalid, 0, 0, errors.OrderBy(e => e.Index).ToList(),
                $"{errors.Select(e => e.Index).Distinct().Count()} of {items.Count} items are invalid; nothing was stored.");
        if (fresh.Count == 0)
            return IngestOutcome.Done(0, duplicates);

        try
        {
            await shape.Insert(db, fresh, ct); // one transaction, committed before the caller says 200
        }
        catch (Exception e) when (attempt == 1 && SyncRunBulkInsert.IsUniqueKeyViolation(e))
        {
            return null;
        }
        return IngestOutcome.Done(fresh.Count, duplicates);
    }
}
