using Microsoft.EntityFrameworkCore;
using Portal.Core.SystemOfRecord;
using Portal.Data;
using Portal.Web.Features.Milestones;

namespace Portal.Web.Features.SystemOfRecord;

/// <summary>The register's section of the program facts: every program asked for gets one, empty when it has no entries.</summary>
public sealed class SystemOfRecordFactsSource : IProgramFactsSource
{
    public async Task<IReadOnlyDictionary<int, object>> LoadAsync(PortalDbContext db, IReadOnlyCollection<int> programIds, DateOnly today, CancellationToken ct)
    {
        // Signatures come along (auto-included): the status is derived from them and the entry's content.
        var entries = await db.SystemOfRecordEntries.AsNoTracking().Where(e => programIds.Contains(e.ProgramId)).ToListAsync(ct);
        var byProgram = entries.ToLookup(e => e.ProgramId);
        return programIds.ToDictionary(id => id, id => (object)SystemOfRecordFacts.From(byProgram[id]));
    }
}
