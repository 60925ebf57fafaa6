namespace Portal.Web.Features.Templates;

/// <summary>A template to start a program from. <see cref="Id"/> is null for the built-in default.</summary>
public sealed record TemplateOption(int? Id, string Name, string Description, int PhaseCount, int MilestoneCount, string? CreatedBy,
    DateTimeOffset? CreatedUtc, bool CanDelete)
{
    /// <summary>A non-null key for dropdowns, which read a null value as "nothing chosen".</summary>
    public int Key => Id ?? 0;

    public string Summary => $"{PhaseCount} phases, {MilestoneCount} milestones" + (CreatedBy is null ? " · built in" : $" · saved by {CreatedBy}");
}

public sealed class TemplateForm
{
    public string Name { get; set; } = string.Empty;
    public string Description { get; set; } = string.Empty;
}
