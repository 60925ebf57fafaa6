using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Playbooks;
using Portal.Core.Programs;
using Portal.Core.Stakeholders;
using Portal.Data.Identity;

namespace Portal.Data.Configurations;

internal sealed class PlaybookConfiguration : IEntityTypeConfiguration<Playbook>
{
    public void Configure(EntityTypeBuilder<Playbook> builder)
    {
        builder.ToTable("Playbooks");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(Playbook.MaxNameLength).IsRequired();
        builder.Property(p => p.ResistanceType).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Principle).HasMaxLength(Playbook.MaxPrincipleLength).IsRequired();
        builder.Property(p => p.BuiltInKey).HasMaxLength(Playbook.MaxBuiltInKeyLength);
        builder.Property(p => p.RevisedBy).HasMaxLength(200);
        builder.Property(p => p.Version).IsConcurrencyToken();
        // One copy of each built-in per program: two people applying it for the first time at once cannot make two.
        builder.HasIndex(p => new { p.ProgramId, p.BuiltInKey }).IsUnique();
        builder.HasOne<PortalProgram>().WithMany().HasForeignKey(p => p.ProgramId).OnDelete(DeleteBehavior.Cascade);
        builder.OwnsMany(p => p.Steps, s =>
        {
            s.ToTable("PlaybookSteps");
            s.WithOwner().HasForeignKey("PlaybookId");
            s.Property<int>("Id");
            s.HasKey("Id");
            s.Property(x => x.Title).HasMaxLength(PlaybookStep.MaxTitleLength).IsRequired();
            s.Property(x => x.Guidance).HasMaxLength(PlaybookStep.MaxGuidanceLength).IsRequired();
        });
        builder.Navigation(p => p.Steps).HasField("_steps").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(p => p.IsBuiltIn);
    }
}

internal sealed class PlaybookApplicationConfiguration : IEntityTypeConfiguration<PlaybookApplication>
{
    public void Configure(EntityTypeBuilder<PlaybookApplication> builder)
    {
        builder.ToTable("PlaybookApplications", t => t.HasCheckConstraint("CK_PlaybookApplications_OneTarget",
            "(\"GroupId\" IS NULL AND \"PersonId\" IS NOT NULL) OR (\"GroupId\" IS NOT NULL AND \"PersonId\" IS NULL)"));
        builder.HasKey(a => a.Id);
        builder.Property(a => a.PlaybookName).HasMaxLength(Playbook.MaxNameLength).IsRequired();
        builder.Property(a => a.ResistanceType).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.TargetKind).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.TargetName).HasMaxLength(StakeholderPerson.MaxNameLength).IsRequired();
        builder.Property(a => a.SupportBefore).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.AppliedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.AppliedByName).HasMaxLength(200).IsRequired();
        builder.HasIndex(a => new { a.ProgramId, a.AppliedUtc });
        builder.HasOne<PortalProgram>().WithMany().HasForeignKey(a => a.ProgramId).OnDelete(DeleteBehavior.Cascade);
        // Playbooks are never deleted while applied: what was done must stay readable.
        builder.HasOne<Playbook>().WithMany().HasForeignKey(a => a.PlaybookId).OnDelete(DeleteBehavior.Restrict);
        // Removing a stakeholder from the map takes what was applied to them along; the audit trail keeps the record.
        builder.HasOne<StakeholderGroup>().WithMany().HasForeignKey(a => a.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StakeholderPerson>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Actions).WithOne().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Actions).HasField("_actions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(a => a.TargetId);
    }
}

internal sealed class PlaybookActionConfiguration : IEntityTypeConfiguration<PlaybookAction>
{
    public void Configure(EntityTypeBuilder<PlaybookAction> builder)
    {
        builder.ToTable("PlaybookActions");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Title).HasMaxLength(PlaybookStep.MaxTitleLength).IsRequired();
        builder.Property(a => a.Guidance).HasMaxLength(PlaybookStep.MaxGuidanceLength).IsRequired();
        builder.Property(a => a.OwnerUserId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(a => a.OutcomeNote).HasMaxLength(PlaybookAction.MaxOutcomeLength).IsRequired();
        builder.Property(a => a.UpdatedBy).HasMaxLength(200);
        builder.Property(a => a.Version).IsConcurrencyToken();
        // "My actions" reads by owner; the program's overdue count by program, both narrowed by status and due date.
        builder.HasIndex(a => new { a.OwnerUserId, a.Status, a.DueDate });
        builder.HasIndex(a => new { a.ProgramId, a.Status, a.DueDate });
        builder.HasOne<PortalProgram>().WithMany().HasForeignKey(a => a.ProgramId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(a => a.IsClosed);
    }
}
