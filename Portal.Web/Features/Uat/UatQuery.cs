using Microsoft.EntityFrameworkCore;
using Portal.Core.Uat;
using Portal.Data;

namespace Portal.Web.Features.Uat;

/// <summary>The reads the page and the gate share: scenarios, cycles, thresholds and each scenario's latest run in a cycle.</summary>
internal static class UatQuery
{
    public sealed record Latest(int ScenarioId, UatStatus Status, string Tester, DateTimeOffset ExecutedUtc, string DefectReference, int Runs);

    /// <summary>
    /// The latest execution per scenario in each of <paramref name="cycleIds"/> (by execution time, then by id when two runs
    /// share an instant after a correction). Read as narrow rows and reduced here: SQLite and PostgreSQL disagree on window
    /// functions through EF, and a cycle's rows are few enough.
    /// </summary>
    public static async Task<Dictionary<int, Dictionary<int, Latest>>> LatestAsync(PortalDbContext db, IReadOnlyCollection<int> cycleIds, CancellationToken ct)
    {
        var rows = await db.UatExecutions.AsNoTracking().Where(e => cycleIds.Contains(e.CycleId))
            .Select(e => new { e.Id, e.CycleId, e.ScenarioId, e.Status, e.Tester, e.ExecutedUtc, e.DefectReference }).ToListAsync(ct);
        var result = cycleIds.ToDictionary(id => id, _ => new Dictionary<int, Latest>());
        foreach (var g in rows.GroupBy(r => (r.CycleId, r.ScenarioId)))
        {
            var last = g.OrderBy(r => r.ExecutedUtc).ThenBy(r => r.Id).Last();
            result[g.Key.CycleId][g.Key.ScenarioId] = new Latest(last.ScenarioId, last.Status, last.Tester, last.ExecutedUtc, last.DefectReference, g.Count());
        }
        return result;
    }

    public static UatRates Rates(IEnumerable<UatScenario> scenarios, IReadOnlyDictionary<int, Latest> latest) =>
        UatRates.Of(scenarios.Select(s => new UatScenarioStatus(s.Key, s.ProcessArea, s.Criticality,
            latest.TryGetValue(s.Id, out var l) ? l.Status : UatStatus.NotRun)));

    public static UatCycle? Current(IEnumerable<UatCycle> cycles) => UatCycle.Current(cycles, c => c.Status, c => c.Start, c => c.Id);
}
