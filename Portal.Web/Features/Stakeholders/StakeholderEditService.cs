using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Core.Common;
using Portal.Core.Programs;
using Portal.Core.Stakeholders;
using Portal.Data;
using Portal.Data.Auditing;
using Portal.Web.Features.Account;
using Portal.Web.Features.Milestones;

namespace Portal.Web.Features.Stakeholders;

/// <summary>
/// Changes to the stakeholder map: groups, people and assessments. Change leads, PMO leads and administrators only;
/// non-members are told "not found". Every change is audited in the same save, and a stale version (someone else
/// changed the record meanwhile) is refused instead of silently overwritten.
/// </summary>
public sealed class StakeholderEditService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public const string NotFound = "Not found, or you are not a member of this program.";
    public const string NotEditor = "Only a change lead or PMO lead of this program, or an administrator, can change the stakeholder map.";
    private const string Conflict = "Someone else changed this meanwhile. Close the dialog and open it again to see their change.";

    public async Task<Result<int>> CreateGroupAsync(int programId, string? name, string? description, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await DeniedAsync(db, programId, user, ct) is { } denied)
            return Result<int>.Failure("", denied);
        var created = StakeholderGroup.Create(programId, name, description);
        if (!created.Succeeded)
            return Result<int>.Failure(created.Errors);
        var group = created.Value;
        if (await db.StakeholderGroups.AnyAsync(g => g.ProgramId == programId && g.Name.ToLower() == group.Name.ToLower(), ct))
            return Result<int>.Failure(nameof(StakeholderGroup.Name), $"This program already has a group named '{group.Name}'.");
        db.StakeholderGroups.Add(group);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct); // the id the audit entry names
        db.Audit(Event(user, "StakeholderGroup", group.Id, "Created", programId, newValues: GroupText(group)), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<int>.Success(group.Id);
    }

    public async Task<Result> ChangeGroupAsync(int programId, int groupId, string? name, string? description, Guid? expectedVersion, CurrentUser user,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await DeniedAsync(db, programId, user, ct) is { } denied)
            return Result.Failure("", denied);
        var group = await db.StakeholderGroups.FirstOrDefaultAsync(g => g.Id == groupId && g.ProgramId == programId, ct);
        if (group is null)
            return Result.Failure("", NotFound);
        if (expectedVersion is { } seen && seen != group.Version)
            return Result.Failure("", Conflict);
        var before = GroupText(group);
        var changed = group.ChangeDetails(name, description);
        if (!changed.Succeeded)
            return changed;
        if (await db.StakeholderGroups.AnyAsync(g => g.ProgramId == programId && g.Id != groupId && g.Name.ToLower() == group.Name.ToLower(), ct))
            return Result.Failure(nameof(StakeholderGroup.Name), $"This program already has a group named '{group.Name}'.");
        if (before == GroupText(group))
            return Result.Success();
        db.Audit(Event(user, "StakeholderGroup", groupId, "Changed", programId, before, GroupText(group)), clock.GetUtcNow());
        return await SaveAsync(db, ct);
    }

    /// <summary>Removes an empty group (with its history); a group with people is refused so nobody disappears by accident.</summary>
    public async Task<Result> DeleteGroupAsync(int programId, int groupId, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await DeniedAsync(db, programId, user, ct) is { } denied)
            return Result.Failure("", denied);
        var group = await db.StakeholderGroups.FirstOrDefaultAsync(g => g.Id == groupId && g.ProgramId == programId, ct);
        if (group is null)
            return Result.Failure("", NotFound);
        var people = await db.StakeholderPeople.CountAsync(p => p.GroupId == groupId, ct);
        if (people > 0)
            return Result.Failure("", $"'{group.Name}' still has {people} people. Move them to another group first.");
        db.StakeholderGroups.Remove(group);
        db.Audit(Event(user, "StakeholderGroup", groupId, "Deleted", programId, oldValues: GroupText(group)), clock.GetUtcNow());
        return await SaveAsync(db, ct);
    }

    public async Task<Result<int>> CreatePersonAsync(int programId, PersonForm form, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await DeniedAsync(db, programId, user, ct) is { } denied)
            return Result<int>.Failure("", denied);
        var groupProblem = await GroupProblemAsync(db, programId, form.GroupId, ct);
        var created = StakeholderPerson.Create(programId, form.GroupId ?? 0, form.Name, form.Title, form.Email, form.ProcessArea);
        var errors = (created.Succeeded ? [] : created.Errors.ToList());
        if (groupProblem is not null)
            errors.Add(groupProblem);
        if (created.Succeeded && await EmailTakenAsync(db, programId, created.Value.Email, null, ct) is { } taken)
            errors.Add(taken);
        if (errors.Count > 0)
            return Result<int>.Failure(errors);
        var person = created.Value;
        db.StakeholderPeople.Add(person);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await SaveAsync(db, ct) is { Succeeded: false } failed)
            return Result<int>.Failure(failed.Errors);
        db.Audit(Event(user, "StakeholderPerson", person.Id, "Created", programId, newValues: await PersonTextAsync(db, person, ct)), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<int>.Success(person.Id);
    }

    public async Task<Result> ChangePersonAsync(int programId, int personId, PersonForm form, Guid? expectedVersion, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await DeniedAsync(db, programId, user, ct) is { } denied)
            return Result.Failure("", denied);
        var person = await db.StakeholderPeople.FirstOrDefaultAsync(p => p.Id == personId && p.ProgramId == programId, ct);
        if (person is null)
            return Result.Failure("", NotFound);
        if (expectedVersion is { } seen && seen != person.Version)
            return Result.Failure("", Conflict);
        var before = await PersonTextAsync(db, person, ct);
        var errors = StakeholderPerson.ValidateDetails(form.Name, form.Title, form.Email, form.ProcessArea).ToList();
        if (await GroupProblemAsync(db, programId, form.GroupId, ct) is { } groupProblem)
            errors.Add(groupProblem);
        if (errors.Count == 0 && await EmailTakenAsync(db, programId, StakeholderPerson.NormalizeEmail(form.Email), personId, ct) is { } taken)
            errors.Add(taken);
        if (errors.Count > 0)
            return Result.Failure(errors);
        person.ChangeDetails(form.GroupId!.Value, form.Name, form.Title, form.Email, form.ProcessArea);
        var after = await PersonTextAsync(db, person, ct);
        if (after == before)
            return Result.Success();
        db.Audit(Event(user, "StakeholderPerson", personId, "Changed", programId, before, after), clock.GetUtcNow());
        return await SaveAsync(db, ct);
    }

    public async Task<Result> DeletePersonAsync(int programId, int personId, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await DeniedAsync(db, programId, user, ct) is { } denied)
            return Result.Failure("", denied);
        var person = await db.StakeholderPeople.FirstOrDefaultAsync(p => p.Id == personId && p.ProgramId == programId, ct);
        if (person is null)
            return Result.Failure("", NotFound);
        db.Audit(Event(user, "StakeholderPerson", personId, "Deleted", programId, oldValues: await PersonTextAsync(db, person, ct)), clock.GetUtcNow());
        db.StakeholderPeople.Remove(person);
        return await SaveAsync(db, ct);
    }

    /// <summary>Records a new assessment of a group or person (the previous one stays in the history).</summary>
    public async Task<Result> AssessAsync(int programId, StakeholderKind kind, int id, AssessmentInput input, Guid? expectedVersion, CurrentUser user,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await DeniedAsync(db, programId, user, ct) is { } denied)
            return Result.Failure("", denied);
        var now = clock.GetUtcNow();
        var assessment = Assessment.Create(input, user.Id, user.DisplayName, now);
        if (!assessment.Succeeded)
            return Result.Failure(assessment.Errors);
        if (kind == StakeholderKind.Group)
        {
            var group = await db.StakeholderGroups.FirstOrDefaultAsync(g => g.Id == id && g.ProgramId == programId, ct);
            if (group is null)
                return Result.Failure("", NotFound);
            if (expectedVersion is { } seen && seen != group.Version)
                return Result.Failure("", Conflict);
            var before = group.Current;
            group.Assess(assessment.Value);
            db.Audit(Event(user, "StakeholderGroup", id, "Assessed", programId, AssessmentText(before), AssessmentText(group.Current)), now);
        }
        else
        {
            var person = await db.StakeholderPeople.FirstOrDefaultAsync(p => p.Id == id && p.ProgramId == programId, ct);
            if (person is null)
                return Result.Failure("", NotFound);
            if (expectedVersion is { } seen && seen != person.Version)
                return Result.Failure("", Conflict);
            var before = person.Own is null ? "inherits the group's assessment" : AssessmentText(person.Own);
            person.Assess(assessment.Value);
            db.Audit(Event(user, "StakeholderPerson", id, "Assessed", programId, before, AssessmentText(person.Own)), now);
        }
        return await SaveAsync(db, ct);
    }

    /// <summary>Lets a person inherit their group's assessment again; their own history is kept.</summary>
    public async Task<Result> InheritGroupAssessmentAsync(int programId, int personId, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await DeniedAsync(db, programId, user, ct) is { } denied)
            return Result.Failure("", denied);
        var person = await db.StakeholderPeople.FirstOrDefaultAsync(p => p.Id == personId && p.ProgramId == programId, ct);
        if (person is null)
            return Result.Failure("", NotFound);
        if (person.Own is null)
            return Result.Success();
        var before = AssessmentText(person.Own);
        person.InheritGroupAssessment();
        db.Audit(Event(user, "StakeholderPerson", personId, "InheritsGroupAssessment", programId, before, "inherits the group's assessment"), clock.GetUtcNow());
        return await SaveAsync(db, ct);
    }

    /// <summary>Null when the user may change the program's map; otherwise why not (non-members: "not found").</summary>
    internal static async Task<string?> DeniedAsync(PortalDbContext db, int programId, CurrentUser user, CancellationToken ct)
    {
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        if (program is null)
            return NotFound;
        return ProgramAccess.CanEditChangeWork(program, user.Id, user.IsAdministrator) ? null : NotEditor;
    }

    internal static AuditEvent Event(CurrentUser user, string entityType, int id, string action, int programId, string? oldValues = null, string? newValues = null) =>
        new(user.Id, user.DisplayName, entityType, id.ToString(System.Globalization.CultureInfo.InvariantCulture), action, programId, oldValues, newValues);

    internal static string AssessmentText(Assessment? a) => a is null ? "not assessed" :
        $"influence {a.Influence}, impact {a.Impact}, support {a.CurrentSupport.DisplayName()} (target {a.TargetSupport.DisplayName()}), " +
        $"resistance {a.ResistanceType?.DisplayName() ?? "not judged"}, gains [{a.Gains.Describe()}]{Note(a.GainsNote)}, losses [{a.Losses.Describe()}]{Note(a.LossesNote)}, " +
        $"early adopter {(a.IsEarlyAdopter ? "yes" : "no")}{Note(a.Notes)}";

    internal static string PersonText(StakeholderPerson p, string groupName) =>
        $"{p.Name} <{p.Email}>, {(p.Title.Length > 0 ? p.Title : "no title")}, group {groupName}, process area {(p.ProcessArea.Length > 0 ? p.ProcessArea : "none")}";

    private static string Note(string note) => note.Length > 0 ? $" \"{note}\"" : "";

    private static string GroupText(StakeholderGroup g) => g.Description.Length > 0 ? $"{g.Name}: {g.Description}" : g.Name;

    private static async Task<string> PersonTextAsync(PortalDbContext db, StakeholderPerson p, CancellationToken ct) =>
        PersonText(p, await db.StakeholderGroups.Where(g => g.Id == p.GroupId).Select(g => g.Name).FirstOrDefaultAsync(ct) ?? "?");

    private static async Task<FieldError?> GroupProblemAsync(PortalDbContext db, int programId, int? groupId, CancellationToken ct) =>
        groupId is null ? new FieldError(nameof(PersonForm.GroupId), "Choose a group.")
        : await db.StakeholderGroups.AnyAsync(g => g.Id == groupId && g.ProgramId == programId, ct) ? null
        : new FieldError(nameof(PersonForm.GroupId), "That group is not part of this program.");

    private static async Task<FieldError?> EmailTakenAsync(PortalDbContext db, int programId, string email, int? exceptId, CancellationToken ct)
    {
        var other = await db.StakeholderPeople.Where(p => p.ProgramId == programId && p.Email == email && p.Id != exceptId)
            .Select(p => p.Name).FirstOrDefaultAsync(ct);
        return other is null ? null : new FieldError(nameof(PersonForm.Email), $"{email} is already on the map ({other}).");
    }

    /// <summary>Saves; a concurrent change or a duplicate that slipped past the checks becomes a message, not an exception.</summary>
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
            return Result.Failure(nameof(PersonForm.Email), "That email or group name is already on the map.");
        }
    }
}
