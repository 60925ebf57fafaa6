using Microsoft.EntityFrameworkCore;
using Portal.Core.Decommissioning;
using Portal.Data;
using Portal.Web.Features.Milestones;

namespace Portal.Web.Features.Decommissioning;

/// <summary>The register's section of the program facts: every program asked for gets one, empty when it lists no workarounds.</summary>
public sealed class DecommissioningFactsSource : IProgramFactsSource
{
    public async Task<IReadOnlyDictionary<int, object>> LoadAsync(PortalDbContext db, IReadOnlyCollection<int> programIds, DateOnly today, CancellationToken ct)
    {
        // Signatures come along (auto-included): whether a workaround is decommissioned is derived from them.
        var workarounds = await db.LegacyWorkarounds.AsNoTracking().Where(w => programIds.Contains(w.ProgramId)).ToListAsync(ct);
        var byProgram = workarounds.ToLookup(w => w.ProgramId);
        return programIds.ToDictionary(id => id, id => (object)DecommissioningFacts.From(byProgram[id]));
    }
}
