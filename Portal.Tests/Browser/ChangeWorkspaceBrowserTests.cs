using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Core.Milestones;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// Issue 4 end to end on the demo program: the change lead maps a new group, assesses it into a hotspot, applies the
/// matching playbook, completes an action, re-assesses, and sees the effect; the gate follows: the Discovery stakeholder-map
/// criterion turns met once the group is assessed, and the Build hotspot criterion once the playbook is applied.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ChangeWorkspaceBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Group = "Site engineers";

    [BrowserFact]
    public async Task Change_lead_turns_a_new_hotspot_around_and_the_gate_criteria_follow()
    {
        var atlas = await PortalUi.ProgramIdAsync(fixture, "Atlas");
        var discovery = await ChangeMilestoneAsync(atlas, "Discovery");
        var build = await ChangeMilestoneAsync(atlas, "Build");
        var page = await fixture.SignInAsync("change@portal.local");

        await PortalUi.OpenAsync(page, $"/programs/{atlas}/stakeholders");
        await page.GetByTestId("add-group").ClickAsync();
        var groupDialog = page.GetByTestId("group-dialog");
        await groupDialog.GetByTestId("group-name").FillAsync(Group);
        await groupDialog.GetByTestId("group-description").FillAsync("Engineers on construction sites who book time and raise purchase requests.");
        await groupDialog.GetByTestId("group-save").ClickAsync();
        await Expect(groupDialog).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("groups-assessed")).ToHaveTextAsync("6 of 7");

        var mapCriterion = await CriterionAsync(page, atlas, discovery, "Stakeholder map completed");
        await Expect(mapCriterion).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("criterion-unmet"));
        await Expect(mapCriterion).ToContainTextAsync(Group);

        await PortalUi.OpenAsync(page, $"/programs/{atlas}/stakeholders");
        await page.Locator($"[data-testid=group-row][data-name='{Group}']").GetByTestId("assess-group").ClickAsync();
        await AssessAsync(page, "Resistant", "Site engineers see another booking screen and no benefit yet.");
        await Expect(page.GetByTestId("hotspot-list")).ToContainTextAsync(Group);

        mapCriterion = await CriterionAsync(page, atlas, discovery, "Stakeholder map completed");
        await Expect(mapCriterion).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("criterion-met"));
        var hotspotCriterion = await CriterionAsync(page, atlas, build, "Resistance response playbook applied to every hotspot");
        await Expect(hotspotCriterion).ToContainTextAsync(Group);
        await BrowserFixture.ScreenshotAsync(page, "workspace-build-criterion-unmet");

        await PortalUi.OpenAsync(page, $"/programs/{atlas}/playbooks");
        await page.GetByTestId("playbook-card").Filter(new() { HasText = "PM workload" }).First.GetByTestId("apply-playbook").ClickAsync();
        var apply = page.GetByTestId("apply-dialog");
        await PortalUi.ChooseAsync(page, apply.GetByTestId("apply-target"), Group);
        await apply.GetByTestId("apply-confirm").ClickAsync();
        await Expect(apply).ToHaveCountAsync(0);

        var action = page.GetByTestId("program-actions").GetByTestId("action-card").Filter(new() { HasText = $"PM workload → {Group}" }).First;
        await action.GetByTestId("update-action").ClickAsync();
        var edit = page.GetByTestId("action-dialog");
        await PortalUi.ChooseAsync(page, edit.GetByTestId("action-status"), "Done");
        await edit.GetByTestId("action-outcome").FillAsync("Showed the site engineers their own reconciliation calls from March next to the new view.");
        await edit.GetByTestId("action-save").ClickAsync();
        await Expect(edit).ToHaveCountAsync(0);

        await PortalUi.OpenAsync(page, $"/programs/{atlas}/stakeholders");
        await page.Locator($"[data-testid=group-row][data-name='{Group}']").GetByTestId("assess-group").ClickAsync();
        await AssessAsync(page, "Supportive", "After the walkthrough: fewer calls, and the purchase-request step is gone.");

        await PortalUi.OpenAsync(page, $"/programs/{atlas}/playbooks");
        var applied = page.GetByTestId("applied-row").Filter(new() { HasText = $"PM workload → {Group}" });
        await Expect(applied).ToContainTextAsync("Improved");
        await BrowserFixture.ScreenshotAsync(page, "workspace-playbook-effect");

        hotspotCriterion = await CriterionAsync(page, atlas, build, "Resistance response playbook applied to every hotspot");
        await Expect(hotspotCriterion).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("criterion-met"));
    }

    private static async Task AssessAsync(IPage page, string support, string notes)
    {
        var dialog = page.GetByTestId("assessment-dialog");
        await dialog.GetByTestId("assess-influence").GetByText("5", new() { Exact = true }).ClickAsync();
        await dialog.GetByTestId("assess-impact").GetByText("4", new() { Exact = true }).ClickAsync();
        await PortalUi.ChooseAsync(page, dialog.GetByTestId("assess-current"), support);
        await PortalUi.ChooseAsync(page, dialog.GetByTestId("assess-type"), "PM workload");
        await dialog.GetByTestId("assess-notes").FillAsync(notes);
        await dialog.GetByTestId("assess-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
    }

    private static async Task<ILocator> CriterionAsync(IPage page, int programId, int milestoneId, string title)
    {
        await PortalUi.OpenAsync(page, $"/programs/{programId}/milestones/{milestoneId}");
        return page.Locator("article.criterion").Filter(new() { HasText = title });
    }

    private async Task<int> ChangeMilestoneAsync(int programId, string phase)
    {
        await using var db = fixture.Server.Database.CreateContext();
        return await db.Milestones.Where(m => m.Kind == MilestoneKind.Change && db.Phases.Any(p => p.Id == m.PhaseId && p.ProgramId == programId && p.Name == phase))
            .Select(m => m.Id).SingleAsync();
    }
}
