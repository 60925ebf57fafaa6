using Portal.Core.Milestones;

namespace Portal.Web.Features.Milestones;

/// <summary>A change milestone a technical milestone can be paired with, labelled by its phase.</summary>
public sealed record ChangeMilestoneOption(int Id, string Name, int PhaseOrder, string Phase, bool IsMet);

/// <summary>What removing a milestone will do, shown before the PMO lead confirms.</summary>
public sealed record RemovalPreview(
    string Name, MilestoneKind Kind, string Phase, int Criteria, int SignOffs, bool HasWorkStarted, Guid Version,
    IReadOnlyList<string> Unpaired, IReadOnlyList<string> Ungated);

/// <summary>What a removal did: the technical milestones that stopped waiting for it, and those left with no change gate.</summary>
public sealed record RemovalOutcome(string Name, IReadOnlyList<string> Unpaired, IReadOnlyList<string> Ungated);
