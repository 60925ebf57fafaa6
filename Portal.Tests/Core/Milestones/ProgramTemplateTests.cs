using Portal.Tests.Builders;
using System.Text.Json;
using Portal.Core.Milestones;
using Portal.Core.Programs;

namespace Portal.Tests.Core.Milestones;

/// <summary>Saving a program's plan as a template and starting a new program from it (ADR-010).</summary>
public sealed class ProgramTemplateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly CriterionEvaluators Evaluators = CriterionEvaluators.Default;
    private static readonly IReadOnlyDictionary<string, ProgramRole> NoMembers = new Dictionary<string, ProgramRole>();

    [Fact]
    public void A_captured_plan_instantiates_to_the_same_phases_milestones_pairings_criteria_and_parameters()
    {
        var plan = ReshapedPlanWithWorkDone();

        var template = ProgramTemplate.FromPlan("Finance integration, two gates", "Our usual plan", plan, NoMembers).Value;
        var rebuilt = template.Instantiate(Evaluators);

        Assert.Equal(Shape(plan), Shape(rebuilt));
        Assert.Contains("  Technical Integration live in pilot with selected projects; performance monitored |  | paired: Pilot/Early adopter feedback collected and acted on; quick wins documented; pilot resistance addressed individually, Build/Training gate",
            Shape(rebuilt));
        Assert.Contains("    Computed Finance analysts enrolled | Counted from membership | members-in-role | label=Finance analysts, minimum=2, role=ProcessOwner | ",
            Shape(rebuilt));
    }

    [Fact]
    public void None_of_the_work_is_carried_over()
    {
        var plan = ReshapedPlanWithWorkDone();
        Assert.True(plan[0].IsClosed);

        var rebuilt = ProgramTemplate.FromPlan("Fresh start", null, plan, NoMembers).Value.Instantiate(Evaluators);

        Assert.All(rebuilt, phase => Assert.Null(phase.ClosedUtc));
        var milestones = rebuilt.SelectMany(p => p.Milestones).ToList();
        Assert.All(milestones, m => Assert.Equal((MilestoneStatus.NotStarted, (DateTimeOffset?)null, (string?)null), (m.Status, m.CompletedUtc, m.CompletedBy)));
        Assert.All(milestones.SelectMany(m => m.Criteria), c => Assert.Equal(("", 0), (c.Evidence, c.SignOffs.Count)));
    }

    [Fact]
    public void Capturing_the_default_plan_gives_back_the_default_template()
    {
        var captured = ProgramTemplate.FromPlan("Copy", null, ProgramTemplate.Default.Instantiate(Evaluators), NoMembers).Value;

        Assert.Equal(JsonSerializer.Serialize(ProgramTemplate.Default.Phases), JsonSerializer.Serialize(captured.Phases));
        Assert.Equal(12, captured.MilestoneCount);
    }

    [Fact]
    public void A_sign_off_by_a_named_person_becomes_one_by_their_role_and_is_dropped_when_they_left_the_program()
    {
        var plan = ProgramTemplate.Default.Instantiate(Evaluators);
        var change = plan[1].Milestones.Single(m => m.Kind == MilestoneKind.Change);
        change.AddCriterion(Criterion.Evidential("Chart of accounts mapping approved", null,
        [
            SignOffRequirement.ByPerson("u-mara", "Mara Lindqvist"),
            SignOffRequirement.ByPerson("u-gone", "Former controller"),
            SignOffRequirement.ByPerson("u-pmo", "Priya Natarajan"),
            SignOffRequirement.ByRole(nameof(ProgramRole.PmoLead), "PMO lead"),
        ]).Value);
        var members = new Dictionary<string, ProgramRole> { ["u-mara"] = ProgramRole.ProcessOwner, ["u-pmo"] = ProgramRole.PmoLead };

        var template = ProgramTemplate.FromPlan("Named", null, plan, members).Value;

        var signOffs = template.Phases[1].Milestones[1].Criteria.Single(c => c.Title == "Chart of accounts mapping approved").SignOffs;
        Assert.Equal([new TemplateSignOff("PmoLead", "PMO lead"), new TemplateSignOff("ProcessOwner", "Process owner")], signOffs);
    }

    [Fact]
    public void A_change_milestone_s_own_required_sign_offs_travel_with_the_template()
    {
        var plan = ProgramTemplate.Default.Instantiate(Evaluators);
        var design = plan[1].Milestones.Single(m => m.Kind == MilestoneKind.Change);
        design.RequireSignOffs([SignOffRequirement.ByRole(nameof(ProgramRole.ProcessOwner), "Finance process owner"),
            SignOffRequirement.ByPerson("u-pmo", "Priya Natarajan")], null);
        var members = new Dictionary<string, ProgramRole> { ["u-pmo"] = ProgramRole.PmoLead };

        var rebuilt = ProgramTemplate.FromPlan("Whole sign-offs", null, plan, members).Value.Instantiate(Evaluators);

        var requirements = rebuilt[1].Milestones.Single(m => m.Kind == MilestoneKind.Change).SignOffRequirements;
        Assert.Equal([("ProcessOwner", "Finance process owner"), ("PmoLead", "PMO lead")], requirements.Select(r => (r.Role!, r.Label)));
        Assert.All(rebuilt.Where((_, i) => i != 1).SelectMany(p => p.Milestones), m => Assert.Empty(m.SignOffRequirements));
    }

    [Theory]
    [InlineData("", null, "Name", "Template name is required.")]
    [InlineData("   ", null, "Name", "Template name is required.")]
    [InlineData("x", "long", "Description", "Description must be at most 1000 characters (it has 1001).")]
    public void A_template_needs_a_name_and_a_bounded_description(string name, string? description, string field, string message)
    {
        var text = description is null ? null : new string('d', ProgramTemplate.MaxDescriptionLength + 1);

        var result = ProgramTemplate.FromPlan(name, text, ProgramTemplate.Default.Instantiate(Evaluators), NoMembers);

        Assert.Equal(new Portal.Core.Common.FieldError(field, message), Assert.Single(result.Errors));
    }

    [Fact]
    public void A_name_longer_than_the_limit_and_an_empty_plan_are_refused()
    {
        var result = ProgramTemplate.FromPlan(new string('n', ProgramTemplate.MaxNameLength + 1), null, [], NoMembers);

        Assert.Equal(["Name", ""], result.Errors.Select(e => e.Field));
        Assert.Equal("This program has no phases to save as a template.", result.Errors[1].Message);
    }

    [Fact]
    public void A_saved_template_that_no_longer_fits_this_version_says_why_instead_of_throwing()
    {
        var template = new ProgramTemplate("Old", "", [new TemplatePhase("Build",
        [
            new TemplateMilestone(MilestoneKind.Technical, "Integration built", "", [], [new MilestoneRef(0, 1), new MilestoneRef(3, 0)]),
            new TemplateMilestone(MilestoneKind.Change, "Training done", "",
                [new TemplateCriterion("Completion above target", [], "retired-evaluator", new Dictionary<string, string>())], []),
        ])]);

        var result = template.TryInstantiate(Evaluators);

        Assert.Equal(
        [
            "Build, Training done, criterion 'Completion above target': There is no evaluator 'retired-evaluator'.",
            "Integration built is paired with a milestone the template does not have.",
        ], result.Errors.Select(e => e.Message));
    }

    [Fact]
    public void A_technical_milestone_cannot_be_paired_with_another_technical_one()
    {
        var template = new ProgramTemplate("Odd", "", [new TemplatePhase("Build",
        [
            new TemplateMilestone(MilestoneKind.Technical, "A", "", [], [new MilestoneRef(0, 1)]),
            new TemplateMilestone(MilestoneKind.Technical, "B", "", [], []),
        ])]);

        Assert.Equal("A: A technical milestone can only be paired with change milestones.", Assert.Single(template.TryInstantiate(Evaluators).Errors).Message);
    }

    /// <summary>
    /// The default plan reshaped the way PMO leads do: a second change milestone in Build that the Pilot technical
    /// milestone also waits for (across phases), a second technical milestone in Pilot, a computed criterion with
    /// parameters; then work done: Discovery met, completed and closed, evidence and a sign-off in Design.
    /// </summary>
    private static IReadOnlyList<Phase> ReshapedPlanWithWorkDone()
    {
        var plan = TestTemplates.Classic.Instantiate(Evaluators);
        var training = Milestone.Create(MilestoneKind.Change, "Training gate", "Finance analysts trained before pilot").Value;
        training.AddCriterion(Criterion.Evidential("Course material reviewed", "Reviewed by the process owner",
            [SignOffRequirement.ByRole(nameof(ProgramRole.ProcessOwner), "Finance process owner")]).Value);
        training.AddCriterion(Criterion.Computed("Finance analysts enrolled", "Counted from membership", MembersInRoleEvaluator.EvaluatorKey,
            new Dictionary<string, string> { ["role"] = nameof(ProgramRole.ProcessOwner), ["minimum"] = "2", ["label"] = "Finance analysts" }, Evaluators).Value);
        plan[2].Add(training);

        var pilotTechnical = plan[3].Milestones.Single(m => m.Kind == MilestoneKind.Technical);
        var pilotChange = plan[3].Milestones.Single(m => m.Kind == MilestoneKind.Change);
        pilotTechnical.PairWith([pilotChange, training]);
        var rehearsal = Milestone.Create(MilestoneKind.Technical, "Data migration rehearsal", "Two dry runs").Value;
        rehearsal.PairWith([pilotChange]);
        plan[3].Add(rehearsal);

        var discovery = plan[0].Milestones.Single(m => m.Kind == MilestoneKind.Change);
        foreach (var criterion in discovery.Criteria.Where(c => c.Kind == CriterionKind.Evidence))
        {
            criterion.RecordEvidence("Workshop notes");
            foreach (var r in criterion.Requirements)
                criterion.Sign(new Signer("u-" + r.Role, r.Label, [r.Role!]), SignOffMeaning.Approved, "ok", Now);
        }
        var facts = MilestoneGateTests.Facts(sponsors: 1);
        Assert.True(plan[0].Milestones.Single(m => m.Kind == MilestoneKind.Technical).Complete(facts, Evaluators, "Priya", Now).IsAllowed);
        Assert.True(plan[0].Close(plan, facts, Evaluators, Now).Succeeded);
        var design = plan[1].Milestones.Single(m => m.Kind == MilestoneKind.Change).Criteria[0];
        design.RecordEvidence("Signed process design v2");
        design.Sign(new Signer("u-owner", "Mara", [nameof(ProgramRole.ProcessOwner)]), SignOffMeaning.Approved, null, Now);
        pilotTechnical.SetStatus(MilestoneStatus.InProgress);
        return plan;
    }

    /// <summary>The plan as text, pairings named by phase and milestone so two plans with different objects compare.</summary>
    private static List<string> Shape(IReadOnlyList<Phase> plan)
    {
        var phaseOf = plan.SelectMany(p => p.Milestones.Select(m => (m, p.Name))).ToDictionary(x => x.m, x => x.Name);
        var lines = new List<string>();
        foreach (var phase in plan.OrderBy(p => p.Order))
        {
            lines.Add($"{phase.Order} {phase.Name}");
            foreach (var m in phase.Milestones.OrderBy(m => m.Kind))
            {
                lines.Add($"  {m.Kind} {m.Name} | {m.Description} | paired: {string.Join(", ", m.PairedWith.Select(p => $"{phaseOf[p]}/{p.Name}"))}");
                lines.AddRange(m.Criteria.Select(c => $"    {c.Kind} {c.Title} | {c.Description} | {c.EvaluatorKey} | " +
                    $"{string.Join(", ", c.Parameters.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}"))} | " +
                    string.Join(", ", c.Requirements.Select(r => $"{r.Role}:{r.Label}"))));
            }
        }
        return lines;
    }
}
