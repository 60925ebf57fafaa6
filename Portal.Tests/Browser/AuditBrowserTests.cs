using Microsoft.Playwright;
using Portal.Core.Auditing;
using Portal.Data.Auditing;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>The audit trail page at /audit: filters narrow the grid on the server, and the export link follows them.</summary>
[Trait("Category", "Browser")]
public sealed class AuditBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task An_administrator_filters_the_trail_by_record_type()
    {
        var type = "Budget" + Guid.NewGuid().ToString("N")[..4];
        var atlas = await PortalUi.ProgramIdAsync(fixture, "Atlas");
        await using (var db = fixture.Server.Database.CreateContext())
        {
            var now = DateTimeOffset.UtcNow;
            db.Audit(new AuditEvent(null, "Priya Natarajan", type, "atlas-capex", "BudgetChanged", atlas, "2400000", "2550000", "Scope added: invoice matching"), now.AddMinutes(-3));
            db.Audit(new AuditEvent(null, "Priya Natarajan", type, "atlas-opex", "BudgetChanged", atlas, "312000", "298000", "Licence renegotiated"), now.AddMinutes(-2));
            db.Audit(new AuditEvent(null, "Daniel Okafor", type, "atlas-capex", "BudgetApproved", atlas, NewValues: "2550000"), now.AddMinutes(-1));
            await db.SaveChangesAsync();
        }
        var admin = await fixture.SignInAsync("admin@portal.local");
        await PortalUi.OpenAsync(admin, "/audit");

        await PortalUi.ChooseAsync(admin, admin.GetByTestId("filter-entity-type"), type);

        var rows = admin.GetByTestId("audit-grid").Locator("tr.rz-data-row");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.First).ToContainTextAsync("BudgetApproved");
        await Expect(rows.Filter(new() { HasText = "DemoDataSeeded" })).ToHaveCountAsync(0);
        await Expect(admin.GetByTestId("export-csv")).ToHaveAttributeAsync("href", $"/api/audit/export.csv?entityType={type}");
        await BrowserFixture.ScreenshotAsync(admin, "audit-filtered");
    }
}
