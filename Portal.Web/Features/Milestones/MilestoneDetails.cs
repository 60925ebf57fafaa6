using Portal.Core.Milestones;

namespace Portal.Web.Features.Milestones;

public sealed record SignOffView(string PrintedName, SignOffMeaning Meaning, string Comment, DateTimeOffset SignedUtc, bool IsStale);

public sealed record CriterionView(
    int Id, CriterionKind Kind, string Title, string Description, string Evidence, bool IsMet, IReadOnlyList<string> Reasons,
    decimal? MeasuredValue, decimal? Threshold, IReadOnlyList<string> Requirements, IReadOnlyList<SignOffView> SignOffs, bool CanSign);

public sealed record HistoryEntry(DateTimeOffset OccurredUtc, string ActorName, string Action, string? NewValues, string? Reason);

public sealed record MilestoneDetails(
    int ProgramId, string ProgramName, MilestoneView Milestone, string Description, IReadOnlyList<CriterionView> Criteria,
    IReadOnlyList<MilestoneView> Paired, bool CanEdit, bool CanComplete, IReadOnlyList<HistoryEntry> History, MilestoneSignOffView WholeSignOff);
