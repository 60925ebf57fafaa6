using Portal.Core.Common;

namespace Portal.Core.Training;

/// <summary>A program's training gate setting: the completion rate each audience must reach. Absent row = the default.</summary>
public sealed class TrainingSettings
{
    public const decimal DefaultThresholdPercent = 90m;

    private TrainingSettings() { }

    public int ProgramId { get; private set; }
    public decimal ThresholdPercent { get; private set; } = DefaultThresholdPercent;

    public static TrainingSettings For(int programId) => new() { ProgramId = programId };

    public Result ChangeThreshold(decimal? percent)
    {
        if (Validate(percent) is { } error)
            return Result.Failure(nameof(ThresholdPercent), error);
        ThresholdPercent = percent!.Value;
        return Result.Success();
    }

    public static string? Validate(decimal? percent) => percent is not { } p || p <= 0 || p > 100 || decimal.Round(p, 1) != p
        ? "The threshold must be a percentage above 0 and at most 100, with at most one decimal."
        : null;
}
