using Portal.Core.Auditing;
using Portal.Data;
using Portal.Data.Auditing;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data.Auditing;

/// <summary>Several writers (contexts, as on several Blazor circuits or nodes) append at once; the chain must not fork.</summary>
public sealed class ConcurrentAuditTests
{
    private const int Writers = 10;
    private const int EntriesPerWriter = 5;

    [Theory, SqliteData, PostgresData]
    public async Task Parallel_writers_one_entry_per_save_give_a_gap_free_intact_chain(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        await RunWritersAsync(db, entriesPerSave: 1);

        await AssertCompleteChainAsync(db);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Parallel_writers_saving_batches_give_a_gap_free_intact_chain(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        await RunWritersAsync(db, entriesPerSave: EntriesPerWriter);

        var entries = await AssertCompleteChainAsync(db);
        // A batch is sealed under one lock, so each writer's entries sit next to each other.
        foreach (var writer in entries.Chunk(EntriesPerWriter))
            Assert.Single(writer.Select(e => e.EntityType).Distinct());
    }

    private static async Task RunWritersAsync(TestDatabase db, int entriesPerSave)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = Enumerable.Range(1, Writers).Select(w => Task.Run(async () =>
        {
            await start.Task;
            await using var context = db.CreateContext();
            for (var i = 1; i <= EntriesPerWriter; i++)
            {
                context.Audit(new AuditEntryBuilder().On($"writer-{w}", $"{w}-{i}").BuildEvent(), AuditEntryBuilder.DefaultOccurredUtc.AddSeconds(i));
                if (i % entriesPerSave == 0)
                    await context.SaveChangesAsync();
            }
        })).ToList();

        start.SetResult();
        await Task.WhenAll(writers);
    }

    private static async Task<List<AuditEntry>> AssertCompleteChainAsync(TestDatabase db)
    {
        var entries = await AuditTrail.ReadAsync(db);
        Assert.Equal(Enumerable.Range(1, Writers * EntriesPerWriter).Select(i => (long)i), entries.Select(e => e.Sequence));
        var expectedIds = from w in Enumerable.Range(1, Writers) from i in Enumerable.Range(1, EntriesPerWriter) select $"{w}-{i}";
        Assert.Equal(expectedIds.Order(), entries.Select(e => e.EntityId).Order());
        Assert.Equal(entries.Count, entries.Select(e => e.Hash).Distinct().Count());
        var report = AuditChainVerifier.Verify(entries);
        Assert.True(report.IsIntact, report.Problem);
        return entries;
    }
}
