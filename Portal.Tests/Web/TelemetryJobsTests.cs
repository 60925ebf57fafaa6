using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Integration;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Admin.Jobs;
using Portal.Web.Jobs;

namespace Portal.Tests.Web;

/// <summary>
/// The telemetry jobs through the real scheduler on the demo data: listed on the Jobs page; the rollup puts every demo run
/// in a bucket once (a second run adds nothing) and records the demo's breaches; the health API reads the buckets.
/// </summary>
public sealed class TelemetryJobsTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    [Fact]
    public async Task The_rollup_job_buckets_every_demo_run_once_records_breaches_and_feeds_the_health_api()
    {
        var admin = await factory.DemoUserAsync("admin@portal.local");
        var jobs = factory.Services.GetRequiredService<JobsService>();
        var listed = await jobs.ListAsync(admin);
        Assert.Contains(listed, j => j.Name == TelemetryRollupJob.Key.Name && j.Triggers == "Every minute");
        Assert.Contains(listed, j => j.Name == TelemetryRetentionJob.Key.Name && j.Triggers == "Every hour at minute 45");

        await RunAsync(jobs, admin, TelemetryRollupJob.Key, 1);
        await RunAsync(jobs, admin, TelemetryRollupJob.Key, 2);

        await using (var db = factory.CreateDbContext())
        {
            var runs = await db.SyncRuns.CountAsync();
            Assert.Equal(runs, await db.TelemetryBuckets.SumAsync(b => b.Runs));
            Assert.Equal(await db.SyncRuns.MaxAsync(r => r.Id), await db.TelemetryRollupStates.Select(s => s.LastRunId).SingleAsync());
            var commitments = await db.Connections.SingleAsync(c => c.Key == "po-commitments");
            // Four failures since the last success, 15-minute freshness SLA (the failure burst may breach the error rate too).
            Assert.Single(await db.SlaBreaches.Where(b => b.ConnectionId == commitments.Id && b.EndUtc == null && b.Kind == SlaKind.Freshness).ToListAsync());
        }

        var it = await factory.SignedInClientAsync("it@portal.local");
        var response = await it.GetAsync("/api/connections/po-commitments/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var day = health.GetProperty("metrics24h");
        // The demo history comes from the seeded generator; the API's figures must match the stored runs exactly.
        await using (var db = factory.CreateDbContext())
        {
            var connection = await db.Connections.SingleAsync(c => c.Key == "po-commitments");
            var from = TelemetryBucket.HourOf(DateTimeOffset.UtcNow.AddHours(-24));
            var dayRuns = db.SyncRuns.Where(r => r.ConnectionId == connection.Id && r.FinishedUtc >= from);
            Assert.Equal("24h", day.GetProperty("window").GetString());
            Assert.Equal(await dayRuns.CountAsync(r => r.Status == SyncRunStatus.Failed), day.GetProperty("failed").GetInt32());
            Assert.Equal(await dayRuns.CountAsync(), day.GetProperty("runs").GetInt32());
            var monthFrom = TelemetryBucket.HourOf(DateTimeOffset.UtcNow.AddDays(-30));
            Assert.Equal(await db.SyncRuns.CountAsync(r => r.ConnectionId == connection.Id && r.FinishedUtc >= monthFrom),
                health.GetProperty("metrics30d").GetProperty("runs").GetInt32());
            Assert.Equal(await db.ReconciliationExceptions.CountAsync(e => e.ConnectionId == connection.Id && e.State == ExceptionState.Open),
                day.GetProperty("openReconciliationExceptions").GetInt32());
        }
        Assert.True(day.GetProperty("failed").GetInt32() > 0);
        Assert.True(day.GetProperty("p95DurationSeconds").GetDouble() > 0);
    }

    private async Task RunAsync(JobsService jobs, Portal.Web.Features.Account.CurrentUser admin, Quartz.JobKey key, int expectedRuns)
    {
        await jobs.RunNowAsync(key.Group, key.Name, admin);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            await using var db = factory.CreateDbContext();
            var finished = await db.JobRuns.AsNoTracking().Where(r => r.JobName == key.Name && r.FinishedUtc != null).ToListAsync();
            if (finished.Count >= expectedRuns)
            {
                Assert.All(finished, r => Assert.True(r.Succeeded, r.Message));
                return;
            }
        }
        Assert.Fail($"{key.Name} did not finish run {expectedRuns} within a minute.");
    }
}
