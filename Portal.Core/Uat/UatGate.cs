using Portal.Core.Common;

namespace Portal.Core.Uat;

/// <summary>
/// A program's UAT gate thresholds, in percent. A program without a row uses <see cref="Defaults"/>; PMO leads edit
/// them (a lower bar is a governance decision, so it is theirs and audited).
/// </summary>
public sealed class UatGate
{
    public const decimal DefaultCoverage = 100m, DefaultCriticalPass = 100m, DefaultPass = 95m;

    private UatGate() { }

    public int ProgramId { get; private set; }
    public decimal Coverage { get; private set; } = DefaultCoverage;
    public decimal CriticalPass { get; private set; } = DefaultCriticalPass;
    public decimal Pass { get; private set; } = DefaultPass;

    public static UatThresholds Defaults { get; } = new(DefaultCoverage, DefaultCriticalPass, DefaultPass);

    public UatThresholds Thresholds => new(Coverage, CriticalPass, Pass);

    public static UatGate For(int programId) => new() { ProgramId = programId };

    public Result Change(UatThresholds thresholds)
    {
        var errors = new FieldErrors();
        Check(errors, nameof(Coverage), "Coverage", thresholds.Coverage);
        Check(errors, nameof(CriticalPass), "Critical pass rate", thresholds.CriticalPass);
        Check(errors, nameof(Pass), "Overall pass rate", thresholds.Pass);
        if (errors.Any)
            return Result.Failure(errors.ToList());
        (Coverage, CriticalPass, Pass) = (thresholds.Coverage, thresholds.CriticalPass, thresholds.Pass);
        return Result.Success();
    }

    private static void Check(FieldErrors errors, string field, string label, decimal value)
    {
        if (value is < 0 or > 100)
            errors.Add(field, $"{label} must be a percentage from 0 to 100.");
        else if (decimal.Round(value, 1) != value)
            errors.Add(field, $"{label} takes at most one decimal place.");
    }
}

public sealed record UatThresholds(decimal Coverage, decimal CriticalPass, decimal Pass)
{
    public override string ToString() => $"coverage {Coverage:0.#}%, critical pass {CriticalPass:0.#}%, overall pass {Pass:0.#}%";
}
