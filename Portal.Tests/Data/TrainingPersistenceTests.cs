using Microsoft.EntityFrameworkCore;
using Portal.Core.Programs;
using Portal.Core.Stakeholders;
using Portal.Core.Training;
using Portal.Data;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data;

/// <summary>Courses, sessions, records and the threshold survive a round trip; the database holds the one-record-per-person-and-course rule.</summary>
public sealed class TrainingPersistenceTests
{
    [Theory, SqliteData, PostgresData]
    public async Task Courses_sessions_records_and_the_threshold_round_trip(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (programId, groupId) = await SaveProgramAsync(db);
        await using (var context = db.CreateContext())
        {
            var byGroup = TrainingCourse.Create(programId, new TrainingCourseInput("fin-201", "Commitments", "On real POs", TrainingAudience.Group(groupId), true, true)).Value;
            var byRole = TrainingCourse.Create(programId, new TrainingCourseInput("CL-1", "Coaching", "", TrainingAudience.ForRole(ProgramRole.ChangeLead), false, false)).Value;
            context.TrainingCourses.AddRange(byGroup, byRole);
            await context.SaveChangesAsync();
            context.TrainingSessions.Add(TrainingSession.Schedule(programId, byGroup.Id, new TrainingSessionInput(new DateOnly(2026, 12, 3), "Grace Liu", "Room 3", false, 12)).Value);
            context.TrainingRecords.Add(TrainingRecord.Enrol(programId, byGroup.Id, "ana@x.example", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 20), 87.25m));
            context.TrainingRecords.Add(TrainingRecord.Enrol(programId, byRole.Id, "ana@x.example", new DateOnly(2026, 11, 1), null, null));
            var settings = TrainingSettings.For(programId);
            settings.ChangeThreshold(92.5m);
            context.TrainingSettings.Add(settings);
            await context.SaveChangesAsync();
        }

        await using var read = db.CreateContext();
        var courses = await read.TrainingCourses.OrderBy(c => c.Code).ToListAsync();
        Assert.Equal([("CL-1", null, ProgramRole.ChangeLead, false, false), ("FIN-201", groupId, null, true, true)],
            courses.Select(c => (c.Code, c.AudienceGroupId, c.AudienceRole, c.IsMandatory, c.IsBuiltOnRealData)));
        var session = await read.TrainingSessions.SingleAsync();
        Assert.Equal((new DateOnly(2026, 12, 3), "Grace Liu", "Room 3", false, 12), (session.Date, session.Trainer, session.Location, session.IsOnline, session.Capacity));
        var records = await read.TrainingRecords.OrderBy(r => r.CourseId).ToListAsync();
        Assert.Equal((new DateOnly(2026, 11, 20), 87.25m), (records.Single(r => r.CourseId == courses[1].Id).CompletedOn, records.Single(r => r.CourseId == courses[1].Id).Score));
        Assert.Null(records.Single(r => r.CourseId == courses[0].Id).CompletedOn);
        Assert.Equal(92.5m, (await read.TrainingSettings.SingleAsync(s => s.ProgramId == programId)).ThresholdPercent);
        Assert.Equal(1, await read.TrainingRecords.CountAsync(r => r.ProgramId == programId && r.CompletedOn != null));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_person_has_one_record_per_course_and_removing_the_group_keeps_the_course_without_an_audience(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (programId, groupId) = await SaveProgramAsync(db);
        await using var context = db.CreateContext();
        var course = TrainingCourse.Create(programId, new TrainingCourseInput("FIN-1", "Commitments", "", TrainingAudience.Group(groupId), true, true)).Value;
        context.TrainingCourses.Add(course);
        await context.SaveChangesAsync();
        context.TrainingRecords.Add(TrainingRecord.Enrol(programId, course.Id, "ana@x.example", new DateOnly(2026, 11, 1), null, null));
        await context.SaveChangesAsync();

        context.TrainingRecords.Add(TrainingRecord.Enrol(programId, course.Id, "ana@x.example", new DateOnly(2026, 11, 2), null, null));
        var duplicate = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        Assert.True(duplicate.IsUniqueKeyViolation());

        await using var other = db.CreateContext();
        await other.StakeholderGroups.Where(g => g.Id == groupId).ExecuteDeleteAsync();
        var kept = await other.TrainingCourses.SingleAsync(c => c.Id == course.Id);
        Assert.Equal((null as int?, null as ProgramRole?), (kept.AudienceGroupId, kept.AudienceRole));
        Assert.Equal(1, await other.TrainingRecords.CountAsync(r => r.CourseId == course.Id));
    }

    private static async Task<(int ProgramId, int GroupId)> SaveProgramAsync(TestDatabase db)
    {
        await using var context = db.CreateContext();
        var program = new ProgramBuilder().Build();
        context.Programs.Add(program);
        await context.SaveChangesAsync();
        var group = StakeholderGroup.Create(program.Id, "Financial analysts", null).Value;
        context.StakeholderGroups.Add(group);
        await context.SaveChangesAsync();
        return (program.Id, group.Id);
    }
}
