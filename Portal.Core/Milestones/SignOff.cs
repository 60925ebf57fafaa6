using Portal.Core.Common;

namespace Portal.Core.Milestones;

/// <summary>
/// A signature on a criterion's, a milestone's or a system-of-record entry's content: printed name, user id, UTC time, meaning, comment and the SHA-256 hash
/// of the canonical content that was signed. When the content changes, the hash no longer matches and the
/// sign-off is stale: kept for the record, no longer counted.
/// </summary>
public sealed class SignOff
{
    public const int MaxCommentLength = 2000;

    private SignOff() { }

    internal SignOff(Signer signer, SignOffMeaning meaning, string comment, string contentHash, DateTimeOffset signedUtc)
    {
        SignerUserId = signer.UserId;
        PrintedName = signer.PrintedName;
        SignerRoles = string.Join(';', signer.Roles.Order(StringComparer.Ordinal));
        Meaning = meaning;
        Comment = comment;
        ContentHash = contentHash;
        SignedUtc = signedUtc.ToUniversalTime();
    }

    public int Id { get; private set; }
    /// <summary>The signed criterion, or null when something else was signed.</summary>
    public int? CriterionId { get; private set; }

    /// <summary>The signed milestone, or null when something else was signed.</summary>
    public int? MilestoneId { get; private set; }

    /// <summary>The agreed system-of-record entry, or null when something else was signed (exactly one subject is set).</summary>
    public int? SystemOfRecordEntryId { get; private set; }

    /// <summary>The decommissioned legacy workaround whose shutdown evidence was signed, or null when something else was signed.</summary>
    public int? LegacyWorkaroundId { get; private set; }

    /// <summary>The signed 30/60/90-day adoption review, or null when something else was signed.</summary>
    public int? AdoptionReviewId { get; private set; }
    public string SignerUserId { get; private set; } = string.Empty;
    public string PrintedName { get; private set; } = string.Empty;

    /// <summary>The signer's roles when they signed, so a later role change does not rewrite history.</summary>
    public string SignerRoles { get; private set; } = string.Empty;
    public SignOffMeaning Meaning { get; private set; }
    public string Comment { get; private set; } = string.Empty;
    public string ContentHash { get; private set; } = string.Empty;
    public DateTimeOffset SignedUtc { get; private set; }

    public bool IsStaleFor(string currentContentHash) => ContentHash != currentContentHash;

    /// <summary>What every signature must carry, whatever is signed.</summary>
    internal static Result Validate(SignOffMeaning meaning, string? comment)
    {
        if (!Enum.IsDefined(meaning))
            return Result.Failure("Meaning", "Choose what the signature means.");
        if (comment is { Length: > MaxCommentLength })
            return Result.Failure("Comment", $"The comment must be at most {MaxCommentLength} characters.");
        return Result.Success();
    }

    public bool HadRole(string role) => SignerRoles.Split(';').Contains(role, StringComparer.Ordinal);
}

/// <summary>Who signs: taken from the authenticated user after their password was re-entered.</summary>
public sealed record Signer(string UserId, string PrintedName, IReadOnlyCollection<string> Roles);
