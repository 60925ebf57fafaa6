using Portal.Core.Milestones;
using Portal.Core.Programs;

namespace Portal.Web.Features.Milestones;

/// <summary>Read models and the facts computed criteria see, shared by the milestone services.</summary>
internal static class MilestoneViews
{
    public static ProgramFacts Facts(PortalProgram program, TimeProvider clock) => new(
        DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), program.PlannedGoLive, program.ActualGoLive,
        program.Members.GroupBy(m => m.Role.ToString()).ToDictionary(g => g.Key, g => g.Count()));

    public static MilestoneView View(Milestone m, Phase phase, ProgramFacts facts, CriterionEvaluators evaluators)
    {
        var unmet = m.Kind == MilestoneKind.Change
            ? m.Unmet(facts, evaluators).Select(u => new UnmetView(u.CriterionId, u.CriterionTitle, u.Reason)).ToList()
            : [];
        return new MilestoneView(m.Id, phase.Id, phase.Name, m.Kind, m.Name, m.Status, m.Kind == MilestoneKind.Change ? unmet.Count == 0 : null,
            m.PairedWith.Select(p => p.Id).ToList(), unmet, m.Version, m.CompletedUtc, m.CompletedBy);
    }
}
