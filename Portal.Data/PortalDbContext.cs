using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portal.Core.Auditing;
using Portal.Core.Decommissioning;
using Portal.Core.Integration;
using Portal.Core.Milestones;
using Portal.Core.Notifications;
using Portal.Core.Operations;
using Portal.Core.Playbooks;
using Portal.Core.Programs;
using Portal.Core.Reports;
using Portal.Core.Reviews;
using Portal.Core.Sponsorship;
using Portal.Core.Security;
using Portal.Core.SystemOfRecord;
using Portal.Core.Stakeholders;
using Portal.Core.Training;
using Portal.Core.Uat;
using Portal.Data.Auditing;
using Portal.Data.DataProtection;
using Portal.Data.Identity;

namespace Portal.Data;

public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : IdentityDbContext<PortalUser>(options)
{
    public DbSet<PortalProgram> Programs => Set<PortalProgram>();
    public DbSet<ProgramMember> ProgramMembers => Set<ProgramMember>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    public DbSet<Phase> Phases => Set<Phase>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<Criterion> Criteria => Set<Criterion>();
    public DbSet<SignOff> SignOffs => Set<SignOff>();
    public DbSet<PersonalApiToken> PersonalApiTokens => Set<PersonalApiToken>();
    public DbSet<SavedProgramTemplate> ProgramTemplates => Set<SavedProgramTemplate>();
    public DbSet<SystemOfRecordEntry> SystemOfRecordEntries => Set<SystemOfRecordEntry>();
    public DbSet<StakeholderGroup> StakeholderGroups => Set<StakeholderGroup>();
    public DbSet<StakeholderPerson> StakeholderPeople => Set<StakeholderPerson>();
    public DbSet<AssessmentRecord> StakeholderAssessments => Set<AssessmentRecord>();
    public DbSet<Playbook> Playbooks => Set<Playbook>();
    public DbSet<PlaybookApplication> PlaybookApplications => Set<PlaybookApplication>();
    public DbSet<PlaybookAction> PlaybookActions => Set<PlaybookAction>();
    public DbSet<TrainingCourse> TrainingCourses => Set<TrainingCourse>();
    public DbSet<TrainingSession> TrainingSessions => Set<TrainingSession>();
    public DbSet<TrainingRecord> TrainingRecords => Set<TrainingRecord>();
    public DbSet<TrainingSettings> TrainingSettings => Set<TrainingSettings>();
    public DbSet<UatScenario> UatScenarios => Set<UatScenario>();
    public DbSet<UatCycle> UatCycles => Set<UatCycle>();
    public DbSet<UatExecution> UatExecutions => Set<UatExecution>();
    public DbSet<UatGate> UatGates => Set<UatGate>();
    public DbSet<LegacyWorkaround> LegacyWorkarounds => Set<LegacyWorkaround>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<OutgoingEmail> OutgoingEmails => Set<OutgoingEmail>();
    public DbSet<AdoptionBaseline> AdoptionBaselines => Set<AdoptionBaseline>();
    public DbSet<AdoptionReview> AdoptionReviews => Set<AdoptionReview>();
    public DbSet<ReinforcementAction> ReinforcementActions => Set<ReinforcementAction>();
    public DbSet<SponsorshipAction> SponsorshipActions => Set<SponsorshipAction>();
    public DbSet<Connection> Connections => Set<Connection>();
    public DbSet<SyncRun> SyncRuns => Set<SyncRun>();
    public DbSet<ReconciliationException> ReconciliationExceptions => Set<ReconciliationException>();
    public DbSet<ReconciliationComment> ReconciliationComments => Set<ReconciliationComment>();
    public DbSet<IngestionKey> IngestionKeys => Set<IngestionKey>();
    public DbSet<TelemetryBucket> TelemetryBuckets => Set<TelemetryBucket>();
    public DbSet<TelemetryDayBucket> TelemetryDayBuckets => Set<TelemetryDayBucket>();
    public DbSet<TelemetryRollupState> TelemetryRollupStates => Set<TelemetryRollupState>();
    public DbSet<ConnectionRunState> ConnectionRunStates => Set<ConnectionRunState>();
    public DbSet<SlaBreach> SlaBreaches => Set<SlaBreach>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ReportSubscription> ReportSubscriptions => Set<ReportSubscription>();
    public DbSet<ReportFile> ReportFiles => Set<ReportFile>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no offset-aware time type and cannot compare DateTimeOffset in SQL; store UTC ticks
        // so range queries and ordering run in the database on both providers.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: audit entries are sealed asynchronously.");

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        AuditSealer.SaveWithSealedAuditAsync(this, () => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken), cancellationToken);

    private sealed class DateTimeOffsetToUtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));
}
