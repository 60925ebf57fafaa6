using Portal.Core.Common;

namespace Portal.Core.Training;

/// <summary>One scheduled delivery of a course: when, who teaches it, where (a room or online) and how many fit.</summary>
public sealed class TrainingSession
{
    public const int MaxTrainerLength = 200;
    public const int MaxLocationLength = 200;
    public const int MaxCapacity = 10_000;

    private TrainingSession() { }

    public int Id { get; private set; }
    public int ProgramId { get; private set; }
    public int CourseId { get; private set; }
    public DateOnly Date { get; private set; }
    public string Trainer { get; private set; } = string.Empty;

    /// <summary>A room, or for an online session the meeting link or platform; may be empty online.</summary>
    public string Location { get; private set; } = string.Empty;
    public bool IsOnline { get; private set; }
    public int Capacity { get; private set; }

    public static Result<TrainingSession> Schedule(int programId, int courseId, TrainingSessionInput input)
    {
        var errors = Validate(input);
        if (errors.Count > 0)
            return Result<TrainingSession>.Failure(errors);
        return Result<TrainingSession>.Success(new TrainingSession
        {
            ProgramId = programId, CourseId = courseId, Date = input.Date!.Value, Trainer = input.Trainer!.Trim(),
            Location = input.Location?.Trim() ?? "", IsOnline = input.IsOnline, Capacity = input.Capacity!.Value,
        });
    }

    public static IReadOnlyList<FieldError> Validate(TrainingSessionInput input)
    {
        var errors = new FieldErrors();
        if (input.Date is null)
            errors.Add(nameof(Date), "Date is required.");
        errors.Required(nameof(Trainer), input.Trainer, "Trainer", MaxTrainerLength);
        if (input.IsOnline)
            errors.MaxLength(nameof(Location), input.Location, "Location", MaxLocationLength);
        else
            errors.Required(nameof(Location), input.Location, "Location (room) for an in-person session", MaxLocationLength);
        if (input.Capacity is not { } c || c < 1 || c > MaxCapacity)
            errors.Add(nameof(Capacity), $"Capacity must be a whole number from 1 to {MaxCapacity:N0}.");
        return errors.ToList();
    }
}

public sealed record TrainingSessionInput(DateOnly? Date, string? Trainer, string? Location, bool IsOnline, int? Capacity);
