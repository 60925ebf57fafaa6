using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Portal.Core.Common;

namespace Portal.Core.Milestones;

/// <summary>
/// One condition of a change milestone. Evidence criteria hold when evidence is recorded and every required
/// sign-off is present and not stale; computed criteria hold when their evaluator says so.
/// </summary>
public sealed class Criterion
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 4000;

    private readonly List<SignOffRequirement> _requirements = [];
    private readonly List<SignOff> _signOffs = [];
    private Dictionary<string, string> _parameters = new(StringComparer.Ordinal);

    private Criterion() { }

    public int Id { get; private set; }
    public int MilestoneId { get; private set; }
    public CriterionKind Kind { get; private set; }
    public string Title { get; private set; } = string.Empty;
    public string Description { get; private set; } = string.Empty;

    /// <summary>Evidence as recorded: notes and links, one per line.</summary>
    public string Evidence { get; private set; } = string.Empty;
    public string? EvaluatorKey { get; private set; }
    public IReadOnlyDictionary<string, string> Parameters => _parameters;
    public IReadOnlyList<SignOffRequirement> Requirements => _requirements;
    public IReadOnlyList<SignOff> SignOffs => _signOffs;

    public static Result<Criterion> Evidential(string? title, string? description, IEnumerable<SignOffRequirement> requirements)
    {
        var errors = ValidateTitle(title, description);
        if (errors.Any)
            return Result<Criterion>.Failure(errors.ToList());
        var criterion = new Criterion { Kind = CriterionKind.Evidence, Title = title!.Trim(), Description = description?.Trim() ?? "" };
        criterion._requirements.AddRange(requirements);
        return Result<Criterion>.Success(criterion);
    }

    public static Result<Criterion> Computed(string? title, string? description, string evaluatorKey, IReadOnlyDictionary<string, string> parameters,
        CriterionEvaluators evaluators)
    {
        // A blank value is a parameter not given (forms send empty inputs), so optional ones fall back to their default.
        var given = parameters.Where(p => !string.IsNullOrWhiteSpace(p.Value)).ToDictionary(p => p.Key, p => p.Value.Trim(), StringComparer.Ordinal);
        var errors = ValidateTitle(title, description);
        if (string.IsNullOrWhiteSpace(evaluatorKey))
            errors.Add(nameof(EvaluatorKey), "Choose what computes this criterion.");
        else if (!evaluators.TryGet(evaluatorKey, out var evaluator))
            errors.Add(nameof(EvaluatorKey), $"There is no evaluator '{evaluatorKey}'.");
        else
            foreach (var problem in evaluator.ValidateParameters(given))
                errors.Add(problem.Field, problem.Message);
        if (errors.Any)
            return Result<Criterion>.Failure(errors.ToList());
        return Result<Criterion>.Success(new Criterion
        {
            Kind = CriterionKind.Computed, Title = title!.Trim(), Description = description?.Trim() ?? "",
            EvaluatorKey = evaluatorKey, _parameters = given,
        });
    }

    /// <summary>Records or replaces the evidence. Existing sign-offs become stale: they signed other content.</summary>
    public Result RecordEvidence(string? evidence)
    {
        if (Kind != CriterionKind.Evidence)
            return Result.Failure(nameof(Evidence), "A computed criterion takes no evidence; its evaluator decides.");
        if (evidence is { Length: > MaxTextLength })
            return Result.Failure(nameof(Evidence), $"Evidence must be at most {MaxTextLength} characters.");
        Evidence = evidence?.Trim() ?? string.Empty;
        return Result.Success();
    }

    public Result Sign(Signer signer, SignOffMeaning meaning, string? comment, DateTimeOffset now)
    {
        if (Kind != CriterionKind.Evidence)
            return Result.Failure("", "Computed criteria are not signed; they are evaluated from Portal's data.");
        if (Evidence.Length == 0)
            return Result.Failure(nameof(Evidence), "Record the evidence before signing it off.");
        var valid = SignOff.Validate(meaning, comment);
        if (!valid.Succeeded)
            return valid;
        _signOffs.Add(new SignOff(signer, meaning, comment?.Trim() ?? "", ContentHash(), now));
        return Result.Success();
    }

    /// <summary>
    /// SHA-256 over a canonical JSON form of what a signer vouches for: title, description and evidence. Database
    /// ids are left out on purpose: they are assigned after a sign-off may already exist (e.g. in one save).
    /// </summary>
    public string ContentHash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        JsonSerializer.Serialize(new[] { "criterion-v1", Title, Description, Evidence }))));

    public CriterionEvaluation Evaluate(ProgramFacts facts, CriterionEvaluators evaluators)
    {
        if (Kind == CriterionKind.Computed)
            return evaluators.TryGet(EvaluatorKey!, out var evaluator)
                ? evaluator.Evaluate(_parameters, facts)
                : CriterionEvaluation.Unmet($"Evaluator '{EvaluatorKey}' is not available in this version of Portal.");

        var reasons = new List<string>();
        if (Evidence.Length == 0)
            reasons.Add($"Evidence missing: {Title}");
        reasons.AddRange(SignOffRequirement.Missing(_requirements, _signOffs, ContentHash(), "the evidence"));
        return reasons.Count == 0 ? CriterionEvaluation.Met() : CriterionEvaluation.Unmet(reasons);
    }

    private static FieldErrors ValidateTitle(string? title, string? description)
    {
        var errors = new FieldErrors();
        errors.Required(nameof(Title), title, "Criterion title", MaxTitleLength);
        errors.MaxLength(nameof(Description), description, "Description", MaxTextLength);
        return errors;
    }
}
