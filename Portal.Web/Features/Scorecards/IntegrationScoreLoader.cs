using Microsoft.EntityFrameworkCore;
using Portal.Core.Integration;
using Portal.Core.Scorecards;
using Portal.Data;

namespace Portal.Web.Features.Scorecards;

/// <summary>
/// The integration-health inputs of many programs in two queries whatever their number (the portfolio builds 40 cards at
/// once): the connections with their run history (last success, first run, failures since) and open exceptions (count and
/// oldest) as correlated index reads in one statement, and the SLA breaches that touch the last 30 days. Status is then the
/// connection pages' own rule, <see cref="ConnectionHealth.Evaluate(TimeSpan, int, RunHistory, DateTimeOffset)"/>.
/// </summary>
public static class IntegrationScoreLoader
{
    public static async Task<IReadOnlyDictionary<int, IntegrationHealthInput>> LoadAsync(PortalDbContext db, IReadOnlyList<int> programIds,
        DateTimeOffset now, CancellationToken ct)
    {
        var failed = SyncRunStatus.Failed;
        var connections = await db.Connections.AsNoTracking().Where(c => programIds.Contains(c.ProgramId))
            .Select(c => new
            {
                c.Id, c.Key, c.Name, c.ProgramId, c.ExpectedIntervalMinutes, c.ConsecutiveFailureThreshold,
                LastSuccess = db.SyncRuns.Where(r => r.ConnectionId == c.Id && r.Status != failed)
                    .OrderByDescending(r => r.FinishedUtc).Select(r => (DateTimeOffset?)r.FinishedUtc).FirstOrDefault(),
                FirstRun = db.SyncRuns.Where(r => r.ConnectionId == c.Id)
                    .OrderBy(r => r.FinishedUtc).Select(r => (DateTimeOffset?)r.FinishedUtc).FirstOrDefault(),
                // Runs after the last success (all runs when there was none): failed ones by definition.
                Failures = db.SyncRuns.Count(r => r.ConnectionId == c.Id && r.FinishedUtc > (db.SyncRuns
                    .Where(s => s.ConnectionId == c.Id && s.Status != failed).OrderByDescending(s => s.FinishedUtc)
                    .Select(s => (DateTimeOffset?)s.FinishedUtc).FirstOrDefault() ?? DateTimeOffset.MinValue)),
                OpenExceptions = db.ReconciliationExceptions.Count(e => e.ConnectionId == c.Id && e.State == ExceptionState.Open),
                OldestOpen = db.ReconciliationExceptions.Where(e => e.ConnectionId == c.Id && e.State == ExceptionState.Open)
                    .OrderBy(e => e.DetectedUtc).Select(e => (DateTimeOffset?)e.DetectedUtc).FirstOrDefault(),
            })
            .ToListAsync(ct);
        if (connections.Count == 0)
            return programIds.ToDictionary(id => id, _ => IntegrationHealthInput.None);

        var ids = connections.Select(c => c.Id).ToList();
        var windowStart = now.AddDays(-IntegrationScores.BreachWindowDays);
        var breaches = await db.SlaBreaches.AsNoTracking()
            .Where(b => ids.Contains(b.ConnectionId) && (b.EndUtc == null || b.EndUtc >= windowStart || b.StartUtc >= windowStart))
            .Select(b => new { b.ConnectionId, b.StartUtc, b.EndUtc }).ToListAsync(ct);

        var keys = connections.ToDictionary(c => c.Id, c => c.Key);
        var result = new Dictionary<int, IntegrationHealthInput>();
        foreach (var programId in programIds)
        {
            var mine = connections.Where(c => c.ProgramId == programId).ToList();
            if (mine.Count == 0)
            {
                result[programId] = IntegrationHealthInput.None;
                continue;
            }
            var mineIds = mine.Select(c => c.Id).ToHashSet();
            var statuses = mine.Select(c =>
            {
                var history = c.FirstRun is null && c.LastSuccess is null
                    ? RunHistory.None
                    : new RunHistory(c.LastSuccess, c.LastSuccess is null ? c.FirstRun : null, c.Failures);
                var health = ConnectionHealth.Evaluate(TimeSpan.FromMinutes(c.ExpectedIntervalMinutes), c.ConsecutiveFailureThreshold, history, now);
                return new ConnectionStatusInput(c.Key, c.Name, health.Status);
            }).ToList();
            result[programId] = new IntegrationHealthInput(statuses, mine.Sum(c => c.OpenExceptions), mine.Min(c => c.OldestOpen),
                breaches.Where(b => mineIds.Contains(b.ConnectionId)).Select(b => new BreachInput(keys[b.ConnectionId], b.StartUtc, b.EndUtc)).ToList());
        }
        return result;
    }
}
