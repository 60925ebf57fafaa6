using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Programs;
using Portal.Core.Reviews;

namespace Portal.Data.Configurations;

internal sealed class AdoptionBaselineConfiguration : IEntityTypeConfiguration<AdoptionBaseline>
{
    public void Configure(EntityTypeBuilder<AdoptionBaseline> builder)
    {
        builder.ToTable("AdoptionBaselines");
        builder.HasKey(b => b.Id);
        builder.HasIndex(b => b.ProgramId).IsUnique(); // one baseline per program
        builder.Property(b => b.ReconciliationHoursPerMonth).HasPrecision(9, 2);
        builder.Property(b => b.TargetSharePercent).HasPrecision(5, 2);
        builder.Property(b => b.Notes).HasMaxLength(AdoptionBaseline.MaxNotesLength).IsRequired();
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.HasOne<PortalProgram>().WithMany().HasForeignKey(b => b.ProgramId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AdoptionReviewConfiguration : IEntityTypeConfiguration<AdoptionReview>
{
    public void Configure(EntityTypeBuilder<AdoptionReview> builder)
    {
        builder.ToTable("AdoptionReviews");
        builder.HasKey(r => r.Id);
        // One review per program and day: two scheduling runs racing cannot both create the 30-day review.
        builder.HasIndex(r => new { r.ProgramId, r.Day }).IsUnique();
        // The reminder job reads reviews by due date across programs.
        builder.HasIndex(r => r.DueDate);
        builder.Property(r => r.NewProcessSharePercent).HasPrecision(5, 2);
        builder.Property(r => r.ReconciliationHours).HasPrecision(9, 2);
        builder.Property(r => r.Version).IsConcurrencyToken();
        // Findings are a short list read and written with the review; JSON keeps them in one column on both providers.
        builder.Property<List<string>>("_findings").HasColumnName("Findings").IsRequired()
            .HasConversion(
                v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
                v => JsonSerializer.Deserialize<List<string>>(v, (JsonSerializerOptions?)null) ?? new List<string>(),
                new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode())), v => v.ToList()));
        builder.Ignore(r => r.Findings);
        builder.Ignore(r => r.Measures);
        builder.Ignore(r => r.IsStarted);
        builder.Ignore(r => r.IsCompleted);
        builder.Ignore(r => r.ReminderKey);
        builder.Ignore(r => r.OverdueKey);
        builder.Ignore(r => r.Title);
        builder.HasOne<PortalProgram>().WithMany().HasForeignKey(r => r.ProgramId).OnDelete(DeleteBehavior.Cascade);

        builder.HasMany(r => r.SignOffs).WithOne().HasForeignKey(s => s.AdoptionReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Actions).WithOne().HasForeignKey(a => a.AdoptionReviewId).OnDelete(DeleteBehavior.Cascade);
        // Always loaded: status and "started" are derived from them wherever a review is read.
        builder.Navigation(r => r.SignOffs).HasField("_signOffs").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.Navigation(r => r.Actions).HasField("_actions").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
    }
}

internal sealed class ReinforcementActionConfiguration : IEntityTypeConfiguration<ReinforcementAction>
{
    public void Configure(EntityTypeBuilder<ReinforcementAction> builder)
    {
        builder.ToTable("ReinforcementActions");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Team).HasMaxLength(ReinforcementAction.MaxTeamLength).IsRequired();
        builder.Property(a => a.Action).HasMaxLength(ReinforcementAction.MaxActionLength).IsRequired();
        // No foreign key to the user: the owner named on an action outlives the account, like a signer.
        builder.Property(a => a.OwnerUserId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.DoneNote).HasMaxLength(ReinforcementAction.MaxNoteLength).IsRequired();
        builder.Ignore(a => a.ReminderKey);
        builder.Ignore(a => a.OverdueKey);
        // The action reminder job reads open actions by due date across programs.
        builder.HasIndex(a => new { a.Status, a.DueDate });
        builder.HasIndex(a => a.ProgramId);
    }
}
