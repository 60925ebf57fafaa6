using Portal.Core.Milestones;
using Portal.Core.Uat;
using static Portal.Tests.Core.Uat.UatRatesTests;

namespace Portal.Tests.Core.Uat;

/// <summary>The UAT computed criteria: reasons a PMO lead can act on, with the measured value and the threshold.</summary>
public sealed class UatEvaluatorTests
{
    private static readonly Dictionary<string, string> NoParameters = [];

    private static ProgramFacts Facts(IEnumerable<UatScenarioStatus> scenarios, string? cycle = "Pilot UAT", UatThresholds? thresholds = null) =>
        new ProgramFacts(new DateOnly(2026, 11, 22), null, null, new Dictionary<string, int>())
            .With(new UatFacts(thresholds ?? UatGate.Defaults, cycle, UatRates.Of(scenarios)));

    private static IEnumerable<UatScenarioStatus> Many(int pass, int fail = 0, int blocked = 0, int notRun = 0, string prefix = "N") =>
        Enumerable.Range(1, pass).Select(i => S($"{prefix}P{i:000}", UatStatus.Pass))
            .Concat(Enumerable.Range(1, fail).Select(i => S($"{prefix}F{i:000}", UatStatus.Fail)))
            .Concat(Enumerable.Range(1, blocked).Select(i => S($"{prefix}B{i:000}", UatStatus.Blocked)))
            .Concat(Enumerable.Range(1, notRun).Select(i => S($"{prefix}N{i:000}", UatStatus.NotRun)));

    [Fact]
    public void Coverage_names_how_many_scenarios_were_not_run()
    {
        var evaluation = new UatCoverageEvaluator().Evaluate(NoParameters, Facts(Many(84, notRun: 14)));

        Assert.False(evaluation.IsMet);
        Assert.Equal(["UAT coverage 85.7% < 100% (14 of 98 scenarios not run in Pilot UAT)"], evaluation.Reasons);
        Assert.Equal((85.7m, 100m), (evaluation.MeasuredValue, evaluation.Threshold));
    }

    [Fact]
    public void Zero_scenarios_is_not_met_with_a_clear_reason()
    {
        var coverage = new UatCoverageEvaluator().Evaluate(NoParameters, Facts([]));
        var pass = new UatPassRateEvaluator().Evaluate(NoParameters, Facts([]));

        Assert.Equal(["UAT coverage: no UAT scenarios defined yet."], coverage.Reasons);
        Assert.Equal(["UAT pass rate: no UAT scenarios defined yet."], pass.Reasons);
        Assert.False(coverage.IsMet || pass.IsMet);
    }

    [Fact]
    public void No_cycle_or_no_section_is_not_met()
    {
        Assert.Equal(["UAT coverage: no test cycle yet (3 scenarios not run)."], new UatCoverageEvaluator().Evaluate(NoParameters, Facts(Many(0, notRun: 3), cycle: null)).Reasons);
        var bare = new ProgramFacts(new DateOnly(2026, 11, 22), null, null, new Dictionary<string, int>());
        Assert.False(new UatPassRateEvaluator().Evaluate(NoParameters, bare).IsMet);
    }

    [Fact]
    public void Exactly_at_the_thresholds_is_met()
    {
        var facts = Facts(Many(19, fail: 1).Append(S("FIN-001", UatStatus.Pass, UatCriticality.Critical)).Take(20));

        Assert.True(new UatCoverageEvaluator().Evaluate(NoParameters, facts).IsMet);
        var pass = new UatPassRateEvaluator().Evaluate(NoParameters, facts);
        Assert.True(pass.IsMet);
        Assert.Equal((95m, 95m), (pass.MeasuredValue, pass.Threshold));
    }

    [Fact]
    public void Critical_failures_are_named()
    {
        var critical = Enumerable.Range(1, 25).Select(i => S($"FIN-{i:000}", i is 14 or 22 ? UatStatus.Fail : UatStatus.Pass, UatCriticality.Critical));

        var evaluation = new UatPassRateEvaluator().Evaluate(NoParameters, Facts(critical.Concat(Many(75))));

        Assert.False(evaluation.IsMet);
        Assert.Equal(["Critical scenarios passing 92% < 100% (2 failing: FIN-014, FIN-022)"], evaluation.Reasons);
        Assert.Equal((92m, 100m), (evaluation.MeasuredValue, evaluation.Threshold));
    }

    [Fact]
    public void Both_rates_below_give_both_reasons_and_blocked_counts_against_the_overall_rate()
    {
        var facts = Facts(Many(8, fail: 1, blocked: 1).Append(S("FIN-009", UatStatus.NotRun, UatCriticality.Critical)));

        var evaluation = new UatPassRateEvaluator().Evaluate(NoParameters, facts);

        Assert.Equal([
            "UAT pass rate 80% < 95% (1 failing, 1 blocked of 10 executed)",
            "Critical scenarios passing 0% < 100% (1 blocked or not run: FIN-009)",
        ], evaluation.Reasons);
        Assert.Equal((0m, 100m), (evaluation.MeasuredValue, evaluation.Threshold));
    }

    [Fact]
    public void Parameters_override_the_programs_thresholds_and_the_programs_apply_without_them()
    {
        var facts = Facts(Many(9, notRun: 1), thresholds: new UatThresholds(90, 100, 95));
        var evaluator = new UatCoverageEvaluator();

        Assert.True(evaluator.Evaluate(NoParameters, facts).IsMet);
        Assert.False(evaluator.Evaluate(new Dictionary<string, string> { ["threshold"] = "100" }, facts).IsMet);
        Assert.Empty(evaluator.ValidateParameters(new Dictionary<string, string> { ["threshold"] = "90.5" }));
        Assert.Single(evaluator.ValidateParameters(new Dictionary<string, string> { ["threshold"] = "120" }));
        Assert.Contains(CriterionEvaluators.Default.All, e => e.Key == "uat-pass-rate");
    }
}
