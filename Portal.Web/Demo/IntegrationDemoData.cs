using Portal.Core.Integration;
using Portal.Core.Programs;
using Portal.Data;

namespace Portal.Web.Demo;

/// <summary>
/// Atlas's four connections with two days of runs ending at seeding time, so the overview shows every status at once:
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

        var random = new Random(6);
        void Runs(Connection c, TimeSpan lastAgo, int count, Func<int, bool> fails)
        {
            for (var i = 0; i < count; i++)
            {
                var finished = now - lastAgo - i * c.ExpectedInterval;
                var started = finished.AddSeconds(-random.Next(20, 240));
                var read = random.Next(40, 900);
                var failed = fails(i);
                var rejected = failed ? read : random.Next(0, 100) < 10 ? random.Next(1, 5) : 0;
                db.SyncRuns.Add(SyncRun.Create(c.Id, $"{c.Key}-{finished:yyyyMMddHHmm}", started, finished,
                    failed ? SyncRunStatus.Failed : rejected > 0 ? SyncRunStatus.Partial : SyncRunStatus.Succeeded, read, read - rejected, rejected,
                    finished.AddSeconds(2), failed ? "ERP-LOCK" : null, failed ? "Purchase order locked by a concurrent approval in the ERP." : null,
                    retries: failed ? 3 : random.Next(0, 2), deadLettered: failed ? random.Next(1, 6) : 0));
            }
        }
        Runs(projects, TimeSpan.FromMinutes(6), 192, _ => false);
        Runs(actuals, TimeSpan.FromMinutes(97), 46, i => i == 9);
        Runs(commitments, TimeSpan.FromMinutes(2), 400, i => i < 4);
        Runs(timesheets, TimeSpan.FromHours(3), 7, _ => false);

        db.ReconciliationExceptions.Add(ReconciliationException.Record(new ReconciliationExceptionReport("rx-po-4711", commitments.Key,
            now.AddHours(-5).ToString("O"), "Purchase order", "PO-4711", "12,500.00 EUR", "12,000.00 EUR", -500m, "EUR"), commitments.Id, now).Value);
        db.IngestionKeys.Add(IngestionKey.WithPublishedSecret(actuals, wholeSourceSystem: true, "Demo key (ERP middleware)", owner, now.AddDays(-30),
            DemoKeySecret));
    }
}
