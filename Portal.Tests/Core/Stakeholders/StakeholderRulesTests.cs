using Portal.Core.Milestones;
using Portal.Core.Stakeholders;

namespace Portal.Tests.Core.Stakeholders;

public sealed class StakeholderRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    internal static Assessment Assessment(int influence = 4, int impact = 4, SupportLevel support = SupportLevel.Resistant,
        ResistanceType? type = ResistanceType.FinanceTerritorial, bool early = false) =>
        Portal.Core.Stakeholders.Assessment.Create(new AssessmentInput(influence, impact, support, SupportLevel.Supportive, type, IsEarlyAdopter: early),
            "u-change", "Sofia Reyes", Now).Value;

    private static MapEntry Entry(string name, int influence, int impact, SupportLevel support, int people = 1, StakeholderKind kind = StakeholderKind.Group) =>
        new(kind, name.GetHashCode() & 0xffff, name, 1, "Group", people, influence, impact, support, SupportLevel.Supportive, ResistanceType.Other, false);

    [Fact]
    public void A_person_without_an_assessment_inherits_the_groups_and_their_own_wins_once_assessed()
    {
        var group = StakeholderGroup.Create(1, "Financial analysts", null).Value;
        var person = StakeholderPerson.Create(1, 7, "Ana Ruiz", "Analyst", "ana@example.com", "Invoices").Value;
        Assert.Null(person.EffectiveAssessment(group.Current));

        group.Assess(Assessment(support: SupportLevel.Resistant));
        Assert.Same(group.Current, person.EffectiveAssessment(group.Current));

        person.Assess(Assessment(support: SupportLevel.Champion, early: true));
        Assert.Equal(SupportLevel.Champion, person.EffectiveAssessment(group.Current)!.CurrentSupport);
        Assert.True(person.IsAssessedIndividually);

        person.InheritGroupAssessment();
        Assert.Equal(SupportLevel.Resistant, person.EffectiveAssessment(group.Current)!.CurrentSupport);
        Assert.Single(person.History); // going back to the group keeps the individual history
    }

    [Fact]
    public void Every_assessment_is_appended_to_the_history_and_the_latest_is_current()
    {
        var group = StakeholderGroup.Create(1, "Capital Projects PMs", null).Value;
        group.Assess(Assessment(support: SupportLevel.Neutral));
        group.Assess(Assessment(support: SupportLevel.Resistant));

        Assert.Equal([SupportLevel.Neutral, SupportLevel.Resistant], group.History.Select(h => h.Assessment.CurrentSupport));
        Assert.Equal(SupportLevel.Resistant, group.Current!.CurrentSupport);
        Assert.NotSame(group.Current, group.History[^1].Assessment); // stored apart: the history row is its own copy
    }

    [Theory]
    [InlineData(4, 4, SupportLevel.Resistant, true)]
    [InlineData(5, 5, SupportLevel.StrongResistance, true)]
    [InlineData(3, 5, SupportLevel.StrongResistance, false)] // influence too low
    [InlineData(5, 3, SupportLevel.StrongResistance, false)] // impact too low
    [InlineData(5, 5, SupportLevel.Neutral, false)]          // Neutral is not below Neutral
    public void A_hotspot_is_high_influence_and_high_impact_below_neutral(int influence, int impact, SupportLevel support, bool hot) =>
        Assert.Equal(hot, StakeholderRules.IsHotspot(influence, impact, support));

    [Fact]
    public void Hotspots_rank_by_influence_times_impact_times_steps_below_neutral_then_by_people_then_name()
    {
        var ranked = StakeholderRules.RankHotspots(
        [
            Entry("Supportive execs", 5, 5, SupportLevel.Supportive, 4),
            Entry("Capital Projects PMs", 5, 5, SupportLevel.Resistant, 11),  // 25
            Entry("Finance analysts", 4, 4, SupportLevel.StrongResistance, 9), // 32: strong resistance outweighs a higher grid position
            Entry("Controllers", 5, 5, SupportLevel.Resistant, 7),           // 25, fewer people than the PMs
            Entry("Beta team", 5, 5, SupportLevel.Resistant, 7),             // 25, same people: by name
            Entry("Low influence", 3, 5, SupportLevel.StrongResistance, 40),
        ]);

        Assert.Equal(["Finance analysts", "Capital Projects PMs", "Beta team", "Controllers"], ranked.Select(h => h.Entry.Name));
        Assert.Equal([32, 25, 25, 25], ranked.Select(h => h.Score));
        Assert.Equal([1, 2, 3, 4], ranked.Select(h => h.Rank));
    }

    [Theory]
    [InlineData(SupportLevel.StrongResistance, SupportLevel.Supportive, 3)]
    [InlineData(SupportLevel.Neutral, SupportLevel.Champion, 2)]
    [InlineData(SupportLevel.Supportive, SupportLevel.Supportive, 0)]
    [InlineData(SupportLevel.Champion, SupportLevel.Supportive, 0)] // above target is no gap, not a negative one
    public void The_gap_is_the_steps_support_still_has_to_move_up(SupportLevel current, SupportLevel target, int gap) =>
        Assert.Equal(gap, StakeholderRules.Gap(current, target));

    [Fact]
    public void The_map_is_complete_when_every_group_is_assessed_with_a_resistance_type()
    {
        var completeness = StakeholderRules.Completeness(
        [
            new(1, "Finance team", true, true),
            new(2, "ERP/IT team", true, false),
            new(3, "Portfolio executives", false, false),
        ]);

        Assert.Equal((1, 3, false), (completeness.Assessed, completeness.Total, completeness.IsComplete));
        Assert.Equal(["ERP/IT team", "Portfolio executives"], completeness.Missing);
        Assert.False(StakeholderRules.Completeness([]).IsComplete); // no groups: nothing has been mapped
    }

    [Fact]
    public void An_assessment_reports_every_problem_on_its_field()
    {
        var result = Portal.Core.Stakeholders.Assessment.Create(
            new AssessmentInput(0, 6, (SupportLevel)9, SupportLevel.Supportive, (ResistanceType)42, Notes: new string('x', 2001)), "u", "U", Now);

        Assert.False(result.Succeeded);
        Assert.Equal(["Influence", "Impact", "CurrentSupport", "ResistanceType", "Notes"], result.Errors.Select(e => e.Field));
        Assert.Equal("Influence must be from 1 to 5 (it is 0).", result.Errors[0].Message);
    }

    [Fact]
    public void A_person_needs_a_name_and_a_plausible_email_which_is_stored_lower_case()
    {
        Assert.Equal(["Name", "Email"], StakeholderPerson.Create(1, 1, " ", null, "not-an-email", null).Errors.Select(e => e.Field));
        Assert.Equal("ana.ruiz@example.com", StakeholderPerson.Create(1, 1, "Ana", null, " Ana.Ruiz@Example.COM ", null).Value.Email);
    }
}
