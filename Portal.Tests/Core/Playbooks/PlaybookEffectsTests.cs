using Portal.Core.Playbooks;
using Portal.Core.Stakeholders;

namespace Portal.Tests.Core.Playbooks;

/// <summary>Support before a playbook against the history after it: direction, the date looked at, inheritance for people.</summary>
public sealed class PlaybookEffectsTests
{
    private static readonly DateTimeOffset Applied = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static SupportPoint P(int day, SupportLevel level) => new(Applied.AddDays(day), level);

    [Theory]
    [InlineData(SupportLevel.StrongResistance, SupportLevel.Resistant, EffectDirection.Improved)]
    [InlineData(SupportLevel.Resistant, SupportLevel.Champion, EffectDirection.Improved)]
    [InlineData(SupportLevel.Neutral, SupportLevel.Neutral, EffectDirection.Unchanged)]
    [InlineData(SupportLevel.Supportive, SupportLevel.Resistant, EffectDirection.Worse)]
    public void Direction_follows_the_support_scale(SupportLevel before, SupportLevel after, EffectDirection expected) =>
        Assert.Equal(expected, PlaybookEffects.Direction(before, after));

    [Fact]
    public void Without_a_level_on_either_side_the_direction_is_unknown()
    {
        Assert.Equal(EffectDirection.Unknown, PlaybookEffects.Direction(null, SupportLevel.Neutral));
        Assert.Equal(EffectDirection.Unknown, PlaybookEffects.Direction(SupportLevel.Neutral, null));
        Assert.Equal("Not assessed", EffectDirection.Unknown.DisplayName());
    }

    [Fact]
    public void The_assessment_in_force_is_the_latest_one_made_by_then()
    {
        SupportPoint[] history = [P(30, SupportLevel.Neutral), P(-10, SupportLevel.StrongResistance), P(10, SupportLevel.Resistant)];
        Assert.Null(PlaybookEffects.At(history, Applied.AddDays(-11)));
        Assert.Equal(SupportLevel.StrongResistance, PlaybookEffects.At(history, Applied)!.Support);
        Assert.Equal(SupportLevel.Resistant, PlaybookEffects.At(history, Applied.AddDays(10))!.Support); // made exactly then counts
        Assert.Equal(SupportLevel.Neutral, PlaybookEffects.At(history, Applied.AddDays(90))!.Support);
    }

    [Fact]
    public void The_effect_can_be_read_at_any_date_after_the_application()
    {
        SupportPoint[] history = [P(-10, SupportLevel.StrongResistance), P(10, SupportLevel.Resistant), P(40, SupportLevel.StrongResistance)];
        PlaybookEffect At(int day) => PlaybookEffects.Measure(SupportLevel.StrongResistance, Applied, when => PlaybookEffects.At(history, when), Applied.AddDays(day));

        Assert.Equal((SupportLevel.Resistant, true, EffectDirection.Improved), (At(20).After, At(20).Reassessed, At(20).Direction));
        Assert.Equal(Applied.AddDays(10), At(20).AfterAssessedUtc);
        Assert.Equal((SupportLevel.StrongResistance, EffectDirection.Unchanged), (At(50).After, At(50).Direction));
    }

    [Fact]
    public void Before_anyone_reassesses_the_effect_is_unchanged_and_says_it_was_not_reassessed()
    {
        SupportPoint[] history = [P(-10, SupportLevel.Resistant)];
        var effect = PlaybookEffects.Measure(SupportLevel.Resistant, Applied, when => PlaybookEffects.At(history, when), Applied.AddDays(30));
        Assert.Equal((SupportLevel.Resistant, false, EffectDirection.Unchanged), (effect.After, effect.Reassessed, effect.Direction));
    }

    [Fact]
    public void A_date_before_the_application_reads_as_the_moment_of_application()
    {
        SupportPoint[] history = [P(-30, SupportLevel.Neutral), P(-10, SupportLevel.Resistant)];
        var effect = PlaybookEffects.Measure(SupportLevel.Resistant, Applied, when => PlaybookEffects.At(history, when), Applied.AddDays(-20));
        Assert.Equal((SupportLevel.Resistant, EffectDirection.Unchanged, false), (effect.After, effect.Direction, effect.Reassessed));
    }

    [Fact]
    public void A_person_without_their_own_assessment_reads_their_groups_history()
    {
        SupportPoint[] group = [P(-5, SupportLevel.Resistant), P(20, SupportLevel.Neutral)];
        SupportPoint[] own = [P(30, SupportLevel.Champion)];
        Assert.Equal(SupportLevel.Neutral, PlaybookEffects.EffectiveAt(own, group, Applied.AddDays(25))!.Support);
        Assert.Equal(SupportLevel.Champion, PlaybookEffects.EffectiveAt(own, group, Applied.AddDays(35))!.Support);
        Assert.Null(PlaybookEffects.EffectiveAt([], [], Applied));
    }

    [Fact]
    public void A_target_never_assessed_has_an_unknown_effect()
    {
        var effect = PlaybookEffects.Measure(null, Applied, _ => null, Applied.AddDays(5));
        Assert.Equal((null, null, EffectDirection.Unknown), (effect.Before, effect.After, effect.Direction));
    }
}
