using Portal.Core.Playbooks;
using Portal.Core.Stakeholders;

namespace Portal.Web.Features.Playbooks;

public sealed record PlaybookStepView(int Order, string Title, string Guidance, int DueAfterDays);

/// <summary>
/// A playbook as the library shows it. <see cref="Key"/> is the program playbook's id, or "builtin:&lt;key&gt;" for a
/// built-in the program has not used yet (it gets its own copy on first apply or edit; ADR-014).
/// </summary>
public sealed record PlaybookView(string Key, string Name, ResistanceType Type, string Principle, bool IsBuiltIn, bool IsAdapted,
    IReadOnlyList<PlaybookStepView> Steps, Guid? Version, int TimesApplied, string? RevisedBy, DateTimeOffset? RevisedUtc)
{
    public const string BuiltInPrefix = "builtin:";
}

public sealed record PlaybookLibrary(int ProgramId, string ProgramName, bool CanApply, bool CanManage, IReadOnlyList<PlaybookView> Playbooks);

/// <summary>A group or person a playbook can be applied to; <see cref="HotspotRank"/> is 0 unless it is a current hotspot.</summary>
public sealed record TargetOption(StakeholderKind Kind, int Id, string Name, string? GroupName, SupportLevel? Support, ResistanceType? Type, int HotspotRank)
{
    public string Key => $"{Kind}:{Id}";

    public string Label => (Kind == StakeholderKind.Group ? $"{Name} (group)" : $"{Name} ({GroupName})")
        + (HotspotRank > 0 ? $" · hotspot #{HotspotRank}" : "")
        + $" · {Support?.DisplayName() ?? "not assessed"}";
}

public sealed record MemberOption(string UserId, string DisplayName, string Role);

public sealed record ApplyOptions(IReadOnlyList<TargetOption> Targets, IReadOnlyList<MemberOption> Members, DateOnly Today);

public sealed class PlaybookForm
{
    public string? Name { get; set; }
    public ResistanceType Type { get; set; } = ResistanceType.Other;
    public string? Principle { get; set; }
    public List<StepForm> Steps { get; set; } = [];

    public static PlaybookForm From(PlaybookView view) => new()
    {
        Name = view.Name, Type = view.Type, Principle = view.Principle,
        Steps = view.Steps.Select(s => new StepForm { Title = s.Title, Guidance = s.Guidance, DueAfterDays = s.DueAfterDays }).ToList(),
    };

    public IReadOnlyList<PlaybookStepInput> StepInputs() => Steps.Select(s => new PlaybookStepInput(s.Title, s.Guidance, s.DueAfterDays)).ToList();
}

public sealed class StepForm
{
    public string? Title { get; set; }
    public string? Guidance { get; set; }
    public int DueAfterDays { get; set; } = 14;
}

public sealed class ApplyForm
{
    /// <summary>A <see cref="TargetOption.Key"/>.</summary>
    public string? TargetKey { get; set; }
    public List<ActionPlanForm> Actions { get; set; } = [];
}

public sealed class ActionPlanForm
{
    public int StepOrder { get; set; }
    public string Title { get; set; } = "";
    public string? OwnerUserId { get; set; }
    public DateTime? DueDate { get; set; }
}

public sealed record ActionView(int Id, int ProgramId, string ProgramName, int ApplicationId, string PlaybookName, string TargetName, int StepOrder,
    string Title, string Guidance, string OwnerUserId, string OwnerName, DateOnly DueDate, ActionStatus Status, string OutcomeNote, bool IsOverdue,
    bool CanEdit, Guid Version);

public sealed record ApplicationView(int Id, string PlaybookName, ResistanceType Type, StakeholderKind TargetKind, string TargetName,
    DateTimeOffset AppliedUtc, string AppliedBy, PlaybookEffect Effect, int Done, int Total, int Overdue);

/// <summary>The program's playbook work: what was applied to whom with its effect, and every action.</summary>
public sealed record PlaybookWork(int ProgramId, string ProgramName, IReadOnlyList<ApplicationView> Applications, IReadOnlyList<ActionView> Actions,
    int Overdue, DateOnly Today);

public sealed class ActionForm
{
    public ActionStatus Status { get; set; }
    public string? OwnerUserId { get; set; }
    public DateTime? DueDate { get; set; }
    public string? OutcomeNote { get; set; }

    public static ActionForm From(ActionView a) =>
        new() { Status = a.Status, OwnerUserId = a.OwnerUserId, DueDate = a.DueDate.ToDateTime(TimeOnly.MinValue), OutcomeNote = a.OutcomeNote };
}

public enum MyActionsFilter
{
    Open = 1,
    Overdue = 2,
    Done = 3,
}

public static class ActionStatusNames
{
    public static string DisplayName(this ActionStatus status) => status switch
    {
        ActionStatus.InProgress => "In progress",
        _ => status.ToString(),
    };
}
