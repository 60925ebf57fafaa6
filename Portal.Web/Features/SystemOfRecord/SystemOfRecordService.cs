using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Core.Common;
using Portal.Core.Milestones;
using Portal.Core.Programs;
using Portal.Core.SystemOfRecord;
using Portal.Data;
using Portal.Data.Auditing;
using Portal.Web.Features.Account;
using Portal.Web.Features.Milestones;

namespace Portal.Web.Features.SystemOfRecord;

/// <summary>
/// The system-of-record register of a program: read by members (others are told "not found"), kept by PMO leads,
/// change leads, process owners and administrators, agreed by each entry's decision owner with the password
/// re-entered. Every change is audited with old and new values in the same save; concurrent edits are refused
/// with what changed.
/// </summary>
public sealed class SystemOfRecordService(IDbContextFactory<PortalDbContext> dbFactory, SignerVerification signers, TimeProvider clock)
{
    public const string EntityType = "SystemOfRecordEntry";
    public const string NotFound = "Register entry not found, or you are not a member of its program.";
    public const string NotMaintainer = "Only PMO leads, change leads and process owners of this program, or administrators, can change the register.";

    /// <summary>The register in register order, or null when the program does not exist or the user is not a member.</summary>
    public async Task<SystemOfRecordRegister?> GetAsync(int programId, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        if (program is null)
            return null;
        var entries = await db.SystemOfRecordEntries.AsNoTracking().Where(e => e.ProgramId == programId).ToListAsync(ct);
        var names = await NamesAsync(db, program, entries, ct);
        var owners = program.Members.Where(m => m.Role == ProgramRole.ProcessOwner && names.ContainsKey(m.UserId))
            .Select(m => new DecisionOwnerOption(m.UserId, names[m.UserId])).OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var views = SystemOfRecordDomains.InRegisterOrder(entries, e => e.Domain).Select(e => View(e, program, names, user)).ToList();
        return new SystemOfRecordRegister(program.Id, program.Name, program.Systems, owners, views,
            ProgramAccess.CanMaintainSystemOfRecord(program, user.Id, user.IsAdministrator));
    }

    public async Task<Result<int>> AddAsync(int programId, SystemOfRecordDraft draft, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (program, register, denied) = await LoadForEditAsync(db, programId, user, ct);
        if (program is null)
            return Result<int>.Failure("", denied!);
        var proposed = SystemOfRecordEntry.Propose(program, draft, register, clock.GetUtcNow());
        if (!proposed.Succeeded)
            return Result<int>.Failure(proposed.Errors);
        var entry = proposed.Value;
        db.SystemOfRecordEntries.Add(entry);
        var names = await NamesAsync(db, program, [entry], ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await SaveAsync(db, ct) is { } problem) // assigns the id the audit entry refers to
            return Result<int>.Failure(problem.Errors);
        db.Audit(Event(user, entry.Id, "Created", programId, newValues: Describe(entry, names)), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<int>.Success(entry.Id);
    }

    /// <summary>
    /// Saves the form over the entry the user saw (<paramref name="seen"/>). Changing a signed field of an agreed entry
    /// makes it Proposed again; the outcome says so, and so does the audit entry.
    /// </summary>
    public async Task<Result<SystemOfRecordEdit>> UpdateAsync(int programId, SystemOfRecordEntryView seen, SystemOfRecordDraft draft, CurrentUser user,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (program, register, denied) = await LoadForEditAsync(db, programId, user, ct);
        if (program is null)
            return Result<SystemOfRecordEdit>.Failure("", denied!);
        var entry = register.FirstOrDefault(e => e.Id == seen.Id);
        if (entry is null || entry.Version != seen.Version)
            return Result<SystemOfRecordEdit>.Failure("", await ConflictAsync(programId, seen, ct));
        var names = await NamesAsync(db, program, register, ct);
        var before = Describe(entry, names);
        var agreement = entry.Agreement;
        var edited = entry.Edit(program, draft, register, clock.GetUtcNow());
        if (!edited.Succeeded || !edited.Value.Changed)
            return edited;
        var after = Describe(entry, names) + (edited.Value.Reopened ? $"; the agreement by {agreement!.PrintedName} is now stale" : "");
        db.Audit(Event(user, entry.Id, "Updated", programId, before, after), clock.GetUtcNow());
        if (await SaveAsync(db, ct) is { } problem)
            return Result<SystemOfRecordEdit>.Failure(problem.Errors.Any(e => e.Field == "") ? [new FieldError("", await ConflictAsync(programId, seen, ct))] : problem.Errors);
        return edited;
    }

    /// <summary>Removes the entry the user saw; an agreed entry needs a reason, which goes into the audit trail.</summary>
    public async Task<Result> RemoveAsync(int programId, SystemOfRecordEntryView seen, string? reason, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (program, register, denied) = await LoadForEditAsync(db, programId, user, ct);
        if (program is null)
            return Result.Failure("", denied!);
        var entry = register.FirstOrDefault(e => e.Id == seen.Id);
        if (entry is null || entry.Version != seen.Version)
            return Result.Failure("", await ConflictAsync(programId, seen, ct));
        var allowed = entry.CheckRemoval(reason);
        if (!allowed.Succeeded)
            return allowed;
        var names = await NamesAsync(db, program, [entry], ct);
        db.Audit(Event(user, entry.Id, "Removed", programId, oldValues: Describe(entry, names),
            reason: string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()), clock.GetUtcNow());
        db.SystemOfRecordEntries.Remove(entry);
        if (await SaveAsync(db, ct) is not null)
            return Result.Failure("", await ConflictAsync(programId, seen, ct));
        return Result.Success();
    }

    /// <summary>
    /// The decision owner agrees the entry they were shown (<paramref name="shownContentHash"/>) with their password re-entered.
    /// Anyone else is told who must sign; a wrong password is audited against the entry.
    /// </summary>
    public async Task<Result> SignAsync(int programId, int entryId, string shownContentHash, string? password, SignOffMeaning meaning, string? comment,
        CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        var entry = program is null ? null : await db.SystemOfRecordEntries.FirstOrDefaultAsync(e => e.Id == entryId && e.ProgramId == programId, ct);
        if (program is null || entry is null)
            return Result.Failure("", NotFound);
        if (entry.DecisionOwnerUserId != user.Id)
        {
            var owner = (await NamesAsync(db, program, [entry], ct)).GetValueOrDefault(entry.DecisionOwnerUserId, "the decision owner");
            return Result.Failure("", $"Only {owner}, the decision owner, can agree this entry.");
        }
        var member = program.Members.FirstOrDefault(m => m.UserId == user.Id);
        if (member?.Role != ProgramRole.ProcessOwner)
            return Result.Failure("", "You are no longer a process owner of this program; a new decision owner must be chosen before the entry can be agreed.");
        var verified = await signers.VerifyAsync(user, password, EntityType, entryId.ToString(), programId, ct);
        if (!verified.Succeeded)
            return verified;
        var signed = entry.Sign(new Signer(user.Id, user.DisplayName, [member.Role.ToString()]), meaning, comment, shownContentHash, clock.GetUtcNow());
        if (!signed.Succeeded)
            return signed;
        db.Audit(Event(user, entry.Id, "SignedOff", programId, oldValues: "Proposed",
            newValues: $"Agreed: {meaning}; content hash {entry.ContentHash()}", reason: string.IsNullOrWhiteSpace(comment) ? null : comment.Trim()), clock.GetUtcNow());
        if (await SaveAsync(db, ct) is not null)
            return Result.Failure("", "The entry changed while you were signing; reload and read it again before signing.");
        return signed;
    }

    private async Task<(PortalProgram? Program, List<SystemOfRecordEntry> Register, string? Denied)> LoadForEditAsync(PortalDbContext db, int programId,
        CurrentUser user, CancellationToken ct)
    {
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        if (program is null)
            return (null, [], NotFound);
        if (!ProgramAccess.CanMaintainSystemOfRecord(program, user.Id, user.IsAdministrator))
            return (null, [], NotMaintainer);
        return (program, await db.SystemOfRecordEntries.Where(e => e.ProgramId == programId).ToListAsync(ct), null);
    }

    /// <summary>Saves; a concurrent change or a domain added by someone else at the same moment comes back as a field error.</summary>
    private static async Task<Result?> SaveAsync(PortalDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Failure("", "Someone else changed this entry at the same moment.");
        }
        catch (DbUpdateException e) when (e.IsUniqueKeyViolation())
        {
            return Result.Failure(nameof(SystemOfRecordEntry.Domain), "Someone else added this domain to the register at the same moment; edit their entry instead.");
        }
    }

    /// <summary>What changed since the user opened <paramref name="seen"/>, and who changed it, read from the database and the audit trail.</summary>
    private async Task<string> ConflictAsync(int programId, SystemOfRecordEntryView seen, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = seen.Id.ToString();
        var last = await db.AuditEntries.AsNoTracking().Where(a => a.ProgramId == programId && a.EntityType == EntityType && a.EntityId == key)
            .OrderByDescending(a => a.Sequence).Select(a => a.ActorName).FirstOrDefaultAsync(ct);
        var who = last ?? "someone else";
        var current = await db.SystemOfRecordEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == seen.Id && e.ProgramId == programId, ct);
        if (current is null)
            return $"{who} removed the '{seen.Domain}' entry since you opened it. Nothing was written.";
        var program = await db.Programs.AsNoTracking().Include(p => p.Members).FirstAsync(p => p.Id == programId, ct);
        var names = await NamesAsync(db, program, [current], ct);
        var changes = new List<string>();
        if (current.Domain != seen.Domain) changes.Add($"domain is now '{current.Domain}'");
        if (current.AuthoritativeSystem != seen.AuthoritativeSystem) changes.Add($"authoritative system is now {current.AuthoritativeSystem}");
        if (current.DecisionOwnerUserId != seen.DecisionOwnerUserId) changes.Add($"decision owner is now {names.GetValueOrDefault(current.DecisionOwnerUserId, "someone else")}");
        if (current.EscalationPath != seen.EscalationPath) changes.Add($"escalation path is now “{current.EscalationPath}”");
        if (current.Notes != seen.Notes) changes.Add("the notes changed");
        if (current.Status != seen.Status) changes.Add($"status is now {current.Status}");
        var what = changes.Count > 0 ? string.Join("; ", changes) : "it was saved again";
        return $"{who} changed the '{seen.Domain}' entry since you opened it: {what}. Nothing was overwritten; look at the change and try again.";
    }

    internal static SystemOfRecordEntryView View(SystemOfRecordEntry e, PortalProgram program, IReadOnlyDictionary<string, string> names, CurrentUser user)
    {
        var hash = e.ContentHash();
        var agreement = e.Agreement;
        var ownerIsProcessOwner = program.Members.Any(m => m.UserId == e.DecisionOwnerUserId && m.Role == ProgramRole.ProcessOwner);
        return new SystemOfRecordEntryView(e.Id, e.Domain, e.AuthoritativeSystem, e.DecisionOwnerUserId,
            names.GetValueOrDefault(e.DecisionOwnerUserId, "Former member"), ownerIsProcessOwner, e.EscalationPath, e.Notes, e.Status, hash, e.Version,
            e.SignOffs.OrderBy(s => s.SignedUtc).Select(s => SignOffViewOf(s, hash)).ToList(),
            agreement is null ? null : SignOffViewOf(agreement, hash),
            e.Status == SystemOfRecordStatus.Proposed && e.DecisionOwnerUserId == user.Id && ownerIsProcessOwner);
    }

    private static SignOffView SignOffViewOf(SignOff s, string hash) => new(s.PrintedName, s.Meaning, s.Comment, s.SignedUtc, s.IsStaleFor(hash));

    /// <summary>Display names of the program's members and of every entry's decision owner (who may have left the program).</summary>
    internal static async Task<Dictionary<string, string>> NamesAsync(PortalDbContext db, PortalProgram program, IEnumerable<SystemOfRecordEntry> entries,
        CancellationToken ct)
    {
        var ids = program.Members.Select(m => m.UserId).Concat(entries.Select(e => e.DecisionOwnerUserId)).Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    private static string Describe(SystemOfRecordEntry e, IReadOnlyDictionary<string, string> names) =>
        $"domain: {e.Domain}; authoritative system: {e.AuthoritativeSystem}; decision owner: {names.GetValueOrDefault(e.DecisionOwnerUserId, e.DecisionOwnerUserId)}; " +
        $"escalation path: {e.EscalationPath}; notes: {(e.Notes.Length == 0 ? "none" : e.Notes)}; status: {e.Status}";

    private static AuditEvent Event(CurrentUser user, int entryId, string action, int programId, string? oldValues = null, string? newValues = null,
        string? reason = null) =>
        new(user.Id, user.DisplayName, EntityType, entryId.ToString(), action, programId, oldValues, newValues, reason);
}
