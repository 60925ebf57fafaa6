using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Programs;
using Portal.Core.SystemOfRecord;

namespace Portal.Data.Configurations;

internal sealed class SystemOfRecordEntryConfiguration : IEntityTypeConfiguration<SystemOfRecordEntry>
{
    public void Configure(EntityTypeBuilder<SystemOfRecordEntry> builder)
    {
        builder.ToTable("SystemOfRecordEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Domain).HasMaxLength(SystemOfRecordEntry.MaxDomainLength).IsRequired();
        builder.Property(e => e.DomainKey).HasMaxLength(SystemOfRecordEntry.MaxDomainLength).IsRequired();
        builder.Property(e => e.AuthoritativeSystem).HasMaxLength(SystemOfRecordEntry.MaxSystemLength).IsRequired();
        // No foreign key to the user: like a signature's signer, the owner named in an agreed entry outlives the account.
        builder.Property(e => e.DecisionOwnerUserId).HasMaxLength(450).IsRequired();
        builder.Property(e => e.EscalationPath).HasMaxLength(SystemOfRecordEntry.MaxEscalationPathLength).IsRequired();
        builder.Property(e => e.Notes).HasMaxLength(SystemOfRecordEntry.MaxNotesLength).IsRequired();
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Ignore(e => e.Status);
        builder.Ignore(e => e.Agreement);
        // One entry per domain and program; the service checks first, the index catches two people adding it at once.
        builder.HasIndex(e => new { e.ProgramId, e.DomainKey }).IsUnique();
        builder.HasOne<PortalProgram>().WithMany().HasForeignKey(e => e.ProgramId).OnDelete(DeleteBehavior.Cascade);

        builder.HasMany(e => e.SignOffs).WithOne().HasForeignKey(s => s.SystemOfRecordEntryId).OnDelete(DeleteBehavior.Cascade);
        // Always loaded: the status is derived from them wherever an entry is read.
        builder.Navigation(e => e.SignOffs).HasField("_signOffs").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
    }
}
