using Portal.Core.Milestones;
using Portal.Core.Training;

namespace Portal.Tests.Core.Training;

public sealed class TrainingRulesTests
{
    private static readonly ProgramFacts Basic = new(new DateOnly(2026, 11, 22), null, null, new Dictionary<string, int>());

    private static string[] People(string prefix, int n) => Enumerable.Range(1, n).Select(i => $"{prefix}{i}@example.com").ToArray();

    private static HashSet<(int, string)> Completed(int course, IEnumerable<string> emails) => emails.Select(e => (course, e)).ToHashSet();

    [Fact]
    public void Exactly_at_the_threshold_meets_it_and_one_person_fewer_does_not()
    {
        var analysts = People("a", 10);
        var audience = new AudienceInput("group:1", "Financial analysts", analysts, [7]);

        var atNine = TrainingRules.Rates([audience], Completed(7, analysts.Take(9))).Audiences.Single();
        Assert.Equal(90m, atNine.Percent);
        Assert.True(atNine.Meets(90m));
        Assert.Null(atNine.Shortfall(90m));

        var atEight = TrainingRules.Rates([audience], Completed(7, analysts.Take(8))).Audiences.Single();
        Assert.False(atEight.Meets(90m));
        Assert.Equal("Training completion 80% < 90% for Financial analysts", atEight.Shortfall(90m));
    }

    [Fact]
    public void A_rate_just_under_the_threshold_is_rounded_down_so_it_never_reads_as_passing()
    {
        var people = People("p", 1000);
        var audience = new AudienceInput("group:1", "ERP/IT team", people, [1]);
        var rate = TrainingRules.Rates([audience], Completed(1, people.Take(899))).Audiences.Single();

        Assert.False(rate.Meets(90m));
        Assert.Equal("Training completion 89.9% < 90% for ERP/IT team", rate.Shortfall(90m));
    }

    [Fact]
    public void An_empty_audience_is_not_met_and_says_why_instead_of_reading_as_100_percent()
    {
        var empty = TrainingRules.Rates([new AudienceInput("group:2", "Portfolio executives", [], [3])], new HashSet<(int, string)>()).Audiences.Single();

        Assert.Null(empty.Percent);
        Assert.False(empty.Meets(90m));
        Assert.Equal("Portfolio executives has no people to train yet", empty.Shortfall(90m));
    }

    [Fact]
    public void Every_mandatory_course_must_be_completed_and_optional_ones_do_not_count()
    {
        var audience = new AudienceInput("group:1", "Capital Projects PMs", ["a@x.com", "b@x.com"], [1, 2]);
        var completed = new HashSet<(int, string)> { (1, "a@x.com"), (2, "a@x.com"), (1, "b@x.com"), (3, "b@x.com") };

        var rate = TrainingRules.Rates([audience], completed).Audiences.Single();

        Assert.Equal((2, 1, 50m), (rate.People, rate.Completed, rate.Percent));
    }

    [Fact]
    public void A_person_in_two_audiences_counts_in_each_and_once_overall_complete_only_when_complete_in_both()
    {
        var analysts = new AudienceInput("group:1", "Financial analysts", ["both@x.com", "a@x.com"], [1]);
        var changeLeads = new AudienceInput("role:ChangeLead", "Change lead", ["both@x.com"], [2]);
        var completed = new HashSet<(int, string)> { (1, "both@x.com"), (1, "a@x.com") };

        var (audiences, overall) = TrainingRules.Rates([analysts, changeLeads], completed);

        Assert.Equal((2, 2), (audiences[0].People, audiences[0].Completed));
        Assert.Equal((1, 0), (audiences[1].People, audiences[1].Completed));
        Assert.Equal((2, 1, 50m), (overall.People, overall.Completed, overall.Percent));
    }

    [Fact]
    public void An_audience_without_a_mandatory_course_never_meets_and_stays_out_of_the_overall_rate()
    {
        var (audiences, overall) = TrainingRules.Rates([new AudienceInput("group:1", "PMO analysts", ["a@x.com"], [])], new HashSet<(int, string)>());

        Assert.Equal("PMO analysts has no mandatory course", audiences[0].Shortfall(90m));
        Assert.Equal(0, overall.People);
    }

    [Fact]
    public void The_evaluator_reports_each_audience_below_the_threshold_with_the_weakest_rate_as_measured_value()
    {
        var facts = Basic.With(Facts(90m, ("Financial analysts", 100, 72), ("Capital Projects PMs", 20, 19), ("ERP/IT team", 10, 10)));
        var evaluator = new TrainingCompletionEvaluator();

        var all = evaluator.Evaluate(new Dictionary<string, string>(), facts);
        Assert.False(all.IsMet);
        Assert.Equal("Training completion 72% < 90% for Financial analysts", Assert.Single(all.Reasons));
        Assert.Equal((72m, 90m), (all.MeasuredValue, all.Threshold));

        var others = evaluator.Evaluate(new Dictionary<string, string> { ["audiences"] = "capital projects pms, ERP/IT team" }, facts);
        Assert.True(others.IsMet);
        Assert.Equal((95m, 90m), (others.MeasuredValue, others.Threshold));

        var lower = evaluator.Evaluate(new Dictionary<string, string> { ["threshold"] = "70" }, facts);
        Assert.True(lower.IsMet);
        Assert.Equal(70m, lower.Threshold);
    }

    [Fact]
    public void The_program_threshold_applies_when_the_criterion_names_none()
    {
        var facts = Basic.With(Facts(75m, ("Financial analysts", 100, 72)));

        var result = new TrainingCompletionEvaluator().Evaluate(new Dictionary<string, string>(), facts);

        Assert.Equal("Training completion 72% < 75% for Financial analysts", Assert.Single(result.Reasons));
        Assert.Equal(75m, result.Threshold);
    }

    [Fact]
    public void Unknown_audiences_no_courses_and_missing_data_are_unmet_with_a_clear_reason()
    {
        var evaluator = new TrainingCompletionEvaluator();
        var facts = Basic.With(Facts(90m, ("Financial analysts", 10, 10)));

        Assert.Equal("Training: no course for the audience 'Auditors' yet",
            Assert.Single(evaluator.Evaluate(new Dictionary<string, string> { ["audiences"] = "Financial analysts, Auditors" }, facts).Reasons));
        Assert.Equal("Training: no mandatory course yet", Assert.Single(evaluator.Evaluate(new Dictionary<string, string>(), Basic.With(Facts(90m))).Reasons));
        Assert.Equal("Training: no training data is available for this program.", Assert.Single(evaluator.Evaluate(new Dictionary<string, string>(), Basic).Reasons));
    }

    [Fact]
    public void Parameters_are_checked_on_their_fields()
    {
        var evaluator = new TrainingCompletionEvaluator();

        Assert.Empty(evaluator.ValidateParameters(new Dictionary<string, string> { ["threshold"] = "85.5", ["audiences"] = "Financial analysts" }));
        Assert.Equal("Parameters.threshold", Assert.Single(evaluator.ValidateParameters(new Dictionary<string, string> { ["threshold"] = "120" })).Field);
        Assert.Equal("Parameters.threshold", Assert.Single(evaluator.ValidateParameters(new Dictionary<string, string> { ["threshold"] = "0" })).Field);
        Assert.Equal("Parameters.audiences", Assert.Single(evaluator.ValidateParameters(new Dictionary<string, string> { ["audiences"] = "a,,b" })).Field);
    }

    [Fact]
    public void The_program_threshold_is_above_0_and_at_most_100()
    {
        var settings = TrainingSettings.For(1);
        Assert.Equal(90m, settings.ThresholdPercent);
        Assert.True(settings.ChangeThreshold(100m).Succeeded);
        Assert.False(settings.ChangeThreshold(0m).Succeeded);
        Assert.False(settings.ChangeThreshold(100.5m).Succeeded);
        Assert.False(settings.ChangeThreshold(null).Succeeded);
        Assert.Equal(100m, settings.ThresholdPercent);
    }

    private static TrainingFacts Facts(decimal threshold, params (string Name, int People, int Completed)[] audiences)
    {
        var list = audiences.Select((a, i) => new AudienceCompletion($"group:{i}", a.Name, a.People, a.Completed, 1)).ToList();
        return new TrainingFacts(threshold, list, new AudienceCompletion("overall", "all audiences", list.Sum(a => a.People), list.Sum(a => a.Completed), list.Count));
    }
}
