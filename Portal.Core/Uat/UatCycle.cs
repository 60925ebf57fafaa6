using Portal.Core.Common;

namespace Portal.Core.Uat;

public sealed record UatCycleDraft(string? Name, DateOnly? Start, DateOnly? End, UatCycleStatus Status);

/// <summary>A round of testing (e.g. "SIT 2", "Pilot UAT"); the same scenarios are executed again in each cycle.</summary>
public sealed class UatCycle
{
    public const int MaxNameLength = 80;

    private UatCycle() { }

    public int Id { get; private set; }
    public int ProgramId { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public DateOnly? Start { get; private set; }
    public DateOnly? End { get; private set; }
    public UatCycleStatus Status { get; private set; }

    public static Result<UatCycle> Create(int programId, UatCycleDraft draft, IEnumerable<string> existingNames)
    {
        var errors = Validate(draft, existingNames);
        if (errors.Any)
            return Result<UatCycle>.Failure(errors.ToList());
        var cycle = new UatCycle { ProgramId = programId };
        cycle.Apply(draft);
        return Result<UatCycle>.Success(cycle);
    }

    /// <summary>Replaces name, dates and status; <paramref name="otherNames"/> excludes this cycle's own name.</summary>
    public Result Change(UatCycleDraft draft, IEnumerable<string> otherNames)
    {
        var errors = Validate(draft, otherNames);
        if (errors.Any)
            return Result.Failure(errors.ToList());
        Apply(draft);
        return Result.Success();
    }

    /// <summary>
    /// The cycle the gate reads: the active one (the latest started, if several), otherwise the most recently started
    /// or planned. Null when the program has no cycle.
    /// </summary>
    public static T? Current<T>(IEnumerable<T> cycles, Func<T, UatCycleStatus> status, Func<T, DateOnly?> start, Func<T, int> id) where T : class
    {
        var list = cycles.ToList();
        var ordered = list.OrderByDescending(c => start(c) ?? DateOnly.MinValue).ThenByDescending(id);
        return ordered.FirstOrDefault(c => status(c) == UatCycleStatus.Active) ?? ordered.FirstOrDefault();
    }

    private void Apply(UatCycleDraft draft)
    {
        Name = draft.Name!.Trim();
        Start = draft.Start;
        End = draft.End;
        Status = draft.Status;
    }

    private static FieldErrors Validate(UatCycleDraft draft, IEnumerable<string> names)
    {
        var errors = new FieldErrors();
        errors.Required(nameof(Name), draft.Name, "Name", MaxNameLength);
        if (!string.IsNullOrWhiteSpace(draft.Name) && names.Any(n => string.Equals(n.Trim(), draft.Name.Trim(), StringComparison.OrdinalIgnoreCase)))
            errors.Add(nameof(Name), $"The program already has a cycle named '{draft.Name.Trim()}'.");
        if (draft.Start is { } s && draft.End is { } e && e < s)
            errors.Add(nameof(End), "The end date is before the start date.");
        if (!Enum.IsDefined(draft.Status))
            errors.Add(nameof(Status), "Choose Planned, Active or Closed.");
        return errors;
    }
}
