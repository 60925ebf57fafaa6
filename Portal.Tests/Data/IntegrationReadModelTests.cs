using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Integration;
using Portal.Core.Programs;
using Portal.Data;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Integration;

namespace Portal.Tests.Data;

/// <summary>
/// The integration read model on both providers (ADR-026): the per-connection run state kept with each batch always equals
/// what the raw runs say (random, out-of-order, concurrent and refused duplicate batches), and day buckets always equal the
/// sum of their hours (chunks, late runs, re-runs, catch-up after downtime, the one-off backfill).
/// </summary>
public sealed class IntegrationReadModelTests
{
    private static readonly DateTimeOffset Start = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private sealed record Setup(TestDatabase Db, FakeClock Clock, TelemetryRollupService Rollup, IReadOnlyList<Connection> Connections) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Db.DisposeAsync();

        public async Task InsertAsync(IReadOnlyList<SyncRun> runs)
        {
            await using var context = Db.CreateContext();
            await SyncRunBulkInsert.InsertAsync(context, runs, CancellationToken.None);
        }

        /// <summary>Each connection's run state next to the same inputs searched in its raw runs.</summary>
        public async Task AssertStateMatchesRunsAsync(string because)
        {
            await using var context = Db.CreateContext();
            foreach (var c in Connections)
            {
                var fromRuns = await IntegrationService.HistoryFromRunsAsync(context, c.Id, CancellationToken.None);
                var state = await IntegrationService.HistoryAsync(context, c.Id, CancellationToken.None);
                Assert.True(fromRuns == state, $"{because}, connection {c.Key}: runs say {fromRuns}, state says {state}");
            }
        }

        public async Task AssertDaysEqualHoursAsync()
        {
            await using var context = Db.CreateContext();
            var hours = await context.TelemetryBuckets.AsNoTracking().ToListAsync();
            var days = (await context.TelemetryDayBuckets.AsNoTracking().ToListAsync()).ToDictionary(d => (d.ConnectionId, d.HourUtc));
            var expected = TelemetryDayBucket.Summarize(hours);
            Assert.Equal(expected.Count, days.Count);
            foreach (var e in expected)
            {
                var day = days[(e.ConnectionId, e.HourUtc)];
                Assert.Equal((e.Runs, e.Succeeded, e.Failed, e.Partial, e.DurationMillisecondsSum, e.RecordsWritten, e.Replays, e.DurationHistogramText),
                    (day.Runs, day.Succeeded, day.Failed, day.Partial, day.DurationMillisecondsSum, day.RecordsWritten, day.Replays, day.DurationHistogramText));
            }
        }
    }

    private static async Task<Setup> SetUpAsync(DatabaseProvider provider, int connections = 3, int chunk = 50, int maxChunks = 2)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var owner = new UserBuilder().Named("Amara Okafor").Build();
        await using var context = db.CreateContext();
        context.Users.Add(owner);
        var program = new ProgramBuilder().WithMember(owner.Id, ProgramRole.IntegrationOwner).Build();
        context.Programs.Add(program);
        await context.SaveChangesAsync();
        var registered = Enumerable.Range(0, connections).Select(i => Connection.Register(program, new ConnectionDraft($"conn-{i}", $"Connection {i}",
            "ERP", "PPM", "Actuals", IntegrationPattern.Batch, 15, 30, 10m, 3, owner.Id), false, Start).Value).ToList();
        context.Connections.AddRange(registered);
        await context.SaveChangesAsync();
        var clock = new FakeClock(Start);
        var options = Options.Create(new TelemetryOptions { RollupChunkSize = chunk, RollupMaxChunksPerRun = maxChunks });
        return new Setup(db, clock, new TelemetryRollupService(db, clock, options), registered);
    }

    private static SyncRun Run(Connection c, string id, DateTimeOffset finished, SyncRunStatus status, double seconds = 30) =>
        SyncRun.Create(c.Id, id, finished.AddSeconds(-seconds), finished, status, 10, status == SyncRunStatus.Failed ? 0 : 10,
            status == SyncRunStatus.Failed ? 10 : 0, finished, status == SyncRunStatus.Failed ? "LOCK_TIMEOUT" : null);

    /// <summary>Runs scattered over three days in any order, a third failed, sometimes long failure streaks, some connections silent.</summary>
    private static List<SyncRun> RandomBatch(Random random, IReadOnlyList<Connection> connections, ref int next)
    {
        var batch = new List<SyncRun>();
        var size = random.Next(1, 40);
        var streak = random.Next(4) == 0;
        for (var i = 0; i < size; i++)
        {
            var c = connections[random.Next(connections.Count)];
            var status = streak || random.Next(3) == 0 ? SyncRunStatus.Failed : random.Next(5) == 0 ? SyncRunStatus.Partial : SyncRunStatus.Succeeded;
            // Whole minutes, so equal finish times (a success and a failure in the same minute) happen too.
            batch.Add(Run(c, $"r{next++}", Start.AddMinutes(random.Next(0, 3 * 24 * 60)), status, random.Next(1, 900)));
        }
        return batch;
    }

    [Theory, SqliteData, PostgresData]
    public async Task Run_state_matches_the_raw_runs_after_every_random_batch(DatabaseProvider provider)
    {
        await using var s = await SetUpAsync(provider);
        await s.AssertStateMatchesRunsAsync("before any run");
        var next = 0;
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var random = new Random(seed);
            for (var b = 0; b < 15; b++)
            {
                await s.InsertAsync(RandomBatch(random, s.Connections, ref next));
                await s.AssertStateMatchesRunsAsync($"seed {seed}, batch {b}");
            }
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task Late_runs_on_either_side_of_the_last_success_are_counted_right(DatabaseProvider provider)
    {
        await using var s = await SetUpAsync(provider, connections: 1);
        var c = s.Connections[0];
        await s.InsertAsync([Run(c, "f1", Start.AddMinutes(10), SyncRunStatus.Failed), Run(c, "f2", Start.AddMinutes(20), SyncRunStatus.Failed)]);
        await s.AssertStateMatchesRunsAsync("failures only");
        await s.InsertAsync([Run(c, "ok-late", Start.AddMinutes(15), SyncRunStatus.Succeeded)]); // reported late, between the failures
        await s.AssertStateMatchesRunsAsync("a late success between failures");
        await s.InsertAsync([Run(c, "f0", Start.AddMinutes(5), SyncRunStatus.Failed), Run(c, "f3", Start.AddMinutes(30), SyncRunStatus.Failed)]);
        await s.AssertStateMatchesRunsAsync("a late failure before the success and a new one after it");
        await using var context = s.Db.CreateContext();
        var state = await context.ConnectionRunStates.AsNoTracking().SingleAsync(x => x.ConnectionId == c.Id);
        Assert.Equal((Start.AddMinutes(15), 2, 5L, Start.AddMinutes(30), "LOCK_TIMEOUT"),
            (state.LastSuccessUtc!.Value, state.ConsecutiveFailures, state.Runs, state.LastFailureUtc!.Value, state.LastErrorCode));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_refused_duplicate_batch_leaves_the_state_as_it_was(DatabaseProvider provider)
    {
        await using var s = await SetUpAsync(provider, connections: 1);
        var c = s.Connections[0];
        await s.InsertAsync([Run(c, "a", Start.AddMinutes(10), SyncRunStatus.Succeeded), Run(c, "b", Start.AddMinutes(20), SyncRunStatus.Failed)]);
        // The second batch repeats a stored id: the unique index refuses the whole batch, the state with it.
        await Assert.ThrowsAnyAsync<Exception>(() => s.InsertAsync([Run(c, "c", Start.AddMinutes(40), SyncRunStatus.Succeeded),
            Run(c, "b", Start.AddMinutes(20), SyncRunStatus.Failed)]));
        await s.AssertStateMatchesRunsAsync("after a refused batch");
        await using var context = s.Db.CreateContext();
        var state = await context.ConnectionRunStates.AsNoTracking().SingleAsync(x => x.ConnectionId == c.Id);
        Assert.Equal((2L, 1), (state.Runs, state.ConsecutiveFailures));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Concurrent_batches_for_the_same_connections_keep_the_state_exact(DatabaseProvider provider)
    {
        await using var s = await SetUpAsync(provider, connections: 2);
        var random = new Random(7);
        var next = 0;
        var batches = Enumerable.Range(0, 12).Select(_ => RandomBatch(random, s.Connections, ref next)).ToList();
        // SQLite serializes writers itself (busy timeout); PostgreSQL really runs these side by side.
        await Task.WhenAll(batches.Select(b => Task.Run(() => s.InsertAsync(b))));
        await s.AssertStateMatchesRunsAsync("after concurrent batches");
    }

    [Theory, SqliteData, PostgresData]
    public async Task Day_buckets_equal_their_hours_across_chunks_late_runs_re_runs_and_catch_up(DatabaseProvider provider)
    {
        await using var s = await SetUpAsync(provider, chunk: 20, maxChunks: 2);
        var random = new Random(11);
        var next = 0;
        for (var b = 0; b < 6; b++)
            await s.InsertAsync(RandomBatch(random, s.Connections, ref next));
        // Downtime: far more runs than one job run takes (2 chunks of 20); each run catches up a little more.
        s.Clock.Advance(TimeSpan.FromDays(4));
        RollupRun run;
        do run = await s.Rollup.RollUpAsync(); while (!run.CaughtUp);
        await s.AssertDaysEqualHoursAsync();

        await s.InsertAsync([Run(s.Connections[0], "late", Start.AddMinutes(5), SyncRunStatus.Failed)]); // an old day, reported late
        await s.Rollup.RollUpAsync();
        var again = await s.Rollup.RollUpAsync();
        Assert.Equal(0, again.Runs);
        await s.AssertDaysEqualHoursAsync();
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_backfill_builds_days_from_hours_stored_before_days_existed_once(DatabaseProvider provider)
    {
        await using var s = await SetUpAsync(provider, chunk: 500);
        var random = new Random(5);
        var next = 0;
        for (var b = 0; b < 5; b++)
            await s.InsertAsync(RandomBatch(random, s.Connections, ref next));
        await s.Rollup.RollUpAsync();
        await using (var context = s.Db.CreateContext())
        {
            // As a database upgraded by the migration finds itself: hours, no days, the flag unset.
            await context.TelemetryDayBuckets.ExecuteDeleteAsync();
            await context.TelemetryRollupStates.ExecuteUpdateAsync(u => u.SetProperty(x => x.DaysBackfilled, false));
        }
        Assert.True(await s.Rollup.BackfillDaysAsync(CancellationToken.None));
        Assert.False(await s.Rollup.BackfillDaysAsync(CancellationToken.None));
        await s.AssertDaysEqualHoursAsync();
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_30_day_window_from_days_shows_the_same_figures_as_from_hours(DatabaseProvider provider)
    {
        await using var s = await SetUpAsync(provider, chunk: 500, maxChunks: 10);
        var random = new Random(3);
        var next = 0;
        for (var b = 0; b < 8; b++)
            await s.InsertAsync(RandomBatch(random, s.Connections, ref next));
        s.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(37));
        await s.Rollup.RollUpAsync();
        await s.InsertAsync([Run(s.Connections[1], "tail", s.Clock.GetUtcNow().AddMinutes(-1), SyncRunStatus.Succeeded)]); // not rolled up yet
        var now = s.Clock.GetUtcNow();
        var from = TelemetryBucket.HourOf(now - MetricWindows.Span("30d"));
        await using var context = s.Db.CreateContext();
        foreach (var c in s.Connections)
        {
            var hours = await IntegrationService.BucketsAsync(context, c.Id, from, CancellationToken.None);
            var days = await IntegrationService.BucketsAsync(context, c.Id, from, CancellationToken.None, wholeDays: true);
            Assert.True(days.Count < hours.Count || hours.Count <= 3, $"{c.Key}: {days.Count} rows from days, {hours.Count} from hours");
            Assert.Equal(TelemetryMetrics.From(hours), TelemetryMetrics.From(days));
            var span = MetricWindows.Span("30d");
            Assert.Equal(ConnectionTelemetryService.Trend(hours, from, now, span), ConnectionTelemetryService.Trend(days, from, now, span));
        }
    }
}
