using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Core.Common;
using Portal.Core.Integration;
using Portal.Core.Programs;
using Portal.Data;
using Portal.Data.Auditing;
using Portal.Web.Features.Account;

namespace Portal.Web.Features.Integration;

/// <summary>
/// The reconciliation exception queue across the user's programs (ADR-023). Members read; integration owners, PMO leads and
/// administrators assign, comment, resolve and reopen, each change audited in the same save as the change.
/// </summary>
public sealed class ExceptionQueueService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public const string EntityType = "ReconciliationException";
    public const string NotFound = "Exception not found, or you are not a member of its program.";

    public async Task<ExceptionQueuePage> QueueAsync(CurrentUser user, ExceptionFilter filter, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var programs = await db.Programs.AsNoTracking()
            .Where(p => user.IsAdministrator || p.Members.Any(m => m.UserId == user.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var programIds = programs.Select(p => p.Id).ToList();
        var connections = await db.Connections.AsNoTracking().Where(c => programIds.Contains(c.ProgramId))
            .Select(c => new { c.Id, c.Key, c.Name, c.ProgramId }).ToListAsync(ct);
        var now = clock.GetUtcNow();

        var inScope = connections.Where(c => (filter.ProgramId is null || c.ProgramId == filter.ProgramId)
            && (string.IsNullOrEmpty(filter.ConnectionKey) || c.Key == filter.ConnectionKey)).Select(c => c.Id).ToList();
        var query = db.ReconciliationExceptions.AsNoTracking().Where(e => inScope.Contains(e.ConnectionId) && e.State == filter.State);
        if (!string.IsNullOrEmpty(filter.ObjectType))
            query = query.Where(e => e.ObjectType == filter.ObjectType);
        if (filter.AssignedToMe)
            query = query.Where(e => e.AssignedUserId == user.Id);
        if (filter.MinAgeDays is > 0)
        {
            var before = now.AddDays(-filter.MinAgeDays.Value);
            query = query.Where(e => e.DetectedUtc <= before);
        }
        var total = await query.CountAsync(ct);
        var page = await query.OrderBy(e => e.DetectedUtc).ThenBy(e => e.Id).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 100)).ToListAsync(ct);
        var names = await NamesAsync(db, page.Select(e => e.AssignedUserId).OfType<string>(), ct);
        var objectTypes = await db.ReconciliationExceptions.AsNoTracking().Where(e => inScope.Contains(e.ConnectionId) && e.State == filter.State)
            .Select(e => e.ObjectType).Distinct().OrderBy(t => t).Take(50).ToListAsync(ct);

        var byConnection = connections.ToDictionary(c => c.Id);
        var programNames = programs.ToDictionary(p => p.Id, p => p.Name);
        var rows = page.Select(e =>
        {
            var c = byConnection[e.ConnectionId];
            return Row(e, c.Key, c.Name, c.ProgramId, programNames[c.ProgramId], names, now);
        }).ToList();
        return new ExceptionQueuePage(rows, total,
            programs.OrderBy(p => p.Name).Select(p => new FilterOption(p.Id.ToString(), p.Name)).ToList(),
            connections.Where(c => filter.ProgramId is null || c.ProgramId == filter.ProgramId).OrderBy(c => c.Name)
                .Select(c => new FilterOption(c.Key, c.Name)).ToList(),
            objectTypes);
    }

    public async Task<ExceptionDetail?> DetailAsync(long id, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await LoadAsync(db, id, user, tracked: false, ct) is not ({ } exception, { } connection, { } program))
            return null;
        var comments = await db.ReconciliationComments.AsNoTracking().Where(c => c.ExceptionId == id).OrderBy(c => c.CreatedUtc).ThenBy(c => c.Id)
            .ToListAsync(ct);
        var names = await NamesAsync(db, program.Members.Select(m => m.UserId).Concat(comments.Select(c => c.AuthorUserId))
            .Append(exception.ResolvedByUserId ?? "").Append(exception.AssignedUserId ?? ""), ct);
        return new ExceptionDetail(Row(exception, connection.Key, connection.Name, program.Id, program.Name, names, clock.GetUtcNow()),
            exception.AssignedUserId, exception.ResolvedUtc, exception.ResolvedByUserId is { } by ? names.GetValueOrDefault(by, "Former member") : null,
            comments.Select(c => new ExceptionThreadEntry(names.GetValueOrDefault(c.AuthorUserId, "Former member"), c.Kind, c.Text, c.CreatedUtc)).ToList(),
            program.Members.Select(m => new OwnerOption(m.UserId, $"{names.GetValueOrDefault(m.UserId, m.UserId)} ({m.Role.DisplayName()})"))
                .OrderBy(o => o.Name).ToList(),
            ReconciliationException.CanWork(program, user.Id, user.IsAdministrator));
    }

    public Task<IntegrationOutcome<bool>> AssignAsync(long id, string? assigneeUserId, CurrentUser user, CancellationToken ct = default) =>
        ChangeAsync(id, user, "Assigned", ct, (e, p, now) =>
        {
            var before = e.AssignedUserId;
            var result = e.Assign(p, user.Id, user.IsAdministrator, assigneeUserId);
            return (result, null, $"assigned: {before ?? "nobody"}", $"assigned: {e.AssignedUserId ?? "nobody"}");
        });

    public Task<IntegrationOutcome<bool>> CommentAsync(long id, string? text, CurrentUser user, CancellationToken ct = default) =>
        ChangeAsync(id, user, "Commented", ct, (e, p, now) =>
        {
            var result = e.Comment(p, user.Id, user.IsAdministrator, text, now);
            return (result, result.Succeeded ? result.Value : null, null, result.Succeeded ? result.Value.Text : null);
        });

    public Task<IntegrationOutcome<bool>> ResolveAsync(long id, string? note, CurrentUser user, CancellationToken ct = default) =>
        ChangeAsync(id, user, "Resolved", ct, (e, p, now) =>
        {
            var result = e.Resolve(p, user.Id, user.IsAdministrator, note, now);
            return (result, result.Succeeded ? result.Value : null, "state: open", result.Succeeded ? $"state: resolved; note: {result.Value.Text}" : null);
        });

    public Task<IntegrationOutcome<bool>> ReopenAsync(long id, string? reason, CurrentUser user, CancellationToken ct = default) =>
        ChangeAsync(id, user, "Reopened", ct, (e, p, now) =>
        {
            var result = e.Reopen(p, user.Id, user.IsAdministrator, reason, now);
            return (result, result.Succeeded ? result.Value : null, "state: resolved", result.Succeeded ? $"state: open; reason: {result.Value.Text}" : null);
        });

    private async Task<IntegrationOutcome<bool>> ChangeAsync(long id, CurrentUser user, string action, CancellationToken ct,
        Func<ReconciliationException, PortalProgram, DateTimeOffset, (Result Result, ReconciliationComment? Comment, string? Old, string? New)> change)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await LoadAsync(db, id, user, tracked: true, ct) is not ({ } exception, { } connection, { } program))
            return IntegrationOutcome<bool>.NotFound(NotFound);
        if (!ReconciliationException.CanWork(program, user.Id, user.IsAdministrator))
            return IntegrationOutcome<bool>.Forbidden(ReconciliationException.NotAllowed);
        var now = clock.GetUtcNow();
        var (result, comment, oldValues, newValues) = change(exception, program, now);
        if (!result.Succeeded)
            return IntegrationOutcome<bool>.Invalid(result.Errors);
        if (comment is not null)
            db.ReconciliationComments.Add(comment);
        db.Audit(new AuditEvent(user.Id, user.DisplayName, EntityType, exception.Id.ToString(), action, program.Id,
            OldValues: oldValues is null ? null : $"{connection.Key}/{exception.ExceptionId} | {oldValues}",
            NewValues: newValues is null ? null : $"{connection.Key}/{exception.ExceptionId} | {newValues}"), now);
        await db.SaveChangesAsync(ct);
        return IntegrationOutcome<bool>.Done(true);
    }

    private static async Task<(ReconciliationException, Connection, PortalProgram)?> LoadAsync(PortalDbContext db, long id, CurrentUser user,
        bool tracked, CancellationToken ct)
    {
        var set = tracked ? db.ReconciliationExceptions : db.ReconciliationExceptions.AsNoTracking();
        var exception = await set.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (exception is null)
            return null;
        var connection = await db.Connections.AsNoTracking().FirstAsync(c => c.Id == exception.ConnectionId, ct);
        var program = await db.Programs.AsNoTracking().Include(p => p.Members).FirstOrDefaultAsync(p => p.Id == connection.ProgramId, ct);
        if (program is null || !ProgramAccess.CanView(program, user.Id, user.IsAdministrator))
            return null;
        return (exception, connection, program);
    }

    private static ExceptionRow Row(ReconciliationException e, string key, string name, int programId, string programName,
        IReadOnlyDictionary<string, string> names, DateTimeOffset now) =>
        new(e.Id, e.ExceptionId, key, name, programId, programName, e.ObjectType, e.ObjectKey, e.SourceValue, e.TargetValue, e.AmountDelta, e.Currency,
            e.DetectedUtc, ReconciliationException.DescribeAge(e.Age(now)), e.State,
            e.AssignedUserId is { } a ? names.GetValueOrDefault(a, "Former member") : null);

    private static async Task<Dictionary<string, string>> NamesAsync(PortalDbContext db, IEnumerable<string> userIds, CancellationToken ct)
    {
        var ids = userIds.Where(i => i.Length > 0).Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }
}
