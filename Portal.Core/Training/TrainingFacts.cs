namespace Portal.Core.Training;

/// <summary>
/// Training as computed criteria see it (a <see cref="Milestones.ProgramFacts"/> section): the program's gate threshold
/// and the completion of every audience that has a course.
/// </summary>
public sealed record TrainingFacts(decimal ThresholdPercent, IReadOnlyList<AudienceCompletion> Audiences, AudienceCompletion Overall);
