using Portal.Core.Milestones;
using Portal.Core.Training;

namespace Portal.Tests.Core.Training;

public sealed class TrainingMaterialsEvaluatorTests
{
    private static readonly ProgramFacts Basic = new(new DateOnly(2026, 11, 22), null, null, new Dictionary<string, int>());
    private static readonly Dictionary<string, string> NoParameters = [];
    private static readonly AudienceCompletion Nobody = new("overall", "all audiences", 0, 0, 0);

    private static ProgramFacts With(string[] mandatory, string[] notOnRealData) => Basic.With(new TrainingFacts(90m, [], Nobody)
    {
        MandatoryCourses = mandatory,
        MandatoryCoursesNotOnRealData = notOnRealData,
    });

    [Fact]
    public void Holds_when_every_mandatory_course_is_built_on_real_data()
    {
        var result = new TrainingMaterialsEvaluator().Evaluate(NoParameters, With(["FIN-201 Commitments", "PM-101 Committed spend"], []));

        Assert.True(result.IsMet);
        Assert.Empty(result.Reasons);
    }

    [Fact]
    public void Names_the_courses_built_on_generic_data()
    {
        var result = new TrainingMaterialsEvaluator().Evaluate(NoParameters, With(["FIN-201 Commitments", "PM-110 PPM basics"], ["PM-110 PPM basics"]));

        Assert.False(result.IsMet);
        Assert.Equal("Training: 1 of 2 mandatory courses not built on real organisational data (PM-110 PPM basics)", Assert.Single(result.Reasons));
    }

    [Fact]
    public void Summarises_beyond_five_courses()
    {
        var generic = Enumerable.Range(1, 7).Select(i => $"C-{i} Course {i}").ToArray();

        var reason = Assert.Single(new TrainingMaterialsEvaluator().Evaluate(NoParameters, With(generic, generic)).Reasons);

        Assert.EndsWith("(C-1 Course 1, C-2 Course 2, C-3 Course 3, C-4 Course 4, C-5 Course 5 and 2 more)", reason);
    }

    [Fact]
    public void No_mandatory_course_or_no_training_data_is_not_met()
    {
        var evaluator = new TrainingMaterialsEvaluator();

        Assert.Equal("Training: no mandatory course yet", Assert.Single(evaluator.Evaluate(NoParameters, With([], [])).Reasons));
        Assert.False(evaluator.Evaluate(NoParameters, Basic).IsMet);
    }
}
