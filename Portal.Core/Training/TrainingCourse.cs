using Portal.Core.Common;
using Portal.Core.Programs;

namespace Portal.Core.Training;

/// <summary>
/// A course for one audience of a program: a stakeholder group (Financial analysts) or a program role (Change lead).
/// Mandatory courses count towards the audience's completion rate; the others are listed but never gate.
/// </summary>
public sealed class TrainingCourse
{
    public const int MaxCodeLength = 40;
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 2000;

    private TrainingCourse() { }

    public int Id { get; private set; }
    public int ProgramId { get; private set; }

    /// <summary>The LMS's course code, unique per program (case-insensitive); imports match rows to courses on it.</summary>
    public string Code { get; private set; } = string.Empty;
    public string Title { get; private set; } = string.Empty;
    public string Description { get; private set; } = string.Empty;

    /// <summary>The stakeholder group the course is for; null for a role audience, or when the group was removed.</summary>
    public int? AudienceGroupId { get; private set; }

    /// <summary>The program role the course is for; null for a group audience.</summary>
    public ProgramRole? AudienceRole { get; private set; }

    public bool IsMandatory { get; private set; }

    /// <summary>Exercises use the organisation's own projects, vendors and cost codes rather than vendor demo data.</summary>
    public bool IsBuiltOnRealData { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    public TrainingAudience Audience => new(AudienceGroupId, AudienceRole);

    public static Result<TrainingCourse> Create(int programId, TrainingCourseInput input)
    {
        var errors = Validate(input);
        if (errors.Count > 0)
            return Result<TrainingCourse>.Failure(errors);
        var course = new TrainingCourse { ProgramId = programId };
        course.Apply(input);
        return Result<TrainingCourse>.Success(course);
    }

    public Result Change(TrainingCourseInput input)
    {
        var errors = Validate(input);
        if (errors.Count > 0)
            return Result.Failure(errors);
        if (ToInput() == Normalize(input))
            return Result.Success();
        Apply(input);
        Version = Guid.NewGuid();
        return Result.Success();
    }

    public TrainingCourseInput ToInput() => new(Code, Title, Description, Audience, IsMandatory, IsBuiltOnRealData);

    public static string NormalizeCode(string? code) => (code ?? "").Trim().ToUpperInvariant();

    public static IReadOnlyList<FieldError> Validate(TrainingCourseInput input)
    {
        var errors = new FieldErrors();
        errors.Required(nameof(Code), input.Code, "Course code", MaxCodeLength);
        if (!string.IsNullOrWhiteSpace(input.Code) && input.Code.Trim().Any(c => char.IsWhiteSpace(c) || c == ','))
            errors.Add(nameof(Code), "Course code cannot contain spaces or commas (it is matched in LMS exports).");
        errors.Required(nameof(Title), input.Title, "Title", MaxTitleLength);
        errors.MaxLength(nameof(Description), input.Description, "Description", MaxDescriptionLength);
        if (!input.Audience.IsValid)
            errors.Add(nameof(Audience), "Choose one audience: a stakeholder group or a program role.");
        else if (input.Audience.Role is { } role && !Enum.IsDefined(role))
            errors.Add(nameof(Audience), "That is not a program role.");
        return errors.ToList();
    }

    private static TrainingCourseInput Normalize(TrainingCourseInput i) =>
        i with { Code = NormalizeCode(i.Code), Title = i.Title?.Trim() ?? "", Description = i.Description?.Trim() ?? "" };

    private void Apply(TrainingCourseInput input)
    {
        var i = Normalize(input);
        Code = i.Code!;
        Title = i.Title!;
        Description = i.Description!;
        AudienceGroupId = i.Audience.GroupId;
        AudienceRole = i.Audience.Role;
        IsMandatory = i.IsMandatory;
        IsBuiltOnRealData = i.IsBuiltOnRealData;
    }
}

/// <summary>What a course form or the demo data supplies.</summary>
public sealed record TrainingCourseInput(string? Code, string? Title, string? Description, TrainingAudience Audience, bool IsMandatory, bool IsBuiltOnRealData);

/// <summary>Who a course is for: exactly one of a stakeholder group and a program role.</summary>
public readonly record struct TrainingAudience(int? GroupId, ProgramRole? Role)
{
    public bool IsValid => GroupId is not null ^ Role is not null;

    public static TrainingAudience Group(int groupId) => new(groupId, null);
    public static TrainingAudience ForRole(ProgramRole role) => new(null, role);

    /// <summary>A stable text key ("group:12", "role:ChangeLead") for pickers and rate tables.</summary>
    public string Key => GroupId is { } g ? $"group:{g}" : Role is { } r ? $"role:{r}" : "none";

    public static TrainingAudience FromKey(string? key)
    {
        if (key is null) return default;
        if (key.StartsWith("group:", StringComparison.Ordinal) && int.TryParse(key.AsSpan(6), out var g)) return Group(g);
        if (key.StartsWith("role:", StringComparison.Ordinal) && Enum.TryParse<ProgramRole>(key[5..], out var r) && Enum.IsDefined(r)) return ForRole(r);
        return default;
    }
}
