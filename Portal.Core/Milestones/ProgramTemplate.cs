using Portal.Core.Common;

namespace Portal.Core.Milestones;

/// <summary>A sign-off a template criterion asks for: anyone holding the program role (a role name such as "ProcessOwner").</summary>
public sealed record TemplateSignOff(string Role, string Label);

/// <summary>A criterion as a template describes it, before it belongs to a program: no evidence, no sign-offs.</summary>
public sealed record TemplateCriterion(string Title, IReadOnlyList<TemplateSignOff> SignOffs, string? EvaluatorKey = null,
    IReadOnlyDictionary<string, string>? Parameters = null, string Description = "");

/// <summary>Where a milestone sits in a template: zero-based phase, then zero-based position within that phase.</summary>
public sealed record MilestoneRef(int Phase, int Milestone);

/// <summary>
/// A milestone as a template describes it. Pairing is by position rather than database id, so a template can
/// pair a technical milestone with change milestones of other phases and still be instantiated anywhere.
/// </summary>
public sealed record TemplateMilestone(MilestoneKind Kind, string Name, string Description, IReadOnlyList<TemplateCriterion> Criteria,
    IReadOnlyList<MilestoneRef> PairedWith, IReadOnlyList<TemplateSignOff>? SignOffs = null);

public sealed record TemplatePhase(string Name, IReadOnlyList<TemplateMilestone> Milestones);

/// <summary>
/// The plan a new program starts from: phases with their milestones, pairings and criteria. The built-in
/// <see cref="Default"/> comes from shared/PRODUCT.md; others are captured from a program with <see cref="FromPlan"/>.
/// Everything a template creates stays editable in the program.
/// </summary>
public sealed partial record ProgramTemplate(string Name, string Description, IReadOnlyList<TemplatePhase> Phases)
{
    public const int MaxNameLength = 120;
    public const int MaxDescriptionLength = 1000;

    public int MilestoneCount => Phases.Sum(p => p.Milestones.Count);

    public static FieldErrors Validate(string? name, string? description)
    {
        var errors = new FieldErrors();
        errors.Required(nameof(Name), name, "Template name", MaxNameLength);
        errors.MaxLength(nameof(Description), description, "Description", MaxDescriptionLength);
        return errors;
    }

    /// <summary>Builds the phases of a new program; for templates known to be valid, such as <see cref="Default"/>.</summary>
    public IReadOnlyList<Phase> Instantiate(CriterionEvaluators evaluators)
    {
        var result = TryInstantiate(evaluators);
        return result.Succeeded ? result.Value : throw new InvalidOperationException(
            $"Template '{Name}' is invalid: {string.Join(" ", result.Errors.Select(e => e.Message))}");
    }

    /// <summary>
    /// Builds the phases of a new program, or says why this template cannot be used (a saved template may name an
    /// evaluator a later version of Portal no longer has, or carry a broken pairing).
    /// </summary>
    public Result<IReadOnlyList<Phase>> TryInstantiate(CriterionEvaluators evaluators)
    {
        var problems = new FieldErrors();
        var phases = new List<Phase>();
        var built = new List<List<Milestone?>>();
        foreach (var (template, index) in Phases.Select((p, i) => (p, i)))
        {
            problems.Required("", template.Name, $"The name of phase {index + 1}", Phase.MaxNameLength);
            var phase = Phase.Create(index + 1, template.Name ?? "");
            var milestones = template.Milestones.Select(m => Build(m, template.Name ?? "", evaluators, problems)).ToList();
            foreach (var milestone in milestones.OfType<Milestone>())
                phase.Add(milestone);
            phases.Add(phase);
            built.Add(milestones);
        }

        foreach (var (template, phaseIndex) in Phases.Select((p, i) => (p, i)))
            foreach (var (milestone, index) in template.Milestones.Select((m, i) => (m, i)))
                Pair(built[phaseIndex][index], milestone.PairedWith, built, problems);

        return problems.Any ? Result<IReadOnlyList<Phase>>.Failure(problems.ToList()) : Result<IReadOnlyList<Phase>>.Success(phases);
    }

    private static Milestone? Build(TemplateMilestone template, string phaseName, CriterionEvaluators evaluators, FieldErrors problems)
    {
        var created = Milestone.Create(template.Kind, template.Name, template.Description);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
                problems.Add("", $"{phaseName}: {error.Message}");
            return null;
        }
        foreach (var c in template.Criteria)
        {
            var criterion = c.EvaluatorKey is null
                ? Criterion.Evidential(c.Title, c.Description, c.SignOffs.Select(s => SignOffRequirement.ByRole(s.Role, s.Label)))
                : Criterion.Computed(c.Title, c.Description, c.EvaluatorKey, c.Parameters ?? new Dictionary<string, string>(), evaluators);
            var added = criterion.Succeeded ? created.Value.AddCriterion(criterion.Value) : criterion;
            foreach (var error in added.Errors)
                problems.Add("", $"{phaseName}, {template.Name}, criterion '{c.Title}': {error.Message}");
        }
        if (template.SignOffs is { Count: > 0 } whole)
            foreach (var error in created.Value.RequireSignOffs(whole.Select(s => SignOffRequirement.ByRole(s.Role, s.Label)), null).Errors)
                problems.Add("", $"{phaseName}, {template.Name}: {error.Message}");
        return created.Value;
    }

    private static void Pair(Milestone? technical, IReadOnlyList<MilestoneRef> refs, List<List<Milestone?>> built, FieldErrors problems)
    {
        if (technical is null || refs.Count == 0)
            return;
        var targets = new List<Milestone>();
        foreach (var r in refs)
        {
            if (r.Phase < 0 || r.Phase >= built.Count || r.Milestone < 0 || r.Milestone >= built[r.Phase].Count)
                problems.Add("", $"{technical.Name} is paired with a milestone the template does not have.");
            else if (built[r.Phase][r.Milestone] is { } target)
                targets.Add(target);
        }
        foreach (var error in technical.PairWith(targets).Errors)
            problems.Add("", $"{technical.Name}: {error.Message}");
    }
}
