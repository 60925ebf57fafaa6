using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Milestones;

namespace Portal.Data.Configurations;

internal sealed class PhaseConfiguration : IEntityTypeConfiguration<Phase>
{
    public void Configure(EntityTypeBuilder<Phase> builder)
    {
        builder.ToTable("Phases");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(Phase.MaxNameLength).IsRequired();
        builder.HasIndex(p => new { p.ProgramId, p.Order }).IsUnique();
        builder.Ignore(p => p.IsClosed);
        builder.HasMany(p => p.Milestones).WithOne().HasForeignKey(m => m.PhaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Milestones).HasField("_milestones").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.ToTable("Milestones");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Name).HasMaxLength(Milestone.MaxNameLength).IsRequired();
        builder.Property(m => m.Description).HasMaxLength(Criterion.MaxTextLength).IsRequired();
        builder.Property(m => m.CompletedBy).HasMaxLength(200);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasMany(m => m.Criteria).WithOne().HasForeignKey(c => c.MilestoneId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Criteria).HasField("_criteria").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(m => m.SignOffs).WithOne().HasForeignKey(s => s.MilestoneId).OnDelete(DeleteBehavior.Cascade);
        // Always loaded: whether a change milestone is met depends on them, wherever the milestone is read.
        builder.Navigation(m => m.SignOffs).HasField("_signOffs").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        SignOffRequirementJson.Map(builder.Property<List<SignOffRequirement>>("_requirements").HasColumnName("SignOffRequirements"));
        builder.Ignore(m => m.SignOffRequirements);

        // A technical milestone waits for its paired change milestones (many-to-many within a program).
        builder.HasMany(m => m.PairedWith).WithMany()
            .UsingEntity<Dictionary<string, object>>("MilestonePairs",
                change => change.HasOne<Milestone>().WithMany().HasForeignKey("ChangeMilestoneId").OnDelete(DeleteBehavior.Cascade),
                technical => technical.HasOne<Milestone>().WithMany().HasForeignKey("TechnicalMilestoneId").OnDelete(DeleteBehavior.Cascade),
                pair => pair.HasKey("TechnicalMilestoneId", "ChangeMilestoneId"));
        builder.Navigation(m => m.PairedWith).HasField("_pairedWith").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CriterionConfiguration : IEntityTypeConfiguration<Criterion>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<Criterion> builder)
    {
        builder.ToTable("Criteria");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Title).HasMaxLength(Criterion.MaxTitleLength).IsRequired();
        builder.Property(c => c.Description).HasMaxLength(Criterion.MaxTextLength).IsRequired();
        builder.Property(c => c.Evidence).HasMaxLength(Criterion.MaxTextLength).IsRequired();
        builder.Property(c => c.EvaluatorKey).HasMaxLength(80);

        builder.Property<Dictionary<string, string>>("_parameters").HasColumnName("Parameters").IsRequired()
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => new Dictionary<string, string>(JsonSerializer.Deserialize<Dictionary<string, string>>(v, Json) ?? new(), StringComparer.Ordinal),
                new ValueComparer<Dictionary<string, string>>(
                    (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                    v => v.Aggregate(0, (h, kv) => HashCode.Combine(h, kv.Key, kv.Value)),
                    v => new Dictionary<string, string>(v, StringComparer.Ordinal)));
        builder.Ignore(c => c.Parameters);

        SignOffRequirementJson.Map(builder.Property<List<SignOffRequirement>>("_requirements").HasColumnName("Requirements"));
        builder.Ignore(c => c.Requirements);

        builder.HasMany(c => c.SignOffs).WithOne().HasForeignKey(s => s.CriterionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.SignOffs).HasField("_signOffs").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

/// <summary>Sign-off requirements are stored as a small JSON list on their owner (criterion or milestone).</summary>
internal static class SignOffRequirementJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(PropertyBuilder<List<SignOffRequirement>> property) =>
        property.IsRequired().HasConversion(
            v => JsonSerializer.Serialize(v.Select(r => new StoredRequirement(r.Role, r.UserId, r.Label)), Json),
            v => (JsonSerializer.Deserialize<List<StoredRequirement>>(v, Json) ?? new()).Select(r => r.ToRequirement()).ToList(),
            new ValueComparer<List<SignOffRequirement>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));

    private sealed record StoredRequirement(string? Role, string? UserId, string Label)
    {
        public SignOffRequirement ToRequirement() => UserId is not null ? SignOffRequirement.ByPerson(UserId, Label) : SignOffRequirement.ByRole(Role!, Label);
    }
}

internal sealed class SignOffConfiguration : IEntityTypeConfiguration<SignOff>
{
    public void Configure(EntityTypeBuilder<SignOff> builder)
    {
        builder.ToTable("SignOffs");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.SignerUserId).HasMaxLength(450).IsRequired();
        builder.Property(s => s.PrintedName).HasMaxLength(200).IsRequired();
        builder.Property(s => s.SignerRoles).HasMaxLength(400).IsRequired();
        builder.Property(s => s.Meaning).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Comment).HasMaxLength(SignOff.MaxCommentLength).IsRequired();
        builder.Property(s => s.ContentHash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.HasIndex(s => s.SignerUserId);
        // A signature belongs to exactly one thing: a criterion, a whole milestone, a system-of-record entry, a legacy
        // workaround's shutdown evidence or an adoption review. Counting the keys that are set keeps the rule one line as
        // subjects are added (ADR-011).
        builder.ToTable(t => t.HasCheckConstraint("CK_SignOffs_OneSubject",
            "(CASE WHEN \"CriterionId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"MilestoneId\" IS NULL THEN 0 ELSE 1 END)" +
            " + (CASE WHEN \"SystemOfRecordEntryId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"LegacyWorkaroundId\" IS NULL THEN 0 ELSE 1 END)" +
            " + (CASE WHEN \"AdoptionReviewId\" IS NULL THEN 0 ELSE 1 END) = 1"));
    }
}
