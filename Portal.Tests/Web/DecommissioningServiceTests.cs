using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Decommissioning;
using Portal.Core.Milestones;
using Portal.Core.Notifications;
using Portal.Core.Programs;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Decommissioning;
using Portal.Web.Features.Notifications;

namespace Portal.Tests.Web;

/// <summary>The app on a clock the tests move, with SMTP "configured" against a fake sender and the jobs' own schedules pushed out of reach.</summary>
public sealed class DecommissioningWebFactory : PortalWebFactory
{
    public FakeClock Clock { get; } = new(new DateTimeOffset(2027, 2, 1, 9, 0, 0, TimeSpan.Zero));
    public FakeEmailSender Sender { get; } = new();

    public DecommissioningWebFactory()
    {
        Settings["Portal:Smtp:Host"] = "smtp.test";
        Settings["Portal:Smtp:From"] = "portal@portal.local";
        Settings["Portal:Jobs:DecommissionOverdueCron"] = "0 0 0 1 1 ? 2099";
        Settings["Portal:Jobs:EmailOutboxCron"] = "0 0 0 1 1 ? 2099";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IEmailSender>(Sender);
        });
    }
}

/// <summary>Fails the next <see cref="FailNext"/> sends, then records what it sends.</summary>
public sealed class FakeEmailSender : IEmailSender
{
    public int FailNext { get; set; }
    public List<(string To, string Subject)> Sent { get; } = [];

    public Task SendAsync(string to, string subject, string body, CancellationToken ct)
    {
        if (FailNext > 0)
        {
            FailNext--;
            throw new InvalidOperationException("Connection refused by smtp.test");
        }
        lock (Sent) Sent.Add((to, subject));
        return Task.CompletedTask;
    }
}

/// <summary>
/// The register through its services: who may change it, owners' evidence and sign-off, non-members told "not found",
/// the overdue job's idempotency, catch-up and escalation on a fake clock, and the email outbox's retries.
/// </summary>
public sealed class DecommissioningServiceTests(DecommissioningWebFactory factory) : IClassFixture<DecommissioningWebFactory>
{
    private DecommissioningService Register => factory.Services.GetRequiredService<DecommissioningService>();
    private DecommissionOverdueService Overdue => factory.Services.GetRequiredService<DecommissionOverdueService>();
    private DateOnly Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task Pmo_leads_change_leads_and_administrators_keep_the_register_owners_record_evidence_on_their_own_and_others_read()
    {
        var (programId, ids) = await NewProgramAsync();
        var keepers = new[] { "pmo@portal.local", "change@portal.local", "admin@portal.local" };
        for (var i = 0; i < keepers.Length; i++)
            Assert.True((await Register.AddAsync(programId, Draft($"Tracker {i}", ids["owner"]), await factory.DemoUserAsync(keepers[i]))).Succeeded, keepers[i]);
        var others = (await Register.AddAsync(programId, Draft("Change lead's report", ids["change"]), await factory.DemoUserAsync("pmo@portal.local"))).Value;

        foreach (var reader in new[] { "owner@portal.local", "sponsor@portal.local", "viewer@portal.local" })
        {
            var user = await factory.DemoUserAsync(reader);
            Assert.Equal(DecommissioningService.NotKeeper, (await Register.AddAsync(programId, Draft("Another", ids["owner"]), user)).Errors.Single().Message);
            var view = await Register.GetAsync(programId, user);
            Assert.False(view!.CanEdit);
            Assert.Equal(4, view.Workarounds.Count);
        }

        var owner = await factory.DemoUserAsync("owner@portal.local");
        var register = (await Register.GetAsync(programId, owner))!;
        var mine = register.Workarounds.First(w => w.Name == "Tracker 0");
        Assert.Equal(DecommissioningService.NotKeeper, (await Register.MoveDateAsync(programId, mine, Today.AddDays(9), "later", owner)).Errors.Single().Message);
        Assert.True((await Register.RecordEvidenceAsync(programId, mine, "Archived read-only.", owner)).Succeeded);
        var notMine = register.Workarounds.Single(w => w.Id == others);
        Assert.Equal(DecommissioningService.NotOwnerOrKeeper, (await Register.RecordEvidenceAsync(programId, notMine, "Archived.", owner)).Errors.Single().Message);
    }

    [Fact]
    public async Task The_owner_signs_the_evidence_with_their_password_and_everything_is_audited()
    {
        var (programId, ids) = await NewProgramAsync();
        var pmo = await factory.DemoUserAsync("pmo@portal.local");
        var owner = await factory.DemoUserAsync("owner@portal.local");
        var change = await factory.DemoUserAsync("change@portal.local");
        var id = (await Register.AddAsync(programId, Draft("Monthly reconciliation workbook", ids["owner"], Today.AddDays(10)), pmo)).Value;
        var seen = await ViewAsync(programId, id, change);
        Assert.Equal("Reason", (await Register.MoveDateAsync(programId, seen, Today.AddDays(20), " ", change)).Errors.Single().Field);
        Assert.True((await Register.MoveDateAsync(programId, seen, Today.AddDays(20), "Quarter-end close", change)).Succeeded);
        Assert.True((await Register.RecordEvidenceAsync(programId, await ViewAsync(programId, id, owner), "Archived read-only; access removed.", owner)).Succeeded);
        var evidenced = await ViewAsync(programId, id, owner);
        Assert.True(evidenced.CanSign);
        Assert.False((await ViewAsync(programId, id, pmo)).CanSign);

        var byPmo = await Register.SignAsync(programId, id, evidenced.ContentHash, PortalWebFactory.DemoPassword, SignOffMeaning.Approved, null, pmo);
        var wrongPassword = await Register.SignAsync(programId, id, evidenced.ContentHash, "nope", SignOffMeaning.Approved, null, owner);
        var signed = await Register.SignAsync(programId, id, evidenced.ContentHash, PortalWebFactory.DemoPassword, SignOffMeaning.Approved, "Checked", owner);

        Assert.Equal("Only Mara Lindqvist, the owner of this workaround, can sign its decommissioning.", byPmo.Errors.Single().Message);
        Assert.Equal("Password", wrongPassword.Errors.Single().Field);
        Assert.True(signed.Succeeded);
        var done = await ViewAsync(programId, id, pmo);
        Assert.Equal((WorkaroundStatus.Decommissioned, 1, "Mara Lindqvist"), (done.Status, done.Slips, done.Confirmation!.PrintedName));
        var audit = await AuditAsync(id);
        Assert.Equal(["Created", "DateMoved", "EvidenceRecorded", "SignOffRefused", "SignedOff"], audit.Select(a => a.Action));
        Assert.Equal("Quarter-end close", audit[1].Reason);
        Assert.Contains("slips: 1", audit[1].NewValues);

        Assert.True((await Register.RecordEvidenceAsync(programId, done, "Archived read-only; access removed; macro disabled.", change)).Succeeded);
        var stale = await ViewAsync(programId, id, pmo);
        Assert.Equal(WorkaroundStatus.Scheduled, stale.Status);
        Assert.True(Assert.Single(stale.SignOffs).IsStale);
        Assert.EndsWith("the owner's signature is now stale", (await AuditAsync(id)).Last().NewValues);
    }

    [Fact]
    public async Task Non_members_are_told_not_found_on_every_path_including_the_page()
    {
        var (programId, ids) = await NewProgramAsync();
        var pmo = await factory.DemoUserAsync("pmo@portal.local");
        var id = (await Register.AddAsync(programId, Draft("Old tracker", ids["owner"]), pmo)).Value;
        var seen = await ViewAsync(programId, id, pmo);
        var outsider = await factory.DemoUserAsync("it@portal.local");

        Assert.Null(await Register.GetAsync(programId, outsider));
        Assert.Equal(DecommissioningService.NotFound, (await Register.AddAsync(programId, Draft("x", ids["owner"]), outsider)).Errors[0].Message);
        Assert.Equal(DecommissioningService.NotFound, (await Register.UpdateAsync(programId, seen, Draft("x", ids["owner"]), outsider)).Errors[0].Message);
        Assert.Equal(DecommissioningService.NotFound, (await Register.MoveDateAsync(programId, seen, Today.AddDays(3), "x", outsider)).Errors[0].Message);
        Assert.Equal(DecommissioningService.NotFound, (await Register.RecordEvidenceAsync(programId, seen, "x", outsider)).Errors[0].Message);
        Assert.Equal(DecommissioningService.NotFound,
            (await Register.SignAsync(programId, id, seen.ContentHash, PortalWebFactory.DemoPassword, SignOffMeaning.Approved, null, outsider)).Errors[0].Message);
        var client = await factory.SignedInClientAsync("it@portal.local");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/programs/{programId}/decommissioning")).StatusCode);
    }

    [Fact]
    public async Task After_days_of_downtime_an_overdue_workaround_notifies_its_owner_and_each_sponsor_once_however_often_the_job_runs()
    {
        var (programId, ids) = await NewProgramAsync();
        var pmo = await factory.DemoUserAsync("pmo@portal.local");
        var id = (await Register.AddAsync(programId, Draft("Manual commitment report", ids["owner"], Today.AddDays(1)), pmo)).Value;
        await Overdue.DetectAsync(default);
        factory.Clock.Advance(TimeSpan.FromDays(1)); // due today: not yet overdue
        await Overdue.DetectAsync(default);
        Assert.Empty(await NotificationsAsync(programId));

        factory.Clock.Advance(TimeSpan.FromDays(6)); // the job was down for a week
        await Overdue.DetectAsync(default);
        await Overdue.DetectAsync(default);
        factory.Clock.Advance(TimeSpan.FromHours(1));
        await Overdue.DetectAsync(default);

        var sent = await NotificationsAsync(programId);
        Assert.Equal([ids["owner"], ids["sponsor"]], sent.Select(n => n.RecipientUserId));
        Assert.All(sent, n => Assert.Equal(LegacyWorkaround.OverdueKeyFor(id, Today.AddDays(-6)), n.DedupeKey));
        var escalation = sent.Single(n => n.RecipientUserId == ids["sponsor"]);
        Assert.Equal("Escalated: Manual commitment report is overdue", escalation.Title);
        Assert.Contains("(owner Mara Lindqvist)", escalation.Body);
        Assert.Equal($"/programs/{programId}/decommissioning", escalation.Link);
        var audited = (await AuditAsync(id)).Where(a => a.Action == "OverdueEscalated").ToList();
        Assert.Equal("status: Overdue; notified: Mara Lindqvist, Daniel Okafor", Assert.Single(audited).NewValues);
        Assert.Equal(1, await UnreadAsync("sponsor@portal.local", programId));
    }

    [Fact]
    public async Task A_date_moved_after_it_was_overdue_escalates_again_only_when_the_new_date_passes()
    {
        var (programId, ids) = await NewProgramAsync();
        var pmo = await factory.DemoUserAsync("pmo@portal.local");
        var change = await factory.DemoUserAsync("change@portal.local");
        var id = (await Register.AddAsync(programId, Draft("PO tracking spreadsheet", ids["owner"], Today), pmo)).Value;
        factory.Clock.Advance(TimeSpan.FromDays(2));
        await Overdue.DetectAsync(default);
        Assert.Equal(2, (await NotificationsAsync(programId)).Count);

        Assert.True((await Register.MoveDateAsync(programId, await ViewAsync(programId, id, change), Today.AddDays(7), "Archive access pending", change)).Succeeded);
        factory.Clock.Advance(TimeSpan.FromDays(7)); // due today again
        await Overdue.DetectAsync(default);
        Assert.Equal(2, (await NotificationsAsync(programId)).Count);

        factory.Clock.Advance(TimeSpan.FromDays(1));
        await Overdue.DetectAsync(default);
        var sent = await NotificationsAsync(programId);
        Assert.Equal(4, sent.Count);
        Assert.Contains("after 1 slip", sent.Where(n => n.RecipientUserId == ids["sponsor"]).MaxBy(n => n.Id)!.Body);
    }

    [Fact]
    public async Task A_decommissioned_workaround_past_its_date_notifies_nobody()
    {
        var (programId, ids) = await NewProgramAsync();
        var pmo = await factory.DemoUserAsync("pmo@portal.local");
        var owner = await factory.DemoUserAsync("owner@portal.local");
        var id = (await Register.AddAsync(programId, Draft("Old budget file", ids["owner"], Today), pmo)).Value;
        await Register.RecordEvidenceAsync(programId, await ViewAsync(programId, id, owner), "Deleted from the share.", owner);
        var seen = await ViewAsync(programId, id, owner);
        Assert.True((await Register.SignAsync(programId, id, seen.ContentHash, PortalWebFactory.DemoPassword, SignOffMeaning.Approved, null, owner)).Succeeded);
        factory.Clock.Advance(TimeSpan.FromDays(3));

        await Overdue.DetectAsync(default);

        Assert.Empty(await NotificationsAsync(programId));
    }

    [Fact]
    public async Task A_failed_email_is_retried_from_the_outbox_and_never_blocks_the_notification()
    {
        var (programId, ids) = await NewProgramAsync();
        var notifier = factory.Services.GetRequiredService<INotifier>();
        var outbox = factory.Services.GetRequiredService<EmailOutboxService>();
        await outbox.SendDueAsync(default); // whatever earlier tests queued
        factory.Sender.FailNext = 1;
        var key = $"test:{Guid.NewGuid():N}";

        Assert.True(await notifier.NotifyAsync(new NotificationRequest(ids["sponsor"], programId, "test", "Escalated: report overdue", "Body", "/notifications", key)));
        Assert.False(await notifier.NotifyAsync(new NotificationRequest(ids["sponsor"], programId, "test", "Escalated: report overdue", "Body", "/notifications", key)));
        Assert.DoesNotContain(factory.Sender.Sent, s => s.Subject == "Escalated: report overdue");

        Assert.Equal(new EmailOutboxService.OutboxRun(0, 1, 0), await outbox.SendDueAsync(default));
        Assert.Equal(new EmailOutboxService.OutboxRun(0, 0, 0), await outbox.SendDueAsync(default)); // not due again yet
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new EmailOutboxService.OutboxRun(1, 0, 0), await outbox.SendDueAsync(default));

        Assert.Equal(("sponsor@portal.local", "Escalated: report overdue"), Assert.Single(factory.Sender.Sent, s => s.Subject == "Escalated: report overdue"));
        await using var db = factory.CreateDbContext();
        var email = await db.OutgoingEmails.SingleAsync(e => e.Subject == "Escalated: report overdue");
        Assert.Equal((2, true, null as string), (email.Attempts, email.IsSent, email.LastError));
    }

    [Fact]
    public async Task People_read_and_mark_only_their_own_notifications()
    {
        var (programId, ids) = await NewProgramAsync();
        var notifier = factory.Services.GetRequiredService<INotifier>();
        var inbox = factory.Services.GetRequiredService<NotificationInboxService>();
        var viewer = await factory.DemoUserAsync("viewer@portal.local");
        var admin = await factory.DemoUserAsync("admin@portal.local");
        var before = await inbox.UnreadCountAsync(viewer);
        for (var i = 0; i < 3; i++)
            await notifier.NotifyAsync(new NotificationRequest(ids["viewer"], programId, "test", $"Reminder {i}", "", "/notifications", $"inbox:{programId}:{i}"));
        var (items, _) = await inbox.ListAsync(viewer, unreadOnly: true);

        await inbox.MarkReadAsync(items[0].Id, admin); // not theirs: nothing happens
        Assert.Equal(before + 3, await inbox.UnreadCountAsync(viewer));
        await inbox.MarkReadAsync(items[0].Id, viewer);
        Assert.Equal(before + 2, await inbox.UnreadCountAsync(viewer));
        Assert.Equal("Reminder 2", items[0].Title); // newest first

        await inbox.MarkAllReadAsync(viewer);
        Assert.Equal(0, await inbox.UnreadCountAsync(viewer));
        Assert.Empty((await inbox.ListAsync(viewer, unreadOnly: true)).Items);
    }

    private static WorkaroundDraft Draft(string name, string ownerId, DateOnly? date = null) =>
        new(name, "Month-end close", ownerId, "Reconciliation engine", date);

    private async Task<WorkaroundView> ViewAsync(int programId, int id, Portal.Web.Features.Account.CurrentUser user) =>
        (await Register.GetAsync(programId, user))!.Workarounds.Single(w => w.Id == id);

    private async Task<List<Notification>> NotificationsAsync(int programId)
    {
        await using var db = factory.CreateDbContext();
        return await db.Notifications.AsNoTracking().Where(n => n.ProgramId == programId).OrderBy(n => n.Id).ToListAsync();
    }

    private async Task<int> UnreadAsync(string email, int programId)
    {
        var user = await factory.DemoUserAsync(email);
        await using var db = factory.CreateDbContext();
        return await db.Notifications.CountAsync(n => n.RecipientUserId == user.Id && n.ProgramId == programId && n.ReadUtc == null);
    }

    private async Task<List<Portal.Core.Auditing.AuditEntry>> AuditAsync(int id)
    {
        await using var db = factory.CreateDbContext();
        var key = id.ToString();
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == DecommissioningService.EntityType && a.EntityId == key)
            .OrderBy(a => a.Sequence).ToListAsync();
    }

    private async Task<(int ProgramId, Dictionary<string, string> Ids)> NewProgramAsync()
    {
        var ids = new Dictionary<string, string>();
        foreach (var key in new[] { "pmo", "owner", "change", "sponsor", "viewer" })
            ids[key] = (await factory.DemoUserAsync($"{key}@portal.local")).Id;
        var now = factory.Clock.GetUtcNow();
        var program = PortalProgram.Create("Decom " + Guid.NewGuid().ToString("N")[..8], "", ["PPM", "ERP"], null, now).Value;
        program.SetMember(ids["pmo"], ProgramRole.PmoLead, now);
        program.SetMember(ids["owner"], ProgramRole.ProcessOwner, now);
        program.SetMember(ids["change"], ProgramRole.ChangeLead, now);
        program.SetMember(ids["sponsor"], ProgramRole.ExecutiveSponsor, now);
        program.SetMember(ids["viewer"], ProgramRole.Viewer, now);
        await using var db = factory.CreateDbContext();
        db.Programs.Add(program);
        await db.SaveChangesAsync();
        return (program.Id, ids);
    }
}
