using Microsoft.EntityFrameworkCore;
using Portal.Core.Stakeholders;
using Portal.Data;

namespace Portal.Web.Features.Stakeholders;

/// <summary>
/// The lean reads behind the map, the hotspot list and the stakeholder facts: one row per group, people counted
/// in the database, and only individually assessed people read one by one. Assessment history and notes are
/// never loaded here, so a 5,000-person map costs three small queries.
/// </summary>
internal static class StakeholderMapQuery
{
    public sealed record GroupSnapshot(int Id, int ProgramId, string Name, string Description, AssessmentSummary? Current, Guid Version);
    public sealed record PersonSnapshot(int Id, int ProgramId, string Name, int GroupId, string ProcessArea, AssessmentSummary Own);
    public sealed record MemberCount(int ProgramId, int GroupId, bool Individually, string ProcessArea, int Count);

    /// <summary>Everything the map of some programs needs, before filtering.</summary>
    public sealed record Snapshot(IReadOnlyList<GroupSnapshot> Groups, IReadOnlyList<PersonSnapshot> Individuals, IReadOnlyList<MemberCount> Counts)
    {
        public Snapshot For(int programId) => new(
            Groups.Where(g => g.ProgramId == programId).ToList(),
            Individuals.Where(p => p.ProgramId == programId).ToList(),
            Counts.Where(c => c.ProgramId == programId).ToList());
    }

    public static async Task<Snapshot> LoadAsync(PortalDbContext db, IReadOnlyCollection<int> programIds, CancellationToken ct)
    {
        var groups = await db.StakeholderGroups.AsNoTracking()
            .Where(g => programIds.Contains(g.ProgramId))
            .Select(g => new
            {
                g.Id, g.ProgramId, g.Name, g.Description, g.Version,
                Influence = (int?)g.Current!.Influence, Impact = (int?)g.Current.Impact,
                Support = (SupportLevel?)g.Current.CurrentSupport, Target = (SupportLevel?)g.Current.TargetSupport,
                g.Current.ResistanceType, Early = (bool?)g.Current.IsEarlyAdopter, At = (DateTimeOffset?)g.Current.AssessedUtc,
            })
            .ToListAsync(ct);
        var individuals = await db.StakeholderPeople.AsNoTracking()
            .Where(p => programIds.Contains(p.ProgramId) && p.IsAssessedIndividually)
            .Select(p => new
            {
                p.Id, p.ProgramId, p.Name, p.GroupId, p.ProcessArea,
                p.Own!.Influence, p.Own.Impact, p.Own.CurrentSupport, p.Own.TargetSupport, p.Own.ResistanceType, p.Own.IsEarlyAdopter, p.Own.AssessedUtc,
            })
            .ToListAsync(ct);
        var counts = await db.StakeholderPeople.AsNoTracking()
            .Where(p => programIds.Contains(p.ProgramId))
            .GroupBy(p => new { p.ProgramId, p.GroupId, p.IsAssessedIndividually, p.ProcessArea })
            .Select(g => new MemberCount(g.Key.ProgramId, g.Key.GroupId, g.Key.IsAssessedIndividually, g.Key.ProcessArea, g.Count()))
            .ToListAsync(ct);

        return new Snapshot(
            groups.Select(g => new GroupSnapshot(g.Id, g.ProgramId, g.Name, g.Description,
                g.Influence is { } influence
                    ? new AssessmentSummary(influence, g.Impact!.Value, g.Support!.Value, g.Target!.Value, g.ResistanceType, g.Early!.Value, g.At!.Value)
                    : null, g.Version)).ToList(),
            individuals.Select(p => new PersonSnapshot(p.Id, p.ProgramId, p.Name, p.GroupId, p.ProcessArea,
                new AssessmentSummary(p.Influence, p.Impact, p.CurrentSupport, p.TargetSupport, p.ResistanceType, p.IsEarlyAdopter, p.AssessedUtc))).ToList(),
            counts);
    }

    /// <summary>
    /// The map entries under a filter: each assessed group with the members who inherit its assessment (in the
    /// process area, when filtered), and each individually assessed person. The resistance-type filter applies to
    /// the assessment that counts for the entry.
    /// </summary>
    public static IReadOnlyList<MapEntry> Entries(Snapshot s, StakeholderFilter filter)
    {
        var names = s.Groups.ToDictionary(g => g.Id, g => g.Name);
        var inheriting = s.Counts
            .Where(c => !c.Individually && (filter.ProcessArea is null || c.ProcessArea == filter.ProcessArea))
            .GroupBy(c => c.GroupId).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        var entries = new List<MapEntry>();
        foreach (var g in s.Groups)
        {
            if (g.Current is not { } a)
                continue;
            var people = inheriting.GetValueOrDefault(g.Id);
            // Under a process-area filter a group with nobody in that area is not part of the picture.
            if (filter.ProcessArea is not null && people == 0)
                continue;
            entries.Add(new MapEntry(StakeholderKind.Group, g.Id, g.Name, g.Id, g.Name, people, a.Influence, a.Impact,
                a.CurrentSupport, a.TargetSupport, a.ResistanceType, a.IsEarlyAdopter));
        }
        foreach (var p in s.Individuals.Where(p => filter.ProcessArea is null || p.ProcessArea == filter.ProcessArea))
            entries.Add(new MapEntry(StakeholderKind.Person, p.Id, p.Name, p.GroupId, names.GetValueOrDefault(p.GroupId, ""), 1,
                p.Own.Influence, p.Own.Impact, p.Own.CurrentSupport, p.Own.TargetSupport, p.Own.ResistanceType, p.Own.IsEarlyAdopter));
        return filter.ResistanceType is { } type ? entries.Where(e => e.ResistanceType == type).ToList() : entries;
    }

    /// <summary>People who are early adopters by the assessment that counts for them: flagged themselves, or inheriting from a flagged group.</summary>
    public static int EarlyAdopters(Snapshot s)
    {
        var flaggedGroups = s.Groups.Where(g => g.Current is { IsEarlyAdopter: true }).Select(g => g.Id).ToHashSet();
        return s.Individuals.Count(p => p.Own.IsEarlyAdopter)
            + s.Counts.Where(c => !c.Individually && flaggedGroups.Contains(c.GroupId)).Sum(c => c.Count);
    }

    public static MapCompleteness Completeness(Snapshot s) => StakeholderRules.Completeness(States(s));

    public static IEnumerable<GroupAssessmentState> States(Snapshot s) =>
        s.Groups.OrderBy(g => g.Name, StringComparer.OrdinalIgnoreCase)
            .Select(g => new GroupAssessmentState(g.Id, g.Name, g.Current is not null, g.Current?.ResistanceType is not null));

    public static StakeholderFacts Facts(Snapshot s) => new(
        States(s).ToList(),
        EarlyAdopters(s),
        StakeholderRules.RankHotspots(Entries(s, new StakeholderFilter()))
            .Select(h => new HotspotFact(h.Entry.Kind, h.Entry.Id, h.Entry.Name, h.Entry.GroupId, h.Entry.ResistanceType, h.Score, h.Rank)).ToList());
}
