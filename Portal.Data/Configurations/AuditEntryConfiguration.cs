using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Auditing;

namespace Portal.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(a => a.Sequence);
        builder.Property(a => a.Sequence).ValueGeneratedNever();
        builder.Property(a => a.ActorUserId).HasMaxLength(450);
        builder.Property(a => a.ActorName).HasMaxLength(AuditEntry.MaxActorNameLength).IsRequired();
        builder.Property(a => a.EntityType).HasMaxLength(AuditEntry.MaxEntityTypeLength).IsRequired();
        builder.Property(a => a.EntityId).HasMaxLength(AuditEntry.MaxEntityIdLength).IsRequired();
        builder.Property(a => a.Action).HasMaxLength(AuditEntry.MaxActionLength).IsRequired();
        builder.Property(a => a.Reason).HasMaxLength(AuditEntry.MaxReasonLength);
        builder.Property(a => a.PreviousHash).HasMaxLength(AuditEntry.HashLength).IsFixedLength().IsRequired();
        builder.Property(a => a.Hash).HasMaxLength(AuditEntry.HashLength).IsFixedLength().IsRequired();
        builder.Ignore(a => a.IsSealed);
        builder.HasIndex(a => new { a.ProgramId, a.Sequence });
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
        builder.HasIndex(a => a.OccurredUtc);
    }
}
