using Portal.Core.Integration;
using Portal.Core.Integration.Simulation;

namespace Portal.Tests.Core.Integration;

/// <summary>The simulator's generator: valid wire reports, the same history for a seed, and endings that give each status.</summary>
public sealed class TelemetryGeneratorTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly SimulatedConnection Commitments = new("po-commitments", TimeSpan.FromMinutes(15), 3);

    private static HealthReport Health(SimulatedHistory history)
    {
        var runs = history.Runs.Select(r => SyncRun.Record(r, 1, Now).Value).OrderBy(r => r.FinishedUtc).ToList();
        var lastSuccess = runs.LastOrDefault(r => r.IsSuccess)?.FinishedUtc;
        var failures = runs.Count(r => r.FinishedUtc > (lastSuccess ?? DateTimeOffset.MinValue));
        return ConnectionHealth.Evaluate(Commitments.Interval, Commitments.FailureThreshold, new RunHistory(lastSuccess, runs[0].FinishedUtc, failures), Now);
    }

    [Fact]
    public void Every_generated_run_and_exception_passes_the_ingestion_rules()
    {
        var history = new TelemetryGenerator(7).History(Commitments, Now.AddDays(-3), Now);
        Assert.InRange(history.Runs.Count, 250, 320);
        Assert.All(history.Runs, r => Assert.True(SyncRun.Record(r, 1, Now).Succeeded, string.Join("; ", SyncRun.Record(r, 1, Now).Errors)));
        Assert.All(history.Exceptions, e => Assert.True(ReconciliationException.Record(e, 1, Now).Succeeded));
        Assert.Equal(history.Runs.Count, history.Runs.Select(r => r.RunId).Distinct().Count());
        Assert.All(history.Runs.Where(r => r.ReplayOf is not null), r => Assert.Contains(history.Runs, o => o.RunId == r.ReplayOf && o.Status == "failed"));
    }

    [Fact]
    public void A_seed_gives_the_same_history()
    {
        var a = new TelemetryGenerator(42).History(Commitments, Now.AddDays(-1), Now);
        var b = new TelemetryGenerator(42).History(Commitments, Now.AddDays(-1), Now);
        Assert.Equal(a.Runs, b.Runs);
    }

    [Theory]
    [InlineData(SimulatedEnding.Healthy, ConnectionStatus.Healthy)]
    [InlineData(SimulatedEnding.Stale, ConnectionStatus.Late)]
    [InlineData(SimulatedEnding.FailureBurst, ConnectionStatus.Failing)]
    public void Endings_give_the_statuses_the_demo_shows(SimulatedEnding ending, ConnectionStatus expected)
    {
        for (var seed = 1; seed <= 5; seed++)
            Assert.Equal(expected, Health(new TelemetryGenerator(seed).History(Commitments, Now.AddDays(-2), Now, ending)).Status);
    }
}
