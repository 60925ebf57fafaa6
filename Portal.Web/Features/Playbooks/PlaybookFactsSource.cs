using Microsoft.EntityFrameworkCore;
using Portal.Core.Playbooks;
using Portal.Core.Stakeholders;
using Portal.Data;
using Portal.Web.Features.Milestones;

namespace Portal.Web.Features.Playbooks;

/// <summary>The <see cref="PlaybookFacts"/> section: current hotspots, what was applied to whom, and overdue actions.</summary>
public sealed class PlaybookFactsSource : IProgramFactsSource
{
    public async Task<IReadOnlyDictionary<int, object>> LoadAsync(PortalDbContext db, IReadOnlyCollection<int> programIds, DateOnly today, CancellationToken ct)
    {
        var hotspots = await StakeholderTargets.HotspotsAsync(db, programIds, ct);
        var applications = (await db.PlaybookApplications.AsNoTracking().Where(a => programIds.Contains(a.ProgramId))
                .Select(a => new
                {
                    a.ProgramId, a.TargetKind, a.GroupId, a.PersonId, a.PlaybookName,
                    Live = a.Actions.Count(x => x.Status != ActionStatus.Dropped && x.OwnerUserId != ""),
                })
                .ToListAsync(ct))
            .ToLookup(a => a.ProgramId, a => new AppliedPlaybookFact(a.TargetKind, a.TargetKind == StakeholderKind.Group ? a.GroupId!.Value : a.PersonId!.Value,
                a.PlaybookName, a.Live));
        var overdue = await db.PlaybookActions.AsNoTracking().Where(a => programIds.Contains(a.ProgramId)).Where(PlaybookAction.OverdueOn(today))
            .GroupBy(a => a.ProgramId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return programIds.ToDictionary(id => id, id => (object)new PlaybookFacts(
            hotspots.GetValueOrDefault(id) ?? [], applications[id].ToList(), overdue.GetValueOrDefault(id)));
    }
}
