using Portal.Tests.Builders;
using Portal.Core.Milestones;
using Portal.Core.Programs;

namespace Portal.Tests.Core.Milestones;

/// <summary>The plan stays editable: milestones are added, removed and re-paired, with a reason once work has started.</summary>
public sealed class MilestoneStructureTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly CriterionEvaluators Evaluators = CriterionEvaluators.Default;

    [Fact]
    public void A_milestone_is_added_to_an_open_phase_and_checked_like_any_other()
    {
        var pilot = Plan()[3];

        var added = pilot.AddMilestone(MilestoneKind.Change, "  Helpdesk ready  ", "Scripts and escalation paths updated");
        var nameless = pilot.AddMilestone(MilestoneKind.Change, " ", null);

        Assert.Equal("Helpdesk ready", added.Value.Name);
        Assert.Contains(added.Value, pilot.Milestones);
        Assert.Equal(("Name", "Milestone name is required."), (nameless.Errors[0].Field, nameless.Errors[0].Message));
        Assert.Equal(3, pilot.Milestones.Count);
    }

    [Fact]
    public void A_closed_phase_takes_no_new_milestones_and_keeps_its_own()
    {
        var phases = Plan();
        var discovery = CloseDiscovery(phases);

        Assert.Equal("Discovery is closed; milestones are added to open phases only.",
            discovery.AddMilestone(MilestoneKind.Technical, "Late addition", null).Errors[0].Message);
        Assert.False(discovery.RemoveMilestone(Change(discovery), "Not needed", phases).Succeeded);
    }

    [Fact]
    public void Removing_a_change_milestone_unpairs_it_and_names_the_technical_milestone_left_without_a_gate()
    {
        var phases = Plan();
        var design = phases[1];
        var technical = Technical(design);

        var removal = design.RemoveMilestone(Change(design), null, phases);

        Assert.True(removal.Succeeded);
        Assert.Equal([technical], removal.Value.Unpaired);
        Assert.Equal([technical], removal.Value.Ungated);
        Assert.Empty(technical.PairedWith);
        Assert.DoesNotContain(design.Milestones, m => m.Kind == MilestoneKind.Change);
        // With no change milestone to wait for, nothing holds the technical milestone back: that is what the confirmation warns about.
        Assert.True(technical.Complete(MilestoneGateTests.Facts(0), Evaluators, "Priya Natarajan", Now).IsAllowed);
    }

    [Fact]
    public void A_technical_milestone_with_another_change_milestone_keeps_its_gate()
    {
        var phases = Plan();
        var build = phases[2];
        var extra = build.AddMilestone(MilestoneKind.Change, "Support model agreed", null).Value;
        Technical(build).PairWith([Change(build), extra], null);

        var removal = build.RemoveMilestone(extra, null, phases);

        Assert.Equal([Technical(build)], removal.Value.Unpaired);
        Assert.Empty(removal.Value.Ungated);
        Assert.Equal([Change(build)], Technical(build).PairedWith);
    }

    [Fact]
    public void A_change_milestone_without_criteria_is_not_met_so_pairing_with_it_holds_the_gate()
    {
        var phases = Plan();
        var pilot = phases[3];
        var empty = pilot.AddMilestone(MilestoneKind.Change, "Support model agreed", null).Value;
        Technical(pilot).PairWith([empty], "Support readiness gates the pilot");

        var decision = Technical(pilot).Complete(MilestoneGateTests.Facts(1), Evaluators, "Priya Natarajan", Now);

        Assert.False(empty.IsMet(MilestoneGateTests.Facts(1), Evaluators));
        Assert.Equal(["Support model agreed has no criteria yet: add what must hold before it counts as met"], decision.Unmet.Select(u => u.Reason));
    }

    [Fact]
    public void Removing_needs_a_reason_once_work_has_started()
    {
        var phases = Plan();
        var pilot = phases[3];
        Technical(pilot).SetStatus(MilestoneStatus.InProgress);

        var refused = pilot.RemoveMilestone(Technical(pilot), "  ", phases);
        var removed = pilot.RemoveMilestone(Technical(pilot), "Merged into the Go-Live rollout milestone", phases);

        Assert.Equal(("Reason", "Work on Integration live in pilot with selected projects; performance monitored has started: give the reason for removing it."),
            (refused.Errors[0].Field, refused.Errors[0].Message));
        Assert.True(removed.Succeeded);
        Assert.Single(pilot.Milestones);
    }

    [Fact]
    public void A_complete_milestone_and_the_change_milestone_it_was_completed_under_stay()
    {
        var phases = Plan();
        var discovery = phases[0];
        MeetAll(Change(discovery));
        Technical(discovery).Complete(MilestoneGateTests.Facts(1), Evaluators, "Priya Natarajan", Now);

        var technical = discovery.RemoveMilestone(Technical(discovery), "Not needed", phases);
        var change = discovery.RemoveMilestone(Change(discovery), "Not needed", phases);

        Assert.Equal("Systems audit: data flows, integration points, technical gaps is complete; reopen it before removing it.", technical.Errors[0].Message);
        Assert.StartsWith("Systems audit: data flows, integration points, technical gaps was completed with Stakeholder analysis", change.Errors[0].Message);
        Assert.Equal(2, discovery.Milestones.Count);
    }

    [Fact]
    public void Re_pairing_replaces_the_pairing_and_the_gate_follows_it()
    {
        var phases = Plan();
        var goLive = Technical(phases[4]);
        var sustainChange = Change(phases[5]);

        Assert.True(goLive.PairWith([Change(phases[4]), sustainChange], null).Succeeded);

        var decision = goLive.Complete(MilestoneGateTests.Facts(1), Evaluators, "Priya Natarajan", Now);
        Assert.Contains(decision.Unmet, u => u.MilestoneName == sustainChange.Name);
    }

    [Fact]
    public void Re_pairing_needs_a_reason_once_work_has_started_and_never_touches_a_complete_milestone()
    {
        var phases = Plan();
        var pilot = Technical(phases[3]);
        pilot.SetStatus(MilestoneStatus.InProgress);
        Assert.Equal("Reason", pilot.PairWith([Change(phases[3])], null).Errors[0].Field);
        Assert.Equal("PairedWith", pilot.PairWith([Technical(phases[4])], "Wrong kind").Errors[0].Field);

        var discovery = phases[0];
        MeetAll(Change(discovery));
        Technical(discovery).Complete(MilestoneGateTests.Facts(1), Evaluators, "Priya Natarajan", Now);
        var complete = Technical(discovery).PairWith([], "Gate no longer needed");

        Assert.Equal("This milestone is complete and keeps the pairing it was completed under; reopen it to change the pairing.", complete.Errors[0].Message);
        Assert.Equal([Change(discovery)], Technical(discovery).PairedWith);
    }

    [Fact]
    public void Every_evaluator_tells_a_form_what_it_is_and_what_it_needs()
    {
        Assert.All(Evaluators.All, e =>
        {
            Assert.NotEmpty(e.DisplayName);
            Assert.NotEmpty(e.Description);
        });
        var members = Assert.Single(Evaluators.All, e => e.Key == MembersInRoleEvaluator.EvaluatorKey);
        Assert.Equal(
            [("role", EvaluatorParameterKind.Role, true, (string?)null), ("minimum", EvaluatorParameterKind.Int, false, "1"), ("label", EvaluatorParameterKind.Text, false, null)],
            members.Parameters.Select(p => (p.Key, p.Kind, p.Required, p.Default)));
    }

    [Fact]
    public void Blank_optional_parameters_fall_back_to_their_defaults_and_reasons_use_the_role_name()
    {
        var criterion = Criterion.Computed("Change lead assigned", null, MembersInRoleEvaluator.EvaluatorKey,
            new Dictionary<string, string> { ["role"] = nameof(ProgramRole.ChangeLead), ["minimum"] = " ", ["label"] = "" }, Evaluators).Value;

        Assert.Equal(["role"], criterion.Parameters.Keys);
        Assert.Equal(["Change lead: 0 assigned < 1 required"], criterion.Evaluate(MilestoneGateTests.Facts(1), Evaluators).Reasons);
    }

    [Theory]
    [InlineData("101", "Share must be a percentage from 0 to 100.")]
    [InlineData("-5", "Share must be a percentage from 0 to 100.")]
    [InlineData("ninety", "Share must be a percentage from 0 to 100.")]
    public void Percent_parameters_are_checked_against_their_range(string value, string message)
    {
        var definitions = new[] { new EvaluatorParameter("share", "Share", EvaluatorParameterKind.Percent, Required: true) };

        var error = Assert.Single(EvaluatorParameter.Validate(definitions, new Dictionary<string, string> { ["share"] = value }));

        Assert.Equal(("Parameters.share", message), (error.Field, error.Message));
        Assert.Empty(EvaluatorParameter.Validate(definitions, new Dictionary<string, string> { ["share"] = "87.5" }));
    }

    [Fact]
    public void Unknown_parameters_and_a_missing_evaluator_are_refused()
    {
        var unknown = Criterion.Computed("Go-live", null, GoLivePlannedEvaluator.EvaluatorKey, new Dictionary<string, string> { ["days"] = "30" }, Evaluators);
        var none = Criterion.Computed("Go-live", null, "", new Dictionary<string, string>(), Evaluators);

        Assert.Equal(("Parameters", "Unknown parameter 'days'."), (unknown.Errors[0].Field, unknown.Errors[0].Message));
        Assert.Equal(("EvaluatorKey", "Choose what computes this criterion."), (none.Errors[0].Field, none.Errors[0].Message));
    }

    private static IReadOnlyList<Phase> Plan() => TestTemplates.Classic.Instantiate(Evaluators);
    private static Milestone Technical(Phase phase) => phase.Milestones.First(m => m.Kind == MilestoneKind.Technical);
    private static Milestone Change(Phase phase) => phase.Milestones.First(m => m.Kind == MilestoneKind.Change);

    private static Phase CloseDiscovery(IReadOnlyList<Phase> phases)
    {
        var discovery = phases[0];
        MeetAll(Change(discovery));
        Technical(discovery).Complete(MilestoneGateTests.Facts(1), Evaluators, "Priya Natarajan", Now);
        Assert.True(discovery.Close(phases, MilestoneGateTests.Facts(1), Evaluators, Now).Succeeded);
        return discovery;
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
}
