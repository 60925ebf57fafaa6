using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Portal.Core.Common;
using Portal.Core.Milestones;
using Portal.Core.Programs;

namespace Portal.Core.SystemOfRecord;

public enum SystemOfRecordStatus
{
    Proposed = 1,
    Agreed = 2,
}

/// <summary>What a person typed into the add or edit form, before any rule has looked at it.</summary>
public sealed record SystemOfRecordDraft(string? Domain, string? AuthoritativeSystem, string? DecisionOwnerUserId, string? EscalationPath, string? Notes);

/// <summary>What an edit did: whether anything changed, and whether an agreed entry fell back to Proposed.</summary>
public sealed record SystemOfRecordEdit(bool Changed, bool Reopened);

/// <summary>
/// One line of a program's system-of-record register: which system is authoritative for a data domain, who decides,
/// and how a disagreement between the systems is escalated. The entry is Agreed only while its decision owner's
/// signature covers what it says now; the status is derived from the signatures, never set.
/// </summary>
public sealed class SystemOfRecordEntry
{
    public const int MaxDomainLength = 60;
    public const int MaxSystemLength = 60;
    public const int MaxEscalationPathLength = 1000;
    public const int MaxNotesLength = 2000;
    public const int MaxReasonLength = 1000;

    private readonly List<SignOff> _signOffs = [];

    private SystemOfRecordEntry() { }

    public int Id { get; private set; }
    public int ProgramId { get; private set; }
    public string Domain { get; private set; } = string.Empty;

    /// <summary>The domain as compared and signed (<see cref="SystemOfRecordDomains.Key"/>); unique within a program.</summary>
    public string DomainKey { get; private set; } = string.Empty;
    public string AuthoritativeSystem { get; private set; } = string.Empty;
    public string DecisionOwnerUserId { get; private set; } = string.Empty;
    public string EscalationPath { get; private set; } = string.Empty;
    public string Notes { get; private set; } = string.Empty;
    public DateTimeOffset CreatedUtc { get; private set; }
    public DateTimeOffset UpdatedUtc { get; private set; }

    /// <summary>Optimistic concurrency token; a signature changes it too, so an edit prepared before the signing is refused.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>Every signature ever given, current and stale, oldest first.</summary>
    public IReadOnlyList<SignOff> SignOffs => _signOffs;

    /// <summary>The current decision owner's signature on the current content, or null.</summary>
    public SignOff? Agreement
    {
        get
        {
            var hash = ContentHash();
            return _signOffs.Where(s => s.SignerUserId == DecisionOwnerUserId && !s.IsStaleFor(hash)).MaxBy(s => s.SignedUtc);
        }
    }

    public SystemOfRecordStatus Status => Agreement is null ? SystemOfRecordStatus.Proposed : SystemOfRecordStatus.Agreed;

    /// <summary>
    /// A new, Proposed entry. <paramref name="register"/> is the program's existing entries (the domain must be new
    /// to them); the decision owner must be a process owner of <paramref name="program"/>.
    /// </summary>
    public static Result<SystemOfRecordEntry> Propose(PortalProgram program, SystemOfRecordDraft draft, IEnumerable<SystemOfRecordEntry> register, DateTimeOffset now)
    {
        var errors = Validate(program, draft, register.Where(e => e.ProgramId == program.Id));
        if (errors.Any)
            return Result<SystemOfRecordEntry>.Failure(errors.ToList());
        var entry = new SystemOfRecordEntry { ProgramId = program.Id, CreatedUtc = now.ToUniversalTime(), UpdatedUtc = now.ToUniversalTime() };
        entry.Apply(draft);
        return Result<SystemOfRecordEntry>.Success(entry);
    }

    /// <summary>
    /// Replaces the entry's fields. Changing a signed field (domain, authoritative system, decision owner, escalation
    /// path) of an agreed entry makes it Proposed again; the old signature stays, stale. Notes are not signed.
    /// </summary>
    public Result<SystemOfRecordEdit> Edit(PortalProgram program, SystemOfRecordDraft draft, IEnumerable<SystemOfRecordEntry> register, DateTimeOffset now)
    {
        if (program.Id != ProgramId)
            return Result<SystemOfRecordEdit>.Failure("", "This entry belongs to another program.");
        var errors = Validate(program, draft, register.Where(e => e.ProgramId == ProgramId && !ReferenceEquals(e, this) && (Id == 0 || e.Id != Id)));
        if (errors.Any)
            return Result<SystemOfRecordEdit>.Failure(errors.ToList());
        var wasAgreed = Status == SystemOfRecordStatus.Agreed;
        var before = (ContentHash(), Domain, Notes);
        Apply(draft);
        if ((ContentHash(), Domain, Notes) == before)
            return Result<SystemOfRecordEdit>.Success(new SystemOfRecordEdit(false, false));
        UpdatedUtc = now.ToUniversalTime();
        Touch();
        return Result<SystemOfRecordEdit>.Success(new SystemOfRecordEdit(true, wasAgreed && Status == SystemOfRecordStatus.Proposed));
    }

    /// <summary>True when saving <paramref name="draft"/> would take this agreed entry back to Proposed (forms warn before saving).</summary>
    public bool WouldReopen(SystemOfRecordDraft draft) => WouldReopen(Status, ContentHash(), draft);

    /// <summary>The same test for a form that only holds the entry's status and content hash.</summary>
    public static bool WouldReopen(SystemOfRecordStatus status, string contentHash, SystemOfRecordDraft draft) =>
        status == SystemOfRecordStatus.Agreed &&
        ContentHashOf(Clean(draft.Domain), Clean(draft.AuthoritativeSystem), draft.DecisionOwnerUserId?.Trim() ?? "", Clean(draft.EscalationPath)) != contentHash;

    /// <summary>
    /// The decision owner agrees the entry as it stands. <paramref name="shownContentHash"/> is the content the signer
    /// was shown: if the entry changed since, the signature is refused rather than put on content they have not seen.
    /// </summary>
    public Result Sign(Signer signer, SignOffMeaning meaning, string? comment, string shownContentHash, DateTimeOffset now)
    {
        if (signer.UserId != DecisionOwnerUserId)
            return Result.Failure("", "Only the decision owner of this entry can agree it.");
        if (shownContentHash != ContentHash())
            return Result.Failure("", "The entry changed since you opened it; reload and read it again before signing.");
        if (Status == SystemOfRecordStatus.Agreed)
            return Result.Failure("", "You have already agreed this entry as it stands.");
        var valid = SignOff.Validate(meaning, comment);
        if (!valid.Succeeded)
            return valid;
        _signOffs.Add(new SignOff(signer, meaning, comment?.Trim() ?? "", ContentHash(), now));
        Touch();
        return Result.Success();
    }

    /// <summary>Whether the entry may be removed with this reason: an agreed entry needs one, for the audit trail.</summary>
    public Result CheckRemoval(string? reason)
    {
        if (Status == SystemOfRecordStatus.Agreed && string.IsNullOrWhiteSpace(reason))
            return Result.Failure("Reason", "This entry is agreed: give the reason for removing it; it goes into the audit trail.");
        if (reason is not null && reason.Trim().Length > MaxReasonLength)
            return Result.Failure("Reason", $"The reason must be at most {MaxReasonLength} characters.");
        return Result.Success();
    }

    /// <summary>SHA-256 over the canonical form of what the decision owner vouches for (ids of the entry itself left out).</summary>
    public string ContentHash() => ContentHashOf(Domain, AuthoritativeSystem, DecisionOwnerUserId, EscalationPath);

    /// <summary>
    /// Canonical form: a JSON array of a version tag, the domain key, the authoritative system, the decision owner's user
    /// id and the escalation path with "\n" line ends. Notes are left out: they explain, they are not agreed.
    /// </summary>
    public static string ContentHashOf(string domain, string authoritativeSystem, string decisionOwnerUserId, string escalationPath) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new[]
        {
            "system-of-record-v1", SystemOfRecordDomains.Key(domain), authoritativeSystem.Trim(), decisionOwnerUserId, Clean(escalationPath),
        }))));

    private void Apply(SystemOfRecordDraft draft)
    {
        Domain = Clean(draft.Domain);
        DomainKey = SystemOfRecordDomains.Key(draft.Domain);
        AuthoritativeSystem = Clean(draft.AuthoritativeSystem);
        DecisionOwnerUserId = draft.DecisionOwnerUserId!.Trim();
        EscalationPath = Clean(draft.EscalationPath);
        Notes = Clean(draft.Notes);
    }

    private static string Clean(string? text) => (text ?? "").Replace("\r\n", "\n").Trim();

    private static FieldErrors Validate(PortalProgram program, SystemOfRecordDraft draft, IEnumerable<SystemOfRecordEntry> others)
    {
        var errors = new FieldErrors();
        errors.Required(nameof(Domain), draft.Domain, "Data domain", MaxDomainLength);
        var key = SystemOfRecordDomains.Key(draft.Domain);
        if (key.Length > 0 && others.Any(e => e.DomainKey == key))
            errors.Add(nameof(Domain), $"The register already has the domain '{key}'; edit that entry instead.");
        errors.Required(nameof(AuthoritativeSystem), draft.AuthoritativeSystem, "Authoritative system", MaxSystemLength);
        if (string.IsNullOrWhiteSpace(draft.DecisionOwnerUserId))
            errors.Add(nameof(DecisionOwnerUserId), "Choose the decision owner: a process owner of this program.");
        else if (program.Members.FirstOrDefault(m => m.UserId == draft.DecisionOwnerUserId.Trim()) is not { } member)
            errors.Add(nameof(DecisionOwnerUserId), "The decision owner must be a member of this program.");
        else if (member.Role != ProgramRole.ProcessOwner)
            errors.Add(nameof(DecisionOwnerUserId), $"The decision owner must be a process owner of this program; this member takes part as {member.Role.DisplayName()}.");
        errors.Required(nameof(EscalationPath), draft.EscalationPath, "Escalation path", MaxEscalationPathLength);
        errors.MaxLength(nameof(Notes), draft.Notes, "Notes", MaxNotesLength);
        return errors;
    }

    private void Touch() => Version = Guid.NewGuid();
}
