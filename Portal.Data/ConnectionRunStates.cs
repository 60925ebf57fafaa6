using Microsoft.EntityFrameworkCore;
using Portal.Core.Integration;

namespace Portal.Data;

/// <summary>
/// Keeps <see cref="ConnectionRunState"/> in step with the stored runs: called inside the transaction that inserts them, after
/// the insert, so the state commits with the runs or not at all (ADR-026).
/// </summary>
public static class ConnectionRunStates
{
    public static async Task RecordAsync(PortalDbContext db, IReadOnlyList<SyncRun> runs, CancellationToken ct)
    {
        if (runs.Count == 0)
            return;
        var byConnection = runs.GroupBy(r => r.ConnectionId).OrderBy(g => g.Key).ToList();
        var ids = byConnection.Select(g => g.Key).ToArray();
        // The row may not exist yet (a new connection); creating it first gives concurrent batches a row to queue on.
        // Ascending ids, so two batches covering the same connections never wait on each other crosswise.
        foreach (var id in ids)
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"ConnectionRunStates\" (\"ConnectionId\", \"ConsecutiveFailures\", \"Runs\") VALUES ({0}, 0, 0) ON CONFLICT (\"ConnectionId\") DO NOTHING",
                [id], ct);
        // PostgreSQL takes batches in parallel: the row lock orders the batches of one connection, and the statements after it
        // see every batch committed before (read committed). SQLite's single writer already holds the database here.
        var states = db.Database.IsNpgsql()
            ? await db.ConnectionRunStates.FromSqlRaw("SELECT * FROM \"ConnectionRunStates\" WHERE \"ConnectionId\" = ANY({0}) ORDER BY \"ConnectionId\" FOR UPDATE", ids)
                .ToListAsync(ct)
            : await db.ConnectionRunStates.Where(s => ids.Contains(s.ConnectionId)).ToListAsync(ct);
        foreach (var group in byConnection)
        {
            var state = states.Single(s => s.ConnectionId == group.Key);
            if (state.Record(group))
            {
                var since = state.LastSuccessUtc!.Value;
                state.CountFailuresAfterLastSuccess(await db.SyncRuns.CountAsync(r => r.ConnectionId == group.Key && r.FinishedUtc > since, ct));
            }
        }
        db.ChangeTracker.DetectChanges(); // callers may have turned automatic detection off for their bulk work
        await db.SaveChangesAsync(ct);
    }
}
