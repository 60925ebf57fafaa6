using Portal.Core.Playbooks;
using Portal.Core.Stakeholders;

namespace Portal.Tests.Builders;

/// <summary>Playbooks applied the way the service does it: a program's copy of a built-in, all steps to one owner.</summary>
public static class PlaybookBuilder
{
    public static readonly DateTimeOffset AppliedUtc = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    public static readonly IReadOnlySet<string> Members = new HashSet<string> { "u-lead", "u-change", "u-owner", "u-view" };

    public static Playbook FinanceCopy(int programId = 1) => Playbook.CopyOf(BuiltInPlaybooks.FinanceTerritorial, programId, AppliedUtc);

    public static Assessment Assessment(SupportLevel support, DateTimeOffset at, int influence = 5, int impact = 4) =>
        Portal.Core.Stakeholders.Assessment.Create(new AssessmentInput(influence, impact, support, SupportLevel.Supportive, ResistanceType.FinanceTerritorial),
            "u-change", "Sofia Reyes", at).Value;

    /// <summary>Applied to group 7 ("Finance analysts"), assessed Resistant a week earlier; step n due n weeks later.</summary>
    public static PlaybookApplication Applied(Playbook? playbook = null, string owner = "u-change", DateTimeOffset? at = null)
    {
        playbook ??= FinanceCopy();
        var when = at ?? AppliedUtc;
        var target = new ApplicationTarget(StakeholderKind.Group, 7, "Finance analysts", Assessment(SupportLevel.Resistant, when.AddDays(-7)));
        var today = DateOnly.FromDateTime(when.UtcDateTime);
        var plans = playbook.Steps.Select(s => new ActionPlan(s.Order, owner, today.AddDays(7 * s.Order))).ToList();
        var applied = PlaybookApplication.Apply(playbook, target, plans, Members, "u-change", "Sofia Reyes", when);
        return applied.Succeeded ? applied.Value
            : throw new InvalidOperationException(string.Join(" | ", applied.Errors.Select(e => $"{e.Field}: {e.Message}")));
    }
}
