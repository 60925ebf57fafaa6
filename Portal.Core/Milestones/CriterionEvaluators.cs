using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Portal.Core.Common;
using Portal.Core.Programs;

namespace Portal.Core.Milestones;

/// <summary>A named rule that evaluates a computed criterion from <see cref="ProgramFacts"/>.</summary>
public interface ICriterionEvaluator
{
    /// <summary>Stable key stored with each computed criterion; never rename one that is in use.</summary>
    string Key { get; }

    /// <summary>What a PMO lead picks from a list, e.g. "Members in a program role".</summary>
    string DisplayName { get; }

    /// <summary>One sentence on what the evaluator checks and from which data.</summary>
    string Description { get; }

    /// <summary>The parameters it takes, in the order a form should ask for them.</summary>
    IReadOnlyList<EvaluatorParameter> Parameters { get; }

    string Describe(IReadOnlyDictionary<string, string> parameters);

    /// <summary>Problems with the values, each on the field of its parameter (<see cref="EvaluatorParameter.FieldFor"/>).</summary>
    IEnumerable<FieldError> ValidateParameters(IReadOnlyDictionary<string, string> parameters);
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
    public static CriterionEvaluators Default { get; } = new([new MembersInRoleEvaluator(), new GoLivePlannedEvaluator(),
        new SystemOfRecord.SystemOfRecordAgreedEvaluator(),
        new Stakeholders.StakeholderMapCompleteEvaluator(), new Stakeholders.EarlyAdoptersEvaluator(),
        new Playbooks.HotspotsAddressedEvaluator(), new Training.TrainingCompletionEvaluator(), new Training.TrainingMaterialsEvaluator(),
        new Uat.UatCoverageEvaluator(), new Uat.UatPassRateEvaluator(),
        new Decommissioning.WorkaroundsDecommissionedEvaluator(),
        new Reviews.AdoptionReviewScheduledEvaluator(), new Reviews.AdoptionReviewSignedEvaluator(),
    ]);

    public IEnumerable<ICriterionEvaluator> All => _byKey.Values;

    public bool TryGet(string key, [NotNullWhen(true)] out ICriterionEvaluator? evaluator) => _byKey.TryGetValue(key, out evaluator);
}

/// <summary>"At least N members hold program role R", e.g. an executive sponsor is assigned.</summary>
public sealed class MembersInRoleEvaluator : ICriterionEvaluator
{
    public const string EvaluatorKey = "members-in-role";

    public string Key => EvaluatorKey;
    public string DisplayName => "Members in a program role";
    public string Description => "Holds when at least the given number of program members hold the role, e.g. an executive sponsor is assigned.";

    public IReadOnlyList<EvaluatorParameter> Parameters { get; } =
    [
        new("role", "Program role", EvaluatorParameterKind.Role, Required: true),
        new("minimum", "Minimum members", EvaluatorParameterKind.Int, Required: false, Default: "1"),
        new("label", "Label in reasons", EvaluatorParameterKind.Text, Required: false, Hint: "Defaults to the role's name, e.g. \"Executive sponsor\"."),
    ];

    public string Describe(IReadOnlyDictionary<string, string> p) => $"At least {p.GetValueOrDefault("minimum", "1")} {Label(p)}";

    public IEnumerable<FieldError> ValidateParameters(IReadOnlyDictionary<string, string> p) => EvaluatorParameter.Validate(Parameters, p);

    public CriterionEvaluation Evaluate(IReadOnlyDictionary<string, string> p, ProgramFacts facts)
    {
        var minimum = int.Parse(p.GetValueOrDefault("minimum", "1"), CultureInfo.InvariantCulture);
        var count = facts.MembersByRole.GetValueOrDefault(p["role"]);
        var label = Label(p);
        return count >= minimum
            ? CriterionEvaluation.Met(count, minimum)
            : CriterionEvaluation.Unmet($"{label}: {count} assigned < {minimum} required", count, minimum);
    }

    // Reasons read "Executive sponsor: 0 assigned", not "ExecutiveSponsor: 0 assigned", when no label was given.
    private static string Label(IReadOnlyDictionary<string, string> p) =>
        p.GetValueOrDefault("label") is { Length: > 0 } label ? label
        : Enum.TryParse<ProgramRole>(p.GetValueOrDefault("role"), out var role) ? role.DisplayName()
        : p.GetValueOrDefault("role", "?");
}

/// <summary>"A go-live date is planned, at least N days ahead when the criterion is evaluated before go-live."</summary>
public sealed class GoLivePlannedEvaluator : ICriterionEvaluator
{
    public const string EvaluatorKey = "go-live-planned";

    public string Key => EvaluatorKey;
    public string DisplayName => "Go-live date planned";
    public string Description => "Holds once the program has a planned or actual go-live date.";
    public IReadOnlyList<EvaluatorParameter> Parameters { get; } = [];

    public string Describe(IReadOnlyDictionary<string, string> p) => "A go-live date is planned";

    public IEnumerable<FieldError> ValidateParameters(IReadOnlyDictionary<string, string> p) => EvaluatorParameter.Validate(Parameters, p);

    public CriterionEvaluation Evaluate(IReadOnlyDictionary<string, string> p, ProgramFacts facts) =>
        facts.PlannedGoLive is not null || facts.ActualGoLive is not null
            ? CriterionEvaluation.Met()
            : CriterionEvaluation.Unmet("Go-live date not planned");
}
