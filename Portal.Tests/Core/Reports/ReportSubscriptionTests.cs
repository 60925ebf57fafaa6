using Portal.Core.Reports;

namespace Portal.Tests.Core.Reports;

/// <summary>Which week a weekly subscription still owes a report for, and the rules of a stored report file.</summary>
public sealed class ReportSubscriptionTests
{
    // 2 November 2026 is a Monday.
    private static readonly DateTimeOffset MondayMorning = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_subscription_is_due_on_its_day_once_per_week_and_only_the_latest_missed_week_after_downtime()
    {
        var subscription = ReportSubscription.Create(7, "u1", DayOfWeek.Monday, MondayMorning).Value;

        Assert.Equal(new DateOnly(2026, 11, 2), subscription.DueOn(new DateOnly(2026, 11, 2)));
        subscription.MarkGenerated(new DateOnly(2026, 11, 2));
        Assert.Null(subscription.DueOn(new DateOnly(2026, 11, 2)));
        Assert.Null(subscription.DueOn(new DateOnly(2026, 11, 8))); // Sunday: still the week of the 2nd
        Assert.Equal(new DateOnly(2026, 11, 9), subscription.DueOn(new DateOnly(2026, 11, 9)));
        Assert.Equal(new DateOnly(2026, 11, 30), subscription.DueOn(new DateOnly(2026, 12, 3))); // three weeks down: one report
    }

    [Fact]
    public void Subscribing_after_this_weeks_day_waits_for_next_week_and_a_day_is_required()
    {
        var thursday = ReportSubscription.Create(7, "u1", DayOfWeek.Monday, MondayMorning.AddDays(3)).Value;

        Assert.Null(thursday.DueOn(new DateOnly(2026, 11, 5)));
        Assert.Equal(new DateOnly(2026, 11, 9), thursday.DueOn(new DateOnly(2026, 11, 9)));
        Assert.Equal("Day", Assert.Single(ReportSubscription.Create(7, "u1", null, MondayMorning).Errors).Field);
        Assert.Equal("Day", Assert.Single(thursday.ChangeDay((DayOfWeek)9).Errors).Field);
    }

    [Fact]
    public void A_report_file_has_a_scope_that_matches_its_program_and_expires_after_the_retention_period()
    {
        var file = ReportFile.Create(ReportScope.Program, 7, "u1", "Scorecard", "s.pdf", 1, [1, 2, 3], MondayMorning).Value;

        Assert.Equal(MondayMorning.AddDays(ReportFile.RetentionDays), file.ExpiresUtc);
        Assert.False(file.IsExpired(MondayMorning.AddDays(ReportFile.RetentionDays - 1)));
        Assert.True(file.IsExpired(MondayMorning.AddDays(ReportFile.RetentionDays)));
        Assert.Equal((ReportOrigin.OnDemand, 3L), (file.Origin, file.SizeBytes));
        Assert.False(ReportFile.Create(ReportScope.Program, null, "u1", "t", "f.pdf", 1, [1], MondayMorning).Succeeded);
        Assert.False(ReportFile.Create(ReportScope.Portfolio, 7, "u1", "t", "f.pdf", 1, [1], MondayMorning).Succeeded);
        Assert.False(ReportFile.Create(ReportScope.Portfolio, null, "u1", "t", "f.pdf", 0, [], MondayMorning).Succeeded);
    }
}
