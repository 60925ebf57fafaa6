using Portal.Core.Common;

namespace Portal.Core.Stakeholders;

/// <summary>What a person entering an assessment supplies; checked by <see cref="Assessment.Create"/>.</summary>
public sealed record AssessmentInput(
    int Influence,
    int Impact,
    SupportLevel CurrentSupport,
    SupportLevel TargetSupport,
    ResistanceType? ResistanceType,
    GainLossTags Gains = GainLossTags.None,
    string? GainsNote = null,
    GainLossTags Losses = GainLossTags.None,
    string? LossesNote = null,
    bool IsEarlyAdopter = false,
    string? Notes = null);

/// <summary>
/// One assessment of a group or person: where they sit on the influence/impact grid, how much they support the
/// change now and should at the target, what they gain and lose, and why they resist. Immutable: a re-assessment
/// is a new assessment, so history is never rewritten.
/// </summary>
public sealed class Assessment
{
    public const int MinScore = 1;
    public const int MaxScore = 5;
    public const int MaxNoteLength = 500;
    public const int MaxNotesLength = 2000;
    public const int MaxAssessorNameLength = 200;

    private Assessment() { }

    /// <summary>How much the stakeholder can sway the outcome, 1 (little) to 5 (decisive).</summary>
    public int Influence { get; private set; }

    /// <summary>How much their daily work changes, 1 (barely) to 5 (completely).</summary>
    public int Impact { get; private set; }
    public SupportLevel CurrentSupport { get; private set; }
    public SupportLevel TargetSupport { get; private set; }

    /// <summary>Null until someone has judged why (or whether) they resist; the map is incomplete until then.</summary>
    public ResistanceType? ResistanceType { get; private set; }
    public GainLossTags Gains { get; private set; }
    public string GainsNote { get; private set; } = string.Empty;
    public GainLossTags Losses { get; private set; }
    public string LossesNote { get; private set; } = string.Empty;
    public bool IsEarlyAdopter { get; private set; }
    public string Notes { get; private set; } = string.Empty;
    public DateTimeOffset AssessedUtc { get; private set; }
    public string AssessedByUserId { get; private set; } = string.Empty;
    public string AssessedByName { get; private set; } = string.Empty;

    /// <summary>How many steps support must still move to reach the target (0 when at or above it).</summary>
    public int SupportGap => StakeholderRules.Gap(CurrentSupport, TargetSupport);

    public bool IsHotspot => StakeholderRules.IsHotspot(Influence, Impact, CurrentSupport);

    public static Result<Assessment> Create(AssessmentInput input, string assessedByUserId, string assessedByName, DateTimeOffset assessedUtc)
    {
        var errors = Validate(input);
        if (errors.Count > 0)
            return Result<Assessment>.Failure(errors);
        return Result<Assessment>.Success(new Assessment
        {
            Influence = input.Influence,
            Impact = input.Impact,
            CurrentSupport = input.CurrentSupport,
            TargetSupport = input.TargetSupport,
            ResistanceType = input.ResistanceType,
            Gains = input.Gains,
            GainsNote = input.GainsNote?.Trim() ?? "",
            Losses = input.Losses,
            LossesNote = input.LossesNote?.Trim() ?? "",
            IsEarlyAdopter = input.IsEarlyAdopter,
            Notes = input.Notes?.Trim() ?? "",
            AssessedUtc = assessedUtc.ToUniversalTime(),
            AssessedByUserId = assessedByUserId,
            AssessedByName = assessedByName.Length <= MaxAssessorNameLength ? assessedByName : assessedByName[..MaxAssessorNameLength],
        });
    }

    /// <summary>Every problem with the input at once, each on its field (the same names the CSV columns map to).</summary>
    public static IReadOnlyList<FieldError> Validate(AssessmentInput input)
    {
        var errors = new FieldErrors();
        if (input.Influence is < MinScore or > MaxScore)
            errors.Add(nameof(Influence), $"Influence must be from {MinScore} to {MaxScore} (it is {input.Influence}).");
        if (input.Impact is < MinScore or > MaxScore)
            errors.Add(nameof(Impact), $"Impact must be from {MinScore} to {MaxScore} (it is {input.Impact}).");
        if (!Enum.IsDefined(input.CurrentSupport))
            errors.Add(nameof(CurrentSupport), "Choose the current support level.");
        if (!Enum.IsDefined(input.TargetSupport))
            errors.Add(nameof(TargetSupport), "Choose the target support level.");
        if (input.ResistanceType is { } type && !Enum.IsDefined(type))
            errors.Add(nameof(ResistanceType), "Choose a resistance type.");
        if ((input.Gains & ~AllTags) != 0)
            errors.Add(nameof(Gains), "Unknown gain tag.");
        if ((input.Losses & ~AllTags) != 0)
            errors.Add(nameof(Losses), "Unknown loss tag.");
        errors.MaxLength(nameof(GainsNote), input.GainsNote, "What they gain", MaxNoteLength);
        errors.MaxLength(nameof(LossesNote), input.LossesNote, "What they lose", MaxNoteLength);
        errors.MaxLength(nameof(Notes), input.Notes, "Notes", MaxNotesLength);
        return errors.ToList();
    }

    public AssessmentInput ToInput() =>
        new(Influence, Impact, CurrentSupport, TargetSupport, ResistanceType, Gains, GainsNote, Losses, LossesNote, IsEarlyAdopter, Notes);

    /// <summary>A separate instance with the same values: the history row and the subject's current copy are stored apart.</summary>
    internal Assessment Copy() => (Assessment)MemberwiseClone();

    private static readonly GainLossTags AllTags = StakeholderNames.Tags.Aggregate(GainLossTags.None, (all, t) => all | t);
}
