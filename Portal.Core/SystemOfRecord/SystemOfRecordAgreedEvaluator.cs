using Portal.Core.Common;
using Portal.Core.Milestones;

namespace Portal.Core.SystemOfRecord;

/// <summary>
/// "System-of-record designations agreed": every domain in the register is Agreed, or, with <c>domains</c>, each of
/// the named domains exists and is Agreed. An empty register is never agreed.
/// </summary>
public sealed class SystemOfRecordAgreedEvaluator : ICriterionEvaluator
{
    public const string EvaluatorKey = "system-of-record-agreed";
    public const string DomainsParameter = "domains";

    public string Key => EvaluatorKey;
    public string DisplayName => "System-of-record designations agreed";
    public string Description => "Holds when every domain in the program's system-of-record register (or each named domain) is agreed by its decision owner.";

    public IReadOnlyList<EvaluatorParameter> Parameters { get; } =
    [
        new(DomainsParameter, "Domains that must be agreed", EvaluatorParameterKind.Text, Required: false,
            Hint: "Comma-separated, e.g. \"commitments, invoices, rates\". Empty: every domain in the register."),
    ];

    public string Describe(IReadOnlyDictionary<string, string> p) =>
        Required(p) is { Count: > 0 } domains ? $"System of record agreed for {string.Join(", ", domains)}" : "Every system-of-record domain agreed";

    public IEnumerable<FieldError> ValidateParameters(IReadOnlyDictionary<string, string> p)
    {
        foreach (var error in EvaluatorParameter.Validate(Parameters, p))
            yield return error;
        if (!p.TryGetValue(DomainsParameter, out var text) || string.IsNullOrWhiteSpace(text))
            yield break;
        var field = EvaluatorParameter.FieldFor(DomainsParameter);
        var parts = text.Split(',').Select(SystemOfRecordDomains.Key).ToList();
        if (parts.Any(d => d.Length == 0))
            yield return new FieldError(field, "Separate domains with single commas; one of them is empty.");
        if (parts.FirstOrDefault(d => d.Length > SystemOfRecordEntry.MaxDomainLength) is { } tooLong)
            yield return new FieldError(field, $"'{tooLong[..20]}...' is longer than a domain can be ({SystemOfRecordEntry.MaxDomainLength} characters).");
    }

    public CriterionEvaluation Evaluate(IReadOnlyDictionary<string, string> p, ProgramFacts facts)
    {
        if (facts.Section<SystemOfRecordFacts>() is not { } register)
            return CriterionEvaluation.Unmet("System of record: the register could not be read for this program");
        if (register.Entries.Count == 0)
            return CriterionEvaluation.Unmet("No system-of-record entries yet", 0, 0);

        var byKey = register.Entries.GroupBy(e => SystemOfRecordDomains.Key(e.Domain)).ToDictionary(g => g.Key, g => g.First());
        var required = Required(p);
        var listed = required.Count > 0 ? required : SystemOfRecordDomains.InRegisterOrder(byKey.Keys, k => k).ToList();
        var missing = listed.Where(d => !byKey.ContainsKey(d)).ToList();
        var open = listed.Where(d => byKey.TryGetValue(d, out var e) && e.Status != SystemOfRecordStatus.Agreed).ToList();
        var agreed = listed.Count - missing.Count - open.Count;
        if (missing.Count == 0 && open.Count == 0)
            return CriterionEvaluation.Met(agreed, listed.Count);

        var gaps = new List<string>();
        if (open.Count > 0)
            gaps.Add($"open: {string.Join(", ", open)}");
        if (missing.Count > 0)
            gaps.Add($"not in the register: {string.Join(", ", missing)}");
        var what = required.Count > 0 ? "required domains" : "domains";
        return CriterionEvaluation.Unmet($"System of record: {agreed} of {listed.Count} {what} agreed ({string.Join("; ", gaps)})", agreed, listed.Count);
    }

    /// <summary>The named domains as keys, in register order, each once; empty when none are named.</summary>
    private static IReadOnlyList<string> Required(IReadOnlyDictionary<string, string> p) =>
        p.GetValueOrDefault(DomainsParameter) is { } text
            ? SystemOfRecordDomains.InRegisterOrder(text.Split(',').Select(SystemOfRecordDomains.Key).Where(d => d.Length > 0).Distinct(), d => d).ToList()
            : [];
}
