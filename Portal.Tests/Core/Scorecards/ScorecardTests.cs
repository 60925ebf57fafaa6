using Portal.Core.Decommissioning;
using Portal.Core.Milestones;
using Portal.Core.Playbooks;
using Portal.Core.Reviews;
using Portal.Core.Scorecards;
using Portal.Core.Stakeholders;
using Portal.Core.Training;
using Portal.Core.Uat;

namespace Portal.Tests.Core.Scorecards;

public sealed class ScorecardTests
{
    [Fact]
    public void A_program_with_no_data_is_never_green_anywhere()
    {
        // Started this month: not even sponsorship silence can be judged yet.
        var card = ScorecardBuilder.Build(Inputs.Empty() with { ProgramStarted = Inputs.Today.AddDays(-3) });

        Assert.All(card.Items, i => Assert.Equal(ScoreStatus.None, i.Status));
        Assert.Equal(ScoreStatus.None, card.Status);
        Assert.All(card.Items, i => Assert.False(string.IsNullOrWhiteSpace(i.Rule)));
        Assert.All(card.Sections, s => Assert.StartsWith("/programs/7", s.Link));
    }

    [Fact]
    public void The_headline_lists_red_then_amber_then_no_data_and_leaves_green_out()
    {
        var card = ScorecardBuilder.Build(Inputs.Empty() with
        {
            TotalBudget = 1000m, ChangeBudget = 50m,
            Workarounds = [new("Workbook", WorkaroundStatus.Scheduled, 1)],
        });

        var statuses = card.Headline.Select(i => i.Status).ToList();
        Assert.Equal(statuses.OrderByDescending(s => s.Severity()).ToList(), statuses);
        Assert.Equal(ScoreStatus.Red, statuses[0]);
        Assert.DoesNotContain(ScoreStatus.Green, statuses);
        Assert.Contains(card.Headline.TakeWhile(i => i.Status == ScoreStatus.Red), i => i.Name == "Change budget share");
        Assert.Equal(ScoreStatus.Amber, card.Headline.First(i => i.Name == "Date slips").Status);
    }

    [Fact]
    public void The_integration_section_is_placed_right_before_adoption_when_issue_6_supplies_it()
    {
        var card = ScorecardBuilder.Build(Inputs.Empty() with { IntegrationHealth = IntegrationHealthInput.None });
        var keys = card.Sections.Select(s => s.Key).ToList();

        Assert.Equal(keys.IndexOf(ScorecardKeys.Adoption) - 1, keys.IndexOf(ScorecardKeys.IntegrationHealth));
        Assert.DoesNotContain(ScorecardKeys.IntegrationHealth, ScorecardBuilder.Build(Inputs.Empty()).Sections.Select(s => s.Key));
    }

    [Theory]
    [InlineData(null, "1000", ScoreStatus.None)]
    [InlineData("99.9", "1000", ScoreStatus.Red)]
    [InlineData("100", "1000", ScoreStatus.Amber)]
    [InlineData("149.9", "1000", ScoreStatus.Amber)]
    [InlineData("150", "1000", ScoreStatus.Green)]
    [InlineData("250", "1000", ScoreStatus.Green)]
    [InlineData("251", "1000", ScoreStatus.Amber)]
    [InlineData("0", "1000", ScoreStatus.Red)]
    [InlineData("10", "0", ScoreStatus.None)]
    public void Budget_share_is_red_under_10_amber_to_15_green_15_to_25_amber_over(string? change, string total, ScoreStatus expected)
    {
        var share = BudgetScores.SharePercent(decimal.Parse(total), change is null ? null : decimal.Parse(change));
        Assert.Equal(expected, BudgetScores.Status(share));
    }

    [Fact]
    public void Budget_share_rounds_down_so_just_under_10_percent_stays_red()
    {
        Assert.Equal(9.9m, BudgetScores.SharePercent(1_000_000m, 99_999m));
        Assert.Equal(ScoreStatus.Red, BudgetScores.Status(BudgetScores.SharePercent(1_000_000m, 99_999m)));
    }

    [Theory]
    [InlineData("90", ScoreStatus.Green)]
    [InlineData("80", ScoreStatus.Amber)]
    [InlineData("79.9", ScoreStatus.Red)]
    [InlineData(null, ScoreStatus.None)]
    public void At_least_is_green_at_the_threshold_and_amber_up_to_10_points_below(string? value, ScoreStatus expected) =>
        Assert.Equal(expected, ScoreRules.AtLeast(value is null ? null : decimal.Parse(value), 90m));

    [Fact]
    public void Technical_done_but_change_unmet_is_red_and_says_so()
    {
        var phase = new PhaseGateInput("Build", false, [new("Integration built", MilestoneStatus.Complete, 1, false)], 1, 0);
        var item = PhaseGateScores.Item(phase, "/programs/7");
        Assert.Equal(ScoreStatus.Red, item.Status);
        Assert.StartsWith("Technical done but change unmet: Integration built", item.Value);
    }

    [Theory]
    [InlineData(MilestoneStatus.Blocked, true, ScoreStatus.Amber)]
    [InlineData(MilestoneStatus.InProgress, false, ScoreStatus.Amber)]
    [InlineData(MilestoneStatus.InProgress, true, ScoreStatus.Green)]
    [InlineData(MilestoneStatus.NotStarted, false, ScoreStatus.None)]
    [InlineData(MilestoneStatus.Complete, true, ScoreStatus.Green)]
    public void Phase_gate_colours_follow_technical_status_against_change(MilestoneStatus status, bool changeMet, ScoreStatus expected)
    {
        var phase = new PhaseGateInput("Pilot", false, [new("Pilot live", status, 1, changeMet)], 1, changeMet ? 1 : 0);
        Assert.Equal(expected, PhaseGateScores.Item(phase, "/programs/7").Status);
    }

    [Fact]
    public void Training_reads_the_gate_threshold_green_at_it_amber_within_10_points_red_below()
    {
        ScoreStatus At(int completed, int people) => TrainingUatScores.Training(Inputs.Facts(new TrainingFacts(90m,
            [new AudienceCompletion("g1", "Financial analysts", people, completed, 2)], new AudienceCompletion("overall", "all", people, completed, 2))), 7).Status;

        Assert.Equal(ScoreStatus.Green, At(9, 10));
        Assert.Equal(ScoreStatus.Amber, At(80, 100));
        Assert.Equal(ScoreStatus.Red, At(79, 100));
        var none = TrainingUatScores.Training(Inputs.Facts(new TrainingFacts(90m, [], new AudienceCompletion("overall", "all", 0, 0, 0))), 7);
        Assert.Equal(ScoreStatus.None, none.Status);
        Assert.Contains("90%", none.Rule);
    }

    [Fact]
    public void Training_below_threshold_names_the_audience_and_the_program_threshold_in_the_rule()
    {
        var item = TrainingUatScores.Training(Inputs.Facts(new TrainingFacts(85m,
            [new AudienceCompletion("g1", "Financial analysts", 9, 7, 1)], new AudienceCompletion("overall", "all", 9, 7, 1))), 7);
        Assert.Equal(ScoreStatus.Amber, item.Status);
        Assert.Equal("Financial analysts at 77.7% (7 of 9), threshold 85%", item.Value);
        Assert.Contains("85%", item.Rule);
    }

    private static UatFacts Uat(params (string Key, UatCriticality C, UatStatus S)[] scenarios) =>
        new(UatGate.Defaults, "Pilot cycle", UatRates.Of(scenarios.Select(s => new UatScenarioStatus(s.Key, "Finance", s.C, s.S))));

    [Fact]
    public void Uat_uses_the_gate_rates_a_failing_critical_scenario_is_red()
    {
        var items = TrainingUatScores.Uat(Uat(("A", UatCriticality.Critical, UatStatus.Fail), ("B", UatCriticality.Normal, UatStatus.Pass),
            ("C", UatCriticality.Normal, UatStatus.NotRun)), 7);

        Assert.Equal(ScoreStatus.Red, items.Single(i => i.Name == "UAT critical scenarios").Status);
        Assert.Contains("failing: A", items.Single(i => i.Name == "UAT critical scenarios").Value);
        Assert.Equal(ScoreStatus.Red, items.Single(i => i.Name == "UAT coverage").Status); // 66.6% < 100%
        Assert.Equal(ScoreStatus.Red, items.Single(i => i.Name == "UAT pass rate").Status); // 50% < 95%
    }

    [Fact]
    public void Uat_exactly_at_threshold_is_green_and_no_cycle_is_no_data()
    {
        var items = TrainingUatScores.Uat(Uat(("A", UatCriticality.Critical, UatStatus.Pass)), 7);
        Assert.All(items, i => Assert.Equal(ScoreStatus.Green, i.Status));
        Assert.All(TrainingUatScores.Uat(null, 7), i => Assert.Equal(ScoreStatus.None, i.Status));
        Assert.All(TrainingUatScores.Uat(new UatFacts(UatGate.Defaults, null, UatRates.Empty), 7), i => Assert.Equal(ScoreStatus.None, i.Status));
    }

    [Fact]
    public void Uat_pass_rate_within_10_points_is_amber()
    {
        // 19 of 20 executed pass = 95% (green at the 95% default); 18 of 20 = 90% is amber.
        var scenarios = Enumerable.Range(1, 20).Select(i => ($"S{i:00}", UatCriticality.Normal, i <= 18 ? UatStatus.Pass : UatStatus.Fail)).ToArray();
        Assert.Equal(ScoreStatus.Amber, TrainingUatScores.Uat(Uat(scenarios), 7).Single(i => i.Name == "UAT pass rate").Status);
    }

    [Fact]
    public void Decommissioning_any_overdue_is_red_slips_amber_and_twice_slipped_red()
    {
        var card = DecommissioningScores.Section(Inputs.Empty() with
        {
            Workarounds = [new("Workbook", WorkaroundStatus.Decommissioned, 0), new("Report", WorkaroundStatus.Overdue, 1), new("Tracker", WorkaroundStatus.Scheduled, 0)],
        });
        Assert.Equal(ScoreStatus.Red, card.Items[0].Status);
        Assert.Equal("1 of 3 decommissioned", card.Items[0].Value);
        Assert.Equal(ScoreStatus.Red, card.Items[1].Status);
        Assert.Equal("1 overdue: Report", card.Items[1].Value);
        Assert.Equal(ScoreStatus.Amber, card.Items[2].Status);

        var twice = DecommissioningScores.Section(Inputs.Empty() with { Workarounds = [new("Report", WorkaroundStatus.Scheduled, 2)] });
        Assert.Equal([ScoreStatus.Amber, ScoreStatus.Green, ScoreStatus.Red], twice.Items.Select(i => i.Status));

        var done = DecommissioningScores.Section(Inputs.Empty() with { Workarounds = [new("Report", WorkaroundStatus.Decommissioned, 0)] });
        Assert.All(done.Items, i => Assert.Equal(ScoreStatus.Green, i.Status));
    }

    [Fact]
    public void Adoption_before_go_live_is_no_data_with_reviews_start_at_go_live()
    {
        var section = AdoptionScores.Section(Inputs.Empty());
        var item = Assert.Single(section.Items);
        Assert.Equal(ScoreStatus.None, item.Status);
        Assert.Equal("Reviews start at go-live", item.Value);
    }

    [Fact]
    public void Adoption_measures_use_the_latest_recorded_review_and_its_trend()
    {
        var reviews = new List<ReviewInput>
        {
            new(30, new(2026, 10, 1), ReviewStatus.Completed, new ReviewMeasures(80, 100, 60m, 100m, 3, 4)),
            new(60, new(2026, 10, 31), ReviewStatus.Overdue, new ReviewMeasures(70, 100, 70m, 90m, 1, 4)),
            new(90, new(2026, 11, 30), ReviewStatus.Scheduled, ReviewMeasures.None),
        };
        var section = AdoptionScores.Section(Inputs.Empty() with
        {
            Adoption = new AdoptionInput(new(2026, 9, 1), new BaselineInput(100, 100m, 70m), reviews),
        });
        var byName = section.Items.ToDictionary(i => i.Name);

        Assert.Equal(ScoreStatus.Red, byName["Reviews on schedule"].Status);
        Assert.Equal(ScoreStatus.Red, byName["Active users"].Status); // 70% is more than 10 points under 90%
        Assert.Equal("70% of target users at 60 days, worsening", byName["Active users"].Value);
        Assert.Equal(ScoreStatus.Green, byName["Work in the new process"].Status); // 70% = target
        Assert.Equal(ScoreStatus.Green, byName["Reconciliation effort"].Status); // exactly 10% below baseline
        Assert.Equal(ScoreStatus.Red, byName["Governance meetings using shared data"].Status); // 25%
    }

    [Theory]
    [InlineData("90", ScoreStatus.Green)]
    [InlineData("90.1", ScoreStatus.Amber)]
    [InlineData("99.9", ScoreStatus.Amber)]
    [InlineData("100", ScoreStatus.Red)]
    [InlineData("120", ScoreStatus.Red)]
    public void Reconciliation_is_green_only_at_least_10_percent_below_baseline(string hours, ScoreStatus expected) =>
        Assert.Equal(expected, AdoptionScores.Reconciliation(decimal.Parse(hours), 100m));

    private static MapEntry Entry(string name, int people, SupportLevel current, SupportLevel target, int influence = 2, int impact = 2) =>
        new(StakeholderKind.Group, name.Length, name, name.Length, name, people, influence, impact, current, target, ResistanceType.Other, false);

    [Fact]
    public void Support_at_target_is_weighted_by_people_and_green_from_80_percent()
    {
        var entries = new[] { Entry("Finance", 8, SupportLevel.Supportive, SupportLevel.Supportive), Entry("PMs", 2, SupportLevel.Neutral, SupportLevel.Supportive) };
        Assert.Equal((80m, 10), ReadinessScores.SupportAtTarget(entries));
        var section = ReadinessScores.Section(Inputs.Empty() with { Readiness = new ReadinessInput(entries, [], new PlaybookFacts([], [], 0)) });
        Assert.Equal(ScoreStatus.Green, section.Items[0].Status);
        Assert.Null(ReadinessScores.SupportAtTarget([]));
    }

    [Fact]
    public void An_unanswered_hotspot_is_red_and_answered_ones_are_green()
    {
        var hotspot = new HotspotFact(StakeholderKind.Group, 1, "Finance analysts", 1, ResistanceType.FinanceTerritorial, 32, 1);
        var entries = new[] { Entry("Finance analysts", 9, SupportLevel.StrongResistance, SupportLevel.Supportive, 4, 4) };

        var open = ReadinessScores.Hotspots(new ReadinessInput(entries, [], new PlaybookFacts([hotspot], [], 0)), 7);
        Assert.Equal(ScoreStatus.Red, open.Status);
        Assert.Equal("1 of 1 open: Finance analysts", open.Value);

        var answered = ReadinessScores.Hotspots(new ReadinessInput(entries, [],
            new PlaybookFacts([hotspot], [new AppliedPlaybookFact(StakeholderKind.Group, 1, "Finance", 2)], 0)), 7);
        Assert.Equal(ScoreStatus.Green, answered.Status);
        Assert.Equal(ScoreStatus.None, ReadinessScores.Hotspots(ReadinessInput.Empty, 7).Status);
    }

    [Fact]
    public void Support_trend_compares_now_with_30_days_ago()
    {
        var now = Inputs.Now;
        GroupHistory History(params (int DaysAgo, SupportLevel S)[] points) =>
            new("Finance", 5, points.Select(p => new SupportPoint(now.AddDays(-p.DaysAgo), p.S)).ToList());

        Assert.Equal(ScoreStatus.Green, ReadinessScores.Trend([History((60, SupportLevel.Resistant), (5, SupportLevel.Neutral))], now, false, 7).Status);
        Assert.Equal(ScoreStatus.Red, ReadinessScores.Trend([History((60, SupportLevel.Neutral), (5, SupportLevel.Resistant))], now, false, 7).Status);
        Assert.Equal(ScoreStatus.Amber, ReadinessScores.Trend([History((60, SupportLevel.Neutral))], now, false, 7).Status);
        Assert.Equal(ScoreStatus.Green, ReadinessScores.Trend([History((60, SupportLevel.Champion))], now, true, 7).Status);
        Assert.Equal(ScoreStatus.None, ReadinessScores.Trend([History((10, SupportLevel.Neutral))], now, false, 7).Status);
    }
}
