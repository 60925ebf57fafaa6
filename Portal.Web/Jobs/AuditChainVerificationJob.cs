using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Data;
using Quartz;

namespace Portal.Web.Jobs;

/// <summary>
/// Nightly proof that nobody edited or deleted audit rows behind the product's back (for example with SQL):
/// walks the whole chain in batches and fails loudly, naming the first broken entry.
/// </summary>
[DisallowConcurrentExecution]
public sealed class AuditChainVerificationJob(IDbContextFactory<PortalDbContext> dbFactory, ILogger<AuditChainVerificationJob> logger) : IJob
{
    public static readonly JobKey Key = new("audit-chain-verification", "governance");
    private const int BatchSize = 2000;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var report = await VerifyAsync(dbFactory, cancellationToken);
        if (!report.IsIntact)
        {
            logger.LogError("Audit chain broken at entry {Sequence}: {Problem}", report.FirstBrokenSequence, report.Problem);
            throw new JobExecutionException($"Audit chain broken at entry {report.FirstBrokenSequence}: {report.Problem}");
        }
        context.Result = $"{report.EntriesChecked} audit {(report.EntriesChecked == 1 ? "entry" : "entries")} verified; chain intact.";
        logger.LogInformation("Audit chain intact ({Count} entries)", report.EntriesChecked);
    }

    public static async Task<AuditChainReport> VerifyAsync(IDbContextFactory<PortalDbContext> dbFactory, CancellationToken ct)
    {
        var verifier = new AuditChainVerifier();
        long after = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var batch = await db.AuditEntries.AsNoTracking().Where(a => a.Sequence > after)
                .OrderBy(a => a.Sequence).Take(BatchSize).ToListAsync(ct);
            foreach (var entry in batch)
                verifier.Check(entry);
            if (batch.Count < BatchSize)
                return verifier.Report();
            after = batch[^1].Sequence;
        }
    }
}
