namespace Portal.Core.Training;

/// <summary>
/// One person's enrolment in a course and, once done, their completion (date and optional score). Keyed by course and
/// email, because that is what an LMS export carries; the person is a stakeholder or a program member with that email.
/// </summary>
public sealed class TrainingRecord
{
    public const decimal MinScore = 0, MaxScore = 100;

    private TrainingRecord() { }

    public int Id { get; private set; }
    public int ProgramId { get; private set; }
    public int CourseId { get; private set; }

    /// <summary>Trimmed and lower-cased, as stakeholder emails are.</summary>
    public string Email { get; private set; } = string.Empty;
    public DateOnly EnrolledOn { get; private set; }
    public DateOnly? CompletedOn { get; private set; }
    public decimal? Score { get; private set; }

    public bool IsCompleted => CompletedOn is not null;

    /// <summary>Callers pass values that passed <see cref="TrainingCsv"/>'s checks.</summary>
    public static TrainingRecord Enrol(int programId, int courseId, string email, DateOnly enrolledOn, DateOnly? completedOn, decimal? score) =>
        new() { ProgramId = programId, CourseId = courseId, Email = email, EnrolledOn = enrolledOn, CompletedOn = completedOn, Score = score };

    /// <summary>Takes the LMS's current values; false when they are what is stored already, so re-importing a file changes nothing.</summary>
    public bool Update(DateOnly enrolledOn, DateOnly? completedOn, decimal? score)
    {
        if (EnrolledOn == enrolledOn && CompletedOn == completedOn && Score == score)
            return false;
        EnrolledOn = enrolledOn;
        CompletedOn = completedOn;
        Score = score;
        return true;
    }

    public string Describe() =>
        $"enrolled {EnrolledOn:yyyy-MM-dd}, {(CompletedOn is { } c ? $"completed {c:yyyy-MM-dd}" : "not completed")}{(Score is { } s ? $", score {s:0.##}" : "")}";
}
