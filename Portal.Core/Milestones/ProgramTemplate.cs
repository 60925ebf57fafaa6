using Portal.Core.Programs;

namespace Portal.Core.Milestones;

/// <summary>A criterion as a template describes it, before it belongs to a program.</summary>
public sealed record TemplateCriterion(string Title, IReadOnlyList<(ProgramRole Role, string Label)> SignOffs, string? EvaluatorKey = null,
    IReadOnlyDictionary<string, string>? Parameters = null);

public sealed record TemplatePhase(string Name, string TechnicalMilestone, string ChangeMilestone, IReadOnlyList<TemplateCriterion> Criteria);

/// <summary>
/// The phases a new program starts from: each with a technical milestone, its paired change milestone, and the
/// success indicators as criteria (shared/PRODUCT.md, "The default program template"). Everything it creates
/// stays editable in the program.
/// </summary>
public sealed record ProgramTemplate(string Name, IReadOnlyList<TemplatePhase> Phases)
{
    private static readonly (ProgramRole, string) ChangeLead = (ProgramRole.ChangeLead, "Change lead");
    private static readonly (ProgramRole, string) Sponsor = (ProgramRole.ExecutiveSponsor, "Executive sponsor");
    private static readonly (ProgramRole, string) ProcessOwner = (ProgramRole.ProcessOwner, "Finance process owner");
    private static readonly (ProgramRole, string) PmoLead = (ProgramRole.PmoLead, "PMO lead (project delivery)");

    public static ProgramTemplate Default { get; } = new("Technology and change as one program",
    [
        new("Discovery",
            "Systems audit: data flows, integration points, technical gaps",
            "Stakeholder analysis: who is affected, what they gain and lose, where resistance concentrates",
            [
                new("Stakeholder map completed", [ChangeLead]),
                new("Resistance hotspots identified", [ChangeLead]),
                new("Sponsor briefed on change risk profile", [Sponsor]),
                new("Executive sponsor assigned", [], MembersInRoleEvaluator.EvaluatorKey,
                    new Dictionary<string, string> { ["role"] = nameof(ProgramRole.ExecutiveSponsor), ["minimum"] = "1", ["label"] = "Executive sponsor" }),
            ]),
        new("Design",
            "Integration architecture defined; system-of-record designations agreed; data mapping completed",
            "Process redesign workshops with project and finance teams; new role responsibilities documented; change story tested with early skeptics",
            [
                new("Both teams signed off the new process design", [ProcessOwner, PmoLead]),
                new("Early adopters identified", [ChangeLead]),
            ]),
        new("Build",
            "Integration built and tested in development; data quality rules configured",
            "Early adopter group briefed; training materials built with real organisational data; resistance response playbook prepared",
            [
                new("Early adopters use the system confidently", [ChangeLead]),
                new("Materials reflect actual workflows", [ProcessOwner]),
            ]),
        new("Pilot",
            "Integration live in pilot with selected projects; performance monitored",
            "Early adopter feedback collected and acted on; quick wins documented; pilot resistance addressed individually",
            [
                new("Pilot users report less admin workload", [ChangeLead]),
                new("At least one financial outcome attributable to the new visibility documented", [ProcessOwner, Sponsor]),
            ]),
        new("Go-Live",
            "Full rollout; monitoring and exception handling active",
            "Executive communications reference new system data; old workarounds formally decommissioned; 30-day adoption check scheduled",
            [
                new("Old spreadsheet reconciliations discontinued", [ProcessOwner]),
                new("Shared data used in governance meetings", [Sponsor]),
                new("Go-live date planned", [], GoLivePlannedEvaluator.EvaluatorKey, new Dictionary<string, string>()),
            ]),
        new("Sustain",
            "Integration performance monitored; exception volumes tracked; enhancement backlog managed",
            "90-day adoption review; reinforcement for teams below target; success stories documented",
            [
                new("Reconciliation effort measurably below baseline", [ProcessOwner]),
                new("Visibility-gap closures reported to the sponsor", [Sponsor]),
            ]),
    ]);

    /// <summary>Builds the phases of a new program: per phase a technical milestone paired with its change milestone.</summary>
    public IReadOnlyList<Phase> Instantiate(CriterionEvaluators evaluators)
    {
        var phases = new List<Phase>();
        foreach (var (template, index) in Phases.Select((p, i) => (p, i)))
        {
            var phase = Phase.Create(index + 1, template.Name);
            var technical = Milestone.Create(MilestoneKind.Technical, template.TechnicalMilestone, null).Value;
            var change = Milestone.Create(MilestoneKind.Change, template.ChangeMilestone, null).Value;
            foreach (var c in template.Criteria)
            {
                var criterion = c.EvaluatorKey is null
                    ? Criterion.Evidential(c.Title, null, c.SignOffs.Select(s => SignOffRequirement.ByRole(s.Role.ToString(), s.Label)))
                    : Criterion.Computed(c.Title, null, c.EvaluatorKey, c.Parameters ?? new Dictionary<string, string>(), evaluators);
                change.AddCriterion(criterion.Succeeded ? criterion.Value : throw new InvalidOperationException(
                    $"Template criterion '{c.Title}' is invalid: {string.Join(" ", criterion.Errors.Select(e => e.Message))}"));
            }
            technical.PairWith([change]);
            phase.Add(technical);
            phase.Add(change);
            phases.Add(phase);
        }
        return phases;
    }
}
