using Portal.Core.Common;
using Portal.Core.Milestones;

namespace Portal.Core.Playbooks;

/// <summary>
/// "Resistance hotspots addressed": every current hotspot has a playbook applied to it with an owner on at least one
/// action that is open, in progress or done. No hotspots means nothing to address, so it holds.
/// </summary>
public sealed class HotspotsAddressedEvaluator : ICriterionEvaluator
{
    public const string EvaluatorKey = "hotspots-addressed";

    public string Key => EvaluatorKey;
    public string DisplayName => "Resistance hotspots addressed";
    public string Description =>
        "Holds when every current resistance hotspot on the stakeholder map has a playbook applied with an owner on at least one open or done action.";
    public IReadOnlyList<EvaluatorParameter> Parameters { get; } = [];

    public string Describe(IReadOnlyDictionary<string, string> parameters) => "Every resistance hotspot has an applied playbook with an owner";

    public IEnumerable<FieldError> ValidateParameters(IReadOnlyDictionary<string, string> parameters) => EvaluatorParameter.Validate(Parameters, parameters);

    /// <summary>Measured: hotspots addressed; threshold: hotspots there are.</summary>
    public CriterionEvaluation Evaluate(IReadOnlyDictionary<string, string> parameters, ProgramFacts facts)
    {
        if (facts.Section<PlaybookFacts>() is not { } playbooks)
            return CriterionEvaluation.Unmet("Playbook data is not available for this program");
        var unaddressed = playbooks.Unaddressed;
        var total = playbooks.Hotspots.Count;
        return unaddressed.Count == 0
            ? CriterionEvaluation.Met(total, total)
            : CriterionEvaluation.Unmet($"Hotspots without a playbook: {string.Join(", ", unaddressed.Select(h => h.Name))}", total - unaddressed.Count, total);
    }
}
