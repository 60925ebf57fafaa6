using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Core.Reports;
using Portal.Data;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Admin.Jobs;
using Portal.Web.Features.Notifications;
using Portal.Web.Features.Reports;
using Portal.Web.Features.Reports.Pdf;
using Portal.Web.Features.Scorecards;
using Portal.Web.Jobs;

namespace Portal.Tests.Web;

/// <summary>
/// Weekly scorecard subscriptions on a clock the test moves: one file per subscription and week, the latest missed week
/// after downtime, no duplicate when two runs race, nothing for someone removed from the program; every change audited.
/// </summary>
public sealed class WeeklyReportTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    // 2 November 2026 is a Monday.
    private static readonly DateTimeOffset MondayMorning = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    private WeeklyReportService Weekly(TimeProvider clock)
    {
        var dbFactory = factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var reports = new ReportService(dbFactory, factory.Services.GetRequiredService<ScorecardService>(),
            factory.Services.GetRequiredService<IOptions<PdfOptions>>(), clock);
        return new WeeklyReportService(dbFactory, reports, factory.Services.GetRequiredService<INotifier>(), clock, NullLogger<WeeklyReportService>.Instance);
    }

    private async Task<int> SubscribeAsync(int programId, string userId, DateTimeOffset at)
    {
        await using var db = factory.CreateDbContext();
        var subscription = ReportSubscription.Create(programId, userId, DayOfWeek.Monday, at).Value;
        db.ReportSubscriptions.Add(subscription);
        await db.SaveChangesAsync();
        return subscription.Id;
    }

    [Fact]
    public async Task Each_subscription_gets_one_report_per_week_catches_up_once_after_downtime_and_never_twice()
    {
        var atlasId = await factory.ProgramIdAsync("Atlas");
        var sponsor = await factory.DemoUserAsync("sponsor@portal.local");
        var clock = new FakeClock(MondayMorning.AddHours(1));
        var id = await SubscribeAsync(atlasId, sponsor.Id, MondayMorning);
        var weekly = Weekly(clock);

        Assert.Equal(1, (await weekly.RunAsync()).Generated);
        Assert.Equal(0, (await weekly.RunAsync()).Generated); // the same hour again
        clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(0, (await weekly.RunAsync()).Generated); // Wednesday: this week's is made
        clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal(1, (await weekly.RunAsync()).Generated); // Monday 9 November
        clock.Advance(TimeSpan.FromDays(21));
        Assert.Equal(1, (await weekly.RunAsync()).Generated); // back after three weeks down: the 30th only
        clock.Advance(TimeSpan.FromDays(7));
        var raced = await Task.WhenAll(weekly.RunAsync(), Weekly(clock).RunAsync());
        Assert.Equal(1, raced.Sum(r => r.Generated));

        await using var db = factory.CreateDbContext();
        var files = await db.ReportFiles.AsNoTracking().Where(f => f.SubscriptionId == id).OrderBy(f => f.Id)
            .Select(f => new { f.DueDate, f.OwnerUserId, f.Origin, f.ProgramId, f.SizeBytes }).ToListAsync();
        // Four made; the first (2 November) is past the 30-day retention on 7 December, so the same run removed it.
        Assert.Equal([new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 7)], files.Select(f => f.DueDate!.Value));
        Assert.All(files, f => Assert.Equal((sponsor.Id, ReportOrigin.Subscription, (int?)atlasId), (f.OwnerUserId, f.Origin, f.ProgramId)));
        Assert.All(files, f => Assert.True(f.SizeBytes > 1000));
        Assert.Equal(4, await db.AuditEntries.CountAsync(a => a.EntityType == ReportSubscriptionService.EntityType && a.EntityId == id.ToString() && a.Action == "Report generated"));
        Assert.Equal(4, await db.Notifications.CountAsync(n => n.RecipientUserId == sponsor.Id && n.Kind == WeeklyReportService.NotificationKind && n.Link == "/reports"));
        Assert.Equal(new DateOnly(2026, 12, 7), (await db.ReportSubscriptions.AsNoTracking().SingleAsync(s => s.Id == id)).LastDueDate);
    }

    [Fact]
    public async Task Someone_removed_from_the_program_gets_no_report_and_loses_access_to_earlier_ones()
    {
        var atlasId = await factory.ProgramIdAsync("Atlas");
        var viewer = await factory.DemoUserAsync("viewer@portal.local");
        var clock = new FakeClock(MondayMorning.AddDays(-7).AddHours(1));
        var id = await SubscribeAsync(atlasId, viewer.Id, MondayMorning.AddDays(-7));
        var weekly = Weekly(clock);
        await weekly.RunAsync();
        long earlier;
        await using (var db = factory.CreateDbContext())
        {
            earlier = await db.ReportFiles.Where(f => f.SubscriptionId == id).Select(f => f.Id).SingleAsync();
            await db.ProgramMembers.Where(m => m.ProgramId == atlasId && m.UserId == viewer.Id).ExecuteDeleteAsync();
        }

        clock.Advance(TimeSpan.FromDays(7));
        var run = await weekly.RunAsync();

        await using var check = factory.CreateDbContext();
        Assert.Equal(1, await check.ReportFiles.CountAsync(f => f.SubscriptionId == id));
        Assert.True(run.Skipped >= 1);
        Assert.Null(await factory.Services.GetRequiredService<ReportService>().DownloadAsync(earlier, viewer));
    }

    [Fact]
    public async Task Members_subscribe_change_the_day_and_unsubscribe_with_an_audit_entry_each_and_non_members_cannot()
    {
        var harborId = await factory.ProgramIdAsync("Harbor");
        var pmo = await factory.DemoUserAsync("pmo@portal.local");
        var outsider = await factory.DemoUserAsync("change@portal.local");
        var service = factory.Services.GetRequiredService<ReportSubscriptionService>();
        Assert.True((await service.SubscribeAsync(harborId, DayOfWeek.Friday, pmo)).Succeeded);
        Assert.Equal(DayOfWeek.Friday, (await service.GetAsync(harborId, pmo))!.Day);
        Assert.True((await service.SubscribeAsync(harborId, DayOfWeek.Tuesday, pmo)).Succeeded);
        Assert.Equal("Day", Assert.Single((await service.SubscribeAsync(harborId, null, pmo)).Errors).Field);
        Assert.True((await service.UnsubscribeAsync(harborId, pmo)).Succeeded);
        Assert.Null(await service.GetAsync(harborId, pmo));
        Assert.False((await service.SubscribeAsync(harborId, DayOfWeek.Monday, outsider)).Succeeded); // the change lead is not on Harbor

        await using var db = factory.CreateDbContext();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == ReportSubscriptionService.EntityType && a.ActorUserId == pmo.Id)
            .OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync();
        Assert.Equal(["Subscribed", "Day changed", "Unsubscribed"], audit);
    }

    [Fact]
    public async Task The_weekly_job_is_listed_on_the_jobs_page_with_its_schedule()
    {
        var admin = await factory.DemoUserAsync("admin@portal.local");
        var listed = (await factory.Services.GetRequiredService<JobsService>().ListAsync(admin)).Single(j => j.Name == WeeklyReportJob.Key.Name);
        Assert.Equal("Every hour at minute 25", listed.Triggers);
    }
}
