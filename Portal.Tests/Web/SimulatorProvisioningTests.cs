using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Integration.Simulation;
using Portal.Simulator;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Account;
using Portal.Web.Features.ApiTokens;

namespace Portal.Tests.Web;

/// <summary>
/// The simulator's provisioning path: with an integration owner's personal token it registers connections over the API,
/// creates a source-system key, and live traffic at a rate is accepted (runs, failure bursts, replays) with none refused.
/// </summary>
public sealed class SimulatorProvisioningTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    [Fact]
    public async Task The_simulator_provisions_connections_with_a_personal_token_and_its_live_traffic_is_accepted()
    {
        var it = await factory.DemoUserAsync("it@portal.local");
        var token = (await factory.Services.GetRequiredService<ApiTokenService>().CreateAsync(it, "simulator", 30)).Value.Secret;
        var atlas = await factory.ProgramIdAsync("Atlas");
        var client = new TelemetryClient(factory.CreateClient());
        var systems = Enumerable.Range(1, 3).Select(i => new SimulatedSystem($"sim-t-{i}", $"Simulated {i}", "SIM", "PPM", "Invoices", 15)).ToList();

        foreach (var system in systems)
            await client.RegisterConnectionAsync(token, atlas, system);
        await client.RegisterConnectionAsync(token, atlas, systems[0]); // running it twice is fine
        client.IngestionKey = await client.CreateSourceKeyAsync(token, systems[0].Key);
        var traffic = new LiveTraffic(client, systems.Select(s => new SimulatedConnection(s.Key, TimeSpan.FromMinutes(15))).ToList(), seed: 2)
        {
            BurstChance = 0.2,
        };
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await traffic.RunAsync(runsPerSecond: 60, TimeSpan.FromSeconds(3));
        var elapsed = watch.Elapsed;

        Assert.Equal(0, traffic.Totals.Refused);
        // 60 a second, one batch per second for however long the run really took, plus the failure bursts and replays
        // mixed into the batches: at most about twice the pace. Enough to show the simulator paces itself and does not flood.
        Assert.InRange(traffic.Totals.RunsAccepted, 60, (int)(120 * (elapsed.TotalSeconds + 1)));
        Assert.True(traffic.Totals.Failed > 0, traffic.Totals.ToString());
        await using var db = factory.CreateDbContext();
        var ids = await db.Connections.Where(c => c.Key.StartsWith("sim-t-")).Select(c => c.Id).ToListAsync();
        Assert.Equal(3, ids.Count);
        Assert.Equal(traffic.Totals.RunsAccepted, await db.SyncRuns.CountAsync(r => ids.Contains(r.ConnectionId)));
    }
}
