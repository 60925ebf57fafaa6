using Portal.Core.Playbooks;
using Portal.Core.Stakeholders;

namespace Portal.Core.Scorecards;

/// <summary>Change readiness from the stakeholder map: support against target, hotspots answered by playbooks, and the trend.</summary>
public static class ReadinessScores
{
    public const decimal SupportTargetPercent = 80m, SupportAmberBand = 20m;
    public const int TrendDays = 30;

    public const string SupportRule =
        "Share of stakeholders (people, counted through their group unless assessed on their own) whose current support is at or " +
        "above its target. Green at or above 80%; amber from 60%; red below 60%; no data until the map has an assessment.";

    public const string HotspotRule =
        "A hotspot (influence 4+, impact 4+, support below Neutral) is answered when a playbook applied to it has an owned, live " +
        "action. Green when every hotspot is answered (or there are none); red when any is not; no data until the map has an assessment.";

    public const string TrendRule =
        "Average support, weighted by people, now against 30 days ago for the groups assessed then. Green when it rose (or every " +
        "stakeholder is already at target); amber when it did not move; red when it fell; no data without an assessment 30 days old.";

    public static ScorecardSection Section(ScorecardInputs inputs)
    {
        var r = inputs.Readiness;
        var id = inputs.ProgramId;
        var support = SupportAtTarget(r.Entries);
        var items = new List<ScorecardItem>
        {
            new("Support at target", support is { } s ? $"{ScoreRules.Pct(s.Percent)} of {ScoreRules.Count(s.People, "stakeholder")} at or above target" : "No assessments yet",
                support?.Percent, ScoreRules.AtLeast(support?.Percent, SupportTargetPercent, SupportAmberBand), SupportRule, ScorecardKeys.Stakeholders(id)),
            Hotspots(r, id),
            Trend(r.Histories, inputs.Now, support?.Percent == 100m, id),
        };
        return new ScorecardSection(ScorecardKeys.Readiness, "Change readiness", ScorecardKeys.Stakeholders(id), items);
    }

    /// <summary>People-weighted share at or above target; a group nobody is listed in still counts once. Null for an empty map.</summary>
    public static (decimal Percent, int People)? SupportAtTarget(IReadOnlyList<MapEntry> entries)
    {
        if (entries.Count == 0)
            return null;
        var total = entries.Sum(Weight);
        var atTarget = entries.Where(e => e.CurrentSupport >= e.TargetSupport).Sum(Weight);
        return (Math.Floor(atTarget * 1000m / total) / 10m, total);
    }

    public static ScorecardItem Hotspots(ReadinessInput r, int programId)
    {
        var link = ScorecardKeys.Playbooks(programId);
        if (r.Entries.Count == 0 || r.Playbooks is not { } playbooks)
            return new ScorecardItem("Resistance hotspots answered", "No assessments yet", null, ScoreStatus.None, HotspotRule, link);
        var total = playbooks.Hotspots.Count;
        var open = playbooks.Unaddressed;
        if (total == 0)
            return new ScorecardItem("Resistance hotspots answered", "No hotspots", 0, ScoreStatus.Green, HotspotRule, link);
        var value = open.Count == 0
            ? $"All {total} answered by a playbook"
            : $"{open.Count} of {total} open: {string.Join(", ", open.Take(3).Select(h => h.Name))}{(open.Count > 3 ? $" and {open.Count - 3} more" : "")}";
        return new ScorecardItem("Resistance hotspots answered", value, open.Count, open.Count == 0 ? ScoreStatus.Green : ScoreStatus.Red, HotspotRule, link);
    }

    public static ScorecardItem Trend(IReadOnlyList<GroupHistory> histories, DateTimeOffset now, bool allAtTarget, int programId)
    {
        var link = ScorecardKeys.Stakeholders(programId);
        var then = now.AddDays(-TrendDays);
        var compared = histories
            .Select(h => (h.People, Then: PlaybookEffects.At(h.Points, then), Now: PlaybookEffects.At(h.Points, now)))
            .Where(x => x.Then is not null && x.Now is not null)
            .ToList();
        if (compared.Count == 0)
            return new ScorecardItem("Support trend (30 days)", "No assessment 30 days old to compare with", null, ScoreStatus.None, TrendRule, link);
        var weight = compared.Sum(x => Math.Max(1, x.People));
        var before = compared.Sum(x => Math.Max(1, x.People) * (decimal)x.Then!.Support) / weight;
        var after = compared.Sum(x => Math.Max(1, x.People) * (decimal)x.Now!.Support) / weight;
        var delta = Math.Round(after - before, 2);
        var (status, words) = delta switch
        {
            > 0 => (ScoreStatus.Green, "improving"),
            < 0 => (ScoreStatus.Red, "worsening"),
            _ => (allAtTarget ? ScoreStatus.Green : ScoreStatus.Amber, "no movement"),
        };
        var value = $"{char.ToUpperInvariant(words[0])}{words[1..]}: average support {Level(before)} → {Level(after)} ({ScoreRules.Count(compared.Count, "group")})";
        return new ScorecardItem("Support trend (30 days)", value, delta, status, TrendRule, link);
    }

    private static int Weight(MapEntry e) => Math.Max(1, e.People);

    private static string Level(decimal average) =>
        $"{((SupportLevel)(int)Math.Round(average, MidpointRounding.AwayFromZero)).DisplayName()} ({average.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)})";
}
