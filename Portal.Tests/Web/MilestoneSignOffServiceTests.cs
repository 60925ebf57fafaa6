using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Milestones;
using Portal.Core.Programs;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Milestones;

namespace Portal.Tests.Web;

/// <summary>Whole-milestone sign-offs through the service: required by PMO leads, signed with the password, gating the change milestone, audited.</summary>
public sealed class MilestoneSignOffServiceTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    private MilestoneSignOffService SignOffs => factory.Services.GetRequiredService<MilestoneSignOffService>();
    private MilestoneService Plans => factory.Services.GetRequiredService<MilestoneService>();

    [Fact]
    public async Task A_required_milestone_sign_off_gates_the_change_milestone_until_the_owner_signs()
    {
        var (atlas, pilotChange) = await MilestoneAsync("Atlas", "Pilot", MilestoneKind.Change);
        var pmo = await factory.DemoUserAsync("pmo@portal.local");
        var owner = await factory.DemoUserAsync("owner@portal.local");
        var ownerRole = $"role:{ProgramRole.ProcessOwner}";

        var noReason = await SignOffs.RequireAsync(atlas, pilotChange, [ownerRole], null, await VersionAsync(pilotChange), pmo);
        Assert.Equal("Reason", noReason.Errors[0].Field); // the pilot's criteria already hold evidence: work has started
        Assert.True((await SignOffs.RequireAsync(atlas, pilotChange, [ownerRole], "Finance approves the pilot outcome as a whole",
            await VersionAsync(pilotChange), pmo)).Succeeded);
        Assert.Contains("Sign-off missing: Process owner (on the whole milestone)", await UnmetReasonsAsync(atlas, pilotChange, pmo));

        Assert.True((await SignOffs.SignAsync(atlas, pilotChange, PortalWebFactory.DemoPassword, SignOffMeaning.Approved, "Pilot outcome agreed", owner)).Succeeded);

        Assert.DoesNotContain(await UnmetReasonsAsync(atlas, pilotChange, pmo), r => r.EndsWith("(on the whole milestone)"));
        await using var db = factory.CreateDbContext();
        var signOff = await db.SignOffs.SingleAsync(s => s.MilestoneId == pilotChange);
        Assert.Equal(("Mara Lindqvist", SignOffMeaning.Approved, null as int?), (signOff.PrintedName, signOff.Meaning, signOff.CriterionId));
        var actions = await db.AuditEntries.Where(a => a.EntityType == "Milestone" && a.EntityId == pilotChange.ToString()).Select(a => a.Action).ToListAsync();
        Assert.Contains("SignOffsRequired", actions);
        Assert.Contains("SignedOff", actions);
    }

    [Fact]
    public async Task Only_PMO_leads_and_administrators_set_required_sign_offs_and_only_from_the_program()
    {
        var (atlas, sustain) = await MilestoneAsync("Atlas", "Sustain", MilestoneKind.Change);
        var version = await VersionAsync(sustain);

        var sponsor = await SignOffs.RequireAsync(atlas, sustain, [$"role:{ProgramRole.ProcessOwner}"], null, version, await factory.DemoUserAsync("sponsor@portal.local"));
        var unknown = await SignOffs.RequireAsync(atlas, sustain, ["user:not-a-member"], null, version, await factory.DemoUserAsync("pmo@portal.local"));

        Assert.StartsWith("Only a PMO lead", sponsor.Errors[0].Message);
        Assert.Equal("Requirements", unknown.Errors[0].Field);
        await using var db = factory.CreateDbContext();
        Assert.Empty((await db.Milestones.SingleAsync(m => m.Id == sustain)).SignOffRequirements);
    }

    [Fact]
    public async Task A_stale_version_is_refused_and_nothing_is_overwritten()
    {
        var (atlas, goLive) = await MilestoneAsync("Atlas", "Go-Live", MilestoneKind.Change);

        var result = await SignOffs.RequireAsync(atlas, goLive, [$"role:{ProgramRole.ExecutiveSponsor}"], null, Guid.NewGuid(), await factory.DemoUserAsync("pmo@portal.local"));

        Assert.Contains("changed by someone else", result.Errors[0].Message);
    }

    [Fact]
    public async Task Viewers_cannot_sign_and_a_wrong_password_is_audited_against_the_milestone()
    {
        var (atlas, design) = await MilestoneAsync("Atlas", "Design", MilestoneKind.Change);
        var owner = await factory.DemoUserAsync("owner@portal.local");

        var viewer = await SignOffs.SignAsync(atlas, design, PortalWebFactory.DemoPassword, SignOffMeaning.Reviewed, null, await factory.DemoUserAsync("viewer@portal.local"));
        var wrong = await SignOffs.SignAsync(atlas, design, "not-the-password", SignOffMeaning.Reviewed, null, owner);

        Assert.Equal("Only program members with a signing role sign milestones.", viewer.Errors[0].Message);
        Assert.Equal("Password", wrong.Errors[0].Field);
        await using var db = factory.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "SignOffRefused" && a.EntityType == "Milestone" && a.EntityId == design.ToString()));
    }

    [Fact]
    public async Task A_technical_milestone_in_progress_cannot_be_signed_and_non_members_are_told_not_found()
    {
        var (atlas, pilotTechnical) = await MilestoneAsync("Atlas", "Pilot", MilestoneKind.Technical);
        var (harbor, harborDiscovery) = await MilestoneAsync("Harbor", "Discovery", MilestoneKind.Change);
        var owner = await factory.DemoUserAsync("owner@portal.local");

        var inProgress = await SignOffs.SignAsync(atlas, pilotTechnical, PortalWebFactory.DemoPassword, SignOffMeaning.Approved, null, owner);
        var nonMember = await SignOffs.SignAsync(harbor, harborDiscovery, PortalWebFactory.DemoPassword, SignOffMeaning.Approved, null, owner);

        Assert.Equal("A technical milestone is signed once it is complete.", inProgress.Errors[0].Message);
        Assert.Equal("Milestone not found, or you are not a member of its program.", nonMember.Errors[0].Message);
        Assert.Empty(await SignOffs.OptionsAsync(harbor, owner));
    }

    private async Task<IReadOnlyList<string>> UnmetReasonsAsync(int programId, int milestoneId, Portal.Web.Features.Account.CurrentUser user)
    {
        var plan = await Plans.GetPlanAsync(programId, user);
        return plan!.Phases.SelectMany(p => p.Milestones).Single(m => m.Id == milestoneId).Unmet.Select(u => u.Reason).ToList();
    }

    private async Task<Guid> VersionAsync(int milestoneId)
    {
        await using var db = factory.CreateDbContext();
        return await db.Milestones.Where(m => m.Id == milestoneId).Select(m => m.Version).SingleAsync();
    }

    private async Task<(int Program, int Milestone)> MilestoneAsync(string program, string phase, MilestoneKind kind)
    {
        var programId = await factory.ProgramIdAsync(program);
        await using var db = factory.CreateDbContext();
        var milestone = await db.Milestones.Where(m => m.Kind == kind && db.Phases.Any(p => p.Id == m.PhaseId && p.ProgramId == programId && p.Name == phase))
            .Select(m => m.Id).SingleAsync();
        return (programId, milestone);
    }
}
