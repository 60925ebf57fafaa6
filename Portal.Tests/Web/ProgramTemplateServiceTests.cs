using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Milestones;
using Portal.Core.Programs;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Programs;
using Portal.Web.Features.Templates;

namespace Portal.Tests.Web;

/// <summary>Saving a program as a template, starting programs from it and deleting it, through the services the pages use.</summary>
public sealed class ProgramTemplateServiceTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    private ProgramTemplateService Templates => factory.Services.GetRequiredService<ProgramTemplateService>();
    private ProgramService Programs => factory.Services.GetRequiredService<ProgramService>();

    [Fact]
    public async Task Only_a_pmo_lead_of_the_program_or_an_administrator_saves_it_and_non_members_get_not_found()
    {
        var (atlas, harbor) = (await factory.ProgramIdAsync("Atlas"), await factory.ProgramIdAsync("Harbor"));
        var name = Unique("Permissions");

        var viewer = await Templates.SaveFromProgramAsync(atlas, Form(name), await factory.DemoUserAsync("viewer@portal.local"));
        var sponsor = await Templates.SaveFromProgramAsync(atlas, Form(name), await factory.DemoUserAsync("sponsor@portal.local"));
        var outsider = await Templates.SaveFromProgramAsync(harbor, Form(name), await factory.DemoUserAsync("viewer@portal.local"));

        const string refused = "Only a PMO lead of this program or an administrator can save it as a template.";
        Assert.Equal(refused, Assert.Single(viewer.Errors).Message);
        Assert.Equal(refused, Assert.Single(sponsor.Errors).Message);
        Assert.Equal(ProgramTemplateService.ProgramNotFound, Assert.Single(outsider.Errors).Message);
        Assert.Equal(0, await CountAsync(name));
        Assert.True((await Templates.SaveFromProgramAsync(atlas, Form(name), await factory.DemoUserAsync("pmo@portal.local"))).Succeeded);
        Assert.True((await Templates.SaveFromProgramAsync(harbor, Form(name + " (admin)"), await factory.DemoUserAsync("admin@portal.local"))).Succeeded);
    }

    [Fact]
    public async Task A_taken_name_is_refused_next_to_the_name_field_whatever_its_case()
    {
        var (atlas, pmo) = (await factory.ProgramIdAsync("Atlas"), await factory.DemoUserAsync("pmo@portal.local"));
        var name = Unique("Duplicate");
        Assert.True((await Templates.SaveFromProgramAsync(atlas, Form(name), pmo)).Succeeded);

        foreach (var taken in new[] { name, name.ToUpperInvariant(), ProgramTemplate.Default.Name })
        {
            var error = Assert.Single((await Templates.SaveFromProgramAsync(atlas, Form(taken), pmo)).Errors);
            Assert.Equal(("Name", "A template with this name already exists."), (error.Field, error.Message));
        }
        var empty = Assert.Single((await Templates.SaveFromProgramAsync(atlas, Form(" "), pmo)).Errors);
        Assert.Equal(("Name", "Template name is required."), (empty.Field, empty.Message));
    }

    [Fact]
    public async Task A_program_created_from_a_saved_template_has_the_saved_structure()
    {
        var pmo = await factory.DemoUserAsync("pmo@portal.local");
        var source = (await Programs.CreateAsync(new ProgramForm { Name = Unique("Reshaped") }, pmo)).Value;
        await ReshapeAsync(source);
        var name = Unique("Two gates");
        var templateId = (await Templates.SaveFromProgramAsync(source, Form(name), pmo)).Value;

        var created = await Programs.CreateAsync(new ProgramForm { Name = Unique("From template"), TemplateId = templateId }, pmo);

        Assert.True(created.Succeeded);
        var shape = await ShapeAsync(created.Value);
        Assert.Equal(await ShapeAsync(source), shape);
        Assert.Contains("Pilot | Technical Integration live in pilot with selected projects; performance monitored | paired: " +
            "Build/Training gate, Pilot/Early adopter feedback collected and acted on; quick wins documented; pilot resistance addressed individually", shape);
        var options = await Templates.ListAsync(pmo);
        Assert.Equal((null, ProgramTemplate.Default.Name), (options[0].Id, options[0].Name));
        Assert.Contains(options, o => o.Id == templateId && o.PhaseCount == 6 && o.MilestoneCount == 13 && o.CanDelete);
        Assert.Empty(await Templates.ListAsync(await factory.DemoUserAsync("viewer@portal.local")));
    }

    [Fact]
    public async Task A_program_made_from_the_demo_program_gets_its_plan_but_none_of_its_work()
    {
        var (atlas, pmo) = (await factory.ProgramIdAsync("Atlas"), await factory.DemoUserAsync("pmo@portal.local"));
        var templateId = (await Templates.SaveFromProgramAsync(atlas, Form(Unique("Atlas plan")), pmo)).Value;

        var created = (await Programs.CreateAsync(new ProgramForm { Name = Unique("Atlas copy"), TemplateId = templateId }, pmo)).Value;

        await using var db = factory.CreateDbContext();
        Assert.True(await db.Criteria.AnyAsync(c => c.Evidence != "" && db.Milestones.Any(m => m.Id == c.MilestoneId && db.Phases.Any(p => p.Id == m.PhaseId && p.ProgramId == atlas))));
        var phases = await db.Phases.Where(p => p.ProgramId == created).Include(p => p.Milestones).ThenInclude(m => m.Criteria).ThenInclude(c => c.SignOffs)
            .AsSplitQuery().ToListAsync();
        Assert.Equal(6, phases.Count);
        Assert.All(phases, p => Assert.False(p.IsClosed));
        Assert.All(phases.SelectMany(p => p.Milestones), m => Assert.Equal(MilestoneStatus.NotStarted, m.Status));
        Assert.All(phases.SelectMany(p => p.Milestones).SelectMany(m => m.Criteria), c => Assert.Equal(("", 0), (c.Evidence, c.SignOffs.Count)));
    }

    [Fact]
    public async Task Saving_creating_from_and_deleting_a_template_are_audited_and_only_admins_or_its_creator_delete_it()
    {
        var (atlas, pmo) = (await factory.ProgramIdAsync("Atlas"), await factory.DemoUserAsync("pmo@portal.local"));
        var name = Unique("Audited");
        var templateId = (await Templates.SaveFromProgramAsync(atlas, Form(name), pmo)).Value;
        var programId = (await Programs.CreateAsync(new ProgramForm { Name = Unique("Audited program"), TemplateId = templateId }, pmo)).Value;

        Assert.Equal("Only administrators and the person who saved a template can delete it.",
            Assert.Single((await Templates.DeleteAsync(templateId, await factory.DemoUserAsync("sponsor@portal.local"))).Errors).Message);
        Assert.True((await Templates.DeleteAsync(templateId, await factory.DemoUserAsync("admin@portal.local"))).Succeeded);

        await using var db = factory.CreateDbContext();
        var entries = await db.AuditEntries.Where(a => a.EntityType == "ProgramTemplate" && a.EntityId == templateId.ToString())
            .OrderBy(a => a.Sequence).ToListAsync();
        Assert.Equal([("Created", "Priya Natarajan"), ("Deleted", "Alex Morgan")], entries.Select(a => (a.Action, a.ActorName)));
        Assert.All(entries, a => Assert.Equal(atlas, a.ProgramId));
        var criteria = ProgramTemplate.Default.Phases.SelectMany(p => p.Milestones).Sum(m => m.Criteria.Count);
        Assert.StartsWith($"{name}; 6 phases, 12 milestones, {criteria} criteria; from program 'Atlas", entries[0].NewValues);
        var created = await db.AuditEntries.SingleAsync(a => a.EntityType == "Program" && a.EntityId == programId.ToString() && a.Action == "Created");
        Assert.EndsWith($"template '{name}'", created.NewValues);
        Assert.False(await db.ProgramTemplates.AnyAsync(t => t.Id == templateId));
        Assert.Equal(6, await db.Phases.CountAsync(p => p.ProgramId == programId)); // programs made from it keep their plans
    }

    [Fact]
    public async Task A_template_that_is_gone_is_refused_next_to_the_template_field()
    {
        var pmo = await factory.DemoUserAsync("pmo@portal.local");
        var name = Unique("Orphan");

        var result = await Programs.CreateAsync(new ProgramForm { Name = name, TemplateId = 987_654 }, pmo);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("TemplateId", "That template no longer exists; choose another."), (error.Field, error.Message));
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Programs.AnyAsync(p => p.Name == name));
    }

    private static TemplateForm Form(string name) => new() { Name = name, Description = "Saved in a test" };

    private static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    private async Task<int> CountAsync(string name)
    {
        await using var db = factory.CreateDbContext();
        return await db.ProgramTemplates.CountAsync(t => t.Name == name);
    }

    /// <summary>What a PMO lead might do to the default plan: a training gate in Build that the Pilot go-live also waits for.</summary>
    private async Task ReshapeAsync(int programId)
    {
        await using var db = factory.CreateDbContext();
        var phases = await db.Phases.Where(p => p.ProgramId == programId).OrderBy(p => p.Order)
            .Include(p => p.Milestones).ThenInclude(m => m.PairedWith).AsSplitQuery().ToListAsync();
        var training = Milestone.Create(MilestoneKind.Change, "Training gate", "Finance analysts trained before the pilot").Value;
        training.AddCriterion(Criterion.Computed("Two process owners assigned", null, MembersInRoleEvaluator.EvaluatorKey,
            new Dictionary<string, string> { ["role"] = nameof(ProgramRole.ProcessOwner), ["minimum"] = "2" }, CriterionEvaluators.Default).Value);
        phases[2].Add(training);
        var pilot = phases[3].Milestones;
        pilot.Single(m => m.Kind == MilestoneKind.Technical).PairWith([pilot.Single(m => m.Kind == MilestoneKind.Change), training]);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// A program's plan as text, with pairings named by phase and milestone so two programs compare. Sorted by name, not
    /// id: ids of one save need not follow the order entities were added in.
    /// </summary>
    private async Task<List<string>> ShapeAsync(int programId)
    {
        await using var db = factory.CreateDbContext();
        var phases = await db.Phases.AsNoTrackingWithIdentityResolution().Where(p => p.ProgramId == programId).OrderBy(p => p.Order)
            .Include(p => p.Milestones).ThenInclude(m => m.Criteria)
            .Include(p => p.Milestones).ThenInclude(m => m.PairedWith).AsSplitQuery().ToListAsync();
        var phaseOf = phases.SelectMany(p => p.Milestones.Select(m => (m.Id, p.Name))).ToDictionary(x => x.Id, x => x.Name);
        return phases.SelectMany(p => p.Milestones.OrderBy(m => m.Kind).ThenBy(m => m.Name).SelectMany(m => new[]
        {
            $"{p.Name} | {m.Kind} {m.Name} | paired: {string.Join(", ", m.PairedWith.Select(x => $"{phaseOf[x.Id]}/{x.Name}").Order())}",
        }.Concat(m.Criteria.OrderBy(c => c.Title).Select(c =>
            $"  {c.Kind} {c.Title} | {c.EvaluatorKey} | {string.Join(",", c.Parameters.OrderBy(x => x.Key))} | {string.Join(",", c.Requirements.Select(r => r.Role + ":" + r.Label))}")))).ToList();
    }
}
