using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;
using Portal.Web.Api;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Demo;
using Portal.Web.Features.Integration;

namespace Portal.Tests.Web;

/// <summary>
/// The ingestion API against the demo data (the demo key covers Atlas's ERP-sourced connections): all or nothing, every
/// bad item named by index and field, duplicates harmless, 401/403 by key, 429 with Retry-After.
/// </summary>
public sealed class TelemetryApiTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    private const string Connection = "erp-ppm-actuals";

    internal static Dictionary<string, object?> Run(string runId, string connection = Connection, string status = "succeeded", int minutesAgo = 1) => new()
    {
        ["runId"] = runId, ["connection"] = connection,
        ["startedAt"] = DateTimeOffset.UtcNow.AddMinutes(-minutesAgo - 2).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz"),
        ["finishedAt"] = DateTimeOffset.UtcNow.AddMinutes(-minutesAgo).ToString("yyyy-MM-ddTHH:mm:ssZ").Replace("+00:00Z", "Z"),
        ["status"] = status, ["recordsRead"] = 120, ["recordsWritten"] = 118, ["recordsFailed"] = 2, ["retries"] = 0, ["deadLettered"] = 0,
    };

    private static Dictionary<string, object?> With(Dictionary<string, object?> item, string field, object? value)
    {
        item[field] = value;
        return item;
    }

    private HttpClient Client(string? key = IntegrationDemoData.DemoKeySecret)
    {
        var client = factory.CreateClient();
        if (key is not null)
            client.DefaultRequestHeaders.Add(TelemetryApi.HeaderName, key);
        return client;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private async Task<int> StoredAsync(string prefix)
    {
        await using var db = factory.CreateDbContext();
        return await db.SyncRuns.CountAsync(r => r.RunId.StartsWith(prefix));
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static List<(int Index, string Field, string Message)> Errors(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("index").GetInt32(), e.GetProperty("field").GetString()!, e.GetProperty("message").GetString()!)).ToList();

    [Fact]
    public async Task A_batch_is_accepted_and_sending_it_again_counts_duplicates()
    {
        var batch = Enumerable.Range(0, 50).Select(i => Run($"ok-{i}")).ToList();

        var first = await Client().PostAsJsonAsync(TelemetryApi.RunsPath, batch);
        var again = await Client().PostAsJsonAsync(TelemetryApi.RunsPath, batch.Take(20).Append(Run("ok-50")));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("{\"accepted\":50,\"duplicates\":0}", await first.Content.ReadAsStringAsync());
        Assert.Equal("{\"accepted\":1,\"duplicates\":20}", await again.Content.ReadAsStringAsync());
        Assert.Equal(51, await StoredAsync("ok-"));
        await using var db = factory.CreateDbContext();
        Assert.NotNull(await db.IngestionKeys.Where(k => k.DisplayPrefix == "portal-demo-").Select(k => k.LastUsedUtc).SingleAsync());
    }

    [Fact]
    public async Task Every_kind_of_bad_item_is_named_by_index_and_field_and_nothing_is_stored()
    {
        var items = new List<object?>
        {
            Run("fz-0"), // good, but the batch is refused as a whole
            With(Run("fz-1"), "startedAt", "2026-11-22T09:00:00"), // no offset
            With(Run("fz-2"), "recordsRead", -5),
            With(Run("fz-3"), "recordsWritten", "many"),
            With(Run("fz-4"), "recordsFailed", 1e30),
            With(Run("fz-5"), "status", "done"),
            Run("fz-0"), // repeats index 0 within the batch
            Run("fz-7", connection: "no-such-connection"),
            With(Run("fz-8"), "finishedAt", "2020-01-01T00:00:00Z"), // before startedAt
            With(Run("fz-9"), "replayOf", "never-sent"),
            With(Run("fz-10"), "recordsRaed", 3),
            42,
        };

        var response = await Client().PostAsJsonAsync(TelemetryApi.RunsPath, items);

        var errors = Errors(await ProblemAsync(response, HttpStatusCode.BadRequest));
        Assert.Equal(
            [(1, "startedAt"), (2, "recordsRead"), (3, "recordsWritten"), (4, "recordsFailed"), (5, "status"), (6, "runId"), (7, "connection"),
                (8, "finishedAt"), (9, "replayOf"), (10, "recordsRaed"), (11, "")],
            errors.Select(e => (e.Index, e.Field)));
        Assert.Contains("not an ISO 8601 date and time with an offset", errors[0].Message);
        Assert.Contains("must not be negative", errors[1].Message);
        Assert.Equal("recordsWritten must be a number, not a string.", errors[2].Message);
        Assert.Contains("within range", errors[3].Message);
        Assert.Contains("first at index 0", errors[5].Message);
        Assert.Contains("No connection with the key 'no-such-connection'", errors[6].Message);
        Assert.Equal(0, await StoredAsync("fz-"));
    }

    [Theory]
    [InlineData("[{\"runId\": \"bad\",}]", 1, 18)]
    [InlineData("[\n  {\"runId\": \"a\"},\n  {\"runId\" \"b\"}\n]", 3, 12)]
    [InlineData("", 1, 1)]
    public async Task Malformed_json_is_a_400_with_line_and_position(string body, int line, int position)
    {
        var problem = await ProblemAsync(await Client().PostAsync(TelemetryApi.RunsPath, Json(body)), HttpStatusCode.BadRequest);
        Assert.Equal((line, position), (problem.GetProperty("line").GetInt32(), problem.GetProperty("position").GetInt32()));
        Assert.StartsWith($"Malformed JSON at line {line}, position {position}:", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_body_that_is_not_an_array_or_too_long_is_refused_whole()
    {
        var notArray = await ProblemAsync(await Client().PostAsync(TelemetryApi.RunsPath, Json("{\"runId\":\"x\"}")), HttpStatusCode.BadRequest);
        var tooMany = await ProblemAsync(await Client().PostAsync(TelemetryApi.RunsPath, Json("[" + string.Join(",", Enumerable.Repeat("{}", 5001)) + "]")),
            HttpStatusCode.BadRequest);
        Assert.Contains("must be a JSON array of sync runs, not an object", notArray.GetProperty("detail").GetString());
        Assert.Contains("at most 5,000", tooMany.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_stored_run_id_with_other_content_is_an_invalid_item()
    {
        Assert.Equal(HttpStatusCode.OK, (await Client().PostAsJsonAsync(TelemetryApi.RunsPath, new[] { Run("chg-1") })).StatusCode);
        var changed = Run("chg-1", status: "failed");

        var response = await Client().PostAsJsonAsync(TelemetryApi.RunsPath, new[] { Run("chg-2"), changed });

        var error = Assert.Single(Errors(await ProblemAsync(response, HttpStatusCode.BadRequest)));
        Assert.Equal((1, "runId"), (error.Index, error.Field));
        Assert.Contains("already stored for this connection with different content", error.Message);
        Assert.Equal(1, await StoredAsync("chg-"));
    }

    [Fact]
    public async Task A_replay_of_a_run_in_the_same_batch_or_stored_is_accepted()
    {
        var replay = With(Run("rp-2"), "replayOf", "rp-1");
        var later = With(Run("rp-3"), "replayOf", "rp-1");

        var response = await Client().PostAsJsonAsync(TelemetryApi.RunsPath, new[] { Run("rp-1", status: "failed"), replay });
        var second = await Client().PostAsJsonAsync(TelemetryApi.RunsPath, new[] { later });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(3, await StoredAsync("rp-"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ing_unknown-key")]
    public async Task No_or_an_unknown_key_is_401(string? key)
    {
        var problem = await ProblemAsync(await Client(key).PostAsJsonAsync(TelemetryApi.RunsPath, new[] { Run("anon-1") }), HttpStatusCode.Unauthorized);
        Assert.Contains("X-Api-Key", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await StoredAsync("anon-"));
    }

    [Fact]
    public async Task The_same_batch_sent_twice_at_once_is_stored_once()
    {
        var batch = Enumerable.Range(0, 200).Select(i => Run($"race-{i}")).ToList();

        var answers = await Task.WhenAll(Client().PostAsJsonAsync(TelemetryApi.RunsPath, batch), Client().PostAsJsonAsync(TelemetryApi.RunsPath, batch));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var bodies = (await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()))).Order().ToList();
        Assert.Equal(["{\"accepted\":0,\"duplicates\":200}", "{\"accepted\":200,\"duplicates\":0}"], bodies);
        Assert.Equal(200, await StoredAsync("race-"));
    }

    [Fact]
    public async Task A_revoked_key_is_401()
    {
        var it = await factory.DemoUserAsync("it@portal.local");
        var integration = factory.Services.GetRequiredService<IntegrationService>();
        var issued = (await integration.CreateKeyAsync("erp-ppm-actuals", false, "short-lived", it)).Value!;
        Assert.Equal(HttpStatusCode.OK, (await Client(issued.Secret).PostAsJsonAsync(TelemetryApi.RunsPath, new[] { Run("rev-1") })).StatusCode);

        Assert.True((await integration.RevokeKeyAsync("erp-ppm-actuals", issued.Key.Id, it)).Value);

        await ProblemAsync(await Client(issued.Secret).PostAsJsonAsync(TelemetryApi.RunsPath, new[] { Run("rev-2") }), HttpStatusCode.Unauthorized);
        Assert.Equal(1, await StoredAsync("rev-"));
        await using var db = factory.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "IngestionKeyRevoked" && a.EntityId == issued.Key.Id.ToString()));
    }

    [Fact]
    public async Task A_connection_the_key_does_not_cover_is_403_for_the_whole_batch()
    {
        // ppm-erp-projects comes from the PPM; the demo key covers Atlas's ERP-sourced connections.
        var response = await Client().PostAsJsonAsync(TelemetryApi.RunsPath, new[] { Run("cov-1"), Run("cov-2", connection: "ppm-erp-projects") });

        var problem = await ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("does not cover the connection ppm-erp-projects", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await StoredAsync("cov-"));
    }

    [Fact]
    public async Task Reconciliation_exceptions_are_ingested_the_same_way()
    {
        var good = new Dictionary<string, object?>
        {
            ["exceptionId"] = "rx-api-1", ["connection"] = "po-commitments", ["detectedAt"] = DateTimeOffset.UtcNow.AddMinutes(-3).ToString("O"),
            ["objectType"] = "Purchase order", ["objectKey"] = "PO-9001", ["sourceValue"] = "100.00", ["targetValue"] = "90.00",
            ["amountDelta"] = -10.5, ["currency"] = "EUR",
        };
        var bad = new Dictionary<string, object?>(good) { ["exceptionId"] = "rx-api-2", ["currency"] = "euro", ["amountDelta"] = "ten" };

        var refused = await Client().PostAsJsonAsync(TelemetryApi.ExceptionsPath, new[] { good, bad });
        var accepted = await Client().PostAsJsonAsync(TelemetryApi.ExceptionsPath, new[] { good });
        var again = await Client().PostAsJsonAsync(TelemetryApi.ExceptionsPath, new[] { good });

        Assert.Equal([(1, "amountDelta"), (1, "currency")], Errors(await ProblemAsync(refused, HttpStatusCode.BadRequest)).Select(e => (e.Index, e.Field)).Order());
        Assert.Equal("{\"accepted\":1,\"duplicates\":0}", await accepted.Content.ReadAsStringAsync());
        Assert.Equal("{\"accepted\":0,\"duplicates\":1}", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_telemetry_endpoints_with_the_ingestion_key()
    {
        using var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));
        var root = document.RootElement;
        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("IngestionKey");
        Assert.Equal(("apiKey", "header", "X-Api-Key"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("in").GetString(), scheme.GetProperty("name").GetString()));
        var post = root.GetProperty("paths").GetProperty(TelemetryApi.RunsPath).GetProperty("post");
        Assert.True(post.GetProperty("security")[0].TryGetProperty("IngestionKey", out _));
    }

    [Fact]
    public async Task Over_the_keys_rate_the_answer_is_429_with_retry_after()
    {
        await using var limited = new PortalWebFactory();
        limited.Settings["Portal:Telemetry:RequestsPerSecond"] = "1";
        limited.Settings["Portal:Telemetry:Burst"] = "1";
        var client = limited.CreateClient();
        client.DefaultRequestHeaders.Add(TelemetryApi.HeaderName, IntegrationDemoData.DemoKeySecret);

        var first = await client.PostAsJsonAsync(TelemetryApi.RunsPath, new[] { Run("rl-1") });
        var second = await client.PostAsJsonAsync(TelemetryApi.RunsPath, new[] { Run("rl-2") });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await ProblemAsync(second, HttpStatusCode.TooManyRequests);
        Assert.True(int.Parse(second.Headers.GetValues("Retry-After").Single()) >= 1);
    }

    [Fact]
    public async Task A_body_over_10_MB_is_413_on_the_real_server()
    {
        await using var server = await PortalServer.StartAsync();
        // The client waits for the server's answer to the headers however long a loaded machine takes; after the default
        // one second it would start writing the 10 MB and meet a closed connection instead of the 413.
        using var handler = new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(60) };
        using var client = new HttpClient(handler) { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Add(TelemetryApi.HeaderName, IntegrationDemoData.DemoKeySecret);
        var item = JsonSerializer.Serialize(Run("big"));
        var body = "[" + string.Join(",", Enumerable.Repeat(item, 1 + (int)(TelemetryApi.MaxBodyBytes / item.Length))) + "]";
        Assert.True(Encoding.UTF8.GetByteCount(body) > TelemetryApi.MaxBodyBytes);

        // Expect: 100-continue, as a well-behaved sender of a large body does: the server refuses on the Content-Length
        // alone, so the client is not cut off while still writing 10 MB.
        using var request = new HttpRequestMessage(HttpMethod.Post, TelemetryApi.RunsPath) { Content = Json(body) };
        request.Headers.ExpectContinue = true;
        var response = await client.SendAsync(request);

        var problem = await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
        await using var db = server.Database.CreateContext();
        Assert.False(await db.SyncRuns.AnyAsync(r => r.RunId == "big"));
    }
}
