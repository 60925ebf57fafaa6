using Portal.Core.Playbooks;
using Portal.Core.Programs;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Playbooks;

/// <summary>The overdue rule (one rule for memory and queries), closing with an outcome note, and who may edit an action.</summary>
public sealed class PlaybookActionTests
{
    private static readonly DateOnly Due = new(2026, 3, 9);

    private static PlaybookAction FirstAction() => PlaybookBuilder.Applied().Actions[0]; // due 2026-03-09

    [Theory]
    [InlineData(ActionStatus.Open, "2026-03-10", true)]
    [InlineData(ActionStatus.InProgress, "2026-04-30", true)]
    [InlineData(ActionStatus.Open, "2026-03-09", false)]   // due today is not late yet
    [InlineData(ActionStatus.Open, "2026-03-08", false)]
    [InlineData(ActionStatus.Done, "2026-04-30", false)]
    [InlineData(ActionStatus.Dropped, "2026-04-30", false)]
    public void An_action_is_overdue_once_its_due_date_has_passed_while_it_is_open_or_in_progress(ActionStatus status, string today, bool overdue)
    {
        var action = FirstAction();
        Assert.Equal(Due, action.DueDate);
        if (status != ActionStatus.Open)
            Assert.True(action.Update(status, "u-change", Due, "Workshop held; finance chairs the rules board.", PlaybookBuilder.Members, "Sofia Reyes", PlaybookBuilder.AppliedUtc).Succeeded);

        var day = DateOnly.Parse(today);
        Assert.Equal(overdue, action.IsOverdueOn(day));
        // The query form of the rule says the same thing.
        Assert.Equal(overdue, PlaybookAction.OverdueOn(day).Compile()(action));
    }

    [Fact]
    public void The_clock_decides_today_in_utc()
    {
        var action = FirstAction();
        var clock = new FakeClock(new DateTimeOffset(2026, 3, 9, 23, 30, 0, TimeSpan.Zero));
        Assert.False(action.IsOverdueNow(clock));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.True(action.IsOverdueNow(clock));
        // 01:30 on the 10th in UTC+3 is still the 9th in UTC: not overdue yet.
        Assert.False(action.IsOverdueNow(new FakeClock(new DateTimeOffset(2026, 3, 10, 1, 30, 0, TimeSpan.FromHours(3)))));
    }

    [Theory]
    [InlineData(ActionStatus.Done, "Say what came of it before marking it done.")]
    [InlineData(ActionStatus.Dropped, "Say why it was dropped.")]
    public void Closing_an_action_needs_an_outcome_note(ActionStatus status, string message)
    {
        var action = FirstAction();
        var refused = action.Update(status, "u-change", Due, "  ", PlaybookBuilder.Members, "Sofia Reyes", PlaybookBuilder.AppliedUtc);
        Assert.Equal([("OutcomeNote", message)], refused.Errors.Select(e => (e.Field, e.Message)));
        Assert.Equal(ActionStatus.Open, action.Status);
    }

    [Fact]
    public void Every_problem_is_reported_on_its_field_and_nothing_changes()
    {
        var action = FirstAction();
        var version = action.Version;
        var refused = action.Update((ActionStatus)9, "u-stranger", null, new string('x', PlaybookAction.MaxOutcomeLength + 1),
            PlaybookBuilder.Members, "Sofia Reyes", PlaybookBuilder.AppliedUtc);
        Assert.Equal(["Status", "Owner", "DueDate", "OutcomeNote"], refused.Errors.Select(e => e.Field));
        Assert.Equal("The owner must be a member of the program.", refused.Errors[1].Message);
        Assert.Equal((version, "u-change"), (action.Version, action.OwnerUserId));
    }

    [Fact]
    public void Closing_stamps_the_time_reopening_clears_it_and_every_change_gets_a_new_version()
    {
        var action = FirstAction();
        var v0 = action.Version;
        var later = PlaybookBuilder.AppliedUtc.AddDays(3);
        Assert.True(action.Update(ActionStatus.Done, "u-owner", Due, " Done: rules board chaired by finance. ", PlaybookBuilder.Members, "Mara Lindqvist", later).Succeeded);
        Assert.Equal((later, "Done: rules board chaired by finance.", "u-owner", "Mara Lindqvist"), (action.ClosedUtc, action.OutcomeNote, action.OwnerUserId, action.UpdatedBy));
        Assert.NotEqual(v0, action.Version);

        Assert.True(action.Update(ActionStatus.InProgress, "u-owner", Due.AddDays(7), "Board met once; second session pending.", PlaybookBuilder.Members, "Sofia Reyes", later.AddDays(1)).Succeeded);
        Assert.Null(action.ClosedUtc);
        Assert.Equal(Due.AddDays(7), action.DueDate);
    }

    [Theory]
    [InlineData("u-change", false, true)]   // owner (and change lead)
    [InlineData("u-lead", false, true)]     // PMO lead
    [InlineData("u-owner", false, false)]   // process owner who does not own the action
    [InlineData("u-view", false, false)]
    [InlineData("u-stranger", true, true)]  // administrator
    public void Owners_change_leads_pmo_leads_and_administrators_may_edit(string userId, bool admin, bool allowed)
    {
        var program = new ProgramBuilder().WithMember("u-lead", ProgramRole.PmoLead).WithMember("u-change", ProgramRole.ChangeLead)
            .WithMember("u-owner", ProgramRole.ProcessOwner).WithMember("u-view", ProgramRole.Viewer).Build();
        Assert.Equal(allowed, FirstAction().CanBeEditedBy(program, userId, admin));
    }

    [Fact]
    public void A_viewer_who_owns_an_action_may_edit_it_but_not_after_leaving_the_program()
    {
        var action = PlaybookBuilder.Applied(owner: "u-view").Actions[0];
        var program = new ProgramBuilder().WithMember("u-view", ProgramRole.Viewer).Build();
        Assert.True(action.CanBeEditedBy(program, "u-view", false));
        program.RemoveMember("u-view");
        Assert.False(action.CanBeEditedBy(program, "u-view", false));
    }
}
