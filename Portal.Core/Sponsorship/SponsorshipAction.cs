using System.Globalization;
using Portal.Core.Common;
using Portal.Core.Programs;

namespace Portal.Core.Sponsorship;

/// <summary>The visible sponsor behaviours the seed names; anything else is not what the log measures.</summary>
public enum SponsorshipKind
{
    /// <summary>A communication that referenced data from the new system.</summary>
    Communication = 1,
    /// <summary>A governance meeting that used the shared data.</summary>
    GovernanceMeeting = 2,
    /// <summary>Reinforcing a team: asking for, praising or holding a team to the new process.</summary>
    TeamReinforcement = 3,
    /// <summary>An escalation (for example a data disagreement) resolved.</summary>
    EscalationResolved = 4,
}

public static class SponsorshipKindNames
{
    public static readonly IReadOnlyList<SponsorshipKind> All = Enum.GetValues<SponsorshipKind>();

    public static string DisplayName(this SponsorshipKind kind) => kind switch
    {
        SponsorshipKind.Communication => "Communication that referenced new-system data",
        SponsorshipKind.GovernanceMeeting => "Governance meeting that used the shared data",
        SponsorshipKind.TeamReinforcement => "Reinforcement of a team",
        SponsorshipKind.EscalationResolved => "Escalation resolved",
        _ => kind.ToString(),
    };
}

/// <summary>What a sponsor typed into the log form.</summary>
public sealed record SponsorshipDraft(SponsorshipKind? Kind, DateOnly? Date, string? Note);

/// <summary>
/// One visible action of an executive sponsor. Only the sponsor records it, for themselves: the log is evidence of the
/// sponsor's own behaviour, and one kept by the PMO on their behalf is the "one email" sponsorship in another form
/// (ADR-021). The author may correct or remove an entry for <see cref="EditWindowDays"/> days; after that it stands.
/// </summary>
public sealed class SponsorshipAction
{
    public const int MaxNoteLength = 1000;
    public const int MaxNameLength = 200;
    public const int EditWindowDays = 7;

    private SponsorshipAction() { }

    public int Id { get; private set; }
    public int ProgramId { get; private set; }
    public string SponsorUserId { get; private set; } = string.Empty;
    public string SponsorName { get; private set; } = string.Empty;
    public SponsorshipKind Kind { get; private set; }
    public DateOnly Date { get; private set; }
    public string Note { get; private set; } = string.Empty;
    public DateTimeOffset RecordedUtc { get; private set; }
    public DateTimeOffset? UpdatedUtc { get; private set; }

    /// <summary>Executive sponsors of the program record actions; nobody records them on a sponsor's behalf.</summary>
    public static bool MayRecord(PortalProgram program, string userId) =>
        program.Members.Any(m => m.UserId == userId && m.Role == ProgramRole.ExecutiveSponsor);

    public static Result<SponsorshipAction> Record(PortalProgram program, string userId, string userName, SponsorshipDraft draft, DateOnly today, DateTimeOffset now)
    {
        if (!MayRecord(program, userId))
            return Result<SponsorshipAction>.Failure("", "Only an executive sponsor of this program can log sponsorship actions.");
        var errors = Validate(draft, today);
        if (errors.Any)
            return Result<SponsorshipAction>.Failure(errors.ToList());
        var name = userName.Trim();
        return Result<SponsorshipAction>.Success(new SponsorshipAction
        {
            ProgramId = program.Id, SponsorUserId = userId, SponsorName = name.Length > MaxNameLength ? name[..MaxNameLength] : name,
            Kind = draft.Kind!.Value, Date = draft.Date!.Value, Note = Clean(draft.Note), RecordedUtc = now.ToUniversalTime(),
        });
    }

    /// <summary>The author, within <see cref="EditWindowDays"/> days of recording.</summary>
    public bool CanChange(string userId, DateTimeOffset now) => userId == SponsorUserId && now < RecordedUtc.AddDays(EditWindowDays);

    public Result Edit(string userId, SponsorshipDraft draft, DateOnly today, DateTimeOffset now)
    {
        if (CheckChange(userId, now) is { } refused)
            return refused;
        var errors = Validate(draft, today);
        if (errors.Any)
            return Result.Failure(errors.ToList());
        (Kind, Date, Note, UpdatedUtc) = (draft.Kind!.Value, draft.Date!.Value, Clean(draft.Note), now.ToUniversalTime());
        return Result.Success();
    }

    /// <summary>Whether the author may remove the entry now; the service deletes it and audits what it said.</summary>
    public Result CanRemove(string userId, DateTimeOffset now) => CheckChange(userId, now) ?? Result.Success();

    /// <summary>Canonical text for the audit trail.</summary>
    public string Describe() => $"{Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {Kind}: {Note}";

    private Result? CheckChange(string userId, DateTimeOffset now) =>
        userId != SponsorUserId ? Result.Failure("", "Only the sponsor who logged this action can change or remove it.")
        : now >= RecordedUtc.AddDays(EditWindowDays) ? Result.Failure("", $"Entries can be changed for {EditWindowDays} days after they are logged; this one now stands as recorded.")
        : null;

    private static FieldErrors Validate(SponsorshipDraft draft, DateOnly today)
    {
        var errors = new FieldErrors();
        if (draft.Kind is not { } kind || !Enum.IsDefined(kind))
            errors.Add(nameof(Kind), "Choose what kind of action it was.");
        if (draft.Date is not { } date)
            errors.Add(nameof(Date), "Enter the date of the action.");
        else if (date > today)
            errors.Add(nameof(Date), "The date cannot be in the future: log actions once they have happened.");
        errors.Required(nameof(Note), draft.Note, "Note", MaxNoteLength);
        return errors;
    }

    private static string Clean(string? note) => (note ?? "").Replace("\r\n", "\n").Trim();
}
