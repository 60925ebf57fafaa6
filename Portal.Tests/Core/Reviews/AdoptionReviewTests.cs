using Portal.Core.Milestones;
using Portal.Core.Programs;
using Portal.Core.Reviews;
using static Portal.Tests.Core.Reviews.ReviewTestData;

namespace Portal.Tests.Core.Reviews;

/// <summary>Status on a given day (boundaries included), measures validation, completion by PMO lead and sponsor, staleness.</summary>
public sealed class AdoptionReviewTests
{
    [Fact]
    public void A_review_is_due_its_day_after_the_actual_go_live()
    {
        var reviews = Scheduled(new DateOnly(2027, 2, 1));
        Assert.Equal([(30, new DateOnly(2027, 3, 3)), (60, new DateOnly(2027, 4, 2)), (90, new DateOnly(2027, 5, 2))],
            reviews.Select(r => (r.Day, r.DueDate)).ToList());
        Assert.All(reviews, r => Assert.False(r.IsStarted));
    }

    [Theory]
    [InlineData(8, ReviewStatus.Scheduled)]
    [InlineData(7, ReviewStatus.DueSoon)] // exactly 7 days before
    [InlineData(1, ReviewStatus.DueSoon)]
    [InlineData(0, ReviewStatus.DueSoon)] // due exactly today: not yet overdue
    [InlineData(-1, ReviewStatus.Overdue)]
    public void An_untouched_review_is_scheduled_then_due_soon_then_overdue(int daysToDue, ReviewStatus expected)
    {
        var review = Review(30, Today.AddDays(daysToDue - 30));
        Assert.Equal(expected, review.StatusOn(Today));
    }

    [Fact]
    public void Recording_anything_starts_the_review_and_an_overdue_one_stays_overdue_until_completed()
    {
        var review = Review(30, Today.AddDays(-25));
        Assert.True(review.RecordMeasures(new ReviewMeasures(50, 140, null, null, null, null), Now).Value);

        Assert.True(review.IsStarted);
        Assert.Equal(ReviewStatus.InProgress, review.StatusOn(Today));
        Assert.Equal(ReviewStatus.Overdue, review.StatusOn(Today.AddDays(6)));
        Assert.Equal(["measures missing", "no PMO lead sign-off", "no sponsor sign-off"], review.MissingForCompletion());
    }

    [Fact]
    public void Findings_alone_start_a_review_and_blank_lines_are_dropped()
    {
        var review = Review(60, Today.AddDays(-10));
        Assert.True(review.SetFindings(["  Finance still reconciles in the workbook ", "", "\r\n", "PMs use the PPM report"], Now).Value);
        Assert.Equal(["Finance still reconciles in the workbook", "PMs use the PPM report"], review.Findings);
        Assert.True(review.IsStarted);
        Assert.False(review.SetFindings(["Finance still reconciles in the workbook", "PMs use the PPM report"], Now).Value); // no change
    }

    [Fact]
    public void Completed_needs_every_measure_and_current_signatures_of_a_pmo_lead_and_a_sponsor()
    {
        var review = Review(30, Today.AddDays(-29));
        review.RecordMeasures(Complete, Now);
        Signed(review, Pmo);
        Assert.Equal(ReviewStatus.InProgress, review.StatusOn(Today));
        Assert.Equal(["no sponsor sign-off"], review.MissingForCompletion());

        Signed(review, Sponsor);

        Assert.Equal(ReviewStatus.Completed, review.StatusOn(Today));
        Assert.Equal(ReviewStatus.Completed, review.StatusOn(Today.AddDays(100))); // a completed review is never overdue
    }

    [Fact]
    public void Changing_measures_or_findings_after_signing_makes_the_signatures_stale_but_actions_do_not()
    {
        var program = Program();
        var review = Signed(WithMeasures(Review(30, Today.AddDays(-29))), Pmo, Sponsor);
        Assert.True(review.AddAction(program, new ActionDraft("Capital Projects PMs", "Floor-walker at month end", "u-change", Today.AddDays(5)), Today, Now).Succeeded);
        Assert.True(review.IsCompleted);

        review.SetFindings(["Analysts keep a private copy of the workbook"], Now);

        Assert.Equal(ReviewStatus.InProgress, review.StatusOn(Today));
        Assert.Equal(["PMO lead sign-off is stale (measures or findings changed)", "sponsor sign-off is stale (measures or findings changed)"],
            review.MissingForCompletion());
        Assert.Empty(review.CurrentSignOffs());
    }

    [Fact]
    public void Only_pmo_leads_and_sponsors_sign_and_only_once_the_measures_are_complete_and_as_shown()
    {
        var review = Review(90, Today.AddDays(-80));
        var owner = new Signer("u-owner", "Mara Lindqvist", [nameof(ProgramRole.ProcessOwner)]);
        Assert.Equal("Record all four measures before signing the review.", review.Sign(Pmo, SignOffMeaning.Approved, null, review.ContentHash(), Now).Errors[0].Message);
        var shown = review.ContentHash();
        review.RecordMeasures(Complete, Now);

        Assert.Contains("PMO leads and executive sponsors", review.Sign(owner, SignOffMeaning.Approved, null, review.ContentHash(), Now).Errors[0].Message);
        Assert.Contains("changed since you opened it", review.Sign(Pmo, SignOffMeaning.Approved, null, shown, Now).Errors[0].Message);
        Assert.True(review.Sign(Pmo, SignOffMeaning.Approved, null, review.ContentHash(), Now).Succeeded);
        Assert.Contains("already signed", review.Sign(Pmo, SignOffMeaning.Approved, null, review.ContentHash(), Now).Errors[0].Message);
    }

    [Fact]
    public void Empty_measures_record_nothing_and_leave_the_review_unstarted()
    {
        var review = Review(30, Today);
        var recorded = review.RecordMeasures(ReviewMeasures.None, Now);
        Assert.False(recorded.Value);
        Assert.False(review.IsStarted);
        Assert.Null(review.Measures.ActiveUserRate);
        Assert.Null(review.Measures.MeetingShare);
        Assert.Null(review.Measures.ReconciliationChange(96m));
    }

    [Fact]
    public void Measures_are_validated_field_by_field()
    {
        var errors = new ReviewMeasures(-1, 0, 100.5m, -2m, 7, 6).Validate();
        Assert.Equal(["ActiveUsers", "TargetUsers", "NewProcessSharePercent", "ReconciliationHours", "MeetingsUsingData"], errors.Select(e => e.Field));
        Assert.Equal("Only 6 governance meetings were held; at most that many can have used the shared data.", errors[^1].Message);

        Assert.Equal(["MeetingsHeld"], new ReviewMeasures(null, null, null, null, 3, null).Validate().Select(e => e.Field));
        Assert.Equal(["TargetUsers"], new ReviewMeasures(10, null, null, null, null, null).Validate().Select(e => e.Field));
        Assert.Empty(new ReviewMeasures(0, 1, 0m, 0m, 0, 0).Validate()); // the lower boundaries
        Assert.Empty(new ReviewMeasures(160, 140, 100m, 0m, 6, 6).Validate()); // more active users than targeted is allowed
    }

    [Fact]
    public void Share_and_hours_keep_two_decimals_as_the_database_does()
    {
        var review = Review(30, Today);
        review.RecordMeasures(new ReviewMeasures(null, null, 72.555m, 60.004m, null, null), Now);
        Assert.Equal((72.56m, 60.00m), (review.Measures.NewProcessSharePercent!.Value, review.Measures.ReconciliationHours!.Value));
        Assert.False(review.RecordMeasures(new ReviewMeasures(null, null, 72.56m, 60m, null, null), Now).Value);
    }

    [Fact]
    public void Rates_are_derived_and_zero_target_users_or_meetings_give_no_rate()
    {
        var m = new ReviewMeasures(98, 140, 72.5m, 60m, 5, 6);
        Assert.Equal((70.0m, 83.3m, -37.5m), (m.ActiveUserRate!.Value, m.MeetingShare!.Value, m.ReconciliationChange(96m)!.Value));
        Assert.Equal(114.3m, new ReviewMeasures(160, 140, null, null, null, null).ActiveUserRate);
        Assert.Null(new ReviewMeasures(5, 0, null, null, 0, 0).ActiveUserRate);
        Assert.Null(new ReviewMeasures(5, 0, null, null, 0, 0).MeetingShare);
        Assert.Null(m.ReconciliationChange(0m));
        Assert.Null(m.ReconciliationChange(null));
    }

    [Fact]
    public void Reinforcement_actions_need_a_member_owner_and_a_date_not_in_the_past_and_close_with_a_note()
    {
        var program = Program();
        var review = Review(30, Today.AddDays(-29));
        var refused = review.AddAction(program, new ActionDraft("", "", "u-stranger", Today.AddDays(-1)), Today, Now);
        Assert.Equal(["Team", "Action", "OwnerUserId", "DueDate"], refused.Errors.Select(e => e.Field));

        var action = review.AddAction(program, new ActionDraft("Finance analysts", "Pair each analyst with an early adopter", "u-change", Today), Today, Now).Value;
        Assert.False(action.IsOverdueOn(Today)); // due today is not overdue
        Assert.True(action.IsOverdueOn(Today.AddDays(1)));
        Assert.Equal("DoneNote", action.MarkDone("  ", Now).Errors[0].Field);
        Assert.True(action.MarkDone("Six pairs met twice; analysts now close in the PPM.", Now).Succeeded);
        Assert.False(action.IsOverdueOn(Today.AddDays(10)));
        Assert.Equal(ActionStatus.Done, action.Status);
        Assert.False(action.MarkDone("again", Now).Succeeded);
    }

    private static AdoptionReview WithMeasures(AdoptionReview review)
    {
        Assert.True(review.RecordMeasures(Complete, Now).Succeeded);
        return review;
    }
}
