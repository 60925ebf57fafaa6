using System.Globalization;
using Portal.Core.Common;
using Portal.Core.Milestones;

namespace Portal.Core.Reviews;

/// <summary>Shared by the review evaluators: the "day" parameter (30, 60 or 90) and finding the review it names.</summary>
public abstract class AdoptionReviewEvaluator : ICriterionEvaluator
{
    public const string DayParameter = "day";

    public abstract string Key { get; }
    public abstract string DisplayName { get; }
    public abstract string Description { get; }
    protected abstract int DefaultDay { get; }

    public IReadOnlyList<EvaluatorParameter> Parameters =>
    [
        new(DayParameter, "Review day", EvaluatorParameterKind.Int, Required: false, Default: DefaultDay.ToString(CultureInfo.InvariantCulture),
            Hint: $"30, 60 or 90 (empty: {DefaultDay})."),
    ];

    public abstract string Describe(IReadOnlyDictionary<string, string> p);

    public IEnumerable<FieldError> ValidateParameters(IReadOnlyDictionary<string, string> p)
    {
        foreach (var error in EvaluatorParameter.Validate(Parameters, p))
            yield return error;
        if (p.TryGetValue(DayParameter, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var day) && day >= 1
            && !ReviewSchedule.Days.Contains(day))
            yield return new FieldError(EvaluatorParameter.FieldFor(DayParameter), "The review day must be 30, 60 or 90.");
    }

    public abstract CriterionEvaluation Evaluate(IReadOnlyDictionary<string, string> p, ProgramFacts facts);

    protected int DayOf(IReadOnlyDictionary<string, string> p) =>
        p.TryGetValue(DayParameter, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var day) ? day : DefaultDay;

    /// <summary>The review named by the parameter, or the reason there is none.</summary>
    protected (ReviewFact? Review, string? Reason) Find(int day, ProgramFacts facts)
    {
        if (facts.ActualGoLive is null)
            return (null, "No actual go-live yet");
        if (facts.Section<ReviewFacts>() is not { } reviews)
            return (null, "Adoption reviews could not be read for this program");
        return reviews.Reviews.FirstOrDefault(r => r.Day == day) is { } review
            ? (review, null)
            : (null, $"{day}-day review not scheduled yet (the scheduling job runs after go-live is saved)");
    }
}

/// <summary>"The 30-day review is scheduled": the program is live and its review for the day exists.</summary>
public sealed class AdoptionReviewScheduledEvaluator : AdoptionReviewEvaluator
{
    public const string EvaluatorKey = "adoption-review-scheduled";

    public override string Key => EvaluatorKey;
    public override string DisplayName => "Adoption review scheduled";
    public override string Description => "Holds when the program has an actual go-live and its 30-, 60- or 90-day adoption review is scheduled.";
    protected override int DefaultDay => 30;

    public override string Describe(IReadOnlyDictionary<string, string> p) => $"{DayOf(p)}-day adoption review scheduled";

    public override CriterionEvaluation Evaluate(IReadOnlyDictionary<string, string> p, ProgramFacts facts)
    {
        var (review, reason) = Find(DayOf(p), facts);
        return review is null ? CriterionEvaluation.Unmet(reason!) : CriterionEvaluation.Met();
    }
}

/// <summary>"The 90-day review is completed and signed": all measures recorded, PMO lead and sponsor signatures current.</summary>
public sealed class AdoptionReviewSignedEvaluator : AdoptionReviewEvaluator
{
    public const string EvaluatorKey = "adoption-review-signed";

    public override string Key => EvaluatorKey;
    public override string DisplayName => "Adoption review completed and signed";
    public override string Description => "Holds when the 30-, 60- or 90-day adoption review has every measure recorded and current sign-offs by a PMO lead and an executive sponsor.";
    protected override int DefaultDay => 90;

    public override string Describe(IReadOnlyDictionary<string, string> p) => $"{DayOf(p)}-day adoption review completed and signed";

    public override CriterionEvaluation Evaluate(IReadOnlyDictionary<string, string> p, ProgramFacts facts)
    {
        var (review, reason) = Find(DayOf(p), facts);
        if (review is null)
            return CriterionEvaluation.Unmet(reason!);
        return review.Missing.Count == 0
            ? CriterionEvaluation.Met()
            : CriterionEvaluation.Unmet($"{AdoptionReview.TitleOf(review.Day, review.DueDate)} has {Listing(review.Missing)}");
    }

    private static string Listing(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];
}
