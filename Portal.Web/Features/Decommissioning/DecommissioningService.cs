using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Core.Common;
using Portal.Core.Decommissioning;
using Portal.Core.Milestones;
using Portal.Core.Programs;
using Portal.Data;
using Portal.Data.Auditing;
using Portal.Web.Features.Account;
using Portal.Web.Features.Milestones;

namespace Portal.Web.Features.Decommissioning;

/// <summary>
/// A program's decommissioning register: read by members (others are told "not found"), kept by PMO leads, change leads
/// and administrators; a workaround's owner records the shutdown evidence and signs it with their password re-entered.
/// Every change is audited in the same save, and a moved date carries its reason.
/// </summary>
public sealed class DecommissioningService(IDbContextFactory<PortalDbContext> dbFactory, SignerVerification signers, TimeProvider clock)
{
    public const string EntityType = "LegacyWorkaround";
    public const string NotFound = "Workaround not found, or you are not a member of its program.";
    public const string NotKeeper = "Only PMO leads and change leads of this program, or administrators, can change the decommissioning register.";
    public const string NotOwnerOrKeeper = "Only the owner of this workaround, a PMO lead or change lead of this program, or an administrator can record its evidence.";

    /// <summary>Who may add, edit and re-date workarounds: the people who run the change work.</summary>
    public static bool CanKeep(PortalProgram program, CurrentUser user) => ProgramAccess.CanEditChangeWork(program, user.Id, user.IsAdministrator);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<DecommissioningRegister?> GetAsync(int programId, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        if (program is null)
            return null;
        var workarounds = await db.LegacyWorkarounds.AsNoTracking().Where(w => w.ProgramId == programId).ToListAsync(ct);
        var names = await NamesAsync(db, program, workarounds, ct);
        var today = Today;
        var owners = program.Members.Where(m => names.ContainsKey(m.UserId)).Select(m => new OwnerOption(m.UserId, names[m.UserId]))
            .OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var views = workarounds.OrderBy(w => w.DecommissionDate ?? DateOnly.MaxValue).ThenBy(w => w.Name, StringComparer.OrdinalIgnoreCase)
            .Select(w => View(w, program, names, user, today)).ToList();
        return new DecommissioningRegister(program.Id, program.Name, today, program.ActualGoLive ?? program.PlannedGoLive, owners, views, CanKeep(program, user));
    }

    public async Task<Result<int>> AddAsync(int programId, WorkaroundDraft draft, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (program, register, denied) = await LoadAsync(db, programId, user, keepersOnly: true, ct);
        if (program is null)
            return Result<int>.Failure("", denied!);
        var registered = LegacyWorkaround.Register(program, draft, register, clock.GetUtcNow());
        if (!registered.Succeeded)
            return Result<int>.Failure(registered.Errors);
        var workaround = registered.Value;
        db.LegacyWorkarounds.Add(workaround);
        var names = await NamesAsync(db, program, [workaround], ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await SaveAsync(db, ct) is { } problem) // assigns the id the audit entry refers to
            return Result<int>.Failure(problem.Errors);
        db.Audit(Event(user, workaround.Id, "Created", programId, newValues: Describe(workaround, names)), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<int>.Success(workaround.Id);
    }

    /// <summary>Saves name, process area, owner and replacement over the workaround the user saw; the date moves with <see cref="MoveDateAsync"/>.</summary>
    public async Task<Result> UpdateAsync(int programId, WorkaroundView seen, WorkaroundDraft draft, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (program, register, denied) = await LoadAsync(db, programId, user, keepersOnly: true, ct);
        if (program is null)
            return Result.Failure("", denied!);
        if (Current(register, seen) is not { } workaround)
            return Result.Failure("", await ConflictAsync(programId, seen, ct));
        var names = await NamesAsync(db, program, register, ct);
        var before = Describe(workaround, names);
        var wasDecommissioned = workaround.IsDecommissioned;
        var edited = workaround.Edit(program, draft, register, clock.GetUtcNow());
        if (!edited.Succeeded || !edited.Value)
            return edited;
        names = await NamesAsync(db, program, register, ct);
        var after = Describe(workaround, names) + (wasDecommissioned && !workaround.IsDecommissioned ? "; the owner's signature is now stale" : "");
        db.Audit(Event(user, workaround.Id, "Updated", programId, before, after), clock.GetUtcNow());
        return await SaveAsync(db, ct) is { } problem ? await ConflictOr(problem, programId, seen, ct) : Result.Success();
    }

    /// <summary>Sets the first date, or moves it with a reason; a move counts as a slip and the audit entry keeps the reason.</summary>
    public async Task<Result<DateMove>> MoveDateAsync(int programId, WorkaroundView seen, DateOnly? newDate, string? reason, CurrentUser user,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (program, register, denied) = await LoadAsync(db, programId, user, keepersOnly: true, ct);
        if (program is null)
            return Result<DateMove>.Failure("", denied!);
        if (Current(register, seen) is not { } workaround)
            return Result<DateMove>.Failure("", await ConflictAsync(programId, seen, ct));
        var statusBefore = workaround.StatusOn(Today);
        var moved = workaround.MoveDate(newDate, reason, clock.GetUtcNow());
        if (!moved.Succeeded)
            return moved;
        var m = moved.Value;
        db.Audit(Event(user, workaround.Id, m.CountsAsSlip ? "DateMoved" : "DateSet", programId,
            oldValues: $"decommission date: {m.From?.ToString("yyyy-MM-dd") ?? "none"}; status: {statusBefore}",
            newValues: $"decommission date: {m.To:yyyy-MM-dd}; status: {workaround.StatusOn(Today)}; slips: {workaround.Slips}",
            reason: m.Reason.Length > 0 ? m.Reason : null), clock.GetUtcNow());
        return await SaveAsync(db, ct) is { } problem ? Result<DateMove>.Failure((await ConflictOr(problem, programId, seen, ct)).Errors) : moved;
    }

    /// <summary>The owner (or a keeper) records the evidence of shutdown; a signature on earlier evidence becomes stale.</summary>
    public async Task<Result> RecordEvidenceAsync(int programId, WorkaroundView seen, string? evidence, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (program, register, denied) = await LoadAsync(db, programId, user, keepersOnly: false, ct);
        if (program is null)
            return Result.Failure("", denied!);
        if (Current(register, seen) is not { } workaround)
            return Result.Failure("", await ConflictAsync(programId, seen, ct));
        if (workaround.OwnerUserId != user.Id && !CanKeep(program, user))
            return Result.Failure("", NotOwnerOrKeeper);
        var before = workaround.Evidence;
        var wasDecommissioned = workaround.IsDecommissioned;
        var recorded = workaround.RecordEvidence(evidence, clock.GetUtcNow());
        if (!recorded.Succeeded || !recorded.Value)
            return recorded;
        db.Audit(Event(user, workaround.Id, "EvidenceRecorded", programId, before.Length == 0 ? null : $"evidence: {before}",
            $"evidence: {workaround.Evidence}" + (wasDecommissioned ? "; the owner's signature is now stale" : "")), clock.GetUtcNow());
        return await SaveAsync(db, ct) is { } problem ? await ConflictOr(problem, programId, seen, ct) : Result.Success();
    }

    /// <summary>The owner signs the evidence they were shown (<paramref name="shownContentHash"/>) with their password re-entered.</summary>
    public async Task<Result> SignAsync(int programId, int workaroundId, string shownContentHash, string? password, SignOffMeaning meaning, string? comment,
        CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        var workaround = program is null ? null : await db.LegacyWorkarounds.FirstOrDefaultAsync(w => w.Id == workaroundId && w.ProgramId == programId, ct);
        if (program is null || workaround is null)
            return Result.Failure("", NotFound);
        if (workaround.OwnerUserId != user.Id)
        {
            var owner = (await NamesAsync(db, program, [workaround], ct)).GetValueOrDefault(workaround.OwnerUserId, "the owner");
            return Result.Failure("", $"Only {owner}, the owner of this workaround, can sign its decommissioning.");
        }
        var member = program.Members.FirstOrDefault(m => m.UserId == user.Id);
        if (member is null)
            return Result.Failure("", "You are no longer a member of this program; a new owner must be chosen before the workaround can be signed off.");
        var verified = await signers.VerifyAsync(user, password, EntityType, workaroundId.ToString(), programId, ct);
        if (!verified.Succeeded)
            return verified;
        var statusBefore = workaround.StatusOn(Today);
        var signed = workaround.Sign(new Signer(user.Id, user.DisplayName, [member.Role.ToString()]), meaning, comment, shownContentHash, clock.GetUtcNow());
        if (!signed.Succeeded)
            return signed;
        db.Audit(Event(user, workaround.Id, "SignedOff", programId, oldValues: statusBefore.ToString(),
            newValues: $"Decommissioned: {meaning}; content hash {workaround.ContentHash()}", reason: string.IsNullOrWhiteSpace(comment) ? null : comment.Trim()),
            clock.GetUtcNow());
        if (await SaveAsync(db, ct) is not null)
            return Result.Failure("", "The workaround changed while you were signing; reload and read the evidence again before signing.");
        return signed;
    }

    private async Task<(PortalProgram? Program, List<LegacyWorkaround> Register, string? Denied)> LoadAsync(PortalDbContext db, int programId, CurrentUser user,
        bool keepersOnly, CancellationToken ct)
    {
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        if (program is null)
            return (null, [], NotFound);
        if (keepersOnly && !CanKeep(program, user))
            return (null, [], NotKeeper);
        return (program, await db.LegacyWorkarounds.Where(w => w.ProgramId == programId).ToListAsync(ct), null);
    }

    private static LegacyWorkaround? Current(List<LegacyWorkaround> register, WorkaroundView seen) =>
        register.FirstOrDefault(w => w.Id == seen.Id && w.Version == seen.Version);

    private static async Task<Result?> SaveAsync(PortalDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Failure("", "Someone else changed this workaround at the same moment.");
        }
        catch (DbUpdateException e) when (e.IsUniqueKeyViolation())
        {
            return Result.Failure(nameof(LegacyWorkaround.Name), "Someone else added a workaround with this name at the same moment; edit theirs instead.");
        }
    }

    private async Task<Result> ConflictOr(Result problem, int programId, WorkaroundView seen, CancellationToken ct) =>
        problem.Errors.Any(e => e.Field == "") ? Result.Failure("", await ConflictAsync(programId, seen, ct)) : problem;

    /// <summary>Who changed the workaround since the user opened it, read from the audit trail.</summary>
    private async Task<string> ConflictAsync(int programId, WorkaroundView seen, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = seen.Id.ToString();
        var last = await db.AuditEntries.AsNoTracking().Where(a => a.ProgramId == programId && a.EntityType == EntityType && a.EntityId == key)
            .OrderByDescending(a => a.Sequence).Select(a => new { a.ActorName, a.Action }).FirstOrDefaultAsync(ct);
        var exists = await db.LegacyWorkarounds.AnyAsync(w => w.Id == seen.Id && w.ProgramId == programId, ct);
        if (!exists)
            return $"'{seen.Name}' is no longer in the register. Nothing was written.";
        return $"{last?.ActorName ?? "Someone else"} changed '{seen.Name}' since you opened it ({last?.Action ?? "saved again"}). Nothing was overwritten; reload and try again.";
    }

    internal static WorkaroundView View(LegacyWorkaround w, PortalProgram program, IReadOnlyDictionary<string, string> names, CurrentUser user, DateOnly today)
    {
        var hash = w.ContentHash();
        var confirmation = w.Confirmation;
        var keeper = CanKeep(program, user);
        var isOwner = w.OwnerUserId == user.Id && program.IsMember(user.Id);
        return new WorkaroundView(w.Id, w.Name, w.ProcessArea, w.OwnerUserId, names.GetValueOrDefault(w.OwnerUserId, "Former member"), w.ReplacedBy,
            w.DecommissionDate, w.StatusOn(today), w.DaysOverdue(today), w.Slips, w.Evidence, w.EvidenceRecordedUtc, hash, w.Version,
            w.SignOffs.OrderBy(s => s.SignedUtc).Select(s => SignOffViewOf(s, hash)).ToList(),
            confirmation is null ? null : SignOffViewOf(confirmation, hash),
            keeper, keeper || isOwner, isOwner && w.Evidence.Length > 0 && confirmation is null);
    }

    private static SignOffView SignOffViewOf(SignOff s, string hash) => new(s.PrintedName, s.Meaning, s.Comment, s.SignedUtc, s.IsStaleFor(hash));

    /// <summary>Display names of the program's members and of every workaround's owner (who may have left the program).</summary>
    internal static async Task<Dictionary<string, string>> NamesAsync(PortalDbContext db, PortalProgram program, IEnumerable<LegacyWorkaround> workarounds,
        CancellationToken ct)
    {
        var ids = program.Members.Select(m => m.UserId).Concat(workarounds.Select(w => w.OwnerUserId)).Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    private static string Describe(LegacyWorkaround w, IReadOnlyDictionary<string, string> names) =>
        $"name: {w.Name}; process area: {w.ProcessArea}; owner: {names.GetValueOrDefault(w.OwnerUserId, w.OwnerUserId)}; replaced by: {w.ReplacedBy}; " +
        $"decommission date: {w.DecommissionDate?.ToString("yyyy-MM-dd") ?? "none"}";

    private static AuditEvent Event(CurrentUser user, int id, string action, int programId, string? oldValues = null, string? newValues = null,
        string? reason = null) =>
        new(user.Id, user.DisplayName, EntityType, id.ToString(), action, programId, oldValues, newValues, reason);
}
