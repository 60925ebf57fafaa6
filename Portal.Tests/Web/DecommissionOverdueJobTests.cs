using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Decommissioning;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Admin.Jobs;
using Portal.Web.Jobs;

namespace Portal.Tests.Web;

/// <summary>
/// The overdue job through the real scheduler on the real clock (Quartz reads the app's TimeProvider, so a clock that
/// stands still would stall it): listed on the Jobs page, and its first run on the demo data adds nothing, because the
/// demo's escalation already carries the job's dedupe key.
/// </summary>
public sealed class DecommissionOverdueJobTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    [Fact]
    public async Task The_job_is_on_the_jobs_page_and_its_run_on_the_demo_data_notifies_nobody_twice()
    {
        var admin = await factory.DemoUserAsync("admin@portal.local");
        var jobs = factory.Services.GetRequiredService<JobsService>();
        var listed = (await jobs.ListAsync(admin)).Single(j => j.Name == DecommissionOverdueJob.Key.Name);
        Assert.Equal(("Notifies owners and escalates to sponsors when a workaround's decommission date has passed.", "Every hour at minute 5"),
            (listed.Description, listed.Triggers));
        var before = await EscalationsAsync();

        await jobs.RunNowAsync(DecommissionOverdueJob.Key.Group, DecommissionOverdueJob.Key.Name, admin);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        Portal.Core.Operations.JobRun? run = null;
        while (run is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            await using var db = factory.CreateDbContext();
            run = await db.JobRuns.AsNoTracking().FirstOrDefaultAsync(r => r.JobName == DecommissionOverdueJob.Key.Name && r.FinishedUtc != null);
        }
        Assert.NotNull(run);
        Assert.True(run.Succeeded, run.Message);
        Assert.Equal("1 overdue workaround; 0 new notifications.", run.Message);
        Assert.Equal(before, await EscalationsAsync());
        Assert.Equal(2, before.Count); // Mara (owner) and Daniel (sponsor)
    }

    private async Task<List<string>> EscalationsAsync()
    {
        await using var db = factory.CreateDbContext();
        var report = await db.LegacyWorkarounds.AsNoTracking().SingleAsync(w => w.Name == "Manual commitment report");
        var key = LegacyWorkaround.OverdueKeyFor(report.Id, report.DecommissionDate!.Value);
        return await db.Notifications.AsNoTracking().Where(n => n.DedupeKey == key).OrderBy(n => n.Id).Select(n => n.RecipientUserId).ToListAsync();
    }
}
