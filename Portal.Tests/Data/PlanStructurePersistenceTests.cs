using Microsoft.EntityFrameworkCore;
using Portal.Core.Milestones;
using Portal.Data;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data;

/// <summary>Structural edits reach the database on both providers: added milestones, new pairings, removals with their criteria and pairs.</summary>
public sealed class PlanStructurePersistenceTests
{
    private static readonly CriterionEvaluators Evaluators = CriterionEvaluators.Default;

    [Theory, SqliteData, PostgresData]
    public async Task An_added_and_paired_milestone_persists_and_removing_one_takes_its_criteria_and_pairs_with_it(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var program = new ProgramBuilder().Build();
        program.AdoptPlan(ProgramTemplate.Default.Instantiate(Evaluators));
        await using (var context = db.CreateContext())
        {
            context.Programs.Add(program);
            await context.SaveChangesAsync();
        }

        int added, removed;
        await using (var context = db.CreateContext())
        {
            var phases = await LoadPlanAsync(context, program.Id);
            var build = phases[2];
            var extra = build.AddMilestone(MilestoneKind.Change, "Support model agreed", null).Value;
            extra.AddCriterion(Criterion.Computed("Go-live planned", null, GoLivePlannedEvaluator.EvaluatorKey, new Dictionary<string, string>(), Evaluators).Value);
            build.Milestones.First(m => m.Kind == MilestoneKind.Technical).PairWith([build.Milestones.First(m => m.Kind == MilestoneKind.Change), extra], null);
            var design = phases[1];
            var designChange = design.Milestones.Single(m => m.Kind == MilestoneKind.Change);
            removed = designChange.Id;
            Assert.True(design.RemoveMilestone(designChange, null, phases).Succeeded);
            await context.SaveChangesAsync();
            added = extra.Id;
        }

        await using var check = db.CreateContext();
        var reloaded = await LoadPlanAsync(check, program.Id);
        Assert.Equal(["Early adopter group briefed; training materials built with real organisational data; resistance response playbook prepared", "Support model agreed"],
            reloaded[2].Milestones.First(m => m.Kind == MilestoneKind.Technical).PairedWith.Select(m => m.Name).OrderBy(n => n));
        Assert.Equal(GoLivePlannedEvaluator.EvaluatorKey, reloaded[2].Milestones.Single(m => m.Id == added).Criteria.Single().EvaluatorKey);
        Assert.Empty(reloaded[1].Milestones.Single().PairedWith);
        Assert.False(await check.Criteria.AnyAsync(c => c.MilestoneId == removed));
    }

    private static Task<List<Phase>> LoadPlanAsync(PortalDbContext context, int programId) =>
        context.Phases.Where(p => p.ProgramId == programId).OrderBy(p => p.Order)
            .Include(p => p.Milestones).ThenInclude(m => m.Criteria).ThenInclude(c => c.SignOffs)
            .Include(p => p.Milestones).ThenInclude(m => m.PairedWith)
            .AsSplitQuery().ToListAsync();
}
