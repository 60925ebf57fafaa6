using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Common;
using Portal.Core.Auditing;
using Portal.Core.Stakeholders;
using Portal.Data;
using Portal.Data.Auditing;
using Portal.Web.Features.Account;
using Portal.Web.Features.Milestones;

namespace Portal.Web.Features.Stakeholders;

/// <summary>
/// CSV import and export of people and their own assessments (columns: <see cref="StakeholderCsv.Columns"/>).
/// An import is all or nothing: the whole file is checked first (Core rules), and only a file without a single bad
/// row is written, in one transaction, with one summary audit entry plus one entry per created, changed or
/// re-assessed person. People not in the file are left alone; blank assessment columns leave a person's
/// assessment as it is.
/// </summary>
public sealed class StakeholderCsvService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public async Task<ImportOutcome> ImportAsync(int programId, byte[] file, string fileName, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await StakeholderEditService.DeniedAsync(db, programId, user, ct) is { } denied)
            return new ImportOutcome([new CsvRowError(0, "", denied)]);
        var (text, unreadable) = StakeholderCsv.Schema.Decode(file);
        if (text is null)
            return await RejectAsync(db, programId, fileName, user, [unreadable!], ct);

        var groups = await db.StakeholderGroups.Where(g => g.ProgramId == programId).Select(g => new { g.Id, g.Name }).ToListAsync(ct);
        var check = StakeholderCsv.Check(text, groups.Select(g => g.Name));
        if (!check.IsValid)
            return await RejectAsync(db, programId, fileName, user, check.Errors, ct);

        var groupIds = groups.ToDictionary(g => g.Name, g => g.Id, StringComparer.OrdinalIgnoreCase);
        var groupNames = groups.ToDictionary(g => g.Id, g => g.Name);
        var existing = await db.StakeholderPeople.Where(p => p.ProgramId == programId).ToDictionaryAsync(p => p.Email, ct);
        var now = clock.GetUtcNow();
        var changes = new List<(StakeholderPerson Person, string Action, string? Before, string? AssessedBefore)>();
        int created = 0, changed = 0, assessed = 0, unchanged = 0;
        foreach (var row in check.Rows)
        {
            var groupId = groupIds[row.Group];
            existing.TryGetValue(row.Email, out var person);
            var action = "";
            string? before = null, assessedBefore = null;
            if (person is null)
            {
                person = StakeholderPerson.Create(programId, groupId, row.Name, row.Title, row.Email, row.ProcessArea).Value;
                db.StakeholderPeople.Add(person);
                existing[row.Email] = person;
                action = "Created";
                created++;
            }
            else
            {
                before = StakeholderEditService.PersonText(person, groupNames[person.GroupId]);
                person.ChangeDetails(groupId, row.Name, row.Title, row.Email, row.ProcessArea);
                if (StakeholderEditService.PersonText(person, groupNames[person.GroupId]) != before)
                {
                    action = "Changed";
                    changed++;
                }
            }
            // Only a different assessment is a re-assessment: importing an export again adds no history.
            if (row.Assessment is { } input && person.Own?.ToInput() != input)
            {
                assessedBefore = person.Own is null ? "inherits the group's assessment" : StakeholderEditService.AssessmentText(person.Own);
                person.Assess(Assessment.Create(input, user.Id, user.DisplayName, now).Value);
                assessed++;
                action = action.Length == 0 ? "Assessed" : action;
            }
            if (action.Length == 0)
                unchanged++;
            else
                changes.Add((person, action, before, assessedBefore));
        }

        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            await strategy.ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                await db.SaveChangesAsync(ct); // the ids the audit entries name
                foreach (var (person, action, before, assessedBefore) in changes)
                {
                    var after = StakeholderEditService.PersonText(person, groupNames[person.GroupId]);
                    var newValues = assessedBefore is null ? after : $"{after}; assessment: {StakeholderEditService.AssessmentText(person.Own)}";
                    var oldValues = before is null && assessedBefore is null ? null : $"{before ?? after}{(assessedBefore is null ? "" : $"; assessment: {assessedBefore}")}";
                    db.Audit(StakeholderEditService.Event(user, "StakeholderPerson", person.Id, action == "Created" ? "Imported" : "ImportChanged",
                        programId, oldValues, newValues), now);
                }
                db.Audit(new AuditEvent(user.Id, user.DisplayName, "StakeholderMap", programId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "Imported", programId, NewValues: $"{fileName}: {check.Rows.Count} rows; {created} created, {changed} changed, {assessed} re-assessed, {unchanged} unchanged"), now);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            });
        }
        catch (DbUpdateException e) when (e.IsUniqueKeyViolation() || e is DbUpdateConcurrencyException)
        {
            // Someone changed the map while the file was being imported; nothing of the file was written.
            return new ImportOutcome([new CsvRowError(0, "", "The map changed while the file was being imported, so nothing was imported. Try again.")]);
        }
        return new ImportOutcome([], check.Rows.Count, created, changed, assessed, unchanged);
    }

    /// <summary>The program's people with their own assessments, in import format; null for non-members.</summary>
    public async Task<string?> ExportAsync(int programId, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await MilestoneViews.VisibleProgramAsync(db, programId, user, ct) is null)
            return null;
        var groups = await db.StakeholderGroups.Where(g => g.ProgramId == programId).ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        var people = await db.StakeholderPeople.AsNoTracking().Where(p => p.ProgramId == programId).ToListAsync(ct);
        var csv = new StringBuilder(StakeholderCsv.HeaderLine());
        foreach (var p in people.OrderBy(p => groups[p.GroupId], StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase))
            csv.Append(StakeholderCsv.Line(p.Email, p.Name, p.Title, groups[p.GroupId], p.ProcessArea, p.Own));
        return csv.ToString();
    }

    /// <summary>A refused import changes nothing but is still recorded, so repeated attempts are visible in the trail.</summary>
    private async Task<ImportOutcome> RejectAsync(PortalDbContext db, int programId, string fileName, CurrentUser user, IReadOnlyList<CsvRowError> errors,
        CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        db.Audit(new AuditEvent(user.Id, user.DisplayName, "StakeholderMap", programId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "ImportRejected", programId, NewValues: $"{fileName}: {errors.Count} errors, nothing imported; first: {errors[0]}"), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return new ImportOutcome(errors);
    }
}
