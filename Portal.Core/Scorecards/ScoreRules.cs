using System.Globalization;

namespace Portal.Core.Scorecards;

/// <summary>The colour rules several sections share, so "up to 10 points below" means the same thing everywhere.</summary>
public static class ScoreRules
{
    /// <summary>How far below a threshold still counts as amber rather than red, in percentage points.</summary>
    public const decimal AmberBandPoints = 10m;

    /// <summary>
    /// Green at or above <paramref name="threshold"/>, amber up to <see cref="AmberBandPoints"/> below it (inclusive), red further
    /// below; None without a value.
    /// </summary>
    public static ScoreStatus AtLeast(decimal? value, decimal threshold, decimal amberBand = AmberBandPoints) => value switch
    {
        null => ScoreStatus.None,
        { } v when v >= threshold => ScoreStatus.Green,
        { } v when v >= threshold - amberBand => ScoreStatus.Amber,
        _ => ScoreStatus.Red,
    };

    public static string AtLeastRule(decimal threshold, string thresholdSource, decimal amberBand = AmberBandPoints) =>
        $"Green at or above {Pct(threshold)} ({thresholdSource}); amber up to {Points(amberBand)} below; red further below.";

    public static string Pct(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string Points(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture) + " points";

    public static string Count(int n, string singular, string? plural = null) => $"{n} {(n == 1 ? singular : plural ?? singular + "s")}";

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
