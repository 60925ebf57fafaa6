using Portal.Core.Milestones;

namespace Portal.Web.Features.Milestones;

/// <summary>An unmet criterion for display; a null <see cref="CriterionId"/> is the milestone's own required sign-off.</summary>
public sealed record UnmetView(int MilestoneId, int? CriterionId, string Criterion, string Reason);

public sealed record MilestoneView(
    int Id, int PhaseId, string Phase, MilestoneKind Kind, string Name, MilestoneStatus Status, bool? IsMet,
    IReadOnlyList<int> PairedWith, IReadOnlyList<UnmetView> Unmet, Guid Version, DateTimeOffset? CompletedUtc, string? CompletedBy);

public sealed record PhaseView(int Id, int Order, string Name, bool IsClosed, IReadOnlyList<MilestoneView> Milestones);

public sealed record ProgramPlanView(int ProgramId, string ProgramName, string? CurrentPhase, IReadOnlyList<PhaseView> Phases, bool CanComplete);

public enum OutcomeKind { Done, NotFound, Forbidden, Blocked, Conflict, Invalid }

/// <summary>What a milestone command did; the API maps it to 200/404/403/409/400, pages to messages.</summary>
public sealed record MilestoneOutcome(OutcomeKind Kind, string? Message = null, IReadOnlyList<UnmetView>? Unmet = null, MilestoneView? Milestone = null)
{
    public static MilestoneOutcome NotFound { get; } = new(OutcomeKind.NotFound, "Milestone not found, or you are not a member of its program.");
}

/// <summary>A program's phase headline: the first open phase, its status, and how many of its technical milestones are held back.</summary>
public sealed record ProgramHeadline(string? CurrentPhase, string Status, int BlockedMilestones);
