using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Data.Auditing;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data.Auditing;

/// <summary>Reads the trail back from the database as a reviewer would, and appends through the product's own path.</summary>
internal static class AuditTrail
{
    public static async Task<List<AuditEntry>> ReadAsync(TestDatabase db)
    {
        await using var context = db.CreateContext();
        return await context.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).ToListAsync();
    }

    public static async Task<AuditChainReport> VerifyAsync(TestDatabase db) => AuditChainVerifier.Verify(await ReadAsync(db));

    /// <summary>Appends <paramref name="count"/> entries through one context, one SaveChangesAsync each, tagged so a test can find them.</summary>
    public static async Task AppendAsync(TestDatabase db, string tag, int count = 1)
    {
        await using var context = db.CreateContext();
        for (var i = 1; i <= count; i++)
        {
            context.Audit(Event(tag, i), AuditEntryBuilder.DefaultOccurredUtc.AddSeconds(i));
            await context.SaveChangesAsync();
        }
    }

    /// <summary>Queues <paramref name="count"/> entries and saves them with one SaveChangesAsync.</summary>
    public static async Task AppendInOneSaveAsync(TestDatabase db, string tag, int count)
    {
        await using var context = db.CreateContext();
        for (var i = 1; i <= count; i++)
            context.Audit(Event(tag, i), AuditEntryBuilder.DefaultOccurredUtc.AddSeconds(i));
        await context.SaveChangesAsync();
    }

    private static AuditEvent Event(string tag, int i) =>
        new AuditEntryBuilder().On("Program", $"{tag}-{i}").Values(null, $$"""{"Tag":"{{tag}}"}""").BuildEvent();
}
