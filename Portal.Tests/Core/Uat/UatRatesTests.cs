using Portal.Core.Uat;

namespace Portal.Tests.Core.Uat;

/// <summary>Coverage and pass rates of a cycle, including the boundaries the gate depends on.</summary>
public sealed class UatRatesTests
{
    internal static UatScenarioStatus S(string key, UatStatus status, UatCriticality criticality = UatCriticality.Normal, string area = "Invoices") =>
        new(key, area, criticality, status);

    [Fact]
    public void Zero_scenarios_have_no_rates_rather_than_zero_or_full_ones()
    {
        var rates = UatRates.Of([]);

        Assert.Equal((0, 0), (rates.Total, rates.Executed));
        Assert.Null(rates.Coverage);
        Assert.Null(rates.PassRate);
        Assert.Null(rates.CriticalPassRate);
        Assert.False(UatGateRules.Meets(rates.Coverage, 0));
    }

    [Fact]
    public void Blocked_counts_as_executed_but_not_passed()
    {
        var rates = UatRates.Of([S("A", UatStatus.Pass), S("B", UatStatus.Blocked), S("C", UatStatus.NotRun), S("D", UatStatus.Fail)]);

        Assert.Equal((4, 3, 1, 1, 1), (rates.Total, rates.Executed, rates.Passed, rates.Failed, rates.Blocked));
        Assert.Equal(75m, rates.Coverage);
        Assert.Equal(33.3m, rates.PassRate);
        Assert.Equal(["C"], rates.NotRunKeys);
    }

    [Fact]
    public void The_critical_pass_rate_counts_a_critical_scenario_nobody_ran_as_not_passing()
    {
        var rates = UatRates.Of([
            S("FIN-001", UatStatus.Pass, UatCriticality.Critical), S("FIN-002", UatStatus.NotRun, UatCriticality.Critical),
            S("FIN-003", UatStatus.Fail, UatCriticality.Critical), S("FIN-004", UatStatus.Pass),
        ]);

        Assert.Equal(33.3m, rates.CriticalPassRate);
        Assert.Equal(66.6m, rates.PassRate); // 2 of 3 executed, rounded down
        Assert.Equal(["FIN-002", "FIN-003"], rates.CriticalNotPassingKeys);
        Assert.Equal(["FIN-003"], rates.CriticalFailingKeys);
    }

    [Fact]
    public void Exactly_at_the_threshold_meets_it_and_a_hair_below_does_not()
    {
        var at = UatRates.Of(Enumerable.Range(1, 20).Select(i => S($"K{i:00}", i <= 19 ? UatStatus.Pass : UatStatus.Fail)));
        var below = UatRates.Of(Enumerable.Range(1, 2000).Select(i => S($"K{i:0000}", i <= 1899 ? UatStatus.Pass : UatStatus.Fail)));

        Assert.Equal(95m, at.PassRate);
        Assert.True(UatGateRules.Meets(at.PassRate, 95m));
        Assert.Equal(94.9m, below.PassRate); // 94.95% is not rounded up into a pass
        Assert.False(UatGateRules.Meets(below.PassRate, 95m));
    }

    [Fact]
    public void Failures_are_grouped_by_process_area_worst_first()
    {
        var rates = UatRates.Of([
            S("T-1", UatStatus.Blocked, area: "Time"), S("I-1", UatStatus.Fail, area: "Invoices"), S("I-2", UatStatus.Fail, area: "invoices"),
            S("C-1", UatStatus.Pass, area: "Commitments"),
        ]);

        Assert.Equal([("Invoices", 2, 0), ("Time", 0, 1)], rates.FailuresByArea.Select(a => (a.ProcessArea, a.Failing, a.Blocked)));
        Assert.Equal(["I-1", "I-2"], rates.FailuresByArea[0].FailingKeys);
        Assert.Equal(["T-1"], rates.FailuresByArea[1].BlockedKeys);
    }

    [Fact]
    public void The_current_cycle_is_the_active_one_else_the_latest_started()
    {
        var cycles = new[] { new C("SIT", UatCycleStatus.Closed, new DateOnly(2026, 9, 1), 1), new C("Pilot", UatCycleStatus.Active, new DateOnly(2026, 10, 1), 2),
            new C("Regression", UatCycleStatus.Planned, new DateOnly(2026, 12, 1), 3) };

        Assert.Equal("Pilot", UatCycle.Current(cycles, c => c.Status, c => c.Start, c => c.Id)!.Name);
        Assert.Equal("Regression", UatCycle.Current(cycles.Where(c => c.Status != UatCycleStatus.Active), c => c.Status, c => c.Start, c => c.Id)!.Name);
        Assert.Null(UatCycle.Current(cycles.Take(0), c => c.Status, c => c.Start, c => c.Id));
    }

    private sealed record C(string Name, UatCycleStatus Status, DateOnly? Start, int Id);

    [Fact]
    public void Thresholds_are_percentages_with_at_most_one_decimal()
    {
        var gate = UatGate.For(1);

        var bad = gate.Change(new UatThresholds(101, -1, 95.25m));
        var good = gate.Change(new UatThresholds(90, 100, 92.5m));

        Assert.Equal(["Coverage", "CriticalPass", "Pass"], bad.Errors.Select(e => e.Field));
        Assert.True(good.Succeeded);
        Assert.Equal(new UatThresholds(90, 100, 92.5m), gate.Thresholds);
        Assert.Equal(new UatThresholds(100, 100, 95), UatGate.Defaults);
    }

    [Fact]
    public void A_scenario_needs_a_key_unique_in_the_program_a_title_and_a_process_area()
    {
        var duplicate = UatScenario.Create(1, new UatScenarioDraft("fin-014", "Approve", "Commitments", UatCriticality.Critical, null), new HashSet<string> { "FIN-014" });
        var empty = UatScenario.Create(1, new UatScenarioDraft(" ", "", "", UatCriticality.High, null), new HashSet<string>());
        var ok = UatScenario.Create(1, new UatScenarioDraft(" fin-015 ", "Approve over limit", "Commitments", UatCriticality.Critical, "REQ-88"), new HashSet<string>());

        Assert.Equal([("Key", "The program already has a scenario FIN-014.")], duplicate.Errors.Select(e => (e.Field, e.Message)));
        Assert.Equal(["Key", "Title", "ProcessArea"], empty.Errors.Select(e => e.Field));
        Assert.Equal(("FIN-015", "REQ-88"), (ok.Value.Key, ok.Value.LinkedTo));
    }

    [Fact]
    public void An_executed_result_needs_a_tester_and_a_not_run_one_does_not()
    {
        var at = new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);
        Assert.Equal(["Tester"], UatExecution.Validate(new UatExecutionInput(UatStatus.Fail, " ", at, null, null)).Select(e => e.Field));
        Assert.Empty(UatExecution.Validate(new UatExecutionInput(UatStatus.NotRun, null, at, null, null)));
    }
}
