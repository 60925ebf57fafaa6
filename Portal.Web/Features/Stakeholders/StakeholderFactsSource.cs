using Portal.Data;
using Portal.Web.Features.Milestones;

namespace Portal.Web.Features.Stakeholders;

/// <summary>Adds the <see cref="Core.Stakeholders.StakeholderFacts"/> section for computed criteria, for many programs in one set of queries.</summary>
public sealed class StakeholderFactsSource : IProgramFactsSource
{
    public async Task<IReadOnlyDictionary<int, object>> LoadAsync(PortalDbContext db, IReadOnlyCollection<int> programIds, DateOnly today, CancellationToken ct)
    {
        var all = await StakeholderMapQuery.LoadAsync(db, programIds, ct);
        return programIds.ToDictionary(id => id, id => (object)StakeholderMapQuery.Facts(all.For(id)));
    }
}
