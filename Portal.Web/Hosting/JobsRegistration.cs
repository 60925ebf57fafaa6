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

            q.AddJob<DecommissionOverdueJob>(j => j.WithIdentity(DecommissionOverdueJob.Key).StoreDurably()
                .WithDescription("Notifies owners and escalates to sponsors when a workaround's decommission date has passed."));
            q.AddTrigger(t => t.ForJob(DecommissionOverdueJob.Key).WithIdentity("decommission-overdue-hourly", "change")
                .WithDescription("Every hour at minute 5")
                .WithCronSchedule(configuration["Portal:Jobs:DecommissionOverdueCron"] ?? "0 5 * * * ?", c => c.InTimeZone(TimeZoneInfo.Utc)));

            q.AddJob<EmailOutboxJob>(j => j.WithIdentity(EmailOutboxJob.Key).StoreDurably()
                .WithDescription("Sends queued notification emails through SMTP, retrying failures."));
            q.AddTrigger(t => t.ForJob(EmailOutboxJob.Key).WithIdentity("email-outbox-every-minute", "notifications")
                .WithDescription("Every minute")
                .WithCronSchedule(configuration["Portal:Jobs:EmailOutboxCron"] ?? "0 * * * * ?", c => c.InTimeZone(TimeZoneInfo.Utc)));

            q.AddJobListener<JobRunRecorder>([GroupMatcher<JobKey>.AnyGroup()]);
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
