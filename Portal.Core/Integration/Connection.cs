using System.Text.RegularExpressions;
using Portal.Core.Common;
using Portal.Core.Programs;

namespace Portal.Core.Integration;

/// <summary>What a person (or a provisioning script) typed to register a connection.</summary>
public sealed record ConnectionDraft(
    string? Key, string? Name, string? SourceSystem, string? TargetSystem, string? DataDomain, IntegrationPattern? Pattern,
    int? ExpectedIntervalMinutes, int? FreshnessSlaMinutes, decimal? ErrorRateSlaPercent, int? ConsecutiveFailureThreshold,
    string? OwnerUserId);

/// <summary>
/// One sync between two systems of a program (e.g. ERP purchase orders into the PPM's commitments), with what "on time"
/// and "healthy" mean for it. Telemetry names it by its key, which is unique across Portal so an ingestion payload needs
/// no program id. Health is derived from its runs by <see cref="ConnectionHealth"/>.
/// </summary>
public sealed partial class Connection
{
    public const int MinKeyLength = 3;
    public const int MaxKeyLength = 60;
    public const int MaxNameLength = 120;
    public const int MaxSystemLength = SystemKinds.MaxNameLength;
    public const int MaxDataDomainLength = 60;
    /// <summary>A month: the slowest batch a program plausibly watches.</summary>
    public const int MaxIntervalMinutes = 31 * 24 * 60;
    public const int MaxFailureThreshold = 100;

    private Connection() { }

    public int Id { get; private set; }
    public int ProgramId { get; private set; }
    public string Key { get; private set; } = string.Empty;
    public string Name { get; private set; } = string.Empty;
    public string SourceSystem { get; private set; } = string.Empty;
    public string TargetSystem { get; private set; } = string.Empty;
    public string DataDomain { get; private set; } = string.Empty;
    public IntegrationPattern Pattern { get; private set; }
    public int ExpectedIntervalMinutes { get; private set; }
    public int FreshnessSlaMinutes { get; private set; }
    public decimal ErrorRateSlaPercent { get; private set; }
    public int ConsecutiveFailureThreshold { get; private set; }
    public string OwnerUserId { get; private set; } = string.Empty;
    public DateTimeOffset CreatedUtc { get; private set; }

    public TimeSpan ExpectedInterval => TimeSpan.FromMinutes(ExpectedIntervalMinutes);

    /// <summary>
    /// Registers a connection in <paramref name="program"/>. The owner must be a member holding the integration owner role
    /// there; <paramref name="keyTaken"/> says whether another connection already uses the key (the database checks it too).
    /// </summary>
    public static Result<Connection> Register(PortalProgram program, ConnectionDraft draft, bool keyTaken, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var key = NormalizeKey(draft.Key);
        if (key.Length == 0)
            errors.Add(nameof(Key), "Key is required.");
        else if (!IsValidKey(key))
            errors.Add(nameof(Key), $"Key must be {MinKeyLength} to {MaxKeyLength} lower-case letters, digits or hyphens, starting with a letter or digit (e.g. erp-ppm-actuals).");
        else if (keyTaken)
            errors.Add(nameof(Key), $"The key '{key}' is already used by another connection; keys are unique across Portal.");
        errors.Required(nameof(Name), draft.Name, "Name", MaxNameLength);
        errors.Required(nameof(SourceSystem), draft.SourceSystem, "Source system", MaxSystemLength);
        errors.Required(nameof(TargetSystem), draft.TargetSystem, "Target system", MaxSystemLength);
        if (!errors.ToList().Any(e => e.Field is nameof(SourceSystem) or nameof(TargetSystem))
            && string.Equals(draft.SourceSystem!.Trim(), draft.TargetSystem!.Trim(), StringComparison.OrdinalIgnoreCase))
            errors.Add(nameof(TargetSystem), "Source and target must be different systems.");
        errors.Required(nameof(DataDomain), draft.DataDomain, "Data domain", MaxDataDomainLength);
        if (draft.Pattern is not { } pattern || !Enum.IsDefined(pattern))
            errors.Add(nameof(Pattern), "Choose a pattern: API, event or batch.");
        Minutes(errors, nameof(ExpectedIntervalMinutes), draft.ExpectedIntervalMinutes, "Expected interval");
        Minutes(errors, nameof(FreshnessSlaMinutes), draft.FreshnessSlaMinutes, "Freshness SLA");
        if (draft.ErrorRateSlaPercent is not { } rate)
            errors.Add(nameof(ErrorRateSlaPercent), "Error-rate SLA is required (a percentage of runs, e.g. 2).");
        else if (rate is < 0 or > 100 || decimal.Round(rate, 2) != rate)
            errors.Add(nameof(ErrorRateSlaPercent), "Error-rate SLA must be a percentage from 0 to 100 with at most two decimals.");
        if (draft.ConsecutiveFailureThreshold is not { } threshold)
            errors.Add(nameof(ConsecutiveFailureThreshold), "Consecutive-failure threshold is required.");
        else if (threshold is < 1 or > MaxFailureThreshold)
            errors.Add(nameof(ConsecutiveFailureThreshold), $"Consecutive-failure threshold must be from 1 to {MaxFailureThreshold}.");
        if (string.IsNullOrWhiteSpace(draft.OwnerUserId))
            errors.Add(nameof(OwnerUserId), "Choose the owner: an integration owner of this program.");
        else if (!IsIntegrationOwner(program, draft.OwnerUserId))
            errors.Add(nameof(OwnerUserId), "The owner must be a member of this program with the integration owner role.");
        if (errors.Any)
            return Result<Connection>.Failure(errors.ToList());

        return Result<Connection>.Success(new Connection
        {
            ProgramId = program.Id,
            Key = key,
            Name = draft.Name!.Trim(),
            SourceSystem = draft.SourceSystem!.Trim(),
            TargetSystem = draft.TargetSystem!.Trim(),
            DataDomain = draft.DataDomain!.Trim(),
            Pattern = draft.Pattern!.Value,
            ExpectedIntervalMinutes = draft.ExpectedIntervalMinutes!.Value,
            FreshnessSlaMinutes = draft.FreshnessSlaMinutes!.Value,
            ErrorRateSlaPercent = draft.ErrorRateSlaPercent!.Value,
            ConsecutiveFailureThreshold = draft.ConsecutiveFailureThreshold!.Value,
            OwnerUserId = draft.OwnerUserId!,
            CreatedUtc = now.ToUniversalTime(),
        });
    }

    public static bool IsIntegrationOwner(PortalProgram program, string userId) =>
        program.Members.Any(m => m.UserId == userId && m.Role == ProgramRole.IntegrationOwner);

    public static string NormalizeKey(string? key) => key?.Trim().ToLowerInvariant() ?? string.Empty;

    public static bool IsValidKey(string key) => key.Length is >= MinKeyLength and <= MaxKeyLength && KeyPattern().IsMatch(key);

    /// <summary>Whether a source system name is this connection's (case-insensitive, as people type "erp" and "ERP").</summary>
    public bool HasSource(string sourceSystem) => string.Equals(SourceSystem, sourceSystem.Trim(), StringComparison.OrdinalIgnoreCase);

    private static void Minutes(FieldErrors errors, string field, int? minutes, string label)
    {
        if (minutes is not { } m)
            errors.Add(field, $"{label} is required (in minutes).");
        else if (m is < 1 or > MaxIntervalMinutes)
            errors.Add(field, $"{label} must be from 1 minute to {MaxIntervalMinutes} minutes (31 days).");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex KeyPattern();
}
