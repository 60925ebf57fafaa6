using Portal.Core.Programs;

namespace Portal.Core.Milestones;

public sealed partial record ProgramTemplate
{
    private static readonly TemplateSignOff ChangeLead = new(nameof(ProgramRole.ChangeLead), "Change lead");
    private static readonly TemplateSignOff Sponsor = new(nameof(ProgramRole.ExecutiveSponsor), "Executive sponsor");
    private static readonly TemplateSignOff ProcessOwner = new(nameof(ProgramRole.ProcessOwner), "Finance process owner");
    private static readonly TemplateSignOff PmoLead = new(nameof(ProgramRole.PmoLead), "PMO lead (project delivery)");

    /// <summary>
    /// The built-in template (shared/PRODUCT.md, "The default program template"): six phases, each with a technical
    /// milestone paired with its change milestone, whose criteria are the phase's success indicators.
    /// </summary>
    public static ProgramTemplate Default { get; } = OnePairPerPhase("Technology and change as one program",
        "The built-in plan: six phases from Discovery to Sustain, each pairing a technical milestone with its change milestone.",
    [
        new("Discovery",
            "Systems audit: data flows, integration points, technical gaps",
            "Stakeholder analysis: who is affected, what they gain and lose, where resistance concentrates",
            [
                new("Stakeholder map completed", [], Stakeholders.StakeholderMapCompleteEvaluator.EvaluatorKey, new Dictionary<string, string>()),
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
                new("Early adopters identified", [], Stakeholders.EarlyAdoptersEvaluator.EvaluatorKey, new Dictionary<string, string> { ["minimum"] = "3" }),
                new("System-of-record designations agreed", [], SystemOfRecord.SystemOfRecordAgreedEvaluator.EvaluatorKey, new Dictionary<string, string>()),
            ]),
        new("Build",
            "Integration built and tested in development; data quality rules configured",
            "Early adopter group briefed; training materials built with real organisational data; resistance response playbook prepared",
            [
                new("Early adopters use the system confidently", [ChangeLead]),
                new("Materials reflect actual workflows", [ProcessOwner]),
                new("Training materials built with real organisational data", [], Training.TrainingMaterialsEvaluator.EvaluatorKey, new Dictionary<string, string>()),
                new("Resistance response playbook applied to every hotspot", [], Playbooks.HotspotsAddressedEvaluator.EvaluatorKey, new Dictionary<string, string>()),
            ]),
        new("Pilot",
            "Integration live in pilot with selected projects; performance monitored",
            "Early adopter feedback collected and acted on; quick wins documented; pilot resistance addressed individually",
            [
                new("Pilot users report less admin workload", [ChangeLead]),
                new("At least one financial outcome attributable to the new visibility documented", [ProcessOwner, Sponsor]),
                new("Training completion at the gate threshold for every audience", [], Training.TrainingCompletionEvaluator.EvaluatorKey, new Dictionary<string, string>()),
                new("UAT coverage at the gate threshold", [], Uat.UatCoverageEvaluator.EvaluatorKey, new Dictionary<string, string>()),
                new("UAT pass rates at the gate thresholds", [], Uat.UatPassRateEvaluator.EvaluatorKey, new Dictionary<string, string>()),
            ]),
        new("Go-Live",
            "Full rollout; monitoring and exception handling active",
            "Executive communications reference new system data; old workarounds formally decommissioned; 30-day adoption check scheduled",
            [
                new("Old workarounds decommissioned with evidence", [], Decommissioning.WorkaroundsDecommissionedEvaluator.EvaluatorKey, new Dictionary<string, string>()),
                new("Shared data used in governance meetings", [Sponsor]),
                new("Go-live date planned", [], GoLivePlannedEvaluator.EvaluatorKey, new Dictionary<string, string>()),
                new("30-day adoption review scheduled", [], Reviews.AdoptionReviewScheduledEvaluator.EvaluatorKey, new Dictionary<string, string> { ["day"] = "30" }),
            ]),
        new("Sustain",
            "Integration performance monitored; exception volumes tracked; enhancement backlog managed",
            "90-day adoption review; reinforcement for teams below target; success stories documented",
            [
                new("Reconciliation effort measurably below baseline", [ProcessOwner]),
                new("Visibility-gap closures reported to the sponsor", [Sponsor]),
                new("90-day adoption review completed and signed", [], Reviews.AdoptionReviewSignedEvaluator.EvaluatorKey, new Dictionary<string, string> { ["day"] = "90" }),
            ]),
    ]);

    /// <summary>The shape the default template is written in: one technical milestone paired with one change milestone per phase.</summary>
    private sealed record PairedPhase(string Name, string Technical, string Change, IReadOnlyList<TemplateCriterion> Criteria);

    private static ProgramTemplate OnePairPerPhase(string name, string description, IReadOnlyList<PairedPhase> phases) =>
        new(name, description, phases.Select((p, i) => new TemplatePhase(p.Name,
        [
            new TemplateMilestone(MilestoneKind.Technical, p.Technical, "", [], [new MilestoneRef(i, 1)]),
            new TemplateMilestone(MilestoneKind.Change, p.Change, "", p.Criteria, []),
        ])).ToList());
}
