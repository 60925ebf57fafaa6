using Portal.Core.Milestones;
using Portal.Core.Playbooks;
using Portal.Core.Stakeholders;

namespace Portal.Tests.Core.Playbooks;

/// <summary>"Every hotspot has an applied playbook with an owner on at least one open-or-done action."</summary>
public sealed class HotspotsAddressedEvaluatorTests
{
    private static readonly HotspotsAddressedEvaluator Evaluator = new();
    private static readonly IReadOnlyDictionary<string, string> NoParameters = new Dictionary<string, string>();

    private static readonly HotspotFact Analysts = new(StakeholderKind.Group, 1, "Finance analysts", 1, ResistanceType.FinanceTerritorial, 40, 1);
    private static readonly HotspotFact CapitalPms = new(StakeholderKind.Group, 2, "Capital Projects PMs", 2, ResistanceType.PmWorkload, 20, 2);
    private static readonly HotspotFact Controller = new(StakeholderKind.Person, 9, "Lena Fischer", 1, ResistanceType.FinanceTerritorial, 16, 3);

    private static ProgramFacts Facts(PlaybookFacts? section)
    {
        var facts = new ProgramFacts(new DateOnly(2026, 3, 1), null, null, new Dictionary<string, int>());
        return section is null ? facts : facts.With(section);
    }

    private static CriterionEvaluation Evaluate(IReadOnlyList<HotspotFact> hotspots, params AppliedPlaybookFact[] applied) =>
        Evaluator.Evaluate(NoParameters, Facts(new PlaybookFacts(hotspots, applied, 0)));

    [Fact]
    public void No_hotspots_means_nothing_to_address()
    {
        var evaluation = Evaluate([]);
        Assert.True(evaluation.IsMet);
        Assert.Equal((0m, 0m), (evaluation.MeasuredValue, evaluation.Threshold));
    }

    [Fact]
    public void The_reason_names_every_unaddressed_hotspot_in_rank_order()
    {
        var evaluation = Evaluate([Controller, CapitalPms, Analysts]);
        Assert.False(evaluation.IsMet);
        Assert.Equal(["Hotspots without a playbook: Finance analysts, Capital Projects PMs, Lena Fischer"], evaluation.Reasons);
        Assert.Equal((0m, 3m), (evaluation.MeasuredValue, evaluation.Threshold));
    }

    [Fact]
    public void Met_when_every_hotspot_has_a_playbook_with_a_live_owned_action()
    {
        var evaluation = Evaluate([Analysts, CapitalPms],
            new AppliedPlaybookFact(StakeholderKind.Group, 1, "Finance territorial", 3),
            new AppliedPlaybookFact(StakeholderKind.Group, 2, "PM workload", 1));
        Assert.True(evaluation.IsMet);
        Assert.Equal((2m, 2m), (evaluation.MeasuredValue, evaluation.Threshold));
    }

    [Fact]
    public void A_playbook_whose_actions_were_all_dropped_addresses_nothing()
    {
        var evaluation = Evaluate([Analysts, CapitalPms],
            new AppliedPlaybookFact(StakeholderKind.Group, 1, "Finance territorial", 2),
            new AppliedPlaybookFact(StakeholderKind.Group, 2, "PM workload", 0));
        Assert.Equal(["Hotspots without a playbook: Capital Projects PMs"], evaluation.Reasons);
        Assert.Equal((1m, 2m), (evaluation.MeasuredValue, evaluation.Threshold));
    }

    [Fact]
    public void A_playbook_on_the_group_does_not_cover_a_person_who_is_a_hotspot_on_their_own()
    {
        var evaluation = Evaluate([Analysts, Controller], new AppliedPlaybookFact(StakeholderKind.Group, 1, "Finance territorial", 5));
        Assert.Equal(["Hotspots without a playbook: Lena Fischer"], evaluation.Reasons);
        // A person and a group may share an id: the kind must match too.
        Assert.False(new AppliedPlaybookFact(StakeholderKind.Group, 9, "x", 1).Addresses(Controller));
    }

    [Fact]
    public void Without_playbook_data_the_criterion_is_unmet_with_a_clear_reason()
    {
        var evaluation = Evaluator.Evaluate(NoParameters, Facts(null));
        Assert.Equal((false, "Playbook data is not available for this program"), (evaluation.IsMet, Assert.Single(evaluation.Reasons)));
    }

    [Fact]
    public void It_takes_no_parameters_and_is_registered_by_default()
    {
        Assert.Empty(Evaluator.ValidateParameters(NoParameters));
        Assert.Single(Evaluator.ValidateParameters(new Dictionary<string, string> { ["minimum"] = "2" }));
        Assert.True(CriterionEvaluators.Default.TryGet(HotspotsAddressedEvaluator.EvaluatorKey, out var registered));
        Assert.IsType<HotspotsAddressedEvaluator>(registered);
    }
}
