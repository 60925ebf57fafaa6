using Portal.Core.Integration;

namespace Portal.Core.Scorecards;

/// <summary>A connection as the scorecard sees it: its key (for the link), name and health status today.</summary>
public sealed record ConnectionStatusInput(string Key, string Name, ConnectionStatus Status);

/// <summary>An SLA breach of one of the program's connections: when it started and ended (null while it is still open).</summary>
public sealed record BreachInput(string ConnectionKey, DateTimeOffset StartUtc, DateTimeOffset? EndUtc);

/// <summary>
/// The program's integration health (issue 6) as plain records: its connections with their status, how many reconciliation
/// exceptions are open and since when the oldest waits, and the SLA breaches that touch the last 30 days.
/// </summary>
public sealed record IntegrationHealthInput(
    IReadOnlyList<ConnectionStatusInput> Connections,
    int OpenExceptions,
    DateTimeOffset? OldestOpenExceptionUtc,
    IReadOnlyList<BreachInput> Breaches)
{
    public static IntegrationHealthInput None { get; } = new([], 0, null, []);
}

/// <summary>
/// Integration health next to adoption, so "green integration, red adoption" (the data flows, nobody uses it) and the reverse
/// are both obvious. Three items, each judged on the program's connections; a program without connections has no data.
/// </summary>
public static class IntegrationScores
{
    public const int ExceptionRedDays = 7, BreachWindowDays = 30, BreachRedCount = 3;
    public const string NoConnections = "No connections registered";

    public const string StatusRule =
        "The health status of each connection (issue 6 rules: Healthy, Late, Failing, Unknown): red when any connection is Failing; amber when " +
        "any is Late, or has not reported while others have; green when all are Healthy; no data without connections or before any reports.";

    public const string ExceptionsRule =
        "Open reconciliation exceptions (records that disagree between systems after a sync): green when none is open; amber while every open " +
        "one is younger than 7 days; red when one has waited 7 days or more; no data without connections.";

    public const string BreachesRule =
        "Freshness and error-rate SLA breaches that started or were still open in the last 30 days: green at none; amber at 1 or 2, all closed; " +
        "red at 3 or more, or while a breach is open; no data without connections.";

    public static ScorecardSection Section(int programId, IntegrationHealthInput input, DateTimeOffset now)
    {
        var link = ScorecardKeys.Integration(programId);
        if (input.Connections.Count == 0)
            return new ScorecardSection(ScorecardKeys.IntegrationHealth, "Integration health", link,
                [new ScorecardItem("Connections", NoConnections, null, ScoreStatus.None, StatusRule, link)]);
        return new ScorecardSection(ScorecardKeys.IntegrationHealth, "Integration health", link,
        [
            Connections(input.Connections, link),
            Exceptions(input.OpenExceptions, input.OldestOpenExceptionUtc, now),
            Breaches(input.Breaches, now, link),
        ]);
    }

    public static ScorecardItem Connections(IReadOnlyList<ConnectionStatusInput> connections, string programLink)
    {
        int Count(ConnectionStatus s) => connections.Count(c => c.Status == s);
        var (failing, late, unknown, healthy) = (Count(ConnectionStatus.Failing), Count(ConnectionStatus.Late), Count(ConnectionStatus.Unknown),
            Count(ConnectionStatus.Healthy));
        var parts = new[] { (failing, "failing"), (late, "late"), (unknown, "not reporting yet"), (healthy, "healthy") }
            .Where(p => p.Item1 > 0).Select(p => $"{p.Item1} {p.Item2}");
        var worst = connections.OrderBy(c => c.Status.Severity()).First(); // a connection severity of 0 is Failing: worst first
        var status = failing > 0 ? ScoreStatus.Red
            : late > 0 ? ScoreStatus.Amber
            : healthy == 0 ? ScoreStatus.None
            : unknown > 0 ? ScoreStatus.Amber
            : ScoreStatus.Green;
        var value = $"{string.Join(", ", parts)} of {ScoreRules.Count(connections.Count, "connection")}";
        if (status is ScoreStatus.Red or ScoreStatus.Amber)
            value += $"; worst: {worst.Name}";
        // A bad status points at the connection to fix; otherwise the program's connections.
        var link = status is ScoreStatus.Red or ScoreStatus.Amber ? ScorecardKeys.ConnectionPage(worst.Key) : programLink;
        return new ScorecardItem("Connections", value, healthy, status, StatusRule, link);
    }

    public static ScorecardItem Exceptions(int open, DateTimeOffset? oldestUtc, DateTimeOffset now)
    {
        const string link = ScorecardKeys.ExceptionQueue;
        if (open == 0 || oldestUtc is not { } oldest)
            return new ScorecardItem("Open reconciliation exceptions", "None open", 0, ScoreStatus.Green, ExceptionsRule, link);
        var age = now - oldest;
        var status = age >= TimeSpan.FromDays(ExceptionRedDays) ? ScoreStatus.Red : ScoreStatus.Amber;
        return new ScorecardItem("Open reconciliation exceptions", $"{open} open; oldest waiting {IntegrationNames.Describe(age)}",
            open, status, ExceptionsRule, link);
    }

    public static ScorecardItem Breaches(IReadOnlyList<BreachInput> breaches, DateTimeOffset now, string programLink)
    {
        var since = now.AddDays(-BreachWindowDays);
        var recent = breaches.Where(b => b.StartUtc >= since || b.EndUtc is null || b.EndUtc >= since).ToList();
        var open = recent.Where(b => b.EndUtc is null).ToList();
        var status = recent.Count == 0 ? ScoreStatus.Green
            : open.Count > 0 || recent.Count >= BreachRedCount ? ScoreStatus.Red
            : ScoreStatus.Amber;
        var value = recent.Count == 0
            ? $"None in the last {BreachWindowDays} days"
            : $"{ScoreRules.Count(recent.Count, "breach", "breaches")} in the last {BreachWindowDays} days" + (open.Count > 0 ? $", {open.Count} still open" : "");
        var worst = open.FirstOrDefault() ?? recent.OrderByDescending(b => b.StartUtc).FirstOrDefault();
        return new ScorecardItem("SLA breaches (30 days)", value, recent.Count, status, BreachesRule,
            worst is null ? programLink : ScorecardKeys.ConnectionPage(worst.ConnectionKey));
    }
}
