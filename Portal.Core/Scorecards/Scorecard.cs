namespace Portal.Core.Scorecards;

/// <summary>
/// An item's colour. <see cref="None"/> means there is no data to judge yet: it is shown grey and never counts as green,
/// so an empty register cannot make a program look healthy.
/// </summary>
public enum ScoreStatus
{
    None = 0,
    Green = 1,
    Amber = 2,
    Red = 3,
}

public static class ScoreStatusNames
{
    /// <summary>How bad a status is, for "worst first": red, amber, no data, green.</summary>
    public static int Severity(this ScoreStatus status) => status switch
    {
        ScoreStatus.Red => 3,
        ScoreStatus.Amber => 2,
        ScoreStatus.None => 1,
        _ => 0,
    };

    /// <summary>The word shown next to the colour, so the colour is never the only signal.</summary>
    public static string Label(this ScoreStatus status) => status switch
    {
        ScoreStatus.Red => "Red",
        ScoreStatus.Amber => "Amber",
        ScoreStatus.Green => "Green",
        _ => "No data",
    };

    /// <summary>The lower-case name the API and CSS use: green, amber, red, none.</summary>
    public static string Key(this ScoreStatus status) => status.ToString().ToLowerInvariant();

    public static ScoreStatus Worst(this IEnumerable<ScoreStatus> statuses) =>
        statuses.DefaultIfEmpty(ScoreStatus.None).MaxBy(s => s.Severity());
}

/// <summary>
/// One measured thing on a scorecard: what it is, its value in words (and as a number where it has one), its colour and
/// the rule that gave that colour in plain words, and the page where the detail lives.
/// </summary>
public sealed record ScorecardItem(string Name, string Value, decimal? Number, ScoreStatus Status, string Rule, string Link);

/// <summary>A group of items from one feature, e.g. "Training and UAT", with the page that holds its detail.</summary>
public sealed record ScorecardSection(string Key, string Title, string Link, IReadOnlyList<ScorecardItem> Items)
{
    public ScoreStatus Status => Items.Select(i => i.Status).Worst();

    /// <summary>The item that gives the section its colour (the first of the worst).</summary>
    public ScorecardItem? WorstItem => Items.OrderByDescending(i => i.Status.Severity()).FirstOrDefault();
}

/// <summary>A program's adoption scorecard as of <see cref="GeneratedAt"/>: a document tests read without rendering it.</summary>
public sealed record Scorecard(int ProgramId, string ProgramName, DateTimeOffset GeneratedAt, IReadOnlyList<ScorecardSection> Sections)
{
    public ScoreStatus Status => Sections.Select(s => s.Status).Worst();

    public IEnumerable<ScorecardItem> Items => Sections.SelectMany(s => s.Items);

    /// <summary>Every item that is not green, worst first (red, amber, then no data); within a status, in section order.</summary>
    public IReadOnlyList<ScorecardItem> Headline =>
        Items.Where(i => i.Status != ScoreStatus.Green).OrderByDescending(i => i.Status.Severity()).ToList();

    public int Count(ScoreStatus status) => Items.Count(i => i.Status == status);

    public ScorecardSection? Section(string key) => Sections.FirstOrDefault(s => s.Key == key);
}
