namespace Portal.Core.Stakeholders;

/// <summary>Where a group or person stands on the change, from most opposed to most active in favour.
/// The numbers order the scale: lower is further from support, so "below Neutral" is a comparison.</summary>
public enum SupportLevel
{
    StrongResistance = 1,
    Resistant = 2,
    Neutral = 3,
    Supportive = 4,
    Champion = 5,
}

/// <summary>Why a group resists; each type needs a different response (see the resistance playbooks).</summary>
public enum ResistanceType
{
    /// <summary>Finance fears losing control of financial data, approval authority and accountability.</summary>
    FinanceTerritorial = 1,

    /// <summary>Project managers see another system to update on top of their day.</summary>
    PmWorkload = 2,

    /// <summary>IT expects a maintenance burden it did not design and cannot support.</summary>
    ItTechnicalSovereignty = 3,

    Other = 4,

    /// <summary>Assessed and no resistance expected, so the map can be complete for supportive groups.</summary>
    None = 5,
}

/// <summary>What a stakeholder stands to gain or lose; a set of tags, stored as flags.</summary>
[Flags]
public enum GainLossTags
{
    None = 0,
    Ownership = 1,
    Simplicity = 2,
    Autonomy = 4,
    JobSecurity = 8,
    Accountability = 16,
    Visibility = 32,
    Workload = 64,
}

/// <summary>Whether a map entry is a whole group or one person assessed on their own.</summary>
public enum StakeholderKind
{
    Group = 1,
    Person = 2,
}

public static class StakeholderNames
{
    public static readonly IReadOnlyList<SupportLevel> SupportScale = Enum.GetValues<SupportLevel>();
    public static readonly IReadOnlyList<ResistanceType> ResistanceTypes = Enum.GetValues<ResistanceType>();
    public static readonly IReadOnlyList<GainLossTags> Tags = Enum.GetValues<GainLossTags>().Where(t => t != GainLossTags.None).ToList();

    public static string DisplayName(this SupportLevel level) => level switch
    {
        SupportLevel.StrongResistance => "Strong resistance",
        SupportLevel.Resistant => "Resistant",
        SupportLevel.Neutral => "Neutral",
        SupportLevel.Supportive => "Supportive",
        SupportLevel.Champion => "Champion",
        _ => level.ToString(),
    };

    public static string DisplayName(this ResistanceType type) => type switch
    {
        ResistanceType.FinanceTerritorial => "Finance territorial",
        ResistanceType.PmWorkload => "PM workload",
        ResistanceType.ItTechnicalSovereignty => "IT technical sovereignty",
        ResistanceType.Other => "Other",
        ResistanceType.None => "No resistance",
        _ => type.ToString(),
    };

    public static string DisplayName(this GainLossTags tag) => tag switch
    {
        GainLossTags.JobSecurity => "job security",
        _ => tag.ToString().ToLowerInvariant(),
    };

    /// <summary>The tags in a set, in scale order, e.g. "ownership, autonomy".</summary>
    public static string Describe(this GainLossTags tags) =>
        string.Join(", ", Tags.Where(t => tags.HasFlag(t)).Select(t => t.DisplayName()));
}
