using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Programs;
using Portal.Core.Stakeholders;
using Portal.Core.Training;

namespace Portal.Data.Configurations;

internal sealed class TrainingCourseConfiguration : IEntityTypeConfiguration<TrainingCourse>
{
    public void Configure(EntityTypeBuilder<TrainingCourse> builder)
    {
        builder.ToTable("TrainingCourses", t => t.HasCheckConstraint("CK_TrainingCourses_AtMostOneAudience",
            "\"AudienceGroupId\" IS NULL OR \"AudienceRole\" IS NULL"));
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Code).HasMaxLength(TrainingCourse.MaxCodeLength).IsRequired();
        builder.Property(c => c.Title).HasMaxLength(TrainingCourse.MaxTitleLength).IsRequired();
        builder.Property(c => c.Description).HasMaxLength(TrainingCourse.MaxDescriptionLength).IsRequired();
        builder.Property(c => c.AudienceRole).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.Audience);
        // Codes are stored upper-cased, so a plain unique index is the case-insensitive rule imports rely on.
        builder.HasIndex(c => new { c.ProgramId, c.Code }).IsUnique();
        builder.HasOne<PortalProgram>().WithMany().HasForeignKey(c => c.ProgramId).OnDelete(DeleteBehavior.Cascade);
        // Removing a stakeholder group keeps its courses and their completions; the course shows "no audience" until reassigned.
        builder.HasOne<StakeholderGroup>().WithMany().HasForeignKey(c => c.AudienceGroupId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> builder)
    {
        builder.ToTable("TrainingSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Trainer).HasMaxLength(TrainingSession.MaxTrainerLength).IsRequired();
        builder.Property(s => s.Location).HasMaxLength(TrainingSession.MaxLocationLength).IsRequired();
        builder.HasIndex(s => new { s.ProgramId, s.Date });
        builder.HasOne<PortalProgram>().WithMany().HasForeignKey(s => s.ProgramId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<TrainingCourse>().WithMany().HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrainingRecordConfiguration : IEntityTypeConfiguration<TrainingRecord>
{
    public void Configure(EntityTypeBuilder<TrainingRecord> builder)
    {
        builder.ToTable("TrainingRecords");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Email).HasMaxLength(StakeholderPerson.MaxEmailLength).IsRequired();
        builder.Property(r => r.Score).HasPrecision(5, 2);
        builder.Ignore(r => r.IsCompleted);
        // One enrolment per person and course: the key an LMS re-export is matched on.
        builder.HasIndex(r => new { r.ProgramId, r.CourseId, r.Email }).IsUnique();
        builder.HasOne<PortalProgram>().WithMany().HasForeignKey(r => r.ProgramId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<TrainingCourse>().WithMany().HasForeignKey(r => r.CourseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrainingSettingsConfiguration : IEntityTypeConfiguration<TrainingSettings>
{
    public void Configure(EntityTypeBuilder<TrainingSettings> builder)
    {
        builder.ToTable("TrainingSettings");
        builder.HasKey(s => s.ProgramId);
        builder.Property(s => s.ProgramId).ValueGeneratedNever();
        builder.Property(s => s.ThresholdPercent).HasPrecision(4, 1);
        builder.HasOne<PortalProgram>().WithOne().HasForeignKey<TrainingSettings>(s => s.ProgramId).OnDelete(DeleteBehavior.Cascade);
    }
}
