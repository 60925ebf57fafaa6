using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Common;
using Portal.Core.Auditing;
using Portal.Core.Stakeholders;
using Portal.Core.Training;
using Portal.Data;
using Portal.Data.Auditing;
using Portal.Web.Features.Account;

namespace Portal.Web.Features.Training;

/// <summary>
/// Import of enrolments and completions from an LMS export (columns: <see cref="TrainingCsv.Columns"/>). All or nothing:
/// the whole file is checked first, and only a file without a single bad row is written, in one transaction. Rows are
/// matched on person and course and take the LMS's values; a row equal to what is stored is left alone, so importing
/// the same file again changes nothing. Records not in the file are kept.
/// </summary>
public sealed class TrainingCsvService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public async Task<TrainingImportOutcome> ImportAsync(int programId, byte[] file, string fileName, CurrentUser user,
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await TrainingEditService.DeniedAsync(db, programId, user, ct) is { } denied)
            return new TrainingImportOutcome([new CsvRowError(0, "", denied)]);
        var (text, unreadable) = TrainingCsv.Schema.Decode(file);
        if (text is null)
            return await RejectAsync(db, programId, fileName, user, [unreadable!], ct);

        progress?.Report(new ImportProgress("Checking", 0, 0));
        var people = await TrainingQuery.KnownPeopleAsync(db, programId, ct);
        var courses = await db.TrainingCourses.Where(c => c.ProgramId == programId).ToDictionaryAsync(c => c.Code, c => c.Id, ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var check = await Task.Run(() => TrainingCsv.Check(text, people, courses, today), ct);
        if (!check.IsValid)
            return await RejectAsync(db, programId, fileName, user, check.Errors, ct);

        // 50,000 rows: change tracking is driven by hand (one DetectChanges) rather than on every Add.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var existing = await db.TrainingRecords.Where(r => r.ProgramId == programId).ToDictionaryAsync(r => (r.CourseId, r.Email), ct);
        int added = 0, changed = 0, unchanged = 0;
        for (var i = 0; i < check.Rows.Count; i++)
        {
            var row = check.Rows[i];
            if (existing.TryGetValue((row.CourseId, row.Email), out var record))
            {
                if (record.Update(row.EnrolledOn, row.CompletedOn, row.Score))
                    changed++;
                else
                    unchanged++;
            }
            else
            {
                db.TrainingRecords.Add(TrainingRecord.Enrol(programId, row.CourseId, row.Email, row.EnrolledOn, row.CompletedOn, row.Score));
                added++;
            }
            if (i % 5000 == 0)
                progress?.Report(new ImportProgress("Comparing", i, check.Rows.Count));
        }
        if (added + changed == 0)
            return new TrainingImportOutcome([], check.Rows.Count, 0, 0, unchanged);

        progress?.Report(new ImportProgress("Saving", added + changed, check.Rows.Count));
        db.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow();
        // One entry for the whole file: its name, its fingerprint and what changed. A row-by-row trail of an LMS export
        // would bury everything else in the audit trail; the file itself is the detail.
        db.Audit(new AuditEvent(user.Id, user.DisplayName, "Training", programId.ToString(CultureInfo.InvariantCulture), "Imported", programId,
            NewValues: $"{fileName} (SHA-256 {Convert.ToHexString(SHA256.HashData(file))[..16]}): {check.Rows.Count} rows; {added} enrolments added, " +
                       $"{changed} changed, {unchanged} unchanged"), now);
        try
        {
            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            });
        }
        catch (DbUpdateException e) when (e.IsUniqueKeyViolation())
        {
            // Someone imported or changed records while this file was being checked; nothing of the file was written.
            return new TrainingImportOutcome([new CsvRowError(0, "", "The training records changed while the file was being imported, so nothing was imported. Try again.")]);
        }
        progress?.Report(new ImportProgress("Done", check.Rows.Count, check.Rows.Count));
        return new TrainingImportOutcome([], check.Rows.Count, added, changed, unchanged);
    }

    /// <summary>The program's enrolments in import format; null for non-members.</summary>
    public async Task<string?> ExportAsync(int programId, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await Milestones.MilestoneViews.VisibleProgramAsync(db, programId, user, ct) is null)
            return null;
        var rows = await (from r in db.TrainingRecords.AsNoTracking()
                          join c in db.TrainingCourses.AsNoTracking() on r.CourseId equals c.Id
                          where r.ProgramId == programId
                          orderby c.Code, r.Email
                          select new { r.Email, c.Code, r.EnrolledOn, r.CompletedOn, r.Score }).ToListAsync(ct);
        var csv = new StringBuilder(TrainingCsv.HeaderLine());
        foreach (var r in rows)
            csv.Append(TrainingCsv.Line(r.Email, r.Code, r.EnrolledOn, r.CompletedOn, r.Score));
        return csv.ToString();
    }

    /// <summary>A refused import changes nothing but is still recorded, so repeated attempts are visible in the trail.</summary>
    private async Task<TrainingImportOutcome> RejectAsync(PortalDbContext db, int programId, string fileName, CurrentUser user, IReadOnlyList<CsvRowError> errors,
        CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        db.Audit(new AuditEvent(user.Id, user.DisplayName, "Training", programId.ToString(CultureInfo.InvariantCulture), "ImportRejected", programId,
            NewValues: $"{fileName}: {errors.Count} errors, nothing imported; first: {errors[0]}"), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return new TrainingImportOutcome(errors);
    }
}
