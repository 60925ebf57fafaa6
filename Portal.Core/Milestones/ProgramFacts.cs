namespace Portal.Core.Milestones;

/// <summary>
/// What computed criteria may read about a program, gathered by the data layer in one go so evaluation stays
/// pure and testable. Later features (stakeholders, training, UAT, decommissioning, reviews) add their facts here.
/// </summary>
public sealed record ProgramFacts(
    DateOnly Today,
    DateOnly? PlannedGoLive,
    DateOnly? ActualGoLive,
    IReadOnlyDictionary<string, int> MembersByRole);
