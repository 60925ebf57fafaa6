using Portal.Core.Common;
using Portal.Core.Milestones;

namespace Portal.Core.Training;

/// <summary>
/// "Training materials built with real organisational data" (the Build phase's change indicator): every mandatory
/// course is flagged as built on the organisation's own projects, orders and people rather than a vendor sandbox.
/// No mandatory course at all is not met: there are no materials yet to judge.
/// </summary>
public sealed class TrainingMaterialsEvaluator : ICriterionEvaluator
{
    public const string EvaluatorKey = "training-materials-real-data";

    /// <summary>Courses a reason names before summarising the rest.</summary>
    public const int MaxNamedCourses = 5;

    public string Key => EvaluatorKey;
    public string DisplayName => "Training materials on real data";
    public string Description => "Holds when the program has mandatory training courses and every one of them is built on real organisational data.";
    public IReadOnlyList<EvaluatorParameter> Parameters { get; } = [];

    public string Describe(IReadOnlyDictionary<string, string> parameters) => "Every mandatory course is built on real organisational data";

    public IEnumerable<FieldError> ValidateParameters(IReadOnlyDictionary<string, string> parameters) => EvaluatorParameter.Validate(Parameters, parameters);

    public CriterionEvaluation Evaluate(IReadOnlyDictionary<string, string> parameters, ProgramFacts facts)
    {
        if (facts.Section<TrainingFacts>() is not { } training)
            return CriterionEvaluation.Unmet("Training: no training data is available for this program.");
        if (training.MandatoryCourses.Count == 0)
            return CriterionEvaluation.Unmet("Training: no mandatory course yet");
        var generic = training.MandatoryCoursesNotOnRealData;
        if (generic.Count == 0)
            return CriterionEvaluation.Met();
        var named = string.Join(", ", generic.Take(MaxNamedCourses));
        var more = generic.Count > MaxNamedCourses ? $" and {generic.Count - MaxNamedCourses} more" : "";
        return CriterionEvaluation.Unmet(
            $"Training: {generic.Count} of {training.MandatoryCourses.Count} mandatory courses not built on real organisational data ({named}{more})");
    }
}
