using Portal.Core.Integration;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Integration;

/// <summary>The health rules of issue 6 against a fake clock, boundaries included (a boundary belongs to the better status).</summary>
public sealed class ConnectionHealthTests
{
    private static readonly DateTimeOffset Start = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Every15 = TimeSpan.FromMinutes(15);

    private static HealthReport At(FakeClock clock, RunHistory history, int threshold = 3, TimeSpan? interval = null) =>
        ConnectionHealth.Evaluate(interval ?? Every15, threshold, history, clock.GetUtcNow());

    private static RunHistory SucceededAt(DateTimeOffset when, int failuresSince = 0) => new(when, when.AddHours(-5), failuresSince);

    [Fact]
    public void No_runs_is_unknown_and_says_so()
    {
        var report = At(new FakeClock(Start), RunHistory.None);
        Assert.Equal(ConnectionStatus.Unknown, report.Status);
        Assert.Equal("No runs reported yet; expected every 15 min.", report.Reason);
    }

    [Fact]
    public void The_grace_is_a_tenth_of_the_interval_but_at_least_a_minute()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), ConnectionHealth.Grace(TimeSpan.FromMinutes(5)));
        Assert.Equal(TimeSpan.FromMinutes(1.5), ConnectionHealth.Grace(Every15));
        Assert.Equal(TimeSpan.FromHours(2.4), ConnectionHealth.Grace(TimeSpan.FromDays(1)));
    }

    [Fact]
    public void Healthy_up_to_exactly_the_interval_plus_grace_then_late()
    {
        var clock = new FakeClock(Start);
        var history = SucceededAt(Start);
        clock.Advance(Every15 + TimeSpan.FromMinutes(1.5));
        var atBoundary = At(clock, history);
        clock.Advance(TimeSpan.FromTicks(1));
        var justAfter = At(clock, history);

        Assert.Equal(ConnectionStatus.Healthy, atBoundary.Status);
        Assert.Equal("Last success 16 min ago; expected every 15 min.", atBoundary.Reason);
        Assert.Equal(Start, atBoundary.LastSuccessUtc);
        Assert.Equal(ConnectionStatus.Late, justAfter.Status);
    }

    [Fact]
    public void Late_up_to_exactly_twice_the_interval_then_failing()
    {
        var clock = new FakeClock(Start);
        var history = SucceededAt(Start);
        clock.Advance(2 * Every15);
        var atBoundary = At(clock, history);
        clock.Advance(TimeSpan.FromTicks(1));
        var justAfter = At(clock, history);
        clock.Advance(TimeSpan.FromMinutes(17));

        Assert.Equal(ConnectionStatus.Late, atBoundary.Status);
        Assert.Equal("Last success 30 min ago; expected every 15 min.", atBoundary.Reason);
        Assert.Equal(ConnectionStatus.Failing, justAfter.Status);
        Assert.Equal("Last success 47 min ago; expected every 15 min.", At(clock, history).Reason);
    }

    [Fact]
    public void Failures_at_the_threshold_fail_even_when_the_last_success_is_fresh()
    {
        var clock = new FakeClock(Start.AddMinutes(5));
        var below = At(clock, SucceededAt(Start, failuresSince: 2));
        var atThreshold = At(clock, SucceededAt(Start, failuresSince: 3));

        Assert.Equal(ConnectionStatus.Healthy, below.Status);
        Assert.Equal(ConnectionStatus.Failing, atThreshold.Status);
        Assert.Equal("3 consecutive failed runs (threshold 3); last success 5 min ago; expected every 15 min.", atThreshold.Reason);
    }

    [Fact]
    public void Without_any_success_age_counts_from_the_first_run()
    {
        var clock = new FakeClock(Start.AddMinutes(10));
        var history = new RunHistory(null, Start, 1);
        var early = At(clock, history);
        clock.Advance(TimeSpan.FromMinutes(30));
        var later = At(clock, history);

        Assert.Equal(ConnectionStatus.Unknown, early.Status);
        Assert.Equal("No successful run yet; first run 10 min ago; expected every 15 min.", early.Reason);
        Assert.Equal(ConnectionStatus.Failing, later.Status);
        Assert.Null(later.LastSuccessUtc);
    }

    [Fact]
    public void A_success_reported_slightly_in_the_future_is_fresh_not_negative()
    {
        var report = At(new FakeClock(Start), SucceededAt(Start.AddMinutes(2)));
        Assert.Equal(ConnectionStatus.Healthy, report.Status);
        Assert.Equal("Last success 0 min ago; expected every 15 min.", report.Reason);
    }

    [Fact]
    public void Long_intervals_read_in_hours_and_days()
    {
        var clock = new FakeClock(Start.AddHours(50).AddMinutes(20));
        var report = At(clock, SucceededAt(Start), interval: TimeSpan.FromDays(1));
        Assert.Equal(ConnectionStatus.Failing, report.Status);
        Assert.Equal("Last success 2 d 2 h ago; expected every 24 h.", report.Reason);
        Assert.Equal("3 h 5 min", IntegrationNames.Describe(TimeSpan.FromMinutes(185)));
    }
}
