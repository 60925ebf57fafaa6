using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Milestones;

namespace Portal.Data.Configurations;

internal sealed class ProgramTemplateConfiguration : IEntityTypeConfiguration<SavedProgramTemplate>
{
    public void Configure(EntityTypeBuilder<SavedProgramTemplate> builder)
    {
        builder.ToTable("ProgramTemplates");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(ProgramTemplate.MaxNameLength).IsRequired();
        builder.Property(t => t.Description).HasMaxLength(ProgramTemplate.MaxDescriptionLength).IsRequired();
        builder.HasIndex(t => t.Name).IsUnique();
        builder.Property(t => t.CreatedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(t => t.CreatedByName).HasMaxLength(200).IsRequired();
        builder.Ignore(t => t.Template);

        // The plan is read and written whole and never queried into, so one JSON document beats a dozen tables (ADR-010).
        // A saved definition never changes, so comparing by reference is enough for change tracking.
        builder.Property(t => t.Phases).HasColumnName("Definition").IsRequired()
            .HasConversion(v => TemplateDefinitionJson.Write(v), v => TemplateDefinitionJson.Read(v),
                new ValueComparer<IReadOnlyList<TemplatePhase>>((a, b) => ReferenceEquals(a, b), v => v.Count, v => v));
    }
}

/// <summary>The stored form of a template's phases. <c>format</c> lets a later version read older definitions.</summary>
internal static class TemplateDefinitionJson
{
    private const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(IReadOnlyList<TemplatePhase> phases) => JsonSerializer.Serialize(new Definition(CurrentFormat, phases), Options);

    public static IReadOnlyList<TemplatePhase> Read(string json)
    {
        var definition = JsonSerializer.Deserialize<Definition>(json, Options)
            ?? throw new InvalidOperationException("A program template has an empty definition.");
        return definition.Format == CurrentFormat
            ? definition.Phases
            : throw new InvalidOperationException($"Program template definition format {definition.Format} is not known to this version of Portal.");
    }

    private sealed record Definition(int Format, IReadOnlyList<TemplatePhase> Phases);
}
