using Microsoft.EntityFrameworkCore;
using Portal.Core.Integration;
using Portal.Data;

namespace Portal.Web.Features.Integration;

public readonly record struct SlaEvaluation(int Opened, int Closed, int Open);

/// <summary>
/// Keeps the SLA-breach ledger in step with each connection's runs: opens a breach when freshness or the 24 h error rate
/// falls outside its SLA, closes it when back within. Runs after each rollup; running it again with nothing changed does
/// nothing (at most one open breach per connection and kind, decided by <see cref="SlaRules"/>).
/// </summary>
public sealed class SlaBreachService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public async Task<SlaEvaluation> EvaluateAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var connections = await db.Connections.AsNoTracking().ToListAsync(ct);
        var openBreaches = (await db.SlaBreaches.Where(b => b.EndUtc == null).ToListAsync(ct))
            .GroupBy(b => (b.ConnectionId, b.Kind)).ToDictionary(g => g.Key, g => g.OrderBy(b => b.StartUtc).First());
        int opened = 0, closed = 0;
        foreach (var connection in connections)
        {
            var history = await IntegrationService.HistoryAsync(db, connection.Id, ct);
            var last24 = TelemetryMetrics.From(await IntegrationService.BucketsAsync(db, connection.Id, TelemetryBucket.HourOf(now.AddHours(-24)), ct));
            Apply(SlaRules.Freshness(connection, history, openBreaches.GetValueOrDefault((connection.Id, SlaKind.Freshness)), now),
                openBreaches.GetValueOrDefault((connection.Id, SlaKind.Freshness)));
            Apply(SlaRules.ErrorRate(connection, last24, openBreaches.GetValueOrDefault((connection.Id, SlaKind.ErrorRate)), now),
                openBreaches.GetValueOrDefault((connection.Id, SlaKind.ErrorRate)));
        }
        await db.SaveChangesAsync(ct);
        var stillOpen = await db.SlaBreaches.CountAsync(b => b.EndUtc == null, ct);
        return new SlaEvaluation(opened, closed, stillOpen);

        void Apply(SlaRules.Decision decision, SlaBreach? open)
        {
            if (decision.ToOpen is { } breach)
            {
                db.SlaBreaches.Add(breach);
                opened++;
            }
            if (decision.CloseAt is { } end && open is not null)
            {
                open.Close(end);
                closed++;
            }
        }
    }

    /// <summary>A connection's breaches, latest first.</summary>
    public static async Task<IReadOnlyList<BreachRow>> BreachesAsync(PortalDbContext db, int connectionId, DateTimeOffset now, int take, CancellationToken ct)
    {
        var breaches = await db.SlaBreaches.AsNoTracking().Where(b => b.ConnectionId == connectionId)
            .OrderByDescending(b => b.StartUtc).Take(take).ToListAsync(ct);
        return breaches.Select(b => new BreachRow(b.Kind, b.StartUtc, b.EndUtc, b.DurationAt(now), b.Cause)).ToList();
    }
}

public sealed record BreachRow(SlaKind Kind, DateTimeOffset StartUtc, DateTimeOffset? EndUtc, TimeSpan Duration, string Cause);
