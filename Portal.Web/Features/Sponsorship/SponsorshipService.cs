using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Core.Common;
using Portal.Core.Scorecards;
using Portal.Core.Sponsorship;
using Portal.Data;
using Portal.Data.Auditing;
using Portal.Web.Features.Account;
using Portal.Web.Features.Milestones;

namespace Portal.Web.Features.Sponsorship;

/// <summary>
/// The sponsorship log: members read it; executive sponsors of the program log their own actions and may correct or remove
/// them for <see cref="SponsorshipAction.EditWindowDays"/> days. Every change is audited with what the entry said.
/// </summary>
public sealed class SponsorshipService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public const string EntityType = "SponsorshipAction";

    public async Task<SponsorshipLogView?> GetAsync(int programId, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        if (program is null)
            return null;
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var actions = await db.SponsorshipActions.AsNoTracking().Where(a => a.ProgramId == programId).ToListAsync(ct);
        var entries = actions.OrderByDescending(a => a.Date).ThenByDescending(a => a.Id)
            .Select(a => new SponsorshipEntryView(a.Id, a.Kind, a.Date, a.Note, a.SponsorName, a.RecordedUtc, a.CanChange(user.Id, now))).ToList();
        var dates = actions.Select(a => a.Date).ToList();
        var started = DateOnly.FromDateTime(program.CreatedUtc.UtcDateTime);
        var link = ScorecardKeys.SponsorshipPage(programId);
        return new SponsorshipLogView(program.Id, program.Name, SponsorshipAction.MayRecord(program, user.Id), entries,
            SponsorshipScores.Cadence(dates, started, today, link), SponsorshipScores.Silent(dates, started, today, link));
    }

    public async Task<Result<int>> RecordAsync(int programId, SponsorshipForm form, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        if (program is null)
            return Result<int>.Failure("", "Program not found.");
        var now = clock.GetUtcNow();
        var recorded = SponsorshipAction.Record(program, user.Id, user.DisplayName, form.ToDraft(), DateOnly.FromDateTime(now.UtcDateTime), now);
        if (!recorded.Succeeded)
            return Result<int>.Failure(recorded.Errors);
        var action = recorded.Value;
        db.SponsorshipActions.Add(action);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct); // assigns the id the audit entry refers to
        db.Audit(new AuditEvent(user.Id, user.DisplayName, EntityType, action.Id.ToString(), "Logged", programId, NewValues: action.Describe()), now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<int>.Success(action.Id);
    }

    public async Task<Result> EditAsync(int actionId, SponsorshipForm form, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await LoadAsync(db, actionId, user, ct) is not { } action)
            return Result.Failure("", "That sponsorship action does not exist.");
        var now = clock.GetUtcNow();
        var before = action.Describe();
        var edited = action.Edit(user.Id, form.ToDraft(), DateOnly.FromDateTime(now.UtcDateTime), now);
        if (!edited.Succeeded)
            return edited;
        db.Audit(new AuditEvent(user.Id, user.DisplayName, EntityType, action.Id.ToString(), "Edited", action.ProgramId, before, action.Describe()), now);
        await db.SaveChangesAsync(ct);
        return edited;
    }

    public async Task<Result> RemoveAsync(int actionId, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await LoadAsync(db, actionId, user, ct) is not { } action)
            return Result.Failure("", "That sponsorship action does not exist.");
        var now = clock.GetUtcNow();
        var allowed = action.CanRemove(user.Id, now);
        if (!allowed.Succeeded)
            return allowed;
        db.SponsorshipActions.Remove(action);
        db.Audit(new AuditEvent(user.Id, user.DisplayName, EntityType, action.Id.ToString(), "Removed", action.ProgramId, OldValues: action.Describe()), now);
        await db.SaveChangesAsync(ct);
        return allowed;
    }

    /// <summary>The action, tracked, if the user can see its program; hidden otherwise, like a program they are not in.</summary>
    private static async Task<SponsorshipAction?> LoadAsync(PortalDbContext db, int actionId, CurrentUser user, CancellationToken ct)
    {
        var action = await db.SponsorshipActions.FirstOrDefaultAsync(a => a.Id == actionId, ct);
        return action is not null && await MilestoneViews.VisibleProgramAsync(db, action.ProgramId, user, ct) is not null ? action : null;
    }
}
