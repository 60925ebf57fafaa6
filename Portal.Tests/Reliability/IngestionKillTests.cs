using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.Reliability;

/// <summary>
/// Issue 6 "Quality": Portal runs as its own process, several senders post batches of runs, the process is killed
/// (SIGKILL, no shutdown) mid-ingestion and restarted on the same database. Every batch that was answered 200 must be
/// stored in full; every other batch must be stored in full or not at all (a batch committed just before the kill whose
/// answer was lost counts as stored, never as half). Figures go to docs/reliability.md.
/// </summary>
public sealed class IngestionKillTests(ITestOutputHelper output)
{
    private const string DemoKey = "portal-demo-ingest-key";
    private const int Senders = 4;
    private const int BatchSize = 250;

    [Theory, SqliteData, PostgresData]
    public async Task Killing_the_server_mid_ingestion_loses_no_acknowledged_run_and_half_stores_no_batch(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        var acknowledged = new ConcurrentDictionary<string, bool>();
        var unacknowledged = new ConcurrentDictionary<string, bool>();
        var batchesSent = 0;

        var server = await PortalServer.StartAsync(existing: database);
        try
        {
            using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            http.DefaultRequestHeaders.Add("X-Api-Key", DemoKey);
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60)); // bounded even if the kill never comes
            var senders = Enumerable.Range(0, Senders).Select(sender => Task.Run(async () =>
            {
                for (var batch = 0; batch < 2000 && !stop.IsCancellationRequested; batch++)
                {
                    var id = $"kill-{sender}-{batch:0000}";
                    Interlocked.Increment(ref batchesSent);
                    try
                    {
                        using var response = await http.PostAsync("/api/telemetry/sync-runs", Body(id), stop.Token);
                        (response.StatusCode == HttpStatusCode.OK ? acknowledged : unacknowledged)[id] = true;
                        if (response.StatusCode == HttpStatusCode.TooManyRequests)
                            await Task.Delay(50);
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or OperationCanceledException)
                    {
                        unacknowledged[id] = true;
                        if (stop.IsCancellationRequested)
                            return;
                        await Task.Delay(20); // the server is gone: keep trying briefly so sends straddle the kill
                    }
                }
            })).ToList();

            while (acknowledged.Count < 40 && !stop.IsCancellationRequested)
                await Task.Delay(20);
            await server.StopAsync(); // Process.Kill: no graceful shutdown, in-flight requests die with it
            await Task.Delay(300);
            stop.Cancel();
            await Task.WhenAll(senders);
        }
        finally
        {
            await server.DisposeAsync();
        }

        await using (var restarted = await PortalServer.StartAsync(existing: database))
        {
            using var http = new HttpClient { BaseAddress = restarted.BaseAddress };
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
        }

        await using var db = database.CreateContext();
        var stored = (await db.SyncRuns.AsNoTracking().Where(r => r.RunId.StartsWith("kill-")).Select(r => r.RunId).ToListAsync())
            .GroupBy(r => r[..r.LastIndexOf('-')]).ToDictionary(g => g.Key, g => g.Count());
        var lostAcknowledged = acknowledged.Keys.Where(b => stored.GetValueOrDefault(b) != BatchSize).ToList();
        var halfStored = stored.Where(s => s.Value != BatchSize).Select(s => s.Key).ToList();
        var storedUnacknowledged = unacknowledged.Keys.Count(b => stored.ContainsKey(b));
        output.WriteLine($"{provider}: batches sent {batchesSent}, acknowledged {acknowledged.Count} ({acknowledged.Count * BatchSize:N0} runs), " +
            $"unacknowledged {unacknowledged.Count} (of which stored in full: {storedUnacknowledged}), runs stored {stored.Values.Sum():N0}, " +
            $"acknowledged runs lost {lostAcknowledged.Count * BatchSize}, half-stored batches {halfStored.Count}");

        Assert.True(acknowledged.Count >= 40, "the kill came before enough batches were acknowledged");
        Assert.NotEmpty(unacknowledged); // the kill really hit the senders
        Assert.Empty(lostAcknowledged);
        Assert.Empty(halfStored);
    }

    private static StringContent Body(string batchId)
    {
        var finished = DateTimeOffset.UtcNow.AddMinutes(-1);
        var json = new StringBuilder("[");
        for (var i = 0; i < BatchSize; i++)
        {
            if (i > 0) json.Append(',');
            json.Append($$"""{"runId":"{{batchId}}-{{i:000}}","connection":"erp-ppm-actuals","startedAt":"{{finished.AddSeconds(-30 - i):O}}","finishedAt":"{{finished.AddSeconds(-i):O}}","status":"succeeded","recordsRead":100,"recordsWritten":100,"recordsFailed":0,"retries":0,"deadLettered":0}""");
        }
        return new StringContent(json.Append(']').ToString(), Encoding.UTF8, "application/json");
    }
}
