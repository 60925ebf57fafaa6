using Portal.Core.Decommissioning;

namespace Portal.Core.Scorecards;

/// <summary>The decommissioning register: what is switched off, what is overdue, and how often dates slipped.</summary>
public static class DecommissioningScores
{
    public const int RedSlipsPerWorkaround = 2;

    public const string DoneRule =
        "Green when every registered workaround is decommissioned with signed evidence; amber while some are still to go (dated, none " +
        "overdue) or have no date; red when any is overdue; no data until a workaround is registered.";

    public const string OverdueRule = "Any overdue workaround (date passed, still running) is red; none is green; no data until a workaround is registered.";

    public const string SlipRule =
        "Moving a decommission date is a slip. Green with no slips; amber with slips; red when one workaround slipped twice or more; " +
        "no data until a workaround is registered.";

    public static ScorecardSection Section(ScorecardInputs inputs)
    {
        var link = ScorecardKeys.DecommissioningPage(inputs.ProgramId);
        var w = inputs.Workarounds;
        if (w.Count == 0)
            return new ScorecardSection(ScorecardKeys.Decommissioning, "Decommissioning old workarounds", link,
            [
                new("Workarounds decommissioned", "No workarounds registered", null, ScoreStatus.None, DoneRule, link),
                new("Overdue workarounds", "No workarounds registered", null, ScoreStatus.None, OverdueRule, link),
                new("Date slips", "No workarounds registered", null, ScoreStatus.None, SlipRule, link),
            ]);

        var done = w.Count(x => x.Status == WorkaroundStatus.Decommissioned);
        var overdue = w.Where(x => x.Status == WorkaroundStatus.Overdue).ToList();
        var undated = w.Count(x => x.Status == WorkaroundStatus.Active);
        var doneStatus = overdue.Count > 0 ? ScoreStatus.Red : done == w.Count ? ScoreStatus.Green : ScoreStatus.Amber;
        var doneValue = $"{done} of {w.Count} decommissioned" + (undated > 0 ? $", {undated} without a date" : "");

        var slips = w.Sum(x => x.Slips);
        var repeat = w.Where(x => x.Slips >= RedSlipsPerWorkaround).ToList();
        var slipStatus = repeat.Count > 0 ? ScoreStatus.Red : slips > 0 ? ScoreStatus.Amber : ScoreStatus.Green;
        var slipValue = slips == 0 ? "No slips"
            : ScoreRules.Count(slips, "slip") + (repeat.Count > 0 ? $" ({string.Join(", ", repeat.Select(x => $"{x.Name} {x.Slips}×"))})" : "");

        return new ScorecardSection(ScorecardKeys.Decommissioning, "Decommissioning old workarounds", link,
        [
            new("Workarounds decommissioned", doneValue, Math.Round(done * 100m / w.Count, 1), doneStatus, DoneRule, link),
            new("Overdue workarounds", overdue.Count == 0 ? "None overdue" : $"{overdue.Count} overdue: {string.Join(", ", overdue.Select(x => x.Name))}",
                overdue.Count, overdue.Count > 0 ? ScoreStatus.Red : ScoreStatus.Green, OverdueRule, link),
            new("Date slips", slipValue, slips, slipStatus, SlipRule, link),
        ]);
    }
}
