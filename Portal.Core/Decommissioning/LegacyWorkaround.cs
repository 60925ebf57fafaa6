using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Portal.Core.Common;
using Portal.Core.Milestones;
using Portal.Core.Programs;

namespace Portal.Core.Decommissioning;

/// <summary>Where a legacy workaround stands on a given day; derived, never stored.</summary>
public enum WorkaroundStatus
{
    /// <summary>Still in use and no decommission date set.</summary>
    Active = 1,
    /// <summary>A decommission date is set and has not passed (due today is still Scheduled).</summary>
    Scheduled = 2,
    /// <summary>Shutdown evidence recorded and signed by the owner as it stands now.</summary>
    Decommissioned = 3,
    /// <summary>The decommission date has passed and the workaround is not decommissioned.</summary>
    Overdue = 4,
}

/// <summary>What a person typed into the add or edit form. The date is set here only when the workaround is registered; later it moves with a reason.</summary>
public sealed record WorkaroundDraft(string? Name, string? ProcessArea, string? OwnerUserId, string? ReplacedBy, DateOnly? DecommissionDate);

/// <summary>A move of the decommission date, as the audit trail records it.</summary>
public sealed record DateMove(DateOnly? From, DateOnly To, string Reason, bool CountsAsSlip);

/// <summary>
/// One legacy workaround in a program's decommissioning register (a spreadsheet reconciliation, an old tracking file, a
/// manual report) with the date it must be switched off. It counts as Decommissioned only while its owner's signature
/// covers the shutdown evidence as it reads now; a date that passes without that makes it Overdue. Keeping the old process
/// "as a backup" is what stops adoption, so every move of the date needs a reason and is counted as a slip.
/// </summary>
public sealed class LegacyWorkaround
{
    public const int MaxNameLength = 120;
    public const int MaxProcessAreaLength = 80;
    public const int MaxReplacedByLength = 500;
    public const int MaxEvidenceLength = 4000;
    public const int MaxReasonLength = 1000;

    private readonly List<SignOff> _signOffs = [];

    private LegacyWorkaround() { }

    public int Id { get; private set; }
    public int ProgramId { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public string ProcessArea { get; private set; } = string.Empty;
    public string OwnerUserId { get; private set; } = string.Empty;
    public string ReplacedBy { get; private set; } = string.Empty;
    public DateOnly? DecommissionDate { get; private set; }

    /// <summary>How often the decommission date was moved after it was first set.</summary>
    public int Slips { get; private set; }

    /// <summary>What shows the workaround is switched off, e.g. "file archived read-only, access removed"; links welcome.</summary>
    public string Evidence { get; private set; } = string.Empty;
    public DateTimeOffset? EvidenceRecordedUtc { get; private set; }
    public DateTimeOffset CreatedUtc { get; private set; }
    public DateTimeOffset UpdatedUtc { get; private set; }

    /// <summary>Optimistic concurrency token; changes with every change, a signature included.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>Every signature ever given, current and stale, oldest first.</summary>
    public IReadOnlyList<SignOff> SignOffs => _signOffs;

    /// <summary>The owner's signature on the evidence as it reads now, or null.</summary>
    public SignOff? Confirmation
    {
        get
        {
            if (Evidence.Length == 0)
                return null;
            var hash = ContentHash();
            return _signOffs.Where(s => s.SignerUserId == OwnerUserId && !s.IsStaleFor(hash)).MaxBy(s => s.SignedUtc);
        }
    }

    public bool IsDecommissioned => Confirmation is not null;

    public WorkaroundStatus StatusOn(DateOnly today) =>
        IsDecommissioned ? WorkaroundStatus.Decommissioned
        : DecommissionDate is null ? WorkaroundStatus.Active
        : DecommissionDate.Value < today ? WorkaroundStatus.Overdue
        : WorkaroundStatus.Scheduled;

    /// <summary>Days past the decommission date on <paramref name="today"/>; 0 when not overdue.</summary>
    public int DaysOverdue(DateOnly today) =>
        StatusOn(today) == WorkaroundStatus.Overdue ? today.DayNumber - DecommissionDate!.Value.DayNumber : 0;

    public static Result<LegacyWorkaround> Register(PortalProgram program, WorkaroundDraft draft, IEnumerable<LegacyWorkaround> register, DateTimeOffset now)
    {
        var errors = Validate(program, draft, register.Where(w => w.ProgramId == program.Id));
        if (draft.DecommissionDate is { } date && date < Today(now))
            errors.Add(nameof(DecommissionDate), "The decommission date cannot be in the past.");
        if (errors.Any)
            return Result<LegacyWorkaround>.Failure(errors.ToList());
        var workaround = new LegacyWorkaround
        {
            ProgramId = program.Id, CreatedUtc = now.ToUniversalTime(), UpdatedUtc = now.ToUniversalTime(), DecommissionDate = draft.DecommissionDate,
        };
        workaround.Apply(draft);
        return Result<LegacyWorkaround>.Success(workaround);
    }

    /// <summary>
    /// Replaces name, process area, owner and replacement (the date moves only through <see cref="MoveDate"/>). Changing
    /// the name or the owner of a decommissioned workaround makes its signature stale; the evidence must be signed again.
    /// Returns whether anything changed.
    /// </summary>
    public Result<bool> Edit(PortalProgram program, WorkaroundDraft draft, IEnumerable<LegacyWorkaround> register, DateTimeOffset now)
    {
        if (program.Id != ProgramId)
            return Result<bool>.Failure("", "This workaround belongs to another program.");
        var errors = Validate(program, draft, register.Where(w => w.ProgramId == ProgramId && !ReferenceEquals(w, this) && (Id == 0 || w.Id != Id)));
        if (errors.Any)
            return Result<bool>.Failure(errors.ToList());
        var before = (Name, ProcessArea, OwnerUserId, ReplacedBy);
        Apply(draft);
        if ((Name, ProcessArea, OwnerUserId, ReplacedBy) == before)
            return Result<bool>.Success(false);
        Touch(now);
        return Result<bool>.Success(true);
    }

    /// <summary>
    /// Sets or moves the decommission date. Setting the first date needs no reason; moving a date does, counts as a slip
    /// and is refused into the past. Moving an overdue workaround to a new date makes it Scheduled again (and the overdue
    /// escalation for the new date can fire again; see <see cref="OverdueKey"/>).
    /// </summary>
    public Result<DateMove> MoveDate(DateOnly? newDate, string? reason, DateTimeOffset now)
    {
        if (newDate is null)
            return Result<DateMove>.Failure(nameof(DecommissionDate), "Choose the new decommission date.");
        if (newDate == DecommissionDate)
            return Result<DateMove>.Failure(nameof(DecommissionDate), "That is the current decommission date; choose another one.");
        if (newDate.Value < Today(now))
            return Result<DateMove>.Failure(nameof(DecommissionDate), "The decommission date cannot be in the past.");
        var isSlip = DecommissionDate is not null;
        var trimmed = reason?.Trim() ?? "";
        if (isSlip && trimmed.Length == 0)
            return Result<DateMove>.Failure("Reason", "Give the reason for moving the date; every move is audited and counted as a slip.");
        if (trimmed.Length > MaxReasonLength)
            return Result<DateMove>.Failure("Reason", $"The reason must be at most {MaxReasonLength} characters.");
        var move = new DateMove(DecommissionDate, newDate.Value, trimmed, isSlip);
        DecommissionDate = newDate;
        if (isSlip)
            Slips++;
        Touch(now);
        return Result<DateMove>.Success(move);
    }

    /// <summary>
    /// Records (or rewrites) the shutdown evidence. A signature on the earlier wording stays, stale: the workaround is no
    /// longer Decommissioned until the owner signs the new evidence. Returns whether the evidence changed.
    /// </summary>
    public Result<bool> RecordEvidence(string? evidence, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        errors.Required(nameof(Evidence), evidence, "Evidence of shutdown", MaxEvidenceLength);
        if (errors.Any)
            return Result<bool>.Failure(errors.ToList());
        var clean = Clean(evidence);
        if (clean == Evidence)
            return Result<bool>.Success(false);
        Evidence = clean;
        EvidenceRecordedUtc = now.ToUniversalTime();
        Touch(now);
        return Result<bool>.Success(true);
    }

    /// <summary>
    /// The owner confirms the workaround is switched off, as the evidence they were shown says
    /// (<paramref name="shownContentHash"/>); a signature on content that changed since is refused.
    /// </summary>
    public Result Sign(Signer signer, SignOffMeaning meaning, string? comment, string shownContentHash, DateTimeOffset now)
    {
        if (signer.UserId != OwnerUserId)
            return Result.Failure("", "Only the owner of this workaround can sign its decommissioning.");
        if (Evidence.Length == 0)
            return Result.Failure("", "Record the evidence of shutdown before signing.");
        if (shownContentHash != ContentHash())
            return Result.Failure("", "The workaround changed since you opened it; reload and read the evidence again before signing.");
        if (IsDecommissioned)
            return Result.Failure("", "You have already signed this evidence as it stands.");
        var valid = SignOff.Validate(meaning, comment);
        if (!valid.Succeeded)
            return valid;
        _signOffs.Add(new SignOff(signer, meaning, comment?.Trim() ?? "", ContentHash(), now));
        Touch(now);
        return Result.Success();
    }

    /// <summary>
    /// The dedupe key of the overdue escalation for the current date: one notification per workaround and due date, however
    /// many days the detection job missed; a moved date is a new promise, and breaking it notifies again.
    /// </summary>
    public string? OverdueKey => DecommissionDate is { } date ? OverdueKeyFor(Id, date) : null;

    public static string OverdueKeyFor(int workaroundId, DateOnly dueDate) => $"decommission-overdue:{workaroundId}:{dueDate:yyyy-MM-dd}";

    /// <summary>SHA-256 over what the owner vouches for: the workaround's name, its owner and the evidence.</summary>
    public string ContentHash() => ContentHashOf(Name, OwnerUserId, Evidence);

    public static string ContentHashOf(string name, string ownerUserId, string evidence) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new[]
        {
            "decommissioning-v1", Clean(name), ownerUserId, Clean(evidence),
        }))));

    private void Apply(WorkaroundDraft draft)
    {
        Name = Clean(draft.Name);
        ProcessArea = Clean(draft.ProcessArea);
        OwnerUserId = draft.OwnerUserId!.Trim();
        ReplacedBy = Clean(draft.ReplacedBy);
    }

    private static FieldErrors Validate(PortalProgram program, WorkaroundDraft draft, IEnumerable<LegacyWorkaround> others)
    {
        var errors = new FieldErrors();
        errors.Required(nameof(Name), draft.Name, "Name", MaxNameLength);
        var name = Clean(draft.Name);
        if (name.Length > 0 && others.Any(w => string.Equals(w.Name, name, StringComparison.OrdinalIgnoreCase)))
            errors.Add(nameof(Name), $"The register already has '{name}'; edit that workaround instead.");
        errors.Required(nameof(ProcessArea), draft.ProcessArea, "Process area", MaxProcessAreaLength);
        if (string.IsNullOrWhiteSpace(draft.OwnerUserId))
            errors.Add(nameof(OwnerUserId), "Choose the owner: a member of this program who will switch it off.");
        else if (!program.IsMember(draft.OwnerUserId.Trim()))
            errors.Add(nameof(OwnerUserId), "The owner must be a member of this program.");
        errors.Required(nameof(ReplacedBy), draft.ReplacedBy, "What replaces it", MaxReplacedByLength);
        return errors;
    }

    private static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);

    private static string Clean(string? text) => (text ?? "").Replace("\r\n", "\n").Trim();

    private void Touch(DateTimeOffset now)
    {
        UpdatedUtc = now.ToUniversalTime();
        Version = Guid.NewGuid();
    }
}
