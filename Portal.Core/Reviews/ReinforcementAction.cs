using Portal.Core.Common;
using Portal.Core.Programs;

namespace Portal.Core.Reviews;

public enum ActionStatus
{
    Open = 1,
    Done = 2,
}

/// <summary>What a reviewer typed for a new reinforcement action.</summary>
public sealed record ActionDraft(string? Team, string? Action, string? OwnerUserId, DateOnly? DueDate);

/// <summary>
/// Something done for a team below its adoption target (coaching, a floor-walker, the sponsor asking for the new report in
/// their meeting): owned by a program member, dated, and closed with a note on what was done. Overdue is derived.
/// </summary>
public sealed class ReinforcementAction
{
    public const int MaxTeamLength = 120;
    public const int MaxActionLength = 1000;
    public const int MaxNoteLength = 1000;

    private ReinforcementAction() { }

    public int Id { get; private set; }
    public int AdoptionReviewId { get; private set; }
    public int ProgramId { get; private set; }

    /// <summary>A stakeholder group's name or free text ("Capital Projects PMs").</summary>
    public string Team { get; private set; } = string.Empty;
    public string Action { get; private set; } = string.Empty;
    public string OwnerUserId { get; private set; } = string.Empty;
    public DateOnly DueDate { get; private set; }
    public ActionStatus Status { get; private set; } = ActionStatus.Open;
    public string DoneNote { get; private set; } = string.Empty;
    public DateTimeOffset? DoneUtc { get; private set; }
    public DateTimeOffset CreatedUtc { get; private set; }

    public bool IsOverdueOn(DateOnly today) => Status == ActionStatus.Open && DueDate < today;

    internal static Result<ReinforcementAction> Create(PortalProgram program, int reviewId, ActionDraft draft, DateOnly today, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        errors.Required(nameof(Team), draft.Team, "Team", MaxTeamLength);
        errors.Required(nameof(Action), draft.Action, "Action", MaxActionLength);
        if (string.IsNullOrWhiteSpace(draft.OwnerUserId))
            errors.Add(nameof(OwnerUserId), "Choose the owner: a member of this program.");
        else if (!program.IsMember(draft.OwnerUserId.Trim()))
            errors.Add(nameof(OwnerUserId), "The owner must be a member of this program.");
        if (draft.DueDate is null)
            errors.Add(nameof(DueDate), "Choose the due date.");
        else if (draft.DueDate < today)
            errors.Add(nameof(DueDate), "The due date cannot be in the past.");
        if (errors.Any)
            return Result<ReinforcementAction>.Failure(errors.ToList());
        return Result<ReinforcementAction>.Success(new ReinforcementAction
        {
            AdoptionReviewId = reviewId, ProgramId = program.Id, Team = draft.Team!.Trim(), Action = draft.Action!.Replace("\r\n", "\n").Trim(),
            OwnerUserId = draft.OwnerUserId!.Trim(), DueDate = draft.DueDate!.Value, CreatedUtc = now.ToUniversalTime(),
        });
    }

    /// <summary>Closes the action; the note says what was done, so the next review can judge whether it worked.</summary>
    public Result MarkDone(string? note, DateTimeOffset now)
    {
        if (Status == ActionStatus.Done)
            return Result.Failure(nameof(DoneNote), "This action is already done.");
        var errors = new FieldErrors();
        errors.Required(nameof(DoneNote), note, "What was done", MaxNoteLength);
        if (errors.Any)
            return Result.Failure(errors.ToList());
        Status = ActionStatus.Done;
        DoneNote = note!.Replace("\r\n", "\n").Trim();
        DoneUtc = now.ToUniversalTime();
        return Result.Success();
    }

    /// <summary>Dedupe keys: one reminder and one overdue notice per action and due date.</summary>
    public string ReminderKey => $"action-reminder:{Id}:{DueDate:yyyy-MM-dd}";

    public string OverdueKey => $"action-overdue:{Id}:{DueDate:yyyy-MM-dd}";

    public string Describe() => $"team: {Team}; action: {Action}; due {DueDate:yyyy-MM-dd}; status: {Status}" + (DoneNote.Length > 0 ? $"; done: {DoneNote}" : "");
}
