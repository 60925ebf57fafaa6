using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Sponsorship;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Sponsorship;

namespace Portal.Tests.Web;

/// <summary>The scorecard JSON for members, 404 for everyone else, and the sponsorship log's permissions and audit trail.</summary>
public sealed class ScorecardApiTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    private SponsorshipService Sponsorship => factory.Services.GetRequiredService<SponsorshipService>();

    [Fact]
    public async Task A_member_gets_sections_of_items_with_name_value_status_rule_and_link()
    {
        var atlasId = await factory.ProgramIdAsync("Atlas");
        var client = await factory.SignedInClientAsync("viewer@portal.local");

        var text = await client.GetStringAsync($"/api/programs/{atlasId}/scorecard");
        using var json = JsonDocument.Parse(text);

        var sections = json.RootElement.GetProperty("sections").EnumerateArray().ToList();
        Assert.Equal(["phase-gates", "change-readiness", "training-uat", "decommissioning", "integration-health", "adoption", "sponsorship", "budget"],
            sections.Select(s => s.GetProperty("key").GetString()));
        var items = sections.SelectMany(s => s.GetProperty("items").EnumerateArray()).ToList();
        Assert.All(items, i =>
        {
            Assert.False(string.IsNullOrWhiteSpace(i.GetProperty("name").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(i.GetProperty("value").GetString()));
            Assert.Contains(i.GetProperty("status").GetString(), new[] { "green", "amber", "red", "none" });
            Assert.False(string.IsNullOrWhiteSpace(i.GetProperty("rule").GetString()));
            Assert.Matches($"^(/programs/{atlasId}|/integration)", i.GetProperty("link").GetString());
        });
        string StatusOf(string name) => items.Single(i => i.GetProperty("name").GetString() == name).GetProperty("status").GetString()!;
        // The demo's Atlas in Pilot: Financial analysts 7 of 9 trained (< 90%), two critical UAT failures, an overdue report, 13% budget.
        Assert.Equal("red", StatusOf("Training completion")); // 77.7% is more than 10 points under 90%
        Assert.Equal("red", StatusOf("UAT critical scenarios"));
        Assert.Equal("red", StatusOf("Overdue workarounds"));
        Assert.Equal("amber", StatusOf("Change budget share"));
        Assert.Equal("amber", StatusOf("UAT coverage")); // 90%, 10 points under 100%
        Assert.Equal("none", StatusOf("Adoption reviews"));
        Assert.Equal("red", StatusOf("Connections")); // the demo's PO commitments connection is failing
        Assert.Equal("red", json.RootElement.GetProperty("headline")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_non_member_gets_404_exactly_like_a_missing_program()
    {
        var harborId = await factory.ProgramIdAsync("Harbor");
        var client = await factory.SignedInClientAsync("viewer@portal.local");

        var hidden = await client.GetAsync($"/api/programs/{harborId}/scorecard");
        var missing = await client.GetAsync("/api/programs/999999/scorecard");

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", hidden.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("Harbor", await hidden.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync($"/api/programs/{harborId}/scorecard")).StatusCode);
    }

    [Fact]
    public async Task Only_the_programs_sponsor_logs_actions_only_the_author_changes_them_and_every_change_is_audited()
    {
        var harborId = await factory.ProgramIdAsync("Harbor");
        var sponsor = await factory.DemoUserAsync("sponsor@portal.local");
        var pmo = await factory.DemoUserAsync("pmo@portal.local");
        var admin = await factory.DemoUserAsync("admin@portal.local");
        var viewer = await factory.DemoUserAsync("viewer@portal.local");
        var today = DateTime.UtcNow.Date;
        SponsorshipForm Form(string note) => new() { Kind = SponsorshipKind.Communication, Date = today, Note = note };

        Assert.False((await Sponsorship.RecordAsync(harborId, Form("On the sponsor's behalf"), pmo)).Succeeded);
        Assert.False((await Sponsorship.RecordAsync(harborId, Form("Admin"), admin)).Succeeded);
        Assert.False((await Sponsorship.RecordAsync(harborId, Form("Not a member"), viewer)).Succeeded);
        Assert.Null(await Sponsorship.GetAsync(harborId, viewer));
        var future = await Sponsorship.RecordAsync(harborId, new SponsorshipForm { Kind = SponsorshipKind.Communication, Date = today.AddDays(1), Note = "x" }, sponsor);
        Assert.Equal("Date", Assert.Single(future.Errors).Field);

        var before = (await Sponsorship.GetAsync(harborId, pmo))!;
        var id = (await Sponsorship.RecordAsync(harborId, Form("All-hands note quoting the live utilisation figures."), sponsor)).Value;
        var after = (await Sponsorship.GetAsync(harborId, pmo))!;
        Assert.Equal(before.Cadence.Number + 1, after.Cadence.Number);
        Assert.False(after.CanRecord);
        Assert.False(after.Entries.Single(e => e.Id == id).CanChange);
        Assert.True((await Sponsorship.GetAsync(harborId, sponsor))!.Entries.Single(e => e.Id == id).CanChange);

        Assert.False((await Sponsorship.EditAsync(id, Form("PMO rewrite"), pmo)).Succeeded);
        Assert.False((await Sponsorship.RemoveAsync(id, pmo)).Succeeded);
        Assert.True((await Sponsorship.EditAsync(id, Form("All-hands note quoting the live utilisation and cost-rate figures."), sponsor)).Succeeded);
        Assert.True((await Sponsorship.RemoveAsync(id, sponsor)).Succeeded);

        await using var db = factory.CreateDbContext();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == SponsorshipService.EntityType && a.EntityId == id.ToString())
            .OrderBy(a => a.Sequence).ToListAsync();
        Assert.Equal(["Logged", "Edited", "Removed"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal((sponsor.Id, harborId), (a.ActorUserId, a.ProgramId)));
        Assert.Contains("cost-rate", audit[1].NewValues);
        Assert.Contains("utilisation figures", audit[1].OldValues);
        Assert.False(await db.SponsorshipActions.AnyAsync(a => a.Id == id));
    }
}
