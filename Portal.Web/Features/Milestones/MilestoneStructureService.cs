using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Core.Common;
using Portal.Core.Milestones;
using Portal.Core.Programs;
using Portal.Data;
using Portal.Data.Auditing;
using Portal.Web.Features.Account;

namespace Portal.Web.Features.Milestones;

/// <summary>
/// Changes to a program's plan: add and remove milestones, re-pair technical milestones, add computed criteria.
/// Members only (others are told "not found"), PMO leads and administrators only, every change audited with old and
/// new values and the reason, and written in one save so a refusal or a conflict leaves nothing half-done.
/// </summary>
public sealed class MilestoneStructureService(IDbContextFactory<PortalDbContext> dbFactory, CriterionEvaluators evaluators, ProgramFactsLoader factsLoader, TimeProvider clock)
{
    private const string NotFound = "Milestone not found, or you are not a member of its program.";
    private const string NotManager = "Only a PMO lead of this program or an administrator can change milestones and criteria.";

    /// <summary>The evaluators a computed criterion can use, for forms.</summary>
    public IReadOnlyList<ICriterionEvaluator> Evaluators => evaluators.All.OrderBy(e => e.DisplayName).ToList();

    /// <summary>Every change milestone of the program, in phase order; null when the program is not visible.</summary>
    public async Task<IReadOnlyList<ChangeMilestoneOption>?> ChangeMilestonesAsync(int programId, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        if (program is null)
            return null;
        var facts = await factsLoader.LoadAsync(db, program, ct);
        return (await MilestoneService.LoadPlanAsync(db, programId, ct))
            .SelectMany(p => p.Milestones.Where(m => m.Kind == MilestoneKind.Change).OrderBy(m => m.Id)
                .Select(m => new ChangeMilestoneOption(m.Id, m.Name, p.Order, p.Name, m.IsMet(facts, evaluators))))
            .ToList();
    }

    public async Task<RemovalPreview?> PreviewRemovalAsync(int programId, int milestoneId, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await MilestoneViews.VisibleProgramAsync(db, programId, user, ct) is null)
            return null;
        var phases = await LoadPlanAsync(db, programId, ct); // tracked, so a pairing points at the same instance as its phase's milestone
        var phase = phases.FirstOrDefault(p => p.Milestones.Any(m => m.Id == milestoneId));
        if (phase is null)
            return null;
        var milestone = phase.Milestones.Single(m => m.Id == milestoneId);
        var impact = Phase.ImpactOfRemoving(milestone, phases);
        return new RemovalPreview(milestone.Name, milestone.Kind, phase.Name, milestone.Criteria.Count, milestone.Criteria.Sum(c => c.SignOffs.Count),
            milestone.HasWorkStarted, milestone.Version, impact.Unpaired.Select(m => m.Name).ToList(), impact.Ungated.Select(m => m.Name).ToList());
    }

    /// <summary>Adds a milestone to an open phase; a technical one may be paired with change milestones of the same program at once.</summary>
    public async Task<Result<int>> AddMilestoneAsync(int programId, int phaseId, MilestoneKind kind, string? name, string? description,
        IReadOnlyCollection<int>? pairWith, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (plan, denied) = await LoadForEditAsync(db, programId, user, ct);
        if (plan is null)
            return Result<int>.Failure("", denied!);
        var phase = plan.Phases.FirstOrDefault(p => p.Id == phaseId);
        if (phase is null)
            return Result<int>.Failure("", "That phase is not part of this program.");
        var added = phase.AddMilestone(kind, name, description);
        if (!added.Succeeded)
            return Result<int>.Failure(added.Errors);
        var milestone = added.Value;
        if (pairWith is { Count: > 0 })
        {
            var (changes, problem) = ChangeMilestones(plan.Phases, pairWith);
            var paired = problem ?? milestone.PairWith(changes);
            if (!paired.Succeeded)
                return Result<int>.Failure(paired.Errors);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct); // assigns the id the audit entry refers to
        db.Audit(Event(user, milestone.Id, "Added", programId, newValues:
            $"{milestone.Kind} milestone '{milestone.Name}' in {phase.Name}{(milestone.Description.Length > 0 ? $": {milestone.Description}" : "")}" +
            (milestone.PairedWith.Count > 0 ? $"; paired with {Names(milestone.PairedWith)}" : "")), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<int>.Success(milestone.Id);
    }

    /// <summary>Removes a milestone (and a change milestone from every pairing); the outcome names the technical milestones left without a change gate.</summary>
    public async Task<Result<RemovalOutcome>> RemoveMilestoneAsync(int programId, int milestoneId, string? reason, Guid? expectedVersion, CurrentUser user,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (plan, denied) = await LoadForEditAsync(db, programId, user, ct);
        var phase = plan?.Phases.FirstOrDefault(p => p.Milestones.Any(m => m.Id == milestoneId));
        if (plan is null || phase is null)
            return Result<RemovalOutcome>.Failure("", denied ?? NotFound);
        var milestone = phase.Milestones.Single(m => m.Id == milestoneId);
        if (expectedVersion is { } seen && seen != milestone.Version)
            return Result<RemovalOutcome>.Failure("", await ConflictAsync(programId, milestoneId, milestone.Name, ct));
        var pairingsBefore = plan.Phases.SelectMany(p => p.Milestones).ToDictionary(m => m.Id, m => Names(m.PairedWith));
        var criteria = string.Join(", ", milestone.Criteria.Select(c => c.Title));
        var removed = phase.RemoveMilestone(milestone, reason, plan.Phases);
        if (!removed.Succeeded)
            return Result<RemovalOutcome>.Failure(removed.Errors);

        var why = Reason(reason);
        var now = clock.GetUtcNow();
        db.Audit(Event(user, milestoneId, "Removed", programId, reason: why, oldValues:
            $"{milestone.Kind} milestone '{milestone.Name}' in {phase.Name}" + (criteria.Length > 0 ? $"; criteria: {criteria}" : "") +
            (milestone.PairedWith.Count > 0 ? $"; paired with {Names(milestone.PairedWith)}" : "")), now);
        foreach (var technical in removed.Value.Unpaired)
            db.Audit(Event(user, technical.Id, "PairingChanged", programId, reason: why ?? $"{milestone.Name} removed",
                oldValues: pairingsBefore[technical.Id], newValues: Names(technical.PairedWith)), now);
        if (await SaveAsync(db, programId, milestoneId, milestone.Name, ct) is { } conflict)
            return Result<RemovalOutcome>.Failure("", conflict);
        return Result<RemovalOutcome>.Success(new RemovalOutcome(milestone.Name,
            removed.Value.Unpaired.Select(m => m.Name).ToList(), removed.Value.Ungated.Select(m => m.Name).ToList()));
    }

    /// <summary>Replaces the change milestones a technical milestone waits for (same program only); the gate follows at once.</summary>
    public async Task<Result> RepairAsync(int programId, int technicalMilestoneId, IReadOnlyCollection<int> changeMilestoneIds, string? reason,
        Guid? expectedVersion, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (plan, denied) = await LoadForEditAsync(db, programId, user, ct);
        var milestone = plan?.Phases.SelectMany(p => p.Milestones).FirstOrDefault(m => m.Id == technicalMilestoneId);
        if (plan is null || milestone is null)
            return Result.Failure("", denied ?? NotFound);
        if (expectedVersion is { } seen && seen != milestone.Version)
            return Result.Failure("", await ConflictAsync(programId, milestone.Id, milestone.Name, ct));
        var (changes, problem) = ChangeMilestones(plan.Phases, changeMilestoneIds);
        if (problem is not null)
            return problem;
        if (changes.ToHashSet().SetEquals(milestone.PairedWith))
            return Result.Success(); // nothing changed: nothing to audit
        var before = Names(milestone.PairedWith);
        var result = milestone.PairWith(changes, reason);
        if (!result.Succeeded)
            return result;
        db.Audit(Event(user, milestone.Id, "PairingChanged", programId, oldValues: before, newValues: Names(milestone.PairedWith), reason: Reason(reason)),
            clock.GetUtcNow());
        return await SaveAsync(db, programId, milestone.Id, milestone.Name, ct) is { } conflict ? Result.Failure("", conflict) : result;
    }

    /// <summary>Adds a criterion computed by a named evaluator; bad parameters come back on the parameter's field ("Parameters.role").</summary>
    public async Task<Result> AddComputedCriterionAsync(int programId, int milestoneId, string? title, string? evaluatorKey,
        IReadOnlyDictionary<string, string?> parameters, CurrentUser user, Guid? expectedVersion = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (plan, denied) = await LoadForEditAsync(db, programId, user, ct);
        var milestone = plan?.Phases.SelectMany(p => p.Milestones).FirstOrDefault(m => m.Id == milestoneId);
        if (plan is null || milestone is null)
            return Result.Failure("", denied ?? NotFound);
        if (expectedVersion is { } seen && seen != milestone.Version)
            return Result.Failure("", await ConflictAsync(programId, milestone.Id, milestone.Name, ct));
        var given = parameters.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!);
        var criterion = Criterion.Computed(title, null, evaluatorKey ?? "", given, evaluators);
        if (!criterion.Succeeded)
            return Result.Failure(criterion.Errors);
        var added = milestone.AddCriterion(criterion.Value);
        if (!added.Succeeded)
            return added;
        var c = criterion.Value;
        evaluators.TryGet(c.EvaluatorKey!, out var evaluator);
        db.Audit(Event(user, milestone.Id, "CriterionAdded", programId, newValues:
            $"{c.Title}; computed by {evaluator!.DisplayName}: {evaluator.Describe(c.Parameters)}; parameters {JsonSerializer.Serialize(c.Parameters)}"),
            clock.GetUtcNow());
        return await SaveAsync(db, programId, milestone.Id, milestone.Name, ct) is { } conflict ? Result.Failure("", conflict) : added;
    }

    private sealed record EditablePlan(PortalProgram Program, List<Phase> Phases);

    /// <summary>The program's whole plan, tracked: pairings cross phases, so a structural change may touch any milestone.</summary>
    private static async Task<(EditablePlan? Plan, string? Denied)> LoadForEditAsync(PortalDbContext db, int programId, CurrentUser user, CancellationToken ct)
    {
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        if (program is null)
            return (null, NotFound);
        if (!ProgramAccess.CanManage(program, user.Id, user.IsAdministrator))
            return (null, NotManager);
        return (new EditablePlan(program, await LoadPlanAsync(db, programId, ct)), null);
    }

    private static Task<List<Phase>> LoadPlanAsync(PortalDbContext db, int programId, CancellationToken ct) =>
        db.Phases.Where(p => p.ProgramId == programId).OrderBy(p => p.Order)
            .Include(p => p.Milestones).ThenInclude(m => m.Criteria).ThenInclude(c => c.SignOffs)
            .Include(p => p.Milestones).ThenInclude(m => m.PairedWith)
            .AsSplitQuery().ToListAsync(ct);

    /// <summary>The change milestones with these ids, all of them of this program; an id from elsewhere is refused, not ignored.</summary>
    private static (List<Milestone> Changes, Result? Problem) ChangeMilestones(IEnumerable<Phase> phases, IEnumerable<int> ids)
    {
        var byId = phases.SelectMany(p => p.Milestones).Where(m => m.Kind == MilestoneKind.Change).ToDictionary(m => m.Id);
        var unknown = ids.Where(id => !byId.ContainsKey(id)).ToList();
        return unknown.Count > 0
            ? ([], Result.Failure(nameof(Milestone.PairedWith), "Pair only with change milestones of this program."))
            : (ids.Distinct().Select(id => byId[id]).ToList(), null);
    }

    /// <summary>Saves; on a concurrent change answers what changed instead of overwriting it (null when saved).</summary>
    private async Task<string?> SaveAsync(PortalDbContext db, int programId, int milestoneId, string name, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(programId, milestoneId, name, ct);
        }
    }

    private async Task<string> ConflictAsync(int programId, int milestoneId, string name, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = milestoneId.ToString();
        var last = await db.AuditEntries.AsNoTracking().Where(a => a.ProgramId == programId && a.EntityType == "Milestone" && a.EntityId == key)
            .OrderByDescending(a => a.Sequence).Select(a => new { a.ActorName, a.Action }).FirstOrDefaultAsync(ct);
        var current = await db.Milestones.AsNoTracking().Include(m => m.PairedWith).Include(m => m.Criteria).FirstOrDefaultAsync(m => m.Id == milestoneId, ct);
        var who = last is null ? "someone else" : $"{last.ActorName} ({last.Action})";
        if (current is null)
            return $"{name} was removed by {who} since you opened it. Nothing was written.";
        var now = current.Kind == MilestoneKind.Technical
            ? $"status {current.Status}, paired with {Names(current.PairedWith)}"
            : $"{current.Criteria.Count} criteria";
        return $"This milestone was changed by {who} since you opened it; it is now '{current.Name}', {now}. Nothing was overwritten; reload to see the change.";
    }

    private static AuditEvent Event(CurrentUser user, int milestoneId, string action, int programId, string? oldValues = null, string? newValues = null,
        string? reason = null) =>
        new(user.Id, user.DisplayName, "Milestone", milestoneId.ToString(), action, programId, oldValues, newValues, reason);

    private static string Names(IEnumerable<Milestone> milestones) =>
        milestones.Any() ? string.Join("; ", milestones.Select(m => m.Name)) : "no change milestone";

    private static string? Reason(string? reason) => string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
}
