using Portal.Core.Common;
using Portal.Core.Security;

namespace Portal.Core.Integration;

/// <summary>
/// The secret an integration platform sends as `X-Api-Key` with telemetry. It covers either one connection or every
/// connection of its program with a given source system (one key per middleware node feeding from the ERP, say). Kept
/// like personal API tokens: the secret is shown once, only its SHA-256 and a display prefix are stored.
/// </summary>
public sealed class IngestionKey
{
    public const string SecretPrefix = "ing_";
    public const int MaxNameLength = 100;
    public const int DisplayPrefixLength = 12;
    public const int HashLength = 64;
    /// <summary>Longer header values are refused before hashing; no real key comes near it.</summary>
    public const int MaxPresentedLength = 200;

    private IngestionKey() { }

    public int Id { get; private set; }
    public int ProgramId { get; private set; }
    /// <summary>Set for a key of one connection.</summary>
    public int? ConnectionId { get; private set; }
    /// <summary>Set for a key of every connection of the program with this source system.</summary>
    public string? SourceSystem { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public string DisplayPrefix { get; private set; } = string.Empty;
    public string SecretHash { get; private set; } = string.Empty;
    public string CreatedByUserId { get; private set; } = string.Empty;
    public DateTimeOffset CreatedUtc { get; private set; }
    public DateTimeOffset? LastUsedUtc { get; private set; }
    public DateTimeOffset? RevokedUtc { get; private set; }

    public bool IsRevoked => RevokedUtc is not null;

    public string ScopeDescription => ConnectionId is not null ? "this connection" : $"all {SourceSystem} connections of the program";

    /// <summary>A key for <paramref name="connection"/> alone, or for all of its program's connections from the same source system.</summary>
    public static Result<IssuedIngestionKey> Create(Connection connection, bool wholeSourceSystem, string? name, string createdBy, DateTimeOffset now) =>
        Create(connection, wholeSourceSystem, name, createdBy, now, SecretHashing.NewSecret(SecretPrefix));

    /// <summary>
    /// Demo data only: a key whose secret is published in the README (`portal-demo-ingest-key`). Real keys come from
    /// <see cref="Create(Connection, bool, string?, string, DateTimeOffset)"/>.
    /// </summary>
    public static IngestionKey WithPublishedSecret(Connection connection, bool wholeSourceSystem, string name, string createdBy, DateTimeOffset now,
        string secret) => Create(connection, wholeSourceSystem, name, createdBy, now, secret).Value.Key;

    private static Result<IssuedIngestionKey> Create(Connection connection, bool wholeSourceSystem, string? name, string createdBy, DateTimeOffset now,
        string secret)
    {
        var errors = new FieldErrors();
        errors.MaxLength(nameof(Name), name, "Key name", MaxNameLength);
        if (errors.Any)
            return Result<IssuedIngestionKey>.Failure(errors.ToList());
        var label = string.IsNullOrWhiteSpace(name)
            ? (wholeSourceSystem ? $"{connection.SourceSystem} connections" : connection.Key)
            : name.Trim();
        var key = new IngestionKey
        {
            ProgramId = connection.ProgramId,
            ConnectionId = wholeSourceSystem ? null : connection.Id,
            SourceSystem = wholeSourceSystem ? connection.SourceSystem : null,
            Name = label,
            DisplayPrefix = secret[..Math.Min(DisplayPrefixLength, secret.Length)],
            SecretHash = SecretHashing.Hash(secret),
            CreatedByUserId = createdBy,
            CreatedUtc = now.ToUniversalTime(),
        };
        return Result<IssuedIngestionKey>.Success(new IssuedIngestionKey(key, secret));
    }

    /// <summary>Whether telemetry for <paramref name="connection"/> may be sent with this key.</summary>
    public bool Covers(Connection connection) =>
        !IsRevoked && connection.ProgramId == ProgramId
        && (ConnectionId is { } id ? id == connection.Id : SourceSystem is not null && connection.HasSource(SourceSystem));

    public void Revoke(DateTimeOffset now) => RevokedUtc ??= now.ToUniversalTime();

    /// <summary>True when the last-used time should be written; at most once per resolution, so busy senders do not write per batch.</summary>
    public bool MarkUsed(DateTimeOffset now)
    {
        if (LastUsedUtc is { } last && now - last < PersonalApiToken.LastUsedResolution)
            return false;
        LastUsedUtc = now.ToUniversalTime();
        return true;
    }

    public static string Hash(string presented) => SecretHashing.Hash(presented);
}

/// <summary>A new key with its secret, which exists only in memory until shown to the user.</summary>
public sealed record IssuedIngestionKey(IngestionKey Key, string Secret);
