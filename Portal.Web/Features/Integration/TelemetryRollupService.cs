using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Portal.Core.Integration;
using Portal.Data;

namespace Portal.Web.Features.Integration;

public sealed record RollupRun(long Runs, int Chunks, long Watermark, bool CaughtUp);

public sealed record RetentionRun(long Deleted, int Statements, bool Done);

/// <summary>
/// Rolls raw sync runs into hourly buckets and prunes old raw runs (ADR-022). The rollup reads runs in id order above a
/// stored watermark; each chunk's bucket upserts and the watermark's compare-and-set commit together, so a run is counted
/// exactly once however often, late or concurrently the job runs. A run reported late for an old hour simply has a higher
/// id and lands in that old hour's bucket.
/// </summary>
public sealed class TelemetryRollupService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock, IOptions<TelemetryOptions> options)
{
    public async Task<RollupRun> RollUpAsync(CancellationToken ct = default)
    {
        var settings = options.Value;
        await BackfillDaysAsync(ct);
        var ceiling = await CeilingAsync(ct);
        long rolled = 0;
        var chunks = 0;
        long watermark = 0;
        while (chunks < settings.RollupMaxChunksPerRun)
        {
            var chunk = await RollUpChunkAsync(ceiling, Math.Max(1, settings.RollupChunkSize), ct);
            watermark = chunk.Watermark;
            if (chunk.Runs == 0)
                return new RollupRun(rolled, chunks, watermark, true);
            rolled += chunk.Runs;
            chunks++;
        }
        return new RollupRun(rolled, chunks, watermark, watermark >= ceiling);
    }

    /// <summary>
    /// Deletes raw runs that finished before the retention cutoff and are already in buckets, a batch per statement and
    /// connection, so each delete is a short transaction that ingestion waits for at most briefly.
    /// </summary>
    public async Task<RetentionRun> PruneAsync(CancellationToken ct = default)
    {
        var settings = options.Value;
        var cutoff = clock.GetUtcNow().AddDays(-Math.Max(1, settings.RawRetentionDays));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var watermark = await WatermarkAsync(db, ct);
        var connections = await db.Connections.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        long deleted = 0;
        var statements = 0;
        foreach (var connectionId in connections)
        {
            while (true)
            {
                if (statements >= settings.RetentionMaxBatchesPerRun)
                    return new RetentionRun(deleted, statements, false);
                var ids = db.SyncRuns.Where(r => r.ConnectionId == connectionId && r.FinishedUtc < cutoff && r.Id <= watermark)
                    .OrderBy(r => r.FinishedUtc).Select(r => r.Id).Take(Math.Max(1, settings.RetentionBatchSize));
                var n = await db.SyncRuns.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync(ct);
                statements++;
                deleted += n;
                if (n < settings.RetentionBatchSize)
                    break;
            }
        }
        return new RetentionRun(deleted, statements, true);
    }

    /// <summary>
    /// Once, before the first chunk that writes day buckets: builds every day from the hourly buckets stored before day buckets
    /// existed (ADR-026). The flag's compare-and-set locks the state row, so no chunk rolls up meanwhile and the days match
    /// the hours at the watermark exactly; a second run finds the flag set and does nothing.
    /// </summary>
    internal async Task<bool> BackfillDaysAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.TelemetryRollupStates.AsNoTracking().AnyAsync(s => s.Id == TelemetryRollupState.SingletonId && s.DaysBackfilled, ct))
            return false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.TelemetryRollupStates.Where(s => s.Id == TelemetryRollupState.SingletonId && !s.DaysBackfilled)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.DaysBackfilled, true).SetProperty(x => x.UpdatedUtc, clock.GetUtcNow()), ct);
        if (claimed != 1)
            return false;
        await db.TelemetryDayBuckets.ExecuteDeleteAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.TelemetryDayBuckets.AddRange(TelemetryDayBucket.Summarize(await db.TelemetryBuckets.AsNoTracking().ToListAsync(ct)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    internal static async Task<long> WatermarkAsync(PortalDbContext db, CancellationToken ct) =>
        await db.TelemetryRollupStates.AsNoTracking().Where(s => s.Id == TelemetryRollupState.SingletonId)
            .Select(s => (long?)s.LastRunId).FirstOrDefaultAsync(ct) ?? 0;

    /// <summary>
    /// The highest run id below which no insert can still be in flight. On PostgreSQL ids come from a sequence before the
    /// inserting transaction commits, so a smaller id may become visible after a larger one; a SHARE lock waits for the
    /// inserts in flight (milliseconds: batches commit at once) and holds off new ones only while the maximum is read.
    /// SQLite has a single writer, so the visible maximum already is that ceiling.
    /// </summary>
    private async Task<long> CeilingAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.GetDbConnection() is NpgsqlConnection)
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE \"SyncRuns\" IN SHARE MODE", ct);
        var max = await db.SyncRuns.MaxAsync(r => (long?)r.Id, ct) ?? 0;
        await tx.CommitAsync(ct);
        return max;
    }

    private async Task<(long Runs, long Watermark)> RollUpChunkAsync(long ceiling, int size, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var state = await db.TelemetryRollupStates.AsNoTracking().FirstOrDefaultAsync(s => s.Id == TelemetryRollupState.SingletonId, ct);
        if (state is null)
        {
            db.TelemetryRollupStates.Add(TelemetryRollupState.Start(clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        var from = state?.LastRunId ?? 0;
        var runs = await db.SyncRuns.AsNoTracking().Where(r => r.Id > from && r.Id <= ceiling).OrderBy(r => r.Id).Take(size).ToListAsync(ct);
        if (runs.Count == 0)
            return (0, from);
        var to = runs[^1].Id;
        // The compare-and-set comes first: it locks the state row, so a concurrent rollup waits here and then finds the
        // watermark moved (0 rows) instead of counting the same runs again.
        var now = clock.GetUtcNow();
        var moved = await db.TelemetryRollupStates.Where(s => s.Id == TelemetryRollupState.SingletonId && s.LastRunId == from)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastRunId, to).SetProperty(x => x.UpdatedUtc, now), ct);
        if (moved != 1)
            return (0, from);

        var summaries = TelemetryBucket.Summarize(runs);
        var connectionIds = summaries.Select(b => b.ConnectionId).Distinct().ToList();
        var first = summaries.Min(b => b.HourUtc);
        var last = summaries.Max(b => b.HourUtc);
        var stored = (await db.TelemetryBuckets.Where(b => connectionIds.Contains(b.ConnectionId) && b.HourUtc >= first && b.HourUtc <= last)
            .ToListAsync(ct)).ToDictionary(b => (b.ConnectionId, b.HourUtc));
        foreach (var summary in summaries)
        {
            if (stored.TryGetValue((summary.ConnectionId, summary.HourUtc), out var bucket))
                bucket.Merge(summary);
            else
                db.TelemetryBuckets.Add(summary);
        }
        var days = TelemetryDayBucket.Summarize(summaries);
        var firstDay = days.Min(d => d.HourUtc);
        var lastDay = days.Max(d => d.HourUtc);
        var storedDays = (await db.TelemetryDayBuckets.Where(d => connectionIds.Contains(d.ConnectionId) && d.HourUtc >= firstDay && d.HourUtc <= lastDay)
            .ToListAsync(ct)).ToDictionary(d => (d.ConnectionId, d.HourUtc));
        foreach (var day in days)
        {
            if (storedDays.TryGetValue((day.ConnectionId, day.HourUtc), out var storedDay))
                storedDay.Merge(day);
            else
                db.TelemetryDayBuckets.Add(day);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (runs.Count, to);
    }
}
