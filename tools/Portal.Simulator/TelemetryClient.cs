using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Portal.Core.Integration;

namespace Portal.Simulator;

/// <summary>What Portal answered to one batch.</summary>
public sealed record BatchResult(int Status, string Body)
{
    public bool Accepted => Status == 200;
}

/// <summary>
/// Talks to Portal's ingestion API with an ingestion key, and (with a personal token) to the provisioning API to register
/// connections and create their key. Null optional fields are left out: the API refuses fields it does not know, and a null
/// is better not sent at all.
/// </summary>
public sealed class TelemetryClient(HttpClient http)
{
    public const string RunsPath = "/api/telemetry/sync-runs";
    public const string ExceptionsPath = "/api/telemetry/reconciliation-exceptions";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string? IngestionKey { get; set; }

    public Task<BatchResult> PostRunsAsync(IReadOnlyList<SyncRunReport> runs, CancellationToken ct = default) => PostAsync(RunsPath, runs, ct);

    public Task<BatchResult> PostExceptionsAsync(IReadOnlyList<ReconciliationExceptionReport> exceptions, CancellationToken ct = default) =>
        PostAsync(ExceptionsPath, exceptions, ct);

    private async Task<BatchResult> PostAsync<T>(string path, IReadOnlyList<T> items, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(items, options: Json) };
        request.Headers.Add("X-Api-Key", IngestionKey ?? throw new InvalidOperationException("No ingestion key: pass --key or --token."));
        using var response = await http.SendAsync(request, ct);
        return new BatchResult((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    /// <summary>Registers a connection in the program over the provisioning API (201), or accepts that it exists already.</summary>
    public async Task RegisterConnectionAsync(string personalToken, int programId, SimulatedSystem connection, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/programs/{programId}/connections")
        {
            Content = JsonContent.Create(new
            {
                key = connection.Key, name = connection.Name, sourceSystem = connection.Source, targetSystem = connection.Target,
                dataDomain = connection.Domain, pattern = "api", expectedIntervalMinutes = connection.IntervalMinutes,
                freshnessSlaMinutes = connection.IntervalMinutes * 2, errorRateSlaPercent = 5, consecutiveFailureThreshold = 3,
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", personalToken);
        using var response = await http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode && !body.Contains("already used"))
            throw new InvalidOperationException($"Registering {connection.Key} failed: {(int)response.StatusCode} {body}");
    }

    /// <summary>Creates a key covering every connection of the program with the connection's source system; returns the secret.</summary>
    public async Task<string> CreateSourceKeyAsync(string personalToken, string connectionKey, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/connections/{connectionKey}/api-keys")
        {
            Content = JsonContent.Create(new { scope = "sourceSystem", name = "Telemetry simulator" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", personalToken);
        using var response = await http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Creating a key for {connectionKey} failed: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("apiKey").GetString()!;
    }
}

/// <summary>A connection the simulator registers for itself.</summary>
public sealed record SimulatedSystem(string Key, string Name, string Source, string Target, string Domain, int IntervalMinutes);
