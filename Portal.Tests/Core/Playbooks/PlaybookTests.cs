using Portal.Core.Playbooks;
using Portal.Core.Stakeholders;
using Portal.Tests.Builders;

namespace Portal.Tests.Core.Playbooks;

/// <summary>Built-in and custom playbooks, their validation, and applying one to a stakeholder.</summary>
public sealed class PlaybookTests
{
    private static readonly DateTimeOffset Now = PlaybookBuilder.AppliedUtc;

    [Fact]
    public void There_is_one_built_in_per_resistance_type_with_ordered_steps()
    {
        Assert.Equal([ResistanceType.FinanceTerritorial, ResistanceType.PmWorkload, ResistanceType.ItTechnicalSovereignty],
            BuiltInPlaybooks.All.Select(b => b.ResistanceType));
        Assert.All(BuiltInPlaybooks.All, b => Assert.Empty(Playbook.Validate(b.Name, b.ResistanceType, b.Principle, b.Steps)));
        Assert.Equal(BuiltInPlaybooks.All.Count, BuiltInPlaybooks.All.Select(b => b.Key).Distinct().Count());
        Assert.Contains(BuiltInPlaybooks.FinanceTerritorial.Steps, s => s.Title!.Contains("system-of-record"));
        Assert.Contains(BuiltInPlaybooks.PmWorkload.Steps, s => s.Title!.Contains("late-payment"));
        Assert.Contains(BuiltInPlaybooks.ItSovereignty.Steps, s => s.Title!.Contains("support requirements before go-live"));
    }

    [Fact]
    public void A_program_copy_of_a_built_in_keeps_its_name_and_type_when_revised()
    {
        var copy = PlaybookBuilder.FinanceCopy(programId: 4);
        Assert.Equal((4, BuiltInPlaybooks.FinanceTerritorialKey, true, 5), (copy.ProgramId, copy.BuiltInKey, copy.IsBuiltIn, copy.Steps.Count));
        var version = copy.Version;

        var revised = copy.Revise("Renamed", ResistanceType.Other, "Involve finance at design.", [new("Finance chairs the rules board", null, 10)], "Priya Natarajan", Now);

        Assert.True(revised.Succeeded);
        Assert.Equal(("Finance territorial", ResistanceType.FinanceTerritorial, "Involve finance at design."), (copy.Name, copy.ResistanceType, copy.Principle));
        Assert.Equal([(1, "Finance chairs the rules board", 10)], copy.Steps.Select(s => (s.Order, s.Title, s.DueAfterDays)));
        Assert.Equal(("Priya Natarajan", Now), (copy.RevisedBy, copy.RevisedUtc));
        Assert.NotEqual(version, copy.Version);
    }

    [Fact]
    public void A_custom_playbook_reports_each_bad_step_on_its_own_row()
    {
        var created = Playbook.CreateCustom(1, " ", ResistanceType.None, "", [new("Hold a clinic", null, 7), new(" ", null, -1), new("Ok", new string('g', 1001), 400)], Now);

        Assert.Equal(["Name", "ResistanceType", "Principle", "Steps[1].Title", "Steps[1].DueAfterDays", "Steps[2].Guidance", "Steps[2].DueAfterDays"],
            created.Errors.Select(e => e.Field));
        Assert.Equal("Step 2 is required.", created.Errors.Single(e => e.Field == "Steps[1].Title").Message);
        Assert.Equal("Steps", Assert.Single(Playbook.CreateCustom(1, "Sales", ResistanceType.Other, "Why", [], Now).Errors).Field);
    }

    [Fact]
    public void A_custom_playbook_can_be_renamed_and_retyped()
    {
        var custom = Playbook.CreateCustom(1, " Controllers' clinic ", ResistanceType.Other, "Meet them weekly.", [new("First clinic", "Bring the open items", 7)], Now).Value;
        Assert.Equal(("Controllers' clinic", false, null), (custom.Name, custom.IsBuiltIn, custom.BuiltInKey));
        Assert.True(custom.Revise("Controller clinic", ResistanceType.FinanceTerritorial, "Meet them weekly.", custom.StepInputs(), "Priya", Now).Succeeded);
        Assert.Equal(("Controller clinic", ResistanceType.FinanceTerritorial), (custom.Name, custom.ResistanceType));
    }

    [Fact]
    public void Applying_creates_one_owned_dated_action_per_step_and_records_the_support_at_the_time()
    {
        var application = PlaybookBuilder.Applied();

        Assert.Equal((StakeholderKind.Group, (int?)7, (int?)null, 7), (application.TargetKind, application.GroupId, application.PersonId, application.TargetId));
        Assert.Equal((SupportLevel.Resistant, Now.AddDays(-7)), (application.SupportBefore, application.BaselineAssessedUtc));
        Assert.Equal(("Finance territorial", ResistanceType.FinanceTerritorial), (application.PlaybookName, application.ResistanceType));
        Assert.Equal([1, 2, 3, 4, 5], application.Actions.Select(a => a.StepOrder));
        Assert.All(application.Actions, a => Assert.Equal(("u-change", ActionStatus.Open), (a.OwnerUserId, a.Status)));
        Assert.Equal(BuiltInPlaybooks.FinanceTerritorial.Steps[1].Title, application.Actions[1].Title);
        Assert.StartsWith("Finance territorial applied to group 'Finance analysts'; support at the time: Resistant; actions: 1. ", application.Describe());
    }

    [Fact]
    public void Applying_refuses_missing_owners_non_members_and_due_dates_in_the_past_on_the_steps_row()
    {
        var playbook = Playbook.CreateCustom(1, "Clinic", ResistanceType.Other, "Weekly", [new("One", null, 1), new("Two", null, 2), new("Three", null, 3)], Now).Value;
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        var target = new ApplicationTarget(StakeholderKind.Person, 3, "Lena Fischer", null);

        var refused = PlaybookApplication.Apply(playbook, target,
            [new(1, null, today), new(2, "u-stranger", today.AddDays(-1)), new(3, "u-owner", today.AddDays(PlaybookApplication.MaxDaysAhead + 1))],
            PlaybookBuilder.Members, "u-change", "Sofia Reyes", Now);

        Assert.Equal(["Actions[0].Owner", "Actions[1].Owner", "Actions[1].DueDate", "Actions[2].DueDate"], refused.Errors.Select(e => e.Field));
        Assert.Equal("Step 2: the due date cannot be before today (2026-03-02).", refused.Errors[2].Message);

        var unassessed = PlaybookApplication.Apply(playbook, target, PlaybookApplication.DefaultPlans(playbook, "u-owner", today),
            PlaybookBuilder.Members, "u-change", "Sofia Reyes", Now).Value;
        Assert.Equal((null, (int?)3, today.AddDays(3)), (unassessed.SupportBefore, unassessed.PersonId, unassessed.Actions[2].DueDate));
    }
}
