using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Web.Features.Account;
using Quartz;

namespace Portal.Web.Features.Admin.Jobs;

public sealed record JobView(
    string Group, string Name, string? Description, string Triggers, DateTimeOffset? PreviousFireUtc, DateTimeOffset? NextFireUtc,
    string State, DateTimeOffset? LastRunUtc, bool? LastSucceeded, string? LastMessage, string? LastNode, TimeSpan? LastDuration);

/// <summary>Jobs as the scheduler sees them (triggers, next fire) joined with their recorded outcomes.</summary>
public sealed class JobsService(ISchedulerFactory schedulers, IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<IReadOnlyList<JobView>> ListAsync(CurrentUser admin, CancellationToken ct = default)
    {
        RequireAdmin(admin);
        var scheduler = await schedulers.GetScheduler(ct);
        var jobs = await scheduler.QueryJobs(new JobQuery(), ct);
        var triggers = await scheduler.QueryTriggers(new TriggerQuery(), ct);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lastRuns = (await db.JobRuns.AsNoTracking()
                .GroupBy(r => new { r.JobGroup, r.JobName })
                .Select(g => g.OrderByDescending(r => r.StartedUtc).First())
                .ToListAsync(ct))
            .ToDictionary(r => (r.JobGroup, r.JobName));

        return jobs.Items.Select(job =>
        {
            var mine = triggers.Items.Where(t => t.JobKey.Equals(job.Key)).ToList();
            lastRuns.TryGetValue((job.Key.Group, job.Key.Name), out var run);
            return new JobView(job.Key.Group, job.Key.Name, job.Description,
                mine.Count == 0 ? "No trigger" : string.Join("; ", mine.Select(t => t.Description ?? t.Key.Name)),
                mine.Select(t => t.PreviousFireTimeUtc).Max(), mine.Select(t => t.NextFireTimeUtc).Where(t => t is not null).Min(),
                mine.Count == 0 ? "Idle" : string.Join(", ", mine.Select(t => t.State.ToString()).Distinct()),
                run?.StartedUtc, run?.Succeeded, run?.Message, run?.Node, run?.Duration);
        }).ToList();
    }

    /// <summary>Fires a job now, outside its schedule; the outcome is recorded like any other firing.</summary>
    public async Task RunNowAsync(string group, string name, CurrentUser admin, CancellationToken ct = default)
    {
        RequireAdmin(admin);
        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.TriggerJob(new JobKey(name, group), new JobDataMap(), ct);
    }

    private static void RequireAdmin(CurrentUser user)
    {
        if (!user.IsAdministrator)
            throw new UnauthorizedAccessException("The jobs page needs the Administrator role.");
    }
}
