using Microsoft.EntityFrameworkCore;
using Portal.Core.Milestones;
using Portal.Core.Programs;
using Portal.Core.SystemOfRecord;
using Portal.Data;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data;

/// <summary>Register entries and their signatures survive a round trip; the database holds the one-subject and one-domain rules too.</summary>
public sealed class SystemOfRecordPersistenceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private const string Escalation = "Finance process owner decides within 2 working days;\nunresolved -> steering committee";

    [Theory, SqliteData, PostgresData]
    public async Task An_agreed_entry_round_trips_with_its_signature_and_stays_agreed(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (programId, ownerId) = await SaveProgramAsync(db);
        var entryId = await SaveAgreedEntryAsync(db, programId, ownerId, "purchase orders");

        await using var context = db.CreateContext();
        var entry = await context.SystemOfRecordEntries.SingleAsync(e => e.Id == entryId);

        Assert.Equal(("purchase orders", "purchase orders", "ERP", ownerId, Escalation), (entry.Domain, entry.DomainKey, entry.AuthoritativeSystem, entry.DecisionOwnerUserId, entry.EscalationPath));
        Assert.Equal(SystemOfRecordStatus.Agreed, entry.Status); // signatures are auto-included
        var signature = Assert.Single(entry.SignOffs);
        Assert.Equal((entryId, null as int?, null as int?), (signature.SystemOfRecordEntryId, signature.CriterionId, signature.MilestoneId));
        Assert.Equal((entry.ContentHash(), Now, "Mara Lindqvist"), (signature.ContentHash, signature.SignedUtc, signature.PrintedName));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_signature_belongs_to_exactly_one_subject(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (programId, ownerId) = await SaveProgramAsync(db, withPlan: true);
        var entryId = await SaveAgreedEntryAsync(db, programId, ownerId, "invoices");
        await using var context = db.CreateContext();
        var signatureId = await context.SignOffs.Where(s => s.SystemOfRecordEntryId == entryId).Select(s => s.Id).SingleAsync();
        var milestoneId = await context.Milestones.Where(m => context.Phases.Any(p => p.Id == m.PhaseId && p.ProgramId == programId)).Select(m => m.Id).FirstAsync();

        var none = await Assert.ThrowsAnyAsync<Exception>(() => context.SignOffs.Where(s => s.Id == signatureId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.SystemOfRecordEntryId, (int?)null)));
        var two = await Assert.ThrowsAnyAsync<Exception>(() => context.SignOffs.Where(s => s.Id == signatureId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.MilestoneId, milestoneId)));

        Assert.Contains("CK_SignOffs_OneSubject", none.Message);
        Assert.Contains("CK_SignOffs_OneSubject", two.Message);
        Assert.Equal(entryId, (await context.SignOffs.AsNoTracking().SingleAsync(s => s.Id == signatureId)).SystemOfRecordEntryId);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Two_people_adding_the_same_domain_at_once_cannot_both_succeed(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (programId, ownerId) = await SaveProgramAsync(db);
        await using var first = db.CreateContext();
        await using var second = db.CreateContext();
        var program = await first.Programs.AsNoTracking().Include(p => p.Members).SingleAsync(p => p.Id == programId);
        // Each checked an empty register, so the rule in Core passes for both; the unique index decides.
        first.SystemOfRecordEntries.Add(SystemOfRecordEntry.Propose(program, Draft("Rates", ownerId), [], Now).Value);
        second.SystemOfRecordEntries.Add(SystemOfRecordEntry.Propose(program, Draft("rates ", ownerId), [], Now).Value);

        await first.SaveChangesAsync();
        var failure = await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync());

        Assert.True(failure.IsUniqueKeyViolation());
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_edit_based_on_an_old_version_is_refused(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (programId, ownerId) = await SaveProgramAsync(db);
        var entryId = await SaveAgreedEntryAsync(db, programId, ownerId, "time");
        await using var first = db.CreateContext();
        await using var second = db.CreateContext();
        var program = await first.Programs.AsNoTracking().Include(p => p.Members).SingleAsync(p => p.Id == programId);
        var mine = await first.SystemOfRecordEntries.SingleAsync(e => e.Id == entryId);
        var theirs = await second.SystemOfRecordEntries.SingleAsync(e => e.Id == entryId);

        mine.Edit(program, Draft("time", ownerId, "PPM"), [mine], Now);
        await first.SaveChangesAsync();
        theirs.Edit(program, Draft("time", ownerId, "HCM"), [theirs], Now);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = db.CreateContext();
        var stored = await check.SystemOfRecordEntries.SingleAsync(e => e.Id == entryId);
        Assert.Equal(("PPM", SystemOfRecordStatus.Proposed), (stored.AuthoritativeSystem, stored.Status));
    }

    private static SystemOfRecordDraft Draft(string domain, string ownerId, string system = "ERP") => new(domain, system, ownerId, Escalation, "");

    private static async Task<int> SaveAgreedEntryAsync(TestDatabase db, int programId, string ownerId, string domain)
    {
        await using var context = db.CreateContext();
        var program = await context.Programs.AsNoTracking().Include(p => p.Members).SingleAsync(p => p.Id == programId);
        var entry = SystemOfRecordEntry.Propose(program, Draft(domain, ownerId), [], Now).Value;
        Assert.True(entry.Sign(new Signer(ownerId, "Mara Lindqvist", [nameof(ProgramRole.ProcessOwner)]), SignOffMeaning.Approved, "Agreed",
            entry.ContentHash(), Now).Succeeded);
        context.SystemOfRecordEntries.Add(entry);
        await context.SaveChangesAsync();
        return entry.Id;
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
