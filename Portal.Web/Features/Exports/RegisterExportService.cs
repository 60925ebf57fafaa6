using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Common;
using Portal.Core.Programs;
using Portal.Core.Uat;
using Portal.Data;
using Portal.Web.Features.Account;
using Portal.Web.Features.Milestones;
using Portal.Web.Features.Stakeholders;
using Portal.Web.Features.SystemOfRecord;
using Portal.Web.Features.Training;

namespace Portal.Web.Features.Exports;

/// <summary>
/// CSV exports of the change-side registers (ADR-025). Each method answers null for a program the user cannot see; the
/// rows are read when the response is written, in their own context. Registers that have an import format (stakeholders,
/// training, UAT executions) export exactly that format, so a file exported, edited and imported again round-trips.
/// </summary>
public sealed class RegisterExportService(IDbContextFactory<PortalDbContext> dbFactory, StakeholderCsvService stakeholders,
    TrainingCsvService training, SystemOfRecordService systemOfRecord, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> ActionColumns =
    [
        "playbook", "target", "step", "title", "owner", "due_date", "status", "closed_utc", "outcome_note", "applied_utc", "applied_by",
    ];

    public static readonly IReadOnlyList<string> ScenarioColumns =
        ["scenario_key", "title", "process_area", "criticality", "linked_to", "executions", "last_cycle", "last_status", "last_executed_at"];

    public static readonly IReadOnlyList<string> WorkaroundColumns =
    [
        "name", "process_area", "owner", "replaced_by", "decommission_date", "status", "days_overdue", "slips", "evidence_recorded_utc",
        "confirmed", "created_utc",
    ];

    public static readonly IReadOnlyList<string> ReviewColumns =
    [
        "review", "due_date", "status", "active_users", "target_users", "active_user_rate", "new_process_share_percent", "reconciliation_hours",
        "meetings_using_data", "meetings_held", "meeting_share", "findings", "actions", "signatures",
    ];

    public async Task<CsvExport?> StakeholdersAsync(int programId, CurrentUser user, CancellationToken ct) =>
        await stakeholders.ExportAsync(programId, user, ct) is { } text ? CsvExport.FromText("stakeholders", text) : null;

    public async Task<CsvExport?> TrainingAsync(int programId, CurrentUser user, CancellationToken ct) =>
        await training.ExportAsync(programId, user, ct) is { } text ? CsvExport.FromText("training", text) : null;

    public async Task<CsvExport?> SystemOfRecordAsync(int programId, CurrentUser user, CancellationToken ct) =>
        await systemOfRecord.GetAsync(programId, user, ct) is { } register ? CsvExport.FromText("system-of-record", SystemOfRecordCsv.Write(register)) : null;

    /// <summary>Every playbook action, grouped by the application it belongs to, in step order.</summary>
    public async Task<CsvExport?> ActionsAsync(int programId, CurrentUser user, CancellationToken ct) =>
        await VisibleAsync(programId, user, ct) ? CsvExport.Of("actions", ActionColumns, ActionLines(programId, ct)) : null;

    public async Task<CsvExport?> UatScenariosAsync(int programId, CurrentUser user, CancellationToken ct) =>
        await VisibleAsync(programId, user, ct) ? CsvExport.Of("uat-scenarios", ScenarioColumns, ScenarioLines(programId, ct)) : null;

    /// <summary>Executions in the UAT import format (<see cref="UatCsv"/>), oldest first.</summary>
    public async Task<CsvExport?> UatExecutionsAsync(int programId, CurrentUser user, CancellationToken ct) =>
        await VisibleAsync(programId, user, ct) ? new CsvExport("uat-executions", UatCsv.HeaderLine(), ExecutionLines(programId, ct)) : null;

    public async Task<CsvExport?> WorkaroundsAsync(int programId, CurrentUser user, CancellationToken ct) =>
        await VisibleAsync(programId, user, ct) ? CsvExport.Of("workarounds", WorkaroundColumns, WorkaroundLines(programId, ct)) : null;

    /// <summary>The adoption baseline first (review "baseline"), then each scheduled review with its measures.</summary>
    public async Task<CsvExport?> ReviewsAsync(int programId, CurrentUser user, CancellationToken ct) =>
        await VisibleAsync(programId, user, ct) ? CsvExport.Of("reviews", ReviewColumns, ReviewLines(programId, ct)) : null;

    /// <summary>The program with its members, or null when the user cannot see it.</summary>
    public async Task<PortalProgram?> ProgramAsync(int programId, CurrentUser user, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
    }

    private async Task<bool> VisibleAsync(int programId, CurrentUser user, CancellationToken ct) => await ProgramAsync(programId, user, ct) is not null;

    private async IAsyncEnumerable<string> ActionLines(int programId, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var applications = await db.PlaybookApplications.AsNoTracking().Where(a => a.ProgramId == programId).ToDictionaryAsync(a => a.Id, ct);
        var actions = await db.PlaybookActions.AsNoTracking().Where(a => a.ProgramId == programId).ToListAsync(ct);
        var names = await NamesAsync(db, actions.Select(a => a.OwnerUserId), ct);
        foreach (var a in actions.OrderBy(a => applications[a.ApplicationId].AppliedUtc).ThenBy(a => a.ApplicationId).ThenBy(a => a.StepOrder))
        {
            var app = applications[a.ApplicationId];
            yield return CsvText.Line(app.PlaybookName, app.TargetName, a.StepOrder, a.Title, names.GetValueOrDefault(a.OwnerUserId, a.OwnerUserId), a.DueDate,
                a.Status, a.ClosedUtc, a.OutcomeNote, app.AppliedUtc, app.AppliedByName);
        }
    }

    private async IAsyncEnumerable<string> ScenarioLines(int programId, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scenarios = await db.UatScenarios.AsNoTracking().Where(s => s.ProgramId == programId).OrderBy(s => s.Key).ToListAsync(ct);
        var cycles = await db.UatCycles.AsNoTracking().Where(c => c.ProgramId == programId).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var executions = (await db.UatExecutions.AsNoTracking().Where(e => e.ProgramId == programId)
                .Select(e => new { e.ScenarioId, e.CycleId, e.Status, e.ExecutedUtc }).ToListAsync(ct))
            .ToLookup(e => e.ScenarioId);
        foreach (var s in scenarios)
        {
            var runs = executions[s.Id].ToList();
            var last = runs.MaxBy(e => e.ExecutedUtc);
            yield return CsvText.Line(s.Key, s.Title, s.ProcessArea, s.Criticality, s.LinkedTo, runs.Count,
                last is null ? null : cycles.GetValueOrDefault(last.CycleId), last?.Status.DisplayName(), last?.ExecutedUtc);
        }
    }

    private async IAsyncEnumerable<string> ExecutionLines(int programId, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = from e in db.UatExecutions.AsNoTracking()
                   join s in db.UatScenarios.AsNoTracking() on e.ScenarioId equals s.Id
                   join c in db.UatCycles.AsNoTracking() on e.CycleId equals c.Id
                   where e.ProgramId == programId
                   orderby e.ExecutedUtc, s.Key
                   select new { s.Key, Cycle = c.Name, e.Status, e.Tester, e.ExecutedUtc, e.Notes, e.DefectReference };
        await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(ct))
            yield return UatCsv.Line(r.Key, r.Cycle, r.Status, r.Tester, r.ExecutedUtc, r.Notes, r.DefectReference);
    }

    private async IAsyncEnumerable<string> WorkaroundLines(int programId, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var workarounds = await db.LegacyWorkarounds.AsNoTracking().Where(w => w.ProgramId == programId).ToListAsync(ct);
        var names = await NamesAsync(db, workarounds.Select(w => w.OwnerUserId), ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        foreach (var w in workarounds.OrderBy(w => w.DecommissionDate ?? DateOnly.MaxValue).ThenBy(w => w.Name, StringComparer.OrdinalIgnoreCase))
            yield return CsvText.Line(w.Name, w.ProcessArea, names.GetValueOrDefault(w.OwnerUserId, w.OwnerUserId), w.ReplacedBy, w.DecommissionDate,
                w.StatusOn(today), w.DaysOverdue(today), w.Slips, w.EvidenceRecordedUtc, w.Confirmation is not null, w.CreatedUtc);
    }

    private async IAsyncEnumerable<string> ReviewLines(int programId, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var baseline = await db.AdoptionBaselines.AsNoTracking().FirstOrDefaultAsync(b => b.ProgramId == programId, ct);
        var reviews = await db.AdoptionReviews.AsNoTracking().Where(r => r.ProgramId == programId).ToListAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (baseline is not null)
            yield return CsvText.Line("baseline", null, "Captured", null, baseline.TargetUsers, null, baseline.TargetSharePercent,
                baseline.ReconciliationHoursPerMonth, null, null, null, null, null, null);
        foreach (var r in reviews.OrderBy(r => r.Day))
        {
            var m = r.Measures;
            yield return CsvText.Line($"{r.Day}-day", r.DueDate, r.StatusOn(today), m.ActiveUsers, m.TargetUsers, m.ActiveUserRate, m.NewProcessSharePercent,
                m.ReconciliationHours, m.MeetingsUsingData, m.MeetingsHeld, m.MeetingShare, string.Join(" | ", r.Findings), r.Actions.Count,
                r.CurrentSignOffs().Count);
        }
    }

    internal static async Task<Dictionary<string, string>> NamesAsync(PortalDbContext db, IEnumerable<string?> userIds, CancellationToken ct)
    {
        var ids = userIds.OfType<string>().Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }
}
