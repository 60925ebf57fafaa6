namespace Portal.Core.Stakeholders;

/// <summary>
/// One entry on the stakeholder map: a group (standing for its members who inherit its assessment) or a person
/// assessed on their own. <see cref="People"/> is how many people the entry stands for, which sizes its bubble.
/// </summary>
public sealed record MapEntry(
    StakeholderKind Kind,
    int Id,
    string Name,
    int GroupId,
    string GroupName,
    int People,
    int Influence,
    int Impact,
    SupportLevel CurrentSupport,
    SupportLevel TargetSupport,
    ResistanceType? ResistanceType,
    bool IsEarlyAdopter);

/// <summary>A map entry that is a resistance hotspot, with its score and 1-based rank.</summary>
public sealed record Hotspot(MapEntry Entry, int Score, int Rank);

/// <summary>A group as far as completeness is concerned: assessed at all, and with a resistance type judged.</summary>
public sealed record GroupAssessmentState(int GroupId, string Name, bool IsAssessed, bool HasResistanceType)
{
    public bool IsComplete => IsAssessed && HasResistanceType;
}

/// <summary>How complete the map is: every group assessed on influence, impact, support and resistance type.</summary>
public sealed record MapCompleteness(int Assessed, int Total, IReadOnlyList<string> Missing)
{
    public bool IsComplete => Total > 0 && Assessed == Total;
}

/// <summary>The stakeholder-map rules: inheritance, hotspots and their ranking, support gaps, completeness.</summary>
public static class StakeholderRules
{
    public const int HotspotMinInfluence = 4;
    public const int HotspotMinImpact = 4;

    /// <summary>A person's own assessment wins; without one they inherit their group's; null when neither exists.</summary>
    public static Assessment? Effective(Assessment? own, Assessment? group) => own ?? group;

    /// <summary>High influence, high impact and support below Neutral: where resistance can sink the change.</summary>
    public static bool IsHotspot(int influence, int impact, SupportLevel support) =>
        influence >= HotspotMinInfluence && impact >= HotspotMinImpact && support < SupportLevel.Neutral;

    /// <summary>
    /// influence x impact x steps below Neutral (1 for Resistant, 2 for Strong resistance): a 4/4 strongly resistant
    /// group (32) outranks a 5/5 resistant one (25), because moving strong resistance takes twice the work.
    /// 0 for anything that is not a hotspot.
    /// </summary>
    public static int HotspotScore(int influence, int impact, SupportLevel support) =>
        IsHotspot(influence, impact, support) ? influence * impact * (SupportLevel.Neutral - support) : 0;

    /// <summary>
    /// The hotspots among <paramref name="entries"/>, highest score first; ties go to the entry standing for more
    /// people, then by name so the order is stable.
    /// </summary>
    public static IReadOnlyList<Hotspot> RankHotspots(IEnumerable<MapEntry> entries) =>
        entries
            .Select(e => (Entry: e, Score: HotspotScore(e.Influence, e.Impact, e.CurrentSupport)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ThenByDescending(x => x.Entry.People)
            .ThenBy(x => x.Entry.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(x => x.Entry.Kind)
            .ThenBy(x => x.Entry.Id)
            .Select((x, i) => new Hotspot(x.Entry, x.Score, i + 1))
            .ToList();

    /// <summary>Steps support still has to move up to reach the target; 0 when at or above it.</summary>
    public static int Gap(SupportLevel current, SupportLevel target) => Math.Max(0, target - current);

    public static MapCompleteness Completeness(IEnumerable<GroupAssessmentState> groups)
    {
        var list = groups.ToList();
        var missing = list.Where(g => !g.IsComplete).Select(g => g.Name).ToList();
        return new MapCompleteness(list.Count - missing.Count, list.Count, missing);
    }
}
