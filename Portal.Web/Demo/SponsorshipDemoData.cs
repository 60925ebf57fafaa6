using Portal.Core.Programs;
using Portal.Core.Sponsorship;
using Portal.Data;

namespace Portal.Web.Demo;

/// <summary>
/// Daniel's sponsorship of Atlas: an action in each of the three months before last, then a silent last month, so the
/// scorecard's silent-month flag shows (amber) and logging an action visibly moves the cadence.
/// </summary>
public static class SponsorshipDemoData
{
    public static void Add(PortalDbContext db, PortalProgram atlas, IReadOnlyDictionary<string, string> ids, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        (SponsorshipKind Kind, DateOnly Date, string Note)[] entries =
        [
            (SponsorshipKind.Communication, thisMonth.AddMonths(-4).AddDays(17),
                "Email to all project managers and finance analysts quoting the pilot's committed spend straight from the PPM commitment view."),
            (SponsorshipKind.GovernanceMeeting, thisMonth.AddMonths(-3).AddDays(8),
                "Portfolio steering committee run on the shared commitment dashboard; no spreadsheet pack was circulated."),
            (SponsorshipKind.TeamReinforcement, thisMonth.AddMonths(-2).AddDays(20),
                "Asked the Capital Projects PMs to bring the PPM cost view, not their tracking files, to the monthly cost review."),
        ];
        // Logged on the day they happened, so they are long past the correction window, as they would be.
        foreach (var (kind, date, note) in entries)
        {
            var loggedAt = new DateTimeOffset(date.ToDateTime(new TimeOnly(17, 30)), TimeSpan.Zero);
            db.SponsorshipActions.Add(SponsorshipAction.Record(atlas, ids["sponsor"], "Daniel Okafor", new SponsorshipDraft(kind, date, note), date, loggedAt).Value);
        }
    }
}
