using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Programs;
using Portal.Core.Uat;

namespace Portal.Data.Configurations;

internal sealed class UatScenarioConfiguration : IEntityTypeConfiguration<UatScenario>
{
    public void Configure(EntityTypeBuilder<UatScenario> builder)
    {
        builder.ToTable("UatScenarios");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Key).HasMaxLength(UatScenario.MaxKeyLength).IsRequired();
        builder.Property(s => s.Title).HasMaxLength(UatScenario.MaxTitleLength).IsRequired();
        builder.Property(s => s.ProcessArea).HasMaxLength(UatScenario.MaxProcessAreaLength).IsRequired();
        builder.Property(s => s.Criticality).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.LinkedTo).HasMaxLength(UatScenario.MaxLinkedToLength).IsRequired();
        builder.HasIndex(s => new { s.ProgramId, s.Key }).IsUnique();
        builder.HasOne<PortalProgram>().WithMany().HasForeignKey(s => s.ProgramId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UatCycleConfiguration : IEntityTypeConfiguration<UatCycle>
{
    public void Configure(EntityTypeBuilder<UatCycle> builder)
    {
        builder.ToTable("UatCycles");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(UatCycle.MaxNameLength).IsRequired();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(c => new { c.ProgramId, c.Name }).IsUnique();
        builder.HasOne<PortalProgram>().WithMany().HasForeignKey(c => c.ProgramId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UatExecutionConfiguration : IEntityTypeConfiguration<UatExecution>
{
    public void Configure(EntityTypeBuilder<UatExecution> builder)
    {
        builder.ToTable("UatExecutions");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Tester).HasMaxLength(UatExecution.MaxTesterLength).IsRequired();
        builder.Property(e => e.Notes).HasMaxLength(UatExecution.MaxNotesLength).IsRequired();
        builder.Property(e => e.DefectReference).HasMaxLength(UatExecution.MaxDefectLength).IsRequired();
        builder.Property(e => e.RecordedByUserId).HasMaxLength(450).IsRequired();
        // One run per scenario, cycle and instant: what makes a re-import find the run it already holds (the page's
        // latest-status query reads the same index).
        builder.HasIndex(e => new { e.CycleId, e.ScenarioId, e.ExecutedUtc }).IsUnique();
        builder.HasIndex(e => e.ProgramId);
        builder.HasOne<PortalProgram>().WithMany().HasForeignKey(e => e.ProgramId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<UatScenario>().WithMany().HasForeignKey(e => e.ScenarioId).OnDelete(DeleteBehavior.Cascade);
        // Restrict twice over would make two cascade paths from a program on some providers; cycles cascade too.
        builder.HasOne<UatCycle>().WithMany().HasForeignKey(e => e.CycleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UatGateConfiguration : IEntityTypeConfiguration<UatGate>
{
    public void Configure(EntityTypeBuilder<UatGate> builder)
    {
        builder.ToTable("UatGates");
        builder.HasKey(g => g.ProgramId);
        builder.Property(g => g.ProgramId).ValueGeneratedNever();
        builder.Property(g => g.Coverage).HasPrecision(4, 1);
        builder.Property(g => g.CriticalPass).HasPrecision(4, 1);
        builder.Property(g => g.Pass).HasPrecision(4, 1);
        builder.Ignore(g => g.Thresholds);
        builder.HasOne<PortalProgram>().WithOne().HasForeignKey<UatGate>(g => g.ProgramId).OnDelete(DeleteBehavior.Cascade);
    }
}
