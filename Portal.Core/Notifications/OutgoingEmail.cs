namespace Portal.Core.Notifications;

/// <summary>
/// An email waiting in the outbox. Requests only write this row; a job sends it, so a slow or failing mail server never
/// blocks a page. A failed send is retried with growing pauses and given up after <see cref="MaxAttempts"/>.
/// </summary>
public sealed class OutgoingEmail
{
    public const int MaxAddressLength = 256;
    public const int MaxSubjectLength = 200;
    public const int MaxBodyLength = 4000;
    public const int MaxErrorLength = 1000;
    public const int MaxAttempts = 8;

    private OutgoingEmail() { }

    public OutgoingEmail(long? notificationId, string toAddress, string subject, string body, DateTimeOffset now)
    {
        NotificationId = notificationId;
        ToAddress = toAddress.Trim();
        Subject = Truncate(subject.Trim(), MaxSubjectLength);
        Body = Truncate(body, MaxBodyLength);
        CreatedUtc = now.ToUniversalTime();
        NextAttemptUtc = CreatedUtc;
    }

    public long Id { get; private set; }
    public long? NotificationId { get; private set; }
    public string ToAddress { get; private set; } = string.Empty;
    public string Subject { get; private set; } = string.Empty;
    public string Body { get; private set; } = string.Empty;
    public DateTimeOffset CreatedUtc { get; private set; }
    public int Attempts { get; private set; }

    /// <summary>When the sender may try next; null once sent or given up.</summary>
    public DateTimeOffset? NextAttemptUtc { get; private set; }
    public DateTimeOffset? SentUtc { get; private set; }
    public string? LastError { get; private set; }

    public bool IsSent => SentUtc is not null;
    public bool GaveUp => SentUtc is null && NextAttemptUtc is null;

    public bool IsDue(DateTimeOffset now) => NextAttemptUtc is { } next && next <= now;

    public void MarkSent(DateTimeOffset now)
    {
        Attempts++;
        SentUtc = now.ToUniversalTime();
        NextAttemptUtc = null;
        LastError = null;
    }

    /// <summary>Records a failed attempt and schedules the next one: 1, 2, 4, 8... minutes later, at most 6 hours apart.</summary>
    public void MarkFailed(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = Truncate(error, MaxErrorLength);
        NextAttemptUtc = Attempts >= MaxAttempts ? null : now.ToUniversalTime() + RetryDelay(Attempts);
    }

    public static TimeSpan RetryDelay(int failedAttempts) =>
        TimeSpan.FromMinutes(Math.Min(Math.Pow(2, Math.Max(0, failedAttempts - 1)), 360));

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
