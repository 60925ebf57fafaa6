using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Notifications;
using Portal.Core.Programs;
using Portal.Data.Identity;

namespace Portal.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.RecipientUserId).HasMaxLength(450).IsRequired();
        builder.Property(n => n.Kind).HasMaxLength(Notification.MaxKindLength).IsRequired();
        builder.Property(n => n.Title).HasMaxLength(Notification.MaxTitleLength).IsRequired();
        builder.Property(n => n.Body).HasMaxLength(Notification.MaxBodyLength).IsRequired();
        builder.Property(n => n.Link).HasMaxLength(Notification.MaxLinkLength).IsRequired();
        builder.Property(n => n.DedupeKey).HasMaxLength(Notification.MaxDedupeKeyLength).IsRequired();
        builder.Ignore(n => n.IsRead);
        // The database enforces "notified once": two job runs racing each other cannot both insert.
        builder.HasIndex(n => new { n.RecipientUserId, n.DedupeKey }).IsUnique();
        builder.HasIndex(n => new { n.RecipientUserId, n.ReadUtc });
        // A person's notifications go with their account; a program's go with the program.
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(n => n.RecipientUserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalProgram>().WithMany().HasForeignKey(n => n.ProgramId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutgoingEmailConfiguration : IEntityTypeConfiguration<OutgoingEmail>
{
    public void Configure(EntityTypeBuilder<OutgoingEmail> builder)
    {
        builder.ToTable("OutgoingEmails");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ToAddress).HasMaxLength(OutgoingEmail.MaxAddressLength).IsRequired();
        builder.Property(e => e.Subject).HasMaxLength(OutgoingEmail.MaxSubjectLength).IsRequired();
        builder.Property(e => e.Body).HasMaxLength(OutgoingEmail.MaxBodyLength).IsRequired();
        builder.Property(e => e.LastError).HasMaxLength(OutgoingEmail.MaxErrorLength);
        builder.Ignore(e => e.IsSent);
        builder.Ignore(e => e.GaveUp);
        builder.HasIndex(e => e.NextAttemptUtc);
        builder.HasOne<Notification>().WithMany().HasForeignKey(e => e.NotificationId).OnDelete(DeleteBehavior.SetNull);
    }
}
