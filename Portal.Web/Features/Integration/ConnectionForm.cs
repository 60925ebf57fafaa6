using Portal.Core.Integration;

namespace Portal.Web.Features.Integration;

/// <summary>The register-connection dialog's fields, with the defaults most API syncs start from.</summary>
public sealed class ConnectionForm
{
    public int? ProgramId { get; set; }
    public string? Key { get; set; }
    public string? Name { get; set; }
    public string? SourceSystem { get; set; }
    public string? TargetSystem { get; set; }
    public string? DataDomain { get; set; }
    public IntegrationPattern? Pattern { get; set; } = IntegrationPattern.Api;
    public int? ExpectedIntervalMinutes { get; set; } = 15;
    public int? FreshnessSlaMinutes { get; set; } = 30;
    public decimal? ErrorRateSlaPercent { get; set; } = 2m;
    public int? ConsecutiveFailureThreshold { get; set; } = 3;
    public string? OwnerUserId { get; set; }

    public ConnectionDraft ToDraft() => new(Key, Name, SourceSystem, TargetSystem, DataDomain, Pattern, ExpectedIntervalMinutes, FreshnessSlaMinutes,
        ErrorRateSlaPercent, ConsecutiveFailureThreshold, OwnerUserId);

    public static IReadOnlyList<string> DataDomains { get; } = ["Projects", "Commitments", "Invoices", "Actuals", "Time", "Resources", "Rates"];

    public static IReadOnlyList<PatternOption> Patterns { get; } =
        Enum.GetValues<IntegrationPattern>().Select(p => new PatternOption(p, p.DisplayName())).ToList();

    public sealed record PatternOption(IntegrationPattern Value, string Name);
}
