using Portal.Core.Milestones;
using Portal.Core.SystemOfRecord;

namespace Portal.Tests.Core.SystemOfRecord;

/// <summary>"System-of-record designations agreed": every listed domain, or each named one, must be Agreed.</summary>
public sealed class SystemOfRecordAgreedEvaluatorTests
{
    private static readonly SystemOfRecordAgreedEvaluator Evaluator = new();
    private static readonly Dictionary<string, string> NoParameters = [];

    private static ProgramFacts Facts(params (string Domain, SystemOfRecordStatus Status)[] entries) =>
        new ProgramFacts(new DateOnly(2026, 11, 22), null, null, new Dictionary<string, int>())
            .With(new SystemOfRecordFacts(entries.Select(e => new SystemOfRecordDomainFact(e.Domain, e.Status)).ToList()));

    private static readonly ProgramFacts AtlasLike = Facts(
        ("rates", SystemOfRecordStatus.Proposed), ("projects", SystemOfRecordStatus.Agreed), ("commitments", SystemOfRecordStatus.Agreed),
        ("purchase orders", SystemOfRecordStatus.Agreed), ("invoices", SystemOfRecordStatus.Proposed), ("time", SystemOfRecordStatus.Agreed),
        ("resources", SystemOfRecordStatus.Agreed));

    [Fact]
    public void An_empty_register_is_unmet()
    {
        var evaluation = Evaluator.Evaluate(NoParameters, Facts());

        Assert.False(evaluation.IsMet);
        Assert.Equal(["No system-of-record entries yet"], evaluation.Reasons);
    }

    [Fact]
    public void Every_listed_domain_must_be_agreed_and_the_reason_names_the_open_ones_in_register_order()
    {
        var evaluation = Evaluator.Evaluate(NoParameters, AtlasLike);

        Assert.False(evaluation.IsMet);
        Assert.Equal(["System of record: 5 of 7 domains agreed (open: invoices, rates)"], evaluation.Reasons);
        Assert.Equal((5m, 7m), (evaluation.MeasuredValue!.Value, evaluation.Threshold!.Value));
    }

    [Fact]
    public void A_register_where_every_domain_is_agreed_is_met()
    {
        var evaluation = Evaluator.Evaluate(NoParameters, Facts(("projects", SystemOfRecordStatus.Agreed), ("Cost centres", SystemOfRecordStatus.Agreed)));

        Assert.True(evaluation.IsMet);
        Assert.Equal((2m, 2m), (evaluation.MeasuredValue!.Value, evaluation.Threshold!.Value));
    }

    [Fact]
    public void Named_domains_must_exist_and_be_agreed_while_others_do_not_count()
    {
        var only = new Dictionary<string, string> { ["domains"] = "Commitments, purchase orders,projects" };
        var more = new Dictionary<string, string> { ["domains"] = "rates, commitments, hours" };

        Assert.True(Evaluator.Evaluate(only, AtlasLike).IsMet);
        var evaluation = Evaluator.Evaluate(more, AtlasLike);
        Assert.False(evaluation.IsMet);
        Assert.Equal(["System of record: 1 of 3 required domains agreed (open: rates; not in the register: hours)"], evaluation.Reasons);
    }

    [Fact]
    public void Without_the_registers_section_the_criterion_is_unmet_with_a_clear_reason()
    {
        var evaluation = Evaluator.Evaluate(NoParameters, new ProgramFacts(new DateOnly(2026, 11, 22), null, null, new Dictionary<string, int>()));

        Assert.False(evaluation.IsMet);
        Assert.Equal(["System of record: the register could not be read for this program"], evaluation.Reasons);
    }

    [Fact]
    public void Parameters_are_checked_on_the_domains_field()
    {
        var field = EvaluatorParameter.FieldFor("domains");

        Assert.Empty(Evaluator.ValidateParameters(new Dictionary<string, string> { ["domains"] = "invoices, rates" }));
        Assert.Equal(field, Evaluator.ValidateParameters(new Dictionary<string, string> { ["domains"] = "invoices,,rates" }).Single().Field);
        Assert.Equal(field, Evaluator.ValidateParameters(new Dictionary<string, string> { ["domains"] = new string('x', 61) }).Single().Field);
        Assert.Equal("Parameters", Evaluator.ValidateParameters(new Dictionary<string, string> { ["minimum"] = "3" }).Single().Field);
    }

    [Fact]
    public void It_is_registered_and_a_computed_criterion_can_use_it()
    {
        Assert.True(CriterionEvaluators.Default.TryGet(SystemOfRecordAgreedEvaluator.EvaluatorKey, out _));
        var criterion = Criterion.Computed("System-of-record designations agreed", null, SystemOfRecordAgreedEvaluator.EvaluatorKey,
            new Dictionary<string, string> { ["domains"] = "" }, CriterionEvaluators.Default).Value;

        Assert.Equal("Every system-of-record domain agreed", Evaluator.Describe(criterion.Parameters));
        Assert.Equal(["System of record: 5 of 7 domains agreed (open: invoices, rates)"], criterion.Evaluate(AtlasLike, CriterionEvaluators.Default).Reasons);
    }
}
