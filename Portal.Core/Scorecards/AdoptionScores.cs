using Portal.Core.Reviews;

namespace Portal.Core.Scorecards;

/// <summary>
/// The 30/60/90-day adoption reviews: each measure at the latest review that recorded it, against its target, with the trend
/// across reviews (<see cref="ReviewTrend.DirectionOf"/>, the reviews page's own rule). Before go-live there is nothing to judge.
/// </summary>
public static class AdoptionScores
{
    public const decimal ActiveUsersTarget = 90m, MeetingsTarget = 75m, MeetingsAmberBand = 25m, ReconciliationDropPercent = 10m;
    public const string NotLive = "Reviews start at go-live";

    public const string ActiveUsersRule = "Active users as a share of target users at the latest review: green at or above 90%; amber up to 10 points below; red below; no data until a review records it.";
    public const string ShareRule = "Share of work done in the new process against the baseline's target share: green at or above it; amber up to 10 points below; red below; no data without a baseline and a recorded review.";
    public const string ReconciliationRule = "Reconciliation hours per month against the baseline: green at least 10% below it (a measurable reduction); amber below it by less; red at or above it; no data without a baseline and a recorded review.";
    public const string MeetingsRule = "Governance meetings that used the shared data, of those held: green at or above 75%; amber from 50%; red below; no data until a review records meetings held.";
    public const string ScheduleRule = "Red when a review is past its due date and not completed (signed); green when none is overdue and one is completed or under way; no data until the first review starts or falls due.";

    public static ScorecardSection Section(ScorecardInputs inputs)
    {
        var link = ScorecardKeys.Reviews(inputs.ProgramId);
        var a = inputs.Adoption;
        if (a.ActualGoLive is null || a.Reviews.Count == 0)
            return new ScorecardSection(ScorecardKeys.Adoption, "Adoption reviews 30/60/90", link,
                [new ScorecardItem("Adoption reviews", NotLive, null, ScoreStatus.None, ScheduleRule, link)]);

        var reviews = a.Reviews.OrderBy(r => r.Day).ToList();
        var b = a.Baseline;
        var items = new List<ScorecardItem>
        {
            Schedule(reviews, link),
            Measure("Active users", reviews, m => m.ActiveUserRate, true, v => $"{ScoreRules.Pct(v)} of target users",
                v => ScoreRules.AtLeast(v, ActiveUsersTarget), ActiveUsersRule, link),
            Measure("Work in the new process", reviews, m => b is null ? null : m.NewProcessSharePercent, true,
                v => $"{ScoreRules.Pct(v)} (target {ScoreRules.Pct(b!.TargetSharePercent)})", v => ScoreRules.AtLeast(v, b!.TargetSharePercent), ShareRule, link),
            Measure("Reconciliation effort", reviews, m => b is null ? null : m.ReconciliationHours, false,
                v => $"{ReviewMeasures.Format(v)} h/month (baseline {ReviewMeasures.Format(b!.ReconciliationHoursPerMonth)})",
                v => Reconciliation(v, b!.ReconciliationHoursPerMonth), ReconciliationRule, link),
            Measure("Governance meetings using shared data", reviews, m => m.MeetingShare, true, v => $"{ScoreRules.Pct(v)} of meetings held",
                v => ScoreRules.AtLeast(v, MeetingsTarget, MeetingsAmberBand), MeetingsRule, link),
        };
        return new ScorecardSection(ScorecardKeys.Adoption, "Adoption reviews 30/60/90", link, items);
    }

    public static ScoreStatus Reconciliation(decimal hours, decimal baselineHours)
    {
        if (baselineHours <= 0)
            return ScoreStatus.None;
        var change = 100m * (hours - baselineHours) / baselineHours;
        return change <= -ReconciliationDropPercent ? ScoreStatus.Green : change < 0 ? ScoreStatus.Amber : ScoreStatus.Red;
    }

    public static ScorecardItem Schedule(IReadOnlyList<ReviewInput> reviews, string link)
    {
        var overdue = reviews.Where(r => r.Status == ReviewStatus.Overdue).ToList();
        var completed = reviews.Count(r => r.Status == ReviewStatus.Completed);
        var inProgress = reviews.Where(r => r.Status == ReviewStatus.InProgress).ToList();
        var next = reviews.FirstOrDefault(r => r.Status is ReviewStatus.Scheduled or ReviewStatus.DueSoon or ReviewStatus.InProgress);
        var nextText = next is null ? "" : $"; next: {next.Day}-day review due {ScoreRules.Date(next.DueDate)}";
        if (overdue.Count > 0)
            return new("Reviews on schedule", $"{string.Join(", ", overdue.Select(r => $"{r.Day}-day"))} review overdue{nextText}", overdue.Count, ScoreStatus.Red, ScheduleRule, link);
        if (completed == 0 && inProgress.Count == 0)
            return new("Reviews on schedule", $"No review due yet{nextText}", 0, ScoreStatus.None, ScheduleRule, link);
        return new("Reviews on schedule", $"{completed} of {reviews.Count} completed{nextText}", completed, ScoreStatus.Green, ScheduleRule, link);
    }

    private static ScorecardItem Measure(string name, IReadOnlyList<ReviewInput> reviews, Func<ReviewMeasures, decimal?> value, bool higherIsBetter,
        Func<decimal, string> describe, Func<decimal, ScoreStatus> judge, string rule, string link)
    {
        var points = reviews.Select(r => new TrendPoint(r.Day, value(r.Measures))).ToList();
        var latest = points.LastOrDefault(p => p.Value is not null);
        if (latest?.Value is not { } v)
            return new ScorecardItem(name, "Not recorded yet", null, ScoreStatus.None, rule, link);
        var trend = ReviewTrend.DirectionOf(points, higherIsBetter) switch
        {
            TrendDirection.Improving => ", improving",
            TrendDirection.Worsening => ", worsening",
            TrendDirection.Steady => ", steady",
            _ => "",
        };
        return new ScorecardItem(name, $"{describe(v)} at {latest.Day} days{trend}", v, judge(v), rule, link);
    }
}
