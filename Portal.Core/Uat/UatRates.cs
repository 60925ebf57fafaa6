namespace Portal.Core.Uat;

/// <summary>A scenario and its latest status in one cycle (Not run when it has no execution there).</summary>
public sealed record UatScenarioStatus(string Key, string ProcessArea, UatCriticality Criticality, UatStatus Status);

/// <summary>Open failures of one process area: scenarios whose latest run failed, and those blocked.</summary>
public sealed record UatAreaFailures(string ProcessArea, int Failing, int Blocked, IReadOnlyList<string> FailingKeys, IReadOnlyList<string> BlockedKeys);

/// <summary>
/// The rates of one cycle. Coverage = executed / all scenarios, where Pass, Fail and Blocked are executed.
/// Overall pass rate = passed / executed: what was not run is coverage's gap, not counted twice.
/// Critical pass rate = critical passed / all critical scenarios: a critical scenario nobody ran is not passing, so
/// lowering the coverage bar cannot wave an untested critical scenario through. Rates are null when their
/// denominator is zero (no scenarios, nothing executed, no critical scenarios); what that means is the gate's call.
/// </summary>
public sealed record UatRates(
    int Total, int Executed, int Passed, int Failed, int Blocked,
    int CriticalTotal, int CriticalPassed,
    IReadOnlyList<string> NotRunKeys, IReadOnlyList<string> CriticalNotPassingKeys, IReadOnlyList<string> CriticalFailingKeys,
    IReadOnlyList<UatAreaFailures> FailuresByArea)
{
    public int NotRun => Total - Executed;
    public decimal? Coverage => Percent(Executed, Total);
    public decimal? PassRate => Percent(Passed, Executed);
    public decimal? CriticalPassRate => Percent(CriticalPassed, CriticalTotal);

    public static UatRates Empty { get; } = Of([]);

    public static UatRates Of(IEnumerable<UatScenarioStatus> scenarios)
    {
        var list = scenarios.OrderBy(s => s.Key, StringComparer.Ordinal).ToList();
        var executed = list.Where(s => s.Status.IsExecuted()).ToList();
        var critical = list.Where(s => s.Criticality == UatCriticality.Critical).ToList();
        var areas = list.Where(s => s.Status is UatStatus.Fail or UatStatus.Blocked)
            .GroupBy(s => s.ProcessArea, StringComparer.OrdinalIgnoreCase)
            .Select(g => new UatAreaFailures(g.First().ProcessArea, g.Count(s => s.Status == UatStatus.Fail), g.Count(s => s.Status == UatStatus.Blocked),
                g.Where(s => s.Status == UatStatus.Fail).Select(s => s.Key).ToList(), g.Where(s => s.Status == UatStatus.Blocked).Select(s => s.Key).ToList()))
            .OrderByDescending(a => a.Failing).ThenByDescending(a => a.Blocked).ThenBy(a => a.ProcessArea, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new UatRates(list.Count, executed.Count, executed.Count(s => s.Status == UatStatus.Pass),
            executed.Count(s => s.Status == UatStatus.Fail), executed.Count(s => s.Status == UatStatus.Blocked),
            critical.Count, critical.Count(s => s.Status == UatStatus.Pass),
            list.Where(s => !s.Status.IsExecuted()).Select(s => s.Key).ToList(),
            critical.Where(s => s.Status != UatStatus.Pass).Select(s => s.Key).ToList(),
            critical.Where(s => s.Status == UatStatus.Fail).Select(s => s.Key).ToList(),
            areas);
    }

    /// <summary>Rounded down to one decimal, so 99.96% never shows as a passing 100%.</summary>
    public static decimal? Percent(int part, int whole) =>
        whole == 0 ? null : Math.Floor(part * 1000m / whole) / 10m;
}

/// <summary>Whether one rate meets its threshold; exactly at the threshold meets it.</summary>
public static class UatGateRules
{
    public static bool Meets(decimal? rate, decimal threshold) => rate is { } r && r >= threshold;
}
