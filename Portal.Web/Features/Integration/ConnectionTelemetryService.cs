using Microsoft.EntityFrameworkCore;
using Portal.Core.Integration;
using Portal.Data;
using Portal.Web.Features.Account;

namespace Portal.Web.Features.Integration;

/// <summary>One slot of a trend chart: an hour (24 h), six hours (7 d) or a day (30 d), merged from hourly buckets.</summary>
public sealed record TrendPoint(string Label, DateTimeOffset FromUtc, long Runs, long Failed, double? AverageDurationSeconds, double? P95DurationSeconds,
    long RecordsWritten, long RecordsFailed);

public sealed record ConnectionTelemetry(string Window, HealthMetrics Metrics, IReadOnlyList<TrendPoint> Points, IReadOnlyList<BreachRow> Breaches);

/// <summary>Run history filters: a status (none for all) and how far back (a metric window, or none for all runs).</summary>
public sealed record RunFilter(SyncRunStatus? Status = null, string? Window = null);

/// <summary>
/// What the connection page shows beyond its settings: metrics and trends of a window from hourly buckets, the breach
/// ledger, and the raw run history filtered and paged through the (ConnectionId, Status, FinishedUtc) index (ADR-022).
/// </summary>
public sealed class ConnectionTelemetryService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public const int BreachRows = 50;

    public async Task<ConnectionTelemetry?> TelemetryAsync(string key, string window, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await IntegrationService.VisibleAsync(db, key, user, ct) is not ({ } connection, _))
            return null;
        var now = clock.GetUtcNow();
        var span = MetricWindows.Span(window);
        window = MetricWindows.All.First(w => w.Span == span).Name;
        var from = TelemetryBucket.HourOf(now - span);
        var buckets = await IntegrationService.BucketsAsync(db, connection.Id, from, ct, IntegrationService.ReadsDays(span));
        var metrics = await IntegrationService.MetricsAsync(db, connection.Id, window, now, ct, buckets); // the same rows, read once
        var breaches = await SlaBreachService.BreachesAsync(db, connection.Id, now, BreachRows, ct);
        return new ConnectionTelemetry(window, metrics, Trend(buckets, from, now, span), breaches);
    }

    public async Task<RunPage?> RunsAsync(string key, CurrentUser user, RunFilter filter, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await IntegrationService.VisibleAsync(db, key, user, ct) is not ({ } connection, _))
            return null;
        var runs = db.SyncRuns.AsNoTracking().Where(r => r.ConnectionId == connection.Id);
        if (filter.Status is { } status)
            runs = runs.Where(r => r.Status == status);
        if (filter.Window is { } window)
        {
            var from = clock.GetUtcNow() - MetricWindows.Span(window);
            runs = runs.Where(r => r.FinishedUtc >= from);
        }
        var rows = await runs.OrderByDescending(r => r.FinishedUtc).ThenByDescending(r => r.Id).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 200))
            .Select(r => new RunRow(r.RunId, r.StartedUtc, r.FinishedUtc, r.Status, r.RecordsRead, r.RecordsWritten, r.RecordsFailed, r.Retries,
                r.DeadLettered, r.ErrorCode, r.ReplayOf))
            .ToListAsync(ct);
        return new RunPage(rows, await runs.CountAsync(ct));
    }

    /// <summary>Contiguous slots from the window's start to now, empty slots as zero runs so a quiet period shows as a dip.</summary>
    internal static IReadOnlyList<TrendPoint> Trend(IReadOnlyList<TelemetryBucket> buckets, DateTimeOffset from, DateTimeOffset now, TimeSpan span)
    {
        var step = span <= TimeSpan.FromDays(1) ? TimeSpan.FromHours(1) : span <= TimeSpan.FromDays(7) ? TimeSpan.FromHours(6) : TimeSpan.FromDays(1);
        var points = new List<TrendPoint>();
        for (var slot = from; slot <= now; slot = NextSlot(slot, step))
        {
            var end = NextSlot(slot, step);
            var m = TelemetryMetrics.From(buckets.Where(b => b.HourUtc >= slot && b.HourUtc < end));
            var label = step == TimeSpan.FromDays(1) ? slot.ToString("MM-dd") : slot.ToString(step == TimeSpan.FromHours(1) ? "HH:00" : "MM-dd HH:00");
            points.Add(new TrendPoint(label, slot, m.Runs, m.Failed, m.AverageDurationSeconds, m.P95DurationSeconds, m.RecordsWritten, m.RecordsFailed));
        }
        return points;
    }

    /// <summary>Daily slots are calendar days (the first one from the window's start to midnight), as day buckets are (ADR-026).</summary>
    private static DateTimeOffset NextSlot(DateTimeOffset slot, TimeSpan step) =>
        step == TimeSpan.FromDays(1) ? TelemetryDayBucket.DayOf(slot).AddDays(1) : slot + step;
}
