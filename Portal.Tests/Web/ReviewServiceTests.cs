using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Milestones;
using Portal.Core.Notifications;
using Portal.Core.Programs;
using Portal.Core.Reviews;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Account;
using Portal.Web.Features.Admin.Jobs;
using Portal.Web.Features.Programs;
using Portal.Web.Features.Reviews;
using Portal.Web.Jobs;

namespace Portal.Tests.Web;

/// <summary>The app on a clock the tests move, with the review jobs' own schedules pushed out of reach so only the tests run them.</summary>
public sealed class ReviewWebFactory : PortalWebFactory
{
    public FakeClock Clock { get; } = new(new DateTimeOffset(2027, 2, 1, 9, 0, 0, TimeSpan.Zero));

    public ReviewWebFactory()
    {
        foreach (var job in new[] { "ReviewSchedulingCron", "ReviewRemindersCron", "ActionRemindersCron", "DecommissionOverdueCron", "EmailOutboxCron" })
            Settings[$"Portal:Jobs:{job}"] = "0 0 0 1 1 ? 2099";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>
/// Reviews through their services: who may read and write, the audit trail, rescheduling when the go-live moves through
/// the program dialog's service, and the reminder jobs' idempotency and catch-up on a fake clock.
/// </summary>
public sealed class ReviewServiceTests(ReviewWebFactory factory) : IClassFixture<ReviewWebFactory>
{
    private ReviewService Reviews => factory.Services.GetRequiredService<ReviewService>();
    private ReviewSchedulingService Scheduling => factory.Services.GetRequiredService<ReviewSchedulingService>();
    private ReviewReminderService Reminders => factory.Services.GetRequiredService<ReviewReminderService>();
    private DateOnly Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
    private static readonly ReviewMeasures Complete = new(98, 140, 72.5m, 60m, 5, 6);

    [Fact]
    public async Task Members_read_non_members_get_not_found_and_writes_are_role_checked_and_audited()
    {
        var (programId, _) = await NewProgramAsync(goLive: Today.AddDays(-5));
        await Scheduling.ReconcileAsync(default);
        var pmo = await User("pmo");
        var admin = await User("admin");
        var stranger = await User("it"); // not a member of this program
        Assert.Null(await Reviews.GetAsync(programId, stranger));
        Assert.Null(await Reviews.GetReviewAsync(programId, 30, stranger));
        Assert.NotNull(await Reviews.GetAsync(programId, admin));
        var overview = (await Reviews.GetAsync(programId, await User("viewer")))!;
        Assert.Equal((false, false, 3), (overview.CanManage, overview.CanRecord, overview.Reviews.Count));

        var draft = new BaselineDraft(140, 96m, 85m, null);
        Assert.Equal(ReviewService.NotManager, (await Reviews.SaveBaselineAsync(programId, null, draft, "why", await User("change"))).Errors[0].Message);
        Assert.Equal("Reason", (await Reviews.SaveBaselineAsync(programId, null, draft, null, pmo)).Errors[0].Field); // live: a reason is needed
        Assert.True((await Reviews.SaveBaselineAsync(programId, null, draft, "Captured late: the pilot ran long", pmo)).Succeeded);

        var review = (await Reviews.GetReviewAsync(programId, 30, pmo))!;
        Assert.Equal(ReviewService.NotRecorder, (await Reviews.RecordMeasuresAsync(programId, review.Id, review.Version, Complete, await User("sponsor"))).Errors[0].Message);
        Assert.Equal(ReviewService.NotFound, (await Reviews.RecordMeasuresAsync(programId, review.Id, review.Version, Complete, stranger)).Errors[0].Message);
        var invalid = await Reviews.RecordMeasuresAsync(programId, review.Id, review.Version, Complete with { NewProcessSharePercent = 120m }, pmo);
        Assert.Equal("NewProcessSharePercent", Assert.Single(invalid.Errors).Field);
        Assert.True((await Reviews.RecordMeasuresAsync(programId, review.Id, review.Version, Complete, await User("change"))).Succeeded);
        Assert.Equal(ReviewService.Changed, (await Reviews.SetFindingsAsync(programId, review.Id, review.Version, ["stale view"], pmo)).Errors[0].Message);

        review = (await Reviews.GetReviewAsync(programId, 30, pmo))!;
        var owner = await User("owner");
        Assert.Contains("PMO leads and executive sponsors", (await Reviews.SignAsync(programId, review.Id, review.ContentHash, PortalWebFactory.DemoPassword,
            SignOffMeaning.Approved, null, owner)).Errors[0].Message);
        Assert.False((await Reviews.SignAsync(programId, review.Id, review.ContentHash, "wrong password", SignOffMeaning.Approved, null, pmo)).Succeeded);
        foreach (var signer in new[] { pmo, await User("sponsor") })
            Assert.True((await Reviews.SignAsync(programId, review.Id, review.ContentHash, PortalWebFactory.DemoPassword, SignOffMeaning.Approved, null, signer)).Succeeded);
        Assert.Equal(ReviewStatus.Completed, (await Reviews.GetReviewAsync(programId, 30, owner))!.Status);

        var actions = await AuditActionsAsync(programId);
        Assert.Equal(["Scheduled", "Scheduled", "Scheduled", "Captured", "MeasuresRecorded", "SignOffRefused", "SignedOff", "SignedOff"],
            actions.Select(a => a.Action));
        Assert.Equal("Captured late: the pilot ran long", actions.Single(a => a.Action == "Captured").Reason);
    }

    [Fact]
    public async Task Actions_are_added_by_recorders_and_closed_by_their_owner_with_a_note()
    {
        var (programId, ids) = await NewProgramAsync(goLive: Today.AddDays(-20));
        await Scheduling.ReconcileAsync(default);
        var review = (await Reviews.GetReviewAsync(programId, 30, await User("pmo")))!;
        var draft = new ActionDraft("Capital Projects PMs", "Floor-walker during month-end", ids["owner"], Today.AddDays(3));
        Assert.Equal(ReviewService.NotRecorder, (await Reviews.AddActionAsync(programId, review.Id, draft, await User("owner"))).Errors[0].Message);
        Assert.True((await Reviews.AddActionAsync(programId, review.Id, draft, await User("change"))).Succeeded);
        var action = (await Reviews.GetReviewAsync(programId, 30, await User("owner")))!.Actions.Single();
        Assert.True(action.CanComplete);

        Assert.Equal("DoneNote", (await Reviews.CompleteActionAsync(programId, action.Id, "", await User("owner"))).Errors[0].Field);
        Assert.False((await Reviews.CompleteActionAsync(programId, action.Id, "done", await User("viewer"))).Succeeded);
        Assert.True((await Reviews.CompleteActionAsync(programId, action.Id, "Two floor-walk sessions held.", await User("owner"))).Succeeded);
        Assert.Equal(["Created", "Done"], (await AuditActionsAsync(programId)).Where(a => a.EntityType == ReviewService.ActionEntity).Select(a => a.Action));
    }

    [Fact]
    public async Task Moving_the_go_live_in_the_program_form_moves_unstarted_reviews_and_clearing_it_removes_them()
    {
        var (programId, _) = await NewProgramAsync(goLive: null);
        var pmo = await User("pmo");
        var programs = factory.Services.GetRequiredService<ProgramService>();
        var goLive = Today.AddDays(-3);
        Assert.True((await programs.UpdateAsync(programId, await FormAsync(programId, pmo, goLive), pmo)).Succeeded);
        await Scheduling.ReconcileAsync(default); // what the triggered job does
        Assert.Equal([goLive.AddDays(30), goLive.AddDays(60), goLive.AddDays(90)], await DueDatesAsync(programId));

        var thirty = (await Reviews.GetReviewAsync(programId, 30, pmo))!;
        Assert.True((await Reviews.SetFindingsAsync(programId, thirty.Id, thirty.Version, ["Finance keeps the workbook open"], pmo)).Succeeded);
        var moved = goLive.AddDays(10);
        Assert.True((await programs.UpdateAsync(programId, await FormAsync(programId, pmo, moved), pmo)).Succeeded);
        await Scheduling.ReconcileAsync(default);
        await Scheduling.ReconcileAsync(default); // a second run changes nothing
        Assert.Equal([goLive.AddDays(30), moved.AddDays(60), moved.AddDays(90)], await DueDatesAsync(programId));

        Assert.True((await programs.UpdateAsync(programId, await FormAsync(programId, pmo, null), pmo)).Succeeded);
        await Scheduling.ReconcileAsync(default);
        Assert.Equal([goLive.AddDays(30)], await DueDatesAsync(programId));
        Assert.Equal(["Scheduled", "Scheduled", "Scheduled", "FindingsRecorded", "Rescheduled", "Rescheduled", "Unscheduled", "Unscheduled"],
            (await AuditActionsAsync(programId)).Where(a => a.EntityType == ReviewService.ReviewEntity).Select(a => a.Action));
    }

    [Fact]
    public async Task Review_reminders_go_out_once_7_days_before_and_once_when_overdue_and_after_downtime_only_the_overdue_notice()
    {
        var (programId, ids) = await NewProgramAsync(goLive: Today.AddDays(-23)); // the 30-day review is due in 7 days
        var (lateId, _) = await NewProgramAsync(goLive: Today.AddDays(-40)); // its 30-day review was due 10 days ago
        await Scheduling.ReconcileAsync(default);

        await Reminders.RemindReviewsAsync(default);
        await Reminders.RemindReviewsAsync(default);
        Assert.Equal(new[] { (ids["pmo"], ReviewReminderService.ReviewReminderKind), (ids["sponsor"], ReviewReminderService.ReviewReminderKind) }.Order(),
            (await NotificationsAsync(programId)).Select(n => (n.RecipientUserId, n.Kind)).Order());
        Assert.Equal([ReviewReminderService.ReviewOverdueKind, ReviewReminderService.ReviewOverdueKind], (await NotificationsAsync(lateId)).Select(n => n.Kind));

        factory.Clock.Advance(TimeSpan.FromDays(7)); // due today: no overdue notice yet
        await Reminders.RemindReviewsAsync(default);
        Assert.Equal(2, (await NotificationsAsync(programId)).Count);

        factory.Clock.Advance(TimeSpan.FromDays(9)); // the job was down for over a week
        await Reminders.RemindReviewsAsync(default);
        await Reminders.RemindReviewsAsync(default);
        var notices = await NotificationsAsync(programId);
        Assert.Equal(2, notices.Count(n => n.Kind == ReviewReminderService.ReviewOverdueKind));
        Assert.Equal(4, notices.Count);
        Assert.Equal(2, (await NotificationsAsync(lateId)).Count(n => n.Link.EndsWith("/reviews/30"))); // its 60-day reminder is its own
        Assert.Contains("/programs/" + programId + "/reviews/30", notices[^1].Link);
    }

    [Fact]
    public async Task Action_owners_are_reminded_2_days_before_and_told_once_when_overdue()
    {
        var (programId, ids) = await NewProgramAsync(goLive: Today.AddDays(-20));
        await Scheduling.ReconcileAsync(default);
        var review = (await Reviews.GetReviewAsync(programId, 30, await User("pmo")))!;
        await Reviews.AddActionAsync(programId, review.Id, new ActionDraft("Finance analysts", "Pair analysts with early adopters", ids["owner"], Today.AddDays(3)),
            await User("pmo"));

        await Reminders.RemindActionsAsync(default);
        Assert.Empty(await NotificationsAsync(programId)); // 3 days before: not yet
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await Reminders.RemindActionsAsync(default);
        await Reminders.RemindActionsAsync(default);
        Assert.Equal([ReviewReminderService.ActionReminderKind], (await NotificationsAsync(programId)).Select(n => n.Kind));

        factory.Clock.Advance(TimeSpan.FromDays(5));
        await Reminders.RemindActionsAsync(default);
        await Reminders.RemindActionsAsync(default);
        var notices = await NotificationsAsync(programId);
        Assert.Equal([ReviewReminderService.ActionReminderKind, ReviewReminderService.ActionOverdueKind], notices.Select(n => n.Kind));
        Assert.All(notices, n => Assert.Equal(ids["owner"], n.RecipientUserId));
    }

    [Fact]
    public async Task Atlas_is_not_live_so_it_shows_its_baseline_and_no_reviews()
    {
        var atlas = await factory.ProgramIdAsync("Atlas");
        var overview = (await Reviews.GetAsync(atlas, await User("viewer")))!;
        Assert.Null(overview.ActualGoLive);
        Assert.Empty(overview.Reviews);
        Assert.Equal((140, 96m, 85m), (overview.Baseline!.TargetUsers, overview.Baseline.ReconciliationHoursPerMonth, overview.Baseline.TargetSharePercent));
        Assert.False(overview.BaselineNeedsReason);
    }

    [Fact]
    public async Task The_three_jobs_are_on_the_jobs_page()
    {
        var jobs = await factory.Services.GetRequiredService<JobsService>().ListAsync(await User("admin"));
        var names = jobs.Select(j => j.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { AdoptionReviewSchedulingJob.Key.Name, AdoptionReviewRemindersJob.Key.Name, ActionRemindersJob.Key.Name }, names);
        Assert.Equal(["adoption-review-scheduling", "adoption-review-reminders", "action-reminders"],
            new[] { AdoptionReviewSchedulingJob.Key.Name, AdoptionReviewRemindersJob.Key.Name, ActionRemindersJob.Key.Name });
    }

    private Task<CurrentUser> User(string key) => factory.DemoUserAsync($"{key}@portal.local");

    private async Task<ProgramForm> FormAsync(int programId, CurrentUser user, DateOnly? actualGoLive)
    {
        var p = (await factory.Services.GetRequiredService<ProgramService>().GetAsync(programId, user))!;
        return new ProgramForm
        {
            Name = p.Name, Description = p.Description, Systems = p.Systems, PlannedGoLive = p.PlannedGoLive?.ToDateTime(TimeOnly.MinValue),
            ActualGoLive = actualGoLive?.ToDateTime(TimeOnly.MinValue), TotalBudget = p.TotalBudget, ChangeBudget = p.ChangeBudget,
        };
    }

    private async Task<List<DateOnly>> DueDatesAsync(int programId)
    {
        await using var db = factory.CreateDbContext();
        return await db.AdoptionReviews.AsNoTracking().Where(r => r.ProgramId == programId).OrderBy(r => r.Day).Select(r => r.DueDate).ToListAsync();
    }

    private async Task<List<Notification>> NotificationsAsync(int programId)
    {
        await using var db = factory.CreateDbContext();
        return await db.Notifications.AsNoTracking().Where(n => n.ProgramId == programId).OrderBy(n => n.Id).ToListAsync();
    }

    private async Task<List<Portal.Core.Auditing.AuditEntry>> AuditActionsAsync(int programId)
    {
        await using var db = factory.CreateDbContext();
        return await db.AuditEntries.AsNoTracking()
            .Where(a => a.ProgramId == programId && (a.EntityType == ReviewService.ReviewEntity || a.EntityType == ReviewService.BaselineEntity || a.EntityType == ReviewService.ActionEntity))
            .OrderBy(a => a.Sequence).ToListAsync();
    }

    private async Task<(int ProgramId, Dictionary<string, string> Ids)> NewProgramAsync(DateOnly? goLive)
    {
        var ids = new Dictionary<string, string>();
        foreach (var key in new[] { "pmo", "owner", "change", "sponsor", "viewer" })
            ids[key] = (await User(key)).Id;
        var now = factory.Clock.GetUtcNow();
        var program = PortalProgram.Create("Reviews " + Guid.NewGuid().ToString("N")[..8], "", ["PPM", "ERP"], null, now).Value;
        program.SetMember(ids["pmo"], ProgramRole.PmoLead, now);
        program.SetMember(ids["owner"], ProgramRole.ProcessOwner, now);
        program.SetMember(ids["change"], ProgramRole.ChangeLead, now);
        program.SetMember(ids["sponsor"], ProgramRole.ExecutiveSponsor, now);
        program.SetMember(ids["viewer"], ProgramRole.Viewer, now);
        program.SetActualGoLive(goLive);
        await using var db = factory.CreateDbContext();
        db.Programs.Add(program);
        await db.SaveChangesAsync();
        return (program.Id, ids);
    }
}
