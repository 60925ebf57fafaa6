using Portal.Core.Common;

namespace Portal.Core.Notifications;

/// <summary>What a feature asks to tell a person. <see cref="DedupeKey"/> makes a repeated request (a job running twice) a no-op.</summary>
public sealed record NotificationRequest(
    string RecipientUserId, int? ProgramId, string Kind, string Title, string Body, string Link, string DedupeKey);

/// <summary>
/// An in-app message to one person: what happened, where to look (a deep link), and whether they have read it. A recipient
/// gets at most one notification per dedupe key, so jobs can re-run and catch up without notifying twice.
/// </summary>
public sealed class Notification
{
    public const int MaxKindLength = 60;
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 2000;
    public const int MaxLinkLength = 500;
    public const int MaxDedupeKeyLength = 200;

    private Notification() { }

    public long Id { get; private set; }
    public string RecipientUserId { get; private set; } = string.Empty;
    public int? ProgramId { get; private set; }

    /// <summary>A stable machine name of what kind of event it is, e.g. "decommission-overdue".</summary>
    public string Kind { get; private set; } = string.Empty;
    public string Title { get; private set; } = string.Empty;
    public string Body { get; private set; } = string.Empty;

    /// <summary>A local path into the portal ("/programs/3/decommissioning"), never an external address.</summary>
    public string Link { get; private set; } = string.Empty;
    public DateTimeOffset CreatedUtc { get; private set; }
    public DateTimeOffset? ReadUtc { get; private set; }
    public string DedupeKey { get; private set; } = string.Empty;

    public bool IsRead => ReadUtc is not null;

    public static Result<Notification> Create(NotificationRequest request, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.RecipientUserId))
            errors.Add(nameof(RecipientUserId), "A notification needs a recipient.");
        errors.Required(nameof(Kind), request.Kind, "Kind", MaxKindLength);
        errors.Required(nameof(Title), request.Title, "Title", MaxTitleLength);
        errors.MaxLength(nameof(Body), request.Body, "Body", MaxBodyLength);
        errors.Required(nameof(Link), request.Link, "Link", MaxLinkLength);
        if (!string.IsNullOrWhiteSpace(request.Link) && !IsLocalPath(request.Link.Trim()))
            errors.Add(nameof(Link), "The link must be a path inside the portal, starting with a single '/'.");
        var key = NormalizeKey(request.DedupeKey);
        if (key.Length == 0)
            errors.Add(nameof(DedupeKey), "A notification needs a dedupe key, so that a repeated job does not notify twice.");
        else if (key.Length > MaxDedupeKeyLength)
            errors.Add(nameof(DedupeKey), $"The dedupe key must be at most {MaxDedupeKeyLength} characters.");
        if (errors.Any)
            return Result<Notification>.Failure(errors.ToList());
        return Result<Notification>.Success(new Notification
        {
            RecipientUserId = request.RecipientUserId.Trim(),
            ProgramId = request.ProgramId,
            Kind = request.Kind.Trim(),
            Title = request.Title.Trim(),
            Body = (request.Body ?? "").Trim(),
            Link = request.Link.Trim(),
            CreatedUtc = now.ToUniversalTime(),
            DedupeKey = key,
        });
    }

    /// <summary>Marks the notification read; reading it again keeps the first time. Returns whether it changed.</summary>
    public bool MarkRead(DateTimeOffset now)
    {
        if (ReadUtc is not null)
            return false;
        ReadUtc = now.ToUniversalTime();
        return true;
    }

    /// <summary>
    /// The dedupe rule: keys compare case-insensitively with surrounding blanks ignored, so "Decommission-Overdue:7:2027-03-01 "
    /// and "decommission-overdue:7:2027-03-01" are the same event for the same person.
    /// </summary>
    public static string NormalizeKey(string? key) => (key ?? "").Trim().ToLowerInvariant();

    /// <summary>Whether <paramref name="request"/> repeats a notification its recipient already has (given their existing keys).</summary>
    public static bool IsDuplicate(NotificationRequest request, IEnumerable<(string RecipientUserId, string DedupeKey)> existing)
    {
        var key = NormalizeKey(request.DedupeKey);
        return existing.Any(e => e.RecipientUserId == request.RecipientUserId.Trim() && e.DedupeKey == key);
    }

    private static bool IsLocalPath(string link) =>
        link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) && !link.StartsWith("/\\", StringComparison.Ordinal);
}
