using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Core.Common;
using Portal.Core.Programs;
using Portal.Core.Training;
using Portal.Data;
using Portal.Data.Auditing;
using Portal.Web.Features.Account;
using Portal.Web.Features.Milestones;

namespace Portal.Web.Features.Training;

/// <summary>
/// Changes to a program's training: courses and sessions (change leads, PMO leads, administrators) and the gate
/// threshold (PMO leads and administrators). Non-members are told "not found"; every change is audited in the same save.
/// </summary>
public sealed class TrainingEditService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public const string NotFound = "Not found, or you are not a member of this program.";
    public const string NotEditor = "Only a change lead or PMO lead of this program, or an administrator, can change its training.";
    public const string NotManager = "Only a PMO lead of this program, or an administrator, can change the training threshold.";
    private const string Conflict = "Someone else changed this course meanwhile. Close the dialog and open it again to see their change.";

    public async Task<Result<int>> CreateCourseAsync(int programId, TrainingCourseInput input, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await DeniedAsync(db, programId, user, ct) is { } denied)
            return Result<int>.Failure("", denied);
        var created = TrainingCourse.Create(programId, input);
        if (!created.Succeeded)
            return Result<int>.Failure(created.Errors);
        var course = created.Value;
        if (await ProblemAsync(db, programId, course, null, ct) is { } problem)
            return Result<int>.Failure([problem]);
        db.TrainingCourses.Add(course);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct); // the id the audit entry names
        db.Audit(Event(user, "TrainingCourse", course.Id, "Created", programId, newValues: await CourseTextAsync(db, course, ct)), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<int>.Success(course.Id);
    }

    public async Task<Result> ChangeCourseAsync(int programId, int courseId, TrainingCourseInput input, Guid? expectedVersion, CurrentUser user,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await DeniedAsync(db, programId, user, ct) is { } denied)
            return Result.Failure("", denied);
        var course = await db.TrainingCourses.FirstOrDefaultAsync(c => c.Id == courseId && c.ProgramId == programId, ct);
        if (course is null)
            return Result.Failure("", NotFound);
        if (expectedVersion is { } seen && seen != course.Version)
            return Result.Failure("", Conflict);
        var before = await CourseTextAsync(db, course, ct);
        var changed = course.Change(input);
        if (!changed.Succeeded)
            return changed;
        if (await ProblemAsync(db, programId, course, courseId, ct) is { } problem)
            return Result.Failure([problem]);
        var after = await CourseTextAsync(db, course, ct);
        if (after == before)
            return Result.Success();
        db.Audit(Event(user, "TrainingCourse", courseId, "Changed", programId, before, after), clock.GetUtcNow());
        return await SaveAsync(db, ct);
    }

    public async Task<Result<int>> ScheduleSessionAsync(int programId, int courseId, TrainingSessionInput input, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await DeniedAsync(db, programId, user, ct) is { } denied)
            return Result<int>.Failure("", denied);
        var course = await db.TrainingCourses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == courseId && c.ProgramId == programId, ct);
        if (course is null)
            return Result<int>.Failure("CourseId", "Choose a course of this program.");
        var scheduled = TrainingSession.Schedule(programId, courseId, input);
        if (!scheduled.Succeeded)
            return Result<int>.Failure(scheduled.Errors);
        var session = scheduled.Value;
        db.TrainingSessions.Add(session);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        db.Audit(Event(user, "TrainingSession", session.Id, "Scheduled", programId, newValues: SessionText(session, course.Code)), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<int>.Success(session.Id);
    }

    public async Task<Result> CancelSessionAsync(int programId, int sessionId, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await DeniedAsync(db, programId, user, ct) is { } denied)
            return Result.Failure("", denied);
        var session = await db.TrainingSessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.ProgramId == programId, ct);
        if (session is null)
            return Result.Failure("", NotFound);
        var code = await db.TrainingCourses.Where(c => c.Id == session.CourseId).Select(c => c.Code).FirstAsync(ct);
        db.TrainingSessions.Remove(session);
        db.Audit(Event(user, "TrainingSession", sessionId, "Cancelled", programId, oldValues: SessionText(session, code)), clock.GetUtcNow());
        return await SaveAsync(db, ct);
    }

    public async Task<Result> ChangeThresholdAsync(int programId, decimal? percent, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        if (program is null)
            return Result.Failure("", NotFound);
        if (!ProgramAccess.CanManage(program, user.Id, user.IsAdministrator))
            return Result.Failure("", NotManager);
        var settings = await db.TrainingSettings.FirstOrDefaultAsync(s => s.ProgramId == programId, ct);
        if (settings is null)
        {
            settings = TrainingSettings.For(programId);
            db.TrainingSettings.Add(settings);
        }
        var before = settings.ThresholdPercent;
        var changed = settings.ChangeThreshold(percent);
        if (!changed.Succeeded || before == settings.ThresholdPercent)
            return changed;
        db.Audit(new AuditEvent(user.Id, user.DisplayName, "TrainingSettings", programId.ToString(CultureInfo.InvariantCulture), "ThresholdChanged", programId,
            $"threshold {before:0.#}%", $"threshold {settings.ThresholdPercent:0.#}%"), clock.GetUtcNow());
        return await SaveAsync(db, ct);
    }

    /// <summary>Null when the user may change the program's training; otherwise why not (non-members: "not found").</summary>
    internal static async Task<string?> DeniedAsync(PortalDbContext db, int programId, CurrentUser user, CancellationToken ct)
    {
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        if (program is null)
            return NotFound;
        return ProgramAccess.CanEditChangeWork(program, user.Id, user.IsAdministrator) ? null : NotEditor;
    }

    internal static AuditEvent Event(CurrentUser user, string entityType, int id, string action, int programId, string? oldValues = null, string? newValues = null) =>
        new(user.Id, user.DisplayName, entityType, id.ToString(CultureInfo.InvariantCulture), action, programId, oldValues, newValues);

    private static async Task<FieldError?> ProblemAsync(PortalDbContext db, int programId, TrainingCourse course, int? exceptId, CancellationToken ct)
    {
        if (course.AudienceGroupId is { } groupId && !await db.StakeholderGroups.AnyAsync(g => g.Id == groupId && g.ProgramId == programId, ct))
            return new FieldError(nameof(TrainingCourse.Audience), "That stakeholder group is not part of this program.");
        var other = await db.TrainingCourses.Where(c => c.ProgramId == programId && c.Code == course.Code && c.Id != exceptId).Select(c => c.Title).FirstOrDefaultAsync(ct);
        return other is null ? null : new FieldError(nameof(TrainingCourse.Code), $"Course code {course.Code} is already used by '{other}'.");
    }

    private static async Task<string> CourseTextAsync(PortalDbContext db, TrainingCourse c, CancellationToken ct)
    {
        var audience = c.AudienceGroupId is { } g
            ? "group " + (await db.StakeholderGroups.Where(x => x.Id == g).Select(x => x.Name).FirstOrDefaultAsync(ct) ?? "?")
            : c.AudienceRole is { } r ? "role " + r.DisplayName() : "no audience";
        return $"{c.Code} {c.Title}, for {audience}, {(c.IsMandatory ? "mandatory" : "optional")}, " +
               $"{(c.IsBuiltOnRealData ? "built on real organisational data" : "generic data")}{(c.Description.Length > 0 ? $": {c.Description}" : "")}";
    }

    private static string SessionText(TrainingSession s, string code) =>
        $"{code} on {s.Date:yyyy-MM-dd}, trainer {s.Trainer}, {(s.IsOnline ? "online" : "in person")}{(s.Location.Length > 0 ? $" at {s.Location}" : "")}, capacity {s.Capacity}";

    private static async Task<Result> SaveAsync(PortalDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Result.Success();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Failure("", Conflict);
        }
        catch (DbUpdateException e) when (e.IsUniqueKeyViolation())
        {
            return Result.Failure(nameof(TrainingCourse.Code), "That course code is already used in this program.");
        }
    }
}
