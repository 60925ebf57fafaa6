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
/// Playbook actions and their effect: a program's applied playbooks and actions, the overdue count, a user's own
/// actions across their programs, and progress updates (owner, change leads, PMO leads, administrators; optimistic
/// concurrency; audited).
/// </summary>
public sealed class PlaybookWorkService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>
    /// What was applied in the program, each with its effect as of <paramref name="asOf"/> (end of that UTC day; today
    /// when null), and every action; null when the program is not visible.
    /// </summary>
    public async Task<PlaybookWork?> ProgramWorkAsync(int programId, DateOnly? asOf, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        if (program is null)
            return null;
        var today = PlaybookAction.Today(clock);
        var applications = await db.PlaybookApplications.AsNoTracking().Include(a => a.Actions)
            .Where(a => a.ProgramId == programId).OrderByDescending(a => a.AppliedUtc).ToListAsync(ct);
        var effectAt = asOf is { } day ? new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddTicks(-1) : clock.GetUtcNow();
        var effects = await EffectsAsync(db, applications, effectAt, ct);
        var names = await OwnerNamesAsync(db, applications.SelectMany(a => a.Actions).Select(a => a.OwnerUserId), ct);
        var views = applications.Select(a => new ApplicationView(a.Id, a.PlaybookName, a.ResistanceType, a.TargetKind, a.TargetName, a.AppliedUtc,
            a.AppliedByName, effects[a.Id], a.Actions.Count(x => x.Status == ActionStatus.Done), a.Actions.Count, a.Actions.Count(x => x.IsOverdueOn(today)))).ToList();
        var actions = applications.SelectMany(a => a.Actions.Select(x => View(x, a, program, program.Name, names, today, user)))
            .OrderBy(x => x.IsOverdue ? 0 : x.Status is ActionStatus.Open or ActionStatus.InProgress ? 1 : 2).ThenBy(x => x.DueDate).ThenBy(x => x.Id)
            .ToList();
        return new PlaybookWork(program.Id, program.Name, views, actions, actions.Count(a => a.IsOverdue), today);
    }

    /// <summary>Overdue actions in the program (the overview's count); null when the program is not visible.</summary>
    public async Task<int?> OverdueCountAsync(int programId, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await MilestoneViews.VisibleProgramAsync(db, programId, user, ct) is null)
            return null;
        return await db.PlaybookActions.Where(a => a.ProgramId == programId).Where(PlaybookAction.OverdueOn(PlaybookAction.Today(clock))).CountAsync(ct);
    }

    /// <summary>The user's own actions in every program they are a member of (not others' actions, even for administrators).</summary>
    public async Task<IReadOnlyList<ActionView>> MyActionsAsync(CurrentUser user, MyActionsFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = PlaybookAction.Today(clock);
        var query = db.PlaybookActions.AsNoTracking()
            .Where(a => a.OwnerUserId == user.Id && db.ProgramMembers.Any(m => m.ProgramId == a.ProgramId && m.UserId == user.Id));
        query = filter switch
        {
            MyActionsFilter.Overdue => query.Where(PlaybookAction.OverdueOn(today)),
            MyActionsFilter.Done => query.Where(a => a.Status == ActionStatus.Done || a.Status == ActionStatus.Dropped),
            _ => query.Where(a => a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress),
        };
        var actions = await query.ToListAsync(ct);
        var applicationIds = actions.Select(a => a.ApplicationId).Distinct().ToList();
        var applications = await db.PlaybookApplications.AsNoTracking().Where(a => applicationIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var programIds = actions.Select(a => a.ProgramId).Distinct().ToList();
        var programs = await db.Programs.AsNoTracking().Include(p => p.Members).Where(p => programIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var names = new Dictionary<string, string> { [user.Id] = user.DisplayName };
        return actions.Select(a => View(a, applications[a.ApplicationId], programs[a.ProgramId], programs[a.ProgramId].Name, names, today, user))
            .OrderBy(a => filter == MyActionsFilter.Done ? 0 : a.DueDate.DayNumber).ThenBy(a => a.ProgramName).ThenBy(a => a.Id)
            .ToList();
    }

    /// <summary>Program members an action can be given to; empty when the program is not visible.</summary>
    public async Task<IReadOnlyList<MemberOption>> MembersAsync(int programId, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        return program is null ? [] : await PlaybookService.MembersAsync(db, program, ct);
    }

    /// <summary>
    /// Records progress on an action. <paramref name="expectedVersion"/> is the version the editor saw: if someone saved
    /// the action since, nothing is overwritten and the message says who.
    /// </summary>
    public async Task<Result> UpdateActionAsync(int actionId, ActionForm form, Guid expectedVersion, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var action = await db.PlaybookActions.FirstOrDefaultAsync(a => a.Id == actionId, ct);
        var program = action is null ? null : await MilestoneViews.VisibleProgramAsync(db, action.ProgramId, user, ct);
        if (action is null || program is null)
            return Result.Failure("", "Action not found, or you are not a member of its program.");
        if (!action.CanBeEditedBy(program, user.Id, user.IsAdministrator))
            return Result.Failure("", "Only the action's owner, change leads, PMO leads and administrators can update it.");
        if (action.Version != expectedVersion)
            return Result.Failure("", Conflict(action));
        var before = action.Describe();
        var members = program.Members.Select(m => m.UserId).ToHashSet();
        var due = form.DueDate is { } d ? DateOnly.FromDateTime(d) : (DateOnly?)null;
        var now = clock.GetUtcNow();
        var updated = action.Update(form.Status, form.OwnerUserId, due, form.OutcomeNote, members, user.DisplayName, now);
        if (!updated.Succeeded || action.Describe() == before)
            return updated;
        db.Audit(new AuditEvent(user.Id, user.DisplayName, "PlaybookAction", action.Id.ToString(CultureInfo.InvariantCulture), "Updated", program.Id,
            OldValues: before, NewValues: action.Describe()), now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            return Result.Failure("", Conflict(await fresh.PlaybookActions.AsNoTracking().FirstAsync(a => a.Id == actionId, ct)));
        }
        return updated;
    }

    private static string Conflict(PlaybookAction current) =>
        $"\"{current.Title}\" was updated by {current.UpdatedBy ?? "someone else"} since you opened it (now {current.Status.DisplayName()}). " +
        "Nothing was overwritten; reload to see the change.";

    private static ActionView View(PlaybookAction a, PlaybookApplication application, PortalProgram program, string programName,
        IReadOnlyDictionary<string, string> names, DateOnly today, CurrentUser user) =>
        new(a.Id, a.ProgramId, programName, a.ApplicationId, application.PlaybookName, application.TargetName, a.StepOrder, a.Title, a.Guidance,
            a.OwnerUserId, names.GetValueOrDefault(a.OwnerUserId, "Former member"), a.DueDate, a.Status, a.OutcomeNote, a.IsOverdueOn(today),
            a.CanBeEditedBy(program, user.Id, user.IsAdministrator), a.Version);

    private static async Task<Dictionary<string, string>> OwnerNamesAsync(PortalDbContext db, IEnumerable<string> ids, CancellationToken ct)
    {
        var distinct = ids.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => distinct.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    /// <summary>Each application's effect read from its target's history (a person without their own record inherits the group's).</summary>
    private static async Task<Dictionary<int, PlaybookEffect>> EffectsAsync(PortalDbContext db, List<PlaybookApplication> applications, DateTimeOffset at,
        CancellationToken ct)
    {
        var personIds = applications.Where(a => a.PersonId is not null).Select(a => a.PersonId!.Value).Distinct().ToList();
        var groupOf = await db.StakeholderPeople.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.GroupId, ct);
        var groupIds = applications.Where(a => a.GroupId is not null).Select(a => a.GroupId!.Value).Concat(groupOf.Values).Distinct().ToList();
        var (groups, people) = await StakeholderTargets.HistoriesAsync(db, groupIds, personIds, ct);
        return applications.ToDictionary(a => a.Id, a => PlaybookEffects.Measure(a.SupportBefore, a.AppliedUtc, when => a.TargetKind == StakeholderKind.Group
            ? PlaybookEffects.At(groups[a.GroupId!.Value], when)
            : PlaybookEffects.EffectiveAt(people[a.PersonId!.Value], groupOf.TryGetValue(a.PersonId!.Value, out var g) ? groups[g] : [], when), at));
    }
}
