using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Milestones;
using Portal.Core.Programs;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Account;
using Portal.Web.Features.Milestones;

namespace Portal.Tests.Web;

/// <summary>Editing the plan: PMO leads only, a reason once work has started, every change audited, and the gate follows the edit.</summary>
public sealed class MilestoneEditingServiceTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    private MilestoneWorkService Work => factory.Services.GetRequiredService<MilestoneWorkService>();

    [Fact]
    public async Task An_added_criterion_joins_the_gate_and_removing_one_after_work_started_needs_a_reason()
    {
        var (atlas, goLiveChange) = await ChangeMilestoneAsync("Go-Live");
        var pmo = await factory.DemoUserAsync("pmo@portal.local");

        var added = await Work.AddCriterionAsync(atlas, goLiveChange, "Helpdesk scripts updated", [ProgramRole.IntegrationOwner], pmo);
        Assert.True(added.Succeeded);
        var details = (await Work.GetAsync(atlas, goLiveChange, pmo))!;
        var criterion = details.Criteria.Single(c => c.Title == "Helpdesk scripts updated");
        Assert.Contains("Sign-off missing: Integration owner", criterion.Reasons);

        await Work.RecordEvidenceAsync(atlas, criterion.Id, "Scripts v2 published", pmo);
        Assert.Equal("Reason", (await Work.RemoveCriterionAsync(atlas, goLiveChange, criterion.Id, null, pmo)).Errors[0].Field);
        Assert.True((await Work.RemoveCriterionAsync(atlas, goLiveChange, criterion.Id, "Duplicate of the support readiness check", pmo)).Succeeded);

        await using var db = factory.CreateDbContext();
        Assert.False(await db.Criteria.AnyAsync(c => c.Id == criterion.Id));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "CriterionAdded" && a.EntityId == goLiveChange.ToString()));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "CriterionRemoved" && a.Reason == "Duplicate of the support readiness check"));
    }

    [Fact]
    public async Task Only_pmo_leads_edit_the_plan()
    {
        var (atlas, goLiveChange) = await ChangeMilestoneAsync("Go-Live");

        var result = await Work.RenameAsync(atlas, goLiveChange, "Go-live readiness", null, await factory.DemoUserAsync("change@portal.local"));

        Assert.Equal("Only a PMO lead of this program or an administrator can change milestones and criteria.", result.Errors[0].Message);
    }

    [Fact]
    public async Task A_criterion_needs_a_title()
    {
        var (atlas, goLiveChange) = await ChangeMilestoneAsync("Sustain");

        var result = await Work.AddCriterionAsync(atlas, goLiveChange, "  ", [ProgramRole.ProcessOwner], await factory.DemoUserAsync("pmo@portal.local"));

        Assert.Equal(("Title", "Criterion title is required."), (result.Errors[0].Field, result.Errors[0].Message));
    }

    private async Task<(int Atlas, int ChangeMilestone)> ChangeMilestoneAsync(string phaseName)
    {
        _ = factory.Server;
        await using var db = factory.CreateDbContext();
        var atlas = await db.Programs.Where(p => p.Name.StartsWith("Atlas")).Select(p => p.Id).SingleAsync();
        var phase = await db.Phases.SingleAsync(p => p.ProgramId == atlas && p.Name == phaseName);
        return (atlas, await db.Milestones.Where(m => m.PhaseId == phase.Id && m.Kind == MilestoneKind.Change).Select(m => m.Id).SingleAsync());
    }
}
