using System.Collections.Concurrent;
using System.Collections.Specialized;
using Npgsql;
using Portal.Tests.Infrastructure;
using Quartz;

namespace Portal.Tests.Data;

/// <summary>
/// The PostgreSQL migration creates Quartz's job-store tables itself (ADR-005), so a column Quartz 4.7 reads or
/// writes and the migration lacks would only show up on a clustered node. Run a clustered scheduler on them.
/// </summary>
public sealed class QuartzJobStoreTests
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> Fired = new();

    [PostgresFact]
    public async Task A_clustered_scheduler_stores_and_fires_a_job_using_the_migrated_tables()
    {
        await using var db = await TestDatabase.CreatePostgresAsync();
        var runId = Guid.NewGuid().ToString("N");
        var fired = Fired.GetOrAdd(runId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var scheduler = await QuartzSchedulerBuilder.Create(q =>
        {
            q.UsePersistentStore(store =>
            {
                // The same store settings as Portal.Web's JobsRegistration.
                store.UsePostgres(db.ConnectionString);
                store.UseSystemTextJsonSerializer();
                store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(10));
            });
        }).UseProperties(new NameValueCollection { ["quartz.scheduler.instanceName"] = "PortalTest-" + runId[..8] }).BuildScheduler();
        try
        {
            var job = JobBuilder.Create<SignalJob>().WithIdentity("signal", "tests").UsingJobData("runId", runId).StoreDurably().Build();
            var trigger = TriggerBuilder.Create().WithIdentity("signal-now", "tests").StartNow().Build();
            await scheduler.ScheduleJob(job, trigger);
            Assert.Equal(1L, await CountAsync(db, "SELECT count(*) FROM qrtz_job_details WHERE job_name = 'signal'"));

            await scheduler.Start();
            var winner = await Task.WhenAny(fired.Task, Task.Delay(TimeSpan.FromSeconds(60)));

            Assert.True(winner == fired.Task, "The job stored in the migrated tables never fired.");
            Assert.Equal(1L, await CountAsync(db, "SELECT count(*) FROM qrtz_scheduler_state"));
        }
        finally
        {
            await scheduler.Shutdown(waitForJobsToComplete: true);
            Fired.TryRemove(runId, out _);
        }
    }

    private static async Task<long> CountAsync(TestDatabase db, string sql)
    {
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public sealed class SignalJob : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            if (Fired.TryGetValue(context.MergedJobDataMap.GetString("runId")!, out var fired))
                fired.TrySetResult();
            return ValueTask.CompletedTask;
        }
    }
}
