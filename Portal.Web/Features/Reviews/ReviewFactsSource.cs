using Microsoft.EntityFrameworkCore;
using Portal.Core.Reviews;
using Portal.Data;
using Portal.Web.Features.Milestones;

namespace Portal.Web.Features.Reviews;

/// <summary>The reviews' section of the program facts: every program asked for gets one, empty before go-live.</summary>
public sealed class ReviewFactsSource : IProgramFactsSource
{
    public async Task<IReadOnlyDictionary<int, object>> LoadAsync(PortalDbContext db, IReadOnlyCollection<int> programIds, DateOnly today, CancellationToken ct)
    {
        // Signatures and actions come along (auto-included): completion is derived from them.
        var reviews = await db.AdoptionReviews.AsNoTracking().Where(r => programIds.Contains(r.ProgramId)).ToListAsync(ct);
        var byProgram = reviews.ToLookup(r => r.ProgramId);
        return programIds.ToDictionary(id => id, id => (object)ReviewFacts.From(byProgram[id], today));
    }
}
