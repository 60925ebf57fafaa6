using Portal.Core.Common;

namespace Portal.Core.Uat;

/// <summary>What a person typed into the scenario form.</summary>
public sealed record UatScenarioDraft(string? Key, string? Title, string? ProcessArea, UatCriticality Criticality, string? LinkedTo);

/// <summary>
/// A business scenario the users test before go-live (e.g. "FIN-014 Approve a commitment over the limit"). Its key is
/// unique within the program and is what a test tool's export names it by.
/// </summary>
public sealed class UatScenario
{
    public const int MaxKeyLength = 40;
    public const int MaxTitleLength = 200;
    public const int MaxProcessAreaLength = 80;
    public const int MaxLinkedToLength = 200;

    private UatScenario() { }

    public int Id { get; private set; }
    public int ProgramId { get; private set; }

    /// <summary>Trimmed and upper-cased, so "fin-014" in a tool export finds "FIN-014".</summary>
    public string Key { get; private set; } = string.Empty;
    public string Title { get; private set; } = string.Empty;
    public string ProcessArea { get; private set; } = string.Empty;
    public UatCriticality Criticality { get; private set; }

    /// <summary>The requirement or process step the scenario proves, as the program names it; empty when not linked.</summary>
    public string LinkedTo { get; private set; } = string.Empty;

    public static string NormalizeKey(string? key) => (key ?? "").Trim().ToUpperInvariant();

    /// <summary>A new scenario; <paramref name="existingKeys"/> are the program's keys (normalized) so a duplicate is refused in place.</summary>
    public static Result<UatScenario> Create(int programId, UatScenarioDraft draft, IReadOnlySet<string> existingKeys)
    {
        var errors = Validate(draft);
        var key = NormalizeKey(draft.Key);
        if (key.Length > 0 && existingKeys.Contains(key))
            errors.Add(nameof(Key), $"The program already has a scenario {key}.");
        if (errors.Any)
            return Result<UatScenario>.Failure(errors.ToList());
        var scenario = new UatScenario { ProgramId = programId };
        scenario.Apply(draft);
        return Result<UatScenario>.Success(scenario);
    }

    private void Apply(UatScenarioDraft draft)
    {
        Key = NormalizeKey(draft.Key);
        Title = draft.Title!.Trim();
        ProcessArea = draft.ProcessArea!.Trim();
        Criticality = draft.Criticality;
        LinkedTo = (draft.LinkedTo ?? "").Trim();
    }

    private static FieldErrors Validate(UatScenarioDraft draft)
    {
        var errors = new FieldErrors();
        errors.Required(nameof(Key), draft.Key, "Key", MaxKeyLength);
        if (NormalizeKey(draft.Key).Any(c => char.IsWhiteSpace(c) || c == ','))
            errors.Add(nameof(Key), "A key has no spaces or commas, e.g. FIN-014.");
        errors.Required(nameof(Title), draft.Title, "Title", MaxTitleLength);
        errors.Required(nameof(ProcessArea), draft.ProcessArea, "Process area", MaxProcessAreaLength);
        if (!Enum.IsDefined(draft.Criticality))
            errors.Add(nameof(Criticality), "Choose Critical, High or Normal.");
        errors.MaxLength(nameof(LinkedTo), draft.LinkedTo, "Linked requirement or process step", MaxLinkedToLength);
        return errors;
    }
}
