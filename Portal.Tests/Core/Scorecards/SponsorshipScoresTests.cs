using Portal.Core.Scorecards;

namespace Portal.Tests.Core.Scorecards;

public sealed class SponsorshipScoresTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateOnly Started = new(2026, 1, 5);

    private static ScorecardItem Silent(params string[] dates) =>
        SponsorshipScores.Silent(dates.Select(DateOnly.Parse).ToList(), Started, Today, "/programs/7/sponsorship");

    private static ScorecardItem Cadence(params string[] dates) =>
        SponsorshipScores.Cadence(dates.Select(DateOnly.Parse).ToList(), Started, Today, "/programs/7/sponsorship");

    [Fact]
    public void Judged_months_are_the_last_three_complete_months()
    {
        Assert.Equal([new(2026, 8, 1), new(2026, 9, 1), new DateOnly(2026, 10, 1)], SponsorshipScores.JudgedMonths([], Started, Today));
    }

    [Fact]
    public void An_action_in_each_of_the_last_three_months_is_green()
    {
        Assert.Equal(ScoreStatus.Green, Silent("2026-08-31", "2026-09-01", "2026-10-15").Status);
    }

    [Fact]
    public void One_silent_month_is_amber_and_named()
    {
        var item = Silent("2026-08-10", "2026-09-12", "2026-11-02");
        Assert.Equal(ScoreStatus.Amber, item.Status);
        Assert.Equal("October 2026: no sponsorship action logged", item.Value);
    }

    [Fact]
    public void Two_silent_months_in_a_row_are_red_two_apart_are_amber()
    {
        Assert.Equal(ScoreStatus.Red, Silent("2026-08-10").Status);
        Assert.Equal(ScoreStatus.Amber, Silent("2026-09-10").Status);
        Assert.Equal(ScoreStatus.Red, Silent().Status);
    }

    [Fact]
    public void A_program_started_this_month_has_no_month_to_judge_yet()
    {
        var item = SponsorshipScores.Silent([], new DateOnly(2026, 11, 2), Today, "");
        Assert.Equal(ScoreStatus.None, item.Status);
        Assert.Equal(ScoreStatus.None, SponsorshipScores.Cadence([], new DateOnly(2026, 11, 2), Today, "").Status);
        // Started last month: its month is partial, so nothing is judged until a full month has passed.
        Assert.Equal(ScoreStatus.None, SponsorshipScores.Silent([], new DateOnly(2026, 10, 2), Today, "").Status);
    }

    [Fact]
    public void A_logged_action_before_the_first_full_month_brings_its_month_into_judgement()
    {
        Assert.Equal([new DateOnly(2026, 10, 1)], SponsorshipScores.JudgedMonths([new DateOnly(2026, 10, 20)], new DateOnly(2026, 10, 2), Today));
        Assert.Equal(ScoreStatus.Green, SponsorshipScores.Silent([new DateOnly(2026, 10, 20)], new DateOnly(2026, 10, 2), Today, "").Status);
    }

    [Theory]
    [InlineData(0, ScoreStatus.Red)]
    [InlineData(1, ScoreStatus.Amber)]
    [InlineData(2, ScoreStatus.Amber)]
    [InlineData(3, ScoreStatus.Green)]
    public void Cadence_counts_actions_in_the_last_90_days(int actions, ScoreStatus expected)
    {
        var dates = Enumerable.Range(0, actions).Select(i => Today.AddDays(-10 * i).ToString("yyyy-MM-dd")).ToArray();
        Assert.Equal(expected, Cadence(dates).Status);
    }

    [Fact]
    public void The_90_day_window_excludes_the_90th_day_back()
    {
        var item = Cadence(Today.AddDays(-90).ToString("yyyy-MM-dd"), Today.AddDays(-89).ToString("yyyy-MM-dd"));
        Assert.Equal(1m, item.Number);
        Assert.Equal("1 action in the last 90 days; last on 25 Aug 2026", item.Value);
    }
}
