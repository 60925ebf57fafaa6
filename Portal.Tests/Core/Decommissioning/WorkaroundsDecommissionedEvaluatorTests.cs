using Portal.Core.Decommissioning;
using Portal.Core.Milestones;

namespace Portal.Tests.Core.Decommissioning;

public sealed class WorkaroundsDecommissionedEvaluatorTests
{
    private static readonly DateOnly Today = new(2027, 2, 1);
    private static readonly DateOnly GoLive = new(2027, 3, 15);
    private readonly WorkaroundsDecommissionedEvaluator _evaluator = new();

    private static ProgramFacts Facts(DateOnly? goLive, params WorkaroundFact[] workarounds) =>
        new ProgramFacts(Today, goLive, null, new Dictionary<string, int>()).With(new DecommissioningFacts(workarounds));

    private CriterionEvaluation Evaluate(ProgramFacts facts) => _evaluator.Evaluate(new Dictionary<string, string>(), facts);

    [Fact]
    public void Workarounds_due_by_go_live_and_not_decommissioned_are_named_with_their_dates()
    {
        var result = Evaluate(Facts(GoLive,
            new WorkaroundFact("PO tracking spreadsheet", new(2027, 1, 10), true),
            new WorkaroundFact("Monthly reconciliation workbook", new(2027, 3, 1), false),
            new WorkaroundFact("Manual commitment report", null, false)));

        Assert.False(result.IsMet);
        Assert.Equal("Workarounds not decommissioned: Monthly reconciliation workbook (due 2027-03-01), Manual commitment report (no date)", result.Reasons.Single());
        Assert.Equal((1m, 3m), (result.MeasuredValue, result.Threshold));
    }

    [Fact]
    public void Due_on_go_live_day_counts_and_due_after_go_live_does_not()
    {
        Assert.False(Evaluate(Facts(GoLive, new WorkaroundFact("On the day", GoLive, false))).IsMet);
        var later = Evaluate(Facts(GoLive, new WorkaroundFact("After", GoLive.AddDays(1), false), new WorkaroundFact("Done", GoLive, true)));
        Assert.True(later.IsMet);
        Assert.Equal((1m, 1m), (later.MeasuredValue, later.Threshold));
    }

    [Fact]
    public void Without_a_go_live_date_every_workaround_counts()
    {
        var result = Evaluate(Facts(null, new WorkaroundFact("Far away", new(2030, 1, 1), false)));
        Assert.Equal("Workarounds not decommissioned: Far away (due 2030-01-01)", result.Reasons.Single());
    }

    [Fact]
    public void An_empty_register_is_unmet_and_a_missing_section_says_so()
    {
        Assert.Equal("No legacy workarounds in the decommissioning register yet", Evaluate(Facts(GoLive)).Reasons.Single());
        Assert.StartsWith("Decommissioning: the register could not be read",
            Evaluate(new ProgramFacts(Today, GoLive, null, new Dictionary<string, int>())).Reasons.Single());
    }

    [Fact]
    public void It_is_registered_by_its_key_and_takes_no_parameters()
    {
        Assert.True(CriterionEvaluators.Default.TryGet("workarounds-decommissioned", out var evaluator));
        Assert.Empty(evaluator.ValidateParameters(new Dictionary<string, string>()));
        Assert.Single(evaluator.ValidateParameters(new Dictionary<string, string> { ["x"] = "1" }));
    }
}
