using Portal.Core.Decommissioning;
using Portal.Core.Milestones;
using Portal.Core.Playbooks;
using Portal.Core.Reviews;
using Portal.Core.Stakeholders;
using Portal.Core.Training;
using Portal.Core.Uat;

namespace Portal.Core.Scorecards;

/// <summary>
/// Everything a scorecard is calculated from, loaded by the web layer as plain records so the calculation stays pure.
/// Feature sections of <see cref="Facts"/> (training, UAT, stakeholders, playbooks) are the ones computed criteria read,
/// so the scorecard and the gates never disagree.
/// </summary>
public sealed record ScorecardInputs(
    int ProgramId,
    string ProgramName,
    DateTimeOffset Now,
    DateOnly ProgramStarted,
    ProgramFacts Facts,
    IReadOnlyList<PhaseGateInput> Phases,
    ReadinessInput Readiness,
    IReadOnlyList<WorkaroundInput> Workarounds,
    AdoptionInput Adoption,
    IReadOnlyList<DateOnly> SponsorshipActions,
    decimal? TotalBudget,
    decimal? ChangeBudget)
{
    public DateOnly Today => Facts.Today;

    /// <summary>
    /// The program's integration health (issue 6), judged by <see cref="IntegrationScores"/> and placed right next to adoption,
    /// so "green integration, red adoption" shows at a glance. Null means no integration data source at all, and no section
    /// is shown rather than an invented one; a program without connections gets <see cref="IntegrationHealthInput.None"/>.
    /// </summary>
    public IntegrationHealthInput? IntegrationHealth { get; init; }
}

/// <summary>A technical milestone and whether every change milestone paired with it is met today.</summary>
public sealed record TechnicalGateInput(string Name, MilestoneStatus Status, int PairedChange, bool PairedChangeMet);

/// <summary>A phase: its technical milestones with their gates, and how many of its change milestones are met.</summary>
public sealed record PhaseGateInput(string Name, bool IsClosed, IReadOnlyList<TechnicalGateInput> Technical, int ChangeMilestones, int ChangeMet);

/// <summary>
/// The stakeholder map as readiness sees it: each entry (a group with the people who inherit its assessment, or a person
/// assessed on their own), each group's support history, and the playbook work on hotspots.
/// </summary>
public sealed record ReadinessInput(
    IReadOnlyList<MapEntry> Entries,
    IReadOnlyList<GroupHistory> Histories,
    PlaybookFacts? Playbooks)
{
    public static ReadinessInput Empty { get; } = new([], [], null);
}

/// <summary>A group's support over time (oldest first) and how many people it stands for now.</summary>
public sealed record GroupHistory(string Name, int People, IReadOnlyList<SupportPoint> Points);

/// <summary>A legacy workaround on the day the scorecard is made: its status and how often its date slipped.</summary>
public sealed record WorkaroundInput(string Name, WorkaroundStatus Status, int Slips);

/// <summary>Adoption as the reviews record it: the go-live, the baseline (null before it is captured) and the scheduled reviews.</summary>
public sealed record AdoptionInput(DateOnly? ActualGoLive, BaselineInput? Baseline, IReadOnlyList<ReviewInput> Reviews)
{
    public static AdoptionInput NotLive { get; } = new(null, null, []);
}

public sealed record BaselineInput(int TargetUsers, decimal ReconciliationHoursPerMonth, decimal TargetSharePercent);

public sealed record ReviewInput(int Day, DateOnly DueDate, ReviewStatus Status, ReviewMeasures Measures);
