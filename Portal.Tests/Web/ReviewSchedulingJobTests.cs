using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Programs;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Programs;
using Portal.Web.Jobs;

namespace Portal.Tests.Web;

/// <summary>
/// Saving an actual go-live triggers the scheduling job through the real scheduler on the real clock (Quartz reads the app's
/// TimeProvider, so a clock that stands still would stall it); the job's run is recorded for the Jobs page.
/// </summary>
public sealed class ReviewSchedulingJobTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    [Fact]
    public async Task Saving_the_actual_go_live_schedules_the_three_reviews_through_the_job()
    {
        var pmo = await factory.DemoUserAsync("pmo@portal.local");
        var programs = factory.Services.GetRequiredService<ProgramService>();
        var id = (await programs.CreateAsync(new ProgramForm { Name = "Go-live " + Guid.NewGuid().ToString("N")[..8], Systems = ["PPM", "ERP"] }, pmo)).Value;
        var goLive = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2);
        var p = (await programs.GetAsync(id, pmo))!;

        var saved = await programs.UpdateAsync(id, new ProgramForm { Name = p.Name, Systems = p.Systems, ActualGoLive = goLive.ToDateTime(TimeOnly.MinValue) }, pmo);

        Assert.True(saved.Succeeded);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        List<DateOnly> due = [];
        while (due.Count < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            await using var db = factory.CreateDbContext();
            due = await db.AdoptionReviews.AsNoTracking().Where(r => r.ProgramId == id).OrderBy(r => r.Day).Select(r => r.DueDate).ToListAsync();
        }
        Assert.Equal([goLive.AddDays(30), goLive.AddDays(60), goLive.AddDays(90)], due);
        await using var check = factory.CreateDbContext();
        Assert.True(await check.JobRuns.AnyAsync(r => r.JobName == AdoptionReviewSchedulingJob.Key.Name));
    }
}
