using System.Globalization;
using Portal.Core.Common;
using Portal.Core.Milestones;

namespace Portal.Core.Training;

/// <summary>
/// "Training completion at or above the threshold": every audience with a mandatory course (or each named audience)
/// has at least <c>threshold</c> percent of its people through all its mandatory courses. Without a threshold
/// parameter the program's own setting applies (90% unless a PMO lead changed it).
/// </summary>
public sealed class TrainingCompletionEvaluator : ICriterionEvaluator
{
    public const string EvaluatorKey = "training-completion";
    public const string ThresholdParameter = "threshold";
    public const string AudiencesParameter = "audiences";

    public string Key => EvaluatorKey;
    public string DisplayName => "Training completion";
    public string Description => "Holds when each audience (or each named audience) has completed its mandatory training courses at or above the threshold.";

    public IReadOnlyList<EvaluatorParameter> Parameters { get; } =
    [
        new(ThresholdParameter, "Threshold (%)", EvaluatorParameterKind.Percent, Required: false,
            Hint: "Empty: the program's training threshold (90% unless changed on the Training page)."),
        new(AudiencesParameter, "Audiences", EvaluatorParameterKind.Text, Required: false,
            Hint: "Comma-separated stakeholder groups or program roles, e.g. \"Financial analysts, ERP/IT team\". Empty: every audience with a mandatory course."),
    ];

    public string Describe(IReadOnlyDictionary<string, string> p)
    {
        var threshold = ExplicitThreshold(p) is { } t ? TrainingRules.Format(t) : "the program's threshold";
        return Named(p) is { Count: > 0 } names
            ? $"Training completion at least {threshold} for {string.Join(", ", names)}"
            : $"Training completion at least {threshold} for every audience";
    }

    public IEnumerable<FieldError> ValidateParameters(IReadOnlyDictionary<string, string> p)
    {
        foreach (var error in EvaluatorParameter.Validate(Parameters, p))
            yield return error;
        if (p.TryGetValue(ThresholdParameter, out var t) && decimal.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value <= 0)
            yield return new FieldError(EvaluatorParameter.FieldFor(ThresholdParameter), "A threshold of 0% would always hold; use a percentage above 0.");
        if (p.TryGetValue(AudiencesParameter, out var text) && !string.IsNullOrWhiteSpace(text) && text.Split(',').Any(s => s.Trim().Length == 0))
            yield return new FieldError(EvaluatorParameter.FieldFor(AudiencesParameter), "Separate audiences with single commas; one of them is empty.");
    }

    public CriterionEvaluation Evaluate(IReadOnlyDictionary<string, string> p, ProgramFacts facts)
    {
        if (facts.Section<TrainingFacts>() is not { } training)
            return CriterionEvaluation.Unmet("Training: no training data is available for this program.");
        var threshold = ExplicitThreshold(p) ?? training.ThresholdPercent;
        var named = Named(p);
        var byName = training.Audiences.GroupBy(a => a.Name.Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

        var reasons = new List<string>();
        List<AudienceCompletion> considered;
        if (named.Count > 0)
        {
            considered = [];
            foreach (var name in named)
            {
                if (byName.TryGetValue(name, out var a))
                    considered.Add(a);
                else
                    reasons.Add($"Training: no course for the audience '{name}' yet");
            }
        }
        else
        {
            considered = training.Audiences.Where(a => a.MandatoryCourses > 0).ToList();
            if (considered.Count == 0)
                return CriterionEvaluation.Unmet("Training: no mandatory course yet", null, threshold);
        }
        reasons.AddRange(considered.Select(a => a.Shortfall(threshold)).OfType<string>());

        // The gate is as strong as its weakest audience, so that is the measured value shown next to the threshold.
        var lowest = considered.Select(a => a.Percent).OfType<decimal>().DefaultIfEmpty().Min();
        decimal? measured = considered.Any(a => a.Percent is not null) ? Math.Floor(lowest * 10) / 10 : null;
        return reasons.Count == 0
            ? CriterionEvaluation.Met(measured, threshold)
            : new CriterionEvaluation(false, reasons, measured, threshold);
    }

    private static decimal? ExplicitThreshold(IReadOnlyDictionary<string, string> p) =>
        decimal.TryParse(p.GetValueOrDefault(ThresholdParameter), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var t) && t > 0 && t <= 100 ? t : null;

    private static List<string> Named(IReadOnlyDictionary<string, string> p) =>
        (p.GetValueOrDefault(AudiencesParameter) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
