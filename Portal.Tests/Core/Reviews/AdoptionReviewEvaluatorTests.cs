using Portal.Core.Milestones;
using Portal.Core.Reviews;
using static Portal.Tests.Core.Reviews.ReviewTestData;

namespace Portal.Tests.Core.Reviews;

/// <summary>"30-day review scheduled" and "90-day review completed and signed", with reasons that name what is missing.</summary>
public sealed class AdoptionReviewEvaluatorTests
{
    private static readonly DateOnly GoLive = new(2027, 2, 1); // the 90-day review is due 2 May 2027

    private static ProgramFacts Facts(DateOnly? goLive, IEnumerable<AdoptionReview> reviews) =>
        new ProgramFacts(Today, null, goLive, new Dictionary<string, int>()).With(ReviewFacts.From(reviews, Today));

    private static readonly Dictionary<string, string> NoParameters = new();

    [Fact]
    public void Both_are_registered_by_default()
    {
        Assert.True(CriterionEvaluators.Default.TryGet(AdoptionReviewScheduledEvaluator.EvaluatorKey, out _));
        Assert.True(CriterionEvaluators.Default.TryGet(AdoptionReviewSignedEvaluator.EvaluatorKey, out _));
    }

    [Fact]
    public void Without_an_actual_go_live_neither_holds()
    {
        var facts = Facts(null, []);
        Assert.Equal(["No actual go-live yet"], new AdoptionReviewScheduledEvaluator().Evaluate(NoParameters, facts).Reasons);
        Assert.Equal(["No actual go-live yet"], new AdoptionReviewSignedEvaluator().Evaluate(NoParameters, facts).Reasons);
    }

    [Fact]
    public void Scheduled_holds_once_the_review_of_the_day_exists()
    {
        var evaluator = new AdoptionReviewScheduledEvaluator();
        Assert.False(evaluator.Evaluate(NoParameters, Facts(GoLive, [])).IsMet);
        Assert.Contains("30-day review not scheduled yet", evaluator.Evaluate(NoParameters, Facts(GoLive, [])).Reasons[0]);
        Assert.True(evaluator.Evaluate(NoParameters, Facts(GoLive, Scheduled(GoLive))).IsMet);
        Assert.Equal("60-day adoption review scheduled", evaluator.Describe(new Dictionary<string, string> { ["day"] = "60" }));
    }

    [Fact]
    public void Signed_names_the_review_and_each_missing_signature()
    {
        var evaluator = new AdoptionReviewSignedEvaluator();
        var reviews = Scheduled(GoLive);
        var ninety = reviews.Single(r => r.Day == 90);
        Assert.Equal(["90-day review due 2 May 2027 has measures missing, no PMO lead sign-off and no sponsor sign-off"],
            evaluator.Evaluate(NoParameters, Facts(GoLive, reviews)).Reasons);

        ninety.RecordMeasures(Complete, Now);
        Signed(ninety, Pmo);
        Assert.Equal(["90-day review due 2 May 2027 has no sponsor sign-off"], evaluator.Evaluate(NoParameters, Facts(GoLive, reviews)).Reasons);

        Signed(ninety, Sponsor);
        Assert.True(evaluator.Evaluate(NoParameters, Facts(GoLive, reviews)).IsMet);
        Assert.False(evaluator.Evaluate(new Dictionary<string, string> { ["day"] = "30" }, Facts(GoLive, reviews)).IsMet);
    }

    [Fact]
    public void The_day_must_be_30_60_or_90()
    {
        var evaluator = new AdoptionReviewSignedEvaluator();
        Assert.Equal("The review day must be 30, 60 or 90.", Assert.Single(evaluator.ValidateParameters(new Dictionary<string, string> { ["day"] = "45" })).Message);
        Assert.Single(evaluator.ValidateParameters(new Dictionary<string, string> { ["day"] = "x" }));
        Assert.Empty(evaluator.ValidateParameters(new Dictionary<string, string> { ["day"] = "60" }));
        Assert.Empty(evaluator.ValidateParameters(NoParameters));
    }
}
