using Microsoft.EntityFrameworkCore;
using Portal.Core.Playbooks;
using Portal.Core.Programs;
using Portal.Core.Stakeholders;
using Portal.Data;
using Portal.Data.Identity;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data;

/// <summary>Playbooks, applications and actions on both providers: steps, one copy per built-in, the overdue query, concurrency.</summary>
public sealed class PlaybookPersistenceTests
{
    private static readonly DateTimeOffset Now = PlaybookBuilder.AppliedUtc;

    [Theory, SqliteData, PostgresData]
    public async Task A_revised_copy_keeps_its_steps_in_order_and_a_program_gets_one_copy_per_built_in(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (programId, _, _) = await SeedAsync(db);
        int id;
        await using (var context = db.CreateContext())
        {
            var copy = Playbook.CopyOf(BuiltInPlaybooks.PmWorkload, programId, Now);
            context.Playbooks.Add(copy);
            await context.SaveChangesAsync();
            id = copy.Id;
        }
        await using (var context = db.CreateContext())
        {
            var copy = await context.Playbooks.SingleAsync(p => p.Id == id);
            Assert.Equal(BuiltInPlaybooks.PmWorkload.Steps.Select(s => s.Title), copy.Steps.OrderBy(s => s.Order).Select(s => s.Title));
            var steps = copy.StepInputs().Reverse().Append(new PlaybookStepInput("Share the saving at the PM community call", "Five minutes", 60)).ToList();
            Assert.True(copy.Revise(null, ResistanceType.Other, copy.Principle, steps, "Priya Natarajan", Now.AddDays(1)).Succeeded);
            await context.SaveChangesAsync();
        }
        await using (var context = db.CreateContext())
        {
            var copy = await context.Playbooks.AsNoTracking().SingleAsync(p => p.Id == id);
            Assert.Equal(("PM workload", ResistanceType.PmWorkload, "Priya Natarajan"), (copy.Name, copy.ResistanceType, copy.RevisedBy));
            var ordered = copy.Steps.OrderBy(s => s.Order).ToList();
            Assert.Equal(5, ordered.Count);
            Assert.Equal((BuiltInPlaybooks.PmWorkload.Steps[^1].Title, "Share the saving at the PM community call", 60),
                (ordered[0].Title, ordered[4].Title, ordered[4].DueAfterDays));
            Assert.Equal(5, await context.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"PlaybookSteps\"").SingleAsync());
        }

        await using var again = db.CreateContext();
        again.Playbooks.Add(Playbook.CopyOf(BuiltInPlaybooks.PmWorkload, programId, Now));
        again.Playbooks.Add(Playbook.CreateCustom(programId, "Custom one", ResistanceType.Other, "Why", [new("Step", null, 1)], Now).Value);
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveChangesAsync());
        Assert.True(refused.IsUniqueKeyViolation());
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_application_round_trips_and_overdue_actions_are_found_by_the_database(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (programId, groupId, ownerId) = await SeedAsync(db);
        await using (var context = db.CreateContext())
        {
            var playbook = Playbook.CopyOf(BuiltInPlaybooks.FinanceTerritorial, programId, Now);
            context.Playbooks.Add(playbook);
            await context.SaveChangesAsync();
            var group = await context.StakeholderGroups.SingleAsync(g => g.Id == groupId);
            var today = DateOnly.FromDateTime(Now.UtcDateTime);
            var plans = playbook.Steps.Select(s => new ActionPlan(s.Order, ownerId, today.AddDays(s.Order))).ToList();
            var application = PlaybookApplication.Apply(playbook, new ApplicationTarget(StakeholderKind.Group, group.Id, group.Name, group.Current),
                plans, new HashSet<string> { ownerId }, ownerId, "Sofia Reyes", Now).Value;
            application.Actions[0].Update(ActionStatus.Done, ownerId, today.AddDays(1), "Finance joined workshop 1", new HashSet<string> { ownerId }, "Sofia Reyes", Now);
            context.PlaybookApplications.Add(application);
            await context.SaveChangesAsync();
        }

        await using var read = db.CreateContext();
        var stored = await read.PlaybookApplications.AsNoTracking().Include(a => a.Actions).SingleAsync();
        Assert.Equal((StakeholderKind.Group, (int?)groupId, SupportLevel.StrongResistance, Now.AddDays(-20)),
            (stored.TargetKind, stored.GroupId, stored.SupportBefore, stored.BaselineAssessedUtc));
        Assert.Equal((ActionStatus.Done, Now, "Finance joined workshop 1"), (stored.Actions.Single(a => a.StepOrder == 1).Status,
            stored.Actions.Single(a => a.StepOrder == 1).ClosedUtc, stored.Actions.Single(a => a.StepOrder == 1).OutcomeNote));

        // Steps 1..5 are due on days 1..5; on day 4, steps 2 and 3 are overdue (1 is done, 4 is due today).
        var day4 = DateOnly.FromDateTime(Now.UtcDateTime).AddDays(4);
        var overdue = await read.PlaybookActions.Where(a => a.ProgramId == programId).Where(PlaybookAction.OverdueOn(day4))
            .OrderBy(a => a.StepOrder).Select(a => a.StepOrder).ToListAsync();
        Assert.Equal([2, 3], overdue);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Two_people_saving_the_same_action_cannot_both_win(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (programId, groupId, ownerId) = await SeedAsync(db);
        var members = new HashSet<string> { ownerId };
        await using (var context = db.CreateContext())
        {
            var playbook = Playbook.CopyOf(BuiltInPlaybooks.ItSovereignty, programId, Now);
            context.Playbooks.Add(playbook);
            await context.SaveChangesAsync();
            var plans = PlaybookApplication.DefaultPlans(playbook, ownerId, DateOnly.FromDateTime(Now.UtcDateTime));
            context.PlaybookApplications.Add(PlaybookApplication.Apply(playbook, new ApplicationTarget(StakeholderKind.Group, groupId, "Financial analysts", null),
                plans, members, ownerId, "Sofia Reyes", Now).Value);
            await context.SaveChangesAsync();
        }

        await using var first = db.CreateContext();
        await using var second = db.CreateContext();
        var a1 = await first.PlaybookActions.OrderBy(a => a.Id).FirstAsync();
        var a2 = await second.PlaybookActions.OrderBy(a => a.Id).FirstAsync();
        a1.Update(ActionStatus.InProgress, ownerId, a1.DueDate, "", members, "Sofia Reyes", Now);
        a2.Update(ActionStatus.Dropped, ownerId, a2.DueDate, "IT already owns monitoring", members, "Priya Natarajan", Now);
        await first.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_application_names_exactly_one_target(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (programId, groupId, ownerId) = await SeedAsync(db);
        await using var context = db.CreateContext();
        var playbook = Playbook.CopyOf(BuiltInPlaybooks.ItSovereignty, programId, Now);
        context.Playbooks.Add(playbook);
        await context.SaveChangesAsync();
        context.PlaybookApplications.Add(PlaybookApplication.Apply(playbook, new ApplicationTarget(StakeholderKind.Group, groupId, "Financial analysts", null),
            PlaybookApplication.DefaultPlans(playbook, ownerId, DateOnly.FromDateTime(Now.UtcDateTime)), new HashSet<string> { ownerId }, ownerId, "Sofia Reyes", Now).Value);
        await context.SaveChangesAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => context.Database.ExecuteSqlRawAsync("UPDATE \"PlaybookApplications\" SET \"GroupId\" = NULL"));
    }

    /// <summary>A program, a strongly resistant group assessed 20 days before <see cref="Now"/>, and a user who owns actions.</summary>
    private static async Task<(int ProgramId, int GroupId, string OwnerId)> SeedAsync(TestDatabase db)
    {
        await using var context = db.CreateContext();
        var user = new PortalUser { UserName = $"owner-{Guid.NewGuid():N}@example.test", DisplayName = "Sofia Reyes", CreatedUtc = Now };
        context.Users.Add(user);
        var program = new ProgramBuilder().Build();
        context.Programs.Add(program);
        await context.SaveChangesAsync();
        var group = StakeholderGroup.Create(program.Id, "Financial analysts", "AP and GL").Value;
        group.Assess(PlaybookBuilder.Assessment(SupportLevel.StrongResistance, Now.AddDays(-20)));
        context.StakeholderGroups.Add(group);
        await context.SaveChangesAsync();
        return (program.Id, group.Id, user.Id);
    }
}
