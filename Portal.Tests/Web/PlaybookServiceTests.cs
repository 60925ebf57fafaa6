using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Milestones;
using Portal.Core.Playbooks;
using Portal.Core.Programs;
using Portal.Core.Stakeholders;
using Portal.Data.Identity;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using Portal.Web.Demo;
using Portal.Web.Features.Account;
using Portal.Web.Features.Milestones;
using Portal.Web.Features.Playbooks;
using Portal.Web.Features.Programs;

namespace Portal.Tests.Web;

/// <summary>
/// Playbooks through the services: who may apply, edit and update; non-members see nothing; every change audited;
/// stale edits refused; the overdue count, "my actions", the effect and the hotspots criterion. Tests that change data
/// work on a program of their own; the demo program is only read.
/// </summary>
public sealed class PlaybookServiceTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    private PlaybookService Playbooks => factory.Services.GetRequiredService<PlaybookService>();
    private PlaybookWorkService Work => factory.Services.GetRequiredService<PlaybookWorkService>();

    private static readonly string FinanceKey = PlaybookView.BuiltInPrefix + BuiltInPlaybooks.FinanceTerritorialKey;
    private static readonly string PmKey = PlaybookView.BuiltInPrefix + BuiltInPlaybooks.PmWorkloadKey;

    [Fact]
    public async Task The_demo_program_has_one_overdue_action_owned_by_the_change_lead_and_an_improved_effect()
    {
        var atlas = await factory.ProgramIdAsync("Atlas");
        var change = await factory.DemoUserAsync("change@portal.local");
        var viewer = await factory.DemoUserAsync("viewer@portal.local");

        Assert.Equal(1, await Work.OverdueCountAsync(atlas, viewer));
        // Other tests give the change lead actions in programs of their own: look at the demo program's only.
        var overdue = Assert.Single(await Work.MyActionsAsync(change, MyActionsFilter.Overdue), a => a.ProgramId == atlas);
        Assert.Equal(("Have finance set the data-quality standards", "Finance territorial", PlaybookDemoData.FinanceAnalysts, true),
            (overdue.Title, overdue.PlaybookName, overdue.TargetName, overdue.CanEdit));
        Assert.Equal(2, (await Work.MyActionsAsync(change, MyActionsFilter.Done)).Count(a => a.ProgramId == atlas && a.TargetName == PlaybookDemoData.FinanceAnalysts));

        var work = (await Work.ProgramWorkAsync(atlas, null, viewer))!;
        var applied = Assert.Single(work.Applications, a => a.TargetName == PlaybookDemoData.FinanceAnalysts);
        Assert.Equal((SupportLevel.StrongResistance, SupportLevel.Resistant, EffectDirection.Improved, 3, 5, 1),
            (applied.Effect.Before, applied.Effect.After, applied.Effect.Direction, applied.Done, applied.Total, applied.Overdue));
        Assert.All(work.Actions, a => Assert.False(a.CanEdit)); // a viewer reads only

        // Read as of a month ago, before the re-assessment: nothing measured yet.
        var earlier = (await Work.ProgramWorkAsync(atlas, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-30)), viewer))!.Applications
            .Single(a => a.TargetName == PlaybookDemoData.FinanceAnalysts).Effect;
        Assert.Equal((SupportLevel.StrongResistance, false, EffectDirection.Unchanged), (earlier.After, earlier.Reassessed, earlier.Direction));
    }

    [Fact]
    public async Task A_non_member_is_told_not_found_everywhere()
    {
        var (program, pmo, _) = await NewProgramAsync();
        var stranger = await StrangerAsync();
        var groupId = await AddGroupAsync(program, "Capital Projects PMs", SupportLevel.Resistant, ResistanceType.PmWorkload);
        var applied = await Playbooks.ApplyAsync(program, PmKey, await PlanAsync(program, pmo, groupId), pmo);
        var actionId = await FirstActionAsync(applied.Value);

        Assert.Null(await Playbooks.LibraryAsync(program, stranger));
        Assert.Null(await Playbooks.ApplyOptionsAsync(program, stranger));
        Assert.Null(await Work.ProgramWorkAsync(program, null, stranger));
        Assert.Null(await Work.OverdueCountAsync(program, stranger));
        Assert.Empty(await Work.MembersAsync(program, stranger));
        Assert.Equal("Program not found, or you are not a member of it.", Assert.Single((await Playbooks.ApplyAsync(program, PmKey, new ApplyForm(), stranger)).Errors).Message);
        Assert.Equal("Program not found, or you are not a member of it.", Assert.Single((await Playbooks.SaveAsync(program, null, new PlaybookForm(), null, stranger)).Errors).Message);
        var update = await Work.UpdateActionAsync(actionId, new ActionForm { Status = ActionStatus.Done }, Guid.NewGuid(), stranger);
        Assert.Equal("Action not found, or you are not a member of its program.", Assert.Single(update.Errors).Message);
    }

    [Fact]
    public async Task The_playbooks_page_answers_404_to_a_non_member_and_200_to_a_member()
    {
        var harbor = await factory.ProgramIdAsync("Harbor");
        var atlas = await factory.ProgramIdAsync("Atlas");
        var viewer = await factory.SignedInClientAsync("viewer@portal.local"); // a member of Atlas only

        var hidden = await viewer.GetAsync($"/programs/{harbor}/playbooks");
        var shown = await viewer.GetAsync($"/programs/{atlas}/playbooks");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.DoesNotContain("Harbor", await hidden.Content.ReadAsStringAsync());
        Assert.Equal(System.Net.HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("Resistance playbooks", await shown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Change_leads_apply_pmo_leads_edit_and_viewers_and_sponsors_only_read()
    {
        var (program, pmo, users) = await NewProgramAsync();
        var groupId = await AddGroupAsync(program, "Capital Projects PMs", SupportLevel.Resistant, ResistanceType.PmWorkload);

        var viewerLibrary = (await Playbooks.LibraryAsync(program, users["viewer"]))!;
        Assert.Equal((false, false, 3), (viewerLibrary.CanApply, viewerLibrary.CanManage, viewerLibrary.Playbooks.Count));
        Assert.Equal("Only change leads, PMO leads and administrators can apply playbooks.",
            Assert.Single((await Playbooks.ApplyAsync(program, PmKey, await PlanAsync(program, users["sponsor"], groupId), users["sponsor"])).Errors).Message);
        var form = PlaybookForm.From(viewerLibrary.Playbooks[1]);
        Assert.Equal("Only a PMO lead of this program or an administrator can edit playbooks.",
            Assert.Single((await Playbooks.SaveAsync(program, PmKey, form, null, users["change"])).Errors).Message);

        var changeLibrary = (await Playbooks.LibraryAsync(program, users["change"]))!;
        Assert.Equal((true, false), (changeLibrary.CanApply, changeLibrary.CanManage));
        Assert.True((await Playbooks.ApplyAsync(program, PmKey, await PlanAsync(program, users["change"], groupId), users["change"])).Succeeded);
        Assert.True((await Playbooks.SaveAsync(program, PmKey, form, null, pmo)).Succeeded);
    }

    [Fact]
    public async Task Applying_records_the_baseline_creates_the_programs_copy_and_audits_both()
    {
        var (program, _, users) = await NewProgramAsync();
        var change = users["change"];
        var groupId = await AddGroupAsync(program, "Capital Projects PMs", SupportLevel.StrongResistance, ResistanceType.PmWorkload);
        var options = (await Playbooks.ApplyOptionsAsync(program, change))!;
        var target = Assert.Single(options.Targets);
        Assert.Equal((1, "Capital Projects PMs (group) · hotspot #1 · Strong resistance"), (target.HotspotRank, target.Label));

        var applied = await Playbooks.ApplyAsync(program, PmKey, await PlanAsync(program, change, groupId), change);

        await using var db = factory.CreateDbContext();
        var application = await db.PlaybookApplications.Include(a => a.Actions).SingleAsync(a => a.Id == applied.Value);
        Assert.Equal((SupportLevel.StrongResistance, 4), (application.SupportBefore, application.Actions.Count));
        var copy = await db.Playbooks.SingleAsync(p => p.ProgramId == program);
        Assert.Equal((BuiltInPlaybooks.PmWorkloadKey, copy.Id), (copy.BuiltInKey, application.PlaybookId));
        var audit = await db.AuditEntries.Where(a => a.ProgramId == program && a.EntityType.StartsWith("Playbook")).OrderBy(a => a.Sequence).ToListAsync();
        Assert.Equal([("Playbook", "Created"), ("PlaybookApplication", "Applied")], audit.Select(a => (a.EntityType, a.Action)));
        Assert.StartsWith("PM workload applied to group 'Capital Projects PMs'; support at the time: Strong resistance", audit[1].NewValues);
        Assert.Equal(change.DisplayName, audit[1].ActorName);

        // The library now shows the program's copy, applied once.
        var library = (await Playbooks.LibraryAsync(program, change))!;
        Assert.Equal((copy.Id.ToString(), 1), (library.Playbooks[1].Key, library.Playbooks[1].TimesApplied));
    }

    [Fact]
    public async Task A_refused_application_reports_each_step_and_leaves_nothing_behind()
    {
        var (program, _, users) = await NewProgramAsync();
        var groupId = await AddGroupAsync(program, "Capital Projects PMs", SupportLevel.Resistant, ResistanceType.PmWorkload);
        var form = await PlanAsync(program, users["change"], groupId);
        form.Actions[1].OwnerUserId = (await StrangerAsync()).Id;
        form.Actions[3].DueDate = DateTime.UtcNow.Date.AddDays(-3);

        var refused = await Playbooks.ApplyAsync(program, PmKey, form, users["change"]);
        var unknownTarget = await Playbooks.ApplyAsync(program, PmKey, new ApplyForm { TargetKey = "Group:999999", Actions = form.Actions }, users["change"]);

        Assert.Equal(["Actions[1].Owner", "Actions[3].DueDate"], refused.Errors.Select(e => e.Field));
        Assert.Equal("Target", Assert.Single(unknownTarget.Errors).Field);
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Playbooks.AnyAsync(p => p.ProgramId == program));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.ProgramId == program && a.EntityType.StartsWith("Playbook")));
    }

    [Fact]
    public async Task An_owner_updates_their_own_action_audited_but_not_someone_elses_and_a_stale_edit_is_refused()
    {
        var (program, _, users) = await NewProgramAsync();
        var owner = users["owner"];
        var groupId = await AddGroupAsync(program, "Finance analysts", SupportLevel.Resistant, ResistanceType.FinanceTerritorial);
        var form = await PlanAsync(program, users["change"], groupId, ResistanceType.FinanceTerritorial);
        form.Actions[0].OwnerUserId = owner.Id; // the process owner (not a change lead) owns step 1 only
        var applied = await Playbooks.ApplyAsync(program, FinanceKey, form, users["change"]);
        var actions = (await Work.ProgramWorkAsync(program, null, owner))!.Actions.OrderBy(a => a.StepOrder).ToList();
        Assert.Equal([true, false, false, false, false], actions.Select(a => a.CanEdit));

        var done = new ActionForm { Status = ActionStatus.Done, OwnerUserId = owner.Id, DueDate = actions[0].DueDate.ToDateTime(TimeOnly.MinValue), OutcomeNote = "Finance leads joined workshop 1." };
        Assert.True((await Work.UpdateActionAsync(actions[0].Id, done, actions[0].Version, owner)).Succeeded);
        var notMine = await Work.UpdateActionAsync(actions[1].Id, ActionForm.From(actions[1]), actions[1].Version, owner);
        Assert.Equal("Only the action's owner, change leads, PMO leads and administrators can update it.", Assert.Single(notMine.Errors).Message);

        var stale = await Work.UpdateActionAsync(actions[0].Id, done, actions[0].Version, users["change"]);
        Assert.Equal($"\"{actions[0].Title}\" was updated by {owner.DisplayName} since you opened it (now Done). Nothing was overwritten; reload to see the change.",
            Assert.Single(stale.Errors).Message);
        var noNote = await Work.UpdateActionAsync(actions[2].Id, new ActionForm { Status = ActionStatus.Dropped, OwnerUserId = users["change"].Id, DueDate = DateTime.UtcNow }, actions[2].Version, users["change"]);
        Assert.Equal("OutcomeNote", Assert.Single(noNote.Errors).Field);

        await using var db = factory.CreateDbContext();
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == "PlaybookAction" && a.EntityId == actions[0].Id.ToString());
        Assert.Equal(("Updated", owner.DisplayName, program), (audit.Action, audit.ActorName, audit.ProgramId));
        Assert.StartsWith("Open; owner ", audit.OldValues);
        Assert.EndsWith("; outcome: Finance leads joined workshop 1.", audit.NewValues);
        Assert.Equal(applied.Value, (await db.PlaybookActions.SingleAsync(a => a.Id == actions[0].Id)).ApplicationId);
    }

    [Fact]
    public async Task Pmo_leads_adapt_a_built_in_and_add_custom_playbooks_and_a_stale_edit_is_refused()
    {
        var (program, pmo, _) = await NewProgramAsync();
        var builtIn = (await Playbooks.LibraryAsync(program, pmo))!.Playbooks.Single(p => p.Key == PmKey);
        var form = PlaybookForm.From(builtIn);
        form.Steps.Add(new StepForm { Title = "Retire the PM budget tracker", DueAfterDays = 60 });

        var key = (await Playbooks.SaveAsync(program, PmKey, form, builtIn.Version, pmo)).Value;
        var custom = await Playbooks.SaveAsync(program, null, new PlaybookForm
        {
            Name = "Controllers' clinic", Type = ResistanceType.Other, Principle = "Weekly open hour for controllers.",
            Steps = [new StepForm { Title = "Book the first clinic", DueAfterDays = 7 }, new StepForm { Title = " ", DueAfterDays = 400 }],
        }, null, pmo);

        Assert.Equal(["Steps[1].Title", "Steps[1].DueAfterDays"], custom.Errors.Select(e => e.Field));
        var library = (await Playbooks.LibraryAsync(program, pmo))!;
        var adapted = library.Playbooks.Single(p => p.Key == key);
        Assert.Equal((true, true, 5, "Retire the PM budget tracker"), (adapted.IsBuiltIn, adapted.IsAdapted, adapted.Steps.Count, adapted.Steps[^1].Title));
        var stale = await Playbooks.SaveAsync(program, PmKey, form, null, pmo); // seen before the copy existed, and it has been revised since
        Assert.Contains("was changed by", Assert.Single(stale.Errors).Message);
        Assert.Contains("was changed by", Assert.Single((await Playbooks.SaveAsync(program, key, form, Guid.NewGuid(), pmo)).Errors).Message);

        await using var db = factory.CreateDbContext();
        var audit = await db.AuditEntries.SingleAsync(a => a.ProgramId == program && a.EntityType == "Playbook");
        Assert.Equal(("Revised", key), (audit.Action, audit.EntityId));
        Assert.DoesNotContain("Retire the PM budget tracker", audit.OldValues);
        Assert.Contains("5. Retire the PM budget tracker (+60d)", audit.NewValues);
    }

    [Fact]
    public async Task The_hotspots_criterion_turns_met_once_every_hotspot_has_a_playbook_with_a_live_action()
    {
        var (program, _, users) = await NewProgramAsync();
        var pms = await AddGroupAsync(program, "Capital Projects PMs", SupportLevel.Resistant, ResistanceType.PmWorkload);
        await AddGroupAsync(program, "Finance analysts", SupportLevel.StrongResistance, ResistanceType.FinanceTerritorial);
        await AddGroupAsync(program, "Portfolio executives", SupportLevel.Champion, ResistanceType.None);

        Assert.Equal(["Hotspots without a playbook: Finance analysts, Capital Projects PMs"], (await EvaluateAsync(program)).Reasons);
        var applied = await Playbooks.ApplyAsync(program, PmKey, await PlanAsync(program, users["change"], pms), users["change"]);
        Assert.Equal(["Hotspots without a playbook: Finance analysts"], (await EvaluateAsync(program)).Reasons);

        await using (var db = factory.CreateDbContext())
        {
            var analysts = await db.StakeholderGroups.SingleAsync(g => g.ProgramId == program && g.Name == "Finance analysts");
            analysts.Assess(PlaybookBuilder.Assessment(SupportLevel.Neutral, DateTimeOffset.UtcNow)); // no longer a hotspot
            await db.SaveChangesAsync();
        }
        var met = await EvaluateAsync(program);
        Assert.Equal((true, 1m, 1m), (met.IsMet, met.MeasuredValue, met.Threshold));

        // Dropping every action of the PM workload playbook un-addresses the hotspot again.
        foreach (var a in (await Work.ProgramWorkAsync(program, null, users["change"]))!.Actions)
            Assert.True((await Work.UpdateActionAsync(a.Id, new ActionForm { Status = ActionStatus.Dropped, OwnerUserId = a.OwnerUserId,
                DueDate = a.DueDate.ToDateTime(TimeOnly.MinValue), OutcomeNote = "Replaced by a PMO-wide approach" }, a.Version, users["change"])).Succeeded);
        Assert.Equal(["Hotspots without a playbook: Capital Projects PMs"], (await EvaluateAsync(program)).Reasons);
        Assert.True(applied.Succeeded);
    }

    private async Task<CriterionEvaluation> EvaluateAsync(int programId)
    {
        await using var db = factory.CreateDbContext();
        var program = await db.Programs.Include(p => p.Members).SingleAsync(p => p.Id == programId);
        var facts = await factory.Services.GetRequiredService<ProgramFactsLoader>().LoadAsync(db, program, CancellationToken.None);
        return new HotspotsAddressedEvaluator().Evaluate(new Dictionary<string, string>(), facts);
    }

    /// <summary>A program of the test's own: the demo PMO lead leads it; change lead, process owner, sponsor and viewer are members.</summary>
    private async Task<(int Program, CurrentUser Pmo, Dictionary<string, CurrentUser> Users)> NewProgramAsync()
    {
        var programs = factory.Services.GetRequiredService<ProgramService>();
        var users = new Dictionary<string, CurrentUser>();
        foreach (var key in new[] { "pmo", "change", "owner", "sponsor", "viewer" })
            users[key] = await factory.DemoUserAsync($"{key}@portal.local");
        var program = (await programs.CreateAsync(new ProgramForm { Name = "Playbooks " + Guid.NewGuid().ToString("N")[..8] }, users["pmo"])).Value;
        foreach (var (key, role) in new[] { ("change", ProgramRole.ChangeLead), ("owner", ProgramRole.ProcessOwner), ("sponsor", ProgramRole.ExecutiveSponsor), ("viewer", ProgramRole.Viewer) })
            Assert.True((await programs.SetMemberAsync(program, users[key].Id, role, users["pmo"])).Succeeded);
        return (program, users["pmo"], users);
    }

    /// <summary>A group assessed 5/5 with the given support (a hotspot when below Neutral).</summary>
    private async Task<int> AddGroupAsync(int programId, string name, SupportLevel support, ResistanceType type)
    {
        await using var db = factory.CreateDbContext();
        var group = StakeholderGroup.Create(programId, name, null).Value;
        group.Assess(Assessment.Create(new AssessmentInput(5, 5, support, SupportLevel.Supportive, type), "seed", "Seed", DateTimeOffset.UtcNow.AddDays(-1)).Value);
        db.StakeholderGroups.Add(group);
        await db.SaveChangesAsync();
        return group.Id;
    }

    /// <summary>The apply form as the dialog fills it: every step owned by <paramref name="user"/>, due after its offset.</summary>
    private async Task<ApplyForm> PlanAsync(int programId, CurrentUser user, int groupId, ResistanceType type = ResistanceType.PmWorkload)
    {
        var library = (await Playbooks.LibraryAsync(programId, await factory.DemoUserAsync("pmo@portal.local")))!;
        var playbook = library.Playbooks.First(p => p.Type == type);
        return new ApplyForm
        {
            TargetKey = $"{StakeholderKind.Group}:{groupId}",
            Actions = playbook.Steps.Select(s => new ActionPlanForm { StepOrder = s.Order, Title = s.Title, OwnerUserId = user.Id, DueDate = DateTime.UtcNow.Date.AddDays(s.DueAfterDays) }).ToList(),
        };
    }

    private async Task<int> FirstActionAsync(int applicationId)
    {
        await using var db = factory.CreateDbContext();
        return await db.PlaybookActions.Where(a => a.ApplicationId == applicationId).OrderBy(a => a.StepOrder).Select(a => a.Id).FirstAsync();
    }

    private async Task<CurrentUser> StrangerAsync()
    {
        await using var db = factory.CreateDbContext();
        var user = new PortalUser { UserName = $"stranger-{Guid.NewGuid():N}@example.test", DisplayName = "Stranger", CreatedUtc = DateTimeOffset.UtcNow };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return new CurrentUser(user.Id, user.DisplayName, new HashSet<string>());
    }
}
