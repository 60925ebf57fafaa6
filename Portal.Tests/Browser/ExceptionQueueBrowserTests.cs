using Microsoft.Playwright;
using Portal.Core.Integration.Simulation;
using Portal.Simulator;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// Issue 6 end to end: an integration owner registers a connection and creates its key; the simulator (in process, over
/// loopback) posts normal runs and the tile turns Healthy, a failure burst turns it Failing with its reason, and a
/// reconciliation exception it reports is resolved in the queue with a note.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ExceptionQueueBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Simulated_traffic_turns_a_new_connection_healthy_then_failing_and_its_exception_is_resolved_in_the_queue()
    {
        var it = await fixture.SignInAsync("it@portal.local");
        await PortalUi.OpenAsync(it, "/integration");
        await it.GetByTestId("register-connection").ClickAsync();
        var dialog = it.GetByTestId("register-dialog");
        await dialog.GetByTestId("connection-key").FillAsync("sim-e2e-feed");
        await dialog.GetByTestId("connection-name").FillAsync("Simulated invoice feed");
        await dialog.GetByTestId("connection-source").FillAsync("PPM");
        await dialog.GetByTestId("connection-target").FillAsync("ERP");
        await dialog.GetByTestId("connection-domain").Locator("input").FillAsync("Invoices");
        await dialog.GetByTestId("connection-name").ClickAsync(); // leave the autocomplete so its value is committed
        await dialog.GetByTestId("connection-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        await PortalUi.OpenAsync(it, "/integration/connections/sim-e2e-feed");
        await it.GetByTestId("create-key").ClickAsync();
        var keyDialog = it.GetByTestId("new-key-dialog");
        await keyDialog.GetByTestId("key-create").ClickAsync();
        var secret = await WaitForSecretAsync(keyDialog.GetByTestId("key-secret"));
        await keyDialog.GetByTestId("key-done").ClickAsync();

        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        var feed = new SimulatedConnection("sim-e2e-feed", TimeSpan.FromMinutes(15), 3);
        var traffic = new LiveTraffic(new TelemetryClient(http) { IngestionKey = secret }, [feed], seed: 6);
        Assert.True((await traffic.SendRoundAsync()).Accepted);
        Assert.True((await traffic.SendRoundAsync()).Accepted);
        var tile = it.Locator("[data-testid=connection-tile][data-key=sim-e2e-feed]");
        await PortalUi.OpenAsync(it, "/integration");
        await Expect(tile.GetByTestId("connection-status")).ToHaveTextAsync("Healthy");

        Assert.True((await traffic.SendFailureBurstAsync(feed)).Accepted);
        await PortalUi.OpenAsync(it, "/integration");
        await Expect(tile.GetByTestId("connection-status")).ToHaveTextAsync("Failing");
        await Expect(tile.GetByTestId("tile-reason")).ToContainTextAsync("3 consecutive failed runs (threshold 3)");

        Assert.True((await traffic.SendExceptionAsync(feed)).Accepted);
        await PortalUi.OpenAsync(it, "/integration/exceptions");
        var row = it.GetByTestId("exception-row").Filter(new() { HasText = "Simulated invoice feed" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("unassigned");
        await BrowserFixture.ScreenshotAsync(it, "exception-queue");
        var narrow = await fixture.SignInAsync("pmo@portal.local", width: 400, height: 860);
        await PortalUi.OpenAsync(narrow, "/integration/exceptions");
        await Expect(narrow.GetByTestId("exception-row").Filter(new() { HasText = "Simulated invoice feed" })).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(narrow, "exception-queue-narrow");

        await row.GetByTestId("exception-open").ClickAsync();
        var detail = it.GetByTestId("exception-dialog");
        await detail.GetByTestId("exception-resolve").ClickAsync();
        await Expect(detail).ToContainTextAsync("A resolution note is required.");
        await detail.GetByTestId("exception-text").FillAsync("Invoice corrected in the ERP; totals agree again.");
        await detail.GetByTestId("exception-resolve").ClickAsync();
        await Expect(detail.GetByTestId("exception-state")).ToHaveTextAsync("Resolved by Tomasz Nowak");
        await Expect(detail.GetByTestId("exception-thread")).ToContainTextAsync("Invoice corrected in the ERP");
        await BrowserFixture.ScreenshotAsync(it, "exception-resolved");
        await it.Keyboard.PressAsync("Escape");
        await Expect(it.GetByTestId("exception-row").Filter(new() { HasText = "Simulated invoice feed" })).ToHaveCountAsync(0);
    }

    private static async Task<string> WaitForSecretAsync(ILocator field)
    {
        await Expect(field).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^ing_"));
        return await field.InputValueAsync();
    }
}
