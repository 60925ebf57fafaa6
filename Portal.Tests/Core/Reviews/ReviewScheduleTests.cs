using Portal.Core.Reviews;
using static Portal.Tests.Core.Reviews.ReviewTestData;

namespace Portal.Tests.Core.Reviews;

/// <summary>Scheduling for a go-live creates what is missing, moves what has not started, and removes unstarted reviews when the go-live is cleared.</summary>
public sealed class ReviewScheduleTests
{
    private static readonly DateOnly GoLive = new(2027, 2, 1);

    [Fact]
    public void Scheduling_creates_the_three_reviews_once_and_a_second_run_changes_nothing()
    {
        var reviews = Scheduled(GoLive);

        var again = ReviewSchedule.Reconcile(0, GoLive, reviews, Now);

        Assert.Equal([30, 60, 90], reviews.Select(r => r.Day));
        Assert.False(again.Any);
    }

    [Fact]
    public void Only_the_missing_review_is_created()
    {
        var reviews = Scheduled(GoLive).Where(r => r.Day != 60).ToList();
        var changes = ReviewSchedule.Reconcile(0, GoLive, reviews, Now);
        Assert.Equal((60, GoLive.AddDays(60)), (Assert.Single(changes.Added).Day, changes.Added[0].DueDate));
        Assert.Empty(changes.Moved);
    }

    [Fact]
    public void Moving_the_go_live_moves_unstarted_reviews_and_leaves_started_ones()
    {
        var reviews = Scheduled(GoLive);
        reviews[0].RecordMeasures(new ReviewMeasures(40, 140, null, null, null, null), Now); // the 30-day review has started
        var sixtyBefore = reviews[1].Version;
        var moved = GoLive.AddDays(14);

        var changes = ReviewSchedule.Reconcile(0, moved, reviews, Now);

        Assert.Empty(changes.Added);
        Assert.Equal([(60, GoLive.AddDays(60), moved.AddDays(60)), (90, GoLive.AddDays(90), moved.AddDays(90))],
            changes.Moved.Select(m => (m.Review.Day, m.From, m.To)).ToList());
        Assert.Equal([GoLive.AddDays(30), moved.AddDays(60), moved.AddDays(90)], reviews.Select(r => r.DueDate));
        Assert.NotEqual(sixtyBefore, reviews[1].Version);
    }

    [Fact]
    public void A_signature_or_an_action_also_counts_as_started()
    {
        var program = Program();
        var reviews = Scheduled(GoLive);
        reviews[2].AddAction(program, new ActionDraft("Finance analysts", "Coaching", "u-change", Today), Today, Now);

        var changes = ReviewSchedule.Reconcile(0, GoLive.AddDays(-7), reviews, Now);

        Assert.Equal([30, 60], changes.Moved.Select(m => m.Review.Day));
        Assert.Equal(GoLive.AddDays(90), reviews[2].DueDate);
    }

    [Fact]
    public void Clearing_the_go_live_removes_unstarted_reviews_and_keeps_started_ones()
    {
        var reviews = Scheduled(GoLive);
        reviews[0].SetFindings(["Finance still uses the workbook"], Now);

        var changes = ReviewSchedule.Reconcile(0, null, reviews, Now);

        Assert.Equal([60, 90], changes.Removed.Select(r => r.Day));
        Assert.Empty(changes.Added);
        Assert.Empty(changes.Moved);
    }

    [Fact]
    public void Reviews_of_other_programs_are_left_alone()
    {
        var others = ReviewSchedule.Reconcile(7, GoLive, [], Now).Added;
        var changes = ReviewSchedule.Reconcile(3, null, others, Now);
        Assert.False(changes.Any);
        Assert.Equal(3, ReviewSchedule.Reconcile(3, GoLive, others, Now).Added.Count);
    }
}
