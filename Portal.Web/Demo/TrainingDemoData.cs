using Microsoft.EntityFrameworkCore;
using Portal.Core.Training;
using Portal.Data;

namespace Portal.Web.Demo;

/// <summary>
/// Atlas's training: courses built on Atlas's own purchase orders and projects for Financial analysts, Capital Projects
/// PMs and the ERP/IT team, with sessions and LMS records. Two analysts still miss the data-quality course, so Financial
/// analysts stand at 77.7% (7 of 9) against the 90% gate: the visible training gap of the Pilot. The others are above 90%.
/// </summary>
public static class TrainingDemoData
{
    private sealed record CourseSeed(string Group, string Code, string Title, string Description, bool Mandatory, bool RealData);

    private static readonly CourseSeed[] Courses =
    [
        new("Financial analysts", "FIN-201", "Commitments and actuals in the integrated ERP",
            "Reconciling Capital Projects purchase orders against actuals without the monthly workbook, on last quarter's real POs.", true, true),
        new("Financial analysts", "FIN-202", "Integration rules and data-quality checks",
            "The matching rules finance owns, and how to fix a rejected invoice line before it reaches the PPM.", true, true),
        new("Capital Projects PMs", "PM-101", "Reading committed spend per project",
            "Committed, invoiced and actual cost on your own projects; when to chase a PO instead of calling finance.", true, true),
        new("Capital Projects PMs", "PM-110", "PPM basics",
            "Navigation and personal settings in the vendor's sandbox.", false, false),
        new("ERP/IT team", "IT-301", "Running the PPM-ERP integration",
            "Monitoring the nightly and near-real-time feeds, replaying failed messages, and the support runbook.", true, true),
    ];

    public static async Task SeedAsync(PortalDbContext db, int programId, DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var groups = await db.StakeholderGroups.Where(g => g.ProgramId == programId).ToDictionaryAsync(g => g.Name, g => g.Id, ct);
        var courses = Courses.ToDictionary(c => c.Code, c => TrainingCourse.Create(programId,
            new TrainingCourseInput(c.Code, c.Title, c.Description, TrainingAudience.Group(groups[c.Group]), c.Mandatory, c.RealData)).Value);
        db.TrainingCourses.AddRange(courses.Values);
        await db.SaveChangesAsync(ct);

        void Session(string code, int daysFromToday, string trainer, string location, bool online, int capacity) =>
            db.TrainingSessions.Add(TrainingSession.Schedule(programId, courses[code].Id,
                new TrainingSessionInput(today.AddDays(daysFromToday), trainer, location, online, capacity)).Value);
        Session("FIN-201", -42, "Mara Lindqvist", "Finance training room 3", false, 12);
        Session("FIN-202", -21, "Grace Liu", "Teams", true, 15);
        Session("FIN-202", 7, "Grace Liu", "Finance training room 3", false, 6);
        Session("PM-101", -35, "Sofia Reyes", "Capital Projects hub, room B", false, 14);
        Session("PM-110", -50, "Vendor trainer", "Vendor LMS", true, 40);
        Session("IT-301", -28, "Anders Nilsen", "ERP operations lab", false, 8);

        var people = (await db.StakeholderPeople.Where(p => p.ProgramId == programId).Select(p => new { p.GroupId, p.Email, p.Name }).ToListAsync(ct))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ToLookup(p => p.GroupId, p => p.Email);
        void Records(string code, IEnumerable<string> emails, int enrolledDaysAgo, int completedDaysAgo, int completeCount)
        {
            var i = 0;
            foreach (var email in emails)
            {
                var completed = i < completeCount ? today.AddDays(-completedDaysAgo + i % 3) : (DateOnly?)null;
                db.TrainingRecords.Add(TrainingRecord.Enrol(programId, courses[code].Id, email, today.AddDays(-enrolledDaysAgo), completed,
                    completed is null ? null : 78 + (i * 7) % 21));
                i++;
            }
        }
        var analysts = people[groups["Financial analysts"]].ToList();
        var pms = people[groups["Capital Projects PMs"]].ToList();
        var it = people[groups["ERP/IT team"]].ToList();
        Records("FIN-201", analysts, 50, 42, analysts.Count);
        Records("FIN-202", analysts, 30, 21, analysts.Count - 2);
        Records("PM-101", pms, 40, 35, pms.Count - 1);
        Records("PM-110", pms.Take(6), 55, 50, 4);
        Records("IT-301", it, 30, 28, it.Count);
        await db.SaveChangesAsync(ct);
    }
}
