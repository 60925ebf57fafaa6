using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Core.Programs;
using Portal.Data;
using Portal.Web.Features.Account;
using Portal.Web.Jobs;

namespace Portal.Web.Features.Audit;

public sealed record AuditRow(long Sequence, DateTimeOffset OccurredUtc, string ActorName, int? ProgramId, string EntityType, string EntityId,
    string Action, string? OldValues, string? NewValues, string? Reason);

public sealed record AuditPageResult(IReadOnlyList<AuditRow> Rows, int Total);

/// <summary>What to narrow the trail to; every part is optional. Dates are whole UTC days, both ends included.</summary>
public sealed record AuditFilter(int? ProgramId = null, string? Actor = null, string? EntityType = null,
    DateOnly? FromUtc = null, DateOnly? ToUtc = null, string? Search = null);

public sealed record AuditProgramOption(int Id, string Name);

/// <summary>
/// Read-only access to the audit trail. Nothing in the product can edit or delete it. Administrators see every
/// entry; a program's PMO leads see that program's entries (not system-wide ones); everyone else is refused.
/// </summary>
public sealed class AuditTrailService(IDbContextFactory<PortalDbContext> dbFactory)
{
    private const int ExportBatchSize = 1000;

    /// <summary>The programs whose entries this user may read; <c>null</c> means all (administrators), empty means none.</summary>
    private async Task<IReadOnlyList<int>?> ScopeAsync(PortalDbContext db, CurrentUser user, CancellationToken ct) =>
        user.IsAdministrator ? null
            : await db.ProgramMembers.AsNoTracking().Where(m => m.UserId == user.Id && m.Role == ProgramRole.PmoLead)
                .Select(m => m.ProgramId).Distinct().ToListAsync(ct);

    public async Task<bool> CanAuditAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ScopeAsync(db, user, ct) is not { Count: 0 };
    }

    public async Task<IReadOnlyList<AuditProgramOption>> ProgramsAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await RequireScopeAsync(db, user, ct);
        return await db.Programs.AsNoTracking().Where(p => scope == null || scope.Contains(p.Id)).OrderBy(p => p.Name)
            .Select(p => new AuditProgramOption(p.Id, p.Name)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<string>> EntityTypesAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await RequireScopeAsync(db, user, ct);
        return await Scoped(db, scope).Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
    }

    public async Task<AuditPageResult> PageAsync(CurrentUser user, AuditFilter filter, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Filtered(Scoped(db, await RequireScopeAsync(db, user, ct)), filter);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.Sequence).Skip(Math.Max(skip, 0)).Take(Math.Clamp(take, 1, 200))
            .Select(a => new AuditRow(a.Sequence, a.OccurredUtc, a.ActorName, a.ProgramId, a.EntityType, a.EntityId, a.Action, a.OldValues, a.NewValues, a.Reason))
            .ToListAsync(ct);
        return new AuditPageResult(rows, total);
    }

    /// <summary>Every matching entry in ascending sequence order, read in batches so a long trail never sits in memory.</summary>
    public async IAsyncEnumerable<AuditEntry> StreamAsync(CurrentUser user, AuditFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        IReadOnlyList<int>? scope;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            scope = await RequireScopeAsync(db, user, ct);
        long after = 0;
        while (true)
        {
            List<AuditEntry> batch;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
                batch = await Filtered(Scoped(db, scope), filter).Where(a => a.Sequence > after)
                    .OrderBy(a => a.Sequence).Take(ExportBatchSize).ToListAsync(ct);
            foreach (var entry in batch)
                yield return entry;
            if (batch.Count < ExportBatchSize)
                yield break;
            after = batch[^1].Sequence;
        }
    }

    public Task<AuditChainReport> VerifyAsync(CurrentUser user, CancellationToken ct = default)
    {
        // The chain spans every program, so only someone who may read all of it may verify it.
        if (!user.IsAdministrator)
            throw new UnauthorizedAccessException("Verifying the audit chain needs the Administrator role.");
        return AuditChainVerificationJob.VerifyAsync(dbFactory, ct);
    }

    private async Task<IReadOnlyList<int>?> RequireScopeAsync(PortalDbContext db, CurrentUser user, CancellationToken ct)
    {
        var scope = await ScopeAsync(db, user, ct);
        if (scope is { Count: 0 })
            throw new UnauthorizedAccessException("The audit trail needs the Administrator role or the PMO lead role in a program.");
        return scope;
    }

    private static IQueryable<AuditEntry> Scoped(PortalDbContext db, IReadOnlyList<int>? scope)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (scope is null)
            return query;
        var ids = scope.ToList();
        return query.Where(a => a.ProgramId != null && ids.Contains(a.ProgramId.Value));
    }

    private static IQueryable<AuditEntry> Filtered(IQueryable<AuditEntry> query, AuditFilter f)
    {
        if (f.ProgramId is { } programId)
            query = query.Where(a => a.ProgramId == programId);
        if (!string.IsNullOrWhiteSpace(f.Actor))
        {
            var actor = f.Actor.Trim().ToLowerInvariant();
            query = query.Where(a => a.ActorName.ToLower().Contains(actor));
        }
        if (!string.IsNullOrWhiteSpace(f.EntityType))
            query = query.Where(a => a.EntityType == f.EntityType);
        if (f.FromUtc is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(a => a.OccurredUtc >= start);
        }
        if (f.ToUtc is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(a => a.OccurredUtc < end);
        }
        if (!string.IsNullOrWhiteSpace(f.Search))
        {
            var s = f.Search.Trim();
            query = query.Where(a => a.Action.Contains(s) || a.ActorName.Contains(s) || a.EntityType.Contains(s) || a.EntityId.Contains(s));
        }
        return query;
    }
}
