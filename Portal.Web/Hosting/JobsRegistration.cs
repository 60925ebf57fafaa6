using Portal.Data;
using Portal.Web.Jobs;
using Quartz;

namespace Portal.Web.Hosting;

public static class JobsRegistration
{
    public static IServiceCollection AddPortalJobs(this IServiceCollection services, IConfiguration configuration, DatabaseSettings database)
    {
        services.AddQuartz(q =>
        {
            if (database.Provider == DatabaseProvider.Postgres)
            {
                // Several nodes share one clustered store: each firing runs on exactly one node, and a node
                // that dies mid-job has its recoverable jobs picked up by another. Tables come from our migrations.
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(database.ConnectionString);
                    store.UseSystemTextJsonSerializer();
                    store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(10));
                });
            }
            // With SQLite the store stays in memory: Quartz refuses clustering on SQLite, and one node needs none.

            q.AddJob<AuditChainVerificationJob>(j => j.WithIdentity(AuditChainVerificationJob.Key).StoreDurably()
                .WithDescription("Verifies the tamper-evident audit trail end to end."));
            q.AddTrigger(t => t.ForJob(AuditChainVerificationJob.Key).WithIdentity("audit-chain-nightly", "governance")
                .WithDescription("Every night at 02:30 UTC")
                .WithCronSchedule(configuration["Portal:Jobs:AuditChainCron"] ?? "0 30 2 * * ?", c => c.InTimeZone(TimeZoneInfo.Utc)));

            q.AddJobListener<JobRunRecorder>([GroupMatcher<JobKey>.AnyGroup()]);
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
