using Portal.Core.Integration;
using Portal.Core.Reviews;
using Portal.Core.Scorecards;

namespace Portal.Tests.Core.Scorecards;

/// <summary>The integration-health section's rules (ADR-021) at their boundaries.</summary>
public sealed class IntegrationScoresTests
{
    private static readonly DateTimeOffset Now = Inputs.Now;

    private static ConnectionStatusInput C(string key, ConnectionStatus status) => new(key, key.ToUpperInvariant(), status);

    private static ScorecardItem Connections(params ConnectionStatus[] statuses) =>
        IntegrationScores.Connections(statuses.Select((s, i) => C($"c{i}", s)).ToList(), "/integration?program=7");

    [Theory]
    [InlineData(ScoreStatus.Green, ConnectionStatus.Healthy, ConnectionStatus.Healthy)]
    [InlineData(ScoreStatus.Amber, ConnectionStatus.Healthy, ConnectionStatus.Late)]
    [InlineData(ScoreStatus.Red, ConnectionStatus.Healthy, ConnectionStatus.Late, ConnectionStatus.Failing)]
    [InlineData(ScoreStatus.Amber, ConnectionStatus.Healthy, ConnectionStatus.Unknown)]
    [InlineData(ScoreStatus.None, ConnectionStatus.Unknown, ConnectionStatus.Unknown)]
    [InlineData(ScoreStatus.Red, ConnectionStatus.Failing, ConnectionStatus.Unknown)]
    public void Any_failing_connection_is_red_any_late_amber_all_healthy_green(ScoreStatus expected, params ConnectionStatus[] statuses) =>
        Assert.Equal(expected, Connections(statuses).Status);

    [Fact]
    public void A_bad_connection_status_names_and_links_the_worst_connection()
    {
        var item = IntegrationScores.Connections([C("ok", ConnectionStatus.Healthy), C("po-commitments", ConnectionStatus.Failing),
            C("late", ConnectionStatus.Late)], "/integration?program=7");

        Assert.Equal("1 failing, 1 late, 1 healthy of 3 connections; worst: PO-COMMITMENTS", item.Value);
        Assert.Equal("/integration/connections/po-commitments", item.Link);
        Assert.Equal("/integration?program=7", Connections(ConnectionStatus.Healthy).Link);
    }

    [Theory]
    [InlineData(0, null, ScoreStatus.Green)]
    [InlineData(2, 0.5, ScoreStatus.Amber)]
    [InlineData(1, 6.99, ScoreStatus.Amber)]
    [InlineData(1, 7.0, ScoreStatus.Red)]  // 7 days is the boundary: red from there
    [InlineData(5, 30.0, ScoreStatus.Red)]
    public void Open_exceptions_are_amber_until_the_oldest_has_waited_seven_days(int open, double? oldestDaysAgo, ScoreStatus expected)
    {
        var item = IntegrationScores.Exceptions(open, oldestDaysAgo is { } d ? Now.AddDays(-d) : null, Now);

        Assert.Equal(expected, item.Status);
        Assert.Equal(open, item.Number);
        Assert.Equal("/integration/exceptions", item.Link);
    }

    [Fact]
    public void An_exception_item_says_how_many_and_how_long_the_oldest_waits()
    {
        Assert.Equal("3 open; oldest waiting 2 d", IntegrationScores.Exceptions(3, Now.AddDays(-2), Now).Value);
    }

    private static BreachInput B(double startDaysAgo, double? endDaysAgo) =>
        new("erp", Now.AddDays(-startDaysAgo), endDaysAgo is { } e ? Now.AddDays(-e) : null);

    [Fact]
    public void Breaches_in_the_last_30_days_are_counted_and_older_ones_are_not()
    {
        Assert.Equal(ScoreStatus.Green, IntegrationScores.Breaches([], Now, "/x").Status);
        Assert.Equal(ScoreStatus.Green, IntegrationScores.Breaches([B(40, 30.01)], Now, "/x").Status); // ended before the window
        var one = IntegrationScores.Breaches([B(40, 30)], Now, "/x"); // ended exactly at the window's start: it touches it
        Assert.Equal(ScoreStatus.Amber, one.Status);
        Assert.Equal("1 breach in the last 30 days", one.Value);
        Assert.Equal("/integration/connections/erp", one.Link);
        Assert.Equal(ScoreStatus.Amber, IntegrationScores.Breaches([B(2, 1), B(5, 4)], Now, "/x").Status);
    }

    [Fact]
    public void Three_breaches_or_one_still_open_are_red()
    {
        Assert.Equal(ScoreStatus.Red, IntegrationScores.Breaches([B(2, 1), B(5, 4), B(9, 8)], Now, "/x").Status);
        var open = IntegrationScores.Breaches([B(100, null)], Now, "/x"); // started long ago, still open
        Assert.Equal(ScoreStatus.Red, open.Status);
        Assert.Equal("1 breach in the last 30 days, 1 still open", open.Value);
    }

    [Fact]
    public void A_program_without_connections_has_one_no_data_item_and_no_invented_green()
    {
        var section = IntegrationScores.Section(7, IntegrationHealthInput.None, Now);

        var item = Assert.Single(section.Items);
        Assert.Equal(ScoreStatus.None, item.Status);
        Assert.Equal(IntegrationScores.NoConnections, item.Value);
        Assert.Equal("/integration?program=7", section.Link);
    }

    [Fact]
    public void Green_integration_next_to_red_adoption_is_visible_in_the_card()
    {
        var live = new DateOnly(2026, 9, 1);
        var inputs = Inputs.Empty() with
        {
            Adoption = new AdoptionInput(live, null, [new ReviewInput(30, live.AddDays(30), ReviewStatus.Overdue, ReviewMeasures.None)]),
            IntegrationHealth = new IntegrationHealthInput([C("erp", ConnectionStatus.Healthy)], 0, null, []),
        };

        var card = ScorecardBuilder.Build(inputs);
        var keys = card.Sections.Select(s => s.Key).ToList();

        Assert.Equal(ScoreStatus.Green, card.Section(ScorecardKeys.IntegrationHealth)!.Status);
        Assert.Equal(ScoreStatus.Red, card.Section(ScorecardKeys.Adoption)!.Status);
        Assert.Equal(keys.IndexOf(ScorecardKeys.IntegrationHealth) + 1, keys.IndexOf(ScorecardKeys.Adoption));
    }
}
