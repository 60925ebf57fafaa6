using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Programs;
using Portal.Core.Sponsorship;

namespace Portal.Data.Configurations;

internal sealed class SponsorshipActionConfiguration : IEntityTypeConfiguration<SponsorshipAction>
{
    public void Configure(EntityTypeBuilder<SponsorshipAction> builder)
    {
        builder.ToTable("SponsorshipActions");
        builder.HasKey(a => a.Id);
        // The scorecard reads a program's actions by date (cadence, silent months), for many programs at once.
        builder.HasIndex(a => new { a.ProgramId, a.Date });
        builder.Property(a => a.SponsorUserId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.SponsorName).HasMaxLength(SponsorshipAction.MaxNameLength).IsRequired();
        builder.Property(a => a.Note).HasMaxLength(SponsorshipAction.MaxNoteLength).IsRequired();
        builder.HasOne<PortalProgram>().WithMany().HasForeignKey(a => a.ProgramId).OnDelete(DeleteBehavior.Cascade);
    }
}
