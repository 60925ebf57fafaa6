using Portal.Core.Programs;

namespace Portal.Tests.Core.Programs;

/// <summary>The systems list of a program: cleaned, de-duplicated and bounded so it fits its delimited column.</summary>
public sealed class ProgramSystemsTests
{
    private static readonly DateTimeOffset Now = new(2026, 2, 1, 8, 0, 0, TimeSpan.Zero);

    private static Portal.Core.Common.Result<PortalProgram> CreateWith(IEnumerable<string> systems) =>
        PortalProgram.Create("Unified Finance", null, systems, null, Now);

    [Fact]
    public void Systems_are_trimmed_and_blank_entries_dropped()
    {
        var program = CreateWith(["  PPM ", "", "   ", "ERP"]).Value;

        Assert.Equal(["PPM", "ERP"], program.Systems);
    }

    [Fact]
    public void Duplicate_systems_are_dropped_ignoring_case_keeping_the_first_spelling()
    {
        var program = CreateWith(["ERP", "erp", " Erp ", "PPM"]).Value;

        Assert.Equal(["ERP", "PPM"], program.Systems);
    }

    [Fact]
    public void Custom_system_names_are_kept_in_the_given_order()
    {
        var program = CreateWith(["Workday", "PPM", "SAP S/4HANA"]).Value;

        Assert.Equal(["Workday", "PPM", "SAP S/4HANA"], program.Systems);
    }

    [Fact]
    public void The_maximum_number_of_systems_is_accepted_counted_after_dedup()
    {
        var systems = Enumerable.Range(1, SystemKinds.MaxSystems).Select(i => $"S{i}").ToList();
        systems.Add("s1");
        systems.Add("  ");

        var result = CreateWith(systems);

        Assert.True(result.Succeeded);
        Assert.Equal(SystemKinds.MaxSystems, result.Value.Systems.Count);
    }

    [Fact]
    public void More_than_the_maximum_number_of_systems_is_refused()
    {
        var result = CreateWith(Enumerable.Range(1, SystemKinds.MaxSystems + 1).Select(i => $"S{i}"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(PortalProgram.Systems), error.Field);
        Assert.Equal($"At most {SystemKinds.MaxSystems} systems can be listed.", error.Message);
    }

    [Fact]
    public void A_system_name_may_have_the_maximum_length_after_trimming()
    {
        var result = CreateWith([" " + new string('s', SystemKinds.MaxNameLength) + " "]);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Each_too_long_system_name_gets_its_own_error_naming_its_start()
    {
        var first = "First" + new string('x', SystemKinds.MaxNameLength);
        var second = "Second" + new string('y', SystemKinds.MaxNameLength);

        var result = CreateWith([first, "PPM", second]);

        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal(nameof(PortalProgram.Systems), e.Field));
        Assert.Equal($"System name '{first[..20]}...' is longer than {SystemKinds.MaxNameLength} characters.", result.Errors[0].Message);
        Assert.StartsWith($"System name '{second[..20]}...'", result.Errors[1].Message);
    }

    [Theory]
    [InlineData("ERP;CRM")]
    [InlineData(";")]
    [InlineData(" PPM; ")]
    public void A_semicolon_is_refused_because_it_separates_systems_in_storage(string system)
    {
        var result = CreateWith(["PPM", system]);

        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(PortalProgram.Systems), error.Field);
        Assert.Equal("System names cannot contain ';'.", error.Message);
    }

    [Fact]
    public void Known_system_kinds_are_described_and_anything_else_is_custom()
    {
        Assert.Equal(["PPM", "ERP", "CRM", "PSA", "HCM"], SystemKinds.Known);
        Assert.All(SystemKinds.Known, k => Assert.NotEqual("Custom system", SystemKinds.Describe(k)));
        Assert.Equal("Enterprise resource planning", SystemKinds.Describe("ERP"));
        Assert.Equal("Custom system", SystemKinds.Describe("Workday"));
    }
}
