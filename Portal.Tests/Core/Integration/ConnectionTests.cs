using Portal.Core.Integration;
using Portal.Core.Programs;
using Portal.Tests.Builders;

namespace Portal.Tests.Core.Integration;

/// <summary>Registering a connection: every field error at once, the owner rule, key shape and uniqueness.</summary>
public sealed class ConnectionTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    internal static PortalProgram Program() => new ProgramBuilder()
        .WithMember("u-pmo", ProgramRole.PmoLead).WithMember("u-it", ProgramRole.IntegrationOwner).WithMember("u-viewer", ProgramRole.Viewer).Build();

    internal static ConnectionDraft Draft(string key = "erp-ppm-actuals", string owner = "u-it") =>
        new(key, "ERP actuals into PPM", "ERP", "PPM", "Actuals", IntegrationPattern.Batch, 15, 30, 2.5m, 3, owner);

    [Fact]
    public void A_complete_draft_registers_with_a_lower_case_key()
    {
        var result = Connection.Register(Program(), Draft(" ERP-PPM-Actuals "), keyTaken: false, Now);
        Assert.True(result.Succeeded);
        Assert.Equal(("erp-ppm-actuals", "ERP", TimeSpan.FromMinutes(15), 3), (result.Value.Key, result.Value.SourceSystem,
            result.Value.ExpectedInterval, result.Value.ConsecutiveFailureThreshold));
    }

    [Fact]
    public void An_empty_draft_names_every_missing_field()
    {
        var result = Connection.Register(Program(), new ConnectionDraft(null, null, null, null, null, null, null, null, null, null, null), false, Now);
        Assert.Equal(
            ["Key", "Name", "SourceSystem", "TargetSystem", "DataDomain", "Pattern", "ExpectedIntervalMinutes", "FreshnessSlaMinutes",
                "ErrorRateSlaPercent", "ConsecutiveFailureThreshold", "OwnerUserId"],
            result.Errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("-leading")]
    [InlineData("has space")]
    [InlineData("under_score")]
    public void Keys_are_slugs(string key) =>
        Assert.Contains(Connection.Register(Program(), Draft(key), false, Now).Errors, e => e.Field == "Key");

    [Fact]
    public void A_taken_key_the_same_systems_and_bounds_are_field_errors()
    {
        var taken = Connection.Register(Program(), Draft(), keyTaken: true, Now);
        var same = Connection.Register(Program(), Draft() with { TargetSystem = "erp" }, false, Now);
        var bounds = Connection.Register(Program(), Draft() with
        {
            ExpectedIntervalMinutes = 0, FreshnessSlaMinutes = Connection.MaxIntervalMinutes + 1, ErrorRateSlaPercent = 100.001m,
            ConsecutiveFailureThreshold = 0,
        }, false, Now);

        Assert.Contains("already used", Assert.Single(taken.Errors).Message);
        Assert.Equal("TargetSystem", Assert.Single(same.Errors).Field);
        Assert.Equal(["ExpectedIntervalMinutes", "FreshnessSlaMinutes", "ErrorRateSlaPercent", "ConsecutiveFailureThreshold"],
            bounds.Errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData("u-viewer")]
    [InlineData("u-stranger")]
    public void The_owner_is_an_integration_owner_of_the_program(string owner)
    {
        var result = Connection.Register(Program(), Draft(owner: owner), false, Now);
        Assert.Equal("OwnerUserId", Assert.Single(result.Errors).Field);
    }
}
