using Portal.Core.Milestones;

namespace Portal.Core.Scorecards;

/// <summary>
/// One item per phase, technical against change. The failure the seed warns about, a technical milestone declared complete
/// while its change milestone is not met (today), is red; work held back by unmet change criteria is amber.
/// </summary>
public static class PhaseGateScores
{
    public const string Rule =
        "Red when a technical milestone is complete but a paired change milestone is not met today; amber when technical work is " +
        "blocked or under way with an unmet change milestone; green when the phase is closed or everything under way has its change " +
        "milestones met; no data until work in the phase starts.";

    public static ScorecardSection Section(ScorecardInputs inputs)
    {
        var link = ScorecardKeys.Program(inputs.ProgramId);
        var items = inputs.Phases.Select(p => Item(p, link)).ToList();
        if (items.Count == 0)
            items.Add(new ScorecardItem("Phases", "No phases planned", null, ScoreStatus.None, Rule, link));
        return new ScorecardSection(ScorecardKeys.PhaseGates, "Phase gates: technical and change", link, items);
    }

    public static ScorecardItem Item(PhaseGateInput phase, string link)
    {
        var tech = phase.Technical;
        var complete = tech.Count(t => t.Status == MilestoneStatus.Complete);
        var changeText = $"change {phase.ChangeMet} of {phase.ChangeMilestones} met";
        var value = $"Technical {complete} of {tech.Count} complete, {changeText}";
        var doneButUnmet = tech.Where(t => t.Status == MilestoneStatus.Complete && !t.PairedChangeMet).ToList();
        var heldBack = tech.Where(t => t.Status == MilestoneStatus.Blocked || (t.Status == MilestoneStatus.InProgress && !t.PairedChangeMet)).ToList();

        ScoreStatus status;
        if (doneButUnmet.Count > 0)
        {
            status = ScoreStatus.Red;
            value = $"Technical done but change unmet: {string.Join(", ", doneButUnmet.Select(t => t.Name))} ({changeText})";
        }
        else if (heldBack.Count > 0)
        {
            status = ScoreStatus.Amber;
            value = $"{ScoreRules.Count(heldBack.Count, "technical milestone")} held back, {changeText}";
        }
        else if (phase.IsClosed || (tech.Count > 0 && complete == tech.Count && phase.ChangeMet == phase.ChangeMilestones))
            status = ScoreStatus.Green;
        else if (tech.Any(t => t.Status != MilestoneStatus.NotStarted))
            status = ScoreStatus.Green;
        else
        {
            status = ScoreStatus.None;
            value = $"Not started, {changeText}";
        }
        return new ScorecardItem(phase.Name, value, null, status, Rule, link);
    }
}
