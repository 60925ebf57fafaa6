using System.Net.Http.Json;
using Microsoft.Playwright;
using Portal.Tests.Infrastructure;
using Portal.Tests.Web;
using Portal.Web.Api;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// An integration owner registers a connection (field errors in place), creates an ingestion key that is shown once, and
/// a sender posting runs with it turns the connection's tile Healthy with its reason.
/// </summary>
[Trait("Category", "Browser")]
public sealed class IntegrationBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task An_integration_owner_registers_a_connection_creates_a_key_and_runs_turn_it_healthy()
    {
        var it = await fixture.SignInAsync("it@portal.local");
        await PortalUi.OpenAsync(it, "/integration");
        var tiles = it.GetByTestId("connection-tile");
        await Expect(tiles.First).ToHaveAttributeAsync("data-key", "po-commitments"); // worst first: failing
        await Expect(tiles.First.GetByTestId("tile-reason")).ToContainTextAsync("4 consecutive failed runs (threshold 3)");
        await BrowserFixture.ScreenshotAsync(it, "integration-tiles");

        await it.GetByTestId("register-connection").ClickAsync();
        var dialog = it.GetByTestId("register-dialog");
        await dialog.GetByTestId("connection-save").ClickAsync();
        await Expect(PortalUi.FieldMessage(it, "connection-key")).ToHaveTextAsync("Key is required.");
        await Expect(PortalUi.FieldMessage(it, "connection-name")).ToHaveTextAsync("Name is required.");
        await BrowserFixture.ScreenshotAsync(it, "integration-register-errors");
        await dialog.GetByTestId("connection-key").FillAsync("ppm-erp-budgets");
        await dialog.GetByTestId("connection-name").FillAsync("Budget baselines to ERP");
        await dialog.GetByTestId("connection-source").FillAsync("PPM");
        await dialog.GetByTestId("connection-target").FillAsync("ERP");
        await dialog.GetByTestId("connection-domain").Locator("input").FillAsync("Budgets");
        await dialog.GetByTestId("connection-name").ClickAsync(); // leave the autocomplete so its value is committed
        await dialog.GetByTestId("connection-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        var tile = it.Locator("[data-testid=connection-tile][data-key=ppm-erp-budgets]");
        await Expect(tile.GetByTestId("connection-status")).ToHaveTextAsync("Unknown");
        await Expect(tile.GetByTestId("tile-reason")).ToHaveTextAsync("No runs reported yet; expected every 15 min.");

        await tile.GetByRole(AriaRole.Link, new() { Name = "Budget baselines to ERP" }).ClickAsync();
        await it.WaitForURLAsync("**/integration/connections/ppm-erp-budgets");
        await Expect(it.GetByTestId("runs-empty")).ToBeVisibleAsync();
        await it.GetByTestId("create-key").ClickAsync();
        var keyDialog = it.GetByTestId("new-key-dialog");
        await keyDialog.GetByTestId("key-name").FillAsync("Budget sender");
        await keyDialog.GetByTestId("key-create").ClickAsync();
        var secretField = keyDialog.GetByTestId("key-secret");
        await Expect(secretField).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^ing_"));
        await Expect(keyDialog.GetByTestId("key-warning")).ToContainTextAsync("shown only once");
        var secret = await secretField.InputValueAsync();
        await BrowserFixture.ScreenshotAsync(it, "integration-key-shown-once");
        await keyDialog.GetByTestId("key-done").ClickAsync();
        await Expect(keyDialog).ToHaveCountAsync(0);
        var row = it.GetByTestId("key-row").Filter(new() { HasText = "Budget sender" });
        await Expect(row).ToContainTextAsync(secret[..12] + "…");
        await Expect(it.Locator($"text={secret}")).ToHaveCountAsync(0);

        using var sender = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        sender.DefaultRequestHeaders.Add(TelemetryApi.HeaderName, secret);
        var posted = await sender.PostAsJsonAsync(TelemetryApi.RunsPath, new[] { TelemetryApiTests.Run("budget-1", "ppm-erp-budgets") });
        Assert.Equal(System.Net.HttpStatusCode.OK, posted.StatusCode);

        await PortalUi.OpenAsync(it, "/integration");
        await Expect(tile.GetByTestId("connection-status")).ToHaveTextAsync("Healthy");
        await Expect(tile.GetByTestId("tile-reason")).ToHaveTextAsync("Last success 1 min ago; expected every 15 min.");

        var narrow = await fixture.SignInAsync("it@portal.local", width: 400, height: 860);
        await PortalUi.OpenAsync(narrow, "/integration");
        await BrowserFixture.ScreenshotAsync(narrow, "integration-tiles-narrow");
        await PortalUi.OpenAsync(narrow, "/integration/connections/ppm-erp-budgets");
        await Expect(narrow.GetByTestId("run-row")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(narrow, "integration-connection-narrow");
        await narrow.GetByTestId("create-key").ClickAsync();
        var narrowDialog = narrow.GetByTestId("new-key-dialog");
        await narrowDialog.GetByTestId("key-name").FillAsync("All PPM senders");
        await narrowDialog.GetByText("Every PPM connection of").ClickAsync();
        await narrowDialog.GetByTestId("key-create").ClickAsync();
        await Expect(narrowDialog.GetByTestId("key-secret")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^ing_"));
        await BrowserFixture.ScreenshotAsync(narrow, "integration-key-shown-once-narrow");
        await narrowDialog.GetByTestId("key-done").ClickAsync();
        var wide = narrow.GetByTestId("key-row").Filter(new() { HasText = "All PPM senders" });
        await Expect(wide).ToContainTextAsync("All PPM connections");
        await wide.GetByTestId("revoke-key").ClickAsync();
        await PortalUi.ConfirmAsync(narrow, "Revoke");
        await Expect(wide).ToContainTextAsync("revoked");
        await PortalUi.OpenAsync(it, "/integration/connections/po-commitments");
        await Expect(it.GetByTestId("connection-reason")).ToContainTextAsync("consecutive failed runs");
        await BrowserFixture.ScreenshotAsync(it, "integration-connection");
    }
}
