using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Portal.Core.Milestones;

/// <summary>A named rule that evaluates a computed criterion from <see cref="ProgramFacts"/>.</summary>
public interface ICriterionEvaluator
{
    string Key { get; }
    string Describe(IReadOnlyDictionary<string, string> parameters);
    IEnumerable<string> ValidateParameters(IReadOnlyDictionary<string, string> parameters);
    CriterionEvaluation Evaluate(IReadOnlyDictionary<string, string> parameters, ProgramFacts facts);
}

/// <summary>The evaluators this version of Portal has. Features register theirs as their data arrives.</summary>
public sealed class CriterionEvaluators
{
    private readonly Dictionary<string, ICriterionEvaluator> _byKey = new(StringComparer.Ordinal);

    public CriterionEvaluators(IEnumerable<ICriterionEvaluator> evaluators)
    {
        foreach (var evaluator in evaluators)
            _byKey.Add(evaluator.Key, evaluator);
    }

    /// <summary>The evaluators whose data exists in the foundation.</summary>
    public static CriterionEvaluators Default { get; } = new([new MembersInRoleEvaluator(), new GoLivePlannedEvaluator()]);

    public IEnumerable<ICriterionEvaluator> All => _byKey.Values;

    public bool TryGet(string key, [NotNullWhen(true)] out ICriterionEvaluator? evaluator) => _byKey.TryGetValue(key, out evaluator);
}

/// <summary>"At least N members hold program role R", e.g. an executive sponsor is assigned.</summary>
public sealed class MembersInRoleEvaluator : ICriterionEvaluator
{
    public const string EvaluatorKey = "members-in-role";

    public string Key => EvaluatorKey;

    public string Describe(IReadOnlyDictionary<string, string> p) => $"At least {p.GetValueOrDefault("minimum", "1")} {p.GetValueOrDefault("label", p.GetValueOrDefault("role", "?"))}";

    public IEnumerable<string> ValidateParameters(IReadOnlyDictionary<string, string> p)
    {
        if (string.IsNullOrWhiteSpace(p.GetValueOrDefault("role")))
            yield return "Name the program role to count (parameter 'role').";
        if (p.TryGetValue("minimum", out var min) && (!int.TryParse(min, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1))
            yield return "The minimum must be a whole number of at least 1.";
    }

    public CriterionEvaluation Evaluate(IReadOnlyDictionary<string, string> p, ProgramFacts facts)
    {
        var minimum = int.Parse(p.GetValueOrDefault("minimum", "1"), CultureInfo.InvariantCulture);
        var count = facts.MembersByRole.GetValueOrDefault(p["role"]);
        var label = p.GetValueOrDefault("label", p["role"]);
        return count >= minimum
            ? CriterionEvaluation.Met(count, minimum)
            : CriterionEvaluation.Unmet($"{label}: {count} assigned < {minimum} required", count, minimum);
    }
}

/// <summary>"A go-live date is planned, at least N days ahead when the criterion is evaluated before go-live."</summary>
public sealed class GoLivePlannedEvaluator : ICriterionEvaluator
{
    public const string EvaluatorKey = "go-live-planned";

    public string Key => EvaluatorKey;

    public string Describe(IReadOnlyDictionary<string, string> p) => "A go-live date is planned";

    public IEnumerable<string> ValidateParameters(IReadOnlyDictionary<string, string> p) => [];

    public CriterionEvaluation Evaluate(IReadOnlyDictionary<string, string> p, ProgramFacts facts) =>
        facts.PlannedGoLive is not null || facts.ActualGoLive is not null
            ? CriterionEvaluation.Met()
            : CriterionEvaluation.Unmet("Go-live date not planned");
}
