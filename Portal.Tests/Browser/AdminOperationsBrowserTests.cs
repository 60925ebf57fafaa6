using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>The administrator's operations pages: background jobs and the audit trail.</summary>
[Trait("Category", "Browser")]
public sealed class AdminOperationsBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Jobs_page_lists_the_audit_chain_job_with_its_next_fire_time()
    {
        var admin = await fixture.SignInAsync("admin@portal.local");
        await PortalUi.OpenAsync(admin, "/admin/jobs");

        var job = AuditChainJobRow(admin);
        await Expect(job).ToContainTextAsync("Every night at 02:30 UTC");
        await Expect(NextFireCell(job)).ToHaveTextAsync(new Regex(@"^\d{4}-\d{2}-\d{2} 02:30$"));
        await BrowserFixture.ScreenshotAsync(admin, "admin-jobs");
    }

    [BrowserFact]
    public async Task Run_now_records_a_succeeded_outcome()
    {
        var admin = await fixture.SignInAsync("admin@portal.local");
        await PortalUi.OpenAsync(admin, "/admin/jobs");
        var job = AuditChainJobRow(admin);

        await job.GetByRole(AriaRole.Button, new() { Name = "Run now" }).ClickAsync();
        await Expect(admin.Locator(".rz-notification")).ToContainTextAsync("audit-chain-verification started; its outcome appears in the list when it finishes.");

        // The job runs on the scheduler's thread; the page follows the run and shows its outcome without a refresh.
        await Expect(job.Locator(".rz-badge")).ToHaveTextAsync("Succeeded", new() { Timeout = 15_000 });
        await Expect(job).ToContainTextAsync(new Regex(@"\d+ audit entr(y|ies) verified; chain intact\."));
        await BrowserFixture.ScreenshotAsync(admin, "admin-jobs-after-run");
    }

    [BrowserFact]
    public async Task Verify_chain_reports_the_chain_intact()
    {
        var admin = await fixture.SignInAsync("admin@portal.local");
        await PortalUi.OpenAsync(admin, "/admin/audit");

        await admin.GetByTestId("verify-chain").ClickAsync();

        await Expect(admin.GetByTestId("chain-report")).ToHaveTextAsync(new Regex(@"^\s*Chain intact: \d+ entr(y|ies) verified\.\s*$"));
        await BrowserFixture.ScreenshotAsync(admin, "admin-audit");
    }

    [BrowserFact]
    public async Task Audit_search_finds_the_demo_seeding_entry()
    {
        var admin = await fixture.SignInAsync("admin@portal.local");
        await PortalUi.OpenAsync(admin, "/admin/audit");

        await admin.Locator("input.search-box").FillAsync("DemoDataSeeded");

        var rows = admin.GetByTestId("audit-grid").Locator("tr.rz-data-row");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync("System");
        await Expect(rows).ToContainTextAsync("7 users; programs");
    }

    [BrowserFact]
    public async Task Audit_trail_lists_entries_when_the_page_opens()
    {
        var admin = await fixture.SignInAsync("admin@portal.local");
        await PortalUi.OpenAsync(admin, "/admin/audit");

        var rows = admin.GetByTestId("audit-grid").Locator("tr.rz-data-row");
        await Expect(rows.First).ToBeVisibleAsync();
        await Expect(rows.Filter(new() { HasText = "DemoDataSeeded" })).ToHaveCountAsync(1);
    }

    private static ILocator AuditChainJobRow(IPage admin) =>
        admin.GetByTestId("jobs-grid").Locator("tr.rz-data-row").Filter(new() { HasText = "audit-chain-verification" });

    // Columns: Job, Trigger (with its state), Last fired, Next fire, Last outcome, Run now.
    private static ILocator NextFireCell(ILocator row) => row.Locator("td").Nth(3);
}
