using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Data;
using Portal.Web.Features.Account;
using Portal.Web.Jobs;

namespace Portal.Web.Features.Admin.Audit;

public sealed record AuditRow(long Sequence, DateTimeOffset OccurredUtc, string ActorName, int? ProgramId, string EntityType, string EntityId,
    string Action, string? OldValues, string? NewValues, string? Reason);

public sealed record AuditPageResult(IReadOnlyList<AuditRow> Rows, int Total);

/// <summary>Read-only access to the audit trail. Nothing in the product can edit or delete it.</summary>
public sealed class AuditTrailService(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<AuditPageResult> PageAsync(CurrentUser admin, int skip, int take, string? search, CancellationToken ct = default)
    {
        RequireAdmin(admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            query = query.Where(a => a.Action.Contains(s) || a.ActorName.Contains(s) || a.EntityType.Contains(s) || a.EntityId.Contains(s));
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.Sequence).Skip(skip).Take(Math.Clamp(take, 1, 200))
            .Select(a => new AuditRow(a.Sequence, a.OccurredUtc, a.ActorName, a.ProgramId, a.EntityType, a.EntityId, a.Action, a.OldValues, a.NewValues, a.Reason))
            .ToListAsync(ct);
        return new AuditPageResult(rows, total);
    }

    public Task<AuditChainReport> VerifyAsync(CurrentUser admin, CancellationToken ct = default)
    {
        RequireAdmin(admin);
        return AuditChainVerificationJob.VerifyAsync(dbFactory, ct);
    }

    private static void RequireAdmin(CurrentUser user)
    {
        if (!user.IsAdministrator)
            throw new UnauthorizedAccessException("The audit trail page needs the Administrator role.");
    }
}
