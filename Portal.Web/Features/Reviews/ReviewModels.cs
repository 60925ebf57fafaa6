using Portal.Core.Reviews;
using Portal.Web.Features.Decommissioning;
using Portal.Web.Features.Milestones;

namespace Portal.Web.Features.Reviews;

/// <summary>A program's adoption reviews as the reviews page shows them to one user on one day.</summary>
public sealed record ReviewsOverview(
    int ProgramId, string ProgramName, DateOnly Today, DateOnly? ActualGoLive, DateOnly? PlannedGoLive, BaselineView? Baseline,
    bool BaselineNeedsReason, IReadOnlyList<ReviewCardView> Reviews, IReadOnlyList<MeasureTrend> Trend, bool CanManage, bool CanRecord);

public sealed record BaselineView(int TargetUsers, decimal ReconciliationHoursPerMonth, decimal TargetSharePercent, string Notes, DateTimeOffset CapturedUtc,
    DateTimeOffset UpdatedUtc, Guid Version);

/// <summary>One review on the overview: due date, status and what it still lacks.</summary>
public sealed record ReviewCardView(int Id, int Day, DateOnly DueDate, ReviewStatus Status, bool IsStarted, int DaysToDue, IReadOnlyList<string> Missing,
    ReviewMeasures Measures, int OpenActions, int OverdueActions)
{
    public bool IsOverdue => Status == ReviewStatus.Overdue;
}

/// <summary>One review in full, with what the viewer may do. <see cref="ContentHash"/> is what a signer is shown; <see cref="Version"/> guards changes.</summary>
public sealed record ReviewDetail(
    int ProgramId, string ProgramName, DateOnly Today, int Id, int Day, DateOnly DueDate, ReviewStatus Status, bool IsStarted, ReviewMeasures Measures,
    decimal? BaselineHours, int? BaselineTargetUsers, IReadOnlyList<string> Findings, IReadOnlyList<ActionView> Actions, IReadOnlyList<SignOffView> SignOffs,
    IReadOnlyList<string> Missing, string CanonicalContent, string ContentHash, Guid Version, IReadOnlyList<OwnerOption> Members, IReadOnlyList<string> Teams,
    bool CanRecord, bool CanSign, bool SignedByMe, bool CanManage);

public sealed record ActionView(int Id, string Team, string Action, string OwnerUserId, string OwnerName, DateOnly DueDate, ActionStatus Status, bool IsOverdue,
    string DoneNote, bool CanComplete);

public sealed class BaselineForm
{
    public int? TargetUsers { get; set; }
    public decimal? ReconciliationHoursPerMonth { get; set; }
    public decimal? TargetSharePercent { get; set; }
    public string? Notes { get; set; }
    public string? Reason { get; set; }

    public BaselineDraft ToDraft() => new(TargetUsers, ReconciliationHoursPerMonth, TargetSharePercent, Notes);

    public static BaselineForm From(BaselineView? b) => b is null ? new() : new()
    {
        TargetUsers = b.TargetUsers, ReconciliationHoursPerMonth = b.ReconciliationHoursPerMonth, TargetSharePercent = b.TargetSharePercent, Notes = b.Notes,
    };
}

public sealed class MeasuresForm
{
    public int? ActiveUsers { get; set; }
    public int? TargetUsers { get; set; }
    public decimal? NewProcessSharePercent { get; set; }
    public decimal? ReconciliationHours { get; set; }
    public int? MeetingsUsingData { get; set; }
    public int? MeetingsHeld { get; set; }

    public ReviewMeasures ToMeasures() => new(ActiveUsers, TargetUsers, NewProcessSharePercent, ReconciliationHours, MeetingsUsingData, MeetingsHeld);

    /// <summary>The recorded measures; target users start from the baseline so the reviewer only types what changed.</summary>
    public static MeasuresForm From(ReviewMeasures m, int? baselineTargetUsers) => new()
    {
        ActiveUsers = m.ActiveUsers, TargetUsers = m.TargetUsers ?? baselineTargetUsers, NewProcessSharePercent = m.NewProcessSharePercent,
        ReconciliationHours = m.ReconciliationHours, MeetingsUsingData = m.MeetingsUsingData, MeetingsHeld = m.MeetingsHeld,
    };
}

public sealed class ActionForm
{
    public string? Team { get; set; }
    public string? Action { get; set; }
    public string? OwnerUserId { get; set; }
    public DateTime? DueDate { get; set; }

    public ActionDraft ToDraft() => new(Team, Action, OwnerUserId, DueDate is { } d ? DateOnly.FromDateTime(d) : null);
}
