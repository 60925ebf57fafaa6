using Microsoft.EntityFrameworkCore;
using Portal.Core.Uat;
using Portal.Data;
using Portal.Web.Features.Milestones;

namespace Portal.Web.Features.Uat;

/// <summary>Adds <see cref="UatFacts"/> for computed criteria: each program's thresholds and its current cycle's rates.</summary>
public sealed class UatFactsSource : IProgramFactsSource
{
    public async Task<IReadOnlyDictionary<int, object>> LoadAsync(PortalDbContext db, IReadOnlyCollection<int> programIds, DateOnly today, CancellationToken ct)
    {
        var scenarios = (await db.UatScenarios.AsNoTracking().Where(s => programIds.Contains(s.ProgramId)).ToListAsync(ct)).ToLookup(s => s.ProgramId);
        var cycles = (await db.UatCycles.AsNoTracking().Where(c => programIds.Contains(c.ProgramId)).ToListAsync(ct)).ToLookup(c => c.ProgramId);
        var gates = await db.UatGates.AsNoTracking().Where(g => programIds.Contains(g.ProgramId)).ToDictionaryAsync(g => g.ProgramId, ct);
        var current = programIds.ToDictionary(id => id, id => UatQuery.Current(cycles[id]));
        var latest = await UatQuery.LatestAsync(db, current.Values.OfType<UatCycle>().Select(c => c.Id).ToList(), ct);
        return programIds.ToDictionary(id => id, id => (object)new UatFacts(
            gates.TryGetValue(id, out var gate) ? gate.Thresholds : UatGate.Defaults,
            current[id]?.Name,
            UatQuery.Rates(scenarios[id], current[id] is { } c ? latest[c.Id] : new Dictionary<int, UatQuery.Latest>())));
    }
}
