using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Integration;
using Portal.Data;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.Reliability;

/// <summary>
/// Issue 8 "Faults": Portal is killed (SIGKILL) while the telemetry rollup job is part-way through a backlog, restarted on
/// the same database, and left to finish. Every raw run must then be counted in exactly one hourly bucket: no run counted
/// twice by the chunk that was in flight at the kill, none skipped. Figures go to docs/reliability.md.
/// </summary>
public sealed class RollupKillTests(ITestOutputHelper output)
{
    private const string DemoKey = "portal-demo-ingest-key";
    private const int Batches = 40;
    private const int BatchSize = 1000;

    /// <summary>The rollup every second, in small chunks, so a backlog takes many commits and a kill lands between and inside them.</summary>
    private static readonly Dictionary<string, string> FastRollup = new()
    {
        ["Portal:Jobs:TelemetryRollupCron"] = "* * * * * ?",
        ["Portal:Telemetry:RollupChunkSize"] = "250",
        ["Portal:Telemetry:RollupMaxChunksPerRun"] = "100000",
        ["Portal:Telemetry:RequestsPerSecond"] = "1000",
        ["Portal:Telemetry:Burst"] = "1000",
    };

    [Theory, SqliteData, PostgresData]
    public async Task Killing_the_server_mid_rollup_then_restarting_counts_every_run_exactly_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);

        // 1. A backlog: the rollup is switched off (fires in 2099) while 40,000 runs arrive.
        await using (var ingesting = await PortalServer.StartAsync(new Dictionary<string, string>(FastRollup)
        {
            ["Portal:Jobs:TelemetryRollupCron"] = "0 0 0 1 1 ? 2099",
        }, existing: database))
        {
            using var http = new HttpClient { BaseAddress = ingesting.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            http.DefaultRequestHeaders.Add("X-Api-Key", DemoKey);
            for (var batch = 0; batch < Batches; batch++)
            {
                using var response = await http.PostAsync("/api/telemetry/sync-runs", Body(batch));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }
        var (watermarkBefore, maxId, rawRuns) = await ProgressAsync(database);
        Assert.True(maxId - watermarkBefore >= Batches * BatchSize, $"backlog {maxId - watermarkBefore} runs");

        // 2. The rollup starts on the backlog and the process is killed once it is part-way through.
        long watermarkAtKill;
        var server = await PortalServer.StartAsync(new Dictionary<string, string>(FastRollup), existing: database);
        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            while (true)
            {
                deadline.Token.ThrowIfCancellationRequested();
                var (watermark, _, _) = await ProgressAsync(database);
                if (watermark > watermarkBefore + 2_000)
                    break;
                await Task.Delay(25, deadline.Token);
            }
            await server.StopAsync(); // Process.Kill: the chunk in flight dies with it
            watermarkAtKill = (await ProgressAsync(database)).Watermark;
        }
        finally
        {
            await server.DisposeAsync();
        }
        Assert.True(watermarkAtKill < maxId, "the rollup finished before the kill; the test did not test anything");

        // 3. Restarted, the job catches up by itself.
        await using (var restarted = await PortalServer.StartAsync(new Dictionary<string, string>(FastRollup), existing: database))
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(180));
            while ((await ProgressAsync(database)).Watermark < maxId)
                await Task.Delay(100, deadline.Token);
        }

        await using var db = database.CreateContext();
        var raw = await db.SyncRuns.AsNoTracking().GroupBy(r => r.ConnectionId).Select(g => new { g.Key, Runs = (long)g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Runs);
        var bucketed = await db.TelemetryBuckets.AsNoTracking().GroupBy(b => b.ConnectionId).Select(g => new { g.Key, Runs = g.Sum(b => b.Runs) })
            .ToDictionaryAsync(g => g.Key, g => g.Runs);
        output.WriteLine($"{provider}: raw runs {rawRuns:N0} (backlog {maxId - watermarkBefore:N0}), watermark before {watermarkBefore}, " +
            $"at kill {watermarkAtKill} ({watermarkAtKill - watermarkBefore:N0} rolled up), after restart {maxId}; " +
            $"runs in buckets {bucketed.Values.Sum():N0}, counted twice {Math.Max(0, bucketed.Values.Sum() - rawRuns):N0}, " +
            $"missing {Math.Max(0, rawRuns - bucketed.Values.Sum()):N0}");

        Assert.Equal(raw.OrderBy(p => p.Key), bucketed.Where(p => p.Value > 0).OrderBy(p => p.Key));
    }

    private static async Task<(long Watermark, long MaxId, long RawRuns)> ProgressAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var watermark = await db.TelemetryRollupStates.AsNoTracking().Where(s => s.Id == TelemetryRollupState.SingletonId)
            .Select(s => (long?)s.LastRunId).FirstOrDefaultAsync() ?? 0;
        var maxId = await db.SyncRuns.AsNoTracking().MaxAsync(r => (long?)r.Id) ?? 0;
        var count = await db.SyncRuns.AsNoTracking().LongCountAsync();
        return (watermark, maxId, count);
    }

    /// <summary>A thousand runs spread over the last two days, so the chunks touch many hourly buckets.</summary>
    private static StringContent Body(int batch)
    {
        var now = DateTimeOffset.UtcNow.AddMinutes(-5);
        var json = new StringBuilder("[");
        for (var i = 0; i < BatchSize; i++)
        {
            var finished = now.AddMinutes(-((batch * BatchSize + i) % 2880));
            var status = i % 17 == 0 ? "failed" : "succeeded";
            if (i > 0) json.Append(',');
            json.Append($$"""{"runId":"rollup-kill-{{batch:000}}-{{i:0000}}","connection":"erp-ppm-actuals","startedAt":"{{finished.AddSeconds(-40):O}}","finishedAt":"{{finished:O}}","status":"{{status}}","recordsRead":100,"recordsWritten":100,"recordsFailed":0,"retries":0,"deadLettered":0}""");
        }
        return new StringContent(json.Append(']').ToString(), Encoding.UTF8, "application/json");
    }
}
