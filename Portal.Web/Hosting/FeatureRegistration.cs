using Portal.Core.Milestones;
using Portal.Web.Api;
using Portal.Web.Demo;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Decommissioning;
using Portal.Web.Features.Integration;
using Portal.Web.Features.Notifications;
using Portal.Web.Features.Milestones;
using Portal.Web.Features.Playbooks;
using Portal.Web.Features.Admin.Jobs;
using Portal.Web.Features.Admin.Users;
using Portal.Web.Features.ApiTokens;
using Portal.Web.Features.Programs;
using Portal.Web.Features.Reports;
using Portal.Web.Features.Reviews;
using Portal.Web.Features.Scorecards;
using Portal.Web.Features.Sponsorship;
using Portal.Web.Features.SystemOfRecord;
using Portal.Web.Features.Stakeholders;
using Portal.Web.Features.Uat;
using Portal.Web.Features.Templates;
using Portal.Web.Features.Training;

namespace Portal.Web.Hosting;

public static class FeatureRegistration
{
    public static IServiceCollection AddPortalFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PortalOptions>(configuration.GetSection(PortalOptions.Section));
        services.AddScoped<InitialDataSeeder>();
        services.AddSingleton(CriterionEvaluators.Default);
        services.AddSingleton<ProgramService>();
        services.AddSingleton<ProgramTemplateService>();
        services.AddSingleton<MilestoneService>();
        services.AddSingleton<MilestoneWorkService>();
        services.AddSingleton<SignerVerification>();
        services.AddSingleton<MilestoneSignOffService>();
        services.AddSingleton<MilestoneStructureService>();
        services.AddSingleton<ProgramFactsLoader>();
        services.AddSingleton<UserAdminService>();
        services.AddSingleton<JobsService>();
        services.AddSingleton<AuditTrailService>();
        services.AddSingleton<ApiTokenService>();
        services.AddSingleton<SystemOfRecordService>();
        services.AddSingleton<IProgramFactsSource, SystemOfRecordFactsSource>();
        services.AddSingleton<StakeholderService>();
        services.AddSingleton<StakeholderEditService>();
        services.AddSingleton<StakeholderCsvService>();
        services.AddSingleton<IProgramFactsSource, StakeholderFactsSource>();
        services.AddSingleton<UatService>();
        services.AddSingleton<UatImportService>();
        services.AddSingleton<IProgramFactsSource, UatFactsSource>();
        services.AddSingleton<PlaybookService>();
        services.AddSingleton<PlaybookWorkService>();
        services.AddSingleton<IProgramFactsSource, PlaybookFactsSource>();
        services.AddSingleton<TrainingService>();
        services.AddSingleton<TrainingEditService>();
        services.AddSingleton<TrainingCsvService>();
        services.AddSingleton<IProgramFactsSource, TrainingFactsSource>();
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.Section));
        services.AddSingleton<INotifier, Notifier>();
        services.AddSingleton<NotificationInboxService>();
        services.AddScoped<NotificationBadge>();
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.AddSingleton<EmailOutboxService>();
        services.AddSingleton<DecommissioningService>();
        services.AddSingleton<DecommissionOverdueService>();
        services.AddSingleton<IProgramFactsSource, DecommissioningFactsSource>();
        services.AddSingleton<ReviewService>();
        services.AddSingleton<ReviewSchedulingService>();
        services.AddSingleton<ReviewSchedulingTrigger>();
        services.AddSingleton<ReviewReminderService>();
        services.AddSingleton<IProgramFactsSource, ReviewFactsSource>();
        services.AddSingleton<ScorecardService>();
        services.AddPortalReports(configuration);
        services.AddSingleton<SponsorshipService>();
        services.AddSingleton<IntegrationService>();
        services.AddSingleton<TelemetryRollupService>();
        services.AddSingleton<SlaBreachService>();
        services.AddSingleton<ConnectionTelemetryService>();
        services.AddSingleton<ExceptionQueueService>();
        services.AddSingleton<TelemetryIngestionService>();
        services.AddTelemetryRateLimiting(configuration);
        // Register CSV exports (ADR-025).
        services.AddSingleton<Features.Exports.RegisterExportService>();
        services.AddSingleton<Features.Exports.IntegrationExportService>();
        return services;
    }
}
