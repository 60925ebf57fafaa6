using Portal.Core.Reviews;
using static Portal.Tests.Core.Reviews.ReviewTestData;

namespace Portal.Tests.Core.Reviews;

/// <summary>The baseline's figures are checked, and once the program is live changing them needs a reason.</summary>
public sealed class AdoptionBaselineTests
{
    private static readonly BaselineDraft Atlas = new(140, 96m, 85m, "From Finance's time sheets");

    [Fact]
    public void Figures_are_validated_and_zero_target_users_is_refused()
    {
        var refused = AdoptionBaseline.Capture(1, new BaselineDraft(0, -1m, 101m, null), null, Today, null, Now);
        Assert.Equal(["TargetUsers", "ReconciliationHoursPerMonth", "TargetSharePercent"], refused.Errors.Select(e => e.Field));
        Assert.Equal(["TargetUsers", "ReconciliationHoursPerMonth", "TargetSharePercent"],
            AdoptionBaseline.Capture(1, new BaselineDraft(null, null, null, null), null, Today, null, Now).Errors.Select(e => e.Field));
        Assert.True(AdoptionBaseline.Capture(1, new BaselineDraft(1, 0m, 0m, null), null, Today, null, Now).Succeeded);
    }

    [Fact]
    public void Before_go_live_it_changes_freely_and_from_go_live_day_only_with_a_reason()
    {
        var baseline = AdoptionBaseline.Capture(1, Atlas, Today.AddDays(1), Today, null, Now).Value;
        Assert.True(baseline.Revise(Atlas with { TargetUsers = 150 }, Today.AddDays(1), Today, null, Now).Value); // live tomorrow

        var onGoLiveDay = baseline.Revise(Atlas with { TargetUsers = 160 }, Today, Today, " ", Now);
        Assert.Equal("Reason", Assert.Single(onGoLiveDay.Errors).Field);
        Assert.Equal(150, baseline.TargetUsers);

        Assert.True(baseline.Revise(Atlas with { TargetUsers = 160 }, Today, Today, "Procurement joined the rollout", Now).Value);
        Assert.False(baseline.Revise(Atlas with { TargetUsers = 160 }, Today, Today, "again", Now).Value); // nothing changed
    }
}
