using System.Globalization;

namespace Portal.Core.Scorecards;

/// <summary>
/// Sponsorship is visible, repeated behaviour, not one kickoff email (seed 000_ac05bcc366276a63): the scorecard counts the
/// sponsor's logged actions and flags calendar months in which nothing was logged.
/// </summary>
public static class SponsorshipScores
{
    public const int MonthsJudged = 3, CadenceDays = 90, CadenceGreenFrom = 3;

    public const string SilentRule =
        "Looks at the last 3 complete calendar months since the program started: one with no logged sponsorship action is amber; two " +
        "silent months in a row are red; none silent is green; no data until a full calendar month has passed.";

    public const string CadenceRule =
        "Sponsorship actions logged in the last 90 days: green at 3 or more (about one a month); amber at 1 or 2; red at none; no " +
        "data until a full calendar month has passed since the program started.";

    public static ScorecardSection Section(ScorecardInputs inputs)
    {
        var link = ScorecardKeys.SponsorshipPage(inputs.ProgramId);
        return new ScorecardSection(ScorecardKeys.Sponsorship, "Sponsorship activity", link,
            [Cadence(inputs.SponsorshipActions, inputs.ProgramStarted, inputs.Today, link), Silent(inputs.SponsorshipActions, inputs.ProgramStarted, inputs.Today, link)]);
    }

    /// <summary>
    /// The complete calendar months that can be judged, oldest first, at most <see cref="MonthsJudged"/>: from the first full
    /// month after the program started (or the month of its first logged action, if earlier) up to last month.
    /// </summary>
    public static IReadOnlyList<DateOnly> JudgedMonths(IReadOnlyCollection<DateOnly> actions, DateOnly programStarted, DateOnly today)
    {
        var first = FirstOfMonth(programStarted).AddMonths(1);
        if (actions.Count > 0 && FirstOfMonth(actions.Min()) < first)
            first = FirstOfMonth(actions.Min());
        var thisMonth = FirstOfMonth(today);
        var months = new List<DateOnly>();
        for (var m = thisMonth.AddMonths(-MonthsJudged); m < thisMonth; m = m.AddMonths(1))
            if (m >= first)
                months.Add(m);
        return months;
    }

    public static ScorecardItem Silent(IReadOnlyCollection<DateOnly> actions, DateOnly programStarted, DateOnly today, string link)
    {
        var months = JudgedMonths(actions, programStarted, today);
        if (months.Count == 0)
            return new ScorecardItem("Silent months", "No full calendar month yet", null, ScoreStatus.None, SilentRule, link);
        var active = actions.Select(FirstOfMonth).ToHashSet();
        var silent = months.Where(m => !active.Contains(m)).ToList();
        var twoInARow = silent.Any(m => silent.Contains(m.AddMonths(1)));
        var status = twoInARow ? ScoreStatus.Red : silent.Count > 0 ? ScoreStatus.Amber : ScoreStatus.Green;
        var value = silent.Count == 0
            ? $"None in the last {ScoreRules.Count(months.Count, "full month")}"
            : $"{string.Join(", ", silent.Select(Month))}: no sponsorship action logged";
        return new ScorecardItem("Silent months", value, silent.Count, status, SilentRule, link);
    }

    public static ScorecardItem Cadence(IReadOnlyCollection<DateOnly> actions, DateOnly programStarted, DateOnly today, string link)
    {
        var recent = actions.Count(d => d > today.AddDays(-CadenceDays) && d <= today);
        var last = actions.Count > 0 ? actions.Max() : (DateOnly?)null;
        var lastText = last is { } l ? $"; last on {ScoreRules.Date(l)}" : "";
        var value = $"{ScoreRules.Count(recent, "action")} in the last {CadenceDays} days{lastText}";
        if (JudgedMonths(actions, programStarted, today).Count == 0 && recent == 0)
            return new ScorecardItem("Sponsorship actions", value, recent, ScoreStatus.None, CadenceRule, link);
        var status = recent >= CadenceGreenFrom ? ScoreStatus.Green : recent > 0 ? ScoreStatus.Amber : ScoreStatus.Red;
        return new ScorecardItem("Sponsorship actions", value, recent, status, CadenceRule, link);
    }

    private static DateOnly FirstOfMonth(DateOnly d) => new(d.Year, d.Month, 1);

    private static string Month(DateOnly d) => d.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
}
