namespace Portal.Core.Reviews;

public enum TrendDirection
{
    NotEnoughData = 0,
    Improving = 1,
    Steady = 2,
    Worsening = 3,
}

/// <summary>One measure at one review: its value, or null when that review did not record it.</summary>
public sealed record TrendPoint(int Day, decimal? Value);

/// <summary>One measure across the 30/60/90-day reviews and which way it is going.</summary>
public sealed record MeasureTrend(string Key, string Name, string Unit, bool HigherIsBetter, decimal? Target, IReadOnlyList<TrendPoint> Points, TrendDirection Direction);

/// <summary>
/// The trend of each measure across the reviews: the value at each day, and the direction judged from the last two
/// reviews that recorded it (first against last would hide a relapse at 90 days). Reconciliation effort improves when it
/// goes down; the others when they go up.
/// </summary>
public static class ReviewTrend
{
    public const string ActiveUsers = "active-users";
    public const string NewProcessShare = "new-process-share";
    public const string Reconciliation = "reconciliation";
    public const string Meetings = "meetings";

    public static IReadOnlyList<MeasureTrend> For(IEnumerable<AdoptionReview> reviews, AdoptionBaseline? baseline)
    {
        var byDay = reviews.ToDictionary(r => r.Day, r => r.Measures);
        ReviewMeasures At(int day) => byDay.GetValueOrDefault(day) ?? ReviewMeasures.None;
        return
        [
            Trend(ActiveUsers, "Active users (% of target)", "%", true, 100m, day => At(day).ActiveUserRate),
            Trend(NewProcessShare, "Work in the new process", "%", true, baseline?.TargetSharePercent, day => At(day).NewProcessSharePercent),
            Trend(Reconciliation, "Reconciliation effort", "h/month", false, baseline?.ReconciliationHoursPerMonth, day => At(day).ReconciliationHours),
            Trend(Meetings, "Governance meetings using shared data", "%", true, null, day => At(day).MeetingShare),
        ];
    }

    public static TrendDirection DirectionOf(IReadOnlyList<TrendPoint> points, bool higherIsBetter)
    {
        var recorded = points.Where(p => p.Value is not null).ToList();
        if (recorded.Count < 2)
            return TrendDirection.NotEnoughData;
        var delta = recorded[^1].Value!.Value - recorded[^2].Value!.Value;
        if (delta == 0)
            return TrendDirection.Steady;
        return (delta > 0) == higherIsBetter ? TrendDirection.Improving : TrendDirection.Worsening;
    }

    private static MeasureTrend Trend(string key, string name, string unit, bool higherIsBetter, decimal? target, Func<int, decimal?> value)
    {
        var points = ReviewSchedule.Days.Select(d => new TrendPoint(d, value(d))).ToList();
        return new MeasureTrend(key, name, unit, higherIsBetter, target, points, DirectionOf(points, higherIsBetter));
    }
}
