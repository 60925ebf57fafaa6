using Portal.Data;
using Portal.Web.Features.Milestones;

namespace Portal.Web.Features.Training;

/// <summary>Adds the <see cref="Core.Training.TrainingFacts"/> section for computed criteria, for many programs in one set of queries.</summary>
public sealed class TrainingFactsSource : IProgramFactsSource
{
    public async Task<IReadOnlyDictionary<int, object>> LoadAsync(PortalDbContext db, IReadOnlyCollection<int> programIds, DateOnly today, CancellationToken ct)
    {
        var all = await TrainingQuery.LoadAsync(db, programIds, ct);
        return all.ToDictionary(p => p.Key, p => (object)p.Value.Facts());
    }
}
