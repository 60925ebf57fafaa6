using Portal.Core.Programs;

namespace Portal.Web.Features.Programs;

public sealed record ProgramSummary(
    int Id, string Name, string Description, IReadOnlyList<string> Systems, DateOnly? PlannedGoLive, DateOnly? ActualGoLive,
    int MemberCount, string MyRole, string? CurrentPhase, string Status, int BlockedMilestones, int? DaysToGoLive);

public sealed record ProgramMemberView(string UserId, string DisplayName, string Email, string? JobTitle, ProgramRole Role);

public sealed record ProgramDetails(
    int Id, string Name, string Description, IReadOnlyList<string> Systems, DateOnly? PlannedGoLive, DateOnly? ActualGoLive,
    DateTimeOffset CreatedUtc, IReadOnlyList<ProgramMemberView> Members, bool CanManage);

public sealed record UserOption(string Id, string DisplayName, string Email);

public sealed class ProgramForm
{
    public string Name { get; set; } = string.Empty;
    public string Description { get; set; } = string.Empty;
    public IEnumerable<string> Systems { get; set; } = [];
    public string? CustomSystem { get; set; }
    public DateTime? PlannedGoLive { get; set; }
    public decimal? TotalBudget { get; set; }
    public decimal? ChangeBudget { get; set; }
}
