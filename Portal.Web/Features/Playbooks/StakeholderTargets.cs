using Microsoft.EntityFrameworkCore;
using Portal.Core.Playbooks;
using Portal.Core.Stakeholders;
using Portal.Data;

namespace Portal.Web.Features.Playbooks;

/// <summary>
/// What playbooks need from the stakeholder map: the current hotspots (ranked by the Core hotspot rule), the groups
/// and people a playbook can be applied to, and a target's support history. Read-only; the map is the stakeholder
/// feature's to change.
/// </summary>
internal static class StakeholderTargets
{
    /// <summary>Current hotspots per program, ranked. Only entries that can pass the rule's score thresholds are read.</summary>
    public static async Task<Dictionary<int, IReadOnlyList<HotspotFact>>> HotspotsAsync(PortalDbContext db, IReadOnlyCollection<int> programIds, CancellationToken ct)
    {
        const int minInfluence = StakeholderRules.HotspotMinInfluence, minImpact = StakeholderRules.HotspotMinImpact;
        var groups = await db.StakeholderGroups.AsNoTracking()
            .Where(g => programIds.Contains(g.ProgramId) && g.Current != null && g.Current.Influence >= minInfluence && g.Current.Impact >= minImpact)
            .Select(g => new { g.ProgramId, g.Id, g.Name, g.Current!.Influence, g.Current.Impact, g.Current.CurrentSupport, g.Current.TargetSupport, g.Current.ResistanceType, g.Current.IsEarlyAdopter })
            .ToListAsync(ct);
        var groupIds = groups.Select(g => g.Id).ToList();
        var inheriting = await db.StakeholderPeople.AsNoTracking()
            .Where(p => groupIds.Contains(p.GroupId) && !p.IsAssessedIndividually)
            .GroupBy(p => p.GroupId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var people = await db.StakeholderPeople.AsNoTracking()
            .Where(p => programIds.Contains(p.ProgramId) && p.IsAssessedIndividually && p.Own!.Influence >= minInfluence && p.Own.Impact >= minImpact)
            .Select(p => new { p.ProgramId, p.Id, p.Name, p.GroupId, p.Own!.Influence, p.Own.Impact, p.Own.CurrentSupport, p.Own.TargetSupport, p.Own.ResistanceType, p.Own.IsEarlyAdopter })
            .ToListAsync(ct);

        var entries = groups.Select(g => (g.ProgramId, Entry: new MapEntry(StakeholderKind.Group, g.Id, g.Name, g.Id, g.Name, inheriting.GetValueOrDefault(g.Id),
                g.Influence, g.Impact, g.CurrentSupport, g.TargetSupport, g.ResistanceType, g.IsEarlyAdopter)))
            .Concat(people.Select(p => (p.ProgramId, Entry: new MapEntry(StakeholderKind.Person, p.Id, p.Name, p.GroupId, "", 1,
                p.Influence, p.Impact, p.CurrentSupport, p.TargetSupport, p.ResistanceType, p.IsEarlyAdopter))));
        return entries.GroupBy(e => e.ProgramId).ToDictionary(g => g.Key, g => (IReadOnlyList<HotspotFact>)StakeholderRules.RankHotspots(g.Select(x => x.Entry))
            .Select(h => new HotspotFact(h.Entry.Kind, h.Entry.Id, h.Entry.Name, h.Entry.GroupId, h.Entry.ResistanceType, h.Score, h.Rank)).ToList());
    }

    /// <summary>Every group and person of the program as something a playbook can be applied to, hotspots first.</summary>
    public static async Task<IReadOnlyList<TargetOption>> OptionsAsync(PortalDbContext db, int programId, CancellationToken ct)
    {
        var hotspots = (await HotspotsAsync(db, [programId], ct)).GetValueOrDefault(programId) ?? [];
        var rank = hotspots.ToDictionary(h => (h.Kind, h.Id), h => h.Rank);
        var groups = await db.StakeholderGroups.AsNoTracking().Where(g => g.ProgramId == programId)
            .Select(g => new { g.Id, g.Name, Support = g.Current == null ? (SupportLevel?)null : g.Current.CurrentSupport, Type = g.Current == null ? null : g.Current.ResistanceType })
            .ToListAsync(ct);
        var names = groups.ToDictionary(g => g.Id, g => g.Name);
        var people = await db.StakeholderPeople.AsNoTracking().Where(p => p.ProgramId == programId)
            .Select(p => new { p.Id, p.Name, p.GroupId, Support = p.Own == null ? (SupportLevel?)null : p.Own.CurrentSupport, Type = p.Own == null ? null : p.Own.ResistanceType })
            .ToListAsync(ct);
        var groupSupport = groups.ToDictionary(g => g.Id, g => (g.Support, g.Type));
        return groups.Select(g => new TargetOption(StakeholderKind.Group, g.Id, g.Name, null, g.Support, g.Type, rank.GetValueOrDefault((StakeholderKind.Group, g.Id))))
            .Concat(people.Select(p => new TargetOption(StakeholderKind.Person, p.Id, p.Name, names.GetValueOrDefault(p.GroupId),
                p.Support ?? groupSupport.GetValueOrDefault(p.GroupId).Support, p.Type ?? groupSupport.GetValueOrDefault(p.GroupId).Type,
                rank.GetValueOrDefault((StakeholderKind.Person, p.Id)))))
            .OrderBy(t => t.HotspotRank is > 0 ? t.HotspotRank : int.MaxValue).ThenBy(t => t.Kind).ThenBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>The target as it stands now, with the assessment that counts for it; null when it is not in the program.</summary>
    public static async Task<ApplicationTarget?> TargetAsync(PortalDbContext db, int programId, StakeholderKind kind, int id, CancellationToken ct)
    {
        if (kind == StakeholderKind.Group)
        {
            var group = await db.StakeholderGroups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id && g.ProgramId == programId, ct);
            return group is null ? null : new ApplicationTarget(kind, group.Id, group.Name, group.Current);
        }
        var person = await db.StakeholderPeople.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.ProgramId == programId, ct);
        if (person is null)
            return null;
        var groupAssessment = person.Own is null
            ? await db.StakeholderGroups.AsNoTracking().Where(g => g.Id == person.GroupId).Select(g => g.Current).FirstOrDefaultAsync(ct)
            : null;
        return new ApplicationTarget(kind, person.Id, person.Name, person.EffectiveAssessment(groupAssessment));
    }

    /// <summary>Support histories of the given groups and people, oldest first, keyed by subject.</summary>
    public static async Task<(ILookup<int, SupportPoint> Groups, ILookup<int, SupportPoint> People)> HistoriesAsync(
        PortalDbContext db, IReadOnlyCollection<int> groupIds, IReadOnlyCollection<int> personIds, CancellationToken ct)
    {
        var rows = await db.StakeholderAssessments.AsNoTracking()
            .Where(r => (r.GroupId != null && groupIds.Contains(r.GroupId.Value)) || (r.PersonId != null && personIds.Contains(r.PersonId.Value)))
            .Select(r => new { r.GroupId, r.PersonId, r.Assessment.AssessedUtc, r.Assessment.CurrentSupport })
            .ToListAsync(ct);
        return (rows.Where(r => r.GroupId is not null).ToLookup(r => r.GroupId!.Value, r => new SupportPoint(r.AssessedUtc, r.CurrentSupport)),
            rows.Where(r => r.PersonId is not null).ToLookup(r => r.PersonId!.Value, r => new SupportPoint(r.AssessedUtc, r.CurrentSupport)));
    }
}
