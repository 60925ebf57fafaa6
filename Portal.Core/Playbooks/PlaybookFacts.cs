using Portal.Core.Stakeholders;

namespace Portal.Core.Playbooks;

/// <summary>
/// Playbook work as computed criteria see it (a <see cref="Milestones.ProgramFacts"/> section): the current hotspots,
/// ranked by the stakeholder hotspot rule, and what has been applied to whom.
/// </summary>
public sealed record PlaybookFacts(IReadOnlyList<HotspotFact> Hotspots, IReadOnlyList<AppliedPlaybookFact> Applications, int OverdueActions)
{
    /// <summary>The hotspots no live application addresses, in rank order.</summary>
    public IReadOnlyList<HotspotFact> Unaddressed =>
        Hotspots.Where(h => !Applications.Any(a => a.Addresses(h))).OrderBy(h => h.Rank).ToList();
}

/// <summary>
/// A playbook applied to a group or person, with how many of its actions have an owner and are open, in progress or done.
/// </summary>
public sealed record AppliedPlaybookFact(StakeholderKind TargetKind, int TargetId, string PlaybookName, int OwnedLiveActions)
{
    /// <summary>
    /// Addressed means someone owns work on exactly this hotspot: an application to a person's group does not cover a
    /// person assessed on their own, who is on the map precisely because they differ from the group.
    /// </summary>
    public bool Addresses(HotspotFact hotspot) => TargetKind == hotspot.Kind && TargetId == hotspot.Id && OwnedLiveActions > 0;
}
