using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Core.Programs;
using Portal.Data.Auditing;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

/// <summary>The audit trail over HTTP: chain verification for administrators, CSV export under the page's rules.</summary>
public sealed class AuditApiTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    private static readonly string[] Header =
        ["sequence", "occurredUtc", "actorName", "actorUserId", "programId", "entityType", "entityId", "action", "oldValues", "newValues", "reason", "hash"];

    [Fact]
    public async Task Verify_reports_an_intact_chain_to_an_administrator()
    {
        var client = await factory.SignedInClientAsync("admin@portal.local");

        var response = await client.GetAsync("/api/audit/verify");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(json.RootElement.GetProperty("intact").GetBoolean());
        Assert.True(json.RootElement.GetProperty("entriesChecked").GetInt64() >= 1);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("firstBrokenSequence").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("problem").ValueKind);
    }

    [Fact]
    public async Task Verify_is_403_problem_for_a_pmo_lead_and_401_for_anonymous()
    {
        var pmo = await factory.SignedInClientAsync("pmo@portal.local");

        var forbidden = await pmo.GetAsync("/api/audit/verify");
        var anonymous = await factory.CreateBrowserLikeClient().GetAsync("/api/audit/verify");

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Export_for_an_administrator_has_the_header_and_the_demo_seeding_entry_in_sequence_order()
    {
        var client = await factory.SignedInClientAsync("admin@portal.local");

        var response = await client.GetAsync("/api/audit/export.csv");
        var rows = Csv.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Header, rows[0]);
        var seeded = Assert.Single(rows, r => r[7] == "DemoDataSeeded");
        Assert.Equal("System", seeded[2]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$", seeded[1]);
        Assert.Equal(64, seeded[11].Length);
        var sequences = rows.Skip(1).Select(r => long.Parse(r[0])).ToList();
        Assert.Equal(sequences.Order(), sequences);
    }

    [Fact]
    public async Task Export_quotes_commas_and_quotes_and_neutralises_formulas()
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        await AuditAsync(new AuditEvent(null, "Tester", "CsvProbe", marker, "Probe",
            OldValues: "=HYPERLINK(\"http://evil.example\")", NewValues: "a, \"quoted\" value", Reason: "@SUM(A1)"));
        var client = await factory.SignedInClientAsync("admin@portal.local");

        var text = await client.GetStringAsync($"/api/audit/export.csv?entityType=CsvProbe&search={marker}");
        var rows = Csv.Parse(text);

        Assert.Contains("\"a, \"\"quoted\"\" value\"", text);
        var row = Assert.Single(rows.Skip(1));
        Assert.Equal("'=HYPERLINK(\"http://evil.example\")", row[8]);
        Assert.Equal("a, \"quoted\" value", row[9]);
        Assert.Equal("'@SUM(A1)", row[10]);
    }

    [Fact]
    public async Task A_pmo_leads_export_holds_only_entries_of_programs_they_lead()
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        var (atlas, other) = (await ProgramIdAsync("Atlas"), await ProgramNotLedByPmoAsync());
        await AuditAsync(new AuditEvent(null, "Tester", "ScopeProbe", marker, "InAtlas", atlas));
        await AuditAsync(new AuditEvent(null, "Tester", "ScopeProbe", marker, "InOther", other));
        await AuditAsync(new AuditEvent(null, "Tester", "ScopeProbe", marker, "SystemWide"));
        var led = await ProgramsLedByAsync("pmo@portal.local");
        var client = await factory.SignedInClientAsync("pmo@portal.local");

        var rows = Csv.Parse(await client.GetStringAsync("/api/audit/export.csv")).Skip(1).ToList();

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains(int.Parse(r[4]), led));
        Assert.Contains(rows, r => r[6] == marker && r[7] == "InAtlas");
        Assert.DoesNotContain(rows, r => r[6] == marker && r[7] is "InOther" or "SystemWide");
        Assert.DoesNotContain(rows, r => r[7] == "DemoDataSeeded");
    }

    [Fact]
    public async Task A_viewer_gets_403_for_the_export()
    {
        var client = await factory.SignedInClientAsync("viewer@portal.local");

        var response = await client.GetAsync("/api/audit/export.csv");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_page_tells_a_viewer_they_have_no_access_and_opens_for_a_pmo_lead()
    {
        var viewer = await factory.SignedInClientAsync("viewer@portal.local");
        var pmo = await factory.SignedInClientAsync("pmo@portal.local");

        var refused = await viewer.GetStringAsync("/audit");
        var shown = await pmo.GetStringAsync("/audit");

        Assert.Contains("You do not have access to this page", refused);
        Assert.DoesNotContain("data-testid=\"audit-grid\"", refused);
        Assert.Contains("data-testid=\"audit-filters\"", shown);
        Assert.DoesNotContain("data-testid=\"verify-chain\"", shown);
    }

    private async Task AuditAsync(AuditEvent e)
    {
        _ = factory.Server;
        await using var db = factory.CreateDbContext();
        db.Audit(e, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    }

    private async Task<int> ProgramIdAsync(string prefix)
    {
        _ = factory.Server;
        await using var db = factory.CreateDbContext();
        return await db.Programs.Where(p => p.Name.StartsWith(prefix)).Select(p => p.Id).SingleAsync();
    }

    private async Task<int> ProgramNotLedByPmoAsync()
    {
        await using var db = factory.CreateDbContext();
        var admin = await db.Users.Where(u => u.Email == "admin@portal.local").Select(u => u.Id).SingleAsync();
        var program = PortalProgram.Create("Scope probe " + Guid.NewGuid().ToString("N")[..6], "Led by the administrator only.", ["ERP"],
            DateOnly.FromDateTime(DateTime.UtcNow).AddDays(90), DateTimeOffset.UtcNow).Value;
        program.SetMember(admin, ProgramRole.PmoLead, DateTimeOffset.UtcNow);
        db.Programs.Add(program);
        await db.SaveChangesAsync();
        return program.Id;
    }

    private async Task<HashSet<int>> ProgramsLedByAsync(string email)
    {
        await using var db = factory.CreateDbContext();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return (await db.ProgramMembers.Where(m => m.UserId == id && m.Role == ProgramRole.PmoLead).Select(m => m.ProgramId).ToListAsync()).ToHashSet();
    }

    /// <summary>A small RFC 4180 reader, independent of the production writer.</summary>
    private static class Csv
    {
        public static List<string[]> Parse(string text)
        {
            var rows = new List<string[]>();
            var row = new List<string>();
            var field = new System.Text.StringBuilder();
            var quoted = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else if (c == '"') quoted = false;
                    else field.Append(c);
                }
                else if (c == '"') quoted = true;
                else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
                else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') { i++; row.Add(field.ToString()); field.Clear(); rows.Add([.. row]); row.Clear(); }
                else field.Append(c);
            }
            if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add([.. row]); }
            return rows;
        }
    }
}
