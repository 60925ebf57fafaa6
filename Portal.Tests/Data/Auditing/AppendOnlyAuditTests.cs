using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data.Auditing;

/// <summary>
/// The database itself refuses to change or remove audit rows (PRODUCT.md rule 5); and if someone with DDL
/// rights gets around that, reading the trail back shows where it was changed.
/// </summary>
public sealed class AppendOnlyAuditTests
{
    [Theory, SqliteData, PostgresData]
    public async Task Raw_SQL_UPDATE_of_an_audit_entry_is_refused(DatabaseProvider provider)
    {
        await using var db = await SeededAsync(provider);
        await using var context = db.CreateContext();

        var error = await Assert.ThrowsAnyAsync<DbException>(() =>
            context.Database.ExecuteSqlRawAsync("""UPDATE "AuditEntries" SET "NewValues" = 'forged' WHERE "Sequence" = 2"""));

        Assert.Contains("append-only", error.Message);
        Assert.True((await AuditTrail.VerifyAsync(db)).IsIntact);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Raw_SQL_DELETE_of_audit_entries_is_refused(DatabaseProvider provider)
    {
        await using var db = await SeededAsync(provider);
        await using var context = db.CreateContext();

        var error = await Assert.ThrowsAnyAsync<DbException>(() => context.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditEntries" """));

        Assert.Contains("append-only", error.Message);
        Assert.Equal(3, (await AuditTrail.ReadAsync(db)).Count);
    }

    [Theory, SqliteData, PostgresData]
    public async Task EF_removal_and_bulk_update_or_delete_are_refused_too(DatabaseProvider provider)
    {
        await using var db = await SeededAsync(provider);
        await using var context = db.CreateContext();

        await Assert.ThrowsAnyAsync<DbException>(() => context.AuditEntries.Where(a => a.Sequence == 1).ExecuteDeleteAsync());
        await Assert.ThrowsAnyAsync<DbException>(() =>
            context.AuditEntries.Where(a => a.Sequence == 1).ExecuteUpdateAsync(s => s.SetProperty(a => a.Reason, "forged")));
        context.AuditEntries.Remove(await context.AuditEntries.SingleAsync(a => a.Sequence == 3));
        await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());

        Assert.True((await AuditTrail.VerifyAsync(db)) is { IsIntact: true, EntriesChecked: 3 });
    }

    [PostgresFact]
    public async Task On_PostgreSQL_TRUNCATE_of_the_audit_table_is_refused()
    {
        await using var db = await SeededAsync(DatabaseProvider.Postgres);
        await using var context = db.CreateContext();

        var error = await Assert.ThrowsAnyAsync<DbException>(() => context.Database.ExecuteSqlRawAsync("""TRUNCATE "AuditEntries" """));

        Assert.Contains("append-only", error.Message);
        Assert.Equal(3, (await AuditTrail.ReadAsync(db)).Count);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_row_edited_behind_the_triggers_back_is_reported_as_changed(DatabaseProvider provider)
    {
        await using var db = await SeededAsync(provider);
        await using (var context = db.CreateContext())
        {
            await context.Database.ExecuteSqlRawAsync(DropUpdateTriggerSql(provider));
            await context.Database.ExecuteSqlRawAsync("""UPDATE "AuditEntries" SET "NewValues" = 'forged' WHERE "Sequence" = 2""");
        }

        var report = await AuditTrail.VerifyAsync(db);

        Assert.Equal(2, report.FirstBrokenSequence);
        Assert.Equal("Entry 2 was changed after it was written.", report.Problem);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_row_deleted_behind_the_triggers_back_is_reported_as_missing(DatabaseProvider provider)
    {
        await using var db = await SeededAsync(provider);
        await using (var context = db.CreateContext())
        {
            await context.Database.ExecuteSqlRawAsync(DropDeleteTriggerSql(provider));
            await context.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditEntries" WHERE "Sequence" = 2""");
        }

        var report = await AuditTrail.VerifyAsync(db);

        Assert.Equal(2, report.FirstBrokenSequence);
        Assert.Equal("Entry 2 is missing (found 3 next).", report.Problem);
    }

    private static async Task<TestDatabase> SeededAsync(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        try
        {
            await AuditTrail.AppendAsync(db, "seed", count: 3);
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    private static string DropUpdateTriggerSql(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite
        ? """DROP TRIGGER "TR_AuditEntries_NoUpdate" """
        : """DROP TRIGGER "TR_AuditEntries_AppendOnly" ON "AuditEntries" """;

    private static string DropDeleteTriggerSql(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite
        ? """DROP TRIGGER "TR_AuditEntries_NoDelete" """
        : """DROP TRIGGER "TR_AuditEntries_AppendOnly" ON "AuditEntries" """;
}
