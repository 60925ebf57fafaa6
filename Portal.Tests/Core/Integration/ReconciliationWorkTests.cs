using Portal.Core.Integration;
using Portal.Core.Programs;
using Portal.Tests.Builders;

namespace Portal.Tests.Core.Integration;

/// <summary>Working the exception queue: who may act, assign only to members while open, resolve with a note, reopen with a reason.</summary>
public sealed class ReconciliationWorkTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly PortalProgram Program = new ProgramBuilder()
        .WithMember("owner", ProgramRole.IntegrationOwner).WithMember("pmo", ProgramRole.PmoLead)
        .WithMember("viewer", ProgramRole.Viewer).WithMember("change", ProgramRole.ChangeLead).Build();

    private static ReconciliationException Open() => ReconciliationException.Record(new("x-1", "po-commitments", "2027-02-27T08:30:00+00:00",
        "Purchase order", "PO-4711", "12,500.00", "12,000.00", -500m, "EUR"), 3, Now).Value;

    [Theory]
    [InlineData("owner", false, true)]
    [InlineData("pmo", false, true)]
    [InlineData("viewer", false, false)]
    [InlineData("change", false, false)]
    [InlineData("stranger", false, false)]
    [InlineData("stranger", true, true)]
    public void Integration_owners_pmo_leads_and_administrators_act(string user, bool admin, bool allowed)
    {
        Assert.Equal(allowed, ReconciliationException.CanWork(Program, user, admin));
        var exception = Open();
        Assert.Equal(allowed, exception.Comment(Program, user, admin, "Checked the PO in the ERP.", Now).Succeeded);
        Assert.Equal(allowed, exception.Assign(Program, user, admin, "viewer").Succeeded);
        Assert.Equal(allowed, exception.Resolve(Program, user, admin, "Corrected in ERP.", Now).Succeeded);
        Assert.Equal(allowed ? ExceptionState.Resolved : ExceptionState.Open, exception.State);
    }

    [Fact]
    public void Assigns_only_members_and_can_clear_the_assignment()
    {
        var exception = Open();
        var refused = exception.Assign(Program, "owner", false, "stranger");
        Assert.Equal("The assignee must be a member of the program.", Assert.Single(refused.Errors).Message);
        Assert.True(exception.Assign(Program, "owner", false, "pmo").Succeeded);
        Assert.Equal("pmo", exception.AssignedUserId);
        Assert.True(exception.Assign(Program, "owner", false, null).Succeeded);
        Assert.Null(exception.AssignedUserId);
    }

    [Fact]
    public void Resolving_needs_a_note_and_happens_once()
    {
        var exception = Open();
        Assert.Equal("A resolution note is required.", Assert.Single(exception.Resolve(Program, "owner", false, "  ", Now).Errors).Message);
        Assert.True(exception.IsOpen);
        var resolved = exception.Resolve(Program, "owner", false, " Accepted: rounding in the source. ", Now.AddHours(2));
        Assert.Equal((ReconciliationCommentKind.Resolution, "Accepted: rounding in the source."), (resolved.Value.Kind, resolved.Value.Text));
        Assert.Equal((ExceptionState.Resolved, Now.AddHours(2), "owner"), (exception.State, exception.ResolvedUtc, exception.ResolvedByUserId));
        Assert.False(exception.Resolve(Program, "owner", false, "again", Now).Succeeded);
        Assert.False(exception.Assign(Program, "owner", false, "pmo").Succeeded);
    }

    [Fact]
    public void Reopening_needs_a_reason_and_clears_the_resolution()
    {
        var exception = Open();
        Assert.False(exception.Reopen(Program, "owner", false, "not resolved yet", Now).Succeeded);
        exception.Resolve(Program, "owner", false, "Fixed.", Now);
        Assert.Equal("A reason for reopening is required.", Assert.Single(exception.Reopen(Program, "pmo", false, null, Now).Errors).Message);
        var reopened = exception.Reopen(Program, "pmo", false, "Came back in the next run.", Now.AddDays(1));
        Assert.Equal(ReconciliationCommentKind.Reopening, reopened.Value.Kind);
        Assert.Equal((ExceptionState.Open, (DateTimeOffset?)null, (string?)null), (exception.State, exception.ResolvedUtc, exception.ResolvedByUserId));
    }

    [Fact]
    public void Notes_are_bounded()
    {
        var error = Assert.Single(Open().Comment(Program, "owner", false, new string('a', ReconciliationComment.MaxTextLength + 1), Now).Errors);
        Assert.Equal("Text", error.Field);
    }

    [Fact]
    public void Age_runs_from_detection_until_resolution_in_days_and_hours()
    {
        var exception = Open(); // detected 2027-02-27 08:30
        Assert.Equal("2 d 0 h", ReconciliationException.DescribeAge(exception.Age(Now)));
        Assert.Equal("5 h 15 min", ReconciliationException.DescribeAge(TimeSpan.FromMinutes(315)));
        Assert.Equal("7 min", ReconciliationException.DescribeAge(TimeSpan.FromMinutes(7.9)));
        exception.Resolve(Program, "owner", false, "Done.", Now.AddHours(-20));
        Assert.Equal("1 d 4 h", ReconciliationException.DescribeAge(exception.Age(Now.AddDays(5))));
    }
}
