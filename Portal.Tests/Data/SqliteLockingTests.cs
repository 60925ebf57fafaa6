using Microsoft.EntityFrameworkCore;
using Portal.Core.Operations;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data;

/// <summary>
/// Jobs and requests write to the one SQLite file at the same time; a writer must wait for the lock, not fail with
/// "database is locked" (seen when a job's run record was saved while a request held the write lock).
/// </summary>
public sealed class SqliteLockingTests
{
    private static readonly DateTimeOffset Started = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Every_connection_waits_for_a_busy_database_in_sqlite_itself()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var context = db.CreateContext();
        await context.Database.OpenConnectionAsync();

        var timeout = await context.Database.SqlQueryRaw<long>("SELECT timeout AS \"Value\" FROM pragma_busy_timeout").SingleAsync();

        Assert.Equal(30_000, timeout);
    }

    [Fact]
    public async Task A_write_while_another_connection_holds_the_write_lock_waits_and_succeeds()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var holder = db.CreateContext();
        await using var tx = await holder.Database.BeginTransactionAsync(); // BEGIN IMMEDIATE: holds the write lock
        holder.JobRuns.Add(new JobRun("Portal", "holder", "fire-holder", "node-a", Started));
        await holder.SaveChangesAsync();

        var waiting = Task.Run(async () =>
        {
            await using var writer = db.CreateContext();
            writer.JobRuns.Add(new JobRun("Portal", "writer", "fire-writer", "node-a", Started));
            await writer.SaveChangesAsync();
        });
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted); // blocked behind the holder, not failed
        await tx.CommitAsync();
        await waiting;

        await using var read = db.CreateContext();
        Assert.Equal(2, await read.JobRuns.CountAsync());
    }
}
