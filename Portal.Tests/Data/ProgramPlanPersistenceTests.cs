using Microsoft.EntityFrameworkCore;
using Portal.Core.Milestones;
using Portal.Core.Programs;
using Portal.Data;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data;

/// <summary>A program's phases, paired milestones, criteria and sign-offs survive a round trip, and the gate works on what comes back.</summary>
public sealed class ProgramPlanPersistenceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly CriterionEvaluators Evaluators = CriterionEvaluators.Default;
    private static readonly ProgramFacts Facts = new(new DateOnly(2026, 11, 22), null, null,
        new Dictionary<string, int> { [nameof(ProgramRole.ExecutiveSponsor)] = 1 });

    [Theory, SqliteData, PostgresData]
    public async Task The_default_template_round_trips_with_pairs_criteria_and_requirements(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var programId = await SaveProgramWithPlanAsync(db);

        await using var context = db.CreateContext();
        var phases = await LoadPlanAsync(context, programId);

        Assert.Equal(["Discovery", "Design", "Build", "Pilot", "Go-Live", "Sustain"], phases.Select(p => p.Name));
        var technical = phases[0].Milestones.Single(m => m.Kind == MilestoneKind.Technical);
        var change = phases[0].Milestones.Single(m => m.Kind == MilestoneKind.Change);
        Assert.Same(change, Assert.Single(technical.PairedWith));
        Assert.Equal(4, change.Criteria.Count);
        Assert.Equal(["Change lead"], change.Criteria[0].Requirements.Select(r => r.Label));
        Assert.Equal(nameof(ProgramRole.ExecutiveSponsor), change.Criteria[3].Parameters["role"]);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Evidence_and_sign_offs_persist_and_the_gate_then_lets_the_milestone_complete(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var programId = await SaveProgramWithPlanAsync(db);
        await using (var context = db.CreateContext())
        {
            var change = (await LoadPlanAsync(context, programId))[0].Milestones.Single(m => m.Kind == MilestoneKind.Change);
            foreach (var criterion in change.Criteria.Where(c => c.Kind == CriterionKind.Evidence))
            {
                criterion.RecordEvidence("Workshop notes: https://intranet/discovery");
                foreach (var requirement in criterion.Requirements)
                    criterion.Sign(new Signer("u-" + requirement.Role, requirement.Label, [requirement.Role!]), SignOffMeaning.Approved, "ok", Now);
            }
            await context.SaveChangesAsync();
        }

        await using (var context = db.CreateContext())
        {
            var technical = (await LoadPlanAsync(context, programId))[0].Milestones.Single(m => m.Kind == MilestoneKind.Technical);
            Assert.True(technical.Complete(Facts, Evaluators, "Priya Natarajan", Now).IsAllowed);
            await context.SaveChangesAsync();
        }

        await using var check = db.CreateContext();
        var stored = (await LoadPlanAsync(check, programId))[0];
        Assert.Equal(MilestoneStatus.Complete, stored.Milestones.Single(m => m.Kind == MilestoneKind.Technical).Status);
        var signOff = stored.Milestones.Single(m => m.Kind == MilestoneKind.Change).Criteria[0].SignOffs.Single();
        Assert.Equal(stored.Milestones.Single(m => m.Kind == MilestoneKind.Change).Criteria[0].ContentHash(), signOff.ContentHash);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Two_people_changing_the_same_milestone_cannot_both_win(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var programId = await SaveProgramWithPlanAsync(db);
        await using var first = db.CreateContext();
        await using var second = db.CreateContext();
        var mine = (await LoadPlanAsync(first, programId))[0].Milestones.Single(m => m.Kind == MilestoneKind.Technical);
        var theirs = (await LoadPlanAsync(second, programId))[0].Milestones.Single(m => m.Kind == MilestoneKind.Technical);

        mine.SetStatus(MilestoneStatus.InProgress);
        await first.SaveChangesAsync();
        theirs.SetStatus(MilestoneStatus.Blocked);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = db.CreateContext();
        Assert.Equal(MilestoneStatus.InProgress, (await LoadPlanAsync(check, programId))[0].Milestones.Single(m => m.Kind == MilestoneKind.Technical).Status);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Budgets_are_stored_with_cents(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var program = new ProgramBuilder().Build();
        program.SetBudget(1_250_000.50m, 187_500.25m);
        await using (var context = db.CreateContext())
        {
            context.Programs.Add(program);
            await context.SaveChangesAsync();
        }

        await using var check = db.CreateContext();
        var stored = await check.Programs.SingleAsync(p => p.Id == program.Id);
        Assert.Equal((1_250_000.50m, 187_500.25m), (stored.TotalBudget!.Value, stored.ChangeBudget!.Value));
    }

    private static async Task<int> SaveProgramWithPlanAsync(TestDatabase db)
    {
        var program = new ProgramBuilder().Build();
        program.AdoptPlan(TestTemplates.Classic.Instantiate(Evaluators));
        await using var context = db.CreateContext();
        context.Programs.Add(program);
        await context.SaveChangesAsync();
        return program.Id;
    }

    private static async Task<List<Phase>> LoadPlanAsync(PortalDbContext context, int programId) =>
        await context.Phases.Where(p => p.ProgramId == programId).OrderBy(p => p.Order)
            .Include(p => p.Milestones).ThenInclude(m => m.Criteria).ThenInclude(c => c.SignOffs)
            .Include(p => p.Milestones).ThenInclude(m => m.PairedWith)
            .AsSplitQuery()
            .ToListAsync();
}
