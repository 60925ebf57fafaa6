namespace Portal.Core.Scorecards;

/// <summary>Builds a program's scorecard from its inputs; every rule is in the section classes and ADR-021.</summary>
public static class ScorecardBuilder
{
    public static Scorecard Build(ScorecardInputs inputs)
    {
        var sections = new List<ScorecardSection>
        {
            PhaseGateScores.Section(inputs),
            ReadinessScores.Section(inputs),
            TrainingUatScores.Section(inputs),
            DecommissioningScores.Section(inputs),
        };
        // Integration health sits right before adoption, so a green integration next to red adoption cannot be missed.
        if (inputs.IntegrationHealth is { } integration)
            sections.Add(IntegrationScores.Section(inputs.ProgramId, integration, inputs.Now));
        sections.Add(AdoptionScores.Section(inputs));
        sections.Add(SponsorshipScores.Section(inputs));
        sections.Add(BudgetScores.Section(inputs));
        return new Scorecard(inputs.ProgramId, inputs.ProgramName, inputs.Now, sections);
    }
}
