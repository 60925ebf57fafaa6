namespace Portal.Core.Reviews;

/// <summary>A review whose due date followed the go-live.</summary>
public sealed record ReviewMove(AdoptionReview Review, DateOnly From, DateOnly To);

/// <summary>What <see cref="ReviewSchedule.Reconcile"/> changed; the caller adds, removes and audits.</summary>
public sealed record ScheduleChanges(IReadOnlyList<AdoptionReview> Added, IReadOnlyList<ReviewMove> Moved, IReadOnlyList<AdoptionReview> Removed)
{
    public bool Any => Added.Count + Moved.Count + Removed.Count > 0;
}

/// <summary>
/// The rules that tie a program's reviews to its actual go-live. Reconciling is idempotent and works from the stored
/// state alone, so it can run any number of times, and after any downtime, with the same result.
/// </summary>
public static class ReviewSchedule
{
    public static IReadOnlyList<int> Days { get; } = [30, 60, 90];

    public static DateOnly DueDateFor(DateOnly actualGoLive, int day) => actualGoLive.AddDays(day);

    /// <summary>
    /// With a go-live: each missing review is created, each unstarted review moves to go-live + its day, started ones keep
    /// their date. Without a go-live: unstarted reviews are removed, started ones stay as the record of what was reviewed.
    /// </summary>
    public static ScheduleChanges Reconcile(int programId, DateOnly? actualGoLive, IReadOnlyList<AdoptionReview> reviews, DateTimeOffset now)
    {
        var mine = reviews.Where(r => r.ProgramId == programId).ToList();
        if (actualGoLive is not { } goLive)
            return new ScheduleChanges([], [], mine.Where(r => !r.IsStarted).ToList());

        var added = new List<AdoptionReview>();
        var moved = new List<ReviewMove>();
        foreach (var day in Days)
        {
            var due = DueDateFor(goLive, day);
            var review = mine.FirstOrDefault(r => r.Day == day);
            if (review is null)
                added.Add(new AdoptionReview(programId, day, due, now));
            else if (review.DueDate != due && !review.IsStarted)
            {
                moved.Add(new ReviewMove(review, review.DueDate, due));
                review.MoveTo(due, now);
            }
        }
        return new ScheduleChanges(added, moved, []);
    }
}
