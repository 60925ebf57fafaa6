using Portal.Core.Programs;
using Portal.Core.Sponsorship;
using Portal.Tests.Builders;

namespace Portal.Tests.Core.Scorecards;

public sealed class SponsorshipActionTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly PortalProgram Program = new ProgramBuilder()
        .WithMember("pmo", ProgramRole.PmoLead).WithMember("sponsor", ProgramRole.ExecutiveSponsor).Build();

    private static SponsorshipDraft Draft(DateOnly? date = null, string? note = "Opened the steering committee with the live commitment view.") =>
        new(SponsorshipKind.GovernanceMeeting, date ?? Today, note);

    [Fact]
    public void A_sponsor_logs_an_action_with_date_kind_and_note()
    {
        var action = SponsorshipAction.Record(Program, "sponsor", "Sam Sponsor", Draft(Today.AddDays(-3)), Today, Now).Value;
        Assert.Equal(("sponsor", SponsorshipKind.GovernanceMeeting, Today.AddDays(-3)), (action.SponsorUserId, action.Kind, action.Date));
    }

    [Fact]
    public void Only_an_executive_sponsor_of_the_program_logs_actions_not_a_pmo_lead_on_their_behalf()
    {
        Assert.False(SponsorshipAction.Record(Program, "pmo", "Pat", Draft(), Today, Now).Succeeded);
        Assert.False(SponsorshipAction.Record(Program, "stranger", "X", Draft(), Today, Now).Succeeded);
    }

    [Fact]
    public void Future_dates_missing_kind_and_empty_or_long_notes_are_refused_per_field()
    {
        var result = SponsorshipAction.Record(Program, "sponsor", "Sam", new SponsorshipDraft(null, Today.AddDays(1), " "), Today, Now);
        Assert.Equal(["Kind", "Date", "Note"], result.Errors.Select(e => e.Field));
        var longNote = SponsorshipAction.Record(Program, "sponsor", "Sam", Draft(note: new string('x', SponsorshipAction.MaxNoteLength + 1)), Today, Now);
        Assert.Equal("Note", Assert.Single(longNote.Errors).Field);
        Assert.True(SponsorshipAction.Record(Program, "sponsor", "Sam", Draft(note: new string('x', SponsorshipAction.MaxNoteLength)), Today, Now).Succeeded);
    }

    [Fact]
    public void The_author_edits_or_removes_within_7_days_then_it_stands()
    {
        var action = SponsorshipAction.Record(Program, "sponsor", "Sam", Draft(), Today, Now).Value;
        Assert.True(action.Edit("sponsor", Draft(note: "Corrected"), Today, Now.AddDays(7).AddSeconds(-1)).Succeeded);
        Assert.Equal("Corrected", action.Note);
        Assert.False(action.Edit("sponsor", Draft(), Today, Now.AddDays(7)).Succeeded);
        Assert.False(action.CanRemove("sponsor", Now.AddDays(7)).Succeeded);
        Assert.False(action.CanRemove("pmo", Now).Succeeded);
        Assert.True(action.CanRemove("sponsor", Now.AddDays(1)).Succeeded);
    }
}
