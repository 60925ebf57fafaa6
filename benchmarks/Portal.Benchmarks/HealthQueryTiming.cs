using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Integration;
using Portal.Data;
using Portal.Web.Features.Account;
using Portal.Web.Features.Integration;

namespace Portal.Benchmarks;

/// <summary>
/// Issue 6's dashboard budget: N connections and M stored runs (inserted through the ingestion's bulk path, spread over
/// the last 90 days, then rolled up by the real rollup service), then the services behind the overview, the connection
/// page (detail + 24 h telemetry) and a filtered run-history page are timed in-process; p50/p95 of each.
///   dotnet run --project benchmarks/Portal.Benchmarks -c Release -- health [--provider Sqlite|Postgres] [--runs 1000000] [--connections 50] [--iterations 50]
/// PostgreSQL needs PORTAL_BENCH_POSTGRES (or PORTAL_TEST_POSTGRES), as for `ingest`.
/// </summary>
public static class HealthQueryTiming
{
    private sealed class Factory(DatabaseProvider provider, string cs) : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => new(PortalDatabase.Options(provider, cs));
    }

    public static async Task<int> RunAsync(string[] args)
    {
        string Option(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var runs = long.Parse(Option("--runs", "1000000"));
        var connections = int.Parse(Option("--connections", "50"));
        var iterations = int.Parse(Option("--iterations", "50"));
        var providerName = Option("--provider", "Sqlite");
        var provider = PortalDatabase.ParseProvider(providerName);
        var (cs, cleanup) = await IngestionLoad.CreateDatabaseAsync(provider == DatabaseProvider.Postgres ? "Postgres" : "Sqlite");
        try
        {
            using (var migrate = IngestionLoad.StartServer(provider.ToString(), cs, IngestionLoad.FreePort(), "--migrate"))
                await migrate.WaitForExitAsync();
            var factory = new Factory(provider, cs);
            await using (var seed = factory.CreateDbContext())
            {
                // Times as each provider stores them: UTC ticks on SQLite, timestamptz on PostgreSQL.
                var (t, no) = provider == DatabaseProvider.Postgres ? ("now()", "false") : ("0", "0");
#pragma warning disable EF1002, EF1003 // fixed literals only, no input
                await seed.Database.ExecuteSqlRawAsync(
                    $"INSERT INTO \"AspNetUsers\" (\"Id\", \"DisplayName\", \"CreatedUtc\", \"EmailConfirmed\", \"PhoneNumberConfirmed\", \"TwoFactorEnabled\", \"LockoutEnabled\", \"AccessFailedCount\", \"MustChangePassword\") VALUES ('u', 'u', {t}, {no}, {no}, {no}, {no}, 0, {no});" +
                    $"INSERT INTO \"Programs\" (\"Name\", \"Description\", \"Systems\", \"CreatedUtc\") VALUES ('p', '', '', {t});" +
                    $"INSERT INTO \"ProgramMembers\" (\"ProgramId\", \"UserId\", \"Role\", \"AddedUtc\") VALUES (1, 'u', 'IntegrationOwner', {t});" +
                    string.Concat(Enumerable.Range(0, connections).Select(i =>
                        $"INSERT INTO \"IntegrationConnections\" (\"ProgramId\", \"Key\", \"Name\", \"SourceSystem\", \"TargetSystem\", \"DataDomain\", \"Pattern\", \"ExpectedIntervalMinutes\", \"FreshnessSlaMinutes\", \"ErrorRateSlaPercent\", \"ConsecutiveFailureThreshold\", \"OwnerUserId\", \"CreatedUtc\") VALUES (1, 'conn-{i:00}', 'Connection {i}', 'ERP', 'PPM', 'x', 1, 15, 30, 2, 3, 'u', {t});")));
#pragma warning restore EF1002, EF1003
            }
            var now = DateTimeOffset.UtcNow;
            var perConnection = runs / connections;
            var spacing = TimeSpan.FromDays(90) / perConnection;
            var random = new Random(6);
            var load = Stopwatch.StartNew();
            const int Batch = 10_000;
            var pending = new List<SyncRun>(Batch);
            for (long i = 0; i < perConnection; i++)
                for (var c = 1; c <= connections; c++)
                {
                    var finished = now - TimeSpan.FromDays(90) + spacing * i;
                    var failed = random.Next(100) < 3;
                    pending.Add(SyncRun.Create(c, $"r{i}", finished.AddSeconds(-random.Next(5, 600)), finished,
                        failed ? SyncRunStatus.Failed : SyncRunStatus.Succeeded, 500, failed ? 0 : 500, failed ? 500 : 0, finished,
                        failed ? "ERR" : null, null, random.Next(0, 3), failed ? 2 : 0));
                    if (pending.Count == Batch)
                    {
                        await using var db = factory.CreateDbContext();
                        await SyncRunBulkInsert.InsertAsync(db, pending, default);
                        pending.Clear();
                    }
                }
            if (pending.Count > 0)
            {
                await using var db = factory.CreateDbContext();
                await SyncRunBulkInsert.InsertAsync(db, pending, default);
            }
            Console.WriteLine($"{provider}: inserted {runs:N0} runs for {connections} connections in {load.Elapsed.TotalSeconds:N0} s");
            var rollup = new TelemetryRollupService(factory, TimeProvider.System, Options.Create(new TelemetryOptions { RollupMaxChunksPerRun = 1000 }));
            var rolled = Stopwatch.StartNew();
            var result = await rollup.RollUpAsync();
            Console.WriteLine($"Rolled up {result.Runs:N0} runs in {result.Chunks} chunks, {rolled.Elapsed.TotalSeconds:N0} s ({result.Runs / rolled.Elapsed.TotalSeconds:N0} runs/s)");

            var user = new CurrentUser("u", "u", new HashSet<string>());
            var integration = new IntegrationService(factory, TimeProvider.System);
            var telemetry = new ConnectionTelemetryService(factory, TimeProvider.System);
            await Time("overview (50 tiles)", iterations, () => integration.OverviewAsync(user));
            await Time("connection page: detail + 24h metrics/trend/breaches", iterations, async () =>
            {
                await integration.GetAsync("conn-07", user);
                await telemetry.TelemetryAsync("conn-07", "24h", user);
            });
            await Time("connection page, 30d window", iterations, () => telemetry.TelemetryAsync("conn-07", "30d", user));
            await Time("run history: failed, last 30 d, page 3", iterations, () => telemetry.RunsAsync("conn-07", user, new RunFilter(SyncRunStatus.Failed, "30d"), 40, 20));
            await Time("run history: all, page 1", iterations, () => telemetry.RunsAsync("conn-07", user, new RunFilter(), 0, 20));
            return 0;
        }
        finally
        {
            await cleanup();
        }
    }

    private static async Task Time<T>(string name, int iterations, Func<Task<T>> action)
    {
        for (var i = 0; i < 3; i++)
            await action();
        var samples = new List<double>();
        for (var i = 0; i < iterations; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }
        samples.Sort();
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        Console.WriteLine($"{name}: p50 {samples[samples.Count / 2]:N1} ms, p95 {samples[(int)Math.Ceiling(0.95 * samples.Count) - 1]:N1} ms (load {load})");
    }

    private static Task Time(string name, int iterations, Func<Task> action) => Time(name, iterations, async () => { await action(); return 0; });
}
