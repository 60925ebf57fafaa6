using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Integration;
using Portal.Core.Programs;

namespace Portal.Data.Configurations;

internal sealed class ConnectionConfiguration : IEntityTypeConfiguration<Connection>
{
    public void Configure(EntityTypeBuilder<Connection> builder)
    {
        builder.ToTable("IntegrationConnections");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Key).HasMaxLength(Connection.MaxKeyLength).IsRequired();
        builder.Property(c => c.Name).HasMaxLength(Connection.MaxNameLength).IsRequired();
        builder.Property(c => c.SourceSystem).HasMaxLength(Connection.MaxSystemLength).IsRequired();
        builder.Property(c => c.TargetSystem).HasMaxLength(Connection.MaxSystemLength).IsRequired();
        builder.Property(c => c.DataDomain).HasMaxLength(Connection.MaxDataDomainLength).IsRequired();
        builder.Property(c => c.ErrorRateSlaPercent).HasPrecision(5, 2);
        // No foreign key to the user: the owner named on a connection outlives the account, as on other registers.
        builder.Property(c => c.OwnerUserId).HasMaxLength(450).IsRequired();
        builder.Ignore(c => c.ExpectedInterval);
        // Telemetry names a connection by key alone, so keys are unique across programs.
        builder.HasIndex(c => c.Key).IsUnique();
        builder.HasIndex(c => c.ProgramId);
        builder.HasOne<PortalProgram>().WithMany().HasForeignKey(c => c.ProgramId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SyncRunConfiguration : IEntityTypeConfiguration<SyncRun>
{
    public void Configure(EntityTypeBuilder<SyncRun> builder)
    {
        builder.ToTable("SyncRuns");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.RunId).HasMaxLength(TelemetryRules.MaxIdLength).IsRequired();
        builder.Property(r => r.ErrorCode).HasMaxLength(SyncRun.MaxErrorCodeLength);
        builder.Property(r => r.ErrorMessage).HasMaxLength(SyncRun.MaxErrorMessageLength);
        builder.Property(r => r.ReplayOf).HasMaxLength(TelemetryRules.MaxIdLength);
        builder.Ignore(r => r.Duration);
        builder.Ignore(r => r.IsSuccess);
        // Idempotency: one run per connection and run id; ingestion reads the batch's ids through it in one query.
        builder.HasIndex(r => new { r.ConnectionId, r.RunId }).IsUnique();
        // Health (last success, failures since) and the run history page read a connection's runs by finish time.
        builder.HasIndex(r => new { r.ConnectionId, r.FinishedUtc });
        // The run history filtered by status reads one page through it instead of skipping other statuses (ADR-022).
        builder.HasIndex(r => new { r.ConnectionId, r.Status, r.FinishedUtc });
        builder.HasOne<Connection>().WithMany().HasForeignKey(r => r.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReconciliationExceptionConfiguration : IEntityTypeConfiguration<ReconciliationException>
{
    public void Configure(EntityTypeBuilder<ReconciliationException> builder)
    {
        builder.ToTable("ReconciliationExceptions");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ExceptionId).HasMaxLength(TelemetryRules.MaxIdLength).IsRequired();
        builder.Property(e => e.ObjectType).HasMaxLength(ReconciliationException.MaxObjectTypeLength).IsRequired();
        builder.Property(e => e.ObjectKey).HasMaxLength(ReconciliationException.MaxObjectKeyLength).IsRequired();
        builder.Property(e => e.SourceValue).HasMaxLength(ReconciliationException.MaxValueLength).IsRequired();
        builder.Property(e => e.TargetValue).HasMaxLength(ReconciliationException.MaxValueLength).IsRequired();
        builder.Property(e => e.AmountDelta).HasPrecision(18, ReconciliationException.AmountScale);
        builder.Property(e => e.Currency).HasMaxLength(3);
        builder.HasIndex(e => new { e.ConnectionId, e.ExceptionId }).IsUnique();
        builder.HasIndex(e => new { e.ConnectionId, e.DetectedUtc });
        builder.HasOne<Connection>().WithMany().HasForeignKey(e => e.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        // The queue: open ones, oldest first (ADR-023).
        builder.Property(e => e.State).HasDefaultValue(ExceptionState.Open).HasSentinel(0);
        builder.Property(e => e.AssignedUserId).HasMaxLength(450);
        builder.Property(e => e.ResolvedByUserId).HasMaxLength(450);
        builder.Ignore(e => e.IsOpen);
        builder.HasIndex(e => new { e.State, e.DetectedUtc });
    }
}

internal sealed class ReconciliationCommentConfiguration : IEntityTypeConfiguration<ReconciliationComment>
{
    public void Configure(EntityTypeBuilder<ReconciliationComment> builder)
    {
        builder.ToTable("ReconciliationComments");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.AuthorUserId).HasMaxLength(450).IsRequired();
        builder.Property(c => c.Text).HasMaxLength(ReconciliationComment.MaxTextLength).IsRequired();
        builder.HasIndex(c => c.ExceptionId);
        builder.HasOne<ReconciliationException>().WithMany().HasForeignKey(c => c.ExceptionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IngestionKeyConfiguration : IEntityTypeConfiguration<IngestionKey>
{
    public void Configure(EntityTypeBuilder<IngestionKey> builder)
    {
        // A key covers one connection or a source system, never both and never neither.
        builder.ToTable("IngestionKeys", t => t.HasCheckConstraint("CK_IngestionKeys_OneScope",
            "(\"ConnectionId\" IS NULL) <> (\"SourceSystem\" IS NULL)"));
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Name).HasMaxLength(IngestionKey.MaxNameLength).IsRequired();
        builder.Property(k => k.SourceSystem).HasMaxLength(Connection.MaxSystemLength);
        builder.Property(k => k.DisplayPrefix).HasMaxLength(IngestionKey.DisplayPrefixLength).IsRequired();
        builder.Property(k => k.SecretHash).HasMaxLength(IngestionKey.HashLength).IsRequired();
        builder.Property(k => k.CreatedByUserId).HasMaxLength(450).IsRequired();
        builder.Ignore(k => k.IsRevoked);
        builder.Ignore(k => k.ScopeDescription);
        builder.HasIndex(k => k.SecretHash).IsUnique();
        builder.HasIndex(k => k.ProgramId);
        builder.HasOne<PortalProgram>().WithMany().HasForeignKey(k => k.ProgramId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Connection>().WithMany().HasForeignKey(k => k.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TelemetryBucketConfiguration : IEntityTypeConfiguration<TelemetryBucket>
{
    public void Configure(EntityTypeBuilder<TelemetryBucket> builder)
    {
        builder.ToTable("TelemetryHourlyBuckets");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.DurationHistogramText).HasMaxLength(4000).IsRequired();
        builder.Ignore(b => b.Durations);
        // One bucket per connection and hour; metrics read a connection's hours in a window through it.
        builder.HasIndex(b => new { b.ConnectionId, b.HourUtc }).IsUnique();
        builder.HasOne<Connection>().WithMany().HasForeignKey(b => b.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TelemetryDayBucketConfiguration : IEntityTypeConfiguration<TelemetryDayBucket>
{
    public void Configure(EntityTypeBuilder<TelemetryDayBucket> builder)
    {
        // Its own table, not a kind of hourly bucket: queries of hourly buckets must never see days (ADR-026).
        builder.HasBaseType((Type?)null);
        builder.ToTable("TelemetryDailyBuckets");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.HourUtc).HasColumnName("DayUtc");
        builder.Property(b => b.DurationHistogramText).HasMaxLength(4000).IsRequired();
        builder.Ignore(b => b.Durations);
        builder.HasIndex(b => new { b.ConnectionId, b.HourUtc }).IsUnique();
        builder.HasOne<Connection>().WithMany().HasForeignKey(b => b.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConnectionRunStateConfiguration : IEntityTypeConfiguration<ConnectionRunState>
{
    public void Configure(EntityTypeBuilder<ConnectionRunState> builder)
    {
        builder.ToTable("ConnectionRunStates");
        // One row per connection, written in the same transaction as its runs (ADR-026).
        builder.HasKey(s => s.ConnectionId);
        builder.Property(s => s.ConnectionId).ValueGeneratedNever();
        builder.Property(s => s.LastErrorCode).HasMaxLength(SyncRun.MaxErrorCodeLength);
        builder.Ignore(s => s.History);
        builder.HasOne<Connection>().WithOne().HasForeignKey<ConnectionRunState>(s => s.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TelemetryRollupStateConfiguration : IEntityTypeConfiguration<TelemetryRollupState>
{
    public void Configure(EntityTypeBuilder<TelemetryRollupState> builder)
    {
        builder.ToTable("TelemetryRollupState");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        // The row exists from the start, so the rollup's compare-and-set never races an insert.
        builder.HasData(new { Id = TelemetryRollupState.SingletonId, LastRunId = 0L, UpdatedUtc = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), DaysBackfilled = false });
    }
}

internal sealed class SlaBreachConfiguration : IEntityTypeConfiguration<SlaBreach>
{
    public void Configure(EntityTypeBuilder<SlaBreach> builder)
    {
        builder.ToTable("SlaBreaches");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Cause).HasMaxLength(SlaBreach.MaxCauseLength).IsRequired();
        builder.Ignore(b => b.IsOpen);
        builder.HasIndex(b => new { b.ConnectionId, b.StartUtc });
        builder.HasOne<Connection>().WithMany().HasForeignKey(b => b.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
