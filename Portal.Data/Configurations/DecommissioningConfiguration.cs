using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Decommissioning;
using Portal.Core.Programs;

namespace Portal.Data.Configurations;

internal sealed class LegacyWorkaroundConfiguration : IEntityTypeConfiguration<LegacyWorkaround>
{
    public void Configure(EntityTypeBuilder<LegacyWorkaround> builder)
    {
        builder.ToTable("LegacyWorkarounds");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Name).HasMaxLength(LegacyWorkaround.MaxNameLength).IsRequired();
        builder.Property(w => w.ProcessArea).HasMaxLength(LegacyWorkaround.MaxProcessAreaLength).IsRequired();
        // No foreign key to the user: like a signer, the owner named on a decommissioned workaround outlives the account.
        builder.Property(w => w.OwnerUserId).HasMaxLength(450).IsRequired();
        builder.Property(w => w.ReplacedBy).HasMaxLength(LegacyWorkaround.MaxReplacedByLength).IsRequired();
        builder.Property(w => w.Evidence).HasMaxLength(LegacyWorkaround.MaxEvidenceLength).IsRequired();
        builder.Property(w => w.Version).IsConcurrencyToken();
        builder.Ignore(w => w.Confirmation);
        builder.Ignore(w => w.IsDecommissioned);
        builder.Ignore(w => w.OverdueKey);
        builder.HasIndex(w => new { w.ProgramId, w.Name }).IsUnique();
        // The overdue job reads workarounds by date across programs.
        builder.HasIndex(w => w.DecommissionDate);
        builder.HasOne<PortalProgram>().WithMany().HasForeignKey(w => w.ProgramId).OnDelete(DeleteBehavior.Cascade);

        builder.HasMany(w => w.SignOffs).WithOne().HasForeignKey(s => s.LegacyWorkaroundId).OnDelete(DeleteBehavior.Cascade);
        // Always loaded: the status is derived from them wherever a workaround is read.
        builder.Navigation(w => w.SignOffs).HasField("_signOffs").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
    }
}
