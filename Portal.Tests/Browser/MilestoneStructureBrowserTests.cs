using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// A PMO lead changes the plan of a program of their own (never the demo program): adds a change milestone to a phase,
/// pairs the phase's technical milestone with it, gives it a computed criterion, sees the technical milestone held on
/// the timeline, and removes the milestone again.
/// </summary>
[Trait("Category", "Browser")]
public sealed class MilestoneStructureBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Added = "Steering committee cadence agreed with the sponsor";
    private const string Computed = "Steering sponsor assigned";

    [BrowserFact]
    public async Task Pmo_adds_a_change_milestone_pairs_it_gives_it_a_computed_criterion_and_the_technical_milestone_is_held()
    {
        var pmo = await fixture.SignInAsync("pmo@portal.local");
        var programUrl = await CreateProgramAsync(pmo);
        var discovery = pmo.GetByTestId("phase-Discovery");

        await discovery.GetByTestId("add-milestone").ClickAsync();
        var dialog = pmo.GetByTestId("add-milestone-dialog");
        await dialog.GetByText("Technical", new() { Exact = true }).ClickAsync();
        await Expect(dialog.GetByTestId("pairing-list")).ToContainTextAsync("Stakeholder analysis");
        await BrowserFixture.ScreenshotAsync(pmo, "add-milestone-dialog-technical");
        await dialog.GetByText("Change", new() { Exact = true }).ClickAsync();
        await dialog.GetByTestId("add-milestone-confirm").ClickAsync();
        await Expect(PortalUi.FieldMessage(pmo, "new-milestone-name")).ToHaveTextAsync("Milestone name is required.");
        await dialog.GetByTestId("new-milestone-name").FillAsync(Added);
        await dialog.GetByTestId("new-milestone-description").FillAsync("Monthly steering with the sponsor reviewing adoption figures.");
        await BrowserFixture.ScreenshotAsync(pmo, "add-milestone-dialog");
        await dialog.GetByTestId("add-milestone-confirm").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(discovery).ToContainTextAsync(Added);

        // Pair the phase's technical milestone with the new change milestone as well.
        await discovery.Locator(".phase-milestone").First.Locator("a.milestone-name").ClickAsync();
        await Expect(pmo.GetByTestId("milestone-name")).ToContainTextAsync("Systems audit");
        await BrowserFixture.WaitForInteractiveAsync(pmo);
        await pmo.GetByTestId("milestone-edit").Locator("summary").ClickAsync();
        await Expect(pmo.GetByTestId("pairing-editor")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(pmo, "milestone-edit-panel");
        await pmo.GetByTestId("pairing-editor").GetByLabel(new Regex(Regex.Escape(Added))).CheckAsync();
        await pmo.GetByTestId("save-pairing").ClickAsync();
        await Expect(pmo.Locator(".rz-notification")).ToContainTextAsync("Pairing saved");
        await Expect(pmo.Locator(".paired-row")).ToHaveCountAsync(2);
        await BrowserFixture.ScreenshotAsync(pmo, "milestone-edit-pairing");

        // A computed criterion on the new change milestone: the role is required, and the error sits next to it.
        await pmo.Locator(".paired-row a.milestone-name").Filter(new() { HasText = Added }).ClickAsync();
        await Expect(pmo.GetByTestId("milestone-name")).ToHaveTextAsync(Added);
        await BrowserFixture.WaitForInteractiveAsync(pmo);
        await pmo.GetByTestId("milestone-edit").Locator("summary").ClickAsync();
        var form = pmo.GetByTestId("computed-criterion-form");
        await form.GetByTestId("computed-title").FillAsync(Computed);
        await PortalUi.ChooseAsync(pmo, form.GetByTestId("computed-evaluator"), "Members in a program role");
        await form.GetByTestId("add-computed").ClickAsync();
        await Expect(PortalUi.FieldMessage(pmo, "param-role")).ToHaveTextAsync("Program role is required.");
        await PortalUi.ChooseAsync(pmo, form.GetByTestId("param-role"), "Executive sponsor");
        await BrowserFixture.ScreenshotAsync(pmo, "milestone-edit-computed");
        await form.GetByTestId("add-computed").ClickAsync();
        var criterion = pmo.Locator("article.criterion").Filter(new() { HasText = Computed });
        await Expect(criterion).ToContainTextAsync("Executive sponsor: 0 assigned < 1 required");
        await Expect(pmo.GetByTestId("milestone-history")).ToContainTextAsync("CriterionAdded");
        var changeUrl = new Uri(pmo.Url).PathAndQuery;

        // Back on the timeline the technical milestone is held by both change milestones, and the gate names the new criterion.
        await PortalUi.OpenAsync(pmo, programUrl);
        var technical = discovery.Locator(".phase-milestone").First;
        await Expect(technical.Locator(".gate-note")).ToHaveTextAsync("Held by 2 of 2 paired change milestones");
        await BrowserFixture.ScreenshotAsync(pmo, "timeline-added-milestone");
        await technical.GetByRole(AriaRole.Button, new() { Name = "Complete" }).ClickAsync();
        await Expect(pmo.GetByTestId("gate-refusal")).ToContainTextAsync(Computed);
        await Expect(pmo.GetByTestId("gate-refusal")).ToContainTextAsync("Executive sponsor: 0 assigned < 1 required");
        await pmo.GetByTestId("gate-refusal").GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();

        // Removing it again: the confirmation says which technical milestone stops waiting for it.
        await PortalUi.OpenAsync(pmo, changeUrl);
        await pmo.GetByTestId("milestone-edit").Locator("summary").ClickAsync();
        await pmo.GetByTestId("remove-milestone").ClickAsync();
        var removal = pmo.GetByTestId("remove-milestone-dialog");
        await Expect(removal.GetByTestId("removal-impact")).ToContainTextAsync("Systems audit");
        await BrowserFixture.ScreenshotAsync(pmo, "remove-milestone-dialog");
        await removal.GetByTestId("remove-confirm").ClickAsync();
        await Expect(pmo).ToHaveURLAsync(new Regex(Regex.Escape(programUrl) + "$"));
        await Expect(discovery).Not.ToContainTextAsync(Added);
        await Expect(discovery.Locator(".phase-milestone").First.Locator(".gate-note")).ToHaveTextAsync("Held by 1 of 1 paired change milestone");
        await pmo.SetViewportSizeAsync(430, 900);
        await discovery.GetByTestId("add-milestone").ClickAsync();
        await pmo.GetByTestId("add-milestone-dialog").GetByText("Technical", new() { Exact = true }).ClickAsync();
        await BrowserFixture.ScreenshotAsync(pmo, "add-milestone-dialog-narrow");
    }

    /// <summary>A program of this test's own, created the way a PMO lead creates one; returns its path.</summary>
    private static async Task<string> CreateProgramAsync(IPage pmo)
    {
        await PortalUi.OpenAsync(pmo, "/programs");
        await pmo.GetByTestId("new-program").ClickAsync();
        await PortalUi.Dialog(pmo).GetByTestId("program-name").FillAsync("Keystone " + Guid.NewGuid().ToString("N")[..8] + ": plan changes");
        await PortalUi.Dialog(pmo).GetByTestId("create-program").ClickAsync();
        await Expect(pmo).ToHaveURLAsync(new Regex(@"/programs/\d+$"));
        await BrowserFixture.WaitForInteractiveAsync(pmo);
        return new Uri(pmo.Url).PathAndQuery;
    }
}
