using Portal.Core.Programs;

namespace Portal.Web.Features.Programs;

public sealed record ProgramSummary(
    int Id, string Name, string Description, IReadOnlyList<string> Systems, DateOnly? PlannedGoLive, DateOnly? ActualGoLive,
    int MemberCount, string MyRole, string? CurrentPhase, string Status, int BlockedMilestones, int? DaysToGoLive);

public sealed record ProgramMemberView(string UserId, string DisplayName, string Email, string? JobTitle, ProgramRole Role);

public sealed record ProgramDetails(
    int Id, string Name, string Description, IReadOnlyList<string> Systems, DateOnly? PlannedGoLive, DateOnly? ActualGoLive,
    DateTimeOffset CreatedUtc, IReadOnlyList<ProgramMemberView> Members, bool CanManage, decimal? TotalBudget = null, decimal? ChangeBudget = null)
{
    public ProgramForm ToForm() => new()
    {
        Name = Name, Description = Description, Systems = Systems.Where(s => SystemKinds.Known.Contains(s)).ToList(),
        CustomSystem = string.Join(", ", Systems.Where(s => !SystemKinds.Known.Contains(s))),
        PlannedGoLive = PlannedGoLive?.ToDateTime(TimeOnly.MinValue), ActualGoLive = ActualGoLive?.ToDateTime(TimeOnly.MinValue),
        TotalBudget = TotalBudget, ChangeBudget = ChangeBudget,
    };
}

public sealed record UserOption(string Id, string DisplayName, string Email);

public sealed class ProgramForm
{
    public string Name { get; set; } = string.Empty;
    public string Description { get; set; } = string.Empty;
    public IEnumerable<string> Systems { get; set; } = [];
    public string? CustomSystem { get; set; }
    public DateTime? PlannedGoLive { get; set; }
    public DateTime? ActualGoLive { get; set; }
    public decimal? TotalBudget { get; set; }
    public decimal? ChangeBudget { get; set; }

    /// <summary>The saved template a new program starts from; null for the built-in default. Ignored when editing.</summary>
    public int? TemplateId { get; set; }
}
