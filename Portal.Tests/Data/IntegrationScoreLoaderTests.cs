using Portal.Core.Integration;
using Portal.Core.Programs;
using Portal.Core.Scorecards;
using Portal.Data;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Scorecards;

namespace Portal.Tests.Data;

/// <summary>The scorecard's integration inputs come out of one correlated statement on both providers, per program.</summary>
public sealed class IntegrationScoreLoaderTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Theory, SqliteData, PostgresData]
    public async Task Statuses_open_exceptions_and_recent_breaches_are_loaded_per_program(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var owner = new UserBuilder().Named("Tomasz Nowak").Build();
        int busy, quiet;
        await using (var context = db.CreateContext())
        {
            context.Users.Add(owner);
            await context.SaveChangesAsync();
            var programs = new[] { new ProgramBuilder().WithMember(owner.Id, ProgramRole.IntegrationOwner).Build(),
                new ProgramBuilder().WithMember(owner.Id, ProgramRole.IntegrationOwner).Build() };
            context.Programs.AddRange(programs);
            await context.SaveChangesAsync();
            (busy, quiet) = (programs[0].Id, programs[1].Id);
            Connection Register(string key) => Connection.Register(programs[0], new ConnectionDraft(key, key.ToUpperInvariant(), "ERP", "PPM", "Actuals",
                IntegrationPattern.Api, 15, 30, 2m, 3, owner.Id), false, Now.AddDays(-20)).Value;
            var (healthy, failing, silent) = (Register("healthy"), Register("failing"), Register("silent"));
            context.Connections.AddRange(healthy, failing, silent);
            await context.SaveChangesAsync();

            SyncRun Run(Connection c, string id, double minutesAgo, SyncRunStatus status) =>
                SyncRun.Create(c.Id, id, Now.AddMinutes(-minutesAgo - 1), Now.AddMinutes(-minutesAgo), status, 1, 1, 0, Now);
            context.SyncRuns.AddRange(Run(healthy, "h-old", 300, SyncRunStatus.Failed), Run(healthy, "h-1", 5, SyncRunStatus.Succeeded),
                Run(failing, "f-ok", 20, SyncRunStatus.Partial), Run(failing, "f-1", 9, SyncRunStatus.Failed),
                Run(failing, "f-2", 6, SyncRunStatus.Failed), Run(failing, "f-3", 3, SyncRunStatus.Failed));
            ReconciliationException Exception(Connection c, string id, double daysAgo) => ReconciliationException.Record(
                new ReconciliationExceptionReport(id, c.Key, Now.AddDays(-daysAgo).ToString("O"), "Invoice", id, "1", "2", null, null), c.Id, Now).Value;
            context.ReconciliationExceptions.AddRange(Exception(healthy, "x-1", 8), Exception(failing, "x-2", 1));
            var closed = SlaBreach.Open(failing.Id, SlaKind.Freshness, Now.AddDays(-10), "Late");
            closed.Close(Now.AddDays(-9));
            var old = SlaBreach.Open(failing.Id, SlaKind.ErrorRate, Now.AddDays(-60), "Errors");
            old.Close(Now.AddDays(-45));
            context.SlaBreaches.AddRange(closed, old);
            await context.SaveChangesAsync();
        }

        await using var read = db.CreateContext();
        var inputs = await IntegrationScoreLoader.LoadAsync(read, [busy, quiet], Now, CancellationToken.None);

        Assert.Same(IntegrationHealthInput.None, inputs[quiet]);
        var b = inputs[busy];
        Assert.Equal([("failing", ConnectionStatus.Failing), ("healthy", ConnectionStatus.Healthy), ("silent", ConnectionStatus.Unknown)],
            b.Connections.Select(c => (c.Key, c.Status)).OrderBy(c => c.Key));
        Assert.Equal(2, b.OpenExceptions);
        Assert.Equal(Now.AddDays(-8), b.OldestOpenExceptionUtc);
        Assert.Equal(Now.AddDays(-10), Assert.Single(b.Breaches).StartUtc); // the one from 45 days ago is outside the window
        var section = IntegrationScores.Section(busy, b, Now);
        Assert.Equal([ScoreStatus.Red, ScoreStatus.Red, ScoreStatus.Amber], section.Items.Select(i => i.Status));
    }
}
