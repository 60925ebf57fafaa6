using Portal.Core.Integration;
using Portal.Core.Programs;
using Portal.Tests.Builders;

namespace Portal.Tests.Core.Integration;

/// <summary>Hourly buckets (summing, merging), the duration histogram's percentiles and the SLA-breach rules (ADR-022).</summary>
public sealed class TelemetryRollupRulesTests
{
    private static readonly DateTimeOffset Hour = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static SyncRun Run(string id, DateTimeOffset finished, double seconds, SyncRunStatus status = SyncRunStatus.Succeeded, int connectionId = 7,
        string? replayOf = null) =>
        SyncRun.Create(connectionId, id, finished.AddSeconds(-seconds), finished, status, 100, 90, status == SyncRunStatus.Failed ? 10 : 0, finished,
            retries: 1, deadLettered: status == SyncRunStatus.Failed ? 2 : 0, replayOf: replayOf);

    [Fact]
    public void Runs_are_summed_per_connection_and_hour_of_finish()
    {
        var buckets = TelemetryBucket.Summarize(
        [
            Run("a", Hour.AddMinutes(5), 30), Run("b", Hour.AddMinutes(59.9), 60, SyncRunStatus.Failed),
            Run("c", Hour.AddHours(1), 10, SyncRunStatus.Partial, replayOf: "b"), Run("d", Hour.AddMinutes(10), 5, connectionId: 8),
        ]);

        var nine = buckets.Single(b => b.ConnectionId == 7 && b.HourUtc == Hour);
        Assert.Equal((2L, 1L, 1L, 0L, 90_000L, 200L, 180L, 10L, 2L, 2L, 0L),
            (nine.Runs, nine.Succeeded, nine.Failed, nine.Partial, nine.DurationMillisecondsSum, nine.RecordsRead, nine.RecordsWritten,
                nine.RecordsFailed, nine.Retries, nine.DeadLettered, nine.Replays));
        var ten = buckets.Single(b => b.ConnectionId == 7 && b.HourUtc == Hour.AddHours(1));
        Assert.Equal((1L, 1L, 1L), (ten.Runs, ten.Partial, ten.Replays));
        Assert.Equal(3, buckets.Count);
        Assert.Equal(Hour, TelemetryBucket.HourOf(new DateTimeOffset(2027, 3, 1, 10, 59, 0, TimeSpan.FromHours(1))));
    }

    [Fact]
    public void Merging_chunks_gives_the_same_bucket_as_summing_all_runs_at_once()
    {
        var runs = Enumerable.Range(0, 200).Select(i => Run($"r{i}", Hour.AddSeconds(i * 17), 1 + i % 37, i % 9 == 0 ? SyncRunStatus.Failed : SyncRunStatus.Succeeded)).ToList();
        var whole = TelemetryBucket.Summarize(runs).Single();
        var merged = TelemetryBucket.Summarize(runs.Take(70)).Single();
        merged.Merge(TelemetryBucket.Summarize(runs.Skip(70)).Single());

        Assert.Equal((whole.Runs, whole.Failed, whole.DurationMillisecondsSum, whole.RecordsRead, whole.DurationHistogramText),
            (merged.Runs, merged.Failed, merged.DurationMillisecondsSum, merged.RecordsRead, merged.DurationHistogramText));
        Assert.Throws<InvalidOperationException>(() => merged.Merge(TelemetryBucket.Empty(7, Hour.AddHours(1))));
    }

    [Fact]
    public void Percentiles_from_the_histogram_are_never_below_and_at_most_a_fifth_above_the_exact_value()
    {
        var random = new Random(42);
        var seconds = Enumerable.Range(0, 5000).Select(_ => Math.Exp(random.NextDouble() * 8)).ToList(); // 1 s .. ~50 min
        var histogram = new DurationHistogram();
        foreach (var s in seconds)
            histogram.Add(TimeSpan.FromSeconds(s));
        var sorted = seconds.Order().ToList();

        foreach (var p in new[] { 0.5, 0.95 })
        {
            var exact = sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
            var estimate = histogram.Percentile(p)!.Value.TotalSeconds;
            Assert.InRange(estimate / exact, 1.0, Math.Pow(2, 0.25) + 1e-9);
        }
        Assert.Null(new DurationHistogram().Percentile(0.5));
        Assert.Equal(histogram.Encode(), DurationHistogram.Decode(histogram.Encode()).Encode());
        Assert.Equal(0, DurationHistogram.BinOf(TimeSpan.FromMilliseconds(3)));
        Assert.Equal(DurationHistogram.BinCount - 1, DurationHistogram.BinOf(TimeSpan.FromDays(400)));
    }

    [Fact]
    public void Metrics_sum_buckets_and_report_rates_over_all_runs()
    {
        var buckets = TelemetryBucket.Summarize(
        [
            Run("a", Hour.AddMinutes(1), 10), Run("b", Hour.AddMinutes(2), 20, SyncRunStatus.Failed),
            Run("c", Hour.AddHours(2), 30, SyncRunStatus.Partial), Run("d", Hour.AddHours(3), 40),
        ]);
        var m = TelemetryMetrics.From(buckets);
        Assert.Equal((4L, 2L, 1L, 1L, 75.0, 25.0, 25.0), (m.Runs, m.Succeeded, m.Failed, m.Partial, m.SuccessRate, m.ErrorRate, m.AverageDurationSeconds));
        Assert.InRange(m.P50DurationSeconds!.Value, 20, 20 * 1.19);
        Assert.InRange(m.P95DurationSeconds!.Value, 40, 40 * 1.19);
        var none = TelemetryMetrics.From([]);
        Assert.Equal((0L, null as double?, null as double?), (none.Runs, none.ErrorRate, none.P95DurationSeconds));
    }

    private static Connection Connection(int freshnessMinutes = 30, decimal errorRate = 5m)
    {
        var owner = "u-owner";
        var program = new ProgramBuilder().WithMember(owner, ProgramRole.IntegrationOwner).Build();
        return Portal.Core.Integration.Connection.Register(program, new ConnectionDraft("erp-ppm", "ERP to PPM", "ERP", "PPM", "Actuals",
            IntegrationPattern.Batch, 15, freshnessMinutes, errorRate, 3, owner), false, Hour).Value;
    }

    [Fact]
    public void A_freshness_breach_opens_when_the_sla_runs_out_and_closes_at_the_next_success()
    {
        var connection = Connection();
        var lastSuccess = Hour;
        var within = SlaRules.Freshness(connection, new RunHistory(lastSuccess, null, 0), null, Hour.AddMinutes(30));
        Assert.Equal((null as SlaBreach, null as DateTimeOffset?), (within.ToOpen, within.CloseAt)); // the boundary is within

        var late = SlaRules.Freshness(connection, new RunHistory(lastSuccess, null, 2), null, Hour.AddMinutes(45));
        var breach = late.ToOpen!;
        Assert.Equal((SlaKind.Freshness, Hour.AddMinutes(30)), (breach.Kind, breach.StartUtc));
        Assert.Contains("more than 30 min", breach.Cause);
        Assert.Null(SlaRules.Freshness(connection, new RunHistory(lastSuccess, null, 2), breach, Hour.AddMinutes(50)).ToOpen); // once

        var recovered = SlaRules.Freshness(connection, new RunHistory(Hour.AddMinutes(52), null, 0), breach, Hour.AddMinutes(55));
        Assert.Equal(Hour.AddMinutes(52), recovered.CloseAt);
        breach.Close(recovered.CloseAt!.Value);
        Assert.Equal(TimeSpan.FromMinutes(22), breach.DurationAt(Hour.AddDays(1)));
        Assert.Null(SlaRules.Freshness(connection, RunHistory.None, null, Hour).ToOpen);
    }

    [Fact]
    public void An_error_rate_breach_lasts_while_the_24_hour_rate_is_above_the_sla()
    {
        var connection = Connection(errorRate: 5m);
        var bad = TelemetryMetrics.From(TelemetryBucket.Summarize(
            Enumerable.Range(0, 10).Select(i => Run($"r{i}", Hour.AddMinutes(i), 5, i < 1 ? SyncRunStatus.Failed : SyncRunStatus.Succeeded))));
        var breach = SlaRules.ErrorRate(connection, bad, null, Hour.AddHours(1)).ToOpen!;
        Assert.Equal("10% of runs failed in the last 24 h (1 of 10); error-rate SLA 5%.", breach.Cause);
        Assert.Null(SlaRules.ErrorRate(connection, bad, breach, Hour.AddHours(2)).ToOpen);

        var good = TelemetryMetrics.From(TelemetryBucket.Summarize([Run("ok", Hour.AddHours(3), 5)]));
        Assert.Equal(Hour.AddHours(4), SlaRules.ErrorRate(connection, good, breach, Hour.AddHours(4)).CloseAt);
        Assert.Null(SlaRules.ErrorRate(connection, TelemetryMetrics.From([]), null, Hour).ToOpen); // no runs, no rate
    }
}
