using System.Globalization;
using Portal.Core.Common;
using Portal.Core.Milestones;

namespace Portal.Core.Stakeholders;

/// <summary>"Every stakeholder group is assessed": influence, impact, support and resistance type (Discovery).</summary>
public sealed class StakeholderMapCompleteEvaluator : ICriterionEvaluator
{
    public const string EvaluatorKey = "stakeholder-map-complete";

    /// <summary>Group names a reason lists before it summarises the rest as "and N more".</summary>
    public const int MaxNamedGroups = 5;

    public string Key => EvaluatorKey;
    public string DisplayName => "Stakeholder map complete";
    public string Description => "Holds when the program has stakeholder groups and every one is assessed on influence, impact, support and resistance type.";
    public IReadOnlyList<EvaluatorParameter> Parameters { get; } = [];

    public string Describe(IReadOnlyDictionary<string, string> p) => "Every stakeholder group is assessed";

    public IEnumerable<FieldError> ValidateParameters(IReadOnlyDictionary<string, string> p) => EvaluatorParameter.Validate(Parameters, p);

    public CriterionEvaluation Evaluate(IReadOnlyDictionary<string, string> p, ProgramFacts facts)
    {
        if (facts.Section<StakeholderFacts>() is not { } stakeholders)
            return CriterionEvaluation.Unmet("Stakeholder map: no stakeholder data is available for this program.");
        var c = stakeholders.Completeness;
        if (c.Total == 0)
            return CriterionEvaluation.Unmet("Stakeholder map: no stakeholder groups yet.", 0, 0);
        if (c.IsComplete)
            return CriterionEvaluation.Met(c.Assessed, c.Total);
        var named = string.Join(", ", c.Missing.Take(MaxNamedGroups));
        var more = c.Missing.Count > MaxNamedGroups ? $" and {c.Missing.Count - MaxNamedGroups} more" : "";
        return CriterionEvaluation.Unmet($"Stakeholder map: {c.Assessed} of {c.Total} groups assessed (missing: {named}{more})", c.Assessed, c.Total);
    }
}

/// <summary>"At least N early adopters identified" (Design): people flagged on their own or through their group.</summary>
public sealed class EarlyAdoptersEvaluator : ICriterionEvaluator
{
    public const string EvaluatorKey = "early-adopters";
    public const int DefaultMinimum = 3;

    public string Key => EvaluatorKey;
    public string DisplayName => "Early adopters identified";
    public string Description => "Holds when at least the given number of people on the stakeholder map are early adopters (flagged on their own or through their group).";

    public IReadOnlyList<EvaluatorParameter> Parameters { get; } =
    [
        new("minimum", "Minimum early adopters", EvaluatorParameterKind.Int, Required: false, Default: DefaultMinimum.ToString(CultureInfo.InvariantCulture)),
    ];

    public string Describe(IReadOnlyDictionary<string, string> p) => $"At least {Minimum(p)} early adopters identified";

    public IEnumerable<FieldError> ValidateParameters(IReadOnlyDictionary<string, string> p) => EvaluatorParameter.Validate(Parameters, p);

    public CriterionEvaluation Evaluate(IReadOnlyDictionary<string, string> p, ProgramFacts facts)
    {
        var minimum = Minimum(p);
        if (facts.Section<StakeholderFacts>() is not { } stakeholders)
            return CriterionEvaluation.Unmet("Early adopters: no stakeholder data is available for this program.", null, minimum);
        var count = stakeholders.EarlyAdopters;
        return count >= minimum
            ? CriterionEvaluation.Met(count, minimum)
            : CriterionEvaluation.Unmet($"Early adopters: {count} identified < {minimum} required", count, minimum);
    }

    private static int Minimum(IReadOnlyDictionary<string, string> p) =>
        int.TryParse(p.GetValueOrDefault("minimum"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n : DefaultMinimum;
}
