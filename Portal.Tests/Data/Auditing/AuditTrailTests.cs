using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Data;
using Portal.Data.Auditing;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data.Auditing;

/// <summary>db.Audit(...) + SaveChangesAsync seals entries into one gap-free chain, in the same transaction as the change.</summary>
public sealed class AuditTrailTests
{
    [Theory, SqliteData, PostgresData]
    public async Task Entries_from_several_saves_and_contexts_form_one_intact_chain(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        await AuditTrail.AppendAsync(db, "first", count: 1);
        await AuditTrail.AppendAsync(db, "second", count: 3);
        await AuditTrail.AppendAsync(db, "third", count: 2);

        var entries = await AuditTrail.ReadAsync(db);
        Assert.Equal(Enumerable.Range(1, 6).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(AuditEntry.GenesisHash, entries[0].PreviousHash);
        Assert.Equal(["first-1", "second-1", "second-2", "second-3", "third-1", "third-2"], entries.Select(e => e.EntityId));
        var report = AuditChainVerifier.Verify(entries);
        Assert.True(report.IsIntact, report.Problem);
        Assert.Equal(6, report.EntriesChecked);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Several_entries_queued_before_one_save_are_sealed_in_order(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        await AuditTrail.AppendAsync(db, "single", count: 1);
        await AuditTrail.AppendInOneSaveAsync(db, "batch", count: 4);
        await AuditTrail.AppendInOneSaveAsync(db, "pair", count: 2);

        var entries = await AuditTrail.ReadAsync(db);
        Assert.Equal(["single-1", "batch-1", "batch-2", "batch-3", "batch-4", "pair-1", "pair-2"], entries.Select(e => e.EntityId));
        Assert.Equal(Enumerable.Range(1, 7).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.True(AuditChainVerifier.Verify(entries).IsIntact);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Every_field_reads_back_exactly_as_it_was_hashed(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var builder = new AuditEntryBuilder().By(null, "System job").On("Milestone", "m-7").Action("Completed").InProgram(null)
            .Values("""{"Status":"Open"}""", """{"Status":"Done","Note":"naïve ✓ <ok> & 'quoted'"}""").Because(null)
            .At(new DateTimeOffset(2026, 6, 30, 23, 59, 59, TimeSpan.FromHours(-7)));
        await using (var context = db.CreateContext())
        {
            context.Audit(builder.BuildEvent(), builder.OccurredUtc);
            await context.SaveChangesAsync();
        }

        var stored = Assert.Single(await AuditTrail.ReadAsync(db));

        var expected = builder.Build();
        Assert.Equal(expected.OccurredUtc, stored.OccurredUtc);
        Assert.Equal(TimeSpan.Zero, stored.OccurredUtc.Offset);
        Assert.Equal((null, "System job", (int?)null, null), (stored.ActorUserId, stored.ActorName, stored.ProgramId, stored.Reason));
        Assert.Equal(("Milestone", "m-7", "Completed"), (stored.EntityType, stored.EntityId, stored.Action));
        Assert.Equal((expected.OldValues, expected.NewValues), (stored.OldValues, stored.NewValues));
        Assert.Equal(stored.Hash, stored.ComputeHash());
    }

    [Theory, SqliteData]
    [PostgresData]
    public async Task An_entry_timed_to_any_tick_still_verifies_after_reading_back(DatabaseProvider provider)
    {
        // TimeProvider.GetUtcNow() has 100 ns resolution; the app passes such times straight to db.Audit.
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var context = db.CreateContext())
        {
            context.Audit(new AuditEntryBuilder().BuildEvent(), AuditEntryBuilder.DefaultOccurredUtc.AddTicks(1_234_567));
            await context.SaveChangesAsync();
        }

        var report = await AuditTrail.VerifyAsync(db);

        Assert.True(report.IsIntact, report.Problem);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_change_that_fails_to_save_leaves_no_audit_entry_behind(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var context = db.CreateContext())
        {
            context.Programs.Add(new ProgramBuilder().Named("Taken").Build());
            await context.SaveChangesAsync();
        }
        await AuditTrail.AppendAsync(db, "before");

        await using (var context = db.CreateContext())
        {
            context.Programs.Add(new ProgramBuilder().Named("Taken").Build());
            context.Audit(new AuditEntryBuilder().Action("Created").BuildEvent(), AuditEntryBuilder.DefaultOccurredUtc);
            await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        }
        await AuditTrail.AppendAsync(db, "after");

        var entries = await AuditTrail.ReadAsync(db);
        Assert.Equal(["before-1", "after-1"], entries.Select(e => e.EntityId));
        Assert.True(AuditChainVerifier.Verify(entries).IsIntact);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Entries_saved_inside_a_caller_transaction_are_sealed_and_roll_back_with_it(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var context = db.CreateContext())
        {
            await using var tx = await context.Database.BeginTransactionAsync();
            context.Audit(new AuditEntryBuilder().On("Program", "rolled-back").BuildEvent(), AuditEntryBuilder.DefaultOccurredUtc);
            await context.SaveChangesAsync();
            await tx.RollbackAsync();
        }
        await using (var context = db.CreateContext())
        {
            await using var tx = await context.Database.BeginTransactionAsync();
            context.Audit(new AuditEntryBuilder().On("Program", "committed").BuildEvent(), AuditEntryBuilder.DefaultOccurredUtc);
            await context.SaveChangesAsync();
            await tx.CommitAsync();
        }

        var entry = Assert.Single(await AuditTrail.ReadAsync(db));
        Assert.Equal(("committed", 1L), (entry.EntityId, entry.Sequence));
        Assert.True((await AuditTrail.VerifyAsync(db)).IsIntact);
    }
}
