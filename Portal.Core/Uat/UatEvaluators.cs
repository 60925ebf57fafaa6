using System.Globalization;
using Portal.Core.Common;
using Portal.Core.Milestones;

namespace Portal.Core.Uat;

/// <summary>
/// "UAT coverage at least N%" in the program's current cycle. Without a <c>threshold</c> parameter the program's own
/// gate threshold applies (default 100%). Zero scenarios is never met: nothing tested is not "fully covered".
/// </summary>
public sealed class UatCoverageEvaluator : ICriterionEvaluator
{
    public const string EvaluatorKey = "uat-coverage";

    public string Key => EvaluatorKey;
    public string DisplayName => "UAT coverage";
    public string Description => "Holds when the share of UAT scenarios executed (Pass, Fail or Blocked) in the current test cycle reaches the threshold.";

    public IReadOnlyList<EvaluatorParameter> Parameters { get; } =
    [
        new("threshold", "Coverage threshold (%)", EvaluatorParameterKind.Percent, Required: false, Default: "100",
            Hint: "Empty: the program's UAT gate threshold."),
    ];

    public string Describe(IReadOnlyDictionary<string, string> p) =>
        UatEvaluatorText.Given(p, "threshold") is { } t ? $"UAT coverage at least {UatEvaluatorText.Pct(t)}" : "UAT coverage meets the program's threshold";

    public IEnumerable<FieldError> ValidateParameters(IReadOnlyDictionary<string, string> p) => EvaluatorParameter.Validate(Parameters, p);

    public CriterionEvaluation Evaluate(IReadOnlyDictionary<string, string> p, ProgramFacts facts)
    {
        if (facts.Section<UatFacts>() is not { } uat)
            return CriterionEvaluation.Unmet("UAT coverage: no UAT data is available for this program.");
        var threshold = UatEvaluatorText.Given(p, "threshold") ?? uat.Thresholds.Coverage;
        var r = uat.Rates;
        if (r.Total == 0)
            return CriterionEvaluation.Unmet("UAT coverage: no UAT scenarios defined yet.", null, threshold);
        if (uat.CycleName is null)
            return CriterionEvaluation.Unmet($"UAT coverage: no test cycle yet ({r.Total} scenarios not run).", 0, threshold);
        var coverage = r.Coverage!.Value;
        if (UatGateRules.Meets(coverage, threshold))
            return CriterionEvaluation.Met(coverage, threshold);
        return CriterionEvaluation.Unmet(
            $"UAT coverage {UatEvaluatorText.Pct(coverage)} < {UatEvaluatorText.Pct(threshold)} ({r.NotRun} of {r.Total} scenarios not run in {uat.CycleName})",
            coverage, threshold);
    }
}

/// <summary>
/// "UAT pass rates at least N% overall and M% for critical scenarios" in the current cycle. Overall is over executed
/// scenarios; critical is over all critical scenarios (one not run is not passing). Parameters override the
/// program's gate thresholds.
/// </summary>
public sealed class UatPassRateEvaluator : ICriterionEvaluator
{
    public const string EvaluatorKey = "uat-pass-rate";

    /// <summary>Scenario keys a reason names before summarising the rest as "and N more".</summary>
    public const int MaxNamedKeys = 5;

    public string Key => EvaluatorKey;
    public string DisplayName => "UAT pass rate";
    public string Description => "Holds when the current test cycle's pass rate (of executed scenarios) and the critical scenarios' pass rate (of all critical scenarios) reach their thresholds.";

    public IReadOnlyList<EvaluatorParameter> Parameters { get; } =
    [
        new("threshold", "Overall pass rate threshold (%)", EvaluatorParameterKind.Percent, Required: false, Default: "95",
            Hint: "Empty: the program's UAT gate threshold."),
        new("criticalThreshold", "Critical pass rate threshold (%)", EvaluatorParameterKind.Percent, Required: false, Default: "100",
            Hint: "Empty: the program's UAT gate threshold."),
    ];

    public string Describe(IReadOnlyDictionary<string, string> p)
    {
        var overall = UatEvaluatorText.Given(p, "threshold");
        var critical = UatEvaluatorText.Given(p, "criticalThreshold");
        return overall is null && critical is null
            ? "UAT pass rates meet the program's thresholds"
            : $"UAT pass rate at least {(overall is { } o ? UatEvaluatorText.Pct(o) : "the program's threshold")}, critical scenarios at least {(critical is { } c ? UatEvaluatorText.Pct(c) : "the program's threshold")}";
    }

    public IEnumerable<FieldError> ValidateParameters(IReadOnlyDictionary<string, string> p) => EvaluatorParameter.Validate(Parameters, p);

    public CriterionEvaluation Evaluate(IReadOnlyDictionary<string, string> p, ProgramFacts facts)
    {
        if (facts.Section<UatFacts>() is not { } uat)
            return CriterionEvaluation.Unmet("UAT pass rate: no UAT data is available for this program.");
        var threshold = UatEvaluatorText.Given(p, "threshold") ?? uat.Thresholds.Pass;
        var criticalThreshold = UatEvaluatorText.Given(p, "criticalThreshold") ?? uat.Thresholds.CriticalPass;
        var r = uat.Rates;
        if (r.Total == 0)
            return CriterionEvaluation.Unmet("UAT pass rate: no UAT scenarios defined yet.", null, threshold);
        if (uat.CycleName is null || r.Executed == 0)
            return CriterionEvaluation.Unmet(
                uat.CycleName is null ? "UAT pass rate: no test cycle yet." : $"UAT pass rate: no scenario executed yet in {uat.CycleName}.", null, threshold);

        var reasons = new List<string>();
        decimal? measured = r.PassRate, held = threshold;
        // A program without critical scenarios has none failing; the coverage and overall rates still gate it.
        if (r.CriticalTotal > 0 && !UatGateRules.Meets(r.CriticalPassRate, criticalThreshold))
        {
            reasons.Add($"Critical scenarios passing {UatEvaluatorText.Pct(r.CriticalPassRate!.Value)} < {UatEvaluatorText.Pct(criticalThreshold)} ({CriticalGaps(r)})");
            (measured, held) = (r.CriticalPassRate, criticalThreshold);
        }
        if (!UatGateRules.Meets(r.PassRate, threshold))
        {
            var blocked = r.Blocked > 0 ? $", {r.Blocked} blocked" : "";
            reasons.Insert(0, $"UAT pass rate {UatEvaluatorText.Pct(r.PassRate!.Value)} < {UatEvaluatorText.Pct(threshold)} ({r.Failed} failing{blocked} of {r.Executed} executed)");
            if (reasons.Count == 1)
                (measured, held) = (r.PassRate, threshold);
        }
        return reasons.Count == 0 ? CriterionEvaluation.Met(r.PassRate, threshold) : new CriterionEvaluation(false, reasons, measured, held);
    }

    private static string CriticalGaps(UatRates r)
    {
        var parts = new List<string>();
        if (r.CriticalFailingKeys.Count > 0)
            parts.Add($"{r.CriticalFailingKeys.Count} failing: {UatEvaluatorText.Keys(r.CriticalFailingKeys, MaxNamedKeys)}");
        var others = r.CriticalNotPassingKeys.Except(r.CriticalFailingKeys).ToList();
        if (others.Count > 0)
            parts.Add($"{others.Count} blocked or not run: {UatEvaluatorText.Keys(others, MaxNamedKeys)}");
        return string.Join("; ", parts);
    }
}

internal static class UatEvaluatorText
{
    public static decimal? Given(IReadOnlyDictionary<string, string> p, string key) =>
        decimal.TryParse(p.GetValueOrDefault(key), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) ? v : null;

    public static string Pct(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string Keys(IReadOnlyList<string> keys, int max) =>
        string.Join(", ", keys.Take(max)) + (keys.Count > max ? $" and {keys.Count - max} more" : "");
}
