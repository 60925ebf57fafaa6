using Portal.Core.Programs;
using Portal.Tests.Builders;

namespace Portal.Tests.Core.Programs;

public sealed class PortalProgramTests
{
    private static readonly DateTimeOffset Now = new(2026, 2, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_keeps_trimmed_details_and_the_given_time()
    {
        var result = PortalProgram.Create("  Unified Finance  ", "  One set of numbers.  ", ["PPM", "ERP"], new DateOnly(2026, 10, 1), Now);

        Assert.True(result.Succeeded);
        var program = result.Value;
        Assert.Equal("Unified Finance", program.Name);
        Assert.Equal("One set of numbers.", program.Description);
        Assert.Equal(["PPM", "ERP"], program.Systems);
        Assert.Equal(new DateOnly(2026, 10, 1), program.PlannedGoLive);
        Assert.Null(program.ActualGoLive);
        Assert.Equal(Now, program.CreatedUtc);
        Assert.Empty(program.Members);
    }

    [Fact]
    public void A_missing_description_becomes_empty_and_go_live_may_be_unplanned()
    {
        var program = PortalProgram.Create("Unified Finance", null, [], null, Now).Value;

        Assert.Equal(string.Empty, program.Description);
        Assert.Empty(program.Systems);
        Assert.Null(program.PlannedGoLive);
    }

    [Fact]
    public void The_creation_time_is_kept_in_UTC_as_the_same_instant()
    {
        var local = new DateTimeOffset(2026, 2, 1, 10, 0, 0, TimeSpan.FromHours(2));

        var program = PortalProgram.Create("Unified Finance", null, [], null, local).Value;

        Assert.Equal(TimeSpan.Zero, program.CreatedUtc.Offset);
        Assert.Equal(local.UtcTicks, program.CreatedUtc.UtcTicks);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Name_is_required(string? name)
    {
        var result = PortalProgram.Create(name, "d", [], null, Now);

        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(PortalProgram.Name), error.Field);
        Assert.Equal("Program name is required.", error.Message);
    }

    [Fact]
    public void Name_may_have_the_maximum_length_counted_after_trimming()
    {
        var name = "  " + new string('n', PortalProgram.MaxNameLength) + "  ";

        Assert.True(PortalProgram.Create(name, null, [], null, Now).Succeeded);
    }

    [Fact]
    public void Name_longer_than_the_maximum_is_refused()
    {
        var result = PortalProgram.Create(new string('n', PortalProgram.MaxNameLength + 1), null, [], null, Now);

        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(PortalProgram.Name), error.Field);
        Assert.Equal($"Program name must be at most {PortalProgram.MaxNameLength} characters (it has {PortalProgram.MaxNameLength + 1}).", error.Message);
    }

    [Fact]
    public void Description_longer_than_the_maximum_is_refused_and_the_maximum_is_accepted()
    {
        Assert.True(PortalProgram.Create("P", new string('d', PortalProgram.MaxDescriptionLength), [], null, Now).Succeeded);

        var result = PortalProgram.Create("P", new string('d', PortalProgram.MaxDescriptionLength + 1), [], null, Now);

        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(PortalProgram.Description), error.Field);
        Assert.Contains($"at most {PortalProgram.MaxDescriptionLength} characters", error.Message);
    }

    [Fact]
    public void Every_broken_rule_is_reported_at_once_each_on_its_own_field()
    {
        var systems = Enumerable.Range(1, SystemKinds.MaxSystems + 1).Select(i => $"S{i}").Append("A;B");

        var result = PortalProgram.Create(" ", new string('d', PortalProgram.MaxDescriptionLength + 1), systems, null, Now);

        Assert.False(result.Succeeded);
        Assert.Equal(["Name", "Description", "Systems", "Systems"], result.Errors.Select(e => e.Field));
        Assert.Throws<InvalidOperationException>(() => result.Value);
    }

    [Fact]
    public void UpdateDetails_replaces_name_description_systems_and_planned_go_live()
    {
        var program = new ProgramBuilder().Named("Before").WithSystems("PPM").GoingLiveOn(new DateOnly(2026, 9, 1)).Build();

        var result = program.UpdateDetails(" After ", " Now with CRM. ", ["PPM", " CRM "], new DateOnly(2027, 1, 15));

        Assert.True(result.Succeeded);
        Assert.Equal("After", program.Name);
        Assert.Equal("Now with CRM.", program.Description);
        Assert.Equal(["PPM", "CRM"], program.Systems);
        Assert.Equal(new DateOnly(2027, 1, 15), program.PlannedGoLive);
        Assert.Equal(ProgramBuilder.DefaultCreatedUtc, program.CreatedUtc);
    }

    [Fact]
    public void UpdateDetails_validates_like_Create_and_a_refused_update_changes_nothing()
    {
        var program = new ProgramBuilder().Named("Kept").WithDescription("Kept too").WithSystems("PPM").GoingLiveOn(new DateOnly(2026, 9, 1)).Build();

        var result = program.UpdateDetails("", new string('d', PortalProgram.MaxDescriptionLength + 1), ["ERP;CRM"], null);

        Assert.Equal(["Name", "Description", "Systems"], result.Errors.Select(e => e.Field));
        Assert.Equal("Kept", program.Name);
        Assert.Equal("Kept too", program.Description);
        Assert.Equal(["PPM"], program.Systems);
        Assert.Equal(new DateOnly(2026, 9, 1), program.PlannedGoLive);
    }
}
