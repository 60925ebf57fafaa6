namespace Portal.Core.Training;

/// <summary>
/// Training as computed criteria see it (a <see cref="Milestones.ProgramFacts"/> section): the program's gate threshold
/// and the completion of every audience that has a course.
/// </summary>
public sealed record TrainingFacts(decimal ThresholdPercent, IReadOnlyList<AudienceCompletion> Audiences, AudienceCompletion Overall)
{
    /// <summary>The mandatory courses ("CODE Title"), and which of them are not built on the organisation's own data.</summary>
    public IReadOnlyList<string> MandatoryCourses { get; init; } = [];

    public IReadOnlyList<string> MandatoryCoursesNotOnRealData { get; init; } = [];
}
