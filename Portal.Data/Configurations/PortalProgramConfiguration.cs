using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Programs;
using Portal.Data.Identity;

namespace Portal.Data.Configurations;

internal sealed class PortalProgramConfiguration : IEntityTypeConfiguration<PortalProgram>
{
    public void Configure(EntityTypeBuilder<PortalProgram> builder)
    {
        builder.ToTable("Programs");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(PortalProgram.MaxNameLength).IsRequired();
        builder.Property(p => p.Description).HasMaxLength(PortalProgram.MaxDescriptionLength).IsRequired();
        builder.HasIndex(p => p.Name).IsUnique();

        // Systems are a short list of names; one delimited column keeps reads to a single row.
        builder.Property<List<string>>("_systems")
            .HasColumnName("Systems")
            .HasMaxLength(SystemKinds.MaxSystems * (SystemKinds.MaxNameLength + 1))
            .HasConversion(
                v => string.Join(';', v),
                v => v.Split(';', StringSplitOptions.RemoveEmptyEntries).ToList(),
                new ValueComparer<List<string>>(
                    (a, b) => a!.SequenceEqual(b!),
                    v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode())),
                    v => v.ToList()));
        builder.Ignore(p => p.Systems);

        builder.Property(p => p.TotalBudget).HasPrecision(18, 2);
        builder.Property(p => p.ChangeBudget).HasPrecision(18, 2);
        builder.Ignore(p => p.ChangeBudgetShare);
        builder.HasMany(p => p.Phases).WithOne().HasForeignKey(ph => ph.ProgramId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Phases).HasField("_phases").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasMany(p => p.Members).WithOne().HasForeignKey(m => m.ProgramId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Members).HasField("_members").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ProgramMemberConfiguration : IEntityTypeConfiguration<ProgramMember>
{
    public void Configure(EntityTypeBuilder<ProgramMember> builder)
    {
        builder.ToTable("ProgramMembers");
        builder.HasKey(m => new { m.ProgramId, m.UserId });
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(30);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.UserId);
    }
}
