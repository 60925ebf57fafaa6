using Portal.Core.Reviews;
using static Portal.Tests.Core.Reviews.ReviewTestData;

namespace Portal.Tests.Core.Reviews;

/// <summary>Each measure across 30/60/90 days and its direction, judged from the last two reviews that recorded it.</summary>
public sealed class ReviewTrendTests
{
    private static readonly DateOnly GoLive = new(2027, 1, 1);

    [Fact]
    public void Values_per_day_and_directions_where_less_reconciliation_effort_is_better()
    {
        var reviews = Scheduled(GoLive);
        reviews[0].RecordMeasures(new ReviewMeasures(70, 140, 50m, 80m, 2, 6), Now);
        reviews[1].RecordMeasures(new ReviewMeasures(105, 140, 50m, 60m, 1, 6), Now);
        var baseline = AdoptionBaseline.Capture(0, new BaselineDraft(140, 96m, 85m, null), null, Today, null, Now).Value;

        var trend = ReviewTrend.For(reviews, baseline).ToDictionary(t => t.Key);

        Assert.Equal([50.0m, 75.0m, null], trend[ReviewTrend.ActiveUsers].Points.Select(p => p.Value));
        Assert.Equal(TrendDirection.Improving, trend[ReviewTrend.ActiveUsers].Direction);
        Assert.Equal(TrendDirection.Steady, trend[ReviewTrend.NewProcessShare].Direction);
        Assert.Equal((TrendDirection.Improving, 96m), (trend[ReviewTrend.Reconciliation].Direction, trend[ReviewTrend.Reconciliation].Target!.Value));
        Assert.Equal(TrendDirection.Worsening, trend[ReviewTrend.Meetings].Direction);
        Assert.Equal(85m, trend[ReviewTrend.NewProcessShare].Target);
    }

    [Fact]
    public void A_relapse_at_90_days_shows_even_when_it_is_still_better_than_at_30()
    {
        var points = new List<TrendPoint> { new(30, 40m), new(60, 80m), new(90, 70m) };
        Assert.Equal(TrendDirection.Worsening, ReviewTrend.DirectionOf(points, higherIsBetter: true));
    }

    [Fact]
    public void A_gap_is_skipped_and_one_value_is_not_enough()
    {
        Assert.Equal(TrendDirection.Improving, ReviewTrend.DirectionOf([new(30, 40m), new(60, null), new(90, 20m)], higherIsBetter: false));
        Assert.Equal(TrendDirection.NotEnoughData, ReviewTrend.DirectionOf([new(30, 40m), new(60, null), new(90, null)], higherIsBetter: true));
        Assert.All(ReviewTrend.For([], null), t => Assert.Equal(TrendDirection.NotEnoughData, t.Direction));
    }
}
