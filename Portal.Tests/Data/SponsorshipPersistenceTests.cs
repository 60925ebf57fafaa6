using Microsoft.EntityFrameworkCore;
using Portal.Core.Programs;
using Portal.Core.Sponsorship;
using Portal.Data;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data;

/// <summary>Sponsorship actions survive a round trip with their full note, and the scorecard's date query runs in SQL on both providers.</summary>
public sealed class SponsorshipPersistenceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    [Theory, SqliteData, PostgresData]
    public async Task A_logged_action_round_trips_and_an_edit_keeps_its_recording_time(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var sponsor = new UserBuilder().Named("Daniel Okafor").Build();
        var pmo = new UserBuilder().Named("Priya Natarajan").Build();
        int programId, actionId;
        await using (var context = db.CreateContext())
        {
            context.Users.AddRange(pmo, sponsor);
            await context.SaveChangesAsync();
            var program = new ProgramBuilder().WithMember(pmo.Id, ProgramRole.PmoLead).WithMember(sponsor.Id, ProgramRole.ExecutiveSponsor).Build();
            context.Programs.Add(program);
            await context.SaveChangesAsync();
            programId = program.Id;
            var note = "Quarterly steering committee ran on the live commitment dashboard — no spreadsheet.\n" + new string('x', 900);
            var action = SponsorshipAction.Record(program, sponsor.Id, sponsor.DisplayName, new SponsorshipDraft(SponsorshipKind.GovernanceMeeting, Today.AddDays(-2), note), Today, Now).Value;
            context.SponsorshipActions.Add(action);
            context.SponsorshipActions.Add(SponsorshipAction.Record(program, sponsor.Id, sponsor.DisplayName,
                new SponsorshipDraft(SponsorshipKind.Communication, Today.AddDays(-120), "Town hall."), Today, Now).Value);
            await context.SaveChangesAsync();
            actionId = action.Id;
        }

        await using (var edit = db.CreateContext())
        {
            var action = await edit.SponsorshipActions.SingleAsync(a => a.Id == actionId);
            Assert.True(action.Edit(sponsor.Id, new SponsorshipDraft(SponsorshipKind.EscalationResolved, Today.AddDays(-1), action.Note), Today, Now.AddHours(1)).Succeeded);
            await edit.SaveChangesAsync();
        }

        await using var read = db.CreateContext();
        var saved = await read.SponsorshipActions.AsNoTracking().SingleAsync(a => a.Id == actionId);
        Assert.Equal((SponsorshipKind.EscalationResolved, Today.AddDays(-1), sponsor.Id, "Daniel Okafor"), (saved.Kind, saved.Date, saved.SponsorUserId, saved.SponsorName));
        Assert.Equal(Now, saved.RecordedUtc);
        Assert.Equal(Now.AddHours(1), saved.UpdatedUtc);
        Assert.StartsWith("Quarterly steering committee ran on the live commitment dashboard — no spreadsheet.\n", saved.Note);
        var recent = await read.SponsorshipActions.Where(a => a.ProgramId == programId && a.Date > Today.AddDays(-90)).CountAsync();
        Assert.Equal(1, recent);
    }
}
