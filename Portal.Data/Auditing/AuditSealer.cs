using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;

namespace Portal.Data.Auditing;

/// <summary>
/// Seals new audit entries in the same transaction as the change they describe, so a change is never
/// saved without its audit row and the chain never forks: SQLite transactions from Microsoft.Data.Sqlite
/// begin IMMEDIATE (one writer at a time), PostgreSQL takes a transaction-scoped advisory lock, and the
/// sequence is the primary key as a last line of defence.
/// </summary>
internal static class AuditSealer
{
    private const long PostgresChainLockKey = 0x5057_4155_4449_54; // "PWAUDIT"

    public static async Task<int> SaveWithSealedAuditAsync(PortalDbContext db, Func<Task<int>> save, CancellationToken ct)
    {
        var pending = db.ChangeTracker.Entries<AuditEntry>()
            .Where(e => e.State == EntityState.Added && !e.Entity.IsSealed)
            .Select(e => e.Entity)
            .OrderByDescending(e => e.Sequence) // temporary keys -1, -2, ... in the order they were queued
            .ToList();
        if (pending.Count == 0)
            return await save();

        if (db.Database.CurrentTransaction is not null)
        {
            await SealAsync(db, pending, ct);
            return await save();
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await SealAsync(db, pending, ct);
            var written = await save();
            await tx.CommitAsync(ct);
            return written;
        });
    }

    private static async Task SealAsync(PortalDbContext db, List<AuditEntry> pending, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PostgresChainLockKey})", ct);

        var last = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash })
            .FirstOrDefaultAsync(ct);
        var sequence = last?.Sequence ?? 0;
        var hash = last?.Hash ?? AuditEntry.GenesisHash;
        foreach (var entry in pending)
        {
            entry.Seal(sequence, hash);
            sequence = entry.Sequence;
            hash = entry.Hash;
        }
    }
}
