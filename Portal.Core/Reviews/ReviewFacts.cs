namespace Portal.Core.Reviews;

/// <summary>A program's adoption reviews as computed criteria see them on one day.</summary>
public sealed record ReviewFacts(IReadOnlyList<ReviewFact> Reviews)
{
    public static ReviewFacts From(IEnumerable<AdoptionReview> reviews, DateOnly today) =>
        new(reviews.OrderBy(r => r.Day).Select(r => new ReviewFact(r.Day, r.DueDate, r.StatusOn(today), r.MissingForCompletion())).ToList());
}

/// <summary>One review: when it is due, its status and what it still lacks to be completed (empty when completed).</summary>
public sealed record ReviewFact(int Day, DateOnly DueDate, ReviewStatus Status, IReadOnlyList<string> Missing);
