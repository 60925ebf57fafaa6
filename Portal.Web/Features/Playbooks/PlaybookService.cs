using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Core.Common;
using Portal.Core.Playbooks;
using Portal.Core.Programs;
using Portal.Core.Stakeholders;
using Portal.Data;
using Portal.Data.Auditing;
using Portal.Web.Features.Account;
using Portal.Web.Features.Milestones;

namespace Portal.Web.Features.Playbooks;

/// <summary>
/// A program's playbook library and applying playbooks. Members read; PMO leads (and administrators) edit playbooks and
/// add custom ones; change leads, PMO leads and administrators apply them. Non-members are told "not found".
/// </summary>
public sealed class PlaybookService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    private const string NotFound = "Program not found, or you are not a member of it.";

    public async Task<PlaybookLibrary?> LibraryAsync(int programId, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        if (program is null)
            return null;
        var own = await db.Playbooks.AsNoTracking().Where(p => p.ProgramId == programId).OrderBy(p => p.Id).ToListAsync(ct);
        var applied = await db.PlaybookApplications.AsNoTracking().Where(a => a.ProgramId == programId)
            .GroupBy(a => a.PlaybookId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        // Built-ins first, in catalogue order, as the program's copy once it has one; then custom playbooks by age.
        var views = BuiltInPlaybooks.All.Select(b => own.FirstOrDefault(p => p.BuiltInKey == b.Key) is { } copy
                ? View(copy, applied.GetValueOrDefault(copy.Id))
                : new PlaybookView(PlaybookView.BuiltInPrefix + b.Key, b.Name, b.ResistanceType, b.Principle, true, false,
                    b.Steps.Select((s, i) => new PlaybookStepView(i + 1, s.Title!, s.Guidance ?? "", s.DueAfterDays)).ToList(), null, 0, null, null))
            .Concat(own.Where(p => !p.IsBuiltIn).Select(p => View(p, applied.GetValueOrDefault(p.Id))))
            .ToList();
        return new PlaybookLibrary(program.Id, program.Name, CanApply(program, user), CanManage(program, user), views);
    }

    /// <summary>Creates a custom playbook (<paramref name="key"/> null) or revises one; PMO leads and administrators only, audited.</summary>
    public async Task<Result<string>> SaveAsync(int programId, string? key, PlaybookForm form, Guid? expectedVersion, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        if (program is null)
            return Result<string>.Failure("", NotFound);
        if (!CanManage(program, user))
            return Result<string>.Failure("", "Only a PMO lead of this program or an administrator can edit playbooks.");
        var now = clock.GetUtcNow();
        if (key is null)
        {
            var created = Playbook.CreateCustom(programId, form.Name, form.Type, form.Principle, form.StepInputs(), now);
            if (!created.Succeeded)
                return Result<string>.Failure(created.Errors);
            db.Playbooks.Add(created.Value);
            return await SaveWithAuditAsync(db, created.Value, user, "Created", null, now, ct);
        }

        var (playbook, materialized) = await ResolveAsync(db, programId, key, now, ct);
        if (playbook is null)
            return Result<string>.Failure("", "That playbook no longer exists.");
        // A built-in seen before the program had its copy (no version) conflicts only if the copy has been revised since.
        var changedSince = expectedVersion is { } seen ? seen != playbook.Version : playbook.RevisedUtc is not null;
        if (!materialized && changedSince)
            return Result<string>.Failure("", Conflict(playbook));
        var before = playbook.Describe();
        var revised = playbook.Revise(form.Name, form.Type, form.Principle, form.StepInputs(), user.DisplayName, now);
        if (!revised.Succeeded)
            return Result<string>.Failure(revised.Errors);
        return await SaveWithAuditAsync(db, playbook, user, "Revised", before, now, ct);
    }

    /// <summary>Who and what a playbook can be applied to, for the apply dialog; null when the program is not visible.</summary>
    public async Task<ApplyOptions?> ApplyOptionsAsync(int programId, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        if (program is null)
            return null;
        return new ApplyOptions(await StakeholderTargets.OptionsAsync(db, programId, ct), await MembersAsync(db, program, ct), PlaybookAction.Today(clock));
    }

    /// <summary>
    /// Applies a playbook to a group or person: one action per step, the target's support at this moment recorded as the
    /// baseline. Change leads, PMO leads and administrators; audited with every action's owner and due date.
    /// </summary>
    public async Task<Result<int>> ApplyAsync(int programId, string key, ApplyForm form, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        if (program is null)
            return Result<int>.Failure("", NotFound);
        if (!CanApply(program, user))
            return Result<int>.Failure("", "Only change leads, PMO leads and administrators can apply playbooks.");
        var target = ParseTarget(form.TargetKey) is var (kind, id) ? await StakeholderTargets.TargetAsync(db, programId, kind, id, ct) : null;
        if (target is null)
            return Result<int>.Failure("Target", "Choose a group or person of this program's stakeholder map.");
        var now = clock.GetUtcNow();
        var (playbook, _) = await ResolveAsync(db, programId, key, now, ct);
        if (playbook is null)
            return Result<int>.Failure("", "That playbook no longer exists.");
        var plans = form.Actions.Select(a => new ActionPlan(a.StepOrder, a.OwnerUserId, a.DueDate is { } d ? DateOnly.FromDateTime(d) : null)).ToList();
        var members = program.Members.Select(m => m.UserId).ToHashSet();

        // One transaction: a first use saves the program's copy of a built-in, which must not outlive a refused application.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (playbook.Id == 0 && await SaveWithAuditAsync(db, playbook, user, "Created", null, now, ct) is { Succeeded: false } copyFailed)
            return Result<int>.Failure(copyFailed.Errors);
        var applied = PlaybookApplication.Apply(playbook, target, plans, members, user.Id, user.DisplayName, now);
        if (!applied.Succeeded)
            return Result<int>.Failure(applied.Errors);
        var application = applied.Value;
        db.PlaybookApplications.Add(application);
        await db.SaveChangesAsync(ct); // assigns the id the audit entry refers to
        db.Audit(new AuditEvent(user.Id, user.DisplayName, "PlaybookApplication", application.Id.ToString(CultureInfo.InvariantCulture), "Applied", programId,
            NewValues: application.Describe()), now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<int>.Success(application.Id);
    }

    internal static bool CanApply(PortalProgram program, CurrentUser user) => ProgramAccess.CanEditChangeWork(program, user.Id, user.IsAdministrator);

    private static bool CanManage(PortalProgram program, CurrentUser user) => ProgramAccess.CanManage(program, user.Id, user.IsAdministrator);

    internal static async Task<IReadOnlyList<MemberOption>> MembersAsync(PortalDbContext db, PortalProgram program, CancellationToken ct)
    {
        var ids = program.Members.Select(m => m.UserId).ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return program.Members.Select(m => new MemberOption(m.UserId, names.GetValueOrDefault(m.UserId, m.UserId), m.Role.DisplayName()))
            .OrderBy(m => m.DisplayName, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>
    /// The program's playbook for <paramref name="key"/>, tracked. A built-in the program has not used yet becomes its own
    /// copy here (added, not saved: the caller's save makes it real, audited as "Created").
    /// </summary>
    private static async Task<(Playbook? Playbook, bool Materialized)> ResolveAsync(PortalDbContext db, int programId, string key, DateTimeOffset now, CancellationToken ct)
    {
        if (key.StartsWith(PlaybookView.BuiltInPrefix, StringComparison.Ordinal))
        {
            var builtInKey = key[PlaybookView.BuiltInPrefix.Length..];
            if (await db.Playbooks.FirstOrDefaultAsync(p => p.ProgramId == programId && p.BuiltInKey == builtInKey, ct) is { } existing)
                return (existing, false);
            if (BuiltInPlaybooks.Find(builtInKey) is not { } builtIn)
                return (null, false);
            var copy = Playbook.CopyOf(builtIn, programId, now);
            db.Playbooks.Add(copy);
            return (copy, true);
        }
        return int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? (await db.Playbooks.FirstOrDefaultAsync(p => p.Id == id && p.ProgramId == programId, ct), false)
            : (null, false);
    }

    private async Task<Result<string>> SaveWithAuditAsync(PortalDbContext db, Playbook playbook, CurrentUser user, string action, string? before,
        DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            if (playbook.Id == 0)
                await db.SaveChangesAsync(ct); // assigns the id the audit entry refers to
            db.Audit(new AuditEvent(user.Id, user.DisplayName, "Playbook", playbook.Id.ToString(CultureInfo.InvariantCulture), action, playbook.ProgramId,
                OldValues: before, NewValues: playbook.Describe(),
                Reason: action == "Created" && playbook.IsBuiltIn ? "The program's own copy of the built-in playbook" : null), now);
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<string>.Failure("", Conflict(playbook));
        }
        catch (DbUpdateException e) when (e.IsUniqueKeyViolation())
        {
            return Result<string>.Failure("", $"Someone else started using the {playbook.Name} playbook at the same moment. Reload and try again.");
        }
        return Result<string>.Success(playbook.Id.ToString(CultureInfo.InvariantCulture));
    }

    private static PlaybookView View(Playbook p, int timesApplied) =>
        new(p.Id.ToString(CultureInfo.InvariantCulture), p.Name, p.ResistanceType, p.Principle, p.IsBuiltIn, p.RevisedUtc is not null,
            p.Steps.OrderBy(s => s.Order).Select(s => new PlaybookStepView(s.Order, s.Title, s.Guidance, s.DueAfterDays)).ToList(),
            p.Version, timesApplied, p.RevisedBy, p.RevisedUtc);

    private static string Conflict(Playbook playbook) =>
        $"{playbook.Name} was changed by {playbook.RevisedBy ?? "someone else"} since you opened it. Nothing was overwritten; reload to see the change.";

    private static (StakeholderKind Kind, int Id)? ParseTarget(string? key) =>
        key?.Split(':') is [var kind, var id] && Enum.TryParse<StakeholderKind>(kind, out var k) && Enum.IsDefined(k)
            && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? (k, i) : null;
}
