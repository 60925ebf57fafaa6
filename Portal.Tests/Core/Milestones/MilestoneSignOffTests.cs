using Portal.Core.Milestones;
using Portal.Core.Programs;

namespace Portal.Tests.Core.Milestones;

/// <summary>Rule 4 for whole milestones: required sign-offs gate a change milestone; signatures go stale when what was signed changes.</summary>
public sealed class MilestoneSignOffTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly CriterionEvaluators Evaluators = CriterionEvaluators.Default;
    private static readonly Signer Owner = new("u-owner", "Mara Lindqvist", [nameof(ProgramRole.ProcessOwner)]);
    private static readonly ProgramFacts Facts = MilestoneGateTests.Facts(sponsors: 1);

    [Fact]
    public void A_required_whole_milestone_sign_off_keeps_the_change_milestone_unmet_and_blocks_its_technical_pair()
    {
        var (technical, change) = DesignWithCriteriaMet();
        change.RequireSignOffs([SignOffRequirement.ByRole(nameof(ProgramRole.ProcessOwner), "Finance process owner")], "Design approval as a whole");

        var decision = technical.Complete(Facts, Evaluators, "Priya Natarajan", Now);

        var unmet = Assert.Single(decision.Unmet);
        Assert.Null(unmet.CriterionId);
        Assert.Equal(Milestone.MilestoneSignOffTitle, unmet.CriterionTitle);
        Assert.Equal("Sign-off missing: Finance process owner (on the whole milestone)", unmet.Reason);
    }

    [Fact]
    public void Signing_the_milestone_meets_the_requirement_and_a_later_evidence_change_makes_it_stale()
    {
        var (technical, change) = DesignWithCriteriaMet();
        change.RequireSignOffs([SignOffRequirement.ByRole(nameof(ProgramRole.ProcessOwner), "Finance process owner")], "Design approval as a whole");

        Assert.True(change.Sign(Owner, SignOffMeaning.Approved, "  Whole design agreed  ", Now.ToOffset(TimeSpan.FromHours(1))).Succeeded);
        Assert.True(change.IsMet(Facts, Evaluators));
        var signOff = Assert.Single(change.SignOffs);
        Assert.Equal(("u-owner", "Mara Lindqvist", "Whole design agreed", TimeSpan.Zero), (signOff.SignerUserId, signOff.PrintedName, signOff.Comment, signOff.SignedUtc.Offset));
        Assert.Equal(change.ContentHash(), signOff.ContentHash);

        change.Criteria[0].RecordEvidence("Process design v3 after the second finance workshop");
        Assert.Contains("Sign-off stale: Finance process owner signed before the milestone changed (on the whole milestone)",
            change.Unmet(Facts, Evaluators).Select(u => u.Reason));
        Assert.False(technical.Complete(Facts, Evaluators, "Priya Natarajan", Now).IsAllowed);
    }

    [Fact]
    public void The_content_hash_is_the_same_for_the_same_content_and_changes_with_the_wording()
    {
        var (_, first) = DesignWithCriteriaMet();
        var (_, second) = DesignWithCriteriaMet();
        Assert.Equal(first.ContentHash(), second.ContentHash());

        Assert.True(second.Rename("Process redesign, revised", "Wording agreed with finance").Succeeded);
        Assert.NotEqual(first.ContentHash(), second.ContentHash());
    }

    [Fact]
    public void A_technical_milestone_is_signed_only_once_complete_and_reopening_makes_the_signature_stale()
    {
        var (technical, _) = DesignWithCriteriaMet();
        Assert.Equal("A technical milestone is signed once it is complete.", technical.Sign(Owner, SignOffMeaning.Reviewed, null, Now).Errors[0].Message);

        technical.Complete(Facts, Evaluators, "Priya Natarajan", Now);
        Assert.True(technical.Sign(Owner, SignOffMeaning.Reviewed, null, Now).Succeeded);
        technical.Reopen(actorIsPmoLead: true, "Data mapping found incomplete");

        Assert.True(technical.SignOffs[0].IsStaleFor(technical.ContentHash()));
    }

    [Fact]
    public void Required_sign_offs_belong_to_change_milestones_and_need_a_reason_once_work_started()
    {
        var (technical, change) = DesignWithCriteriaMet();
        var requirement = SignOffRequirement.ByPerson("u-owner", "Mara Lindqvist");

        Assert.Equal(nameof(Milestone.SignOffRequirements), technical.RequireSignOffs([requirement], "x").Errors[0].Field);
        Assert.Equal("Reason", change.RequireSignOffs([requirement], null).Errors[0].Field);
        Assert.True(change.RequireSignOffs([requirement, requirement], "Mara owns the process").Succeeded);
        Assert.Single(change.SignOffRequirements);
    }

    [Fact]
    public void A_signature_needs_a_meaning_and_a_comment_within_its_limit()
    {
        var (_, change) = DesignWithCriteriaMet();
        Assert.Equal("Meaning", change.Sign(Owner, (SignOffMeaning)99, null, Now).Errors[0].Field);
        Assert.Equal("Comment", change.Sign(Owner, SignOffMeaning.Approved, new string('x', SignOff.MaxCommentLength + 1), Now).Errors[0].Field);
        Assert.Empty(change.SignOffs);
    }

    /// <summary>A design phase of evidence criteria only, each with evidence and its sign-offs: met unless the whole milestone needs more.</summary>
    private static (Milestone Technical, Milestone Change) DesignWithCriteriaMet()
    {
        var change = Milestone.Create(MilestoneKind.Change, "Process redesign workshops with project and finance teams", null).Value;
        change.AddCriterion(Criterion.Evidential("Both teams signed off the new process design", null,
            [SignOffRequirement.ByRole(nameof(ProgramRole.ProcessOwner), "Finance process owner"), SignOffRequirement.ByRole(nameof(ProgramRole.PmoLead), "PMO lead")]).Value);
        change.AddCriterion(Criterion.Evidential("Early adopters identified", null, [SignOffRequirement.ByRole(nameof(ProgramRole.ChangeLead), "Change lead")]).Value);
        var technical = Milestone.Create(MilestoneKind.Technical, "Integration architecture defined", null).Value;
        technical.PairWith([change]);
        foreach (var criterion in change.Criteria)
        {
            criterion.RecordEvidence($"Evidence for {criterion.Title}");
            foreach (var r in criterion.Requirements)
                criterion.Sign(new Signer("u-" + r.Role, r.Label, [r.Role!]), SignOffMeaning.Approved, null, Now);
        }
        return (technical, change);
    }
}
