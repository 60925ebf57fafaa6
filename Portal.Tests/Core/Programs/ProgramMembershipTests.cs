using Portal.Core.Programs;
using Portal.Tests.Builders;

namespace Portal.Tests.Core.Programs;

public sealed class ProgramMembershipTests
{
    private static readonly DateTimeOffset Now = new(2026, 2, 3, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SetMember_adds_a_new_member_with_role_and_time()
    {
        var program = new ProgramBuilder().Build();

        var result = program.SetMember("u-lead", ProgramRole.PmoLead, Now);

        Assert.True(result.Succeeded);
        var member = Assert.Single(program.Members);
        Assert.Equal("u-lead", member.UserId);
        Assert.Equal(ProgramRole.PmoLead, member.Role);
        Assert.Equal(Now, member.AddedUtc);
        Assert.True(program.IsMember("u-lead"));
        Assert.False(program.IsMember("u-other"));
    }

    [Fact]
    public void SetMember_on_an_existing_member_changes_the_role_and_keeps_one_membership()
    {
        var program = new ProgramBuilder().WithMember("u-1", ProgramRole.Viewer).Build();

        var result = program.SetMember("u-1", ProgramRole.ChangeLead, Now.AddDays(5));

        Assert.True(result.Succeeded);
        var member = Assert.Single(program.Members);
        Assert.Equal(ProgramRole.ChangeLead, member.Role);
        Assert.Equal(ProgramBuilder.DefaultCreatedUtc, member.AddedUtc);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void SetMember_requires_a_user(string? userId)
    {
        var program = new ProgramBuilder().Build();

        var error = Assert.Single(program.SetMember(userId!, ProgramRole.Viewer, Now).Errors);

        Assert.Equal(("UserId", "Choose a user."), (error.Field, error.Message));
        Assert.Empty(program.Members);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(-1)]
    public void SetMember_refuses_a_role_that_does_not_exist(int role)
    {
        var program = new ProgramBuilder().Build();

        var error = Assert.Single(program.SetMember("u-1", (ProgramRole)role, Now).Errors);

        Assert.Equal(("Role", "Choose a program role."), (error.Field, error.Message));
        Assert.Empty(program.Members);
    }

    [Fact]
    public void RemoveMember_removes_a_member_who_is_not_the_last_PMO_lead()
    {
        var program = new ProgramBuilder().WithMember("u-lead", ProgramRole.PmoLead).WithMember("u-view", ProgramRole.Viewer).Build();

        Assert.True(program.RemoveMember("u-view").Succeeded);

        Assert.False(program.IsMember("u-view"));
        Assert.True(program.IsMember("u-lead"));
    }

    [Fact]
    public void RemoveMember_refuses_a_user_who_is_not_a_member()
    {
        var program = new ProgramBuilder().WithMember("u-lead", ProgramRole.PmoLead).Build();

        var error = Assert.Single(program.RemoveMember("u-stranger").Errors);

        Assert.Equal(("UserId", "That user is not a member of this program."), (error.Field, error.Message));
    }

    [Fact]
    public void The_last_PMO_lead_cannot_be_removed()
    {
        var program = new ProgramBuilder().WithMember("u-lead", ProgramRole.PmoLead).WithMember("u-view", ProgramRole.Viewer).Build();

        var error = Assert.Single(program.RemoveMember("u-lead").Errors);

        Assert.Equal("UserId", error.Field);
        Assert.Equal("A program needs at least one PMO lead; add another before removing this one.", error.Message);
        Assert.True(program.IsMember("u-lead"));
    }

    [Fact]
    public void A_PMO_lead_can_be_removed_once_another_PMO_lead_exists()
    {
        var program = new ProgramBuilder().WithMember("u-lead", ProgramRole.PmoLead).Build();
        program.SetMember("u-second", ProgramRole.PmoLead, Now);

        Assert.True(program.RemoveMember("u-lead").Succeeded);

        var remaining = Assert.Single(program.Members);
        Assert.Equal(("u-second", ProgramRole.PmoLead), (remaining.UserId, remaining.Role));
    }

    [Fact]
    public void The_last_PMO_lead_cannot_be_demoted_either()
    {
        var program = new ProgramBuilder().WithMember("u-lead", ProgramRole.PmoLead).WithMember("u-view", ProgramRole.Viewer).Build();

        var result = program.SetMember("u-lead", ProgramRole.Viewer, Now);

        Assert.False(result.Succeeded);
        Assert.Equal("Role", Assert.Single(result.Errors).Field);
        Assert.Contains(program.Members, m => m.UserId == "u-lead" && m.Role == ProgramRole.PmoLead);
    }

    [Theory]
    [InlineData(ProgramRole.PmoLead, "PMO lead")]
    [InlineData(ProgramRole.ExecutiveSponsor, "Executive sponsor")]
    [InlineData(ProgramRole.ProcessOwner, "Process owner")]
    [InlineData(ProgramRole.ChangeLead, "Change lead")]
    [InlineData(ProgramRole.IntegrationOwner, "Integration owner")]
    [InlineData(ProgramRole.Viewer, "Viewer")]
    public void Every_program_role_has_a_display_name(ProgramRole role, string expected) =>
        Assert.Equal(expected, role.DisplayName());
}
