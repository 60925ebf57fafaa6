using Portal.Core.Security;

namespace Portal.Tests.Core.Security;

public sealed class PortalRolesTests
{
    [Fact]
    public void All_lists_the_seven_roles_of_the_product_once_each()
    {
        Assert.Equal(
            ["Administrator", "PmoLead", "ExecutiveSponsor", "ProcessOwner", "ChangeLead", "IntegrationOwner", "Viewer"],
            PortalRoles.All);
        Assert.Equal(7, PortalRoles.All.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [InlineData(PortalRoles.Administrator)]
    [InlineData(PortalRoles.PmoLead)]
    [InlineData(PortalRoles.Viewer)]
    public void Every_listed_role_is_known(string role) => Assert.True(PortalRoles.IsKnown(role));

    [Theory]
    [InlineData("administrator")]
    [InlineData("ADMINISTRATOR")]
    [InlineData("Administrator ")]
    [InlineData("")]
    [InlineData("Auditor")]
    [InlineData("PMO lead")]
    public void Role_names_are_matched_exactly_and_nothing_else_is_known(string role) =>
        Assert.False(PortalRoles.IsKnown(role));

    [Theory]
    [InlineData(PortalRoles.Administrator, "Administrator")]
    [InlineData(PortalRoles.PmoLead, "PMO lead")]
    [InlineData(PortalRoles.ExecutiveSponsor, "Executive sponsor")]
    [InlineData(PortalRoles.ProcessOwner, "Process owner")]
    [InlineData(PortalRoles.ChangeLead, "Change lead")]
    [InlineData(PortalRoles.IntegrationOwner, "Integration owner")]
    [InlineData(PortalRoles.Viewer, "Viewer")]
    public void Every_role_has_a_display_name(string role, string expected) =>
        Assert.Equal(expected, PortalRoles.DisplayName(role));

    [Fact]
    public void An_unknown_role_is_displayed_as_it_is_and_has_no_description()
    {
        Assert.Equal("Auditor", PortalRoles.DisplayName("Auditor"));
        Assert.Equal(string.Empty, PortalRoles.Describe("Auditor"));
    }

    [Fact]
    public void Every_role_has_a_description()
    {
        Assert.All(PortalRoles.All, role => Assert.False(string.IsNullOrWhiteSpace(PortalRoles.Describe(role))));
        Assert.Equal(PortalRoles.All.Count, PortalRoles.All.Select(PortalRoles.Describe).Distinct().Count());
    }
}
