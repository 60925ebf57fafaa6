using Portal.Core.Common;
using Portal.Core.Stakeholders;

namespace Portal.Core.Playbooks;

/// <summary>What an author writes for one step; checked by <see cref="Playbook"/>.</summary>
public sealed record PlaybookStepInput(string? Title, string? Guidance, int DueAfterDays);

/// <summary>
/// One step of a playbook's response, in order. <see cref="DueAfterDays"/> proposes a due date when the playbook is
/// applied, so the actions come out staggered the way the author meant them to be worked.
/// </summary>
public sealed class PlaybookStep
{
    public const int MaxTitleLength = 200;
    public const int MaxGuidanceLength = 1000;
    public const int MaxDueAfterDays = 365;

    private PlaybookStep() { }

    internal PlaybookStep(int order, PlaybookStepInput input)
    {
        Order = order;
        Title = input.Title!.Trim();
        Guidance = input.Guidance?.Trim() ?? "";
        DueAfterDays = input.DueAfterDays;
    }

    /// <summary>1-based position in the playbook.</summary>
    public int Order { get; private set; }
    public string Title { get; private set; } = string.Empty;
    public string Guidance { get; private set; } = string.Empty;
    public int DueAfterDays { get; private set; }
}

/// <summary>
/// A response to one kind of resistance: the principle behind it and the ordered steps that carry it out. Each program
/// has its own playbooks: copies of the built-ins (made the first time one is applied or edited, see ADR-014) and
/// custom ones its PMO leads write. Applying one never reads it again: actions copy the step text they came from.
/// </summary>
public sealed class Playbook
{
    public const int MaxNameLength = 120;
    public const int MaxPrincipleLength = 2000;
    public const int MaxSteps = 20;
    public const int MaxBuiltInKeyLength = 40;

    private readonly List<PlaybookStep> _steps = [];

    private Playbook() { }

    public int Id { get; private set; }
    public int ProgramId { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public ResistanceType ResistanceType { get; private set; }
    public string Principle { get; private set; } = string.Empty;

    /// <summary>The built-in this is the program's copy of (see <see cref="BuiltInPlaybooks"/>); null for a custom playbook.</summary>
    public string? BuiltInKey { get; private set; }
    public bool IsBuiltIn => BuiltInKey is not null;
    public IReadOnlyList<PlaybookStep> Steps => _steps;
    public DateTimeOffset CreatedUtc { get; private set; }
    public DateTimeOffset? RevisedUtc { get; private set; }
    public string? RevisedBy { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>The resistance types a playbook can answer; "no resistance" needs no playbook.</summary>
    public static IReadOnlyList<ResistanceType> Types { get; } =
        [ResistanceType.FinanceTerritorial, ResistanceType.PmWorkload, ResistanceType.ItTechnicalSovereignty, ResistanceType.Other];

    public static Result<Playbook> CreateCustom(int programId, string? name, ResistanceType type, string? principle,
        IReadOnlyList<PlaybookStepInput> steps, DateTimeOffset now)
    {
        var errors = Validate(name, type, principle, steps);
        if (errors.Count > 0)
            return Result<Playbook>.Failure(errors);
        var playbook = new Playbook { ProgramId = programId, CreatedUtc = now };
        playbook.Apply(name, type, principle, steps);
        return Result<Playbook>.Success(playbook);
    }

    /// <summary>The program's own copy of a built-in, which its PMO leads may then adapt.</summary>
    public static Playbook CopyOf(BuiltInPlaybook builtIn, int programId, DateTimeOffset now)
    {
        var playbook = new Playbook { ProgramId = programId, BuiltInKey = builtIn.Key, CreatedUtc = now };
        playbook.Apply(builtIn.Name, builtIn.ResistanceType, builtIn.Principle, builtIn.Steps);
        return playbook;
    }

    /// <summary>
    /// Rewrites the principle and steps (and, for a custom playbook, its name and type). A built-in copy keeps its name
    /// and type so it stays recognisable as the response to that resistance type.
    /// </summary>
    public Result Revise(string? name, ResistanceType type, string? principle, IReadOnlyList<PlaybookStepInput> steps, string revisedBy, DateTimeOffset now)
    {
        if (IsBuiltIn)
        {
            name = Name;
            type = ResistanceType;
        }
        var errors = Validate(name, type, principle, steps);
        if (errors.Count > 0)
            return Result.Failure(errors);
        Apply(name, type, principle, steps);
        RevisedUtc = now;
        RevisedBy = revisedBy;
        Version = Guid.NewGuid();
        return Result.Success();
    }

    /// <summary>Every problem at once: steps report on "Steps[i].Title" etc. so a form shows each next to its row.</summary>
    public static IReadOnlyList<FieldError> Validate(string? name, ResistanceType type, string? principle, IReadOnlyList<PlaybookStepInput> steps)
    {
        var errors = new FieldErrors();
        errors.Required(nameof(Name), name, "Name", MaxNameLength);
        if (!Types.Contains(type))
            errors.Add(nameof(ResistanceType), "Choose the resistance type this playbook answers.");
        errors.Required(nameof(Principle), principle, "Response principle", MaxPrincipleLength);
        if (steps.Count == 0)
            errors.Add(nameof(Steps), "A playbook needs at least one step.");
        else if (steps.Count > MaxSteps)
            errors.Add(nameof(Steps), $"A playbook has at most {MaxSteps} steps (this one has {steps.Count}).");
        for (var i = 0; i < steps.Count; i++)
        {
            errors.Required(StepField(i, nameof(PlaybookStep.Title)), steps[i].Title, $"Step {i + 1}", PlaybookStep.MaxTitleLength);
            errors.MaxLength(StepField(i, nameof(PlaybookStep.Guidance)), steps[i].Guidance, $"Step {i + 1} guidance", PlaybookStep.MaxGuidanceLength);
            if (steps[i].DueAfterDays is < 0 or > PlaybookStep.MaxDueAfterDays)
                errors.Add(StepField(i, nameof(PlaybookStep.DueAfterDays)), $"Step {i + 1}: due after 0 to {PlaybookStep.MaxDueAfterDays} days.");
        }
        return errors.ToList();
    }

    public static string StepField(int index, string field) => $"{nameof(Steps)}[{index}].{field}";

    public IReadOnlyList<PlaybookStepInput> StepInputs() => _steps.Select(s => new PlaybookStepInput(s.Title, s.Guidance, s.DueAfterDays)).ToList();

    /// <summary>The whole content in one line, for the audit trail's old and new values.</summary>
    public string Describe() =>
        $"{Name} ({ResistanceType.DisplayName()}); principle: {Principle}; steps: " +
        string.Join(" | ", _steps.Select(s => $"{s.Order}. {s.Title} (+{s.DueAfterDays}d)"));

    private void Apply(string? name, ResistanceType type, string? principle, IReadOnlyList<PlaybookStepInput> steps)
    {
        Name = name!.Trim();
        ResistanceType = type;
        Principle = principle!.Trim();
        _steps.Clear();
        _steps.AddRange(steps.Select((s, i) => new PlaybookStep(i + 1, s)));
    }
}
