using Portal.Core.Milestones;
using Portal.Core.Training;
using Portal.Core.Uat;

namespace Portal.Core.Scorecards;

/// <summary>
/// Training and UAT against the program's own gate thresholds. Training reads the training-completion criterion itself, and
/// UAT the same rates and "meets" rule as the UAT gate, so the scorecard can never call green what the gate refuses.
/// </summary>
public static class TrainingUatScores
{
    public static ScorecardSection Section(ScorecardInputs inputs)
    {
        var id = inputs.ProgramId;
        var items = new List<ScorecardItem> { Training(inputs.Facts, id) };
        items.AddRange(Uat(inputs.Facts.Section<UatFacts>(), id));
        return new ScorecardSection(ScorecardKeys.TrainingUat, "Training and UAT", ScorecardKeys.Training(id), items);
    }

    public static ScorecardItem Training(ProgramFacts facts, int programId)
    {
        var link = ScorecardKeys.Training(programId);
        var training = facts.Section<TrainingFacts>();
        var threshold = training?.ThresholdPercent ?? TrainingSettings.DefaultThresholdPercent;
        var rule = $"Every audience's completion of its mandatory courses against {ScoreRules.Pct(threshold)} (the program's training threshold): " +
                   $"green when all are at or above it; amber when the lowest is up to {ScoreRules.Points(ScoreRules.AmberBandPoints)} below; red further below; " +
                   "no data until there is a mandatory course with people to train.";
        var measured = training?.Audiences.Where(a => a.MandatoryCourses > 0 && a.Percent is not null).ToList() ?? [];
        if (training is null || measured.Count == 0)
            return new ScorecardItem("Training completion", "No mandatory course with people yet", null, ScoreStatus.None, rule, link);

        var evaluation = new TrainingCompletionEvaluator().Evaluate(new Dictionary<string, string>(), facts);
        var lowest = measured.MinBy(a => a.Percent)!;
        var lowestPercent = Math.Floor(lowest.Percent!.Value * 10) / 10;
        // The criterion decides green; an audience it refuses for another reason (no people yet) is amber, not hidden.
        var status = evaluation.IsMet ? ScoreStatus.Green
            : ScoreRules.AtLeast(lowestPercent, threshold) is ScoreStatus.Green or ScoreStatus.Amber ? ScoreStatus.Amber : ScoreStatus.Red;
        var value = evaluation.IsMet
            ? $"All {ScoreRules.Count(measured.Count, "audience")} at or above {ScoreRules.Pct(threshold)} (lowest {ScoreRules.Pct(lowestPercent)})"
            : lowestPercent >= threshold ? evaluation.Reasons[0]
            : $"{lowest.Name} at {ScoreRules.Pct(lowestPercent)} ({lowest.Completed} of {lowest.People}), threshold {ScoreRules.Pct(threshold)}";
        return new ScorecardItem("Training completion", value, lowestPercent, status, rule, link);
    }

    public static IReadOnlyList<ScorecardItem> Uat(UatFacts? uat, int programId)
    {
        var link = ScorecardKeys.Uat(programId);
        var t = uat?.Thresholds ?? UatGate.Defaults;
        var coverageRule = ScoreRules.AtLeastRule(t.Coverage, "the program's UAT coverage threshold") + " No data until a test cycle has scenarios.";
        var passRule = ScoreRules.AtLeastRule(t.Pass, "the program's UAT pass-rate threshold, of executed scenarios") + " No data until a scenario is executed.";
        var criticalRule = $"Critical scenarios passing, of all critical scenarios (one not run is not passing): green at or above {ScoreRules.Pct(t.CriticalPass)} " +
                           "(the program's threshold); red below, because a failing critical scenario stops go-live; no data until there is a critical scenario.";
        if (uat is null || uat.CycleName is null || uat.Rates.Total == 0)
        {
            var empty = uat is { Rates.Total: > 0 } ? $"{uat.Rates.Total} scenarios, no test cycle yet" : "No UAT scenarios yet";
            return
            [
                new("UAT coverage", empty, null, ScoreStatus.None, coverageRule, link),
                new("UAT pass rate", empty, null, ScoreStatus.None, passRule, link),
                new("UAT critical scenarios", empty, null, ScoreStatus.None, criticalRule, link),
            ];
        }
        var r = uat.Rates;
        var critical = r.CriticalTotal == 0 ? ScoreStatus.None : UatGateRules.Meets(r.CriticalPassRate, t.CriticalPass) ? ScoreStatus.Green : ScoreStatus.Red;
        return
        [
            new("UAT coverage", $"{ScoreRules.Pct(r.Coverage!.Value)} ({r.Executed} of {r.Total} run in {uat.CycleName})", r.Coverage,
                Meets(r.Coverage, t.Coverage), coverageRule, link),
            new("UAT pass rate", r.PassRate is { } p ? $"{ScoreRules.Pct(p)} ({r.Passed} of {r.Executed} executed passed)" : "Nothing executed yet", r.PassRate,
                Meets(r.PassRate, t.Pass), passRule, link),
            new("UAT critical scenarios",
                r.CriticalTotal == 0 ? "No critical scenarios" : $"{r.CriticalPassed} of {r.CriticalTotal} passing" +
                    (r.CriticalFailingKeys.Count > 0 ? $", failing: {string.Join(", ", r.CriticalFailingKeys.Take(5))}" : ""),
                r.CriticalPassRate, critical, criticalRule, link),
        ];
    }

    /// <summary>The gate's own "meets" decides green; only the shade of a miss is the scorecard's.</summary>
    private static ScoreStatus Meets(decimal? rate, decimal threshold) =>
        rate is null ? ScoreStatus.None
        : UatGateRules.Meets(rate, threshold) ? ScoreStatus.Green
        : ScoreRules.AtLeast(rate, threshold) == ScoreStatus.Amber ? ScoreStatus.Amber : ScoreStatus.Red;
}
