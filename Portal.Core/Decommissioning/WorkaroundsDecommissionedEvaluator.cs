using System.Globalization;
using Portal.Core.Common;
using Portal.Core.Milestones;

namespace Portal.Core.Decommissioning;

/// <summary>
/// "All workarounds due by go-live decommissioned with evidence": every workaround whose decommission date is on or before
/// the go-live date (actual, else planned) is decommissioned with signed evidence. A workaround with no date is due too:
/// nobody has promised to switch it off. Without a go-live date every workaround counts. An empty register is unmet, because
/// a program that replaces a process always leaves some workaround behind and nobody has listed it yet.
/// </summary>
public sealed class WorkaroundsDecommissionedEvaluator : ICriterionEvaluator
{
    public const string EvaluatorKey = "workarounds-decommissioned";
    private const int NamesInReason = 5;

    public string Key => EvaluatorKey;
    public string DisplayName => "Workarounds due by go-live decommissioned";
    public string Description => "Holds when every legacy workaround due by go-live is decommissioned with evidence signed by its owner.";
    public IReadOnlyList<EvaluatorParameter> Parameters { get; } = [];

    public string Describe(IReadOnlyDictionary<string, string> p) => "All workarounds due by go-live decommissioned with evidence";

    public IEnumerable<FieldError> ValidateParameters(IReadOnlyDictionary<string, string> p) => EvaluatorParameter.Validate(Parameters, p);

    public CriterionEvaluation Evaluate(IReadOnlyDictionary<string, string> p, ProgramFacts facts)
    {
        if (facts.Section<DecommissioningFacts>() is not { } register)
            return CriterionEvaluation.Unmet("Decommissioning: the register could not be read for this program");
        if (register.Workarounds.Count == 0)
            return CriterionEvaluation.Unmet("No legacy workarounds in the decommissioning register yet", 0, 0);

        var goLive = facts.ActualGoLive ?? facts.PlannedGoLive;
        var due = register.Workarounds.Where(w => goLive is null || w.DecommissionDate is null || w.DecommissionDate <= goLive).ToList();
        var open = due.Where(w => !w.IsDecommissioned).OrderBy(w => w.DecommissionDate ?? DateOnly.MaxValue).ThenBy(w => w.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var done = due.Count - open.Count;
        if (open.Count == 0)
            return CriterionEvaluation.Met(done, due.Count);

        var names = open.Take(NamesInReason).Select(w => $"{w.Name} ({(w.DecommissionDate is { } d ? "due " + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "no date")})");
        var more = open.Count > NamesInReason ? $" and {open.Count - NamesInReason} more" : "";
        return CriterionEvaluation.Unmet($"Workarounds not decommissioned: {string.Join(", ", names)}{more}", done, due.Count);
    }
}
