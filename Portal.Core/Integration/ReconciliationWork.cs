using Portal.Core.Common;
using Portal.Core.Programs;

namespace Portal.Core.Integration;

/// <summary>Where a reconciliation exception stands in the queue.</summary>
public enum ExceptionState
{
    Open = 1,
    Resolved = 2,
}

/// <summary>One entry of an exception's thread: a remark, or the note that resolved or reopened it.</summary>
public sealed class ReconciliationComment
{
    public const int MaxTextLength = 2000;

    private ReconciliationComment() { }

    public long Id { get; private set; }
    public long ExceptionId { get; private set; }
    public string AuthorUserId { get; private set; } = string.Empty;
    public string Text { get; private set; } = string.Empty;
    public ReconciliationCommentKind Kind { get; private set; }
    public DateTimeOffset CreatedUtc { get; private set; }

    internal static ReconciliationComment For(ReconciliationException exception, string authorUserId, string text,
        ReconciliationCommentKind kind, DateTimeOffset now) => new()
        {
            ExceptionId = exception.Id,
            AuthorUserId = authorUserId,
            Text = text.Trim(),
            Kind = kind,
            CreatedUtc = now.ToUniversalTime(),
        };
}

public enum ReconciliationCommentKind
{
    Comment = 1,
    Resolution = 2,
    Reopening = 3,
}

/// <summary>
/// Working the queue (ADR-023). Integration owners, PMO leads and administrators act; every other member reads. An exception
/// can be assigned only while open and only to a member of its program; resolving needs a note, and a resolved exception can
/// be reopened with a reason, because a fix that did not hold must not need a second exception from the platform.
/// </summary>
public sealed partial class ReconciliationException
{
    public ExceptionState State { get; private set; } = ExceptionState.Open;
    public string? AssignedUserId { get; private set; }
    public DateTimeOffset? ResolvedUtc { get; private set; }
    public string? ResolvedByUserId { get; private set; }

    public bool IsOpen => State == ExceptionState.Open;

    public const string NotAllowed = "Only integration owners and PMO leads of this program, or administrators, can work reconciliation exceptions.";

    public static bool CanWork(PortalProgram program, string userId, bool isAdministrator) =>
        isAdministrator || program.Members.Any(m => m.UserId == userId && m.Role is ProgramRole.IntegrationOwner or ProgramRole.PmoLead);

    /// <summary>Assigns to a program member, or clears the assignment with null.</summary>
    public Result Assign(PortalProgram program, string actorId, bool actorIsAdministrator, string? assigneeUserId)
    {
        if (!CanWork(program, actorId, actorIsAdministrator))
            return Result.Failure("Assignee", NotAllowed);
        if (!IsOpen)
            return Result.Failure("Assignee", "A resolved exception cannot be assigned; reopen it first.");
        var assignee = string.IsNullOrWhiteSpace(assigneeUserId) ? null : assigneeUserId.Trim();
        if (assignee is not null && !program.IsMember(assignee))
            return Result.Failure("Assignee", "The assignee must be a member of the program.");
        AssignedUserId = assignee;
        return Result.Success();
    }

    public Result<ReconciliationComment> Comment(PortalProgram program, string actorId, bool actorIsAdministrator, string? text, DateTimeOffset now)
    {
        if (!CanWork(program, actorId, actorIsAdministrator))
            return Result<ReconciliationComment>.Failure("Text", NotAllowed);
        if (NoteError("Text", "A comment", text) is { } error)
            return Result<ReconciliationComment>.Failure([error]);
        return Result<ReconciliationComment>.Success(ReconciliationComment.For(this, actorId, text!, ReconciliationCommentKind.Comment, now));
    }

    /// <summary>Closes the exception; the note says what was done (corrected in the target, accepted as is, …) and joins the thread.</summary>
    public Result<ReconciliationComment> Resolve(PortalProgram program, string actorId, bool actorIsAdministrator, string? note, DateTimeOffset now)
    {
        if (!CanWork(program, actorId, actorIsAdministrator))
            return Result<ReconciliationComment>.Failure("Note", NotAllowed);
        if (!IsOpen)
            return Result<ReconciliationComment>.Failure("Note", "This exception is already resolved.");
        if (NoteError("Note", "A resolution note", note) is { } error)
            return Result<ReconciliationComment>.Failure([error]);
        State = ExceptionState.Resolved;
        ResolvedUtc = now.ToUniversalTime();
        ResolvedByUserId = actorId;
        return Result<ReconciliationComment>.Success(ReconciliationComment.For(this, actorId, note!, ReconciliationCommentKind.Resolution, now));
    }

    public Result<ReconciliationComment> Reopen(PortalProgram program, string actorId, bool actorIsAdministrator, string? reason, DateTimeOffset now)
    {
        if (!CanWork(program, actorId, actorIsAdministrator))
            return Result<ReconciliationComment>.Failure("Note", NotAllowed);
        if (IsOpen)
            return Result<ReconciliationComment>.Failure("Note", "This exception is open already.");
        if (NoteError("Note", "A reason for reopening", reason) is { } error)
            return Result<ReconciliationComment>.Failure([error]);
        State = ExceptionState.Open;
        ResolvedUtc = null;
        ResolvedByUserId = null;
        return Result<ReconciliationComment>.Success(ReconciliationComment.For(this, actorId, reason!, ReconciliationCommentKind.Reopening, now));
    }

    /// <summary>"3 d 4 h", "5 h 12 min": how long the exception has waited since detection (or until it was resolved).</summary>
    public TimeSpan Age(DateTimeOffset now) => (ResolvedUtc ?? now) - DetectedUtc;

    public static string DescribeAge(TimeSpan age)
    {
        if (age < TimeSpan.Zero)
            age = TimeSpan.Zero;
        if (age >= TimeSpan.FromDays(1))
            return $"{(int)age.TotalDays} d {age.Hours} h";
        if (age >= TimeSpan.FromHours(1))
            return $"{(int)age.TotalHours} h {age.Minutes} min";
        return $"{(int)age.TotalMinutes} min";
    }

    private static FieldError? NoteError(string field, string label, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return new FieldError(field, $"{label} is required.");
        if (text.Trim().Length > ReconciliationComment.MaxTextLength)
            return new FieldError(field, $"{label} must be at most {ReconciliationComment.MaxTextLength} characters (it has {text.Trim().Length}).");
        return null;
    }
}
