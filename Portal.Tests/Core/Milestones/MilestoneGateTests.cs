using Portal.Tests.Builders;
using Portal.Core.Milestones;
using Portal.Core.Programs;

namespace Portal.Tests.Core.Milestones;

/// <summary>Rule 1: a technical milestone cannot complete while a paired change milestone is unmet; the refusal names every unmet criterion.</summary>
public sealed class MilestoneGateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly CriterionEvaluators Evaluators = CriterionEvaluators.Default;
    private static readonly Signer ChangeLead = new("u-change", "Sofia Reyes", [nameof(ProgramRole.ChangeLead)]);
    private static readonly Signer Sponsor = new("u-sponsor", "Daniel Okafor", [nameof(ProgramRole.ExecutiveSponsor)]);

    [Fact]
    public void Completing_with_an_unmet_paired_milestone_is_refused_naming_every_unmet_criterion()
    {
        var (technical, change) = Discovery();

        var decision = technical.Complete(Facts(sponsors: 0), Evaluators, "Priya Natarajan", Now);

        Assert.False(decision.IsAllowed);
        Assert.Equal(
        [
            "Evidence missing: Stakeholder map completed",
            "Sign-off missing: Change lead",
            "Evidence missing: Resistance hotspots identified",
            "Sign-off missing: Change lead",
            "Evidence missing: Sponsor briefed on change risk profile",
            "Sign-off missing: Executive sponsor",
            "Executive sponsor: 0 assigned < 1 required",
        ], decision.Unmet.Select(u => u.Reason));
        Assert.All(decision.Unmet, u => Assert.Equal(change.Name, u.MilestoneName));
        Assert.Equal(MilestoneStatus.NotStarted, technical.Status);
        Assert.Null(technical.CompletedUtc);
    }

    [Fact]
    public void Completing_is_allowed_once_evidence_is_signed_and_computed_criteria_hold()
    {
        var (technical, change) = Discovery();
        MeetAll(change);

        var decision = technical.Complete(Facts(sponsors: 1), Evaluators, "Priya Natarajan", Now);

        Assert.True(decision.IsAllowed);
        Assert.Equal(MilestoneStatus.Complete, technical.Status);
        Assert.Equal((Now, "Priya Natarajan"), (technical.CompletedUtc!.Value, technical.CompletedBy));
    }

    [Fact]
    public void A_sign_off_becomes_stale_when_the_evidence_changes_and_no_longer_counts()
    {
        var (technical, change) = Discovery();
        MeetAll(change);
        change.Criteria[0].RecordEvidence("Stakeholder map v2, revised after the finance workshop");

        var decision = technical.Complete(Facts(sponsors: 1), Evaluators, "Priya Natarajan", Now);

        var unmet = Assert.Single(decision.Unmet);
        Assert.Equal("Sign-off stale: Change lead signed before the evidence changed", unmet.Reason);
        Assert.Equal("Stakeholder map completed", unmet.CriterionTitle);
    }

    [Fact]
    public void A_sign_off_from_someone_without_the_required_role_does_not_count()
    {
        var (_, change) = Discovery();
        var criterion = change.Criteria[0];
        criterion.RecordEvidence("Map in the shared drive");

        criterion.Sign(Sponsor, SignOffMeaning.Approved, null, Now);

        Assert.Equal(["Sign-off missing: Change lead"], criterion.Evaluate(Facts(1), Evaluators).Reasons);
    }

    [Fact]
    public void A_sign_off_required_from_a_named_person_needs_that_person()
    {
        var criterion = Criterion.Evidential("Finance sign-off on mapping", null, [SignOffRequirement.ByPerson("u-mara", "Mara Lindqvist")]).Value;
        criterion.RecordEvidence("Mapping workbook v3");
        criterion.Sign(new Signer("u-other", "Other Owner", [nameof(ProgramRole.ProcessOwner)]), SignOffMeaning.Approved, null, Now);
        Assert.Equal(["Sign-off missing: Mara Lindqvist"], criterion.Evaluate(Facts(1), Evaluators).Reasons);

        criterion.Sign(new Signer("u-mara", "Mara Lindqvist", [nameof(ProgramRole.ProcessOwner)]), SignOffMeaning.Approved, "Agreed", Now);

        Assert.True(criterion.Evaluate(Facts(1), Evaluators).IsMet);
    }

    [Fact]
    public void Signing_needs_evidence_first_and_computed_criteria_are_never_signed()
    {
        var (_, change) = Discovery();

        var unsigned = change.Criteria[0].Sign(ChangeLead, SignOffMeaning.Authored, null, Now);
        var computed = change.Criteria[3].Sign(ChangeLead, SignOffMeaning.Approved, null, Now);

        Assert.Equal("Record the evidence before signing it off.", Assert.Single(unsigned.Errors).Message);
        Assert.False(computed.Succeeded);
    }

    [Fact]
    public void The_sign_off_keeps_who_when_what_it_means_and_the_hash_of_what_was_signed()
    {
        var criterion = Discovery().Change.Criteria[0];
        criterion.RecordEvidence("Map: https://intranet/stakeholders");

        criterion.Sign(ChangeLead, SignOffMeaning.Reviewed, "  Checked with finance  ", Now.ToOffset(TimeSpan.FromHours(2)));

        var signOff = Assert.Single(criterion.SignOffs);
        Assert.Equal(("u-change", "Sofia Reyes", SignOffMeaning.Reviewed, "Checked with finance"), (signOff.SignerUserId, signOff.PrintedName, signOff.Meaning, signOff.Comment));
        Assert.Equal(TimeSpan.Zero, signOff.SignedUtc.Offset);
        Assert.Equal(criterion.ContentHash(), signOff.ContentHash);
        Assert.Equal(64, signOff.ContentHash.Length);
    }

    [Fact]
    public void Completion_cannot_be_set_as_a_plain_status_and_change_milestones_have_no_status_to_set()
    {
        var (technical, change) = Discovery();

        Assert.False(technical.SetStatus(MilestoneStatus.Complete).Succeeded);
        Assert.False(change.SetStatus(MilestoneStatus.InProgress).Succeeded);
        Assert.True(technical.SetStatus(MilestoneStatus.Blocked).Succeeded);
        Assert.Equal(MilestoneStatus.Blocked, technical.Status);
    }

    [Fact]
    public void Reopening_needs_a_pmo_lead_and_a_reason()
    {
        var (technical, change) = Discovery();
        MeetAll(change);
        technical.Complete(Facts(1), Evaluators, "Priya Natarajan", Now);

        Assert.Equal("Only a PMO lead of this program can reopen a completed milestone.", technical.Reopen(false, "Audit found gaps").Errors[0].Message);
        Assert.Equal("Reason", technical.Reopen(true, "  ").Errors[0].Field);
        Assert.True(technical.Reopen(true, "Audit found gaps in the data-flow inventory").Succeeded);
        Assert.Equal(MilestoneStatus.InProgress, technical.Status);
        Assert.Null(technical.CompletedBy);
    }

    [Fact]
    public void Every_change_gives_the_milestone_a_new_concurrency_version()
    {
        var (technical, _) = Discovery();
        var before = technical.Version;

        technical.SetStatus(MilestoneStatus.InProgress);

        Assert.NotEqual(before, technical.Version);
    }

    private static (Milestone Technical, Milestone Change) Discovery()
    {
        var phase = TestTemplates.Classic.Instantiate(Evaluators)[0];
        return (phase.Milestones.Single(m => m.Kind == MilestoneKind.Technical), phase.Milestones.Single(m => m.Kind == MilestoneKind.Change));
    }

    private static void MeetAll(Milestone change)
    {
        foreach (var criterion in change.Criteria.Where(c => c.Kind == CriterionKind.Evidence))
        {
            criterion.RecordEvidence($"Evidence for {criterion.Title}");
            foreach (var requirement in criterion.Requirements)
                criterion.Sign(new Signer("u-" + requirement.Role, requirement.Label, [requirement.Role!]), SignOffMeaning.Approved, null, Now);
        }
    }

    internal static ProgramFacts Facts(int sponsors) => new(new DateOnly(2026, 11, 22), null, null,
        new Dictionary<string, int> { [nameof(ProgramRole.ExecutiveSponsor)] = sponsors });
}

public sealed class MilestoneEditingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Before_work_starts_criteria_are_removed_and_milestones_renamed_without_a_reason()
    {
        var change = TestTemplates.Classic.Instantiate(CriterionEvaluators.Default)[0].Milestones.Single(m => m.Kind == MilestoneKind.Change);

        Assert.False(change.HasWorkStarted);
        Assert.True(change.RemoveCriterion(change.Criteria[1].Id, null).Succeeded);
        Assert.True(change.Rename("Stakeholder analysis", null).Succeeded);
        Assert.Equal(3, change.Criteria.Count);
    }

    [Fact]
    public void Once_work_has_started_edits_need_a_reason()
    {
        var change = TestTemplates.Classic.Instantiate(CriterionEvaluators.Default)[0].Milestones.Single(m => m.Kind == MilestoneKind.Change);
        change.Criteria[0].RecordEvidence("Map v1");

        Assert.True(change.HasWorkStarted);
        Assert.Equal("Reason", change.Rename("Renamed", null).Errors[0].Field);
        Assert.Equal("Reason", change.RemoveCriterion(change.Criteria[1].Id, " ").Errors[0].Field);
        Assert.True(change.RemoveCriterion(change.Criteria[1].Id, "Covered by the stakeholder map review").Succeeded);
    }

    [Fact]
    public void A_technical_milestone_in_progress_counts_as_started()
    {
        var technical = TestTemplates.Classic.Instantiate(CriterionEvaluators.Default)[0].Milestones.Single(m => m.Kind == MilestoneKind.Technical);

        technical.SetStatus(MilestoneStatus.InProgress);

        Assert.Equal("Reason", technical.Rename("Systems audit", "").Errors[0].Field);
    }
}
