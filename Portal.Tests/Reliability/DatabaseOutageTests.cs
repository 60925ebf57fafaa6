using System.Net;
using Npgsql;
using Portal.Data;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.Reliability;

/// <summary>
/// Issue 8 "Database unavailable for a while": a real Portal process on a private PostgreSQL cluster that the test
/// stops (pg_ctl stop -m fast: open connections are cut) and starts again. While it is down the ingestion API answers
/// 503 problem details with Retry-After and pages show a clear message; when it is back the app recovers by itself.
/// </summary>
public sealed class DatabaseOutageTests(ITestOutputHelper output)
{
    [PostgresFact]
    public async Task While_the_database_is_down_the_api_answers_503_with_retry_after_pages_say_so_and_the_app_recovers_by_itself()
    {
        await using var postgres = await PrivatePostgres.StartAsync();
        await using var database = await TestDatabase.CreatePostgresAsync(migrate: false, adminConnectionString: postgres.AdminConnectionString);
        // Pooled connections, as in production: the stale ones left by the restart must not break requests afterwards.
        var pooled = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = true }.ToString();
        await using var server = await PortalServer.StartAsync(new Dictionary<string, string> { ["ConnectionStrings:Portal"] = pooled }, existing: database);

        var cookie = await NodeClients.SignInCookieAsync(server, "pmo@portal.local");
        using var browser = NodeClients.WithCookie(server, cookie);
        using var ingest = NodeClients.Ingestion(server);
        var acknowledged = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var response = await ingest.PostAsync("/api/telemetry/sync-runs", NodeClients.RunBatch($"outage-before-{i}", 20));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            acknowledged.Add($"outage-before-{i}");
        }
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/portfolio")).StatusCode);

        await postgres.StopAsync();

        var refused = 0;
        for (var i = 0; i < 3; i++)
        {
            var response = await ingest.PostAsync("/api/telemetry/sync-runs", NodeClients.RunBatch($"outage-during-{i}", 20));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"ingestion during the outage answered {(int)response.StatusCode}: {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("database is unavailable", body);
            Assert.NotNull(response.Headers.RetryAfter?.Delta);
            refused++;
        }
        var page = await browser.GetAsync("/portfolio");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains("Portal cannot reach its database", html);
        Assert.DoesNotContain("blazor-error-ui\" style=\"display: block", html);
        Assert.NotNull(page.Headers.RetryAfter);

        await postgres.StartAgainAsync(); // returns once the server accepts connections

        // The very next request must work: no restart of Portal, no stale pooled connection turned into an error.
        var after = await ingest.PostAsync("/api/telemetry/sync-runs", NodeClients.RunBatch("outage-after-0", 20));
        Assert.True(after.StatusCode == HttpStatusCode.OK, $"first ingestion after the database returned answered {(int)after.StatusCode}: {await after.Content.ReadAsStringAsync()}");
        acknowledged.Add("outage-after-0");
        var pageAfter = await browser.GetAsync("/portfolio");
        Assert.Equal(HttpStatusCode.OK, pageAfter.StatusCode);
        Assert.Contains("Atlas", await pageAfter.Content.ReadAsStringAsync());

        await using var db = database.CreateContext();
        var stored = db.SyncRuns.Where(r => r.RunId.StartsWith("outage-")).Select(r => r.RunId).ToList()
            .GroupBy(r => r[..r.LastIndexOf('-')]).ToDictionary(g => g.Key, g => g.Count());
        var lost = acknowledged.Count(b => stored.GetValueOrDefault(b) != 20);
        output.WriteLine($"batches of 20 acknowledged {acknowledged.Count} ({acknowledged.Count * 20} runs), refused with 503 during the outage {refused}, " +
            $"runs stored {stored.Values.Sum()}, acknowledged runs lost {lost * 20}, refused batches stored {stored.Keys.Count(k => k.StartsWith("outage-during"))}");
        Assert.Equal(0, lost);
        Assert.DoesNotContain(stored.Keys, k => k.StartsWith("outage-during"));
    }
}
