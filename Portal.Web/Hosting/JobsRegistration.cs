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
            // Every job requests recovery: each is idempotent (watermarks, dedupe keys, unique indexes), so a firing cut
            // short by a dying node is simply run again by another node; nothing it half-did is counted twice.

            q.AddJob<AuditChainVerificationJob>(j => j.WithIdentity(AuditChainVerificationJob.Key).StoreDurably().RequestRecovery()
                .WithDescription("Verifies the tamper-evident audit trail end to end."));
            q.AddTrigger(t => t.ForJob(AuditChainVerificationJob.Key).WithIdentity("audit-chain-nightly", "governance")
                .WithDescription("Every night at 02:30 UTC")
                .WithCronSchedule(configuration["Portal:Jobs:AuditChainCron"] ?? "0 30 2 * * ?", c => c.InTimeZone(TimeZoneInfo.Utc)));

            q.AddJob<DecommissionOverdueJob>(j => j.WithIdentity(DecommissionOverdueJob.Key).StoreDurably().RequestRecovery()
                .WithDescription("Notifies owners and escalates to sponsors when a workaround's decommission date has passed."));
            q.AddTrigger(t => t.ForJob(DecommissionOverdueJob.Key).WithIdentity("decommission-overdue-hourly", "change")
                .WithDescription("Every hour at minute 5")
                .WithCronSchedule(configuration["Portal:Jobs:DecommissionOverdueCron"] ?? "0 5 * * * ?", c => c.InTimeZone(TimeZoneInfo.Utc)));

            q.AddJob<EmailOutboxJob>(j => j.WithIdentity(EmailOutboxJob.Key).StoreDurably().RequestRecovery()
                .WithDescription("Sends queued notification emails through SMTP, retrying failures."));
            q.AddTrigger(t => t.ForJob(EmailOutboxJob.Key).WithIdentity("email-outbox-every-minute", "notifications")
                .WithDescription("Every minute")
                .WithCronSchedule(configuration["Portal:Jobs:EmailOutboxCron"] ?? "0 * * * * ?", c => c.InTimeZone(TimeZoneInfo.Utc)));

            q.AddJob<AdoptionReviewSchedulingJob>(j => j.WithIdentity(AdoptionReviewSchedulingJob.Key).StoreDurably().RequestRecovery()
                .WithDescription("Schedules, moves and removes each live program's 30/60/90-day adoption reviews to match its actual go-live."));
            q.AddTrigger(t => t.ForJob(AdoptionReviewSchedulingJob.Key).WithIdentity("adoption-review-scheduling-hourly", "change")
                .WithDescription("Every hour at minute 10, and right after an actual go-live is saved")
                .WithCronSchedule(configuration["Portal:Jobs:ReviewSchedulingCron"] ?? "0 10 * * * ?", c => c.InTimeZone(TimeZoneInfo.Utc)));

            q.AddJob<AdoptionReviewRemindersJob>(j => j.WithIdentity(AdoptionReviewRemindersJob.Key).StoreDurably().RequestRecovery()
                .WithDescription("Reminds PMO leads and sponsors 7 days before an adoption review is due, and notifies them when it is overdue."));
            q.AddTrigger(t => t.ForJob(AdoptionReviewRemindersJob.Key).WithIdentity("adoption-review-reminders-hourly", "change")
                .WithDescription("Every hour at minute 15")
                .WithCronSchedule(configuration["Portal:Jobs:ReviewRemindersCron"] ?? "0 15 * * * ?", c => c.InTimeZone(TimeZoneInfo.Utc)));

            q.AddJob<ActionRemindersJob>(j => j.WithIdentity(ActionRemindersJob.Key).StoreDurably().RequestRecovery()
                .WithDescription("Reminds reinforcement action owners 2 days before the due date, and notifies them when the action is overdue."));
            q.AddTrigger(t => t.ForJob(ActionRemindersJob.Key).WithIdentity("action-reminders-hourly", "change")
                .WithDescription("Every hour at minute 20")
                .WithCronSchedule(configuration["Portal:Jobs:ActionRemindersCron"] ?? "0 20 * * * ?", c => c.InTimeZone(TimeZoneInfo.Utc)));

            q.AddJob<TelemetryRollupJob>(j => j.WithIdentity(TelemetryRollupJob.Key).StoreDurably().RequestRecovery()
                .WithDescription("Rolls new sync runs into hourly buckets (each run exactly once) and updates the SLA-breach ledger."));
            q.AddTrigger(t => t.ForJob(TelemetryRollupJob.Key).WithIdentity("telemetry-rollup-every-minute", "integration")
                .WithDescription("Every minute")
                .WithCronSchedule(configuration["Portal:Jobs:TelemetryRollupCron"] ?? "30 * * * * ?", c => c.InTimeZone(TimeZoneInfo.Utc)));

            q.AddJob<TelemetryRetentionJob>(j => j.WithIdentity(TelemetryRetentionJob.Key).StoreDurably().RequestRecovery()
                .WithDescription("Prunes rolled-up raw sync runs older than the retention period in small batches; hourly buckets stay."));
            q.AddTrigger(t => t.ForJob(TelemetryRetentionJob.Key).WithIdentity("telemetry-retention-hourly", "integration")
                .WithDescription("Every hour at minute 45")
                .WithCronSchedule(configuration["Portal:Jobs:TelemetryRetentionCron"] ?? "0 45 * * * ?", c => c.InTimeZone(TimeZoneInfo.Utc)));

            q.AddJob<WeeklyReportJob>(j => j.WithIdentity(WeeklyReportJob.Key).StoreDurably().RequestRecovery()
                .WithDescription("Makes each subscription's weekly scorecard PDF once per week (catching up after downtime) and removes expired report files."));
            q.AddTrigger(t => t.ForJob(WeeklyReportJob.Key).WithIdentity("weekly-reports-hourly", "reports")
                .WithDescription("Every hour at minute 25")
                .WithCronSchedule(configuration["Portal:Jobs:WeeklyReportsCron"] ?? "0 25 * * * ?", c => c.InTimeZone(TimeZoneInfo.Utc)));

            q.AddJobListener<JobRunRecorder>([GroupMatcher<JobKey>.AnyGroup()]);
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
