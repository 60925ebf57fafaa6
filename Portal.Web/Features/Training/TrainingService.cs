using Microsoft.EntityFrameworkCore;
using Portal.Core.Programs;
using Portal.Core.Training;
using Portal.Data;
using Portal.Web.Features.Account;
using Portal.Web.Features.Milestones;

namespace Portal.Web.Features.Training;

/// <summary>Reads of a program's training: rates, courses, sessions and who has not completed. Members only; others get null.</summary>
public sealed class TrainingService(IDbContextFactory<PortalDbContext> dbFactory)
{
    public const int MaxPageSize = 200;

    public async Task<TrainingView?> GetAsync(int programId, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        if (program is null)
            return null;
        var snapshot = (await TrainingQuery.LoadAsync(db, [programId], ct))[programId];
        var (audiences, overall) = snapshot.Rates();
        var counts = await db.TrainingRecords.AsNoTracking().Where(r => r.ProgramId == programId)
            .GroupBy(r => r.CourseId).Select(g => new { CourseId = g.Key, Enrolled = g.Count(), Completed = g.Count(r => r.CompletedOn != null) })
            .ToDictionaryAsync(c => c.CourseId, ct);
        var names = snapshot.Audiences.ToDictionary(a => a.Key, a => a.Name);
        var courses = snapshot.Courses.Select(c => new CourseRow(c.Id, c.Code, c.Title, c.Description, c.Audience,
                names.GetValueOrDefault(c.Audience.Key, "No audience (its group was removed)"), c.IsMandatory, c.IsBuiltOnRealData,
                counts.GetValueOrDefault(c.Id)?.Enrolled ?? 0, counts.GetValueOrDefault(c.Id)?.Completed ?? 0, c.Version))
            .OrderBy(c => c.AudienceName, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();
        var byId = snapshot.Courses.ToDictionary(c => c.Id);
        var sessions = await db.TrainingSessions.AsNoTracking().Where(s => s.ProgramId == programId).OrderBy(s => s.Date).ThenBy(s => s.Id).ToListAsync(ct);
        var groups = await db.StakeholderGroups.AsNoTracking().Where(g => g.ProgramId == programId).OrderBy(g => g.Name)
            .Select(g => new AudienceOption(TrainingAudience.Group(g.Id).Key, g.Name)).ToListAsync(ct);
        var roles = Enum.GetValues<ProgramRole>().Where(r => r != ProgramRole.Viewer)
            .Select(r => new AudienceOption(TrainingAudience.ForRole(r).Key, $"Role: {r.DisplayName()}"));
        return new TrainingView(programId, program.Name, ProgramAccess.CanEditChangeWork(program, user.Id, user.IsAdministrator),
            ProgramAccess.CanManage(program, user.Id, user.IsAdministrator), snapshot.Threshold, audiences, overall, courses,
            sessions.Select(s => new SessionRow(s.Id, s.CourseId, byId[s.CourseId].Code, byId[s.CourseId].Title, s.Date, s.Trainer, s.Location, s.IsOnline, s.Capacity)).ToList(),
            [.. groups, .. roles]);
    }

    /// <summary>People who still miss a mandatory course, by audience then name; <paramref name="audienceKey"/> narrows to one audience.</summary>
    public async Task<PendingPage?> GetPendingAsync(int programId, string? audienceKey, int skip, int take, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await MilestoneViews.VisibleProgramAsync(db, programId, user, ct) is null)
            return null;
        var snapshot = (await TrainingQuery.LoadAsync(db, [programId], ct))[programId];
        var pending = new List<PendingPerson>();
        foreach (var audience in snapshot.Audiences.Where(a => audienceKey is null || a.Key == audienceKey))
        {
            var mandatory = audience.Courses.Where(c => c.IsMandatory).ToList();
            if (mandatory.Count == 0)
                continue;
            foreach (var person in audience.People.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase))
            {
                var missing = mandatory.Where(c => !snapshot.Completed.Contains((c.Id, person.Email))).Select(c => c.Code).ToList();
                if (missing.Count > 0)
                    pending.Add(new PendingPerson(person.Email, person.Name, audience.Name, missing));
            }
        }
        return new PendingPage(pending.Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageSize)).ToList(), pending.Count);
    }
}
