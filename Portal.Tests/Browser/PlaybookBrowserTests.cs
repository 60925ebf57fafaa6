using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Core.Playbooks;
using Portal.Core.Programs;
using Portal.Core.Stakeholders;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// The change lead on the demo program: applies the matching playbook to a resistance hotspot, then completes the
/// overdue demo action with an outcome note from "my actions" and sees it leave the overdue list.
/// </summary>
[Trait("Category", "Browser")]
public sealed class PlaybookBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Hotspot = "Capital Projects PMs";
    private const string OverdueStep = "Have finance set the data-quality standards";

    [BrowserFact]
    public async Task Change_lead_applies_the_matching_playbook_and_completes_an_overdue_action()
    {
        var atlas = await PortalUi.ProgramIdAsync(fixture, "Atlas");
        await SeedHotspotAsync(atlas);
        var page = await fixture.SignInAsync("change@portal.local");

        await PortalUi.OpenAsync(page, $"/programs/{atlas}");
        await Expect(page.GetByTestId("overview-playbooks")).ToHaveTextAsync("1 overdue action");
        await BrowserFixture.ScreenshotAsync(page, "program-overview-playbooks");
        await page.GetByTestId("overview-playbooks").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Resistance playbooks" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("overdue-count")).ToHaveTextAsync("1");
        await Expect(page.GetByTestId("applied-row").Filter(new() { HasText = "Finance territorial →" })).ToContainTextAsync("Improved");
        await TallScreenshotAsync(page, "playbooks-page");

        var pmWorkload = page.GetByTestId("playbook-card").Filter(new() { HasText = "PM workload" }).First;
        await pmWorkload.GetByTestId("apply-playbook").ClickAsync();
        var dialog = page.GetByTestId("apply-dialog");
        // The highest-ranked hotspot whose resistance this playbook answers is proposed, with its support as the baseline.
        await Expect(dialog.GetByTestId("apply-target")).ToContainTextAsync($"{Hotspot} (group) · hotspot #2 · Resistant");
        await Expect(dialog.GetByTestId("apply-step")).ToHaveCountAsync(4);
        await Expect(dialog.GetByTestId("apply-owner")).ToContainTextAsync("Sofia Reyes");
        await BrowserFixture.ScreenshotAsync(page, "playbook-apply-dialog");
        await dialog.GetByTestId("apply-confirm").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        // The demo already answered this hotspot once during Build; the new application is the one with nothing done.
        var applied = page.GetByTestId("applied-row").Filter(new() { HasText = $"PM workload → {Hotspot}" }).Filter(new() { HasText = "0 of 4 actions done" });
        await Expect(applied).ToContainTextAsync("Not re-assessed yet");

        await PortalUi.OpenAsync(page, "/my/actions");
        await Expect(page.GetByTestId("action-card").Filter(new() { HasText = "Count today's reconciliation calls" })).ToBeVisibleAsync();
        await page.GetByTestId("my-actions-filter").GetByText("Overdue").ClickAsync();
        var overdue = page.GetByTestId("action-card").Filter(new() { HasText = OverdueStep });
        await Expect(overdue).ToContainTextAsync("Overdue by 10 days");
        await Expect(page.GetByTestId("action-card")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(page, "my-actions-overdue");

        await overdue.GetByTestId("update-action").ClickAsync();
        var edit = page.GetByTestId("action-dialog");
        await PortalUi.ChooseAsync(page, edit.GetByTestId("action-status"), "Done");
        await edit.GetByTestId("action-outcome").FillAsync("");
        await edit.GetByTestId("action-save").ClickAsync();
        await Expect(edit.Locator(".validation-message")).ToHaveTextAsync("Say what came of it before marking it done.");
        await edit.GetByTestId("action-outcome").FillAsync("AP team agreed the thresholds: 2% price variance, 5 days invoice lag. Finance reviews exceptions weekly.");
        await BrowserFixture.ScreenshotAsync(page, "my-actions-update-dialog");
        await edit.GetByTestId("action-save").ClickAsync();
        await Expect(edit).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("actions-empty")).ToHaveTextAsync("Nothing overdue. Well done.");

        await page.GetByTestId("my-actions-filter").GetByText("Done").ClickAsync();
        await Expect(page.GetByTestId("action-card").Filter(new() { HasText = OverdueStep })).ToContainTextAsync("2% price variance");
        await PortalUi.OpenAsync(page, $"/programs/{atlas}");
        await Expect(page.GetByTestId("overview-playbooks")).ToHaveTextAsync("None overdue");
    }

    [BrowserFact]
    public async Task My_actions_and_the_playbooks_page_read_well_in_a_narrow_window()
    {
        var atlas = await PortalUi.ProgramIdAsync(fixture, "Atlas");
        var page = await fixture.SignInAsync("change@portal.local", width: 400, height: 860);
        await PortalUi.OpenAsync(page, "/my/actions");
        await Expect(page.GetByTestId("action-card").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "my-actions-narrow");

        await PortalUi.OpenAsync(page, $"/programs/{atlas}/playbooks");
        await Expect(page.GetByTestId("playbook-card")).ToHaveCountAsync(3);
        var finance = page.GetByTestId("playbook-card").First;
        await finance.Locator("summary").ClickAsync();
        await Expect(finance.Locator(".playbook-steps li")).ToHaveCountAsync(5);
        await TallScreenshotAsync(page, "playbooks-page-narrow");
    }

    [BrowserFact]
    public async Task Five_hundred_actions_are_paged_on_my_actions_and_on_the_program()
    {
        var program = await SeedBusyProgramAsync();
        var page = await fixture.SignInAsync("change@portal.local");
        await PortalUi.OpenAsync(page, "/my/actions");
        await Expect(page.GetByTestId("my-actions-count")).ToContainTextAsync("actions");
        await Expect(page.GetByTestId("action-card")).ToHaveCountAsync(10);
        await Expect(page.Locator(".rz-pager")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "my-actions-500");

        await PortalUi.OpenAsync(page, $"/programs/{program}/playbooks");
        await Expect(page.GetByTestId("applied-row")).ToHaveCountAsync(10);
        await Expect(page.GetByTestId("program-actions").GetByTestId("action-card")).ToHaveCountAsync(10);
        await TallScreenshotAsync(page, "playbooks-page-500");
    }

    [BrowserFact]
    public async Task Pmo_lead_adapts_a_built_in_playbook_and_a_missing_step_title_is_shown_on_its_row()
    {
        var atlas = await PortalUi.ProgramIdAsync(fixture, "Atlas");
        var page = await fixture.SignInAsync("pmo@portal.local");
        await PortalUi.OpenAsync(page, $"/programs/{atlas}/playbooks");
        var it = page.GetByTestId("playbook-card").Filter(new() { HasText = "IT technical sovereignty" }).First;
        await it.GetByTestId("edit-playbook").ClickAsync();
        var dialog = page.GetByTestId("playbook-dialog");
        await Expect(dialog.GetByTestId("step-row")).ToHaveCountAsync(4);
        await dialog.GetByTestId("add-step").ClickAsync();
        await Expect(dialog.GetByTestId("step-row")).ToHaveCountAsync(5);
        await dialog.GetByTestId("playbook-save").ClickAsync();
        await Expect(dialog.GetByTestId("step-row").Nth(4).Locator(".validation-message")).ToHaveTextAsync("Step 5 is required.");
        await dialog.GetByTestId("step-title").Nth(4).FillAsync("Run a month-end failure drill with the on-call engineer");
        await BrowserFixture.ScreenshotAsync(page, "playbook-edit-dialog");
        await dialog.GetByTestId("playbook-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(it).ToContainTextAsync("Built-in, adapted by Priya Natarajan");
        await Expect(it).ToContainTextAsync("5 steps");
    }

    [BrowserFact]
    public async Task A_viewer_reads_the_playbooks_without_apply_or_edit_buttons()
    {
        var atlas = await PortalUi.ProgramIdAsync(fixture, "Atlas");
        var page = await fixture.SignInAsync("viewer@portal.local");
        await PortalUi.OpenAsync(page, $"/programs/{atlas}/playbooks");
        await Expect(page.GetByTestId("playbook-card")).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("apply-playbook")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("update-action")).ToHaveCountAsync(0);

        var harbor = await PortalUi.ProgramIdAsync(fixture, "Harbor"); // the viewer is not a member
        var response = await page.GotoAsync($"/programs/{harbor}/playbooks");
        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Not found");
        await Expect(page.Locator("body")).Not.ToContainTextAsync("Harbor");
    }

    /// <summary>The app scrolls inside its layout, so a full-page screenshot shows one screen: grow the window to show it all.</summary>
    private static async Task TallScreenshotAsync(IPage page, string name)
    {
        var size = page.ViewportSize!;
        await page.SetViewportSizeAsync(size.Width, 2600);
        await BrowserFixture.ScreenshotAsync(page, name);
        await page.SetViewportSizeAsync(size.Width, size.Height);
    }

    /// <summary>
    /// A program of its own where the change lead owns 500 open actions (25 applications of a 20-step playbook), all due
    /// well after anything the other tests look at.
    /// </summary>
    private async Task<int> SeedBusyProgramAsync()
    {
        await using var db = fixture.Server.Database.CreateContext();
        var change = await db.Users.SingleAsync(u => u.Email == "change@portal.local");
        var pmo = await db.Users.SingleAsync(u => u.Email == "pmo@portal.local");
        var now = DateTimeOffset.UtcNow;
        var program = PortalProgram.Create("Meridian: regional finance roll-out with a long name that has to wrap somewhere sensible", "Busy", ["PPM", "ERP"], null, now).Value;
        program.SetMember(pmo.Id, ProgramRole.PmoLead, now);
        program.SetMember(change.Id, ProgramRole.ChangeLead, now);
        db.Programs.Add(program);
        await db.SaveChangesAsync();
        var playbook = Playbook.CreateCustom(program.Id, "Regional controllers' clinic", ResistanceType.Other, "Meet them where they work.",
            Enumerable.Range(1, 20).Select(i => new PlaybookStepInput($"Clinic session {i}: walk through the open commitments of region {i}", null, 60 + i)).ToList(), now).Value;
        db.Playbooks.Add(playbook);
        await db.SaveChangesAsync();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        for (var g = 1; g <= 25; g++)
        {
            var group = StakeholderGroup.Create(program.Id, $"Regional controllers {g:00}", null).Value;
            db.StakeholderGroups.Add(group);
            await db.SaveChangesAsync();
            db.PlaybookApplications.Add(PlaybookApplication.Apply(playbook, new ApplicationTarget(StakeholderKind.Group, group.Id, group.Name, null),
                PlaybookApplication.DefaultPlans(playbook, change.Id, today.AddDays(g)), new HashSet<string> { change.Id, pmo.Id }, pmo.Id, "Priya Natarajan", now).Value);
        }
        await db.SaveChangesAsync();
        return program.Id;
    }

    /// <summary>A second hotspot next to the demo's Finance analysts, as the stakeholder map would record it.</summary>
    private async Task SeedHotspotAsync(int programId)
    {
        await using var db = fixture.Server.Database.CreateContext();
        if (await db.StakeholderGroups.AnyAsync(g => g.ProgramId == programId && g.Name == Hotspot))
            return;
        var group = StakeholderGroup.Create(programId, Hotspot, "Project managers of the capital projects portfolio").Value;
        group.Assess(Assessment.Create(new AssessmentInput(4, 5, SupportLevel.Resistant, SupportLevel.Supportive, ResistanceType.PmWorkload,
            Losses: GainLossTags.Workload), "seed", "Sofia Reyes", DateTimeOffset.UtcNow.AddDays(-3)).Value);
        db.StakeholderGroups.Add(group);
        await db.SaveChangesAsync();
    }
}
