using Portal.Core.Milestones;
using Portal.Core.Programs;

namespace Portal.Tests.Builders;

/// <summary>
/// A fixed plan for gate tests: the default template's six phases as they were before feature evaluators joined it,
/// so evidence, sign-off and phase rules are tested without stakeholder, register or playbook data. Tests of the
/// built-in template itself use <see cref="ProgramTemplate.Default"/>.
/// </summary>
public static class TestTemplates
{
    private static readonly TemplateSignOff ChangeLead = new(nameof(ProgramRole.ChangeLead), "Change lead");
    private static readonly TemplateSignOff Sponsor = new(nameof(ProgramRole.ExecutiveSponsor), "Executive sponsor");
    private static readonly TemplateSignOff ProcessOwner = new(nameof(ProgramRole.ProcessOwner), "Finance process owner");
    private static readonly TemplateSignOff PmoLead = new(nameof(ProgramRole.PmoLead), "PMO lead (project delivery)");

    public static ProgramTemplate Classic { get; } = new("Classic test plan", "Evidence criteria and foundation evaluators only.",
    [
        Phase(0, "Discovery", "Systems audit: data flows, integration points, technical gaps",
            "Stakeholder analysis: who is affected, what they gain and lose, where resistance concentrates",
            new("Stakeholder map completed", [ChangeLead]),
            new("Resistance hotspots identified", [ChangeLead]),
            new("Sponsor briefed on change risk profile", [Sponsor]),
            new("Executive sponsor assigned", [], MembersInRoleEvaluator.EvaluatorKey,
                new Dictionary<string, string> { ["role"] = nameof(ProgramRole.ExecutiveSponsor), ["minimum"] = "1", ["label"] = "Executive sponsor" })),
        Phase(1, "Design", "Integration architecture defined; system-of-record designations agreed; data mapping completed",
            "Process redesign workshops with project and finance teams; new role responsibilities documented; change story tested with early skeptics",
            new("Both teams signed off the new process design", [ProcessOwner, PmoLead]),
            new("Early adopters identified", [ChangeLead])),
        Phase(2, "Build", "Integration built and tested in development; data quality rules configured",
            "Early adopter group briefed; training materials built with real organisational data; resistance response playbook prepared",
            new("Early adopters use the system confidently", [ChangeLead]),
            new("Materials reflect actual workflows", [ProcessOwner])),
        Phase(3, "Pilot", "Integration live in pilot with selected projects; performance monitored",
            "Early adopter feedback collected and acted on; quick wins documented; pilot resistance addressed individually",
            new("Pilot users report less admin workload", [ChangeLead]),
            new("At least one financial outcome attributable to the new visibility documented", [ProcessOwner, Sponsor])),
        Phase(4, "Go-Live", "Full rollout; monitoring and exception handling active",
            "Executive communications reference new system data; old workarounds formally decommissioned; 30-day adoption check scheduled",
            new("Old spreadsheet reconciliations discontinued", [ProcessOwner]),
            new("Shared data used in governance meetings", [Sponsor]),
            new("Go-live date planned", [], GoLivePlannedEvaluator.EvaluatorKey, new Dictionary<string, string>())),
        Phase(5, "Sustain", "Integration performance monitored; exception volumes tracked; enhancement backlog managed",
            "90-day adoption review; reinforcement for teams below target; success stories documented",
            new("Reconciliation effort measurably below baseline", [ProcessOwner]),
            new("Visibility-gap closures reported to the sponsor", [Sponsor])),
    ]);

    private static TemplatePhase Phase(int index, string name, string technical, string change, params TemplateCriterion[] criteria) => new(name,
    [
        new TemplateMilestone(MilestoneKind.Technical, technical, "", [], [new MilestoneRef(index, 1)]),
        new TemplateMilestone(MilestoneKind.Change, change, "", criteria, []),
    ]);
}
