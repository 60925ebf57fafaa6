using Microsoft.EntityFrameworkCore;
using Portal.Core.Integration;
using Portal.Core.Programs;
using Portal.Data;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data;

/// <summary>Connections, runs, exceptions and ingestion keys round-trip; the database holds run-id uniqueness and the key scope.</summary>
public sealed class IntegrationPersistenceTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static async Task<Connection> SaveConnectionAsync(TestDatabase db, string key = "erp-ppm-actuals")
    {
        var owner = new UserBuilder().Named("Tomasz Nowak").Build();
        await using var context = db.CreateContext();
        context.Users.Add(owner);
        await context.SaveChangesAsync();
        var program = new ProgramBuilder().WithMember(owner.Id, ProgramRole.IntegrationOwner).Build();
        context.Programs.Add(program);
        await context.SaveChangesAsync();
        var connection = Connection.Register(program, new ConnectionDraft(key, "ERP actuals into PPM", "ERP", "PPM", "Actuals",
            IntegrationPattern.Batch, 15, 30, 2.5m, 3, owner.Id), false, Now).Value;
        context.Connections.Add(connection);
        await context.SaveChangesAsync();
        return connection;
    }

    private static SyncRun Run(int connectionId, string runId, string finishedAt = "2027-03-01T08:05:00.1234567+01:00") =>
        SyncRun.Record(new SyncRunReport(runId, "erp-ppm-actuals", "2027-03-01T07:00:00Z", finishedAt, "partial", 10, 8, 2, 1, 2,
            "ERP-409", "Two purchase orders locked", null), connectionId, Now).Value;

    [Theory, SqliteData, PostgresData]
    public async Task A_connection_its_runs_exceptions_and_keys_round_trip(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var connection = await SaveConnectionAsync(db);
        var run = Run(connection.Id, "run-1");
        var exception = ReconciliationException.Record(new ReconciliationExceptionReport("x-1", connection.Key, "2027-03-01T08:30:00Z",
            "Purchase order", "PO-4711", "12,500.00", "12,000.00", -500.1234m, "EUR"), connection.Id, Now).Value;
        var issued = IngestionKey.Create(connection, wholeSourceSystem: true, "ERP middleware", "u-it", Now).Value;
        await using (var context = db.CreateContext())
        {
            context.SyncRuns.Add(run);
            context.ReconciliationExceptions.Add(exception);
            context.IngestionKeys.Add(issued.Key);
            await context.SaveChangesAsync();
        }

        await using var read = db.CreateContext();
        var loaded = await read.Connections.SingleAsync(c => c.Key == "erp-ppm-actuals");
        Assert.Equal((IntegrationPattern.Batch, 15, 2.5m, connection.OwnerUserId), (loaded.Pattern, loaded.ExpectedIntervalMinutes, loaded.ErrorRateSlaPercent, loaded.OwnerUserId));
        var storedRun = await read.SyncRuns.SingleAsync(r => r.ConnectionId == connection.Id && r.RunId == "run-1");
        Assert.True(storedRun.SameContentAs(run)); // microseconds survive both providers
        Assert.Equal(1, await read.SyncRuns.CountAsync(r => r.FinishedUtc > Now.AddHours(-2) && r.Status != SyncRunStatus.Failed));
        var storedException = await read.ReconciliationExceptions.SingleAsync();
        Assert.True(storedException.SameContentAs(exception));
        var hash = IngestionKey.Hash(issued.Secret);
        var key = await read.IngestionKeys.SingleAsync(k => k.SecretHash == hash);
        Assert.Equal(("ERP", null as int?), (key.SourceSystem, key.ConnectionId));
        Assert.True(key.Covers(loaded));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_run_id_is_stored_once_per_connection(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var first = await SaveConnectionAsync(db, "erp-ppm-actuals");
        var second = await SaveConnectionAsync(db, "po-commitments");
        await using (var context = db.CreateContext())
        {
            context.SyncRuns.AddRange(Run(first.Id, "run-1"), Run(second.Id, "run-1"));
            await context.SaveChangesAsync();
        }

        await using var again = db.CreateContext();
        again.SyncRuns.Add(Run(first.Id, "run-1", "2027-03-01T08:06:00Z"));
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveChangesAsync());
        Assert.True(refused.IsUniqueKeyViolation());
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_key_covers_a_connection_or_a_source_system_never_neither(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var connection = await SaveConnectionAsync(db);
        await using var context = db.CreateContext();
        context.IngestionKeys.Add(IngestionKey.Create(connection, false, null, "u-it", Now).Value.Key);
        await context.SaveChangesAsync();

        var neither = await Assert.ThrowsAnyAsync<Exception>(() => context.IngestionKeys.ExecuteUpdateAsync(u => u.SetProperty(k => k.ConnectionId, (int?)null)));
        Assert.Contains("CK_IngestionKeys_OneScope", neither.Message);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_bulk_insert_writes_what_ef_reads_back_and_refuses_a_stored_run_id(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var connection = await SaveConnectionAsync(db);
        var runs = Enumerable.Range(0, 300).Select(i => Run(connection.Id, $"bulk-{i}")).ToList();
        await using (var context = db.CreateContext())
            await SyncRunBulkInsert.InsertAsync(context, runs, CancellationToken.None);

        await using var read = db.CreateContext();
        var stored = await read.SyncRuns.Where(r => r.RunId.StartsWith("bulk-")).ToListAsync();
        Assert.Equal(300, stored.Count);
        Assert.All(stored, s => Assert.True(s.SameContentAs(runs.Single(r => r.RunId == s.RunId))));
        Assert.Equal(300, await read.SyncRuns.CountAsync(r => r.FinishedUtc > Now.AddHours(-2) && r.Status == SyncRunStatus.Partial));

        var again = new List<SyncRun> { Run(connection.Id, "bulk-new"), Run(connection.Id, "bulk-7") };
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => SyncRunBulkInsert.InsertAsync(read, again, CancellationToken.None));
        Assert.True(SyncRunBulkInsert.IsUniqueKeyViolation(refused));
        Assert.False(await read.SyncRuns.AnyAsync(r => r.RunId == "bulk-new")); // the whole batch rolled back
    }
}
