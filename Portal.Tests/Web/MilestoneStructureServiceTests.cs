using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Milestones;
using Portal.Core.Programs;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Account;
using Portal.Web.Features.Milestones;
using Portal.Web.Features.Programs;

namespace Portal.Tests.Web;

/// <summary>
/// Changing a program's plan through the service: add, remove and re-pair milestones, add computed criteria. Each test
/// works on a program of its own, created the way a PMO lead creates one.
/// </summary>
public sealed class MilestoneStructureServiceTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    private MilestoneStructureService Structure => factory.Services.GetRequiredService<MilestoneStructureService>();
    private MilestoneService Milestones => factory.Services.GetRequiredService<MilestoneService>();
    private ProgramService Programs => factory.Services.GetRequiredService<ProgramService>();

    private static readonly Dictionary<string, string?> OneSponsor = new() { ["role"] = nameof(ProgramRole.ExecutiveSponsor), ["minimum"] = "1" };

    [Fact]
    public async Task The_gate_follows_a_new_pairing_with_a_new_change_milestone()
    {
        var (program, pmo) = await NewProgramAsync();
        var (pilot, technical, original) = await PhaseAsync(program, "Pilot");

        var added = await Structure.AddMilestoneAsync(program, pilot, MilestoneKind.Change, "Support model agreed", "Helpdesk owns first line", null, pmo);
        Assert.True(added.Succeeded);
        Assert.True((await Structure.AddComputedCriterionAsync(program, added.Value, "Sponsor assigned", MembersInRoleEvaluator.EvaluatorKey, OneSponsor, pmo)).Succeeded);
        Assert.True((await Structure.RepairAsync(program, technical, [added.Value], null, null, pmo)).Succeeded);

        var blocked = await Milestones.CompleteAsync(technical, pmo, null, null);
        Assert.Equal(OutcomeKind.Blocked, blocked.Kind);
        Assert.Equal(["Executive sponsor: 0 assigned < 1 required"], blocked.Unmet!.Select(u => u.Reason));

        await Programs.SetMemberAsync(program, (await factory.DemoUserAsync("sponsor@portal.local")).Id, ProgramRole.ExecutiveSponsor, pmo);
        Assert.Equal(OutcomeKind.Done, (await Milestones.CompleteAsync(technical, pmo, null, null)).Kind);

        await using var db = factory.CreateDbContext();
        var audit = await db.AuditEntries.Where(a => a.ProgramId == program && a.EntityType == "Milestone").ToListAsync();
        Assert.Contains(audit, a => a.Action == "Added" && a.EntityId == added.Value.ToString() && a.NewValues!.Contains("Change milestone 'Support model agreed' in Pilot"));
        Assert.Contains(audit, a => a.Action == "CriterionAdded" && a.NewValues!.StartsWith("Sponsor assigned; computed by Members in a program role"));
        var repaired = Assert.Single(audit, a => a.Action == "PairingChanged" && a.EntityId == technical.ToString());
        Assert.Equal(("Early adopter feedback collected and acted on; quick wins documented; pilot resistance addressed individually", "Support model agreed"),
            (repaired.OldValues, repaired.NewValues));
        Assert.NotEqual(original, added.Value);
    }

    [Fact]
    public async Task Once_work_has_started_re_pairing_and_removing_need_a_reason_which_is_audited()
    {
        var (program, pmo) = await NewProgramAsync();
        var (build, technical, change) = await PhaseAsync(program, "Build");
        var extra = (await Structure.AddMilestoneAsync(program, build, MilestoneKind.Change, "Support model agreed", null, null, pmo)).Value;
        var work = factory.Services.GetRequiredService<MilestoneWorkService>();
        Assert.True((await work.SetStatusAsync(program, technical, MilestoneStatus.InProgress, await VersionAsync(technical), pmo)).Succeeded);

        var unexplained = await Structure.RepairAsync(program, technical, [change, extra], " ", null, pmo);
        Assert.Equal("Reason", Assert.Single(unexplained.Errors).Field);
        Assert.True((await Structure.RepairAsync(program, technical, [change, extra], "Support readiness is a gate too", null, pmo)).Succeeded);
        Assert.Equal("Reason", Assert.Single((await Structure.RemoveMilestoneAsync(program, technical, null, null, pmo)).Errors).Field);

        var removed = await Structure.RemoveMilestoneAsync(program, extra, null, null, pmo); // nothing was done on the change milestone itself
        Assert.Equal(["Integration built and tested in development; data quality rules configured"], removed.Value.Unpaired);
        Assert.Empty(removed.Value.Ungated);

        await using var db = factory.CreateDbContext();
        Assert.False(await db.Milestones.AnyAsync(m => m.Id == extra));
        var pairings = await db.AuditEntries.Where(a => a.EntityId == technical.ToString() && a.Action == "PairingChanged").OrderBy(a => a.Sequence).ToListAsync();
        Assert.Equal(["Support readiness is a gate too", "Support model agreed removed"], pairings.Select(a => a.Reason));
        Assert.EndsWith("; Support model agreed", pairings[0].NewValues);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == extra.ToString() && a.Action == "Removed" && a.OldValues!.StartsWith("Change milestone 'Support model agreed' in Build")));
    }

    [Fact]
    public async Task Removing_the_only_change_milestone_says_which_technical_milestone_loses_its_gate()
    {
        var (program, pmo) = await NewProgramAsync();
        var (_, technical, change) = await PhaseAsync(program, "Design");

        var preview = await Structure.PreviewRemovalAsync(program, change, pmo);
        var removed = await Structure.RemoveMilestoneAsync(program, change, null, preview!.Version, pmo);

        const string Technical = "Integration architecture defined; system-of-record designations agreed; data mapping completed";
        Assert.Equal([Technical], preview.Ungated);
        Assert.Equal(ProgramTemplate.Default.Phases[1].Milestones[1].Criteria.Count, preview.Criteria);
        Assert.Equal([Technical], removed.Value.Ungated);
        var plan = (await Milestones.GetPlanAsync(program, pmo))!;
        Assert.Empty(plan.Phases.Single(p => p.Name == "Design").Milestones.Single(m => m.Id == technical).PairedWith);
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Criteria.AnyAsync(c => c.MilestoneId == change));
    }

    [Fact]
    public async Task Pairing_with_a_change_milestone_of_another_program_is_refused_and_nothing_is_written()
    {
        var (program, pmo) = await NewProgramAsync();
        var (_, technical, change) = await PhaseAsync(program, "Discovery");
        var (_, _, atlasChange) = await PhaseAsync(await factory.ProgramIdAsync("Atlas"), "Discovery");

        var repaired = await Structure.RepairAsync(program, technical, [change, atlasChange], "Share the gate", null, pmo);
        var added = await Structure.AddMilestoneAsync(program, (await PhaseAsync(program, "Design")).Phase, MilestoneKind.Technical, "Data migration", null, [atlasChange], pmo);

        Assert.Equal(("PairedWith", "Pair only with change milestones of this program."), (repaired.Errors[0].Field, repaired.Errors[0].Message));
        Assert.Equal("PairedWith", added.Errors[0].Field);
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Milestones.AnyAsync(m => m.Name == "Data migration"));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.ProgramId == program && a.EntityType == "Milestone"));
    }

    [Fact]
    public async Task A_computed_criterion_with_bad_parameters_is_refused_on_the_parameter_field()
    {
        var (program, pmo) = await NewProgramAsync();
        var (_, _, change) = await PhaseAsync(program, "Sustain");
        int templateCriteria;
        await using (var before = factory.CreateDbContext())
            templateCriteria = await before.Criteria.CountAsync(c => c.MilestoneId == change);

        var badMinimum = await Structure.AddComputedCriterionAsync(program, change, "Two sponsors", MembersInRoleEvaluator.EvaluatorKey,
            new Dictionary<string, string?> { ["role"] = nameof(ProgramRole.ExecutiveSponsor), ["minimum"] = "0" }, pmo);
        var noEvaluator = await Structure.AddComputedCriterionAsync(program, change, "", null, new Dictionary<string, string?>(), pmo);

        Assert.Equal(("Parameters.minimum", "Minimum members must be a whole number of at least 1."), (badMinimum.Errors[0].Field, badMinimum.Errors[0].Message));
        Assert.Equal(["Title", "EvaluatorKey"], noEvaluator.Errors.Select(e => e.Field));
        await using var db = factory.CreateDbContext();
        Assert.Equal(templateCriteria, await db.Criteria.CountAsync(c => c.MilestoneId == change)); // nothing added
    }

    [Fact]
    public async Task Non_members_are_told_not_found_and_members_who_do_not_lead_the_program_are_refused()
    {
        var (program, pmo) = await NewProgramAsync();
        var (phase, technical, change) = await PhaseAsync(program, "Go-Live");
        var changeLead = await factory.DemoUserAsync("change@portal.local");
        var outsider = await factory.DemoUserAsync("viewer@portal.local");

        foreach (var (user, message) in new[] { (outsider, "Milestone not found, or you are not a member of its program."),
                     (changeLead, "Only a PMO lead of this program or an administrator can change milestones and criteria.") })
        {
            Assert.Equal(message, (await Structure.AddMilestoneAsync(program, phase, MilestoneKind.Change, "Shadow", null, null, user)).Errors[0].Message);
            Assert.Equal(message, (await Structure.RemoveMilestoneAsync(program, change, "No", null, user)).Errors[0].Message);
            Assert.Equal(message, (await Structure.RepairAsync(program, technical, [], "No", null, user)).Errors[0].Message);
            Assert.Equal(message, (await Structure.AddComputedCriterionAsync(program, change, "Shadow", GoLivePlannedEvaluator.EvaluatorKey, OneSponsor, user)).Errors[0].Message);
            await Programs.SetMemberAsync(program, changeLead.Id, ProgramRole.ChangeLead, pmo);
        }
        Assert.Null(await Structure.ChangeMilestonesAsync(program, outsider));
        var admin = await factory.DemoUserAsync("admin@portal.local");
        Assert.True((await Structure.AddMilestoneAsync(program, phase, MilestoneKind.Change, "Hypercare staffed", null, null, admin)).Succeeded);
    }

    [Fact]
    public async Task A_change_made_since_the_page_was_opened_is_not_overwritten_and_the_refusal_says_what_changed()
    {
        var (program, pmo) = await NewProgramAsync();
        var (_, technical, change) = await PhaseAsync(program, "Go-Live");
        var seen = await VersionAsync(technical);
        var work = factory.Services.GetRequiredService<MilestoneWorkService>();
        Assert.True((await work.RenameAsync(program, technical, "Full rollout", null, pmo)).Succeeded);

        var stale = await Structure.RepairAsync(program, technical, [], null, seen, pmo);

        Assert.Equal("This milestone was changed by Priya Natarajan (Renamed) since you opened it; it is now " +
                     "'Full rollout', status NotStarted, paired with Executive communications reference new system data; old workarounds formally " +
                     "decommissioned; 30-day adoption check scheduled. Nothing was overwritten; reload to see the change.", stale.Errors[0].Message);
        var plan = (await Milestones.GetPlanAsync(program, pmo))!;
        Assert.Equal([change], plan.Phases.SelectMany(p => p.Milestones).Single(m => m.Id == technical).PairedWith);
    }

    private async Task<(int Program, CurrentUser Pmo)> NewProgramAsync()
    {
        var pmo = await factory.DemoUserAsync("pmo@portal.local");
        var created = await Programs.CreateAsync(new ProgramForm { Name = "Structure " + Guid.NewGuid().ToString("N")[..8] }, pmo);
        return (created.Value, pmo);
    }

    private async Task<(int Phase, int Technical, int Change)> PhaseAsync(int program, string name)
    {
        await using var db = factory.CreateDbContext();
        var phase = await db.Phases.SingleAsync(p => p.ProgramId == program && p.Name == name);
        var milestones = await db.Milestones.Where(m => m.PhaseId == phase.Id).OrderBy(m => m.Id).ToListAsync();
        return (phase.Id, milestones.First(m => m.Kind == MilestoneKind.Technical).Id, milestones.First(m => m.Kind == MilestoneKind.Change).Id);
    }

    private async Task<Guid> VersionAsync(int milestoneId)
    {
        await using var db = factory.CreateDbContext();
        return await db.Milestones.Where(m => m.Id == milestoneId).Select(m => m.Version).SingleAsync();
    }
}
