using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;
using Portal.Web.Api;

namespace Portal.Tests.Web;

/// <summary>
/// Provisioning over the user API: an integration owner registers a connection and creates a key (shown once, stored
/// hashed, audited) and the key then ingests; other roles 403, non-members 404; list and health read what runs say.
/// </summary>
public sealed class IntegrationApiTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    private static object Connection(string key, string source = "ERP") => new
    {
        key, name = "Invoices to PPM", sourceSystem = source, targetSystem = "PPM", dataDomain = "Invoices", pattern = "event",
        expectedIntervalMinutes = 15, freshnessSlaMinutes = 30, errorRateSlaPercent = 2.5, consecutiveFailureThreshold = 3,
    };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task An_integration_owner_registers_a_connection_creates_a_key_and_the_key_ingests()
    {
        var atlas = await factory.ProgramIdAsync("Atlas");
        var it = await factory.SignedInClientAsync("it@portal.local");

        var created = await JsonAsync(await it.PostAsJsonAsync($"/api/programs/{atlas}/connections", Connection("erp-ppm-invoices")), HttpStatusCode.Created);
        var key = await JsonAsync(await it.PostAsJsonAsync("/api/connections/erp-ppm-invoices/api-keys", new { scope = "connection", name = "Invoices sender" }),
            HttpStatusCode.Created);
        var secret = key.GetProperty("apiKey").GetString()!;
        var sender = factory.CreateClient();
        sender.DefaultRequestHeaders.Add(TelemetryApi.HeaderName, secret);
        var ingested = await sender.PostAsJsonAsync(TelemetryApi.RunsPath, new[] { TelemetryApiTests.Run("inv-1", "erp-ppm-invoices") });
        var health = await JsonAsync(await it.GetAsync("/api/connections/erp-ppm-invoices/health"), HttpStatusCode.OK);
        var list = await JsonAsync(await it.GetAsync($"/api/programs/{atlas}/connections"), HttpStatusCode.OK);

        Assert.Equal(("unknown", "No runs reported yet; expected every 15 min."), (created.GetProperty("status").GetString(), created.GetProperty("reason").GetString()));
        Assert.StartsWith("ing_", secret);
        Assert.Equal("connection", key.GetProperty("scope").GetString());
        Assert.Equal(HttpStatusCode.OK, ingested.StatusCode);
        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.StartsWith("Last success 1 min ago", health.GetProperty("reason").GetString());
        Assert.Equal(1, health.GetProperty("metrics24h").GetProperty("runs").GetInt32());
        Assert.Contains(list.EnumerateArray(), c => c.GetProperty("key").GetString() == "erp-ppm-invoices" && c.GetProperty("status").GetString() == "healthy");
        Assert.Equal("failing", list[0].GetProperty("status").GetString()); // worst first: the demo's po-commitments
        await using var db = factory.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "Registered" && a.EntityType == "IntegrationConnection" && a.ProgramId == atlas));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "IngestionKeyCreated" && a.ProgramId == atlas));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.NewValues!.Contains(secret)));
        Assert.False(await db.IngestionKeys.AnyAsync(k => k.SecretHash == secret || k.DisplayPrefix == secret));
    }

    [Fact]
    public async Task Every_bad_field_is_a_400_with_its_error()
    {
        var atlas = await factory.ProgramIdAsync("Atlas");
        var it = await factory.SignedInClientAsync("it@portal.local");

        var problem = await JsonAsync(await it.PostAsJsonAsync($"/api/programs/{atlas}/connections", new
        {
            key = "Bad Key", name = "", sourceSystem = "ERP", targetSystem = "ERP", dataDomain = "Invoices", pattern = "carrier pigeon",
            expectedIntervalMinutes = 0, freshnessSlaMinutes = 30, errorRateSlaPercent = 2.5, consecutiveFailureThreshold = 3, owner = "viewer@portal.local",
        }), HttpStatusCode.BadRequest);
        var taken = await JsonAsync(await it.PostAsJsonAsync($"/api/programs/{atlas}/connections", Connection("erp-ppm-actuals")), HttpStatusCode.BadRequest);

        Assert.Equal(["key", "name", "targetSystem", "pattern", "expectedIntervalMinutes", "ownerUserId"],
            problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Contains("already used", taken.GetProperty("errors").GetProperty("key")[0].GetString());
    }

    [Fact]
    public async Task Members_without_the_integration_owner_role_get_403_and_non_members_404()
    {
        var atlas = await factory.ProgramIdAsync("Atlas");
        var harbor = await factory.ProgramIdAsync("Harbor");
        var viewer = await factory.SignedInClientAsync("viewer@portal.local");
        var it = await factory.SignedInClientAsync("it@portal.local");

        await JsonAsync(await viewer.PostAsJsonAsync($"/api/programs/{atlas}/connections", Connection("viewer-try")), HttpStatusCode.Forbidden);
        await JsonAsync(await viewer.PostAsJsonAsync("/api/connections/erp-ppm-actuals/api-keys", new { scope = "connection" }), HttpStatusCode.Forbidden);
        await JsonAsync(await viewer.GetAsync("/api/connections/erp-ppm-actuals/health"), HttpStatusCode.OK);
        await JsonAsync(await it.PostAsJsonAsync($"/api/programs/{harbor}/connections", Connection("harbor-try")), HttpStatusCode.NotFound);
        await JsonAsync(await it.GetAsync($"/api/programs/{harbor}/connections"), HttpStatusCode.NotFound);
        await JsonAsync(await it.GetAsync("/api/connections/no-such-connection/health"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync($"/api/programs/{atlas}/connections")).StatusCode);
    }

    [Fact]
    public async Task Owners_belong_to_the_program_scopes_are_checked_and_pmo_leads_make_no_keys()
    {
        var pmo = await factory.SignedInClientAsync("pmo@portal.local");
        var harbor = await factory.ProgramIdAsync("Harbor");
        var admin = await factory.SignedInClientAsync("admin@portal.local");
        await JsonAsync(await admin.PostAsJsonAsync($"/api/programs/{harbor}/connections", new
        {
            key = "psa-hcm-staffing", name = "Staffing", sourceSystem = "PSA", targetSystem = "HCM", dataDomain = "Resources", pattern = "api",
            expectedIntervalMinutes = 60, freshnessSlaMinutes = 120, errorRateSlaPercent = 1, consecutiveFailureThreshold = 2,
            owner = "it@portal.local",
        }), HttpStatusCode.BadRequest); // it@ is no member of Harbor, so cannot own its connection
        var it = await factory.SignedInClientAsync("it@portal.local");

        await JsonAsync(await it.PostAsJsonAsync("/api/connections/ppm-erp-projects/api-keys", new { scope = "everything" }), HttpStatusCode.BadRequest);
        await JsonAsync(await pmo.PostAsJsonAsync("/api/connections/ppm-erp-projects/api-keys", new { scope = "connection" }), HttpStatusCode.Forbidden);
    }
}
