using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Portal.Benchmarks;

/// <summary>
/// Loopback load test of the ingestion API (issue 6): starts Portal.Web as its own process on a fresh database with the
/// demo data, posts batches of sync runs with the demo key from several concurrent senders, and reports runs/s and batch
/// latency; then inserts the same number of rows straight into the same table (prepared INSERTs on SQLite, binary COPY on
/// PostgreSQL, one transaction per batch) so the API's cost can be read as a ratio. Not BenchmarkDotNet: this measures
/// sustained throughput of a server over time, not a method.
///   dotnet run --project benchmarks/Portal.Benchmarks -c Release -- ingest [--provider Sqlite|Postgres] [--batches 400] [--batch 1000] [--senders 4]
/// PostgreSQL needs PORTAL_BENCH_POSTGRES (or PORTAL_TEST_POSTGRES), a connection string to a server that may create databases.
/// </summary>
public static class IngestionLoad
{
    private const string DemoKey = "portal-demo-ingest-key";
    private static readonly string[] Connections = ["erp-ppm-actuals", "po-commitments"];

    /// <summary>--sqlite-journal wal|rollback: the server's Database:SqliteJournal, and the raw insert's matching pragma (ADR-026).</summary>
    private static string _sqliteJournal = "rollback";

    public static async Task<int> RunAsync(string[] args)
    {
        var provider = Option(args, "--provider", "Sqlite");
        _sqliteJournal = Option(args, "--sqlite-journal", "rollback");
        var batches = int.Parse(Option(args, "--batches", "400"));
        var batchSize = int.Parse(Option(args, "--batch", "1000"));
        var senders = int.Parse(Option(args, "--senders", "4"));
        var (connectionString, cleanup) = await CreateDatabaseAsync(provider);
        try
        {
            if (args.Contains("--raw-only"))
            {
                using var migrate = StartServer(provider, connectionString, FreePort(), "--migrate");
                await migrate.WaitForExitAsync();
                await using (var seed = new SqliteConnection(connectionString))
                {
                    await seed.OpenAsync();
                    await using var cmd = seed.CreateCommand();
                    cmd.CommandText = "INSERT INTO AspNetUsers (Id, DisplayName, CreatedUtc, EmailConfirmed, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount, MustChangePassword) VALUES ('u', 'u', 0, 0, 0, 0, 0, 0, 0);" +
                        "INSERT INTO Programs (Name, Description, Systems, CreatedUtc) VALUES ('p', '', '', 0);" +
                        "INSERT INTO IntegrationConnections (ProgramId, Key, Name, SourceSystem, TargetSystem, DataDomain, Pattern, ExpectedIntervalMinutes, FreshnessSlaMinutes, ErrorRateSlaPercent, ConsecutiveFailureThreshold, OwnerUserId, CreatedUtc) VALUES (1, 'erp-ppm-actuals', 'a', 'ERP', 'PPM', 'x', 1, 15, 15, 1, 3, 'u', 0);";
                    await cmd.ExecuteNonQueryAsync();
                }
                var rate = await RawInsertAsync(provider, connectionString, batches, batchSize);
                Console.WriteLine($"Raw only: {rate:N0} rows/s");
                return 0;
            }
            var port = FreePort();
            using var server = StartServer(provider, connectionString, port);
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = senders }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            http.DefaultRequestHeaders.Add("X-Api-Key", DemoKey);
            await WaitForHealthAsync(http, server);

            Console.WriteLine($"Ingestion load: {provider}{(provider == "Sqlite" ? $" ({_sqliteJournal} journal)" : "")}, {batches} batches of {batchSize} runs, {senders} senders, client and server on loopback, {Environment.ProcessorCount} cores");
            var warmup = Enumerable.Range(0, 10).Select(b => Payload("warm", b, batchSize)).ToList();
            foreach (var body in warmup)
                await PostAsync(http, body);

            var payloads = Enumerable.Range(0, batches).Select(b => Payload("load", b, batchSize)).ToArray();
            var latencies = new double[batches];
            var next = -1;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, senders).Select(async _ =>
            {
                int b;
                while ((b = Interlocked.Increment(ref next)) < batches)
                {
                    var started = Stopwatch.GetTimestamp();
                    await PostAsync(http, payloads[b]);
                    latencies[b] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }
            }));
            clock.Stop();
            var runs = (long)batches * batchSize;
            var apiRate = runs / clock.Elapsed.TotalSeconds;
            Array.Sort(latencies);
            Console.WriteLine($"API:  {runs:N0} runs in {clock.Elapsed.TotalSeconds:N2} s = {apiRate:N0} runs/s; batch latency p50 {Percentile(latencies, 0.50):N1} ms, " +
                $"p99 {Percentile(latencies, 0.99):N1} ms, max {latencies[^1]:N1} ms");
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();

            var rawRate = await RawInsertAsync(provider, connectionString, batches, batchSize);
            Console.WriteLine($"Raw:  {runs:N0} rows in {runs / rawRate:N2} s = {rawRate:N0} rows/s ({(provider == "Postgres" ? "binary COPY" : "prepared INSERT")}, one transaction per batch)");
            Console.WriteLine($"API / raw = {apiRate / rawRate:P0}");
            return 0;
        }
        finally
        {
            await cleanup();
        }
    }

    private static async Task PostAsync(HttpClient http, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        using var response = await http.PostAsync("/api/telemetry/sync-runs", content);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"Batch refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A batch as a sender would build it: distinct run ids, realistic counts, times within the last hour.</summary>
    private static byte[] Payload(string prefix, int batch, int size)
    {
        var now = DateTimeOffset.UtcNow;
        var sb = new StringBuilder(size * 260).Append('[');
        for (var i = 0; i < size; i++)
        {
            var finished = now.AddSeconds(-(i % 3600));
            var failed = i % 50 == 0;
            if (i > 0) sb.Append(',');
            sb.Append("{\"runId\":\"").Append(prefix).Append('-').Append(batch).Append('-').Append(i)
                .Append("\",\"connection\":\"").Append(Connections[i % Connections.Length])
                .Append("\",\"startedAt\":\"").Append(finished.AddSeconds(-42).ToString("yyyy-MM-ddTHH:mm:ss.fffZ"))
                .Append("\",\"finishedAt\":\"").Append(finished.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"))
                .Append("\",\"status\":\"").Append(failed ? "failed" : "succeeded")
                .Append("\",\"recordsRead\":").Append(100 + i % 400).Append(",\"recordsWritten\":").Append(failed ? 0 : 100 + i % 400)
                .Append(",\"recordsFailed\":").Append(failed ? 100 + i % 400 : 0).Append(",\"retries\":").Append(failed ? 3 : 0)
                .Append(",\"deadLettered\":").Append(failed ? 1 : 0);
            if (failed)
                sb.Append(",\"errorCode\":\"ERP-LOCK\",\"errorMessage\":\"Purchase order locked by a concurrent approval.\"");
            sb.Append('}');
        }
        return Encoding.UTF8.GetBytes(sb.Append(']').ToString());
    }

    /// <summary>The same rows straight into SyncRuns, as fast as the provider allows, for the ratio.</summary>
    private static async Task<double> RawInsertAsync(string provider, string connectionString, int batches, int batchSize)
    {
        var now = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        if (provider == "Postgres")
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            var ids = await ConnectionIdsAsync(connection);
            for (var b = 0; b < batches; b++)
            {
                await using var tx = await connection.BeginTransactionAsync();
                await using (var copy = await connection.BeginBinaryImportAsync(
                    "COPY \"SyncRuns\" (\"ConnectionId\", \"RunId\", \"StartedUtc\", \"FinishedUtc\", \"Status\", \"RecordsRead\", \"RecordsWritten\", " +
                    "\"RecordsFailed\", \"Retries\", \"DeadLettered\", \"ErrorCode\", \"ErrorMessage\", \"ReplayOf\", \"ReceivedUtc\") FROM STDIN (FORMAT BINARY)"))
                {
                    for (var i = 0; i < batchSize; i++)
                    {
                        var finished = now.AddSeconds(-(i % 3600));
                        await copy.StartRowAsync();
                        await copy.WriteAsync(ids[i % ids.Length], NpgsqlDbType.Integer);
                        await copy.WriteAsync($"raw-{b}-{i}", NpgsqlDbType.Varchar);
                        await copy.WriteAsync(finished.AddSeconds(-42), NpgsqlDbType.TimestampTz);
                        await copy.WriteAsync(finished, NpgsqlDbType.TimestampTz);
                        await copy.WriteAsync(1, NpgsqlDbType.Integer);
                        await copy.WriteAsync(100L + i % 400, NpgsqlDbType.Bigint);
                        await copy.WriteAsync(100L + i % 400, NpgsqlDbType.Bigint);
                        await copy.WriteAsync(0L, NpgsqlDbType.Bigint);
                        await copy.WriteAsync(0, NpgsqlDbType.Integer);
                        await copy.WriteAsync(0L, NpgsqlDbType.Bigint);
                        await copy.WriteNullAsync();
                        await copy.WriteNullAsync();
                        await copy.WriteNullAsync();
                        await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                    }
                    await copy.CompleteAsync();
                }
                await tx.CommitAsync();
            }
        }
        else
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            if (_sqliteJournal == "wal")
            {
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
                await pragma.ExecuteNonQueryAsync();
            }
            var ids = await ConnectionIdsAsync(connection);
            for (var b = 0; b < batches; b++)
            {
                await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
                await using var insert = connection.CreateCommand();
                insert.Transaction = tx;
                insert.CommandText = "INSERT INTO SyncRuns (ConnectionId, RunId, StartedUtc, FinishedUtc, Status, RecordsRead, RecordsWritten, RecordsFailed, " +
                    "Retries, DeadLettered, ReceivedUtc) VALUES ($c, $r, $s, $f, 1, $n, $n, 0, 0, 0, $now)";
                var c = insert.Parameters.Add("$c", SqliteType.Integer);
                var r = insert.Parameters.Add("$r", SqliteType.Text);
                var s = insert.Parameters.Add("$s", SqliteType.Integer);
                var f = insert.Parameters.Add("$f", SqliteType.Integer);
                var n = insert.Parameters.Add("$n", SqliteType.Integer);
                insert.Parameters.AddWithValue("$now", now.UtcTicks);
                insert.Prepare();
                for (var i = 0; i < batchSize; i++)
                {
                    var finished = now.AddSeconds(-(i % 3600));
                    c.Value = ids[i % ids.Length];
                    r.Value = $"raw-{b}-{i}";
                    s.Value = finished.AddSeconds(-42).UtcTicks;
                    f.Value = finished.UtcTicks;
                    n.Value = 100 + i % 400;
                    await insert.ExecuteNonQueryAsync();
                }
                await tx.CommitAsync();
            }
        }
        return (double)batches * batchSize / clock.Elapsed.TotalSeconds;
    }

    private static async Task<int[]> ConnectionIdsAsync(System.Data.Common.DbConnection connection)
    {
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT \"Id\" FROM \"IntegrationConnections\" WHERE \"Key\" IN ('erp-ppm-actuals', 'po-commitments')";
        var ids = new List<int>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            ids.Add(Convert.ToInt32(reader.GetValue(0)));
        return [.. ids];
    }

    internal static async Task<(string ConnectionString, Func<Task> Cleanup)> CreateDatabaseAsync(string provider)
    {
        if (provider == "Postgres")
        {
            var admin = Environment.GetEnvironmentVariable("PORTAL_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES")
                ?? throw new InvalidOperationException("Set PORTAL_BENCH_POSTGRES to a PostgreSQL connection string.");
            var name = "portal_bench_" + Guid.NewGuid().ToString("N")[..8];
            await using (var c = new NpgsqlConnection(admin))
            {
                await c.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", c);
                await create.ExecuteNonQueryAsync();
            }
            var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true }.ToString();
            return (connectionString, async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await using var c = new NpgsqlConnection(admin);
                await c.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", c);
                await drop.ExecuteNonQueryAsync();
            });
        }
        var folder = Path.Combine(Path.GetTempPath(), "portal-bench-ingest-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return ($"Data Source={Path.Combine(folder, "portal.db")}", () =>
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            return Task.CompletedTask;
        });
    }

    internal static Process StartServer(string provider, string connectionString, int port, string? command = null,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Portal.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        if (command is not null)
            start.ArgumentList.Add(command);
        start.Environment["ConnectionStrings__Portal"] = connectionString;
        start.Environment["Database__Provider"] = provider;
        start.Environment["Database__SqliteJournal"] = _sqliteJournal;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("server: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    internal static async Task WaitForHealthAsync(HttpClient http, Process server)
    {
        for (var i = 0; i < 240; i++)
        {
            if (server.HasExited)
                throw new InvalidOperationException("Portal.Web exited during start-up.");
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(500);
        }
        throw new TimeoutException("Portal.Web did not become healthy within 2 minutes.");
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
