using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Integration;
using Portal.Core.Programs;
using Portal.Core.Scorecards;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Scorecards;

namespace Portal.Tests.Web;

/// <summary>The scorecard's integration section as ScorecardService loads it, for one program and for the whole portfolio.</summary>
public sealed class ScorecardIntegrationTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    private ScorecardService Scorecards => factory.Services.GetRequiredService<ScorecardService>();

    [Fact]
    public async Task Atlas_shows_its_failing_connection_open_exceptions_and_links_to_the_connection()
    {
        var atlas = await factory.ProgramIdAsync("Atlas");

        var card = (await Scorecards.GetAsync(atlas, await factory.DemoUserAsync("viewer@portal.local")))!;
        var section = card.Section(ScorecardKeys.IntegrationHealth)!;

        Assert.Equal($"/integration?program={atlas}", section.Link);
        var connections = section.Items.Single(i => i.Name == "Connections");
        Assert.Equal(ScoreStatus.Red, connections.Status);
        Assert.Contains("failing", connections.Value);
        Assert.Contains("of 4 connections; worst: Purchase-order commitments from ERP", connections.Value);
        Assert.Equal("/integration/connections/po-commitments", connections.Link);
        var exceptions = section.Items.Single(i => i.Name == "Open reconciliation exceptions");
        Assert.True(exceptions.Number >= 1); // rx-po-4711 and the generator's
        Assert.NotEqual(ScoreStatus.None, section.Items.Single(i => i.Name == "SLA breaches (30 days)").Status);
    }

    [Fact]
    public async Task The_portfolio_loads_every_programs_integration_section_a_program_without_connections_has_no_data()
    {
        var pmo = await factory.DemoUserAsync("pmo@portal.local");
        var it = await factory.DemoUserAsync("it@portal.local");
        var now = DateTimeOffset.UtcNow;
        var quiet = PortalProgram.Create("Quiet " + Guid.NewGuid().ToString("N")[..6], "", ["PPM", "ERP"], null, now).Value;
        var healthy = PortalProgram.Create("Healthy " + Guid.NewGuid().ToString("N")[..6], "", ["PPM", "ERP"], null, now).Value;
        foreach (var p in new[] { quiet, healthy })
        {
            p.SetMember(pmo.Id, ProgramRole.PmoLead, now);
            p.SetMember(it.Id, ProgramRole.IntegrationOwner, now);
        }
        await using (var db = factory.CreateDbContext())
        {
            db.Programs.AddRange(quiet, healthy);
            await db.SaveChangesAsync();
            var connection = Connection.Register(healthy, new ConnectionDraft("hq-" + Guid.NewGuid().ToString("N")[..8], "Healthy feed", "ERP", "PPM", "Actuals",
                IntegrationPattern.Api, 15, 30, 2m, 3, it.Id), false, now.AddDays(-1)).Value;
            db.Connections.Add(connection);
            await db.SaveChangesAsync();
            db.SyncRuns.Add(SyncRun.Create(connection.Id, "ok-1", now.AddMinutes(-6), now.AddMinutes(-5), SyncRunStatus.Succeeded, 5, 5, 0, now));
            db.SyncRuns.Add(SyncRun.Create(connection.Id, "failed-1", now.AddMinutes(-3), now.AddMinutes(-2), SyncRunStatus.Failed, 5, 0, 5, now));
            await db.SaveChangesAsync();
        }

        var rows = await Scorecards.PortfolioAsync(pmo);
        ScorecardSection Integration(PortalProgram p) => rows.Single(r => r.Id == p.Id).Card.Section(ScorecardKeys.IntegrationHealth)!;

        Assert.All(rows, r => Assert.NotNull(r.Card.Section(ScorecardKeys.IntegrationHealth)));
        Assert.Equal(ScoreStatus.None, Integration(quiet).Status);
        Assert.Equal(ScoreStatus.Green, Integration(healthy).Status); // one failure after a success is under the threshold of 3
        Assert.Equal("1 healthy of 1 connection", Integration(healthy).Items[0].Value);
        Assert.Equal(ScoreStatus.Red, rows.Single(r => r.Name.StartsWith("Atlas")).Card.Section(ScorecardKeys.IntegrationHealth)!.Status);
    }
}
