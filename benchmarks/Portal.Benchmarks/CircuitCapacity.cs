using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Portal.Benchmarks;

/// <summary>
/// Issue 8's circuit capacity: for each N, a fresh Portal (SQLite, demo data) on a loopback port; N interactive sessions
/// (half on the Atlas program overview, half on /integration) opened with <see cref="CircuitSession"/>; server memory
/// after a forced full GC before and after (the opt-in /diagnostics/memory endpoint), per idle circuit = delta / N; then
/// clicks on the navigation toggle of random open sessions by a few concurrent clickers, p50/p95 of click-to-render.
///   dotnet run --project benchmarks/Portal.Benchmarks -c Release -- circuits [--counts 50,200,500] [--clicks 300] [--clickers 8]
/// </summary>
public static class CircuitCapacity
{
    private sealed record Memory(long ManagedBytes, long WorkingSetBytes, int OpenCircuits, int ConnectedCircuits);

    public static async Task<int> RunAsync(string[] args)
    {
        string Option(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var counts = Option("--counts", "50,200,500").Split(',').Select(int.Parse).ToArray();
        var clicks = int.Parse(Option("--clicks", "300"));
        var clickers = int.Parse(Option("--clickers", "8"));
        var pages = Option("--pages", "both"); // both | program | integration
        var hold = int.Parse(Option("--hold-seconds", "0")); // keeps the server up after measuring, e.g. for a heap snapshot
        Console.WriteLine($"Circuit capacity: client and server on loopback, {Environment.ProcessorCount} cores, SQLite, demo data");
        var rows = new List<string>();
        foreach (var n in counts)
            rows.Add(await RunOnceAsync(n, clicks, clickers, pages, hold));
        Console.WriteLine();
        Console.WriteLine("| N circuits | managed heap / circuit | working set / circuit | click→render p50 | p95 | max | clicks (failed) | load average (1 min) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---|");
        rows.ForEach(Console.WriteLine);
        lock (CircuitSession.SeenJsCalls)
            Console.WriteLine("JS calls answered with null: " + string.Join(", ", CircuitSession.SeenJsCalls.Order()));
        return 0;
    }

    private static async Task<string> RunOnceAsync(int n, int clickCount, int clickers, string pages, int holdSeconds)
    {
        var (cs, cleanup) = await IngestionLoad.CreateDatabaseAsync("Sqlite");
        var port = IngestionLoad.FreePort();
        var baseUri = new Uri($"http://127.0.0.1:{port}/");
        using var server = IngestionLoad.StartServer("Sqlite", cs, port, settings: new Dictionary<string, string> { ["Diagnostics__MemoryEndpoint"] = "true" });
        var sessions = new List<CircuitSession>();
        try
        {
            var cookies = new CookieContainer();
            using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false, MaxConnectionsPerServer = 64 })
            { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(2) };
            await IngestionLoad.WaitForHealthAsync(http, server);
            await SignInAsync(http, "pmo@portal.local", "Portal-Demo-2026!");
            var atlas = await AtlasPathAsync(http);
            string PageFor(int i) => pages switch { "program" => atlas, "integration" => "/integration", _ => i % 2 == 0 ? atlas : "/integration" };
            var timeout = TimeSpan.FromSeconds(60);

            // Warm-up: JIT, EF's model, Radzen's reflection caches; closed again so only their caches remain.
            for (var i = 0; i < 6; i++)
            {
                var warm = await CircuitSession.OpenAsync(baseUri, PageFor(i), cookies, http, timeout);
                await warm.ClickToggleAsync(timeout);
                await warm.CloseAsync(http);
            }
            await Task.Delay(2000);
            var before = await MemoryAsync(http);

            var opening = Stopwatch.StartNew();
            using (var gate = new SemaphoreSlim(16))
            {
                var opened = await Task.WhenAll(Enumerable.Range(0, n).Select(async i =>
                {
                    await gate.WaitAsync();
                    try { return await CircuitSession.OpenAsync(baseUri, PageFor(i), cookies, http, timeout); }
                    finally { gate.Release(); }
                }));
                sessions.AddRange(opened);
            }
            var openSeconds = opening.Elapsed.TotalSeconds;
            await Task.Delay(3000); // let the first renders' after-render work and interop answers settle
            var after = await MemoryAsync(http);
            var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            var managed = (after.ManagedBytes - before.ManagedBytes) / (double)n / 1024;
            var workingSet = (after.WorkingSetBytes - before.WorkingSetBytes) / (double)n / 1024;
            Console.WriteLine($"N={n}: opened in {openSeconds:N1} s; open circuits {before.OpenCircuits} -> {after.OpenCircuits}; " +
                              $"managed {before.ManagedBytes / 1048576.0:N1} -> {after.ManagedBytes / 1048576.0:N1} MB ({managed:N0} KB/circuit); " +
                              $"working set {before.WorkingSetBytes / 1048576.0:N1} -> {after.WorkingSetBytes / 1048576.0:N1} MB ({workingSet:N0} KB/circuit); load {load}");

            if (holdSeconds > 0)
            {
                Console.WriteLine($"Holding the server (pid {server.Id}) for {holdSeconds} s");
                await Task.Delay(TimeSpan.FromSeconds(holdSeconds));
            }

            // Interactions: each clicker owns every clickers-th session, so one session never has two clicks in flight.
            var latencies = new List<double>();
            var failed = 0;
            var perClicker = clickCount / clickers;
            await Task.WhenAll(Enumerable.Range(0, clickers).Select(async c =>
            {
                var random = new Random(c);
                var mine = sessions.Where((_, i) => i % clickers == c).ToList();
                for (var k = 0; k < perClicker; k++)
                {
                    var session = mine[random.Next(mine.Count)];
                    try
                    {
                        var took = await session.ClickToggleAsync(TimeSpan.FromSeconds(30));
                        lock (latencies) latencies.Add(took.TotalMilliseconds);
                    }
                    catch (TimeoutException ex)
                    {
                        Interlocked.Increment(ref failed);
                        Console.Error.WriteLine(ex.Message);
                    }
                }
            }));
            var clickLoad = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            var sorted = latencies.Order().ToArray();
            double P(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
            Console.WriteLine($"N={n}: {sorted.Length} clicks by {clickers} clickers, p50 {P(0.5):N0} ms, p95 {P(0.95):N0} ms, max {P(1):N0} ms, failed {failed}; load {clickLoad}");
            var errors = sessions.Where(s => s.Error is not null).Select(s => s.Error).Distinct().Take(3).ToList();
            if (errors.Count > 0)
                Console.WriteLine("Session errors: " + string.Join(" | ", errors));
            return $"| {n} | {managed:N0} KB | {workingSet:N0} KB | {P(0.5):N0} ms | {P(0.95):N0} ms | {P(1):N0} ms | {sorted.Length} ({failed}) | {load} (open), {clickLoad} (clicks) |";
        }
        finally
        {
            await Task.WhenAll(sessions.Select(s => s.DisposeAsync().AsTask()));
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            await cleanup();
        }
    }

    private static async Task<Memory> MemoryAsync(HttpClient http) =>
        await http.GetFromJsonAsync<Memory>("diagnostics/memory") ?? throw new InvalidOperationException("No memory figures.");

    private static async Task SignInAsync(HttpClient http, string email, string password)
    {
        var form = await http.GetStringAsync("Account/Login");
        var input = Regex.Match(form, "<input[^>]*name=\"__RequestVerificationToken\"[^>]*>").Value;
        var token = Regex.Match(input, "value=\"([^\"]+)\"").Groups[1].Value;
        var response = await http.PostAsync("Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}.");
    }

    private static async Task<string> AtlasPathAsync(HttpClient http)
    {
        var page = await http.GetStringAsync("programs");
        var link = Regex.Match(page, "href=\"/?(programs/\\d+)\"[^>]*>\\s*Atlas");
        return link.Success ? "/" + link.Groups[1].Value : throw new InvalidOperationException("No Atlas program on /programs.");
    }
}
