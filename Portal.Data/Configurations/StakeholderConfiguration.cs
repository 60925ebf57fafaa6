using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Programs;
using Portal.Core.Stakeholders;

namespace Portal.Data.Configurations;

internal sealed class StakeholderGroupConfiguration : IEntityTypeConfiguration<StakeholderGroup>
{
    public void Configure(EntityTypeBuilder<StakeholderGroup> builder)
    {
        builder.ToTable("StakeholderGroups");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Name).HasMaxLength(StakeholderGroup.MaxNameLength).IsRequired();
        builder.Property(g => g.Description).HasMaxLength(StakeholderGroup.MaxDescriptionLength).IsRequired();
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.HasIndex(g => new { g.ProgramId, g.Name }).IsUnique();
        builder.HasOne<PortalProgram>().WithMany().HasForeignKey(g => g.ProgramId).OnDelete(DeleteBehavior.Cascade);
        // The current assessment lives on the group row, so the map reads one row per group and never the history.
        builder.OwnsOne(g => g.Current, a => AssessmentColumns.Map(a, "Current_"));
        builder.HasMany(g => g.History).WithOne().HasForeignKey(r => r.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(g => g.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class StakeholderPersonConfiguration : IEntityTypeConfiguration<StakeholderPerson>
{
    public void Configure(EntityTypeBuilder<StakeholderPerson> builder)
    {
        builder.ToTable("StakeholderPeople");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(StakeholderPerson.MaxNameLength).IsRequired();
        builder.Property(p => p.Title).HasMaxLength(StakeholderPerson.MaxTitleLength).IsRequired();
        builder.Property(p => p.Email).HasMaxLength(StakeholderPerson.MaxEmailLength).IsRequired();
        builder.Property(p => p.ProcessArea).HasMaxLength(StakeholderPerson.MaxProcessAreaLength).IsRequired();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.ProgramId, p.Email }).IsUnique();
        // Map queries count a group's inheriting members and pick out individually assessed people.
        builder.HasIndex(p => new { p.ProgramId, p.GroupId, p.IsAssessedIndividually });
        builder.HasOne<PortalProgram>().WithMany().HasForeignKey(p => p.ProgramId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StakeholderGroup>().WithMany().HasForeignKey(p => p.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.OwnsOne(p => p.Own, a => AssessmentColumns.Map(a, "Own_"));
        builder.HasMany(p => p.History).WithOne().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AssessmentRecordConfiguration : IEntityTypeConfiguration<AssessmentRecord>
{
    public void Configure(EntityTypeBuilder<AssessmentRecord> builder)
    {
        builder.ToTable("StakeholderAssessments", t => t.HasCheckConstraint("CK_StakeholderAssessments_OneSubject",
            "(\"GroupId\" IS NULL AND \"PersonId\" IS NOT NULL) OR (\"GroupId\" IS NOT NULL AND \"PersonId\" IS NULL)"));
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => r.ProgramId);
        builder.HasOne<PortalProgram>().WithMany().HasForeignKey(r => r.ProgramId).OnDelete(DeleteBehavior.Cascade);
        builder.OwnsOne(r => r.Assessment, a => AssessmentColumns.Map(a, ""));
        builder.Navigation(r => r.Assessment).IsRequired();
    }
}

/// <summary>The same assessment columns on three tables: the group's current, the person's own, and the history row.</summary>
internal static class AssessmentColumns
{
    public static void Map<TOwner>(OwnedNavigationBuilder<TOwner, Assessment> a, string prefix) where TOwner : class
    {
        a.Property(x => x.Influence).HasColumnName(prefix + "Influence");
        a.Property(x => x.Impact).HasColumnName(prefix + "Impact");
        a.Property(x => x.CurrentSupport).HasColumnName(prefix + "CurrentSupport").HasConversion<string>().HasMaxLength(20);
        a.Property(x => x.TargetSupport).HasColumnName(prefix + "TargetSupport").HasConversion<string>().HasMaxLength(20);
        a.Property(x => x.ResistanceType).HasColumnName(prefix + "ResistanceType").HasConversion<string>().HasMaxLength(30);
        a.Property(x => x.Gains).HasColumnName(prefix + "Gains");
        a.Property(x => x.GainsNote).HasColumnName(prefix + "GainsNote").HasMaxLength(Assessment.MaxNoteLength);
        a.Property(x => x.Losses).HasColumnName(prefix + "Losses");
        a.Property(x => x.LossesNote).HasColumnName(prefix + "LossesNote").HasMaxLength(Assessment.MaxNoteLength);
        a.Property(x => x.IsEarlyAdopter).HasColumnName(prefix + "IsEarlyAdopter");
        a.Property(x => x.Notes).HasColumnName(prefix + "Notes").HasMaxLength(Assessment.MaxNotesLength);
        a.Property(x => x.AssessedUtc).HasColumnName(prefix + "AssessedUtc");
        a.Property(x => x.AssessedByUserId).HasColumnName(prefix + "AssessedByUserId").HasMaxLength(450);
        a.Property(x => x.AssessedByName).HasColumnName(prefix + "AssessedByName").HasMaxLength(Assessment.MaxAssessorNameLength);
        a.Ignore(x => x.SupportGap);
        a.Ignore(x => x.IsHotspot);
    }
}
