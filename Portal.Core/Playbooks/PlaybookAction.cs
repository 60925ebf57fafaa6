using System.Linq.Expressions;
using Portal.Core.Common;
using Portal.Core.Programs;

namespace Portal.Core.Playbooks;

public enum ActionStatus
{
    Open = 1,
    InProgress = 2,
    Done = 3,

    /// <summary>Decided not to do it (with a note why); neither open nor done, so it addresses nothing.</summary>
    Dropped = 4,
}

/// <summary>
/// One step of an applied playbook, owned by a program member and due on a date. Overdue once the due date has passed
/// while it is still open or in progress. The step's text is copied, so editing the playbook later never rewrites it.
/// </summary>
public sealed class PlaybookAction
{
    public const int MaxOutcomeLength = 2000;

    private PlaybookAction() { }

    internal PlaybookAction(int programId, PlaybookStep step, string ownerUserId, DateOnly dueDate, DateTimeOffset now)
    {
        ProgramId = programId;
        StepOrder = step.Order;
        Title = step.Title;
        Guidance = step.Guidance;
        OwnerUserId = ownerUserId;
        DueDate = dueDate;
        Status = ActionStatus.Open;
        UpdatedUtc = now;
    }

    public int Id { get; private set; }
    public int ApplicationId { get; private set; }
    public int ProgramId { get; private set; }
    public int StepOrder { get; private set; }
    public string Title { get; private set; } = string.Empty;
    public string Guidance { get; private set; } = string.Empty;
    public string OwnerUserId { get; private set; } = string.Empty;
    public DateOnly DueDate { get; private set; }
    public ActionStatus Status { get; private set; }
    public string OutcomeNote { get; private set; } = string.Empty;

    /// <summary>When it was last set to Done or Dropped; null while open.</summary>
    public DateTimeOffset? ClosedUtc { get; private set; }
    public DateTimeOffset UpdatedUtc { get; private set; }
    public string? UpdatedBy { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();

    public bool IsClosed => Status is ActionStatus.Done or ActionStatus.Dropped;

    /// <summary>Due date passed while still open or in progress. <see cref="OverdueOn"/> is the same rule for queries.</summary>
    public bool IsOverdueOn(DateOnly today) => !IsClosed && DueDate < today;

    public bool IsOverdueNow(TimeProvider clock) => IsOverdueOn(Today(clock));

    /// <summary><see cref="IsOverdueOn"/> as an expression, so the database counts and filters overdue actions by the same rule.</summary>
    public static Expression<Func<PlaybookAction, bool>> OverdueOn(DateOnly today) =>
        a => (a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress) && a.DueDate < today;

    /// <summary>The calendar day due dates are compared with: the UTC date, the same for every user.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The action's owner, and whoever may edit change work in the program (change leads, PMO leads, administrators).</summary>
    public bool CanBeEditedBy(PortalProgram program, string userId, bool isAdministrator) =>
        ProgramAccess.CanEditChangeWork(program, userId, isAdministrator) || (OwnerUserId == userId && program.IsMember(userId));

    /// <summary>
    /// Records progress: status, owner, due date and outcome in one go. Closing (Done or Dropped) needs an outcome note,
    /// because "done" without what came of it tells the next reader nothing. The owner must be a program member.
    /// </summary>
    public Result Update(ActionStatus status, string? ownerUserId, DateOnly? dueDate, string? outcomeNote,
        IReadOnlySet<string> programMembers, string updatedBy, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (!Enum.IsDefined(status))
            errors.Add(nameof(Status), "Choose a status.");
        if (string.IsNullOrWhiteSpace(ownerUserId))
            errors.Add("Owner", "Choose an owner.");
        else if (!programMembers.Contains(ownerUserId))
            errors.Add("Owner", "The owner must be a member of the program.");
        if (dueDate is null)
            errors.Add(nameof(DueDate), "Choose a due date.");
        errors.MaxLength(nameof(OutcomeNote), outcomeNote, "Outcome note", MaxOutcomeLength);
        if (status is ActionStatus.Done or ActionStatus.Dropped && string.IsNullOrWhiteSpace(outcomeNote))
            errors.Add(nameof(OutcomeNote), status == ActionStatus.Done ? "Say what came of it before marking it done." : "Say why it was dropped.");
        if (errors.Any)
            return Result.Failure(errors.ToList());

        var wasClosed = IsClosed;
        Status = status;
        OwnerUserId = ownerUserId!;
        DueDate = dueDate!.Value;
        OutcomeNote = outcomeNote?.Trim() ?? "";
        ClosedUtc = IsClosed ? (wasClosed ? ClosedUtc ?? now : now) : null;
        UpdatedUtc = now;
        UpdatedBy = updatedBy;
        Version = Guid.NewGuid();
        return Result.Success();
    }

    /// <summary>The editable state in one line, for the audit trail.</summary>
    public string Describe() =>
        $"{Status}; owner {OwnerUserId}; due {DueDate:yyyy-MM-dd}" + (OutcomeNote.Length > 0 ? $"; outcome: {OutcomeNote}" : "");
}
