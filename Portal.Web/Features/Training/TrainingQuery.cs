using Microsoft.EntityFrameworkCore;
using Portal.Core.Programs;
using Portal.Core.Training;
using Portal.Data;

namespace Portal.Web.Features.Training;

/// <summary>
/// What completion rates are computed from, for one or many programs in a fixed number of queries: the courses, who is
/// in each audience (stakeholder group members, or program members in a role, by email) and who completed what.
/// </summary>
internal static class TrainingQuery
{
    public sealed record Person(string Email, string Name);

    public sealed record Audience(string Key, string Name, IReadOnlyList<Person> People, IReadOnlyList<TrainingCourse> Courses);

    public sealed record Snapshot(decimal Threshold, IReadOnlyList<TrainingCourse> Courses, IReadOnlyList<Audience> Audiences,
        IReadOnlySet<(int CourseId, string Email)> Completed)
    {
        public (IReadOnlyList<AudienceCompletion> Audiences, AudienceCompletion Overall) Rates() => TrainingRules.Rates(
            Audiences.Select(a => new AudienceInput(a.Key, a.Name, a.People.Select(p => p.Email).ToList(),
                a.Courses.Where(c => c.IsMandatory).Select(c => c.Id).ToList())), Completed);

        public TrainingFacts Facts()
        {
            var (audiences, overall) = Rates();
            var mandatory = Courses.Where(c => c.IsMandatory).OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
            return new TrainingFacts(Threshold, audiences, overall)
            {
                MandatoryCourses = mandatory.Select(Name).ToList(),
                MandatoryCoursesNotOnRealData = mandatory.Where(c => !c.IsBuiltOnRealData).Select(Name).ToList(),
            };

            static string Name(TrainingCourse c) => $"{c.Code} {c.Title}";
        }
    }

    public static async Task<IReadOnlyDictionary<int, Snapshot>> LoadAsync(PortalDbContext db, IReadOnlyCollection<int> programIds, CancellationToken ct)
    {
        var ids = programIds.ToList();
        var thresholds = await db.TrainingSettings.AsNoTracking().Where(s => ids.Contains(s.ProgramId)).ToDictionaryAsync(s => s.ProgramId, s => s.ThresholdPercent, ct);
        var courses = await db.TrainingCourses.AsNoTracking().Where(c => ids.Contains(c.ProgramId)).ToListAsync(ct);
        var groupIds = courses.Where(c => c.AudienceGroupId is not null).Select(c => c.AudienceGroupId!.Value).Distinct().ToList();
        var groups = await db.StakeholderGroups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        var groupPeople = (await db.StakeholderPeople.AsNoTracking().Where(p => groupIds.Contains(p.GroupId))
                .Select(p => new { p.GroupId, p.Email, p.Name }).ToListAsync(ct))
            .ToLookup(p => p.GroupId, p => new Person(p.Email, p.Name));
        var withRoles = courses.Where(c => c.AudienceRole is not null).Select(c => c.ProgramId).Distinct().ToList();
        var members = (await (from m in db.ProgramMembers.AsNoTracking()
                              join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                              where withRoles.Contains(m.ProgramId) && u.Email != null
                              select new { m.ProgramId, m.Role, u.Email, u.DisplayName }).ToListAsync(ct))
            .ToLookup(m => (m.ProgramId, m.Role), m => new Person(m.Email!.Trim().ToLowerInvariant(), m.DisplayName));
        var completed = (await db.TrainingRecords.AsNoTracking().Where(r => ids.Contains(r.ProgramId) && r.CompletedOn != null)
                .Select(r => new { r.ProgramId, r.CourseId, r.Email }).ToListAsync(ct))
            .ToLookup(r => r.ProgramId, r => (r.CourseId, r.Email));

        var result = new Dictionary<int, Snapshot>();
        foreach (var id in ids)
        {
            var own = courses.Where(c => c.ProgramId == id).OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
            var audiences = own.Where(c => c.Audience.IsValid).GroupBy(c => c.Audience.Key).Select(g =>
                {
                    var audience = g.First().Audience;
                    return audience.GroupId is { } groupId
                        ? new Audience(g.Key, groups.GetValueOrDefault(groupId, "?"), groupPeople[groupId].ToList(), g.ToList())
                        : new Audience(g.Key, audience.Role!.Value.DisplayName(), members[(id, audience.Role!.Value)].DistinctBy(p => p.Email).ToList(), g.ToList());
                })
                .OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToList();
            result[id] = new Snapshot(thresholds.GetValueOrDefault(id, TrainingSettings.DefaultThresholdPercent), own, audiences, completed[id].ToHashSet());
        }
        return result;
    }

    /// <summary>Everyone an LMS row may name: the program's stakeholder people and its members, by normalized email.</summary>
    public static async Task<HashSet<string>> KnownPeopleAsync(PortalDbContext db, int programId, CancellationToken ct)
    {
        var people = await db.StakeholderPeople.Where(p => p.ProgramId == programId).Select(p => p.Email).ToListAsync(ct);
        var members = await (from m in db.ProgramMembers
                             join u in db.Users on m.UserId equals u.Id
                             where m.ProgramId == programId && u.Email != null
                             select u.Email).ToListAsync(ct);
        return people.Concat(members.Select(e => e!.Trim().ToLowerInvariant())).ToHashSet(StringComparer.Ordinal);
    }
}
