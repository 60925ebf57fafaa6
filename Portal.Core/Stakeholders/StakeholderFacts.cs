namespace Portal.Core.Stakeholders;

/// <summary>
/// The stakeholder map as computed criteria see it (a <see cref="Milestones.ProgramFacts"/> section): each group's
/// assessment state, how many people are early adopters (own or inherited flag), and the current hotspots.
/// </summary>
public sealed record StakeholderFacts(
    IReadOnlyList<GroupAssessmentState> Groups,
    int EarlyAdopters,
    IReadOnlyList<HotspotFact> Hotspots)
{
    public MapCompleteness Completeness => StakeholderRules.Completeness(Groups);
}

/// <summary>A current hotspot, named by kind and id so other features (playbooks) can tell whether it is addressed.</summary>
public sealed record HotspotFact(StakeholderKind Kind, int Id, string Name, int GroupId, ResistanceType? ResistanceType, int Score, int Rank);
