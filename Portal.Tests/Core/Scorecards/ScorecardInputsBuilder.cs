using Portal.Core.Milestones;
using Portal.Core.Scorecards;

namespace Portal.Tests.Core.Scorecards;

/// <summary>Scorecard inputs with nothing recorded yet: each test adds only what its rule reads.</summary>
internal static class Inputs
{
    public static readonly DateOnly Today = new(2026, 11, 22);
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    public static ProgramFacts Facts(params object[] sections) =>
        sections.Aggregate(new ProgramFacts(Today, null, null, new Dictionary<string, int>()), (f, s) => f.With(s));

    public static ScorecardInputs Empty(ProgramFacts? facts = null) => new(
        7, "Atlas", Now, new DateOnly(2026, 1, 5), facts ?? Facts(), [], ReadinessInput.Empty, [], AdoptionInput.NotLive, [], null, null);
}
