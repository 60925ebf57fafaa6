using Portal.Core.Common;
using Portal.Core.Stakeholders;

namespace Portal.Core.Playbooks;

/// <summary>
/// Who a playbook is applied to, with the assessment that counts for them at that moment (a person's own, else their
/// group's; null while unassessed). The service reads it from the stakeholder map.
/// </summary>
public sealed record ApplicationTarget(StakeholderKind Kind, int Id, string Name, Assessment? Baseline);

/// <summary>Owner and due date chosen for one step when applying.</summary>
public sealed record ActionPlan(int StepOrder, string? OwnerUserId, DateOnly? DueDate);

/// <summary>
/// A playbook applied to a stakeholder group or person: one owned, dated action per step, and the support level the
/// target had at that moment, so the effect can later be read against the assessment history.
/// Exactly one of <see cref="GroupId"/> and <see cref="PersonId"/> is set.
/// </summary>
public sealed class PlaybookApplication
{
    /// <summary>How far ahead a due date may be set; further is a typo, not a plan.</summary>
    public const int MaxDaysAhead = 730;

    private readonly List<PlaybookAction> _actions = [];

    private PlaybookApplication() { }

    public int Id { get; private set; }
    public int ProgramId { get; private set; }
    public int PlaybookId { get; private set; }

    /// <summary>The playbook's name and type when applied; a later rename does not rewrite what was done.</summary>
    public string PlaybookName { get; private set; } = string.Empty;
    public ResistanceType ResistanceType { get; private set; }
    public StakeholderKind TargetKind { get; private set; }
    public int? GroupId { get; private set; }
    public int? PersonId { get; private set; }
    public string TargetName { get; private set; } = string.Empty;

    /// <summary>The target's support when the playbook was applied; null when it had not been assessed.</summary>
    public SupportLevel? SupportBefore { get; private set; }

    /// <summary>When that baseline assessment was made.</summary>
    public DateTimeOffset? BaselineAssessedUtc { get; private set; }
    public DateTimeOffset AppliedUtc { get; private set; }
    public string AppliedByUserId { get; private set; } = string.Empty;
    public string AppliedByName { get; private set; } = string.Empty;
    public IReadOnlyList<PlaybookAction> Actions => _actions;

    public int TargetId => TargetKind == StakeholderKind.Group ? GroupId!.Value : PersonId!.Value;

    /// <summary>
    /// Applies <paramref name="playbook"/>: exactly one plan per step, each with an owner who is a program member and a
    /// due date from the day of application up to <see cref="MaxDaysAhead"/> days ahead. Errors sit on "Actions[i].Owner"
    /// and "Actions[i].DueDate" (i is the step's index) so the form shows them on the step's row.
    /// </summary>
    public static Result<PlaybookApplication> Apply(Playbook playbook, ApplicationTarget target, IReadOnlyList<ActionPlan> plans,
        IReadOnlySet<string> programMembers, string appliedByUserId, string appliedByName, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (!Enum.IsDefined(target.Kind))
            errors.Add("Target", "Choose a group or person to apply the playbook to.");
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var steps = playbook.Steps.OrderBy(s => s.Order).ToList();
        for (var i = 0; i < steps.Count; i++)
        {
            var plan = plans.FirstOrDefault(p => p.StepOrder == steps[i].Order);
            if (string.IsNullOrWhiteSpace(plan?.OwnerUserId))
                errors.Add(ActionField(i, "Owner"), $"Step {i + 1}: choose an owner.");
            else if (!programMembers.Contains(plan.OwnerUserId))
                errors.Add(ActionField(i, "Owner"), $"Step {i + 1}: the owner must be a member of the program.");
            if (plan?.DueDate is not { } due)
                errors.Add(ActionField(i, "DueDate"), $"Step {i + 1}: choose a due date.");
            else if (due < today)
                errors.Add(ActionField(i, "DueDate"), $"Step {i + 1}: the due date cannot be before today ({today:yyyy-MM-dd}).");
            else if (due > today.AddDays(MaxDaysAhead))
                errors.Add(ActionField(i, "DueDate"), $"Step {i + 1}: the due date must be within {MaxDaysAhead} days.");
        }
        if (plans.Any(p => steps.All(s => s.Order != p.StepOrder)))
            errors.Add("Actions", "The playbook's steps changed while you were applying it; reload and try again.");
        if (errors.Any)
            return Result<PlaybookApplication>.Failure(errors.ToList());

        var application = new PlaybookApplication
        {
            ProgramId = playbook.ProgramId,
            PlaybookId = playbook.Id,
            PlaybookName = playbook.Name,
            ResistanceType = playbook.ResistanceType,
            TargetKind = target.Kind,
            GroupId = target.Kind == StakeholderKind.Group ? target.Id : null,
            PersonId = target.Kind == StakeholderKind.Person ? target.Id : null,
            TargetName = target.Name,
            SupportBefore = target.Baseline?.CurrentSupport,
            BaselineAssessedUtc = target.Baseline?.AssessedUtc,
            AppliedUtc = now,
            AppliedByUserId = appliedByUserId,
            AppliedByName = appliedByName,
        };
        foreach (var step in steps)
        {
            var plan = plans.First(p => p.StepOrder == step.Order);
            application._actions.Add(new PlaybookAction(playbook.ProgramId, step, plan.OwnerUserId!, plan.DueDate!.Value, now));
        }
        return Result<PlaybookApplication>.Success(application);
    }

    public static string ActionField(int index, string field) => $"Actions[{index}].{field}";

    /// <summary>Proposed plans: every step owned by <paramref name="ownerUserId"/>, due its offset after <paramref name="start"/>.</summary>
    public static IReadOnlyList<ActionPlan> DefaultPlans(Playbook playbook, string? ownerUserId, DateOnly start) =>
        playbook.Steps.OrderBy(s => s.Order).Select(s => new ActionPlan(s.Order, ownerUserId, start.AddDays(s.DueAfterDays))).ToList();

    /// <summary>What the application did, in one line for the audit trail.</summary>
    public string Describe() =>
        $"{PlaybookName} applied to {TargetKind.ToString().ToLowerInvariant()} '{TargetName}'; support at the time: " +
        $"{SupportBefore?.DisplayName() ?? "not assessed"}; actions: " +
        string.Join(" | ", _actions.Select(a => $"{a.StepOrder}. {a.Title} (owner {a.OwnerUserId}, due {a.DueDate:yyyy-MM-dd})"));
}
