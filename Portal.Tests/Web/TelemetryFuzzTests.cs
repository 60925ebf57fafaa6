using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;
using Portal.Web.Api;
using Portal.Web.Demo;

namespace Portal.Tests.Web;

/// <summary>
/// A generated set on top of TelemetryApiTests' hand-picked cases: every field of a valid run and exception is replaced
/// by wrong types, huge and negative numbers, bad dates and bad texts, one at a time next to a good item; and valid
/// bodies are cut at many points. Each must be a 400 naming index 1 and that field (or the JSON position), with nothing stored.
/// </summary>
public sealed class TelemetryFuzzTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    private static readonly JsonNode?[] WrongTypes = [true, new JsonObject(), new JsonArray(1, 2), null];
    private static readonly JsonNode?[] BadNumbers = ["12", -1, 1.5, 1e300, JsonNode.Parse("9223372036854775808"), 1_000_000_000_001L];
    private static readonly JsonNode?[] BadDates = ["2026-13-01T00:00:00Z", "yesterday", 20261122, "2026-11-22T09:00:00+25:00", "2101-01-01T00:00:00Z",
        "1999-12-31T23:00:00Z", "2026-11-22 09:00", ""];
    private static readonly JsonNode?[] BadTexts = [new string('x', 101), "", 17];

    private HttpClient Client()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(TelemetryApi.HeaderName, IntegrationDemoData.DemoKeySecret);
        return client;
    }

    private static JsonObject GoodRun(string id) => JsonSerializer.SerializeToNode(TelemetryApiTests.Run(id))!.AsObject();

    private static JsonObject GoodException(string id) => new()
    {
        ["exceptionId"] = id, ["connection"] = "erp-ppm-actuals", ["detectedAt"] = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O"),
        ["objectType"] = "Invoice", ["objectKey"] = "INV-1", ["sourceValue"] = "10.00", ["targetValue"] = "9.00", ["amountDelta"] = -1.0, ["currency"] = "EUR",
    };

    private static IEnumerable<(string Field, JsonNode? Value)> RunMutations() =>
        new[] { "recordsRead", "recordsWritten", "recordsFailed", "retries", "deadLettered" }.SelectMany(f => BadNumbers.Concat(WrongTypes).Select(v => (f, v)))
            .Concat(new[] { "startedAt", "finishedAt" }.SelectMany(f => BadDates.Concat(WrongTypes).Select(v => (f, v))))
            .Concat(new[] { "runId", "connection" }.SelectMany(f => BadTexts.Concat(WrongTypes).Select(v => (f, v))))
            .Concat(new JsonNode?[] { "Succeeded", "ok", "", 1, null }.Select(v => ("status", v)))
            .Concat(new JsonNode?[] { new string('e', 101), 5 }.Select(v => ("errorCode", v)))
            // A blank optional text counts as absent (TelemetryRules.Optional), so only wrong types and lengths are bad here.
            .Concat(new JsonNode?[] { new string('r', 101), 3, true }.Select(v => ("replayOf", v)));

    private static IEnumerable<(string Field, JsonNode? Value)> ExceptionMutations() =>
        new[] { ("amountDelta", (JsonNode?)1e13), ("amountDelta", "ten"), ("amountDelta", 0.00001), ("currency", "eur"), ("currency", 978),
            ("detectedAt", "2026-02-30T00:00:00Z"), ("detectedAt", "2101-01-01T00:00:00Z"), ("objectType", ""), ("objectType", new string('t', 61)),
            ("objectKey", null), ("sourceValue", new string('s', 501)), ("exceptionId", new string('x', 101)), ("connection", "no-such-connection") };

    private static JsonNode? Copy(JsonNode? value) => value?.DeepClone();

    [Fact]
    public async Task Every_field_replaced_by_a_bad_value_is_refused_naming_that_field_and_nothing_is_stored()
    {
        var failures = new List<string>();
        var n = 0;
        foreach (var (field, value) in RunMutations())
        {
            var bad = GoodRun($"gf-{n}-b");
            bad[field] = Copy(value);
            await ExpectRefusedAsync(TelemetryApi.RunsPath, new JsonArray(GoodRun($"gf-{n}-a"), bad), field, value, failures);
            n++;
        }
        foreach (var (field, value) in ExceptionMutations())
        {
            var bad = GoodException($"gx-{n}-b");
            bad[field] = Copy(value);
            await ExpectRefusedAsync(TelemetryApi.ExceptionsPath, new JsonArray(GoodException($"gx-{n}-a"), bad), field, value, failures);
            n++;
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {n} generated cases misbehaved:\n" + string.Join("\n", failures));
        Assert.True(n > 100);
        await using var db = factory.CreateDbContext();
        Assert.Equal(0, await db.SyncRuns.CountAsync(r => r.RunId.StartsWith("gf-")));
        Assert.Equal(0, await db.ReconciliationExceptions.CountAsync(e => e.ExceptionId.StartsWith("gx-")));
    }

    [Fact]
    public async Task A_valid_body_cut_anywhere_is_malformed_json_with_a_position_and_nothing_is_stored()
    {
        var body = new JsonArray(GoodRun("cut-1"), GoodRun("cut-2")).ToJsonString();
        var failures = new List<string>();
        for (var length = 1; length < body.Length - 1; length += 7)
        {
            using var response = await Client().PostAsync(TelemetryApi.RunsPath, new StringContent(body[..length], Encoding.UTF8, "application/json"));
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.BadRequest || !text.Contains("Malformed JSON at line 1, position"))
                failures.Add($"cut at {length}: {(int)response.StatusCode} {text}");
        }
        Assert.Empty(failures);
        await using var db = factory.CreateDbContext();
        Assert.Equal(0, await db.SyncRuns.CountAsync(r => r.RunId.StartsWith("cut-")));
    }

    private async Task ExpectRefusedAsync(string path, JsonArray batch, string field, JsonNode? value, List<string> failures)
    {
        var label = $"{path} {field} = {value?.ToJsonString() ?? "null"}";
        using var response = await Client().PostAsync(path, new StringContent(batch.ToJsonString(), Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.BadRequest)
        {
            failures.Add($"{label}: {(int)response.StatusCode} {text}");
            return;
        }
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => (Index: e.GetProperty("index").GetInt32(), Field: e.GetProperty("field").GetString(), Message: e.GetProperty("message").GetString()))
            .ToList();
        if (errors.Count == 0 || errors.Any(e => e.Index != 1) || !errors.Any(e => e.Field == field && !string.IsNullOrWhiteSpace(e.Message)))
            failures.Add($"{label}: {text}");
    }
}
