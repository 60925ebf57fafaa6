using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Core.Integration;
using Portal.Core.Programs;
using Portal.Data;
using Portal.Data.Auditing;
using Portal.Web.Features.Account;
using Portal.Web.Features.Milestones;

namespace Portal.Web.Features.Integration;

/// <summary>
/// Connections and their ingestion keys for people: members read (others are told "not found"), integration owners of the
/// program and administrators register connections and create or revoke keys. Every such change is audited in the same save.
/// </summary>
public sealed class IntegrationService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public const string EntityType = "IntegrationConnection";
    public const string KeyEntityType = "IngestionKey";
    public const string ConnectionNotFound = "Connection not found, or you are not a member of its program.";
    public const string NotIntegrationOwner = "Only integration owners of this program, or administrators, can register connections and manage their ingestion keys.";

    public async Task<IntegrationOverview> OverviewAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var programs = await db.Programs.AsNoTracking().Include(p => p.Members)
            .Where(p => user.IsAdministrator || p.Members.Any(m => m.UserId == user.Id)).ToListAsync(ct);
        var ids = programs.Select(p => p.Id).ToList();
        // One query for every tile: each connection with its run state (ADR-026), not a search of raw runs per connection.
        var connections = await (from c in db.Connections.AsNoTracking().Where(c => ids.Contains(c.ProgramId))
                                 join s in db.ConnectionRunStates.AsNoTracking() on c.Id equals s.ConnectionId into states
                                 from s in states.DefaultIfEmpty()
                                 select new { Connection = c, State = s }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var tiles = new List<ConnectionTile>();
        foreach (var (c, state) in connections.Select(x => (x.Connection, x.State)))
        {
            var health = ConnectionHealth.Evaluate(c, state?.History ?? RunHistory.None, now);
            var program = programs.First(p => p.Id == c.ProgramId);
            tiles.Add(new ConnectionTile(c.Key, c.Name, c.ProgramId, program.Name, c.SourceSystem, c.TargetSystem, c.DataDomain, c.Pattern,
                health.Status, health.Reason, health.LastSuccessUtc));
        }
        var names = await NamesAsync(db, programs.SelectMany(p => p.Members.Select(m => m.UserId)), ct);
        var targets = programs.Where(p => ProgramAccess.CanManageIntegration(p, user.Id, user.IsAdministrator)).OrderBy(p => p.Name)
            .Select(p => new RegistrationTarget(p.Id, p.Name, Owners(p, names))).ToList();
        return new IntegrationOverview(Worst(tiles), targets, programs.Count);
    }

    /// <summary>The program's connections with their status, or null for a program the user cannot see.</summary>
    public async Task<IReadOnlyList<ConnectionTile>?> ListAsync(int programId, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await MilestoneViews.VisibleProgramAsync(db, programId, user, ct) is not { } program)
            return null;
        var connections = await db.Connections.AsNoTracking().Where(c => c.ProgramId == programId).ToListAsync(ct);
        var ids = connections.Select(c => c.Id).ToList();
        var states = await db.ConnectionRunStates.AsNoTracking().Where(s => ids.Contains(s.ConnectionId)).ToDictionaryAsync(s => s.ConnectionId, ct);
        var now = clock.GetUtcNow();
        var tiles = new List<ConnectionTile>();
        foreach (var c in connections)
        {
            var health = ConnectionHealth.Evaluate(c, states.GetValueOrDefault(c.Id)?.History ?? RunHistory.None, now);
            tiles.Add(new ConnectionTile(c.Key, c.Name, program.Id, program.Name, c.SourceSystem, c.TargetSystem, c.DataDomain, c.Pattern,
                health.Status, health.Reason, health.LastSuccessUtc));
        }
        return Worst(tiles);
    }

    public async Task<ConnectionDetail?> GetAsync(string key, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await VisibleAsync(db, key, user, ct) is not ({ } connection, { } program))
            return null;
        var health = ConnectionHealth.Evaluate(connection, await HistoryAsync(db, connection.Id, ct), clock.GetUtcNow());
        var keys = await db.IngestionKeys.AsNoTracking()
            .Where(k => k.ProgramId == program.Id && (k.ConnectionId == connection.Id || k.SourceSystem != null)).ToListAsync(ct);
        var names = await NamesAsync(db, [connection.OwnerUserId], ct);
        return new ConnectionDetail(connection.Id, connection.Key, connection.Name, program.Id, program.Name, connection.SourceSystem,
            connection.TargetSystem, connection.DataDomain, connection.Pattern, connection.ExpectedIntervalMinutes, connection.FreshnessSlaMinutes,
            connection.ErrorRateSlaPercent, connection.ConsecutiveFailureThreshold, names.GetValueOrDefault(connection.OwnerUserId, "Former member"),
            health,
            keys.Where(k => k.ConnectionId == connection.Id || connection.HasSource(k.SourceSystem!))
                .OrderBy(k => k.IsRevoked).ThenByDescending(k => k.CreatedUtc)
                .Select(k => new IngestionKeyView(k.Id, k.Name, k.DisplayPrefix, k.ConnectionId is null ? $"All {k.SourceSystem} connections" : "This connection",
                    k.CreatedUtc, k.LastUsedUtc, k.RevokedUtc)).ToList(),
            ProgramAccess.CanManageIntegration(program, user.Id, user.IsAdministrator));
    }

    /// <summary>Status, reason, last success and the figures of each window (24 h, 7 d, 30 d).</summary>
    public async Task<(HealthReport Health, IReadOnlyList<HealthMetrics> Metrics)?> HealthAsync(string key, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await VisibleAsync(db, key, user, ct) is not ({ } connection, _))
            return null;
        var now = clock.GetUtcNow();
        var health = ConnectionHealth.Evaluate(connection, await HistoryAsync(db, connection.Id, ct), now);
        var metrics = new List<HealthMetrics>();
        foreach (var (window, _) in MetricWindows.All)
            metrics.Add(await MetricsAsync(db, connection.Id, window, now, ct));
        return (health, metrics);
    }

    /// <summary>
    /// The owner a provisioning script named, by email or user id; none means the caller. Unknown people resolve to the text
    /// given, which registration then refuses as "not an integration owner of this program".
    /// </summary>
    public async Task<string> OwnerIdAsync(string? owner, CurrentUser user, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(owner))
            return user.Id;
        if (!owner.Contains('@'))
            return owner.Trim();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var normalized = owner.Trim().ToUpperInvariant();
        return await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefaultAsync(ct) ?? owner.Trim();
    }

    public async Task<IntegrationOutcome<ConnectionTile>> RegisterAsync(int programId, ConnectionDraft draft, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await MilestoneViews.VisibleProgramAsync(db, programId, user, ct) is not { } program)
            return IntegrationOutcome<ConnectionTile>.NotFound(PortalApiMessages.ProgramNotFound(programId));
        if (!ProgramAccess.CanManageIntegration(program, user.Id, user.IsAdministrator))
            return IntegrationOutcome<ConnectionTile>.Forbidden(NotIntegrationOwner);
        var key = Connection.NormalizeKey(draft.Key);
        var taken = key.Length > 0 && await db.Connections.AnyAsync(c => c.Key == key, ct);
        var registered = Connection.Register(program, draft, taken, clock.GetUtcNow());
        if (!registered.Succeeded)
            return IntegrationOutcome<ConnectionTile>.Invalid(registered.Errors);
        var connection = registered.Value;
        db.Connections.Add(connection);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct); // the id the audit entry names
        }
        catch (DbUpdateException e) when (e.IsUniqueKeyViolation())
        {
            return IntegrationOutcome<ConnectionTile>.Invalid([new("Key", $"The key '{key}' was just taken by another connection; choose another.")]);
        }
        db.Audit(new AuditEvent(user.Id, user.DisplayName, EntityType, connection.Id.ToString(), "Registered", program.Id,
            NewValues: Describe(connection)), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var health = ConnectionHealth.Evaluate(connection, RunHistory.None, clock.GetUtcNow());
        return IntegrationOutcome<ConnectionTile>.Done(new ConnectionTile(connection.Key, connection.Name, program.Id, program.Name,
            connection.SourceSystem, connection.TargetSystem, connection.DataDomain, connection.Pattern, health.Status, health.Reason, null));
    }

    /// <summary>Creates a key for the connection, or for all the program's connections with its source system; the secret is returned once.</summary>
    public async Task<IntegrationOutcome<IssuedIngestionKey>> CreateKeyAsync(string connectionKey, bool wholeSourceSystem, string? name, CurrentUser user,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await VisibleAsync(db, connectionKey, user, ct) is not ({ } connection, { } program))
            return IntegrationOutcome<IssuedIngestionKey>.NotFound(ConnectionNotFound);
        if (!ProgramAccess.CanManageIntegration(program, user.Id, user.IsAdministrator))
            return IntegrationOutcome<IssuedIngestionKey>.Forbidden(NotIntegrationOwner);
        var now = clock.GetUtcNow();
        var created = IngestionKey.Create(connection, wholeSourceSystem, name, user.Id, now);
        if (!created.Succeeded)
            return IntegrationOutcome<IssuedIngestionKey>.Invalid(created.Errors);
        var key = created.Value.Key;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.IngestionKeys.Add(key);
        await db.SaveChangesAsync(ct);
        db.Audit(new AuditEvent(user.Id, user.DisplayName, KeyEntityType, key.Id.ToString(), "IngestionKeyCreated", program.Id,
            NewValues: $"{key.Name} | {key.DisplayPrefix}… | covers {key.ScopeDescription} ({connection.Key})"), now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return IntegrationOutcome<IssuedIngestionKey>.Done(created.Value);
    }

    public async Task<IntegrationOutcome<bool>> RevokeKeyAsync(string connectionKey, int keyId, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await VisibleAsync(db, connectionKey, user, ct) is not ({ } connection, { } program))
            return IntegrationOutcome<bool>.NotFound(ConnectionNotFound);
        if (!ProgramAccess.CanManageIntegration(program, user.Id, user.IsAdministrator))
            return IntegrationOutcome<bool>.Forbidden(NotIntegrationOwner);
        var key = await db.IngestionKeys.FirstOrDefaultAsync(k => k.Id == keyId && k.ProgramId == program.Id, ct);
        if (key is null || !(key.ConnectionId == connection.Id || key.ConnectionId is null && connection.HasSource(key.SourceSystem!)))
            return IntegrationOutcome<bool>.NotFound("That ingestion key does not belong to this connection.");
        if (key.IsRevoked)
            return IntegrationOutcome<bool>.Done(false);
        var now = clock.GetUtcNow();
        key.Revoke(now);
        db.Audit(new AuditEvent(user.Id, user.DisplayName, KeyEntityType, key.Id.ToString(), "IngestionKeyRevoked", program.Id,
            OldValues: $"{key.Name} | {key.DisplayPrefix}… | covered {key.ScopeDescription}"), now);
        await db.SaveChangesAsync(ct);
        return IntegrationOutcome<bool>.Done(true);
    }

    /// <summary>What health needs from a connection's runs: its run state row, kept with the runs (ADR-026).</summary>
    internal static async Task<RunHistory> HistoryAsync(PortalDbContext db, int connectionId, CancellationToken ct) =>
        (await db.ConnectionRunStates.AsNoTracking().FirstOrDefaultAsync(s => s.ConnectionId == connectionId, ct))?.History ?? RunHistory.None;

    /// <summary>
    /// The same inputs searched in the raw runs (three index reads): what the run state must always equal while no raw run
    /// has been pruned; tests compare the two.
    /// </summary>
    internal static async Task<RunHistory> HistoryFromRunsAsync(PortalDbContext db, int connectionId, CancellationToken ct)
    {
        var runs = db.SyncRuns.AsNoTracking().Where(r => r.ConnectionId == connectionId);
        var lastSuccess = await runs.Where(r => r.Status != SyncRunStatus.Failed).OrderByDescending(r => r.FinishedUtc)
            .Select(r => (DateTimeOffset?)r.FinishedUtc).FirstOrDefaultAsync(ct);
        if (lastSuccess is { } since)
            return new RunHistory(since, null, await runs.CountAsync(r => r.FinishedUtc > since, ct));
        var first = await runs.OrderBy(r => r.FinishedUtc).Select(r => (DateTimeOffset?)r.FinishedUtc).FirstOrDefaultAsync(ct);
        return first is null ? RunHistory.None : new RunHistory(null, first, await runs.CountAsync(ct));
    }

    /// <summary>A window's figures from buckets (whole hours: the window starts at the top of the hour it reaches back into).</summary>
    internal static async Task<HealthMetrics> MetricsAsync(PortalDbContext db, int connectionId, string window, DateTimeOffset now, CancellationToken ct,
        IReadOnlyList<TelemetryBucket>? windowBuckets = null)
    {
        var span = MetricWindows.Span(window);
        var from = TelemetryBucket.HourOf(now - span);
        var metrics = TelemetryMetrics.From(windowBuckets ?? await BucketsAsync(db, connectionId, from, ct, ReadsDays(span)));
        // Open = not resolved in the exception queue (ADR-023).
        var exceptions = db.ReconciliationExceptions.AsNoTracking().Where(e => e.ConnectionId == connectionId && e.State == ExceptionState.Open);
        var open = await exceptions.CountAsync(ct);
        var oldest = open == 0 ? null : await exceptions.OrderBy(e => e.DetectedUtc).Select(e => (DateTimeOffset?)e.DetectedUtc).FirstOrDefaultAsync(ct);
        return HealthMetrics.From(window, metrics, open, oldest is { } at ? now - at : null);
    }

    /// <summary>Windows longer than a week are charted per day, so they read day buckets (ADR-026).</summary>
    internal static bool ReadsDays(TimeSpan span) => span > TimeSpan.FromDays(7);

    /// <summary>
    /// Buckets from <paramref name="from"/> on, with the runs the rollup has not reached yet summed the same way. With
    /// <paramref name="wholeDays"/>, the hours up to the first midnight and day buckets after it: about 30 rows for 30 days
    /// instead of 720 (until the one-off backfill of days has run, hours throughout).
    /// </summary>
    internal static async Task<IReadOnlyList<TelemetryBucket>> BucketsAsync(PortalDbContext db, int connectionId, DateTimeOffset from, CancellationToken ct,
        bool wholeDays = false)
    {
        var rollup = await db.TelemetryRollupStates.AsNoTracking().Where(s => s.Id == TelemetryRollupState.SingletonId)
            .Select(s => new { s.LastRunId, s.DaysBackfilled }).FirstOrDefaultAsync(ct);
        var watermark = rollup?.LastRunId ?? 0;
        var tail = await db.SyncRuns.AsNoTracking().Where(r => r.ConnectionId == connectionId && r.FinishedUtc >= from && r.Id > watermark).ToListAsync(ct);
        var hours = db.TelemetryBuckets.AsNoTracking().Where(b => b.ConnectionId == connectionId && b.HourUtc >= from);
        if (!wholeDays || rollup is not { DaysBackfilled: true })
            return [.. await hours.ToListAsync(ct), .. TelemetryBucket.Summarize(tail)];
        var firstDay = TelemetryDayBucket.DayOf(from) == from ? from : TelemetryDayBucket.DayOf(from).AddDays(1);
        var partialDay = await hours.Where(b => b.HourUtc < firstDay).ToListAsync(ct);
        var days = await db.TelemetryDayBuckets.AsNoTracking().Where(d => d.ConnectionId == connectionId && d.HourUtc >= firstDay).ToListAsync(ct);
        return [.. partialDay, .. days, .. TelemetryBucket.Summarize(tail)];
    }

    internal static async Task<(Connection, PortalProgram)?> VisibleAsync(PortalDbContext db, string key, CurrentUser user, CancellationToken ct)
    {
        var normalized = Connection.NormalizeKey(key);
        var connection = await db.Connections.AsNoTracking().FirstOrDefaultAsync(c => c.Key == normalized, ct);
        if (connection is null || await MilestoneViews.VisibleProgramAsync(db, connection.ProgramId, user, ct) is not { } program)
            return null;
        return (connection, program);
    }

    private static List<ConnectionTile> Worst(List<ConnectionTile> tiles) =>
        tiles.OrderBy(t => t.Status.Severity()).ThenBy(t => t.ProgramName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList();

    private static List<OwnerOption> Owners(PortalProgram program, IReadOnlyDictionary<string, string> names) =>
        program.Members.Where(m => m.Role == ProgramRole.IntegrationOwner)
            .Select(m => new OwnerOption(m.UserId, names.GetValueOrDefault(m.UserId, m.UserId))).OrderBy(o => o.Name).ToList();

    private static async Task<Dictionary<string, string>> NamesAsync(PortalDbContext db, IEnumerable<string> userIds, CancellationToken ct)
    {
        var ids = userIds.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    private static string Describe(Connection c) =>
        $"key: {c.Key}; name: {c.Name}; {c.SourceSystem} -> {c.TargetSystem}; domain: {c.DataDomain}; pattern: {c.Pattern.DisplayName()}; " +
        $"every {c.ExpectedIntervalMinutes} min; freshness SLA {c.FreshnessSlaMinutes} min; error-rate SLA {c.ErrorRateSlaPercent}%; " +
        $"failure threshold {c.ConsecutiveFailureThreshold}; owner: {c.OwnerUserId}";
}

internal static class PortalApiMessages
{
    public static string ProgramNotFound(int id) => $"Program {id} does not exist or you are not a member of it.";
}
