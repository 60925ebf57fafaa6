using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Security;
using Portal.Data.Identity;

namespace Portal.Data.Configurations;

internal sealed class PersonalApiTokenConfiguration : IEntityTypeConfiguration<PersonalApiToken>
{
    public void Configure(EntityTypeBuilder<PersonalApiToken> builder)
    {
        builder.ToTable("PersonalApiTokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.UserId).IsRequired();
        builder.Property(t => t.Name).HasMaxLength(PersonalApiToken.MaxNameLength).IsRequired();
        builder.Property(t => t.DisplayPrefix).HasMaxLength(PersonalApiToken.DisplayPrefixLength).IsRequired();
        builder.Property(t => t.SecretHash).HasMaxLength(PersonalApiToken.HashLength).IsRequired();
        builder.HasIndex(t => t.SecretHash).IsUnique();
        builder.HasIndex(t => t.UserId);
        // Deleting a user takes their tokens with them.
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(t => t.IsRevoked);
    }
}
