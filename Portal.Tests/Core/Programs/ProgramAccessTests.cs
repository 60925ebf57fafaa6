using Portal.Core.Programs;
using Portal.Tests.Builders;

namespace Portal.Tests.Core.Programs;

/// <summary>Membership is the unit of authorization; administrators see and manage every program.</summary>
public sealed class ProgramAccessTests
{
    // A fresh program per use, so no test can see another's changes.
    private static PortalProgram Program => new ProgramBuilder()
        .WithMember("u-lead", ProgramRole.PmoLead)
        .WithMember("u-sponsor", ProgramRole.ExecutiveSponsor)
        .WithMember("u-owner", ProgramRole.ProcessOwner)
        .WithMember("u-change", ProgramRole.ChangeLead)
        .WithMember("u-it", ProgramRole.IntegrationOwner)
        .WithMember("u-view", ProgramRole.Viewer)
        .Build();

    [Theory]
    [InlineData("u-lead")]
    [InlineData("u-sponsor")]
    [InlineData("u-owner")]
    [InlineData("u-change")]
    [InlineData("u-it")]
    [InlineData("u-view")]
    public void Every_member_can_view_whatever_their_role(string userId) =>
        Assert.True(ProgramAccess.CanView(Program, userId, isAdministrator: false));

    [Fact]
    public void A_non_member_cannot_view() =>
        Assert.False(ProgramAccess.CanView(Program, "u-stranger", isAdministrator: false));

    [Fact]
    public void User_ids_are_matched_exactly() =>
        Assert.False(ProgramAccess.CanView(Program, "U-LEAD", isAdministrator: false));

    [Fact]
    public void An_administrator_can_view_and_manage_a_program_they_are_not_a_member_of()
    {
        Assert.True(ProgramAccess.CanView(Program, "u-admin", isAdministrator: true));
        Assert.True(ProgramAccess.CanManage(Program, "u-admin", isAdministrator: true));
    }

    [Fact]
    public void A_member_who_is_PMO_lead_can_manage()
    {
        Assert.True(ProgramAccess.CanManage(Program, "u-lead", isAdministrator: false));
    }

    [Theory]
    [InlineData("u-sponsor")]
    [InlineData("u-owner")]
    [InlineData("u-change")]
    [InlineData("u-it")]
    [InlineData("u-view")]
    [InlineData("u-stranger")]
    public void Members_in_other_roles_and_non_members_cannot_manage(string userId) =>
        Assert.False(ProgramAccess.CanManage(Program, userId, isAdministrator: false));

    [Fact]
    public void Managing_follows_a_role_change()
    {
        var program = new ProgramBuilder().WithMember("u-lead", ProgramRole.PmoLead).WithMember("u-1", ProgramRole.Viewer).Build();
        Assert.False(ProgramAccess.CanManage(program, "u-1", isAdministrator: false));

        program.SetMember("u-1", ProgramRole.PmoLead, ProgramBuilder.DefaultCreatedUtc);

        Assert.True(ProgramAccess.CanManage(program, "u-1", isAdministrator: false));
    }

    [Fact]
    public void A_removed_member_loses_access()
    {
        var program = new ProgramBuilder().WithMember("u-lead", ProgramRole.PmoLead).WithMember("u-1", ProgramRole.ChangeLead).Build();

        program.RemoveMember("u-1");

        Assert.False(ProgramAccess.CanView(program, "u-1", isAdministrator: false));
    }
}
