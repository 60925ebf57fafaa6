using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Common;
using Portal.Core.Auditing;
using Portal.Core.Stakeholders;
using Portal.Core.Uat;
using Portal.Data;
using Portal.Data.Auditing;
using Portal.Web.Features.Account;

namespace Portal.Web.Features.Uat;

/// <summary>
/// Imports execution results exported by a test tool (columns: <see cref="UatCsv.Columns"/>). All or nothing: the whole
/// file is checked first and only a file without a bad row is written, in one transaction. A run already held (same
/// scenario, cycle and instant) with the same values is left alone, so re-importing a file changes nothing; with other
/// values it is corrected. One audit entry names the file (with its SHA-256) and the counts; the rows carry who imported them.
/// </summary>
public sealed class UatImportService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Rows per save: big enough to batch well on both providers, small enough to report progress.</summary>
    public const int BatchSize = 5_000;

    public async Task<UatImportOutcome> ImportAsync(int programId, byte[] file, string fileName, CurrentUser user, IProgress<UatImportProgress>? progress = null,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await UatService.DeniedAsync(db, programId, user, ct) is { } denied)
            return new UatImportOutcome([new CsvRowError(0, "", denied)]);
        var (text, unreadable) = UatCsv.Schema.Decode(file);
        if (text is null)
            return await RejectAsync(db, programId, fileName, user, [unreadable!], ct);

        progress?.Report(new UatImportProgress("Checking", 0, 0));
        var scenarios = await db.UatScenarios.Where(s => s.ProgramId == programId).ToDictionaryAsync(s => s.Key, s => s.Id, ct);
        var cycles = await db.UatCycles.Where(c => c.ProgramId == programId).ToDictionaryAsync(c => c.Name, c => c.Id, ct);
        var check = UatCsv.Check(text, scenarios, cycles);
        if (!check.IsValid)
            return await RejectAsync(db, programId, fileName, user, check.Errors, ct);

        var cycleIds = check.Rows.Select(r => r.CycleId).Distinct().ToList();
        var held = (await db.UatExecutions.AsNoTracking().Where(e => cycleIds.Contains(e.CycleId)).ToListAsync(ct))
            .ToDictionary(e => (e.CycleId, e.ScenarioId, e.ExecutedUtc));
        var now = clock.GetUtcNow();
        var added = new List<UatExecution>();
        var corrections = new List<(int Id, UatExecutionInput Input)>();
        foreach (var row in check.Rows)
        {
            if (!held.TryGetValue((row.CycleId, row.ScenarioId, row.Input.ExecutedAt), out var existing))
                added.Add(UatExecution.Record(programId, row.ScenarioId, row.CycleId, row.Input, user.Id, now).Value);
            else if (!existing.Matches(row.Input))
                corrections.Add((existing.Id, row.Input));
        }
        var unchanged = check.Rows.Count - added.Count - corrections.Count;
        var total = added.Count + corrections.Count;

        db.ChangeTracker.AutoDetectChangesEnabled = false; // thousands of new rows: no snapshot comparison needed
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            await strategy.ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var done = 0;
                progress?.Report(new UatImportProgress("Saving", done, total));
                foreach (var batch in added.Chunk(BatchSize))
                {
                    db.UatExecutions.AddRange(batch);
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                    done += batch.Length;
                    progress?.Report(new UatImportProgress("Saving", done, total));
                }
                foreach (var batch in corrections.Chunk(BatchSize))
                {
                    var ids = batch.Select(c => c.Id).ToList();
                    var tracked = await db.UatExecutions.Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
                    foreach (var (id, input) in batch)
                        tracked[id].Correct(input, user.Id, now);
                    db.ChangeTracker.DetectChanges();
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                    done += batch.Length;
                    progress?.Report(new UatImportProgress("Saving", done, total));
                }
                db.Audit(new AuditEvent(user.Id, user.DisplayName, "UatResults", programId.ToString(CultureInfo.InvariantCulture), "Imported", programId,
                    NewValues: $"{fileName} (SHA-256 {Convert.ToHexStringLower(SHA256.HashData(file))}): {check.Rows.Count} rows; " +
                               $"{added.Count} recorded, {corrections.Count} corrected, {unchanged} unchanged"), now);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            });
        }
        catch (DbUpdateException e) when (e.IsUniqueKeyViolation())
        {
            // Someone recorded one of these runs while the file was being imported; the transaction wrote nothing.
            return new UatImportOutcome([new CsvRowError(0, "", "Results changed while the file was being imported, so nothing was imported. Try again.")]);
        }
        return new UatImportOutcome([], check.Rows.Count, added.Count, corrections.Count, unchanged);
    }

    /// <summary>A refused import changes nothing but is still recorded, so repeated attempts are visible in the trail.</summary>
    private async Task<UatImportOutcome> RejectAsync(PortalDbContext db, int programId, string fileName, CurrentUser user, IReadOnlyList<CsvRowError> errors,
        CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        db.Audit(new AuditEvent(user.Id, user.DisplayName, "UatResults", programId.ToString(CultureInfo.InvariantCulture), "ImportRejected", programId,
            NewValues: $"{fileName}: {errors.Count} errors, nothing imported; first: {errors[0]}"), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return new UatImportOutcome(errors);
    }
}
