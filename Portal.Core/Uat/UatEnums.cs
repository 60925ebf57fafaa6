namespace Portal.Core.Uat;

public enum UatCriticality
{
    Critical = 1,
    High = 2,
    Normal = 3,
}

/// <summary>
/// The outcome of running a scenario once. Blocked counts as executed but not passed: the business could not
/// complete the scenario, which is a finding about readiness, not a missing test (ADR-016).
/// </summary>
public enum UatStatus
{
    NotRun = 0,
    Pass = 1,
    Fail = 2,
    Blocked = 3,
}

public enum UatCycleStatus
{
    Planned = 1,
    Active = 2,
    Closed = 3,
}

public static class UatNames
{
    public static readonly IReadOnlyList<UatStatus> Statuses = [UatStatus.Pass, UatStatus.Fail, UatStatus.Blocked, UatStatus.NotRun];
    public static readonly IReadOnlyList<UatCriticality> Criticalities = [UatCriticality.Critical, UatCriticality.High, UatCriticality.Normal];
    public static readonly IReadOnlyList<UatCycleStatus> CycleStatuses = [UatCycleStatus.Planned, UatCycleStatus.Active, UatCycleStatus.Closed];

    public static string DisplayName(this UatStatus status) => status switch
    {
        UatStatus.NotRun => "Not run",
        _ => status.ToString(),
    };

    /// <summary>True for the outcomes that count towards coverage: the scenario was attempted.</summary>
    public static bool IsExecuted(this UatStatus status) => status != UatStatus.NotRun;

    /// <summary>"Pass", "pass", "Passed", "not run", "Not_Run", "NotRun" all read as a status; null when it is none of them.</summary>
    public static UatStatus? ParseStatus(string text) => Squash(text) switch
    {
        "pass" or "passed" => UatStatus.Pass,
        "fail" or "failed" => UatStatus.Fail,
        "blocked" => UatStatus.Blocked,
        "notrun" or "notexecuted" => UatStatus.NotRun,
        _ => null,
    };

    private static string Squash(string s) => new(s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
