using System.Globalization;
using Portal.Core.Common;

namespace Portal.Core.Reviews;

/// <summary>
/// The four adoption measures of a review as recorded (null = not recorded yet): active users against target users,
/// the share of the work done in the new process (the rest still runs in the workaround), reconciliation effort in hours
/// per month, and how many of the governance meetings held used the shared data.
/// </summary>
public sealed record ReviewMeasures(
    int? ActiveUsers, int? TargetUsers, decimal? NewProcessSharePercent, decimal? ReconciliationHours, int? MeetingsUsingData, int? MeetingsHeld)
{
    public static ReviewMeasures None { get; } = new(null, null, null, null, null, null);

    public bool IsEmpty => this == None;

    public bool IsComplete => ActiveUsers is not null && TargetUsers is not null && NewProcessSharePercent is not null && ReconciliationHours is not null
        && MeetingsUsingData is not null && MeetingsHeld is not null;

    /// <summary>Active users as a percentage of target users; null without both figures or with no target. Above 100 when more people use it than planned.</summary>
    public decimal? ActiveUserRate => ActiveUsers is { } a && TargetUsers is { } t && t > 0 ? Math.Round(100m * a / t, 1) : null;

    /// <summary>Meetings that used the shared data as a percentage of those held; null when none were held.</summary>
    public decimal? MeetingShare => MeetingsUsingData is { } used && MeetingsHeld is { } held && held > 0 ? Math.Round(100m * used / held, 1) : null;

    /// <summary>Change of reconciliation effort against the baseline in percent (negative is the goal); null without a non-zero baseline.</summary>
    public decimal? ReconciliationChange(decimal? baselineHours) =>
        ReconciliationHours is { } h && baselineHours is { } b && b > 0 ? Math.Round(100m * (h - b) / b, 1) : null;

    /// <summary>
    /// Rates 0..100, counts and hours not negative, and meetings that used the data no more than were held. Active users may
    /// exceed target users: teams nobody planned for do adopt, and hiding that would understate adoption.
    /// </summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new FieldErrors();
        if (ActiveUsers < 0)
            errors.Add(nameof(ActiveUsers), "Active users cannot be negative.");
        if (TargetUsers is not null && TargetUsers < 1)
            errors.Add(nameof(TargetUsers), "Target users must be at least 1: an adoption rate against nobody means nothing.");
        if (NewProcessSharePercent is < 0 or > 100)
            errors.Add(nameof(NewProcessSharePercent), "The share of work in the new process must be a percentage from 0 to 100.");
        if (ReconciliationHours is < 0 or > AdoptionBaseline.MaxHours)
            errors.Add(nameof(ReconciliationHours), $"Reconciliation hours per month must be from 0 to {AdoptionBaseline.MaxHours:N0}.");
        if (MeetingsHeld < 0)
            errors.Add(nameof(MeetingsHeld), "Governance meetings held cannot be negative.");
        if (MeetingsUsingData < 0)
            errors.Add(nameof(MeetingsUsingData), "Meetings that used the shared data cannot be negative.");
        else if (MeetingsUsingData is { } used && MeetingsHeld is { } held && held >= 0 && used > held)
            errors.Add(nameof(MeetingsUsingData), $"Only {held} governance meeting{(held == 1 ? " was" : "s were")} held; at most that many can have used the shared data.");
        if ((MeetingsUsingData is null) != (MeetingsHeld is null))
            errors.Add(MeetingsHeld is null ? nameof(MeetingsHeld) : nameof(MeetingsUsingData), "Record both the meetings held and how many used the shared data.");
        if ((ActiveUsers is null) != (TargetUsers is null))
            errors.Add(TargetUsers is null ? nameof(TargetUsers) : nameof(ActiveUsers), "Record both active users and target users.");
        return errors.ToList();
    }

    /// <summary>Canonical text for hashing and the audit trail: invariant numbers, "-" for not recorded.</summary>
    public string Canonical() =>
        $"active users: {F(ActiveUsers)} of {F(TargetUsers)}; new process share: {F(NewProcessSharePercent)}%; reconciliation: {F(ReconciliationHours)} h/month; " +
        $"governance meetings using shared data: {F(MeetingsUsingData)} of {F(MeetingsHeld)}";

    public static string Format(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string F(int? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string F(decimal? v) => v is { } d ? Format(d) : "-";
}
