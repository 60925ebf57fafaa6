using Portal.Core.Common;

namespace Portal.Core.Stakeholders;

/// <summary>
/// A set of people affected the same way by the change (e.g. Finance team, Project managers). The group's
/// assessment applies to every member who is not assessed on their own.
/// </summary>
public sealed class StakeholderGroup
{
    public const int MaxNameLength = 120;
    public const int MaxDescriptionLength = 1000;

    private readonly List<AssessmentRecord> _history = [];

    private StakeholderGroup() { }

    public int Id { get; private set; }
    public int ProgramId { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public string Description { get; private set; } = string.Empty;

    /// <summary>The latest assessment (a copy of the newest history entry), or null while the group is unassessed.</summary>
    public Assessment? Current { get; private set; }

    /// <summary>Not loaded with the group; new entries added here are saved with it.</summary>
    public IReadOnlyList<AssessmentRecord> History => _history;

    public Guid Version { get; private set; } = Guid.NewGuid();

    public static Result<StakeholderGroup> Create(int programId, string? name, string? description)
    {
        var errors = ValidateDetails(name, description);
        return errors.Count > 0
            ? Result<StakeholderGroup>.Failure(errors)
            : Result<StakeholderGroup>.Success(new StakeholderGroup { ProgramId = programId, Name = name!.Trim(), Description = description?.Trim() ?? "" });
    }

    public Result ChangeDetails(string? name, string? description)
    {
        var errors = ValidateDetails(name, description);
        if (errors.Count > 0)
            return Result.Failure(errors);
        Name = name!.Trim();
        Description = description?.Trim() ?? "";
        Version = Guid.NewGuid();
        return Result.Success();
    }

    /// <summary>Makes <paramref name="assessment"/> current and appends it to the history.</summary>
    public AssessmentRecord Assess(Assessment assessment)
    {
        Current = assessment;
        var record = new AssessmentRecord(ProgramId, assessment.Copy());
        _history.Add(record);
        Version = Guid.NewGuid();
        return record;
    }

    private static IReadOnlyList<FieldError> ValidateDetails(string? name, string? description)
    {
        var errors = new FieldErrors();
        errors.Required(nameof(Name), name, "Group name", MaxNameLength);
        errors.MaxLength(nameof(Description), description, "Description", MaxDescriptionLength);
        return errors.ToList();
    }
}
