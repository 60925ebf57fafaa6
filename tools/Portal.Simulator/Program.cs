using Portal.Core.Integration.Simulation;
using Portal.Simulator;

// Sends simulated sync telemetry to a running Portal. See README ("Telemetry simulator").
//   dotnet run --project tools/Portal.Simulator -- --url http://localhost:5080 --key portal-demo-ingest-key --rate 20 --duration 60
//   dotnet run --project tools/Portal.Simulator -- --url ... --token <personal token> --program 1 --connections 20 --rate 50

string Option(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine("Portal telemetry simulator\n" +
        "  --url URL            Portal base address (default http://localhost:5080)\n" +
        "  --key SECRET         ingestion key (default the demo key portal-demo-ingest-key)\n" +
        "  --connections-keys A,B  connections the key covers (default the demo's erp-ppm-actuals,po-commitments)\n" +
        "  --token TOKEN --program ID --connections N   register N connections sim-*-NN with a personal token and create their key\n" +
        "  --rate R             runs per second (default 10)   --duration S  seconds (default 60)   --seed N (default 1)");
    return 0;
}

var url = Option("--url", "http://localhost:5080");
var rate = double.Parse(Option("--rate", "10"), System.Globalization.CultureInfo.InvariantCulture);
var duration = TimeSpan.FromSeconds(double.Parse(Option("--duration", "60"), System.Globalization.CultureInfo.InvariantCulture));
var seed = int.Parse(Option("--seed", "1"));
using var http = new HttpClient { BaseAddress = new Uri(url) };
var client = new TelemetryClient(http) { IngestionKey = Option("--key", "portal-demo-ingest-key") };

List<SimulatedConnection> connections;
if (Option("--token", "") is { Length: > 0 } token)
{
    var program = int.Parse(Option("--program", "1"));
    var count = int.Parse(Option("--connections", "10"));
    var systems = Enumerable.Range(1, count).Select(i => new SimulatedSystem($"sim-{seed}-{i:00}", $"Simulated feed {i:00}", "SIM", "PPM",
        i % 3 == 0 ? "Invoices" : i % 3 == 1 ? "Actuals" : "Time entries", new[] { 5, 15, 60 }[i % 3])).ToList();
    foreach (var system in systems)
        await client.RegisterConnectionAsync(token, program, system);
    client.IngestionKey = await client.CreateSourceKeyAsync(token, systems[0].Key);
    Console.WriteLine($"Registered {count} connections in program {program}; created a SIM source-system key.");
    connections = systems.Select(s => new SimulatedConnection(s.Key, TimeSpan.FromMinutes(s.IntervalMinutes))).ToList();
}
else
{
    connections = Option("--connections-keys", "erp-ppm-actuals,po-commitments").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(k => new SimulatedConnection(k, TimeSpan.FromMinutes(15))).ToList();
}

var traffic = new LiveTraffic(client, connections, seed);
Console.WriteLine($"Sending {rate} runs/s for {duration.TotalSeconds:N0} s to {url} over {connections.Count} connections (seed {seed}). Ctrl+C stops.");
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
await traffic.RunAsync(rate, duration, cancel.Token);
Console.WriteLine(traffic.Totals);
return traffic.Totals.Refused == 0 ? 0 : 1;
