using Portal.Core.Milestones;
using Portal.Core.Stakeholders;

namespace Portal.Tests.Core.Stakeholders;

public sealed class StakeholderEvaluatorTests
{
    private static readonly ProgramFacts Basic = new(new DateOnly(2026, 11, 22), null, null, new Dictionary<string, int>());
    private static readonly Dictionary<string, string> None = new();

    private static ProgramFacts With(IReadOnlyList<GroupAssessmentState> groups, int earlyAdopters = 0) =>
        Basic.With(new StakeholderFacts(groups, earlyAdopters, []));

    [Fact]
    public void The_map_is_complete_only_when_every_group_is_assessed_and_the_reason_names_the_missing_groups()
    {
        var evaluator = new StakeholderMapCompleteEvaluator();
        var partial = With(
        [
            new(1, "ERP/IT team", false, false), new(2, "Finance team", true, true), new(3, "Financial analysts", true, true),
            new(4, "PMO analysts", true, true), new(5, "Portfolio executives", true, false), new(6, "Capital Projects PMs", true, true),
        ]);

        var unmet = evaluator.Evaluate(None, partial);
        Assert.False(unmet.IsMet);
        Assert.Equal("Stakeholder map: 4 of 6 groups assessed (missing: ERP/IT team, Portfolio executives)", Assert.Single(unmet.Reasons));
        Assert.Equal((4m, 6m), (unmet.MeasuredValue, unmet.Threshold));

        var met = evaluator.Evaluate(None, With([new(1, "Finance team", true, true)]));
        Assert.True(met.IsMet);
    }

    [Fact]
    public void No_groups_or_no_stakeholder_data_is_unmet_with_a_clear_reason()
    {
        var evaluator = new StakeholderMapCompleteEvaluator();
        Assert.Equal("Stakeholder map: no stakeholder groups yet.", Assert.Single(evaluator.Evaluate(None, With([])).Reasons));
        Assert.Equal("Stakeholder map: no stakeholder data is available for this program.", Assert.Single(evaluator.Evaluate(None, Basic).Reasons));
    }

    [Fact]
    public void Many_missing_groups_are_summarised()
    {
        var groups = Enumerable.Range(1, 8).Select(i => new GroupAssessmentState(i, $"Group {i}", false, false)).ToList();
        var reason = Assert.Single(new StakeholderMapCompleteEvaluator().Evaluate(None, With(groups)).Reasons);
        Assert.Equal("Stakeholder map: 0 of 8 groups assessed (missing: Group 1, Group 2, Group 3, Group 4, Group 5 and 3 more)", reason);
    }

    [Theory]
    [InlineData(null, 3, true)]
    [InlineData(null, 2, false)]
    [InlineData("2", 2, true)]
    [InlineData("8", 7, false)]
    public void Early_adopters_need_at_least_the_minimum_which_defaults_to_three(string? minimum, int count, bool met)
    {
        var p = minimum is null ? None : new Dictionary<string, string> { ["minimum"] = minimum };
        var evaluation = new EarlyAdoptersEvaluator().Evaluate(p, With([], count));

        Assert.Equal(met, evaluation.IsMet);
        Assert.Equal(count, evaluation.MeasuredValue);
        Assert.Equal(decimal.Parse(minimum ?? "3"), evaluation.Threshold);
    }

    [Fact]
    public void Too_few_early_adopters_says_how_many_and_a_bad_minimum_is_a_field_error()
    {
        var evaluator = new EarlyAdoptersEvaluator();
        Assert.Equal("Early adopters: 1 identified < 3 required", Assert.Single(evaluator.Evaluate(None, With([], 1)).Reasons));
        Assert.Equal("At least 5 early adopters identified", evaluator.Describe(new Dictionary<string, string> { ["minimum"] = "5" }));
        var error = Assert.Single(evaluator.ValidateParameters(new Dictionary<string, string> { ["minimum"] = "0" }));
        Assert.Equal(EvaluatorParameter.FieldFor("minimum"), error.Field);
    }

    [Fact]
    public void Both_evaluators_are_registered_by_default()
    {
        Assert.True(CriterionEvaluators.Default.TryGet(StakeholderMapCompleteEvaluator.EvaluatorKey, out _));
        Assert.True(CriterionEvaluators.Default.TryGet(EarlyAdoptersEvaluator.EvaluatorKey, out _));
    }
}
