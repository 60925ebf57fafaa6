using System.Collections.Concurrent;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;
using Portal.Web.Jobs;
using Xunit.Abstractions;

namespace Portal.Tests.Reliability;

/// <summary>
/// Issue 8 "Several nodes": two real Portal processes on one PostgreSQL database, as behind a load balancer. A sign-in
/// on one node is accepted by the other (data-protection keys in the database, not in each node's home folder);
/// telemetry posted to both nodes at once (the same and different run ids) is stored exactly once; a job scheduled
/// every few seconds fires once per firing across the cluster; killing a node loses no acknowledged run and the other
/// node keeps firing the jobs. Figures go to docs/reliability.md.
/// </summary>
public sealed class ClusterTests(ITestOutputHelper output)
{
    private const int BatchSize = 50;
    private const int JobPeriodSeconds = 5;
    private static readonly string OutboxJobName = EmailOutboxJob.Key.Name;

    [PostgresFact]
    public async Task Two_nodes_share_sign_in_store_telemetry_once_fire_each_job_once_and_survive_losing_a_node()
    {
        await using var database = await TestDatabase.CreatePostgresAsync(migrate: false);
        var homes = new List<string>();
        // The first node migrates and seeds; the second starts on the prepared database (as the cluster script does).
        var nodeA = await PortalServer.StartAsync(NodeSettings("node-a", homes), existing: database);
        try
        {
            await using var nodeB = await PortalServer.StartAsync(NodeSettings("node-b", homes), existing: database);

            // --- A sign-in on node A is valid on node B -------------------------------------------------------------
            var cookie = await NodeClients.SignInCookieAsync(nodeA, "pmo@portal.local");
            using (var onB = NodeClients.WithCookie(nodeB, cookie))
            {
                var me = await onB.GetAsync("/api/me");
                Assert.Equal(HttpStatusCode.OK, me.StatusCode);
                Assert.Contains("PMO", await me.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
                var page = await onB.GetAsync("/portfolio");
                Assert.Equal(HttpStatusCode.OK, page.StatusCode); // not a redirect to the login page
                Assert.Contains("Atlas", await page.Content.ReadAsStringAsync());
            }
            using (var tampered = NodeClients.WithCookie(nodeB, cookie[..^4] + "AAAA"))
                Assert.Equal(HttpStatusCode.Unauthorized, (await tampered.GetAsync("/api/me")).StatusCode);
            await using (var db = database.CreateContext())
                Assert.True(await db.DataProtectionKeys.AnyAsync(), "the key ring is in the database");
            Assert.All(homes, home => Assert.False(Directory.Exists(Path.Combine(home, ".aspnet", "DataProtection-Keys"))
                && Directory.EnumerateFiles(Path.Combine(home, ".aspnet", "DataProtection-Keys")).Any(), "no node keeps keys in its home folder"));

            // --- Telemetry to both nodes at once, then node A is killed mid-stream ----------------------------------
            var acknowledged = new ConcurrentDictionary<string, bool>();
            var unacknowledged = new ConcurrentDictionary<string, bool>();
            var acknowledgedByBAfterKill = 0;
            var batchesSent = 0;
            var killed = false;
            using var ingestA = NodeClients.Ingestion(nodeA);
            using var ingestB = NodeClients.Ingestion(nodeB);
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(150)); // bounded whatever happens

            async Task<bool> SendAsync(HttpClient http, string batchId)
            {
                Interlocked.Increment(ref batchesSent);
                try
                {
                    using var response = await http.PostAsync("/api/telemetry/sync-runs", NodeClients.RunBatch(batchId, BatchSize), stop.Token);
                    if (response.StatusCode == HttpStatusCode.OK)
                        return true;
                    if (response.StatusCode == HttpStatusCode.TooManyRequests)
                        await Task.Delay(50);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or OperationCanceledException)
                {
                    await Task.Delay(20);
                }
                return false;
            }

            // Each sender posts its own batches to A and B in turn, and every third batch to both nodes at the same time
            // (a retry that the load balancer sent elsewhere): those must be stored once, and acknowledged by both.
            var senders = Enumerable.Range(0, 3).Select(sender => Task.Run(async () =>
            {
                for (var batch = 0; !stop.IsCancellationRequested; batch++)
                {
                    var id = $"cluster-{sender}-{batch:0000}";
                    bool ok;
                    if (batch % 3 == 0)
                    {
                        var both = await Task.WhenAll(SendAsync(ingestA, id), SendAsync(ingestB, id));
                        ok = both[0] || both[1];
                    }
                    else
                    {
                        var viaB = batch % 2 == 0;
                        ok = await SendAsync(viaB ? ingestB : ingestA, id);
                        if (ok && viaB && Volatile.Read(ref killed))
                            Interlocked.Increment(ref acknowledgedByBAfterKill);
                    }
                    (ok ? acknowledged : unacknowledged)[id] = true;
                }
            })).ToList();

            // Let the outbox job fire a few times on the healthy pair while telemetry flows, then kill A.
            var firedBefore = await OutboxRunsAsync(database);
            await WaitUntilAsync(async () => await OutboxRunsAsync(database) >= firedBefore + 3 && acknowledged.Count >= 30,
                TimeSpan.FromSeconds(90), "3 more outbox firings and 30 acknowledged batches");
            var acknowledgedBeforeKill = acknowledged.Count;
            await nodeA.StopAsync(); // Process.Kill: no graceful shutdown, in-flight requests die with it
            var killedAt = DateTimeOffset.UtcNow;
            Volatile.Write(ref killed, true);

            // Node B must keep firing the jobs: A's claimed triggers come back after Quartz's failed-node check (~20 s).
            await WaitUntilAsync(async () =>
            {
                await using var db = database.CreateContext();
                return await db.JobRuns.AnyAsync(r => r.JobName == OutboxJobName && r.Node == "node-b" && r.StartedUtc > killedAt.AddSeconds(1));
            }, TimeSpan.FromSeconds(90), "node B to fire the outbox job after node A was killed");
            await WaitUntilAsync(() => Task.FromResult(Volatile.Read(ref acknowledgedByBAfterKill) >= 10), TimeSpan.FromSeconds(30), "node B to acknowledge batches after the kill");
            await stop.CancelAsync();
            await Task.WhenAll(senders);

            // --- What was stored ------------------------------------------------------------------------------------
            await using var check = database.CreateContext();
            var runIds = await check.SyncRuns.AsNoTracking().Where(r => r.RunId.StartsWith("cluster-")).Select(r => r.RunId).ToListAsync();
            var storedTwice = runIds.GroupBy(r => r).Count(g => g.Count() > 1);
            var stored = runIds.GroupBy(r => r[..r.LastIndexOf('-')]).ToDictionary(g => g.Key, g => g.Count());
            var lostAcknowledged = acknowledged.Keys.Where(b => stored.GetValueOrDefault(b) != BatchSize).ToList();
            var halfStored = stored.Where(s => s.Value != BatchSize).Select(s => s.Key).ToList();

            var jobRuns = await check.JobRuns.AsNoTracking().Where(r => r.JobName == OutboxJobName).ToListAsync();
            Assert.All(jobRuns, r => Assert.NotNull(r.ScheduledFireUtc));
            var firedTwice = jobRuns.GroupBy(r => r.ScheduledFireUtc).Where(g => g.Count() > 1)
                .Select(g => $"{g.Key:HH:mm:ss} on " + string.Join(" and ", g.Select(r => $"{r.Node} at {r.StartedUtc:HH:mm:ss.fff}"))).ToList();
            var late = jobRuns.Where(r => r.StartedUtc - r.ScheduledFireUtc > TimeSpan.FromSeconds(JobPeriodSeconds))
                .Select(r => $"{r.ScheduledFireUtc:HH:mm:ss} ran {(r.StartedUtc - r.ScheduledFireUtc!.Value).TotalSeconds:0.0} s late on {r.Node}").ToList();
            var byNode = jobRuns.GroupBy(r => r.Node).ToDictionary(g => g.Key, g => g.Count());
            var afterKillOnB = jobRuns.Count(r => r.Node == "node-b" && r.StartedUtc > killedAt);

            output.WriteLine($"batches of {BatchSize} sent {batchesSent} (requests), distinct batches acknowledged {acknowledged.Count} ({acknowledged.Count * BatchSize:N0} runs; " +
                $"{acknowledgedBeforeKill} before the kill, {acknowledgedByBAfterKill} by node B alone after it), unacknowledged {unacknowledged.Count}; " +
                $"runs stored {runIds.Count:N0}, stored twice {storedTwice}, acknowledged runs lost {lostAcknowledged.Count * BatchSize}, half-stored batches {halfStored.Count}");
            output.WriteLine($"outbox job every {JobPeriodSeconds} s: {jobRuns.Count} firings ({string.Join(", ", byNode.Select(n => $"{n.Key} {n.Value}"))}), " +
                $"firings run twice {firedTwice.Count}, node B firings after the kill {afterKillOnB}; late (held by the killed node): {string.Join("; ", late)}");

            Assert.Empty(lostAcknowledged);
            Assert.Empty(halfStored);
            Assert.Equal(0, storedTwice);
            Assert.Empty(firedTwice);
            Assert.True(afterKillOnB >= 1);
            Assert.True(acknowledgedBeforeKill >= 10, "telemetry was flowing to the pair before the kill");
        }
        finally
        {
            await nodeA.DisposeAsync();
            foreach (var home in homes)
                try { Directory.Delete(home, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// Each node gets its own empty home folder: without keys in the database, each would make its own key ring there
    /// and refuse the other's cookies.
    /// </summary>
    private static Dictionary<string, string> NodeSettings(string node, List<string> homes)
    {
        var home = Path.Combine(Path.GetTempPath(), "portal-tests", $"home-{node}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(home);
        homes.Add(home);
        return new()
        {
            ["Portal:NodeName"] = node,
            ["Portal:Jobs:EmailOutboxCron"] = $"0/{JobPeriodSeconds} * * * * ?",
            ["HOME"] = home,
        };
    }

    private static async Task<int> OutboxRunsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.JobRuns.CountAsync(r => r.JobName == OutboxJobName);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}.");
            await Task.Delay(250);
        }
    }
}
