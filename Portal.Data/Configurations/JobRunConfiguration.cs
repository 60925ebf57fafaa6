using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Operations;

namespace Portal.Data.Configurations;

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.ToTable("JobRuns");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.JobGroup).HasMaxLength(JobRun.MaxNameLength).IsRequired();
        builder.Property(r => r.JobName).HasMaxLength(JobRun.MaxNameLength).IsRequired();
        builder.Property(r => r.FireInstanceId).HasMaxLength(JobRun.MaxNameLength).IsRequired();
        builder.Property(r => r.Node).HasMaxLength(JobRun.MaxNodeLength).IsRequired();
        builder.Property(r => r.Message).HasMaxLength(JobRun.MaxMessageLength);
        builder.Ignore(r => r.Duration);
        builder.HasIndex(r => new { r.JobGroup, r.JobName, r.StartedUtc });
        builder.HasIndex(r => r.FireInstanceId).IsUnique();
    }
}
