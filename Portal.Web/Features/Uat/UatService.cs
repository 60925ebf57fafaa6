using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Core.Common;
using Portal.Core.Programs;
using Portal.Core.Uat;
using Portal.Data;
using Portal.Data.Auditing;
using Portal.Web.Features.Account;
using Portal.Web.Features.Milestones;

namespace Portal.Web.Features.Uat;

/// <summary>
/// A program's UAT: read by members (others are told "not found"); scenarios, cycles and results kept by PMO leads,
/// change leads, integration owners and administrators; gate thresholds by PMO leads and administrators. Every
/// change is audited in the same save.
/// </summary>
public sealed class UatService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public const string NotFound = "Program not found, or you are not a member of it.";
    public const string NotTester = "Only PMO leads, change leads and integration owners of this program, or administrators, can change UAT.";
    public const string NotManager = "Only PMO leads of this program, or administrators, can change the UAT gate thresholds.";

    /// <summary>The board for <paramref name="cycleId"/> (the current cycle when null), or null for non-members.</summary>
    public async Task<UatBoard?> GetAsync(int programId, int? cycleId, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        if (program is null)
            return null;
        var scenarios = await db.UatScenarios.AsNoTracking().Where(s => s.ProgramId == programId).OrderBy(s => s.Key).ToListAsync(ct);
        var cycles = await db.UatCycles.AsNoTracking().Where(c => c.ProgramId == programId).ToListAsync(ct);
        var gate = await db.UatGates.AsNoTracking().FirstOrDefaultAsync(g => g.ProgramId == programId, ct);
        var current = UatQuery.Current(cycles);
        var selected = cycles.FirstOrDefault(c => c.Id == cycleId) ?? current;
        var latest = selected is null ? [] : (await UatQuery.LatestAsync(db, [selected.Id], ct))[selected.Id];
        var rows = scenarios.Select(s => latest.TryGetValue(s.Id, out var l)
                ? new UatScenarioRow(s.Id, s.Key, s.Title, s.ProcessArea, s.Criticality, s.LinkedTo, l.Status, l.Tester, l.ExecutedUtc, l.DefectReference, l.Runs)
                : new UatScenarioRow(s.Id, s.Key, s.Title, s.ProcessArea, s.Criticality, s.LinkedTo, UatStatus.NotRun, "", null, "", 0))
            .ToList();
        var cycleViews = cycles.OrderBy(c => c.Start ?? DateOnly.MaxValue).ThenBy(c => c.Id)
            .Select(c => new UatCycleView(c.Id, c.Name, c.Start, c.End, c.Status)).ToList();
        return new UatBoard(program.Id, program.Name, ProgramAccess.CanRunUat(program, user.Id, user.IsAdministrator),
            ProgramAccess.CanManage(program, user.Id, user.IsAdministrator), gate?.Thresholds ?? UatGate.Defaults,
            cycleViews, selected?.Id, current?.Id, UatQuery.Rates(scenarios, latest), rows);
    }

    /// <summary>Every run of a scenario in a cycle, newest first; empty for non-members.</summary>
    public async Task<IReadOnlyList<UatExecutionView>> HistoryAsync(int programId, int scenarioId, int cycleId, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await MilestoneViews.VisibleProgramAsync(db, programId, user, ct) is null)
            return [];
        return await db.UatExecutions.AsNoTracking().Where(e => e.ProgramId == programId && e.ScenarioId == scenarioId && e.CycleId == cycleId)
            .OrderByDescending(e => e.ExecutedUtc).ThenByDescending(e => e.Id)
            .Select(e => new UatExecutionView(e.Status, e.Tester, e.ExecutedUtc, e.Notes, e.DefectReference)).ToListAsync(ct);
    }

    public async Task<Result<int>> AddScenarioAsync(int programId, UatScenarioDraft draft, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await DeniedAsync(db, programId, user, ct) is { } denied)
            return Result<int>.Failure("", denied);
        var keys = (await db.UatScenarios.Where(s => s.ProgramId == programId).Select(s => s.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var created = UatScenario.Create(programId, draft, keys);
        if (!created.Succeeded)
            return Result<int>.Failure(created.Errors);
        var scenario = created.Value;
        db.UatScenarios.Add(scenario);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct); // the id the audit entry names
        }
        catch (DbUpdateException e) when (e.IsUniqueKeyViolation())
        {
            return Result<int>.Failure(nameof(UatScenario.Key), $"The program already has a scenario {scenario.Key}.");
        }
        db.Audit(Event(user, "UatScenario", scenario.Id, "Created", programId,
            newValues: $"{scenario.Key} {scenario.Title}; {scenario.ProcessArea}; {scenario.Criticality}; linked to: {Or(scenario.LinkedTo)}"), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<int>.Success(scenario.Id);
    }

    public async Task<Result<int>> AddCycleAsync(int programId, UatCycleDraft draft, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await DeniedAsync(db, programId, user, ct) is { } denied)
            return Result<int>.Failure("", denied);
        var names = await db.UatCycles.Where(c => c.ProgramId == programId).Select(c => c.Name).ToListAsync(ct);
        var created = UatCycle.Create(programId, draft, names);
        if (!created.Succeeded)
            return Result<int>.Failure(created.Errors);
        var cycle = created.Value;
        db.UatCycles.Add(cycle);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        db.Audit(Event(user, "UatCycle", cycle.Id, "Created", programId, newValues: CycleText(cycle)), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<int>.Success(cycle.Id);
    }

    public async Task<Result> ChangeCycleAsync(int programId, int cycleId, UatCycleDraft draft, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await DeniedAsync(db, programId, user, ct) is { } denied)
            return Result.Failure("", denied);
        var cycle = await db.UatCycles.FirstOrDefaultAsync(c => c.Id == cycleId && c.ProgramId == programId, ct);
        if (cycle is null)
            return Result.Failure("", NotFound);
        var before = CycleText(cycle);
        var names = await db.UatCycles.Where(c => c.ProgramId == programId && c.Id != cycleId).Select(c => c.Name).ToListAsync(ct);
        var changed = cycle.Change(draft, names);
        if (!changed.Succeeded || CycleText(cycle) == before)
            return changed;
        db.Audit(Event(user, "UatCycle", cycle.Id, "Updated", programId, before, CycleText(cycle)), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return changed;
    }

    /// <summary>Records one run of a scenario in a cycle; earlier runs stay as its history.</summary>
    public async Task<Result> RecordAsync(int programId, int scenarioId, int cycleId, UatExecutionInput input, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await DeniedAsync(db, programId, user, ct) is { } denied)
            return Result.Failure("", denied);
        var scenario = await db.UatScenarios.FirstOrDefaultAsync(s => s.Id == scenarioId && s.ProgramId == programId, ct);
        var cycle = await db.UatCycles.FirstOrDefaultAsync(c => c.Id == cycleId && c.ProgramId == programId, ct);
        if (scenario is null || cycle is null)
            return Result.Failure("", NotFound);
        var recorded = UatExecution.Record(scenario, cycle, input, user.Id, clock.GetUtcNow());
        if (!recorded.Succeeded)
            return recorded;
        var execution = recorded.Value;
        if (await db.UatExecutions.AnyAsync(e => e.CycleId == cycleId && e.ScenarioId == scenarioId && e.ExecutedUtc == execution.ExecutedUtc, ct))
            return Result.Failure(nameof(UatExecution.ExecutedUtc), "This scenario already has a run at exactly this time in this cycle; change the time.");
        db.UatExecutions.Add(execution);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        db.Audit(Event(user, "UatExecution", execution.Id, "Recorded", programId, newValues: ExecutionText(scenario.Key, cycle.Name, execution)), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result.Success();
    }

    public async Task<Result> SetThresholdsAsync(int programId, UatThresholds thresholds, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        if (program is null)
            return Result.Failure("", NotFound);
        if (!ProgramAccess.CanManage(program, user.Id, user.IsAdministrator))
            return Result.Failure("", NotManager);
        var gate = await db.UatGates.FirstOrDefaultAsync(g => g.ProgramId == programId, ct);
        var before = (gate?.Thresholds ?? UatGate.Defaults).ToString();
        if (gate is null)
            db.UatGates.Add(gate = UatGate.For(programId));
        var changed = gate.Change(thresholds);
        if (!changed.Succeeded || gate.Thresholds.ToString() == before)
            return changed;
        db.Audit(Event(user, "UatGate", programId, "ThresholdsChanged", programId, before, gate.Thresholds.ToString()), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return changed;
    }

    internal static async Task<string?> DeniedAsync(PortalDbContext db, int programId, CurrentUser user, CancellationToken ct)
    {
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        if (program is null)
            return NotFound;
        return ProgramAccess.CanRunUat(program, user.Id, user.IsAdministrator) ? null : NotTester;
    }

    internal static AuditEvent Event(CurrentUser user, string entityType, int id, string action, int programId, string? oldValues = null, string? newValues = null) =>
        new(user.Id, user.DisplayName, entityType, id.ToString(CultureInfo.InvariantCulture), action, programId, oldValues, newValues);

    internal static string ExecutionText(string key, string cycle, UatExecution e) =>
        $"{key} in {cycle}: {e.Status.DisplayName()} by {Or(e.Tester)} at {e.ExecutedUtc:yyyy-MM-dd HH:mm:ss}Z; defect: {Or(e.DefectReference)}; notes: {Or(e.Notes)}";

    private static string CycleText(UatCycle c) => $"{c.Name}; {c.Start?.ToString("yyyy-MM-dd") ?? "no start"} to {c.End?.ToString("yyyy-MM-dd") ?? "no end"}; {c.Status}";

    private static string Or(string text) => text.Length == 0 ? "—" : text;
}
