using Portal.Core.Common;

namespace Portal.Core.Uat;

/// <summary>One result as recorded by hand or read from a test tool's export.</summary>
public sealed record UatExecutionInput(UatStatus Status, string? Tester, DateTimeOffset ExecutedAt, string? Notes, string? DefectReference);

/// <summary>
/// One run of a scenario in a cycle. Executions are never overwritten by a later run: the latest one (by
/// <see cref="ExecutedUtc"/>) is the scenario's status in the cycle, the earlier ones are its history. A scenario runs
/// at most once per instant in a cycle; that is what makes re-importing the same export change nothing.
/// </summary>
public sealed class UatExecution
{
    public const int MaxTesterLength = 120;
    public const int MaxNotesLength = 2000;
    public const int MaxDefectLength = 60;

    private UatExecution() { }

    public int Id { get; private set; }
    public int ProgramId { get; private set; }
    public int ScenarioId { get; private set; }
    public int CycleId { get; private set; }
    public UatStatus Status { get; private set; }
    public string Tester { get; private set; } = string.Empty;
    public DateTimeOffset ExecutedUtc { get; private set; }
    public string Notes { get; private set; } = string.Empty;
    public string DefectReference { get; private set; } = string.Empty;
    public DateTimeOffset RecordedUtc { get; private set; }
    public string RecordedByUserId { get; private set; } = string.Empty;

    public static IReadOnlyList<FieldError> Validate(UatExecutionInput input)
    {
        var errors = new FieldErrors();
        if (!Enum.IsDefined(input.Status))
            errors.Add(nameof(Status), "Choose Pass, Fail, Blocked or Not run.");
        if (input.Status.IsExecuted())
            errors.Required(nameof(Tester), input.Tester, "Tester", MaxTesterLength);
        else
            errors.MaxLength(nameof(Tester), input.Tester, "Tester", MaxTesterLength);
        errors.MaxLength(nameof(Notes), input.Notes, "Notes", MaxNotesLength);
        errors.MaxLength(nameof(DefectReference), input.DefectReference, "Defect reference", MaxDefectLength);
        return errors.ToList();
    }

    public static Result<UatExecution> Record(UatScenario scenario, UatCycle cycle, UatExecutionInput input, string recordedByUserId, DateTimeOffset now)
    {
        if (scenario.ProgramId != cycle.ProgramId)
            return Result<UatExecution>.Failure("", "The scenario and the cycle belong to different programs.");
        return Record(scenario.ProgramId, scenario.Id, cycle.Id, input, recordedByUserId, now);
    }

    /// <summary>For imports, which hold ids rather than loaded entities; the ids were checked against the program.</summary>
    public static Result<UatExecution> Record(int programId, int scenarioId, int cycleId, UatExecutionInput input, string recordedByUserId, DateTimeOffset now)
    {
        var errors = Validate(input);
        if (errors.Count > 0)
            return Result<UatExecution>.Failure(errors);
        var execution = new UatExecution
        {
            ProgramId = programId, ScenarioId = scenarioId, CycleId = cycleId, RecordedUtc = now.ToUniversalTime(), RecordedByUserId = recordedByUserId,
        };
        execution.Apply(input);
        return Result<UatExecution>.Success(execution);
    }

    /// <summary>True when this execution already says what <paramref name="input"/> says.</summary>
    public bool Matches(UatExecutionInput input) =>
        Status == input.Status && Tester == Clean(input.Tester) && ExecutedUtc == Truncate(input.ExecutedAt) &&
        Notes == Clean(input.Notes) && DefectReference == Clean(input.DefectReference);

    /// <summary>A corrected export of the same run (same scenario, cycle and instant) replaces what was recorded.</summary>
    public Result Correct(UatExecutionInput input, string recordedByUserId, DateTimeOffset now)
    {
        var errors = Validate(input);
        if (errors.Count > 0)
            return Result.Failure(errors);
        Apply(input);
        RecordedUtc = now.ToUniversalTime();
        RecordedByUserId = recordedByUserId;
        return Result.Success();
    }

    /// <summary>Whole seconds in UTC: what both databases store exactly and what test tools export.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }

    private void Apply(UatExecutionInput input)
    {
        Status = input.Status;
        Tester = Clean(input.Tester);
        ExecutedUtc = Truncate(input.ExecutedAt);
        Notes = Clean(input.Notes);
        DefectReference = Clean(input.DefectReference);
    }

    private static string Clean(string? text) => (text ?? "").Replace("\r\n", "\n").Trim();
}
