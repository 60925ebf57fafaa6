using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Core.Common;
using Portal.Core.Reports;
using Portal.Data;
using Portal.Data.Auditing;
using Portal.Web.Features.Account;
using Portal.Web.Features.Milestones;

namespace Portal.Web.Features.Reports;

/// <summary>A person's weekly report order as pages show it.</summary>
public sealed record SubscriptionView(int Id, int ProgramId, string ProgramName, DayOfWeek Day, DateOnly? LastDueDate);

/// <summary>Subscribe to, change and cancel a program's weekly scorecard PDF; any member may, for themselves. Every change is audited.</summary>
public sealed class ReportSubscriptionService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public const string EntityType = "ReportSubscription";

    public async Task<SubscriptionView?> GetAsync(int programId, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await QueryAsync(db, user, programId, ct)).FirstOrDefault();
    }

    public async Task<IReadOnlyList<SubscriptionView>> ListAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await QueryAsync(db, user, null, ct);
    }

    /// <summary>Subscribes, or changes the day of the existing subscription.</summary>
    public async Task<Result> SubscribeAsync(int programId, DayOfWeek? day, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await MilestoneViews.VisibleProgramAsync(db, programId, user, ct) is null)
            return Result.Failure("", "Only members of the program can subscribe to its scorecard.");
        var now = clock.GetUtcNow();
        var existing = await db.ReportSubscriptions.FirstOrDefaultAsync(s => s.ProgramId == programId && s.UserId == user.Id, ct);
        if (existing is null)
        {
            var created = ReportSubscription.Create(programId, user.Id, day, now);
            if (!created.Succeeded)
                return created;
            db.ReportSubscriptions.Add(created.Value);
            await db.SaveChangesAsync(ct); // the id goes into the audit entry
            db.Audit(new AuditEvent(user.Id, user.DisplayName, EntityType, created.Value.Id.ToString(), "Subscribed", programId,
                NewValues: created.Value.Describe()), now);
        }
        else
        {
            var before = existing.Describe();
            var changed = existing.ChangeDay(day);
            if (!changed.Succeeded)
                return changed;
            if (before == existing.Describe())
                return Result.Success();
            db.Audit(new AuditEvent(user.Id, user.DisplayName, EntityType, existing.Id.ToString(), "Day changed", programId, before, existing.Describe()), now);
        }
        await db.SaveChangesAsync(ct);
        return Result.Success();
    }

    public async Task<Result> UnsubscribeAsync(int programId, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.ReportSubscriptions.FirstOrDefaultAsync(s => s.ProgramId == programId && s.UserId == user.Id, ct);
        if (existing is null)
            return Result.Success();
        db.ReportSubscriptions.Remove(existing);
        db.Audit(new AuditEvent(user.Id, user.DisplayName, EntityType, existing.Id.ToString(), "Unsubscribed", programId, existing.Describe()), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Result.Success();
    }

    private static async Task<List<SubscriptionView>> QueryAsync(PortalDbContext db, CurrentUser user, int? programId, CancellationToken ct) =>
        (await (from s in db.ReportSubscriptions.AsNoTracking()
                join p in db.Programs on s.ProgramId equals p.Id
                where s.UserId == user.Id && (programId == null || s.ProgramId == programId)
                select new SubscriptionView(s.Id, s.ProgramId, p.Name, s.Day, s.LastDueDate)).ToListAsync(ct))
        .OrderBy(s => s.ProgramName, StringComparer.OrdinalIgnoreCase).ToList();
}
