using Portal.Core.Common;

namespace Portal.Core.Security;

/// <summary>
/// A personal API token: the caller sends the secret as a bearer token and acts as its owner. Only the SHA-256
/// hash of the secret is kept, with a short prefix so a user can tell their tokens apart; the secret itself is
/// shown once, when the token is created.
/// </summary>
public sealed class PersonalApiToken
{
    public const string SecretPrefix = "pat_";
    public const int MaxNameLength = 100;
    public const int MaxLifetimeDays = 365;
    public const int MaxActivePerUser = 10;
    public const int DisplayPrefixLength = 12;
    public const int HashLength = 64;
    public static readonly IReadOnlyList<int> LifetimeChoices = [30, 90, 365];
    /// <summary>Last-used time is written at most this often, so busy callers do not write on every request.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private PersonalApiToken() { }

    public int Id { get; private set; }
    public string UserId { get; private set; } = string.Empty;
    public string Name { get; private set; } = string.Empty;
    public string DisplayPrefix { get; private set; } = string.Empty;
    public string SecretHash { get; private set; } = string.Empty;
    public DateTimeOffset CreatedUtc { get; private set; }
    public DateTimeOffset ExpiresUtc { get; private set; }
    public DateTimeOffset? LastUsedUtc { get; private set; }
    public DateTimeOffset? RevokedUtc { get; private set; }

    public bool IsRevoked => RevokedUtc is not null;
    public bool IsActiveAt(DateTimeOffset now) => !IsRevoked && now < ExpiresUtc;
    public bool IsUsableAt(DateTimeOffset now) => IsActiveAt(now);

    /// <summary>Creates a token and its secret; the caller must show the secret to the user now, as it is not kept.</summary>
    public static Result<IssuedApiToken> Create(string userId, string? name, int lifetimeDays, int activeTokens, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        errors.Required("Name", name, "Token name", MaxNameLength);
        if (lifetimeDays < 1 || lifetimeDays > MaxLifetimeDays)
            errors.Add("LifetimeDays", $"A token must expire within 1 to {MaxLifetimeDays} days.");
        if (activeTokens >= MaxActivePerUser)
            errors.Add("Name", $"You already have {MaxActivePerUser} active tokens; revoke one before creating another.");
        if (errors.Any)
            return Result<IssuedApiToken>.Failure(errors.ToList());

        var secret = SecretHashing.NewSecret(SecretPrefix);
        var token = new PersonalApiToken
        {
            UserId = userId,
            Name = name!.Trim(),
            DisplayPrefix = secret[..DisplayPrefixLength],
            SecretHash = Hash(secret),
            CreatedUtc = now.ToUniversalTime(),
            ExpiresUtc = now.ToUniversalTime().AddDays(lifetimeDays),
        };
        return Result<IssuedApiToken>.Success(new IssuedApiToken(token, secret));
    }

    /// <summary>Revoking twice is harmless; the first revocation time is kept.</summary>
    public void Revoke(DateTimeOffset now) => RevokedUtc ??= now.ToUniversalTime();

    /// <summary>True when the last-used time was written (it is skipped within <see cref="LastUsedResolution"/>).</summary>
    public bool MarkUsed(DateTimeOffset now)
    {
        if (LastUsedUtc is { } last && now - last < LastUsedResolution)
            return false;
        LastUsedUtc = now.ToUniversalTime();
        return true;
    }

    /// <summary>Whether a string has the shape of a token secret, so garbage is refused before a database look-up.</summary>
    public static bool LooksLikeSecret(string? value) =>
        value is { Length: > 40 and < 100 } && value.StartsWith(SecretPrefix, StringComparison.Ordinal)
        && value.AsSpan(SecretPrefix.Length).IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") < 0;

    public static string Hash(string secret) => SecretHashing.Hash(secret);
}

/// <summary>A new token with its secret, which exists only in memory until shown to the user.</summary>
public sealed record IssuedApiToken(PersonalApiToken Token, string Secret);
