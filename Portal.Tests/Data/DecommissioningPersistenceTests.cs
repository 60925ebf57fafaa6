using Microsoft.EntityFrameworkCore;
using Portal.Core.Decommissioning;
using Portal.Core.Milestones;
using Portal.Core.Notifications;
using Portal.Core.Programs;
using Portal.Data;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data;

/// <summary>
/// Workarounds and their signatures survive a round trip; the database holds "one notification per recipient and dedupe
/// key" and "a signature has exactly one subject" with a workaround as a subject.
/// </summary>
public sealed class DecommissioningPersistenceTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    [Theory, SqliteData, PostgresData]
    public async Task A_decommissioned_workaround_round_trips_with_its_signature_date_and_slips(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (programId, ownerId) = await SaveProgramAsync(db);
        var id = await SaveDecommissionedAsync(db, programId, ownerId);

        await using var context = db.CreateContext();
        var w = await context.LegacyWorkarounds.SingleAsync(x => x.Id == id);

        Assert.Equal(("Monthly reconciliation workbook", Today.AddDays(5), 1), (w.Name, w.DecommissionDate, w.Slips));
        Assert.Equal(WorkaroundStatus.Decommissioned, w.StatusOn(Today.AddDays(30))); // signatures are auto-included
        var signature = Assert.Single(w.SignOffs);
        Assert.Equal((id, null as int?, null as int?), (signature.LegacyWorkaroundId, signature.SystemOfRecordEntryId, signature.MilestoneId));
        Assert.Equal(1, await context.LegacyWorkarounds.CountAsync(x => x.DecommissionDate < Today.AddDays(6))); // dates compare in SQL
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_workaround_signature_still_belongs_to_exactly_one_subject(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (programId, ownerId) = await SaveProgramAsync(db, withPlan: true);
        var id = await SaveDecommissionedAsync(db, programId, ownerId);
        await using var context = db.CreateContext();
        var signatureId = await context.SignOffs.Where(s => s.LegacyWorkaroundId == id).Select(s => s.Id).SingleAsync();
        var milestoneId = await context.Milestones.Where(m => context.Phases.Any(p => p.Id == m.PhaseId && p.ProgramId == programId)).Select(m => m.Id).FirstAsync();

        var none = await Assert.ThrowsAnyAsync<Exception>(() => context.SignOffs.Where(s => s.Id == signatureId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LegacyWorkaroundId, (int?)null)));
        var two = await Assert.ThrowsAnyAsync<Exception>(() => context.SignOffs.Where(s => s.Id == signatureId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.MilestoneId, milestoneId)));

        Assert.Contains("CK_SignOffs_OneSubject", none.Message);
        Assert.Contains("CK_SignOffs_OneSubject", two.Message);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Two_runs_racing_to_notify_the_same_person_of_the_same_event_cannot_both_insert(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (programId, ownerId) = await SaveProgramAsync(db);
        await using var first = db.CreateContext();
        await using var second = db.CreateContext();
        var key = LegacyWorkaround.OverdueKeyFor(7, Today);
        first.Notifications.Add(Notification.Create(Request(ownerId, programId, key), Now).Value);
        second.Notifications.Add(Notification.Create(Request(ownerId, programId, key.ToUpperInvariant()), Now).Value);
        await first.SaveChangesAsync();

        var failure = await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync());

        Assert.True(failure.IsUniqueKeyViolation());
        await using var third = db.CreateContext(); // the same key for someone else is their own notification
        var sponsor = new UserBuilder().Named("Daniel Okafor").Build();
        third.Users.Add(sponsor);
        third.Notifications.Add(Notification.Create(Request(sponsor.Id, programId, key), Now).Value);
        await third.SaveChangesAsync();
        Assert.Equal(2, await third.Notifications.CountAsync(n => n.DedupeKey == key));
    }

    private static NotificationRequest Request(string recipient, int programId, string key) =>
        new(recipient, programId, "decommission-overdue", "Overdue: workbook", "", $"/programs/{programId}/decommissioning", key);

    private static async Task<int> SaveDecommissionedAsync(TestDatabase db, int programId, string ownerId)
    {
        await using var context = db.CreateContext();
        var program = await context.Programs.AsNoTracking().Include(p => p.Members).SingleAsync(p => p.Id == programId);
        var w = LegacyWorkaround.Register(program, new WorkaroundDraft("Monthly reconciliation workbook", "Month-end close", ownerId, "Reconciliation engine",
            Today.AddDays(-1)), [], Now.AddDays(-10)).Value;
        Assert.True(w.MoveDate(Today.AddDays(5), "Quarter-end close", Now).Succeeded);
        w.RecordEvidence("Archived read-only; access removed.", Now);
        Assert.True(w.Sign(new Signer(ownerId, "Mara Lindqvist", [nameof(ProgramRole.ProcessOwner)]), SignOffMeaning.Approved, null, w.ContentHash(), Now).Succeeded);
        context.LegacyWorkarounds.Add(w);
        await context.SaveChangesAsync();
        return w.Id;
    }

    private static async Task<(int ProgramId, string OwnerId)> SaveProgramAsync(TestDatabase db, bool withPlan = false)
    {
        var owner = new UserBuilder().Named("Mara Lindqvist").Build();
        await using var context = db.CreateContext();
        context.Users.Add(owner);
        await context.SaveChangesAsync();
        var program = new ProgramBuilder().WithMember(owner.Id, ProgramRole.ProcessOwner).Build();
        if (withPlan)
            program.AdoptPlan(ProgramTemplate.Default.Instantiate(CriterionEvaluators.Default));
        context.Programs.Add(program);
        await context.SaveChangesAsync();
        return (program.Id, owner.Id);
    }
}
