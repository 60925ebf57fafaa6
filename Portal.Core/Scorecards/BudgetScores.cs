namespace Portal.Core.Scorecards;

/// <summary>
/// The change-management share of the implementation budget (seed 000_ac05bcc366276a63: 15-25% when done properly; under
/// 10% consistently fails to deliver the intended value).
/// </summary>
public static class BudgetScores
{
    public const decimal RedBelowPercent = 10m, TargetFromPercent = 15m, TargetToPercent = 25m;

    public const string Rule =
        "Green from 15% to 25% of the total implementation budget; amber from 10% up to 15%, or over 25%; red under 10%; no data " +
        "until both the total and the change management budget are recorded.";

    public static ScoreStatus Status(decimal? sharePercent) => sharePercent switch
    {
        null => ScoreStatus.None,
        < RedBelowPercent => ScoreStatus.Red,
        < TargetFromPercent => ScoreStatus.Amber,
        <= TargetToPercent => ScoreStatus.Green,
        _ => ScoreStatus.Amber,
    };

    /// <summary>Change budget as a percentage of the total, one decimal (rounded down so 9.99% is not shown as 10%).</summary>
    public static decimal? SharePercent(decimal? total, decimal? change) =>
        total is > 0 && change is { } c ? Math.Floor(c * 1000m / total.Value) / 10m : null;

    public static ScorecardSection Section(ScorecardInputs inputs)
    {
        var link = ScorecardKeys.Program(inputs.ProgramId);
        var share = SharePercent(inputs.TotalBudget, inputs.ChangeBudget);
        var value = share is { } s
            ? $"{ScoreRules.Pct(s)} ({Money(inputs.ChangeBudget!.Value)} of {Money(inputs.TotalBudget!.Value)})"
            : "No budget recorded";
        return new ScorecardSection(ScorecardKeys.Budget, "Change management budget", link,
            [new ScorecardItem("Change budget share", value, share, Status(share), Rule, link)]);
    }

    private static string Money(decimal amount) => amount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
