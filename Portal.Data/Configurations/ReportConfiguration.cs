using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Programs;
using Portal.Core.Reports;
using Portal.Data.Identity;

namespace Portal.Data.Configurations;

internal sealed class ReportSubscriptionConfiguration : IEntityTypeConfiguration<ReportSubscription>
{
    public void Configure(EntityTypeBuilder<ReportSubscription> builder)
    {
        builder.ToTable("ReportSubscriptions");
        builder.HasKey(s => s.Id);
        // One subscription per person and program: the day can change, a second order cannot exist.
        builder.HasIndex(s => new { s.ProgramId, s.UserId }).IsUnique();
        builder.HasIndex(s => s.UserId);
        builder.Property(s => s.UserId).HasMaxLength(450).IsRequired();
        builder.HasOne<PortalProgram>().WithMany().HasForeignKey(s => s.ProgramId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportFileConfiguration : IEntityTypeConfiguration<ReportFile>
{
    public void Configure(EntityTypeBuilder<ReportFile> builder)
    {
        builder.ToTable("ReportFiles");
        builder.HasKey(f => f.Id);
        builder.HasIndex(f => new { f.OwnerUserId, f.CreatedUtc });
        builder.HasIndex(f => f.ExpiresUtc);
        // Exactly one file per subscription and week, even when two nodes or two runs race (null pairs do not collide).
        builder.HasIndex(f => new { f.SubscriptionId, f.DueDate }).IsUnique();
        builder.Property(f => f.OwnerUserId).HasMaxLength(450).IsRequired();
        builder.Property(f => f.Title).HasMaxLength(ReportFile.MaxTitleLength).IsRequired();
        builder.Property(f => f.FileName).HasMaxLength(ReportFile.MaxFileNameLength).IsRequired();
        builder.Property(f => f.Content).IsRequired();
        builder.HasOne<PortalProgram>().WithMany().HasForeignKey(f => f.ProgramId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(f => f.OwnerUserId).OnDelete(DeleteBehavior.Cascade);
        // A file outlives its subscription: unsubscribing keeps the reports already made until they expire.
        builder.HasOne<ReportSubscription>().WithMany().HasForeignKey(f => f.SubscriptionId).OnDelete(DeleteBehavior.SetNull);
    }
}
