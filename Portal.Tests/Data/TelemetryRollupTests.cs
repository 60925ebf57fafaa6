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
/// The rollup, retention and SLA ledger on both providers with a fake clock (ADR-022): each run counted exactly once,
/// re-runs harmless, catch-up in bounded chunks, late runs counted in their old hour, two rollups at once, retention in
/// batches that keep buckets and runs not yet rolled up.
/// </summary>
public sealed class TelemetryRollupTests
{
    private static readonly DateTimeOffset Start = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private sealed record Setup(TestDatabase Db, FakeClock Clock, TelemetryRollupService Rollup, SlaBreachService Breaches, Connection Connection)
        : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Db.DisposeAsync();

        public async Task InsertAsync(params SyncRun[] runs)
        {
            await using var context = Db.CreateContext();
            await SyncRunBulkInsert.InsertAsync(context, runs, CancellationToken.None);
        }

        public async Task<List<TelemetryBucket>> BucketsAsync()
        {
            await using var context = Db.CreateContext();
            return (await context.TelemetryBuckets.AsNoTracking().ToListAsync()).OrderBy(b => b.HourUtc).ToList();
        }
    }

    private static async Task<Setup> SetUpAsync(DatabaseProvider provider, int chunk = 3, int maxChunks = 2, int retentionBatch = 2)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var owner = new UserBuilder().Named("Tomasz Nowak").Build();
        await using var context = db.CreateContext();
        context.Users.Add(owner);
        var program = new ProgramBuilder().WithMember(owner.Id, ProgramRole.IntegrationOwner).Build();
        context.Programs.Add(program);
        await context.SaveChangesAsync();
        var connection = Connection.Register(program, new ConnectionDraft("erp-ppm-actuals", "ERP actuals into PPM", "ERP", "PPM", "Actuals",
            IntegrationPattern.Batch, 15, 30, 10m, 3, owner.Id), false, Start).Value;
        context.Connections.Add(connection);
        await context.SaveChangesAsync();
        var clock = new FakeClock(Start);
        var options = Options.Create(new TelemetryOptions
        {
            RollupChunkSize = chunk, RollupMaxChunksPerRun = maxChunks, RetentionBatchSize = retentionBatch, RawRetentionDays = 90,
        });
        var factory = db;
        return new Setup(db, clock, new TelemetryRollupService(factory, clock, options), new SlaBreachService(factory, clock), connection);
    }

    private static SyncRun Run(Connection c, string id, DateTimeOffset finished, SyncRunStatus status = SyncRunStatus.Succeeded, double seconds = 30) =>
        SyncRun.Create(c.Id, id, finished.AddSeconds(-seconds), finished, status, 10, status == SyncRunStatus.Failed ? 0 : 10,
            status == SyncRunStatus.Failed ? 10 : 0, finished);

    [Theory, SqliteData, PostgresData]
    public async Task Each_run_is_counted_once_across_chunks_re_runs_and_catch_up(DatabaseProvider provider)
    {
        await using var s = await SetUpAsync(provider);
        await s.InsertAsync(Enumerable.Range(0, 8).Select(i => Run(s.Connection, $"r{i}", Start.AddMinutes(i * 15))).ToArray());

        var first = await s.Rollup.RollUpAsync();
        Assert.Equal((6L, 2, false), (first.Runs, first.Chunks, first.CaughtUp)); // two chunks of three, the rest next time
        var second = await s.Rollup.RollUpAsync();
        Assert.Equal((2L, true), (second.Runs, second.CaughtUp));
        var again = await s.Rollup.RollUpAsync();
        Assert.Equal(0L, again.Runs);

        var buckets = await s.BucketsAsync();
        Assert.Equal([4L, 4L], buckets.Select(b => b.Runs));
        Assert.Equal([Start, Start.AddHours(1)], buckets.Select(b => b.HourUtc));
        Assert.Equal(4 * 30_000L, buckets[0].DurationMillisecondsSum);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_run_reported_late_for_an_old_hour_is_added_to_that_hour_once(DatabaseProvider provider)
    {
        await using var s = await SetUpAsync(provider, chunk: 100);
        await s.InsertAsync(Run(s.Connection, "on-time", Start.AddMinutes(10)), Run(s.Connection, "next-hour", Start.AddMinutes(70)));
        await s.Rollup.RollUpAsync();

        s.Clock.Advance(TimeSpan.FromHours(5));
        await s.InsertAsync(Run(s.Connection, "late", Start.AddMinutes(20), SyncRunStatus.Failed));
        await s.Rollup.RollUpAsync();
        await s.Rollup.RollUpAsync();

        var nine = (await s.BucketsAsync()).Single(b => b.HourUtc == Start);
        Assert.Equal((2L, 1L, 1L), (nine.Runs, nine.Succeeded, nine.Failed));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Two_rollups_at_once_still_count_each_run_once(DatabaseProvider provider)
    {
        await using var s = await SetUpAsync(provider, chunk: 5, maxChunks: 100);
        await s.InsertAsync(Enumerable.Range(0, 60).Select(i => Run(s.Connection, $"r{i}", Start.AddMinutes(i))).ToArray());

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            try { await s.Rollup.RollUpAsync(); }
            catch (DbUpdateException) { } // the loser of a race on a new bucket rolls back; the next run carries on
        })));
        await s.Rollup.RollUpAsync();

        Assert.Equal(60L, (await s.BucketsAsync()).Sum(b => b.Runs));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Retention_prunes_old_rolled_up_runs_in_batches_and_keeps_buckets_and_the_rest(DatabaseProvider provider)
    {
        await using var s = await SetUpAsync(provider, chunk: 100, retentionBatch: 2);
        await s.InsertAsync(Enumerable.Range(0, 5).Select(i => Run(s.Connection, $"old{i}", Start.AddMinutes(i))).ToArray());
        await s.InsertAsync(Run(s.Connection, "recent", Start.AddDays(80)));
        s.Clock.Advance(TimeSpan.FromDays(91));
        await s.Rollup.RollUpAsync();
        await s.InsertAsync(Run(s.Connection, "old-not-rolled", Start.AddMinutes(30))); // arrived after the rollup

        var pruned = await s.Rollup.PruneAsync();

        Assert.Equal((5L, 3, true), (pruned.Deleted, pruned.Statements, pruned.Done)); // 2 + 2 + 1
        await using var context = s.Db.CreateContext();
        Assert.Equal(["old-not-rolled", "recent"], await context.SyncRuns.OrderBy(r => r.RunId).Select(r => r.RunId).ToListAsync());
        Assert.Equal(6L, (await s.BucketsAsync()).Sum(b => b.Runs));
        Assert.Equal(0L, (await s.Rollup.PruneAsync()).Deleted);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Metrics_read_buckets_plus_the_runs_not_rolled_up_yet(DatabaseProvider provider)
    {
        await using var s = await SetUpAsync(provider, chunk: 100);
        await s.InsertAsync(Run(s.Connection, "a", Start.AddMinutes(5)), Run(s.Connection, "b", Start.AddMinutes(6), SyncRunStatus.Failed));
        await s.Rollup.RollUpAsync();
        await s.InsertAsync(Run(s.Connection, "c", Start.AddMinutes(50), SyncRunStatus.Partial));
        s.Clock.Advance(TimeSpan.FromHours(1));

        await using var context = s.Db.CreateContext();
        var day = await IntegrationService.MetricsAsync(context, s.Connection.Id, "24h", s.Clock.GetUtcNow(), CancellationToken.None);
        Assert.Equal((3L, 1L, 1L, 1L, 33.33), (day.Runs, day.Succeeded, day.Failed, day.Partial, day.ErrorRate));
        s.Clock.Advance(TimeSpan.FromDays(2));
        var later = await IntegrationService.MetricsAsync(context, s.Connection.Id, "24h", s.Clock.GetUtcNow(), CancellationToken.None);
        Assert.Equal(0L, later.Runs);
        Assert.Equal(3L, (await IntegrationService.MetricsAsync(context, s.Connection.Id, "7d", s.Clock.GetUtcNow(), CancellationToken.None)).Runs);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_sla_ledger_opens_and_closes_breaches_once(DatabaseProvider provider)
    {
        await using var s = await SetUpAsync(provider, chunk: 100);
        await s.InsertAsync(Run(s.Connection, "ok", Start), Run(s.Connection, "f1", Start.AddMinutes(15), SyncRunStatus.Failed));
        s.Clock.Advance(TimeSpan.FromMinutes(45)); // freshness SLA 30 min ran out at 09:30; error rate 50% > 10%
        await s.Rollup.RollUpAsync();

        Assert.Equal(2, (await s.Breaches.EvaluateAsync()).Opened);
        Assert.Equal(new SlaEvaluation(0, 0, 2), await s.Breaches.EvaluateAsync());

        await s.InsertAsync(Run(s.Connection, "back", Start.AddMinutes(50)));
        s.Clock.Advance(TimeSpan.FromMinutes(10));
        var closed = await s.Breaches.EvaluateAsync();
        Assert.Equal(new SlaEvaluation(0, 1, 1), closed); // fresh again; 1 of 3 runs failed is still above 10%

        await using var context = s.Db.CreateContext();
        var freshness = await context.SlaBreaches.AsNoTracking().SingleAsync(b => b.Kind == SlaKind.Freshness);
        Assert.Equal((Start.AddMinutes(30), Start.AddMinutes(50) as DateTimeOffset?), (freshness.StartUtc, freshness.EndUtc));
        var rows = await SlaBreachService.BreachesAsync(context, s.Connection.Id, s.Clock.GetUtcNow(), 10, CancellationToken.None);
        Assert.Equal(2, rows.Count);
    }
}
