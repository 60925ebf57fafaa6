using Portal.Core.Common;
using Portal.Core.Stakeholders;

namespace Portal.Web.Features.Stakeholders;

/// <summary>What the map shows; null filters mean "all".</summary>
public sealed record StakeholderFilter(string? ProcessArea = null, ResistanceType? ResistanceType = null)
{
    public bool IsActive => ProcessArea is not null || ResistanceType is not null;
}

/// <summary>The stakeholder map page's data: grid entries, ranked hotspots, per-group gaps and the totals above them.</summary>
public sealed record StakeholderMapView(
    int ProgramId,
    string ProgramName,
    bool CanEdit,
    StakeholderFilter Filter,
    IReadOnlyList<string> ProcessAreas,
    IReadOnlyList<MapEntry> Entries,
    IReadOnlyList<Hotspot> Hotspots,
    IReadOnlyList<GroupRow> Groups,
    int TotalPeople,
    int EarlyAdopters,
    MapCompleteness Completeness);

/// <summary>A group as the gap table and dialogs see it. Counts are for the whole group, whatever the filter.</summary>
public sealed record GroupRow(
    int Id,
    string Name,
    string Description,
    int People,
    int AssessedIndividually,
    AssessmentSummary? Current,
    Guid Version)
{
    public int Gap => Current is null ? 0 : StakeholderRules.Gap(Current.CurrentSupport, Current.TargetSupport);
}

/// <summary>The parts of an assessment the map needs; never the notes, so map queries stay small.</summary>
public sealed record AssessmentSummary(
    int Influence,
    int Impact,
    SupportLevel CurrentSupport,
    SupportLevel TargetSupport,
    ResistanceType? ResistanceType,
    bool IsEarlyAdopter,
    DateTimeOffset AssessedUtc);

/// <summary>A row of the people list, with the assessment that counts for them (own or inherited).</summary>
public sealed record PersonRow(
    int Id,
    string Name,
    string Title,
    string Email,
    int GroupId,
    string GroupName,
    string ProcessArea,
    bool IsAssessedIndividually,
    AssessmentSummary? Effective,
    Guid Version);

public sealed record PeoplePage(IReadOnlyList<PersonRow> Rows, int Total);

/// <summary>One entry of a support-over-time history.</summary>
public sealed record HistoryPoint(
    DateTimeOffset AssessedUtc,
    string AssessedBy,
    int Influence,
    int Impact,
    SupportLevel CurrentSupport,
    SupportLevel TargetSupport,
    ResistanceType? ResistanceType,
    string Notes);

/// <summary>A group's or person's history; for a person who inherits, <see cref="InheritedFrom"/> names the group whose history applies.</summary>
public sealed record StakeholderHistory(StakeholderKind Kind, int Id, string Name, string? InheritedFrom, IReadOnlyList<HistoryPoint> Own, IReadOnlyList<HistoryPoint> Group);

/// <summary>What the assessment dialog starts from: the subject and its current assessment (or its group's, as a starting point).</summary>
public sealed record AssessmentStart(StakeholderKind Kind, int Id, string Name, AssessmentInput? Current, bool IsInherited, Guid Version);

/// <summary>The person form's values.</summary>
public sealed class PersonForm
{
    public string? Name { get; set; }
    public string? Title { get; set; }
    public string? Email { get; set; }
    public int? GroupId { get; set; }
    public string? ProcessArea { get; set; }
}

/// <summary>What an import did; <see cref="Errors"/> is non-empty exactly when nothing was imported.</summary>
public sealed record ImportOutcome(IReadOnlyList<CsvRowError> Errors, int Rows = 0, int Created = 0, int Changed = 0, int Assessed = 0, int Unchanged = 0)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>A group in a picker.</summary>
public sealed record GroupOption(int Id, string Name);
