using Portal.Core.Integration;
using Portal.Core.Integration.Simulation;
using Portal.Core.Programs;
using Portal.Data;

namespace Portal.Web.Demo;

/// <summary>
/// Atlas's four connections with a few days of simulated runs ending at seeding time, so the overview shows every status at once:
/// project master data healthy, ERP actuals late, PO commitments failing after a burst of lock errors, timesheets healthy
/// on a daily batch. The demo ingestion key `portal-demo-ingest-key` covers Atlas's ERP-sourced connections; its secret is
/// published in the README, so it exists only in demo databases.
/// </summary>
public static class IntegrationDemoData
{
    public const string DemoKeySecret = "portal-demo-ingest-key";

    public static async Task SeedAsync(PortalDbContext db, PortalProgram atlas, IReadOnlyDictionary<string, string> ids, DateTimeOffset now, CancellationToken ct)
    {
        var owner = ids["it"];
        Connection Register(string key, string name, string source, string target, string domain, IntegrationPattern pattern, int every, int freshness) =>
            Connection.Register(atlas, new ConnectionDraft(key, name, source, target, domain, pattern, every, freshness, 2m, 3, owner), false,
                now.AddDays(-30)).Value;

        var projects = Register("ppm-erp-projects", "Project master data to ERP", "PPM", "ERP", "Projects", IntegrationPattern.Api, 15, 30);
        var actuals = Register("erp-ppm-actuals", "ERP actuals into PPM cost views", "ERP", "PPM", "Actuals", IntegrationPattern.Batch, 60, 120);
        var commitments = Register("po-commitments", "Purchase-order commitments from ERP", "ERP", "PPM", "Commitments", IntegrationPattern.Event, 5, 15);
        var timesheets = Register("timesheets", "Approved timesheets to ERP", "PPM", "ERP", "Time", IntegrationPattern.Batch, 1440, 1560);
        db.Connections.AddRange(projects, actuals, commitments, timesheets);
        await db.SaveChangesAsync(ct); // ids for the runs and the key

        // History from the simulator's generator (ADR-023): the same traffic the simulator sends, ending in the status each
        // connection should show. Three days (ten for the daily batch) so 24 h and 7 d figures and the queue have content.
        var generator = new TelemetryGenerator(6) { RunsPerException = 150 }; // a queue a person can read, not a flood
        void Seed(Connection c, SimulatedEnding ending, TimeSpan span)
        {
            var history = generator.History(new SimulatedConnection(c.Key, c.ExpectedInterval, c.ConsecutiveFailureThreshold), now - span, now, ending);
            var runs = history.Runs.Select(run => SyncRun.Record(run, c.Id, now).Value).ToList();
            db.SyncRuns.AddRange(runs);
            // The run state ingestion would have kept (ADR-026); all of the connection's runs are at hand to count from.
            var state = ConnectionRunState.For(c.Id);
            if (state.Record(runs))
                state.CountFailuresAfterLastSuccess(runs.Count(r => r.FinishedUtc > state.LastSuccessUtc));
            db.ConnectionRunStates.Add(state);
            foreach (var exception in history.Exceptions)
                db.ReconciliationExceptions.Add(ReconciliationException.Record(exception, c.Id, now).Value);
        }
        Seed(projects, SimulatedEnding.Healthy, TimeSpan.FromDays(3));
        Seed(actuals, SimulatedEnding.Stale, TimeSpan.FromDays(3));
        Seed(commitments, SimulatedEnding.FailureBurst, TimeSpan.FromDays(3));
        Seed(timesheets, SimulatedEnding.Healthy, TimeSpan.FromDays(10));

        db.ReconciliationExceptions.Add(ReconciliationException.Record(new ReconciliationExceptionReport("rx-po-4711", commitments.Key,
            now.AddHours(-5).ToString("O"), "Purchase order", "PO-4711", "12,500.00 EUR", "12,000.00 EUR", -500m, "EUR"), commitments.Id, now).Value);
        db.IngestionKeys.Add(IngestionKey.WithPublishedSecret(actuals, wholeSourceSystem: true, "Demo key (ERP middleware)", owner, now.AddDays(-30),
            DemoKeySecret));
    }
}
