using Portal.Tests.Builders;
using Portal.Core.Milestones;
using Portal.Core.Programs;

namespace Portal.Tests.Core.Milestones;

public sealed class PhaseAndTemplateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly CriterionEvaluators Evaluators = CriterionEvaluators.Default;

    [Fact]
    public void The_default_template_has_the_six_phases_each_pairing_its_technical_and_change_milestone()
    {
        var phases = ProgramTemplate.Default.Instantiate(Evaluators);

        Assert.Equal(["Discovery", "Design", "Build", "Pilot", "Go-Live", "Sustain"], phases.Select(p => p.Name));
        Assert.Equal([1, 2, 3, 4, 5, 6], phases.Select(p => p.Order));
        Assert.All(phases, phase =>
        {
            var technical = Assert.Single(phase.Milestones, m => m.Kind == MilestoneKind.Technical);
            var change = Assert.Single(phase.Milestones, m => m.Kind == MilestoneKind.Change);
            Assert.Same(change, Assert.Single(technical.PairedWith));
            Assert.NotEmpty(change.Criteria);
        });
    }

    [Fact]
    public void Success_indicators_become_criteria_with_the_sign_offs_they_need()
    {
        var design = TestTemplates.Classic.Instantiate(Evaluators)[1];
        var criterion = design.Milestones.Single(m => m.Kind == MilestoneKind.Change).Criteria[0];

        Assert.Equal("Both teams signed off the new process design", criterion.Title);
        Assert.Equal(["Finance process owner", "PMO lead (project delivery)"], criterion.Requirements.Select(r => r.Label));
    }

    [Fact]
    public void Phases_close_in_order()
    {
        var phases = TestTemplates.Classic.Instantiate(Evaluators);

        var result = phases[2].Close(phases, MilestoneGateTests.Facts(1), Evaluators, Now);

        Assert.Equal("Phases close in order: close Discovery, Design first.", Assert.Single(result.Errors).Message);
        Assert.False(phases[2].IsClosed);
    }

    [Fact]
    public void A_phase_with_open_milestones_stays_open_and_lists_what_is_open()
    {
        var phases = TestTemplates.Classic.Instantiate(Evaluators);

        var result = phases[0].Close(phases, MilestoneGateTests.Facts(1), Evaluators, Now);

        Assert.False(result.Succeeded);
        Assert.Contains("Systems audit: data flows, integration points, technical gaps is not complete", result.Errors.Select(e => e.Message));
        Assert.Contains(result.Errors, e => e.Message.EndsWith("Evidence missing: Stakeholder map completed"));
    }

    [Fact]
    public void A_phase_closes_when_its_technical_milestone_is_complete_and_its_change_milestone_met()
    {
        var phases = TestTemplates.Classic.Instantiate(Evaluators);
        var discovery = phases[0];
        var change = discovery.Milestones.Single(m => m.Kind == MilestoneKind.Change);
        foreach (var criterion in change.Criteria.Where(c => c.Kind == CriterionKind.Evidence))
        {
            criterion.RecordEvidence("done");
            foreach (var r in criterion.Requirements)
                criterion.Sign(new Signer("u", "Someone", [r.Role!]), SignOffMeaning.Approved, null, Now);
        }
        discovery.Milestones.Single(m => m.Kind == MilestoneKind.Technical).Complete(MilestoneGateTests.Facts(1), Evaluators, "PMO", Now);

        var result = discovery.Close(phases, MilestoneGateTests.Facts(1), Evaluators, Now);

        Assert.True(result.Succeeded);
        Assert.Equal(Now, discovery.ClosedUtc);
        Assert.False(discovery.Close(phases, MilestoneGateTests.Facts(1), Evaluators, Now).Succeeded);
    }

    [Theory]
    [InlineData("", "1", "Parameters.role", "Program role is required.")]
    [InlineData("Auditor", "1", "Parameters.role", "Program role: 'Auditor' is not a program role.")]
    [InlineData("ExecutiveSponsor", "0", "Parameters.minimum", "Minimum members must be a whole number of at least 1.")]
    [InlineData("ExecutiveSponsor", "two", "Parameters.minimum", "Minimum members must be a whole number of at least 1.")]
    public void A_computed_criterion_with_bad_parameters_is_refused_on_the_parameter(string role, string minimum, string field, string message)
    {
        var result = Criterion.Computed("Sponsor assigned", null, MembersInRoleEvaluator.EvaluatorKey,
            new Dictionary<string, string> { ["role"] = role, ["minimum"] = minimum }, Evaluators);

        var error = Assert.Single(result.Errors);
        Assert.Equal((field, message), (error.Field, error.Message));
    }

    [Fact]
    public void An_unknown_evaluator_is_refused_with_its_name()
    {
        var result = Criterion.Computed("Training done", null, "retired-evaluator", new Dictionary<string, string>(), Evaluators);

        Assert.Equal("There is no evaluator 'retired-evaluator'.", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void A_computed_result_carries_the_measured_value_and_the_threshold()
    {
        var criterion = Criterion.Computed("Two sponsors", null, MembersInRoleEvaluator.EvaluatorKey,
            new Dictionary<string, string> { ["role"] = nameof(ProgramRole.ExecutiveSponsor), ["minimum"] = "2", ["label"] = "Executive sponsors" }, Evaluators).Value;

        var evaluation = criterion.Evaluate(MilestoneGateTests.Facts(1), Evaluators);

        Assert.False(evaluation.IsMet);
        Assert.Equal((1m, 2m), (evaluation.MeasuredValue!.Value, evaluation.Threshold!.Value));
        Assert.Equal(["Executive sponsors: 1 assigned < 2 required"], evaluation.Reasons);
    }

    [Fact]
    public void Go_live_planned_holds_once_a_date_is_set()
    {
        var evaluator = new GoLivePlannedEvaluator();
        var empty = new Dictionary<string, string>();

        Assert.Equal(["Go-live date not planned"], evaluator.Evaluate(empty, MilestoneGateTests.Facts(1)).Reasons);
        Assert.True(evaluator.Evaluate(empty, MilestoneGateTests.Facts(1) with { PlannedGoLive = new DateOnly(2027, 3, 1) }).IsMet);
    }
}

public sealed class ProgramPlanAndBudgetTests
{
    [Fact]
    public void A_program_adopts_one_plan_only()
    {
        var program = new Portal.Tests.Builders.ProgramBuilder().Build();

        Assert.True(program.AdoptPlan(ProgramTemplate.Default.Instantiate(CriterionEvaluators.Default)).Succeeded);
        Assert.Equal("This program already has its phases.",
            program.AdoptPlan(ProgramTemplate.Default.Instantiate(CriterionEvaluators.Default)).Errors[0].Message);
        Assert.Equal(6, program.Phases.Count);
    }

    [Theory]
    [InlineData(-1, null, "TotalBudget")]
    [InlineData(100, -1, "ChangeBudget")]
    [InlineData(100, 101, "ChangeBudget")]
    public void Budgets_must_be_positive_and_change_management_is_part_of_the_total(int total, int? change, string field)
    {
        var program = new Portal.Tests.Builders.ProgramBuilder().Build();

        var result = program.SetBudget(total, change);

        Assert.Equal(field, Assert.Single(result.Errors).Field);
        Assert.Null(program.TotalBudget);
    }

    [Fact]
    public void The_change_budget_share_is_known_once_both_figures_are()
    {
        var program = new Portal.Tests.Builders.ProgramBuilder().Build();
        Assert.Null(program.ChangeBudgetShare);

        program.SetBudget(2_000_000m, 300_000m);

        Assert.Equal(0.15m, program.ChangeBudgetShare);
    }
}
