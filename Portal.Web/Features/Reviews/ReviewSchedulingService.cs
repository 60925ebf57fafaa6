using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Core.Reviews;
using Portal.Data;
using Portal.Data.Auditing;

namespace Portal.Web.Features.Reviews;

/// <summary>
/// Brings every program's 30/60/90-day reviews in line with its actual go-live (<see cref="ReviewSchedule.Reconcile"/>):
/// creates missing reviews, moves unstarted ones, removes unstarted ones when the go-live is cleared. It works from the
/// database alone, so a run after a restart or downtime does exactly what the missed runs would have done; each change is
/// audited as the system's.
/// </summary>
public sealed class ReviewSchedulingService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock, ILogger<ReviewSchedulingService> logger)
{
    public sealed record SchedulingRun(int Programs, int Scheduled, int Moved, int Removed);

    public async Task<SchedulingRun> ReconcileAsync(CancellationToken ct)
    {
        await using var read = await dbFactory.CreateDbContextAsync(ct);
        // Programs that are live, or that still have reviews (a cleared go-live leaves unstarted reviews to remove).
        var programIds = await read.Programs.AsNoTracking()
            .Where(p => p.ActualGoLive != null || read.AdoptionReviews.Any(r => r.ProgramId == p.Id))
            .Select(p => p.Id).ToListAsync(ct);
        int scheduled = 0, moved = 0, removed = 0;
        foreach (var programId in programIds)
        {
            try
            {
                var run = await ReconcileProgramAsync(programId, ct);
                (scheduled, moved, removed) = (scheduled + run.Scheduled, moved + run.Moved, removed + run.Removed);
            }
            catch (DbUpdateException e)
            {
                // Another run (a trigger racing the periodic one) changed the same program first; the next run settles it.
                logger.LogInformation(e, "Review scheduling for program {ProgramId} lost a race; it is retried on the next run", programId);
            }
        }
        return new SchedulingRun(programIds.Count, scheduled, moved, removed);
    }

    public async Task<SchedulingRun> ReconcileProgramAsync(int programId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var goLive = await db.Programs.Where(p => p.Id == programId).Select(p => p.ActualGoLive).FirstOrDefaultAsync(ct);
        var reviews = await db.AdoptionReviews.Where(r => r.ProgramId == programId).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var changes = ReviewSchedule.Reconcile(programId, goLive, reviews, now);
        if (!changes.Any)
            return new SchedulingRun(1, 0, 0, 0);

        db.AdoptionReviews.AddRange(changes.Added);
        db.AdoptionReviews.RemoveRange(changes.Removed);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct); // ids of the new reviews, for their audit entries
        foreach (var r in changes.Added)
            db.Audit(Event(r.Id, "Scheduled", programId, null, $"{r.Day}-day review due {r.DueDate:yyyy-MM-dd} (actual go-live {goLive:yyyy-MM-dd})"), now);
        foreach (var m in changes.Moved)
            db.Audit(Event(m.Review.Id, "Rescheduled", programId, $"{m.Review.Day}-day review due {m.From:yyyy-MM-dd}",
                $"{m.Review.Day}-day review due {m.To:yyyy-MM-dd} (actual go-live moved to {goLive:yyyy-MM-dd})"), now);
        foreach (var r in changes.Removed)
            db.Audit(Event(r.Id, "Unscheduled", programId, $"{r.Day}-day review due {r.DueDate:yyyy-MM-dd}",
                "removed: the actual go-live was cleared and nothing was recorded on the review"), now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new SchedulingRun(1, changes.Added.Count, changes.Moved.Count, changes.Removed.Count);
    }

    private static AuditEvent Event(int id, string action, int programId, string? oldValues, string newValues) =>
        new(null, "System", ReviewService.ReviewEntity, id.ToString(), action, programId, oldValues, newValues);
}
